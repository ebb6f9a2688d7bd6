"""DataFrames for st.dataframe, built from the services' plain rows, in the user's language.
Pure (no Streamlit), so the cached loaders can build them once per filter and language."""

from collections.abc import Callable
from dataclasses import replace
from typing import Any

import pandas as pd
import pyarrow as pa

from catalogue import t as text
from render.fmt import fmt_date, fmt_datetime, verdict_text


def _in(lang: str):
    """t(key, **params) in `lang`, without reading the session on every cell."""
    return lambda key, **params: text(key, lang, **params)


_BADGE = {
    "red": "red",
    "amber": "orange",
    "green": "green",
    "met": "green",
    "partial": "orange",
    "not_met": "red",
    "no_data": "gray",
}


def health_badge(health: str, lang: str = "vi") -> str:
    """Markdown for a coloured badge with its word (no emoji: not every PC has the font)."""
    t = _in(lang)
    return f":{_BADGE[health]}-badge[{t(f'health.{health}')}]"


def verdict_badge(status: str, lang: str = "vi") -> str:
    t = _in(lang)
    return f":{_BADGE[status]}-badge[{t(f'tg.status.{status}')}]"


def _dot(colour: str) -> str:
    """A coloured dot as an image cell: cheaper to draw than a styled table, and it renders on
    every PC (no emoji font needed)."""
    return (
        "data:image/svg+xml;utf8,<svg xmlns='http://www.w3.org/2000/svg' width='16' "
        f"height='16'><circle cx='8' cy='8' r='5' fill='{colour.replace('#', '%23')}'/></svg>"
    )


DOT = {
    "red": _dot("#d32f2f"),
    "amber": _dot("#f9a825"),
    "green": _dot("#2e7d32"),
    "met": _dot("#2e7d32"),
    "partial": _dot("#f9a825"),
    "not_met": _dot("#d32f2f"),
    "no_data": _dot("#9e9e9e"),
}
DOT_COLUMN = "●"


def succession_note(note, lang: str = "vi") -> str:
    """ "gồm Huyện A, Huyện B (sáp nhập từ 01/03/2025)": what a successor took over."""
    key = "reorg.note_split" if note.kind == "split" else "reorg.note_merged"
    return text(key, lang, names=", ".join(note.names), day=fmt_date(note.effective_on))


def scorecard(
    scores: list, lang: str = "vi", notes: dict | None = None, on_time: tuple | None = None
) -> pd.DataFrame:
    """The body ranking; with `notes` (successor id -> what it took over by the as-of day), a
    column that says so for each successor; with `on_time` (a closed period, body id -> its
    rate, services.notices.cycle), each body's on-time reporting in that period, in percent
    (empty for a body with nothing to report in it)."""
    t = _in(lang)
    rate_column = t("col.on_time_rate", period=on_time[0]) if on_time else None
    rows = []
    for s in scores:
        row = {
            "code": s.code,
            DOT_COLUMN: DOT[s.health],
            t("col.rank"): s.rank,
            t("col.health"): t(f"health.{s.health}"),
            t("col.body"): s.name,
            t("col.overdue"): s.overdue,
            t("col.mean_percent"): round(s.mean_percent, 1),
            t("col.not_reported"): s.not_reported,
            t("col.stuck"): s.stuck,
            t("col.done"): f"{s.done}/{s.assignments}",
        }
        if rate_column:
            rate = on_time[1].get(s.organization_id)
            row[rate_column] = round(rate.percent) if rate and rate.expected else None
        if notes:
            note = notes.get(s.organization_id)
            row[t("reorg.col_note")] = succession_note(note, lang) if note else ""
        rows.append(row)
    return pd.DataFrame(rows)


KIND_ORDER = ("provincial", "commune", "special_zone", "district", "external")


def scorecard_by_kind(
    scores: list, lang: str = "vi", notes: dict | None = None, on_time: tuple | None = None
) -> list[tuple[str, pd.DataFrame]]:
    """The ranking split by kind of body (sở, ban, ngành; xã, phường; đặc khu; huyện), each
    ranked among its own kind, in the same order of badness."""
    out = []
    for kind in sorted({s.kind for s in scores}, key=lambda k: (_kind_place(k), k)):
        mine = [replace(s, rank=i) for i, s in enumerate((s for s in scores if s.kind == kind), 1)]
        out.append((kind, scorecard(mine, lang, notes, on_time)))
    return out


def _kind_place(kind: str) -> int:
    return KIND_ORDER.index(kind) if kind in KIND_ORDER else len(KIND_ORDER)


def laggards(bodies: list, lang: str = "vi") -> pd.DataFrame:
    """The bodies that have sent no report for the current period, in the bodies' order."""
    t = _in(lang)
    return pd.DataFrame(
        [{"code": b.code, t("col.code"): b.code, t("col.body"): b.name} for b in bodies],
        columns=["code", t("col.code"), t("col.body")],
    )


def target_list(statuses: list, lang: str = "vi") -> pd.DataFrame:
    t = _in(lang)
    return pd.DataFrame(
        [
            {
                "code": s.code,
                DOT_COLUMN: DOT[s.verdict.status],
                t("col.code"): s.code,
                t("col.health"): t(f"tg.status.{s.verdict.status}"),
                t("col.assessment"): verdict_text(s.verdict, lang),
                t("col.target"): s.name,
            }
            for s in statuses
        ]
    )


def body_verdicts(bodies: dict, lang: str = "vi") -> pd.DataFrame:
    """Each body's verdict on a per-body target, the ones not met first."""
    t = _in(lang)
    order = {"not_met": 0, "no_data": 1, "partial": 2, "met": 3}
    return pd.DataFrame(
        [
            {
                DOT_COLUMN: DOT[v.status],
                t("col.code"): code,
                t("col.health"): t(f"tg.status.{v.status}"),
                t("col.assessment"): verdict_text(v, lang),
            }
            for code, v in sorted(bodies.items(), key=lambda kv: (order[kv[1].status], kv[0]))
        ]
    )


def _which(r: Any, t: Callable[..., str], *, text: bool = True) -> dict[str, Any]:
    """The columns that say which assignment a row is about: its ids (hidden, for drill-down),
    then the body, the task and (with `text`) the task's words."""
    row = {
        "assignment": r.assignment_id,
        "label": r.task_label,
        t("col.body"): r.organization_name,
        t("col.task"): r.task_label,
    }
    if text:
        row[t("col.task_text")] = r.task_text
    return row


def overdue(items: list, lang: str = "vi") -> pd.DataFrame:
    t = _in(lang)
    return pd.DataFrame(
        [
            {
                **_which(r, t),
                t("col.due"): fmt_date(r.due_date),
                t("col.days_overdue"): days,
                t("col.percent"): r.percent,
            }
            for r, days in items
        ]
    )


def stuck(rows: list, lang: str = "vi") -> pd.DataFrame:
    t = _in(lang)
    return pd.DataFrame(
        [
            {
                **_which(r, t),
                t("col.status"): t(f"status.{r.status}"),
                t("col.percent"): r.percent,
                t("col.last_report"): fmt_datetime(r.last_reported_at),
            }
            for r in rows
        ]
    )


def proposals(items: list, lang: str = "vi") -> pd.DataFrame:
    t = _in(lang)
    return pd.DataFrame(
        [
            {
                **_which(p, t, text=False),
                t("col.proposal"): p.proposals,
                t("col.difficulties"): p.difficulties,
                t("col.raised_on"): fmt_date(p.raised_on),
                t("col.days_waiting"): p.days_waiting,
            }
            for p in items
        ]
    )


def assignments(rows: list, *, by: str, lang: str = "vi") -> pd.DataFrame:
    """One row per assignment; `by` is "body" (a task's grid) or "task" (a body's list)."""
    t = _in(lang)
    out = []
    for r in rows:
        row = {"assignment": r.assignment_id, "label": r.task_label, "code": r.organization_code}
        if by == "body":
            row[t("col.body")] = r.organization_name
        else:
            row[t("col.task")] = r.task_label
            row[t("col.task_text")] = r.task_text
        row |= {
            t("col.role"): t(f"role_in_task.{r.role}"),
            t("col.status"): t(f"status.{r.status}")
            + (f" · {t('status.stuck')}" if r.stuck else ""),
            t("col.percent"): r.percent,
            t("col.timeliness"): t(f"tl.{r.timeliness.value}"),
            t("col.due"): fmt_date(r.due_date),
            t("col.last_report"): fmt_datetime(r.last_reported_at),
        }
        out.append(row)
    return pd.DataFrame(out)


HIDDEN = ["code", "assignment", "label"]


def visible(df: pd.DataFrame | pa.Table) -> list[str]:
    """The columns a user sees (ids stay in the frame for drill-down)."""
    columns = df.column_names if isinstance(df, pa.Table) else df.columns
    return [c for c in columns if c not in HIDDEN]


def cell(table: pa.Table, row: int, column: str):
    """One value of an Arrow table, as Python."""
    return table.column(column)[row].as_py()
