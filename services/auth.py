"""Who is acting, and the password scheme.

Passwords are bcrypt hashes made with the same call streamlit-authenticator's Hasher uses
(bcrypt.hashpw with a fresh salt), so the sign-in form verifies them; importing the
authenticator here would drag Streamlit into the services.
"""

from dataclasses import dataclass

import bcrypt

from models import Role, User

MIN_PASSWORD_LENGTH = 8


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


def hash_password(password: str) -> str:
    return bcrypt.hashpw(password.encode(), bcrypt.gensalt()).decode()


def check_password(password: str, password_hash: str) -> bool:
    try:
        return bcrypt.checkpw(password.encode(), password_hash.encode())
    except ValueError:
        return False
