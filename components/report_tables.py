"""Tables for the reporting screens, built from the services' plain rows in the user's
language. Colour marks what needs attention, in words too (no emoji: a PC without a colour
emoji font would draw empty boxes)."""

from datetime import datetime
from typing import Any

import pandas as pd
import streamlit as st

import catalogue
from components.ui import fmt_date, fmt_datetime, lang, t
from render.audit import changes
from render.fmt import shorten
from services.core import clock
from services.core.actor import SYSTEM
from services.read.audit_log import AuditRow, Names

URGENCY_COLOUR = {
    "overdue": "#f6d3d3",
    "due_soon": "#fde2c2",
    "not_reported": "#fbf0c0",
    "in_progress": "#e3ecf7",
    "done": "#d9efdc",
}


def day_of(moment: datetime | None) -> str:
    """The day (dd/mm/yyyy) a stored moment fell on in Vietnam."""
    return fmt_date(clock.day_of(moment)) if moment else ""


def number(value: float) -> str:
    """A figure as people write it: "97,5" in Vietnamese, "97.5" in English."""
    text = f"{value:g}"
    return text.replace(".", ",") if lang() == "vi" else text


def task_table(rows: list) -> None:
    """A body's assignments, most urgent first, the reason coloured."""
    attention = t("mt.col.attention")
    frame = pd.DataFrame(
        [
            {
                attention: t(f"mt.urgency.{r.urgency}"),
                t("mt.col.task"): r.task_label,
                t("mt.col.percent"): r.percent,
                t("mt.col.status"): t(f"status.{r.status}")
                + (f" · {t('status.stuck')}" if r.stuck else ""),
                t("mt.col.due"): fmt_date(r.due_date),
                t("mt.col.last"): r.last_period or "—",
                t("mt.col.role"): t(f"role_in_task.{r.role}"),
                t("mt.col.text"): shorten(r.task_text, 160),
            }
            for r in rows
        ]
    )
    colours = [URGENCY_COLOUR[r.urgency] for r in rows]
    styled = frame.style.apply(
        lambda col: [f"background-color: {c}" for c in colours], subset=[attention]
    )
    st.dataframe(
        styled,
        hide_index=True,
        width="stretch",
        height=min(38 + 35 * len(rows), 330),
        column_config={
            t("mt.col.percent"): st.column_config.ProgressColumn(
                t("mt.col.percent"), min_value=0, max_value=100, format="%d%%", width="small"
            ),
            attention: st.column_config.TextColumn(width=150),
            t("mt.col.task"): st.column_config.TextColumn(width=70),
            t("mt.col.due"): st.column_config.TextColumn(width=95),
            t("mt.col.last"): st.column_config.TextColumn(width=120),
            t("mt.col.text"): st.column_config.TextColumn(width="large"),
        },
    )


def recent_figures(rows: list) -> None:
    st.dataframe(
        pd.DataFrame(
            [
                {
                    t("fg.col.target"): r.target_code,
                    t("fg.col.body"): r.organization_code or t("fg.province"),
                    t("fg.col.period"): r.period,
                    t("fg.col.value"): number(r.value),
                    t("fg.col.source"): r.source,
                    t("fg.col.note"): r.note,
                    t("fg.col.at"): fmt_datetime(r.created_at),
                }
                for r in rows
            ]
        ),
        hide_index=True,
        width="stretch",
    )


def _proposal_cells(p: Any) -> dict[str, Any]:
    """What a proposal's row says, waiting or answered: its period, body, task and words."""
    return {
        t("pp.col.period"): p.period,
        t("pp.col.body"): p.organization_name,
        t("pp.col.task"): p.task_label,
        t("pp.col.proposal"): p.proposals,
    }


def waiting_proposals(items: list) -> None:
    st.dataframe(
        pd.DataFrame(
            [{t("pp.col.sent"): day_of(p.created_at), **_proposal_cells(p)} for p in items]
        ),
        hide_index=True,
        width="stretch",
        height=min(38 + 35 * len(items), 280),
        column_config={t("pp.col.proposal"): st.column_config.TextColumn(width="large")},
    )


def answered_proposals(items: list) -> None:
    st.dataframe(
        pd.DataFrame(
            [
                {
                    t("pp.col.answered"): day_of(p.direction_at),
                    **_proposal_cells(p),
                    t("pp.col.direction"): p.direction,
                    t("pp.col.by"): p.direction_by,
                    t("pp.col.closed"): p.closed,
                }
                for p in items
            ]
        ),
        hide_index=True,
        width="stretch",
        column_config={
            t("pp.col.proposal"): st.column_config.TextColumn(width="medium"),
            t("pp.col.direction"): st.column_config.TextColumn(width="large"),
            t("pp.col.closed"): st.column_config.CheckboxColumn(),
        },
    )


def _catalogued(key: str) -> str | None:
    """The catalogue's text for `key` in the user's language; None if it has none. Plain text,
    unescaped: it goes into a table cell."""
    text = catalogue.t(key, lang())
    return None if text == key else text


def _known(area: str, word: str) -> str:
    """`word` (an action, an entity, a field) in the user's language, from the catalogue key
    "au.<area>.<word>"; a word the catalogue does not know, as stored."""
    return _catalogued(f"au.{area}.{word}") or word


def _field(field: str) -> str:
    return _known("field", field)


# A field whose value is a word of the domain, and the prefixes of the catalogue keys that keep
# it ("role.body", "status.done", "au.kind_account"); the first the catalogue knows wins.
VALUE_WORDS = {
    "role": ("role.", "role_in_task."),
    "status": ("status.",),
    "kind": ("kind.", "succession.", "au.kind_"),
    "cadence": ("cadence.",),
    "area": ("area.",),
}


def who(username: str) -> str:
    """The account's name; what the installation did by itself, as "Hệ thống"."""
    return t("au.system") if username == SYSTEM.username else username


def audit_events(rows: list[AuditRow], names: Names) -> None:
    """The log as a table: every action, object, field and coded value in words; bodies and
    accounts by their codes and usernames, not their ids."""

    def word(field: str, value: Any) -> str | None:
        if field == "organization_id" and isinstance(value, int):
            return names.bodies.get(value)
        texts = (_catalogued(f"{prefix}{value}") for prefix in VALUE_WORDS.get(field, ()))
        return next((text for text in texts if text is not None), None)

    def acted_on(r: AuditRow) -> str:
        what = _known("entity", r.entity)
        ids = {"organization": names.bodies, "user": names.accounts}.get(r.entity, {})
        if r.entity_id is None:
            return what
        return f"{what} {ids[r.entity_id]}" if r.entity_id in ids else f"{what} #{r.entity_id}"

    st.dataframe(
        pd.DataFrame(
            [
                {
                    t("au.col.at"): fmt_datetime(r.at),
                    t("au.col.user"): who(r.username),
                    t("au.col.action"): _known("action", r.action),
                    t("au.col.entity"): acted_on(r),
                    t("au.col.body"): r.organization_code or "",
                    t("au.col.changes"): changes(
                        r.before,
                        r.after,
                        name=_field,
                        word=word,
                        yes_no=(t("au.yes"), t("au.no")),
                    ),
                }
                for r in rows
            ]
        ),
        hide_index=True,
        width="stretch",
        height=560,
        column_config={  # the changes take the room the short columns do not need
            t("au.col.at"): st.column_config.TextColumn(width=130),
            t("au.col.user"): st.column_config.TextColumn(width=110),
            t("au.col.action"): st.column_config.TextColumn(width=170),
            t("au.col.entity"): st.column_config.TextColumn(width=150),
            t("au.col.body"): st.column_config.TextColumn(width=80),
            t("au.col.changes"): st.column_config.TextColumn(width=780),
        },
    )
