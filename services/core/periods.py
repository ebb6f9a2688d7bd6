"""Reporting periods: quarters written "2022-Q1" and years written "2022"."""

import re
from dataclasses import dataclass
from datetime import date

from sqlmodel import Session, col, select

from models import ReportingPeriod
from services.core.errors import InvalidInput

_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")
_YEAR = re.compile(r"^(\d{4})$")


def quarter_of(day: date) -> str:
    return f"{day.year}-Q{(day.month - 1) // 3 + 1}"


def parse(code: str) -> tuple[int, int | None]:
    """(year, quarter) for a quarter, (year, None) for a year; InvalidInput otherwise."""
    code = (code or "").strip()
    if m := _QUARTER.match(code):
        return int(m.group(1)), int(m.group(2))
    if m := _YEAR.match(code):
        return int(m.group(1)), None
    raise InvalidInput("err.period_format", value=code)


def bounds(code: str) -> tuple[date, date]:
    year, quarter = parse(code)
    if quarter is None:
        return date(year, 1, 1), date(year, 12, 31)
    start_month = 3 * (quarter - 1) + 1
    end = date(year + 1, 1, 1) if quarter == 4 else date(year, start_month + 3, 1)
    return date(year, start_month, 1), date.fromordinal(end.toordinal() - 1)


def shift(code: str, steps: int) -> str:
    """The period `steps` quarters (or years) after `code`; negative goes back."""
    year, quarter = parse(code)
    if quarter is None:
        return str(year + steps)
    index = year * 4 + (quarter - 1) + steps
    return f"{index // 4}-Q{index % 4 + 1}"


def quarters_between(first: str, last: str) -> list[str]:
    """Every quarter from first to last inclusive."""
    out = [first]
    while out[-1] != last:
        if len(out) > 400:
            raise InvalidInput("err.period_range", first=first, last=last)
        out.append(shift(out[-1], 1))
    return out


def year_of(code: str) -> int:
    return parse(code)[0]


def parse_day(text: str) -> date:
    """A day written dd/mm/yyyy (as Vietnamese offices write it) or yyyy-mm-dd."""
    text = (text or "").strip()
    try:
        if "/" in text:
            d, m, y = (int(x) for x in text.split("/"))
            return date(y, m, d)
        return date.fromisoformat(text)
    except ValueError:
        raise InvalidInput("cli.export_bad_date", value=text) from None


# --- the periods the office has opened ------------------------------------------------------


@dataclass(frozen=True)
class PeriodRow:
    code: str
    starts_on: date
    ends_on: date
    report_deadline: date
    is_current: bool


def _row(p: ReportingPeriod) -> PeriodRow:
    return PeriodRow(p.code, p.starts_on, p.ends_on, p.report_deadline, p.is_current)


def list_periods(session: Session, *, newest_first: bool = False) -> list[PeriodRow]:
    order = col(ReportingPeriod.code).desc() if newest_first else col(ReportingPeriod.code)
    return [_row(p) for p in session.exec(select(ReportingPeriod).order_by(order))]


def current_period(session: Session) -> PeriodRow | None:
    """The period bodies report on now (exactly one is current once the office opened one)."""
    found = session.exec(select(ReportingPeriod).where(col(ReportingPeriod.is_current))).first()
    return _row(found) if found else None


# --- the periods a periodic report covers: a quarter, a half-year, a year -----------------------

_HALF = re.compile(r"^(\d{4})-H([12])$")


def span_quarters(code: str) -> list[str]:
    """The quarters a report period covers, in order: "2022-Q4" -> [2022-Q4];
    "2022-H1" -> [2022-Q1, 2022-Q2]; "2022" -> the year's four. InvalidInput otherwise."""
    code = (code or "").strip()
    if m := _HALF.match(code):
        year, half = int(m.group(1)), int(m.group(2))
        return [f"{year}-Q{q}" for q in ((1, 2) if half == 1 else (3, 4))]
    try:
        year, quarter = parse(code)
    except InvalidInput:
        raise InvalidInput("err.report_period_format", value=code[:20]) from None
    return [code] if quarter else [f"{year}-Q{q}" for q in range(1, 5)]


def span_bounds(code: str) -> tuple[date, date]:
    """First and last day of a quarter, a half-year or a year."""
    quarters = span_quarters(code)
    return bounds(quarters[0])[0], bounds(quarters[-1])[1]


def span_next(code: str) -> str:
    """The report period after `code`, of the same length."""
    code = code.strip()
    if m := _HALF.match(code):
        year, half = int(m.group(1)), int(m.group(2))
        return f"{year}-H2" if half == 1 else f"{year + 1}-H1"
    return shift(code, 1)
