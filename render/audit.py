"""The audit log written out: what changed in one line, and the rows as CSV."""

import csv
import io
import json
from collections.abc import Callable
from typing import Any

from render import spreadsheet
from render.fmt import shorten
from services.core import clock
from services.read.audit_log import AuditRow


def changes(
    before: dict[str, Any] | None,
    after: dict[str, Any] | None,
    *,
    name: Callable[[str], str] = str,
    yes_no: tuple[str, str] = ("True", "False"),
) -> str:
    """What changed, in one line: "percent: 40 → 60; status: in_progress → done". `name` gives
    a field's name as the reader reads it; `yes_no`, the words for true and false; a nested
    value (what a reorganisation did to the accounts) is written the same way, in brackets."""

    def shown(value: Any) -> str:
        if isinstance(value, bool):
            return yes_no[0] if value else yes_no[1]
        if isinstance(value, dict):
            return "(" + "; ".join(f"{name(k)}: {shown(v)}" for k, v in value.items()) + ")"
        if isinstance(value, list | tuple):
            return ", ".join(shown(v) for v in value) or "—"
        return "" if value is None else str(value)

    before, after = before or {}, after or {}
    if not before:
        return "; ".join(f"{name(k)}: {_short(shown(after[k]))}" for k in sorted(after))
    keys = sorted(k for k in after.keys() | before.keys() if before.get(k) != after.get(k))
    return "; ".join(
        f"{name(k)}: {_short(shown(before.get(k)))} → {_short(shown(after.get(k)))}" for k in keys
    )


def _short(value: str, limit: int = 60) -> str:
    return shorten(value, limit)


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
