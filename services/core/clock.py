"""One clock. The office's day is Vietnam's day (Asia/Ho_Chi_Minh, UTC+7 all year): a report
sent at 01:30 on 1 July in Lai Châu was sent on 1 July, though it is still 30 June in UTC.
Moments are stored in UTC; every day a person or a deadline means is taken here."""

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

VN_TZ = ZoneInfo("Asia/Ho_Chi_Minh")


def now() -> datetime:
    """This moment, timezone-aware, in UTC (as the database keeps it)."""
    return datetime.now(UTC)


def aware(moment: datetime) -> datetime:
    """A moment read back from the database: SQLite hands it over without its zone (UTC)."""
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def local(moment: datetime) -> datetime:
    """The moment on a clock in Vietnam."""
    return aware(moment).astimezone(VN_TZ)


def day_of(moment: datetime) -> date:
    """The day in Vietnam at `moment`."""
    return local(moment).date()


def today(at: datetime | None = None) -> date:
    """Today in Vietnam (or the Vietnam day of `at`)."""
    return day_of(at or now())


def start_of_day(day: date) -> datetime:
    """The first instant of `day` in Vietnam, in UTC."""
    return datetime.combine(day, time(0, 0), tzinfo=VN_TZ).astimezone(UTC)


def end_of_day(day: date) -> datetime:
    """The last instant of `day` in Vietnam, in UTC: what was written by then counts."""
    return start_of_day(day + timedelta(days=1)) - timedelta(microseconds=1)


def at(day: date, hour: int = 0, minute: int = 0) -> datetime:
    """`hour`:`minute` on `day` in Vietnam, in UTC."""
    return datetime.combine(day, time(hour, minute), tzinfo=VN_TZ).astimezone(UTC)
