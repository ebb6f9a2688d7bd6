"""Who is acting, and the password scheme: bcrypt hashes (bcrypt.hashpw with a fresh salt) of
the password in Unicode's composed form (services/password_policy.py says which passwords may
be set)."""

import unicodedata
from dataclasses import dataclass

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


# Checked for a name that has no account, so that a wrong name costs the same one bcrypt check
# (cost 12, as gensalt() gives the real hashes) as a wrong password, and no timing tells them
# apart. The hash of a random string that was thrown away: no password matches it.
UNKNOWN_USER_HASH = "$2b$12$e.GwxhNsIPvfUuVTqWuz1.0nOy/MbHsVaAEIpMxNx3oNtyL5zX48m"
