"""One's own account: signing in (throttled per account and per address, services/throttle.py),
the session epoch that ends sign-ins, signing out, and changing one's own password; and the
secretariat's unlock."""

import ipaddress
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import update
from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from config import get_settings
from models import Organization, User, pk, session_scope
from services.accounts import throttle
from services.accounts.passwords import check_new_password
from services.accounts.users import end_sessions
from services.core import audit
from services.core.actor import UNKNOWN_USER_HASH, Actor, check_password, hash_password
from services.core.errors import DomainError, InvalidInput, NotFound
from services.core.permissions import Action, require
from services.core.query import found_where


@dataclass(frozen=True)
class SignedIn:
    """What the sign-in cookie and the session keep: who, and the epoch they signed in at."""

    username: str
    display_name: str
    epoch: int


def sign_in(
    *,
    username: str,
    password: str,
    address: str,
    engine: Engine | None = None,
    now: datetime | None = None,
) -> SignedIn:
    """Check a password typed into the sign-in form; DomainError with the sentence to show.

    Three short units of work, so that no lock is held while bcrypt runs:
    1. the attempt is counted against the account name and the client address, atomically
       (throttle.reserve); if either waits: "auth.wait", nothing written, no password check;
    2. one bcrypt check, against a hash no password matches when the name has no account (the
       same time, the same answer "auth.failed" for a wrong name and a wrong password);
    3. the outcome is written: counts cleared or kept, and the audit log (a sign-in, a
       failure, and each wait it starts).
    The password is checked as typed, never trimmed."""
    now = now or datetime.now(UTC)
    plan = throttle.schedules(get_settings())
    name = throttle.account_key(username)
    keys = [(throttle.ACCOUNT, name), (throttle.ADDRESS, throttle.address_key(address))]
    with session_scope(engine) as s:
        held = []
        for kind, key in keys:
            reservation = throttle.reserve(s, kind=kind, key=key, schedule=plan[kind], now=now)
            if reservation is None:  # raising undoes the other key's count too
                raise DomainError(
                    "auth.wait", seconds=throttle.wait_seconds(s, kind=kind, key=key, now=now)
                )
            held.append(reservation)
        found = s.exec(
            select(User, Organization)
            .outerjoin(Organization, col(Organization.id) == col(User.organization_id))
            .where(col(User.username) == name)
        ).first()
        user, org = found if found else (None, None)
        password_hash = user.password_hash if user is not None else UNKNOWN_USER_HASH
    right = check_password(password or "", password_hash)
    address_key = keys[1][1]
    with session_scope(engine) as s:
        who = Actor.of(user) if user is not None else None
        if right and user is not None and user.active:
            for reservation in held:
                throttle.succeeded(s, reservation)
            throttle.prune(s, now=now, older_than=timedelta(days=2))
            refused = org is not None and not org.active
            action = "sign_in_refused" if refused else "sign_in"
            _sign_in_event(s, who, action, name, address_key, user, now)
        else:
            refused = False
            _sign_in_event(s, who, "sign_in_failed", name, address_key, user, now)
            for reservation in held:
                if reservation.blocked_until is not None:
                    _lock_event(s, reservation, user, now)
    if not (right and user is not None and user.active):
        raise DomainError("auth.failed")
    if refused and org is not None:  # refused: the body exists and is inactive
        raise DomainError("auth.body_inactive", name=org.name)
    return SignedIn(user.username, user.display_name, user.session_epoch)


def _lock_event(
    session: Session, held: throttle.Reservation, user: User | None, now: datetime
) -> None:
    event = audit.record(
        session,
        actor=None,
        action="sign_in_locked",
        entity="sign_in",
        entity_id=user.id if user is not None and held.kind == throttle.ACCOUNT else None,
        after={
            "kind": held.kind,
            "key": held.key,
            "failures": held.failures,
            "until": held.blocked_until.isoformat() if held.blocked_until else None,
        },
    )
    event.at = now


def _sign_in_event(
    session: Session,
    who: Actor | None,
    action: str,
    name: str,
    address: str,
    user: User | None,
    now: datetime,
) -> None:
    event = audit.record(
        session,
        actor=who,
        action=action,
        entity="user",
        entity_id=user.id if user is not None else None,
        after={"username": name[:50], "address": address},
    )
    event.at = now
    if who is None:
        event.username = "?"  # no such account: the name typed is in `after`
    if user is not None:
        event.organization_id = user.organization_id


def session_user(session: Session, *, username: str, epoch: int) -> User | None:
    """The user a sign-in (a session or a cookie) stands for, if it still holds: the account
    is active, its body (if any) is active, and nothing has ended its sign-ins since (the
    epoch is the one it signed in at). Checked on every run."""
    found = session.exec(
        select(User, Organization)
        .outerjoin(Organization, col(Organization.id) == col(User.organization_id))
        .where(col(User.username) == username)
    ).first()
    if found is None:
        return None
    user, org = found
    if not user.active or user.session_epoch != epoch or (org is not None and not org.active):
        return None
    return user


def sign_out(session: Session, *, actor: Actor, epoch: int) -> None:
    """Sign out: every sign-in of this account ends, here, on other devices and in copied
    cookies. Only a sign-in that still holds (`epoch` current) can do it, so that a session
    that has already ended cannot end the sign-ins made since."""
    if actor.id is None:
        return
    ended = session.exec(
        update(User)
        .where(col(User.id) == actor.id, col(User.session_epoch) == epoch)
        .values(session_epoch=epoch + 1)
        .execution_options(synchronize_session=False)
    )
    if ended.rowcount == 1:
        audit.record(session, actor=actor, action="sign_out", entity="user", entity_id=actor.id)


def change_password(session: Session, *, actor: Actor, current: str, new: str, repeat: str) -> int:
    """Change the actor's own password, after checking the current one. Every other sign-in
    of the account ends; returns the new epoch, which the session that changed it keeps."""
    user = session.get(User, actor.id) if actor.id is not None else None
    if user is None or not user.active:
        raise NotFound("err.account_not_found")
    if not check_password(current or "", user.password_hash):
        raise InvalidInput("err.password_current_wrong")
    if new != repeat:
        raise InvalidInput("err.password_mismatch")
    if check_password(new or "", user.password_hash):
        raise InvalidInput("err.password_same")
    new = check_new_password(session, new, username=user.username)
    user.password_hash = hash_password(new)
    audit.saved(
        session,
        actor,
        user,
        action="change_password",
        entity="user",
        after={"username": user.username},  # never the hash
    )
    throttle.forget(session, kind=throttle.ACCOUNT, key=user.username)
    end_sessions(session, [pk(user)])
    return user.session_epoch


def unlock_sign_in(
    session: Session, *, actor: Actor, username: str | None = None, address: str | None = None
) -> bool:
    """The secretariat lifts the wait and the count on an account, or on a client address.
    True if there was anything to lift (then it is in the audit log)."""
    require(actor, Action.ADMINISTER)
    if username is not None:
        statement = select(User).where(col(User.username) == throttle.account_key(username))
        user = found_where(session, statement, "err.user_unknown", value=username)
        kind, key, entity_id = throttle.ACCOUNT, user.username, user.id
    else:
        try:
            key = throttle.address_key(str(ipaddress.ip_address((address or "").strip())))
        except ValueError:
            if (address or "").strip() != throttle.LOOPBACK:
                raise InvalidInput("err.address_format", value=(address or "")[:60]) from None
            key = throttle.LOOPBACK
        kind, entity_id = throttle.ADDRESS, None
    row = throttle.forget(session, kind=kind, key=key)
    if row is None or (not row.failures and row.blocked_until is None):
        return False
    audit.record(
        session,
        actor=actor,
        action="sign_in_unlocked",
        entity="sign_in",
        entity_id=entity_id,
        before={
            "failures": row.failures,
            "until": row.blocked_until.isoformat() if row.blocked_until else None,
        },
        after={"kind": kind, "key": key},
    )
    return True


def sign_in_waits(
    session: Session, *, actor: Actor, now: datetime | None = None
) -> list[throttle.Waiting]:
    """Accounts and addresses that wait now (the secretariat's view)."""
    require(actor, Action.ADMINISTER)
    return throttle.waiting(session, now=now or datetime.now(UTC))
