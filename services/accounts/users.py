"""User accounts: created, changed, deactivated and given a new password by the secretariat.
A change that alters what an account may do (role, body, deactivation, a new password) ends
every sign-in of that account at once (end_sessions)."""

import re
from dataclasses import dataclass

from sqlalchemy import update
from sqlmodel import Session, col, select

from models import Organization, Role, User, pk
from services.accounts import throttle
from services.accounts.passwords import check_new_password
from services.core import audit, validation
from services.core.actor import Actor, hash_password
from services.core.errors import InvalidInput
from services.core.permissions import Action, require
from services.core.query import found_where

USERNAME_RE = re.compile(r"^[a-z0-9][a-z0-9_.-]{1,49}$")
_USER_FIELDS = ["username", "display_name", "role", "organization_id", "active"]


def create_user(
    session: Session,
    *,
    username: str,
    display_name: str,
    password: str | None = None,
    password_hash: str | None = None,
    role: str,
    organization_code: str | None = None,
    actor: Actor,
) -> User:
    """Validate everything first, write nothing on error. Either a password (held to the
    password policy) or a ready-made bcrypt hash (the demo shares one hash among its
    accounts). `actor`: who creates it (manage.py passes services.auth.SYSTEM)."""
    require(actor, Action.ADMINISTER)
    username = (username or "").strip().lower()
    if not USERNAME_RE.match(username):
        raise InvalidInput("err.username_format", value=username)
    if session.exec(select(User).where(User.username == username)).first():
        raise InvalidInput("err.username_taken", value=username)
    org = _body_for_role(session, role, organization_code)
    if password_hash is None:
        password_hash = hash_password(check_new_password(session, password, username=username))
    display_name = validation.clean(display_name, one_line=True) or username
    user = User(
        username=username,
        display_name=display_name[:200],
        password_hash=password_hash,
        role=role,
        organization_id=org.id if org else None,
    )
    audit.created(session, actor, user, entity="user", fields=_USER_FIELDS)
    return user


def _body_for_role(
    session: Session, role: str, organization_code: str | None, *, has_now: int | None = None
) -> Organization | None:
    """The body an account of this role belongs to (a body account needs one, the others have
    none); an inactive body only for an account that already belongs to it (`has_now`)."""
    if role not in {r.value for r in Role}:
        raise InvalidInput("err.role_unknown", value=role, allowed=", ".join(r.value for r in Role))
    org: Organization | None = None
    if organization_code:
        org = session.exec(
            select(Organization).where(Organization.code == organization_code.strip().upper())
        ).first()
        if org is None:
            raise InvalidInput("err.org_unknown", value=organization_code)
        if not org.active and (has_now is None or org.id != has_now):
            raise InvalidInput("err.org_inactive", value=org.code)
    if role == Role.BODY and org is None:
        raise InvalidInput("err.body_needs_org")
    if role != Role.BODY and org is not None:
        raise InvalidInput("err.org_only_for_body")
    return org


def active_user(session: Session, username: str) -> User | None:
    return session.exec(
        select(User).where(User.username == username, User.active == True)  # noqa: E712
    ).first()


def end_sessions(session: Session, user_ids: list[int]) -> None:
    """End every sign-in of these users: each open session and each cookie, on its next run
    (the epoch they carry no longer matches: services.accounts.session_user)."""
    if not user_ids:
        return
    session.exec(
        update(User)
        .where(col(User.id).in_(user_ids))
        .values(session_epoch=col(User.session_epoch) + 1)
        .execution_options(synchronize_session=False)
    )
    for user in session.exec(select(User).where(col(User.id).in_(user_ids))):
        session.refresh(user)


# ----------------------------------------------------------------------------- administration


@dataclass(frozen=True)
class UserRow:
    username: str
    display_name: str
    role: str
    organization_code: str | None
    organization_name: str | None
    active: bool


def list_users(session: Session) -> list[UserRow]:
    rows = session.exec(
        select(User, Organization)
        .join(Organization, col(User.organization_id) == col(Organization.id), isouter=True)
        .order_by(User.role, User.username)
    ).all()
    return [
        UserRow(
            u.username,
            u.display_name,
            u.role,
            o.code if o else None,
            o.name if o else None,
            u.active,
        )
        for u, o in rows
    ]


def _get_user(session: Session, username: str) -> User:
    statement = select(User).where(User.username == (username or "").strip().lower())
    return found_where(session, statement, "err.user_unknown", value=username)


def _other_active_secretaries(session: Session, user: User) -> int:
    return len(
        session.exec(
            select(User.id).where(
                User.role == Role.SECRETARIAT,
                User.active == True,  # noqa: E712
                User.id != user.id,
            )
        ).all()
    )


def update_user(
    session: Session,
    *,
    actor: Actor,
    username: str,
    role: str,
    organization_code: str | None = None,
    display_name: str | None = None,
) -> User:
    """Change an account's role, body and display name together, since they depend on each
    other (a body account needs a body, the others have none)."""
    require(actor, Action.ADMINISTER)
    user = _get_user(session, username)
    org = _body_for_role(session, role, organization_code, has_now=user.organization_id)
    if (
        user.role == Role.SECRETARIAT
        and role != Role.SECRETARIAT
        and user.active
        and not _other_active_secretaries(session, user)
    ):
        raise InvalidInput("err.last_secretariat")
    before = audit.snapshot(user, _USER_FIELDS)
    user.role = role
    user.organization_id = org.id if org else None
    if display_name is not None:
        user.display_name = (validation.clean(display_name, one_line=True) or user.username)[:200]
    after = audit.snapshot(user, _USER_FIELDS)
    if after == before:
        return user
    audit.saved(session, actor, user, action="update", entity="user", before=before, after=after)
    if (after["role"], after["organization_id"]) != (before["role"], before["organization_id"]):
        end_sessions(session, [pk(user)])
    return user


def set_user_active(session: Session, *, actor: Actor, username: str, active: bool) -> User:
    """Deactivate an account (it can no longer sign in; its history stays) or bring it back."""
    require(actor, Action.ADMINISTER)
    user = _get_user(session, username)
    if user.active == active:
        return user
    if not active and user.id == actor.id:
        raise InvalidInput("err.self_deactivate")
    last = user.role == Role.SECRETARIAT and not _other_active_secretaries(session, user)
    if not active and last:
        raise InvalidInput("err.last_secretariat")
    if active and user.organization_id is not None:
        org = session.get(Organization, user.organization_id)
        if org is not None and not org.active:
            raise InvalidInput("err.org_inactive", value=org.code)
    audit.switched(
        session, actor, user, "active", active, entity="user", verbs=("activate", "deactivate")
    )
    if not active:
        end_sessions(session, [pk(user)])
    return user


def reset_password(session: Session, *, actor: Actor, username: str, new_password: str) -> User:
    """Set a new password for someone who lost theirs: every sign-in of the account ends and
    its sign-in wait is lifted. The audit log says who did it, never the password or its
    hash."""
    require(actor, Action.ADMINISTER)
    user = _get_user(session, username)
    new_password = check_new_password(session, new_password, username=user.username)
    user.password_hash = hash_password(new_password)
    audit.saved(
        session,
        actor,
        user,
        action="reset_password",
        entity="user",
        after={"username": user.username},
    )
    end_sessions(session, [pk(user)])
    throttle.forget(session, kind=throttle.ACCOUNT, key=user.username)
    return user
