"""One run of `manage.py notify`: make the notices due now, then e-mail what waits."""

import re
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy.engine import Engine
from sqlmodel import Session

from config import Settings
from models import session_scope
from services.core import clock
from services.core.errors import InvalidInput
from services.notices import cycle, mail
from services.notices.generate import generate

_MOMENT = re.compile(r"^\s*(\d{1,2})/(\d{1,2})/(\d{4})(?:\s+(\d{1,2}):(\d{2}))?\s*$")


def parse_moment(text: str) -> datetime:
    """ "DD/MM/YYYY HH:MM" (or a day alone: its start), on a clock in Vietnam, as UTC."""
    m = _MOMENT.match(text or "")
    if m is None:
        raise InvalidInput("err.notify_now", value=(text or "")[:40])
    day, month, year, hour, minute = m.groups()
    try:
        when = date(int(year), int(month), int(day))
        return clock.at(when, int(hour or 0), int(minute or 0))
    except ValueError:
        raise InvalidInput("err.notify_now", value=text[:40]) from None


@dataclass(frozen=True)
class RunResult:
    created: int
    emailed: int
    failed: int
    queued: int

    def as_dict(self) -> dict[str, int]:
        return {
            "created": self.created,
            "emailed": self.emailed,
            "failed": self.failed,
            "queued": self.queued,
        }


def notify(
    engine: Engine,
    settings: Settings,
    *,
    now: datetime | None = None,
    dry_run: bool = False,
    opener: mail.Connect = mail.connect,
) -> RunResult:
    """Create the notices due at `now` and e-mail the waiting ones (dry run: count what would
    be created and what waits, write and send nothing)."""
    now = now or clock.now()
    if dry_run:
        with Session(engine) as s:
            cycle.close_if_due(s, now=now)
            created = generate(s, clock.today(now), now=now)
            waiting = mail.queued(s)
            s.rollback()
        return RunResult(created, 0, 0, waiting)
    with session_scope(engine) as s:
        cycle.close_if_due(s, now=now)  # a period past its deadline and grace closes first
    with session_scope(engine) as s:
        created = generate(s, clock.today(now), now=now)
    sent = mail.send_pending(engine, settings, now=now, opener=opener)
    return RunResult(created, sent.emailed, sent.failed, sent.queued)
