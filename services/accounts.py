"""One's own account: sign-in attempts (kept in the database, since the sign-in form's
credentials are rebuilt on every run) and changing one's own password."""

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import update
from sqlmodel import Session, select

from models import User
from services import audit
from services.auth import MIN_PASSWORD_LENGTH, Actor, check_password, hash_password
from services.errors import InvalidInput, NotFound

MAX_PASSWORD_LENGTH = 72  # bcrypt reads no further


@dataclass(frozen=True)
class Lock:
    """An account waiting after too many wrong passwords."""

    attempts: int
    minutes_left: int


def _user(session: Session, username: str) -> User | None:
    return session.exec(
        select(User).where(User.username == (username or "").strip().lower())
    ).first()


def sign_in_lock(
    session: Session,
    *,
    username: str,
    max_attempts: int,
    lock_minutes: int,
    now: datetime | None = None,
) -> Lock | None:
    """The lock on `username` if it has had `max_attempts` wrong passwords in a row and the
    last was less than `lock_minutes` ago; None otherwise (also for an unknown name)."""
    user = _user(session, username)
    if user is None or user.failed_logins < max_attempts or user.last_failed_login_at is None:
        return None
    now = now or datetime.now(UTC)
    until = _aware(user.last_failed_login_at) + timedelta(minutes=lock_minutes)
    if now >= until:
        return None
    return Lock(user.failed_logins, max(1, -(-int((until - now).total_seconds()) // 60)))


def record_sign_in(
    session: Session, *, username: str, succeeded: bool, now: datetime | None = None
) -> int:
    """Count a wrong password (atomically, so parallel attempts are all counted) or clear the
    count after a right one. Returns the count; 0 for an unknown name."""
    user = _user(session, username)
    if user is None:
        return 0
    if succeeded:
        if user.failed_logins:
            session.exec(
                update(User)
                .where(User.id == user.id)
                .values(failed_logins=0, last_failed_login_at=None)
                .execution_options(synchronize_session=False)
            )
        return 0
    session.exec(
        update(User)
        .where(User.id == user.id)
        .values(failed_logins=User.failed_logins + 1, last_failed_login_at=now or datetime.now(UTC))
        .execution_options(synchronize_session=False)
    )
    session.expire(user)
    return session.get(User, user.id).failed_logins


def change_password(session: Session, *, actor: Actor, current: str, new: str, repeat: str) -> None:
    """Change the actor's own password, after checking the current one."""
    user = session.get(User, actor.id) if actor.id is not None else None
    if user is None or not user.active:
        raise NotFound("err.account_not_found")
    if not check_password(current or "", user.password_hash):
        raise InvalidInput("err.password_current_wrong")
    if new != repeat:
        raise InvalidInput("err.password_mismatch")
    if len(new or "") < MIN_PASSWORD_LENGTH:
        raise InvalidInput("err.password_short", n=MIN_PASSWORD_LENGTH)
    if len(new.encode()) > MAX_PASSWORD_LENGTH:
        raise InvalidInput("err.password_long", n=MAX_PASSWORD_LENGTH)
    if new.strip() != new:
        raise InvalidInput("err.password_spaces")
    if check_password(new, user.password_hash):
        raise InvalidInput("err.password_same")
    user.password_hash = hash_password(new)
    user.failed_logins = 0
    user.last_failed_login_at = None
    session.add(user)
    audit.record(
        session,
        actor=actor,
        action="change_password",
        entity="user",
        entity_id=user.id,
        after={"username": user.username},  # never the hash
    )


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
