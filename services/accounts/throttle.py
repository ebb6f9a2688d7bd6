"""Sign-in throttling, per account name and per client address, kept in the database.

Invariant: an attempt reaches the password check only after it has been counted, as a failure,
against both its account name and its client address, by one conditional UPDATE per key that
refuses a key which is waiting. So N parallel attempts cannot all pass a check made before any
of them is counted (the row is locked by the first UPDATE until its transaction ends: the
others then see its count and its wait). A right password afterwards clears the account's
count and gives back the address's one.

The schedule (config.Settings.sign_in_*): after `free` failures in a row a key waits
`base` seconds, doubling with each further failure up to its cap; a key with no failure for
its forget period starts again. Why these numbers (docs/security-notes/auth.md):
- The address bites first (3 free failures against the account's 5, and a cap of 30 minutes
  against 2), so from one address an attacker reaches an account's wait only after a longer
  wait of their own, and then at most once per 30 minutes: they can keep a real user out for
  at most 2 minutes at a time, and not most of the time.
- An account's wait is bounded (2 minutes) so that many addresses together cannot lock a user
  out for long either; they are limited to one guess per account per 2 minutes, while the
  password policy keeps passwords out of the first million guesses.
- Unknown names are counted exactly like known ones, so the answers never tell them apart.
- While a key waits, attempts are refused without a password check and without a write, so a
  flood costs neither bcrypt time nor audit rows.
"""

import ipaddress
import math
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import case, delete, or_, update
from sqlalchemy.sql.dml import UpdateBase
from sqlmodel import Session, col, select

from config import Settings
from models import SignInThrottle

ACCOUNT = "account"
ADDRESS = "address"
LOOPBACK = "loopback"  # the server's own machine (Streamlit reports no address for it)
KEY_LIMIT = 100


@dataclass(frozen=True)
class Schedule:
    free: int  # failures in a row before the first wait
    base_seconds: int
    max_seconds: int
    forget_minutes: int

    def delay(self, failures: int) -> int:
        """Seconds the key waits after its `failures`-th failure in a row."""
        if failures < self.free:
            return 0
        wait: int = self.base_seconds * 2 ** min(failures - self.free, 30)
        return min(wait, self.max_seconds)


def schedules(settings: Settings) -> dict[str, Schedule]:
    return {
        ACCOUNT: Schedule(
            settings.sign_in_account_free,
            settings.sign_in_base_delay_seconds,
            settings.sign_in_account_max_delay_seconds,
            settings.sign_in_account_forget_minutes,
        ),
        ADDRESS: Schedule(
            settings.sign_in_address_free,
            settings.sign_in_base_delay_seconds,
            settings.sign_in_address_max_delay_seconds,
            settings.sign_in_address_forget_minutes,
        ),
    }


@dataclass(frozen=True)
class Reservation:
    """One attempt counted against one key: its count after this attempt, and the wait this
    attempt set (if it were to fail)."""

    kind: str
    key: str
    failures: int
    blocked_until: datetime | None


def _ensure_row(session: Session, kind: str, key: str) -> None:
    statement: UpdateBase
    if session.get_bind().dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as postgresql_insert

        on_postgresql = postgresql_insert(SignInThrottle).values(kind=kind, key=key, failures=0)
        statement = on_postgresql.on_conflict_do_nothing()
    else:
        from sqlalchemy.dialects.sqlite import insert as sqlite_insert

        on_sqlite = sqlite_insert(SignInThrottle).values(kind=kind, key=key, failures=0)
        statement = on_sqlite.on_conflict_do_nothing()
    session.exec(statement)


def reserve(
    session: Session, *, kind: str, key: str, schedule: Schedule, now: datetime
) -> Reservation | None:
    """Count this attempt against `key`, unless the key is waiting (None: refuse it)."""
    _ensure_row(session, kind, key)
    t = SignInThrottle
    forget_before = now - timedelta(minutes=schedule.forget_minutes)
    counted = session.exec(
        update(t)
        .where(
            col(t.kind) == kind,
            col(t.key) == key,
            or_(col(t.blocked_until).is_(None), col(t.blocked_until) <= now),
        )
        .values(
            failures=case(
                (
                    or_(col(t.last_failure_at).is_(None), col(t.last_failure_at) < forget_before),
                    1,
                ),
                else_=col(t.failures) + 1,
            ),
            last_failure_at=now,
            blocked_until=None,
        )
        .returning(col(t.failures))
        .execution_options(synchronize_session=False)
    ).first()
    if counted is None:
        return None
    failures = int(counted[0])
    delay = schedule.delay(failures)
    until = None
    if delay:  # the row stays locked by the UPDATE above until this transaction ends
        until = now + timedelta(seconds=delay)
        session.exec(
            update(t)
            .where(col(t.kind) == kind, col(t.key) == key)
            .values(blocked_until=until)
            .execution_options(synchronize_session=False)
        )
    return Reservation(kind, key, failures, until)


def wait_seconds(session: Session, *, kind: str, key: str, now: datetime) -> int:
    """Whole seconds until `key` may try again (at least 1 while it waits)."""
    row = session.get(SignInThrottle, (kind, key))
    if row is None or row.blocked_until is None:
        return 0
    return max(1, math.ceil((_aware(row.blocked_until) - now).total_seconds()))


def succeeded(session: Session, reservation: Reservation) -> None:
    """The password was right: an account starts again from nothing; an address gets back the
    count of this attempt (and loses the wait this attempt set, if nothing has replaced it)."""
    t = SignInThrottle
    where = (col(t.kind) == reservation.kind, col(t.key) == reservation.key)
    if reservation.kind == ACCOUNT:
        session.exec(delete(t).where(*where).execution_options(synchronize_session=False))
        return
    session.exec(
        update(t)
        .where(*where)
        .values(failures=case((col(t.failures) > 0, col(t.failures) - 1), else_=0))
        .execution_options(synchronize_session=False)
    )
    if reservation.blocked_until is not None:
        session.exec(
            update(t)
            .where(*where, col(t.blocked_until) == reservation.blocked_until)
            .values(blocked_until=None)
            .execution_options(synchronize_session=False)
        )


def forget(session: Session, *, kind: str, key: str) -> SignInThrottle | None:
    """Remove `key`'s count and wait (an unlock); returns what there was."""
    row = session.get(SignInThrottle, (kind, key))
    if row is not None:
        session.delete(row)
        session.flush()
    return row


def prune(session: Session, *, now: datetime, older_than: timedelta) -> None:
    """Drop keys that have neither failed for `older_than` nor wait any more: names typed once
    by someone must not pile up."""
    t = SignInThrottle
    session.exec(
        delete(t)
        .where(
            or_(col(t.last_failure_at).is_(None), col(t.last_failure_at) < now - older_than),
            or_(col(t.blocked_until).is_(None), col(t.blocked_until) < now),
        )
        .execution_options(synchronize_session=False)
    )


@dataclass(frozen=True)
class Waiting:
    kind: str
    key: str
    failures: int
    until: datetime


def waiting(session: Session, *, now: datetime) -> list[Waiting]:
    """The keys that wait now, longest wait first (for the administration page)."""
    t = SignInThrottle
    rows = session.exec(
        select(t).where(col(t.blocked_until) > now).order_by(col(t.blocked_until).desc())
    ).all()
    return [
        Waiting(r.kind, r.key, r.failures, _aware(r.blocked_until))
        for r in rows
        if r.blocked_until is not None  # always: the query asks for a wait after now
    ]


def account_key(username: str) -> str:
    """The account key of what was typed as a name, known or not: as the sign-in reads it."""
    return " ".join((username or "").split()).lower()[:KEY_LIMIT] or "-"


def address_key(address: str) -> str:
    """An IPv6 client is keyed by its /64 network (one subscriber gets a whole /64)."""
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return (address or LOOPBACK)[:KEY_LIMIT]
    if ip.version == 6 and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    if ip.is_loopback:
        return LOOPBACK
    if ip.version == 6:
        return str(ipaddress.ip_network(f"{ip}/64", strict=False))
    return str(ip)


def client_address(
    peer: str | None,
    forwarded_for: list[str],
    trusted: list[ipaddress.IPv4Network | ipaddress.IPv6Network],
) -> str:
    """The client's address key. `peer` is the connection's address (None: the server's own
    machine); X-Forwarded-For (`forwarded_for`, its header values) is believed only when the
    peer is a trusted proxy, read from the right, skipping further trusted proxies: the
    left part of that header is whatever the client chose to write."""
    current = peer or "127.0.0.1"
    if not _within(current, trusted):
        return address_key(current)
    hops = [h.strip() for value in forwarded_for for h in value.split(",") if h.strip()]
    for hop in reversed(hops):
        try:
            ipaddress.ip_address(hop)
        except ValueError:
            break  # a hop a proxy would never write: trust nothing further left
        if not _within(hop, trusted):
            return address_key(hop)
    return address_key(current)


def _within(address: str, networks: list[ipaddress.IPv4Network | ipaddress.IPv6Network]) -> bool:
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(ip in net for net in networks)


def _aware(moment: datetime) -> datetime:
    from datetime import UTC

    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
