"""Checks on what people type, shared by the write services. Each failure is an InvalidInput
whose catalogue key says, in Vietnamese first, what is wrong and what to do."""

import math
import re
from datetime import date
from urllib.parse import urlsplit

from sqlmodel import Session, col, select

from models import ReportingPeriod
from services.core import periods
from services.core.errors import InvalidInput

TEXT_LIMIT = 5_000  # a result, a difficulty, a proposal, a direction
SHORT_LIMIT = 200  # a document number, a source
LINK_LIMIT = 1_000

# What no stored text keeps, whoever typed it or whatever document carried it:
# - control characters but tab and line breaks (C0, DEL, C1): PostgreSQL refuses NUL, openpyxl
#   and python-pptx refuse the rest of C0, and none is ever typed on purpose; lone surrogates
#   (cannot be encoded) and U+FFFE/U+FFFF (not characters; XML refuses them);
_CONTROL = "\x00-\x08\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff"
# - bidi embeddings, overrides, isolates and marks: they reorder what follows them, so a name or
#   a line reads otherwise than it is stored (Vietnamese never needs them);
_BIDI = "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
# - zero-width and invisible characters: two names that look the same but are not, words hidden
#   from search (the emoji joiner goes too: an office text can do without it).
_INVISIBLE = "\u00ad\u180e\u200b-\u200d\u2060-\u2064\ufeff"
_DROPPED = re.compile(f"[{_CONTROL}{_BIDI}{_INVISIBLE}]")
# Line breaks as Windows, old Mac, Word (vertical tab), a form feed or Unicode write them.
_LINE_BREAK = re.compile("\r\n|[\r\x0b\x0c\x85\u2028\u2029]")


def clean(value: str | None, *, one_line: bool = False) -> str:
    """The one cleaning rule for text a person or a document supplied, applied by every service
    before it stores such text (and by the exports to whatever is already stored): the
    characters above removed, line breaks written as "\\n", trimmed. A one-line field (a name,
    a title, a document number) also has its tabs, line breaks and runs of spaces made one
    space; a multi-line field keeps its new lines and tabs."""
    text = _DROPPED.sub("", _LINE_BREAK.sub("\n", value or ""))
    return " ".join(text.split()) if one_line else text.strip()


def clean_text(value: str | None, *, limit: int, too_long: str, one_line: bool = False) -> str:
    """`clean` text; InvalidInput with the key `too_long` when it is longer than `limit`
    characters."""
    text = clean(value, one_line=one_line)
    if len(text) > limit:
        raise InvalidInput(too_long, n=thousands(limit), length=len(text))
    return text


def thousands(n: int) -> str:
    """A count as a sentence in Vietnamese writes it: 500.000."""
    return f"{n:,}".replace(",", ".")


def require_at_most(n: int, limit: int, too_many: str) -> None:
    """InvalidInput with the catalogue key `too_many` when a count `n` is over `limit`: the
    sentence gives both, written as numbers are in Vietnamese (500.000)."""
    if n > limit:
        raise InvalidInput(too_many, n=thousands(n), limit=thousands(limit))


def clean_link(value: str | None) -> str:
    """An http(s) address or nothing: no javascript:, file:, data: or bare words."""
    link = (value or "").strip()
    if not link:
        return ""
    if clean(link, one_line=True) != link:  # hidden characters: not the address it shows
        raise InvalidInput("err.link_scheme", value=clean(link, one_line=True)[:80])
    if len(link) > LINK_LIMIT:
        raise InvalidInput("err.link_too_long", n=LINK_LIMIT)
    parts = urlsplit(link)
    if parts.scheme.lower() not in {"http", "https"} or not parts.netloc or re.search(r"\s", link):
        raise InvalidInput("err.link_scheme", value=link[:80])
    return link


def parse_number(value: object) -> float:
    """A number as typed in Vietnam or elsewhere: "12,5", "12.5", "12,5 %". InvalidInput when it
    is not a finite number."""
    if isinstance(value, bool):
        raise InvalidInput("err.figure_not_number", value=str(value))
    if isinstance(value, int | float):
        number = float(value)
    else:
        text = str(value or "").strip().removesuffix("%").strip().replace(" ", "")
        if text.count(",") == 1 and "." not in text:
            text = text.replace(",", ".")
        if not re.fullmatch(r"[+-]?(\d+(\.\d*)?|\.\d+)", text):
            raise InvalidInput("err.figure_not_number", value=str(value or "")[:40])
        number = float(text)
    if not math.isfinite(number):
        raise InvalidInput("err.figure_not_number", value=str(value)[:40])
    return number


def check_period(session: Session, code: str, *, today: date, quarter_only: bool = True) -> str:
    """A period one may report on: well written, not in the future (starting after today),
    not after the current reporting period, and, for a quarter, one the office has opened."""
    code = (code or "").strip()
    _, quarter = periods.parse(code)
    if quarter_only and quarter is None:
        raise InvalidInput("err.period_quarter", value=code)
    start, _ = periods.bounds(code)
    if start > today:
        raise InvalidInput("err.period_future", value=code, today=today.strftime("%d/%m/%Y"))
    current = periods.current_period(session)
    if current is not None and start > current.ends_on:
        raise InvalidInput("err.period_after_current", value=code, current=current.code)
    if quarter is not None:
        opened = session.exec(select(ReportingPeriod).where(ReportingPeriod.code == code)).first()
        if opened is None:
            raise InvalidInput("err.period_unknown", value=code)
        if opened.closed_at is not None:  # closed by the secretariat (services.notices.cycle)
            raise InvalidInput("err.period_closed", value=code)
    return code


def open_periods(session: Session, *, today: date) -> list[str]:
    """The quarters one may report on, newest first: opened by the office, started by today,
    not after the current one."""
    current = periods.current_period(session)
    rows = session.exec(
        select(ReportingPeriod).order_by(col(ReportingPeriod.starts_on).desc())
    ).all()
    return [
        p.code
        for p in rows
        if p.starts_on <= today
        and (current is None or p.starts_on <= current.starts_on)
        and p.closed_at is None
    ]
