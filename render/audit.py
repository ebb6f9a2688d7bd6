"""The audit log written out: what changed in one line, and the rows as CSV."""

import csv
import io
import json
import re
from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from render import spreadsheet
from render.fmt import fmt_date, fmt_datetime, shorten
from services.core import clock
from services.read.audit_log import AuditRow


def changes(
    before: dict[str, Any] | None,
    after: dict[str, Any] | None,
    *,
    name: Callable[[str], str] = str,
    word: Callable[[str, Any], str | None] = lambda field, value: None,
    yes_no: tuple[str, str] = ("True", "False"),
) -> str:
    """What changed, in one line: "percent: 40 → 60; status: in_progress → done". `name` gives
    a field's name as the reader reads it; `word`, a field's value in words (None: as stored);
    `yes_no`, the words for true and false. Days and moments are written dd/mm/yyyy (moments
    on Vietnam's clock); a nested value (what a reorganisation did to the accounts) is written
    the same way, in brackets."""

    def shown(value: Any, field: str = "") -> str:
        if isinstance(value, bool):
            return yes_no[0] if value else yes_no[1]
        if isinstance(value, dict):
            return "(" + "; ".join(f"{name(k)}: {shown(v, k)}" for k, v in value.items()) + ")"
        if isinstance(value, list | tuple):
            return ", ".join(shown(v, field) for v in value) or "—"
        if value is None:
            return ""
        said = word(field, value)
        return said if said is not None else _day_or_moment(str(value))

    def line(field: str, value: Any) -> str:
        return shorten(shown(value, field), 60)

    before, after = before or {}, after or {}
    if not before:
        return "; ".join(f"{name(k)}: {line(k, after[k])}" for k in sorted(after))
    keys = sorted(k for k in after.keys() | before.keys() if before.get(k) != after.get(k))
    return "; ".join(f"{name(k)}: {line(k, before.get(k))} → {line(k, after.get(k))}" for k in keys)


_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_ISO_MOMENT = re.compile(r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?([+-]\d{2}:\d{2}|Z)?")


def _day_or_moment(text: str) -> str:
    """A day or a moment the services stored in ISO form, as the reader writes it; any other
    text as it is."""
    try:
        if _ISO_DAY.fullmatch(text):
            return fmt_date(date.fromisoformat(text))
        if _ISO_MOMENT.fullmatch(text):
            return fmt_datetime(datetime.fromisoformat(text))
    except ValueError:  # looks like one, is not (2025-02-30): as it is
        pass
    return text


CSV_COLUMNS = ["id", "at", "username", "action", "entity", "entity_id", "body", "before", "after"]


def to_csv(rows: list[AuditRow]) -> bytes:
    """The rows as CSV (UTF-8 with a byte-order mark, so spreadsheet programs read Vietnamese),
    times in Vietnam, before and after as JSON; no cell a spreadsheet would run as a formula."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    for r in rows:
        values = (
            r.id,
            clock.local(r.at).strftime("%d/%m/%Y %H:%M:%S"),
            r.username,
            r.action,
            r.entity,
            "" if r.entity_id is None else r.entity_id,
            r.organization_code or "",
            _json(r.before),
            _json(r.after),
        )
        writer.writerow([spreadsheet.csv_value(v) for v in values])
    return out.getvalue().encode("utf-8-sig")


def _json(value: dict[str, Any] | None) -> str:
    return "" if value is None else json.dumps(value, ensure_ascii=False, sort_keys=True)
