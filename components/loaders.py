"""Thin cached loaders: one service call each, plain data out, keyed by plain arguments.
Any write clears them all (clear()); the overview is kept ready (components/ready_views)."""

import pyarrow as pa
import streamlit as st

import catalogue
from components.ui import session
from render.fmt import shorten
from services.read import outline as directive_service
from services.read import screens, targets
from services.read import snapshot as overview
from services.read.ready_views import ReadyViews
from services.read.snapshot import Filters

TTL = 60


def clear() -> None:
    """After any write: every loader reads again; the overview views viewers opened lately
    are rebuilt in the background."""
    st.cache_data.clear()
    OVERVIEW.clear()


def forget() -> None:
    """Drop every cached value and kept view, rebuilding nothing (a new database, tests)."""
    st.cache_data.clear()
    OVERVIEW.forget()


@st.cache_data(ttl=TTL, show_spinner=False)
def filter_options() -> dict:
    with session() as s:
        current = overview.current_period(s)
        return {
            "directives": [
                (d.id, f"{d.kind} {d.number or ''} {d.title}".replace("  ", " "))
                for d in overview.list_directives(s)
            ],
            "periods": [p.code for p in overview.list_periods(s)],
            "current": current.code if current else None,
        }


@st.cache_data(ttl=TTL, max_entries=64, show_spinner=False)
def trend(f: Filters, period_codes: tuple[str, ...]) -> list[dict]:
    with session() as s:
        return screens.trend(s, f, list(period_codes))


@st.cache_data(ttl=TTL, max_entries=16, show_spinner=False)
def directive_outline(directive_id: int) -> dict:
    with session() as s:
        return {
            "directive": directive_service.header(s, directive_id),
            "sections": directive_service.outline(s, directive_id=directive_id),
        }


@st.cache_data(ttl=TTL, max_entries=64, show_spinner=False)
def task_grid(f: Filters, label: str) -> tuple[int | None, list]:
    with session() as s:
        task = screens.task_of(s, f.directive_id, label)
        if task is None:
            return None, []
        return task.id, screens.task_grid(s, f, task.id)


@st.cache_data(ttl=TTL, max_entries=64, show_spinner=False)
def report_history(assignment_id: int) -> list[dict]:
    with session() as s:
        return overview.report_history(s, assignment_id)


@st.cache_data(ttl=TTL, max_entries=64, show_spinner=False)
def body_detail(f: Filters, code: str) -> screens.BodyData | None:
    with session() as s:
        return screens.body_detail(s, f, code)


@st.cache_data(ttl=TTL, max_entries=16, show_spinner=False)
def bodies() -> list[tuple[str, str, str]]:
    with session() as s:
        return directive_service.organizations(s)


@st.cache_data(ttl=TTL, max_entries=64, show_spinner=False)
def target_statuses(f: Filters) -> list[targets.TargetStatus]:
    with session() as s:
        return targets.statuses(s, f)


@st.cache_data(ttl=TTL, max_entries=64, show_spinner=False)
def target_series(f: Filters, target_id: int) -> list[dict]:
    with session() as s:
        return targets.series(s, target_id, f)


@st.cache_data(ttl=TTL, max_entries=64, show_spinner=False)
def target_source(target_id: int) -> str:
    with session() as s:
        return targets.source_of(s, target_id)


@st.cache_data(ttl=TTL, max_entries=64, show_spinner=False)
def target_value(target_id: int) -> float | None:
    with session() as s:
        return targets.value_of(s, target_id)


@st.cache_data(ttl=TTL, max_entries=64, show_spinner=False)
def task_progress(f: Filters) -> dict:
    with session() as s:
        return screens.task_progress(s, f)


@st.cache_data(ttl=TTL, max_entries=32, show_spinner=False)
def briefing(f: Filters, section: int | None, body: str | None):
    from services.read import briefing as briefing_service

    with session() as s:
        return briefing_service.build(s, f, section=section, body=body)


@st.cache_data(ttl=TTL, max_entries=32, show_spinner=False)
def workbook(f: Filters):
    from services.read import briefing as briefing_service

    with session() as s:
        return briefing_service.workbook(s, f)


def overview_view(f: Filters, lang: str) -> dict:
    """Everything the overview draws, for these filters and this language: kept ready and
    shared by every viewer, never copied into a run (read-only)."""
    return OVERVIEW.get(f, lang)


def _build_overview_view(f: Filters, lang: str) -> dict:
    """The figures, the tables as Arrow tables and the chart specs with their rows as Arrow
    tables: a run only hands them to the browser. Runs on the viewer's thread or in the
    background, so it reads the service directly, not through Streamlit's caches."""
    from render import charts, tables

    with session() as s:
        data = screens.leadership_overview(s, f)
    sections = [
        (s.ordinal, f"{s.label} {shorten(s.heading, 24)} ({g.assignments})", g.by_timeliness)
        for s, g in data.sections
    ]
    areas = [(g.key, catalogue.t(f"area.{g.key}", lang), g.by_timeliness) for g in data.areas]
    return {
        "data": data,
        "scorecard": _arrow(tables.scorecard(data.scorecard, lang)),
        "targets": _arrow(tables.target_list(data.targets, lang)),
        "overdue": _arrow(tables.overdue(data.overdue, lang)),
        "stuck": _arrow(tables.stuck(data.stuck, lang)),
        "proposals": _arrow(tables.proposals(data.proposals, lang)),
        "section_chart": _arrow_rows(charts.stacked_spec(sections, lang, height=300)),
        "area_chart": _arrow_rows(charts.stacked_spec(areas, lang, **charts.AREA_SHAPE)),
    }


OVERVIEW = ReadyViews(_build_overview_view, max_age=TTL, name="overview")


def _arrow(frame) -> pa.Table:
    return pa.Table.from_pandas(frame, preserve_index=False)


def _arrow_rows(spec: dict) -> dict:
    """A chart spec whose datasets are Arrow tables, as Streamlit sends them."""
    return {**spec, "datasets": {k: pa.Table.from_pylist(v) for k, v in spec["datasets"].items()}}


@st.cache_data(ttl=TTL, max_entries=64, show_spinner=False)
def trend_chart(f: Filters, period_codes: tuple[str, ...], lang: str) -> dict:
    from render import charts

    return charts.spec(charts.trend(trend(f, period_codes), lang))
