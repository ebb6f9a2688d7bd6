"""Thin cached loaders: one call to services each, plain data out, keyed by plain
arguments. Every write clears them (st.cache_data.clear())."""

import pandas as pd
import streamlit as st

from components.ui import fmt_date, session, t
from models import Status
from services import directives as directive_service
from services import progress

TTL = 60


@st.cache_data(ttl=TTL, max_entries=16, show_spinner=False)
def overview_data(directive_id: int | None = None, lang: str = "vi") -> dict | None:
    with session() as s:
        found = progress.directives(s)
        if not found:
            return None
        directive = next((d for d in found if d.id == directive_id), found[0])
        period = progress.current_period(s)
        as_of = progress.as_of_day(period)
        code = progress.period_label(period)
        rows = progress.assignment_rows(s, directive_id=directive.id, current=code, as_of=as_of)
        sections = progress.section_rollup(s, directive_id=directive.id, rows=rows)
    long = [
        {
            "section": f"{r.label} {_short(r.heading)}",
            "order": r.ordinal,
            "timeliness": key,
            "count": n,
        }
        for r in sections
        for key, n in r.by_timeliness.items()
    ]
    table = pd.DataFrame(
        [
            {
                t("col.section"): r.label,
                t("col.heading"): r.heading,
                t("col.tasks"): r.tasks,
                t("col.assignments"): r.assignments,
                t("col.done"): r.done,
                t("col.percent"): r.mean_percent,
            }
            for r in sections
        ]
    )
    return {
        "directive_title": f"{directive.kind} {directive.title}",
        "period": code,
        "as_of": fmt_date(as_of),
        "tasks": sum(r.tasks for r in sections),
        "assignments": len(rows),
        "mean_percent": sum(r.percent for r in rows) / len(rows) if rows else 0.0,
        "stuck": sum(r.stuck and r.status != Status.DONE for r in rows),
        "timeliness": progress.timeliness_counts(rows),
        "sections_long": pd.DataFrame(long),
        "sections_table": table,
    }


def _short(heading: str, limit: int = 38) -> str:
    return heading if len(heading) <= limit else heading[: limit - 1] + "…"


@st.cache_data(ttl=TTL, max_entries=16, show_spinner=False)
def directive_outline(directive_id: int | None = None) -> dict | None:
    with session() as s:
        found = progress.directives(s)
        if not found:
            return None
        d = next((x for x in found if x.id == directive_id), found[0])
        head = {
            "kind": d.kind,
            "number": d.number,
            "title": d.title,
            "issued_date": d.issued_date,
            "issuer": d.issuer,
            "signer": d.signer,
        }
        return {"directive": head, "sections": directive_service.outline(s, directive_id=d.id)}
