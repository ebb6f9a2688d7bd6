"""Users' e-mail addresses: set by the secretariat for any account, or by a user for their own;
checked with email-validator (the syntax, not whether the domain exists)."""

from email_validator import EmailNotValidError, validate_email
from sqlmodel import Session, select

from models import User
from services.core import audit, validation
from services.core.actor import Actor
from services.core.errors import InvalidInput, PermissionDenied
from services.core.permissions import Action, can
from services.core.query import found_where

MAX_LENGTH = 254


def normalised(value: str | None) -> str | None:
    """The address as it will be stored (its domain in lower case), None for an empty one;
    InvalidInput for anything that is not an address."""
    text = validation.clean(value, one_line=True)
    if not text:
        return None
    try:
        checked = validate_email(text, check_deliverability=False, allow_smtputf8=False)
    except EmailNotValidError:
        raise InvalidInput("err.email_invalid", value=text[:80]) from None
    if len(checked.normalized) > MAX_LENGTH:
        raise InvalidInput("err.email_invalid", value=text[:80])
    return str(checked.normalized)


def email_of(session: Session, *, actor: Actor, username: str) -> str:
    user = _user(session, username)
    _require(actor, user)
    return user.email or ""


def set_email(session: Session, *, actor: Actor, username: str, email: str | None) -> User:
    """Set (or, empty, remove) an account's address. The secretariat for anyone, each user for
    themself; audited. Nothing is written when the address is not one."""
    user = _user(session, username)
    _require(actor, user)
    address = normalised(email)
    if address == user.email:
        return user
    before = {"email": user.email}
    user.email = address
    audit.saved(
        session,
        actor,
        user,
        action="set_email",
        entity="user",
        before=before,
        after={"email": address},
    )
    return user


def _user(session: Session, username: str) -> User:
    named = select(User).where(User.username == (username or "").strip().lower())
    return found_where(session, named, "err.user_unknown", value=username)


def _require(actor: Actor, user: User) -> None:
    if actor.id is not None and actor.id == user.id:
        return
    if not can(actor, Action.ADMINISTER):
        raise PermissionDenied("err.permission")
