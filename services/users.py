"""User accounts. The sign-in form's credentials are built from these rows."""

import re
from typing import Any

from sqlmodel import Session, select

from models import Organization, Role, User
from services import audit
from services.auth import MIN_PASSWORD_LENGTH, SYSTEM, Actor, hash_password
from services.errors import InvalidInput, PermissionDenied

USERNAME_RE = re.compile(r"^[a-z0-9][a-z0-9_.-]{1,49}$")


def create_user(
    session: Session,
    *,
    username: str,
    display_name: str,
    password: str | None = None,
    password_hash: str | None = None,
    role: str,
    organization_code: str | None = None,
    actor: Actor = SYSTEM,
) -> User:
    """Validate everything first, write nothing on error. Either a password or a ready-made
    bcrypt hash (the demo shares one hash among its accounts)."""
    if actor.role != Role.SECRETARIAT:
        raise PermissionDenied("err.permission")
    username = (username or "").strip().lower()
    if not USERNAME_RE.match(username):
        raise InvalidInput("err.username_format", value=username)
    if session.exec(select(User).where(User.username == username)).first():
        raise InvalidInput("err.username_taken", value=username)
    if role not in {r.value for r in Role}:
        raise InvalidInput("err.role_unknown", value=role, allowed=", ".join(r.value for r in Role))
    org: Organization | None = None
    if organization_code:
        org = session.exec(
            select(Organization).where(Organization.code == organization_code.strip().upper())
        ).first()
        if org is None:
            raise InvalidInput("err.org_unknown", value=organization_code)
        if not org.active:
            raise InvalidInput("err.org_inactive", value=org.code)
    if role == Role.BODY and org is None:
        raise InvalidInput("err.body_needs_org")
    if role != Role.BODY and org is not None:
        raise InvalidInput("err.org_only_for_body")
    if password_hash is None:
        if password is None or len(password) < MIN_PASSWORD_LENGTH:
            raise InvalidInput("err.password_short", n=MIN_PASSWORD_LENGTH)
        password_hash = hash_password(password)
    display_name = (display_name or "").strip() or username
    user = User(
        username=username,
        display_name=display_name[:200],
        password_hash=password_hash,
        role=role,
        organization_id=org.id if org else None,
    )
    session.add(user)
    session.flush()
    audit.record(
        session,
        actor=actor,
        action="create",
        entity="user",
        entity_id=user.id,
        after=audit.snapshot(
            user, ["username", "display_name", "role", "organization_id", "active"]
        ),
    )
    return user


def active_user(session: Session, username: str) -> User | None:
    return session.exec(
        select(User).where(User.username == username, User.active == True)  # noqa: E712
    ).first()


def authenticator_credentials(session: Session) -> dict[str, Any]:
    """streamlit-authenticator's credentials dict, from the active users only, so that an
    inactive user can neither sign in nor come back with an earlier cookie."""
    users = session.exec(select(User).where(User.active == True)).all()  # noqa: E712
    return {
        "usernames": {
            u.username: {
                "name": u.display_name,
                "password": u.password_hash,
                "email": f"{u.username}@cchc.local",
                "roles": [u.role],
            }
            for u in users
        }
    }
