"""Accounts and signing in: users, passwords, sign-in attempts, one's own account."""
