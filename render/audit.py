"""The audit log written out: what changed in one line, and the rows as CSV."""

import csv
import io
import json
from typing import Any

from render import spreadsheet
from render.fmt import shorten
from services.core import clock
from services.read.audit_log import AuditRow


def changes(before: dict[str, Any] | None, after: dict[str, Any] | None) -> str:
    """What changed, in one line: "percent: 40 → 60; status: in_progress → done"."""
    before, after = before or {}, after or {}
    if not before:
        return "; ".join(f"{k}: {_short(after[k])}" for k in sorted(after))
    keys = sorted(k for k in after.keys() | before.keys() if before.get(k) != after.get(k))
    return "; ".join(f"{k}: {_short(before.get(k))} → {_short(after.get(k))}" for k in keys)


def _short(value: Any, limit: int = 60) -> str:
    return "" if value is None else shorten(str(value), limit)


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
