"""Who is acting, and the password scheme: bcrypt hashes (bcrypt.hashpw with a fresh salt) of
the password in Unicode's composed form (services/password_policy.py says which passwords may
be set)."""

import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import bcrypt

from models import Role, User


@dataclass(frozen=True)
class Actor:
    id: int | None
    username: str
    role: str
    organization_id: int | None = None

    @classmethod
    def of(cls, user: User) -> "Actor":
        return cls(user.id, user.username, user.role, user.organization_id)

    @property
    def reads_all(self) -> bool:
        return self.role in {Role.LEADER, Role.SECRETARIAT, Role.BODY, Role.VIEWER}


SYSTEM = Actor(id=None, username="system", role=Role.SECRETARIAT)


def _bytes(password: str) -> bytes:
    return unicodedata.normalize("NFC", password or "").encode("utf-8")


def hash_password(password: str) -> str:
    return bcrypt.hashpw(_bytes(password), bcrypt.gensalt()).decode()


def check_password(password: str, password_hash: str) -> bool:
    """One bcrypt check. False for a password bcrypt cannot take (over 72 bytes) or a hash
    that is not one, never an exception."""
    try:
        return bcrypt.checkpw(_bytes(password), password_hash.encode())
    except ValueError:
        return False


@lru_cache(maxsize=1)
def unknown_user_hash() -> str:
    """A hash no password matches, checked for a name that has no account, so that a wrong
    name costs the same one bcrypt check as a wrong password (no timing tells them apart)."""
    import secrets

    return hash_password(secrets.token_urlsafe(24))
