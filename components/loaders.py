"""Thin cached loaders: one service call each, plain data out, keyed by plain arguments.

Each loader names the tables it reads. After a commit that wrote to any of them (in this
process, models.changes tells us) it reads again; a write elsewhere leaves it alone, so a
sign-in (which writes accounts and the audit log) keeps the overview warm. The overview
itself is kept ready (services/read/ready_views.py) and rebuilt after such a commit.
"""

from collections.abc import Callable
from datetime import date
from typing import Any, TypeVar

import pyarrow as pa
import streamlit as st

import catalogue
from components.read import read, session
from models import changes
from render import report_docx
from render.fmt import shorten
from services.accounts import users
from services.accounts.users import UserRow
from services.admin import directives as directive_admin
from services.admin import organizations
from services.admin.directives import AssignmentAdminRow, TaskAdminRow
from services.admin.organizations import BodyRow
from services.core import clock, periods
from services.core.actor import Actor
from services.core.periods import PeriodRow
from services.install import demo
from services.read import bodies as body_list
from services.read import outline as directive_service
from services.read import periodic_report, screens, snapshot, targets
from services.read.bodies import BodyRef
from services.read.outline import DirectiveRow, SectionInfo
from services.read.ready_views import ReadyViews
from services.read.snapshot import Filters
from services.reporting import reports as reporting

TTL = 60
F = TypeVar("F", bound=Callable[..., Any])

# What the read side is built from: a change to any of these can move a figure on a screen.
# (a body's former names and successions decide which body a view shows: services.read.succession)
DIRECTIVE = (
    "directive",
    "section",
    "task",
    "organization",
    "organization_name",
    "succession",
    "assignment_link",
)
PROGRESS = (*DIRECTIVE, "assignment", "progressreport", "direction", "reportingperiod")
TARGETS = (*DIRECTIVE, "target", "measurement", "reportingperiod")
EVERYTHING_SHOWN = (*PROGRESS, "target", "measurement", "app_setting", "period_result")

_LOADERS: list[tuple[frozenset[str], Any]] = []


def loader(*tables: str, ttl: float = TTL, max_entries: int | None = 64) -> Callable[[F], F]:
    """st.cache_data for a loader that reads `tables`: dropped after a commit that wrote them."""

    def wrap(fn: F) -> F:
        cached = st.cache_data(ttl=ttl, max_entries=max_entries, show_spinner=False)(fn)
        _LOADERS.append((frozenset(tables), cached))
        return cached  # type: ignore[return-value]

    return wrap


def _on_commit(changed: frozenset[str]) -> None:
    for tables, cached in _LOADERS:
        if changes.touches(changed, tables):
            cached.clear()
    if changes.touches(changed, EVERYTHING_SHOWN):
        OVERVIEW.clear()


def forget() -> None:
    """Drop every cached value and kept view, rebuilding nothing (a new database, tests)."""
    for _, cached in _LOADERS:
        cached.clear()
    OVERVIEW.forget()


@loader("app_setting", ttl=300)
def is_demo() -> bool:
    return read(demo.is_demo)


@loader(*DIRECTIVE, "reportingperiod")  # not the reports: every page's filters, after each one
def filter_options() -> dict:
    with session() as s:
        current = periods.current_period(s)
        return {
            "directives": [
                (d.id, f"{d.kind} {d.number or ''} {d.title}".replace("  ", " "))
                for d in directive_service.list_directives(s)
            ],
            "periods": [p.code for p in periods.list_periods(s)],
            "current": current.code if current else None,
            "kinds": body_list.kinds_in_use(s),
        }


@loader(*PROGRESS, max_entries=64)
def trend(f: Filters, period_codes: tuple[str, ...]) -> list[dict]:
    return read(screens.trend, f, list(period_codes))


@loader(*DIRECTIVE, max_entries=16)
def directive_outline(directive_id: int) -> dict:
    with session() as s:
        return {
            "directive": directive_service.header(s, directive_id),
            "sections": directive_service.outline(s, directive_id=directive_id),
        }


@loader(*PROGRESS, max_entries=64)
def task_grid(f: Filters, label: str) -> tuple[int | None, list]:
    with session() as s:
        task = screens.task_of(s, f.directive_id, label)
        if task is None:
            return None, []
        return task.id, screens.task_grid(s, f, task.id)


@loader(*PROGRESS, max_entries=64)
def report_history(assignment_id: int) -> list[dict]:
    return read(snapshot.report_history, assignment_id)


@loader(*EVERYTHING_SHOWN, max_entries=64)
def body_detail(f: Filters, code: str) -> screens.BodyData | None:
    return read(screens.body_detail, f, code)


@loader(*DIRECTIVE, max_entries=16)
def bodies() -> list[BodyRef]:
    return read(body_list.list_bodies)


@loader(*TARGETS, max_entries=64)
def target_statuses(f: Filters) -> list[targets.TargetStatus]:
    return read(targets.statuses, f)


@loader(*TARGETS, max_entries=64)
def target_series(f: Filters, target_id: int) -> list[dict]:
    return read(targets.series, target_id, f)


@loader(*TARGETS, max_entries=64)
def target_source(target_id: int) -> str:
    return read(targets.source_of, target_id)


@loader(*TARGETS, max_entries=64)
def target_value(target_id: int) -> float | None:
    return read(targets.value_of, target_id)


@loader(*PROGRESS, max_entries=64)
def task_progress(f: Filters) -> dict:
    return read(screens.task_progress, f)


@loader(*EVERYTHING_SHOWN, max_entries=32)
def briefing(f: Filters, section: int | None, body: str | None):
    from services.read import briefing as briefing_service

    return read(briefing_service.build, f, section=section, body=body)


@loader(*EVERYTHING_SHOWN, max_entries=32)
def workbook(f: Filters):
    from services.read import briefing as briefing_service

    return read(briefing_service.workbook, f)


@loader("organization", "assignment")
def reporting_bodies() -> list[tuple[int, str, str]]:
    """(id, code, name) of the active bodies that have assignments (the body pickers)."""
    return read(reporting.reporting_bodies)


# --- the administration page: the secretariat's lists, dropped by its own writes ---------------


@loader("organization", "assignment", "user", max_entries=4)
def admin_bodies() -> list[BodyRow]:
    return read(organizations.list_bodies)


@loader("user", "organization", max_entries=4)
def accounts() -> list[UserRow]:
    return read(users.list_users)


@loader("directive", "section", "task", max_entries=4)
def directives() -> list[DirectiveRow]:
    return read(directive_service.list_directives)


@loader("reportingperiod", max_entries=4)
def periods_newest_first() -> list[PeriodRow]:
    return read(periods.list_periods, newest_first=True)


@loader("task", "section", "assignment", "organization", max_entries=16)
def directive_tasks(directive_id: int) -> list[TaskAdminRow]:
    return read(directive_admin.tasks_of, directive_id)


@loader("section", max_entries=16)
def sections(directive_id: int) -> list[SectionInfo]:
    return read(directive_service.sections_of, directive_id)


@loader("assignment", "organization", "progressreport", max_entries=64)
def task_assignments(task_id: int) -> list[AssignmentAdminRow]:
    return read(directive_admin.assignments_of, task_id)


def overview_view(f: Filters, lang: str) -> dict:
    """Everything the overview draws, for these filters and this language: kept ready and
    shared by every viewer, never copied into a run (read-only)."""
    return OVERVIEW.get(f, lang, clock.today())  # "as of today" moves at midnight


def _build_overview_view(f: Filters, lang: str, today: date) -> dict:
    """The figures, the tables as Arrow tables and the chart specs with their rows as Arrow
    tables: a run only hands them to the browser. Runs on the viewer's thread or in the
    background, so it reads the service directly, not through Streamlit's caches."""
    from render import charts, tables

    with session() as s:
        data = screens.leadership_overview(s, f, today=today)
    sections = [
        (s.ordinal, f"{s.label} {shorten(s.heading, 24)} ({g.assignments})", g.by_timeliness)
        for s, g in data.sections
    ]
    areas = [(g.key, catalogue.t(f"area.{g.key}", lang), g.by_timeliness) for g in data.areas]
    return {
        "data": data,
        "scorecard": _arrow(tables.scorecard(data.scorecard, lang, data.notes, data.on_time)),
        "scorecard_by_kind": [
            (kind, _arrow(frame))
            for kind, frame in tables.scorecard_by_kind(
                data.scorecard, lang, data.notes, data.on_time
            )
        ],
        "targets": _arrow(tables.target_list(data.targets, lang)),
        "overdue": _arrow(tables.overdue(data.overdue, lang)),
        "stuck": _arrow(tables.stuck(data.stuck, lang)),
        "proposals": _arrow(tables.proposals(data.proposals, lang)),
        "section_chart": _arrow_rows(
            charts.stacked_spec(sections, lang, height=charts.bars_height(len(sections)))
        ),
        "area_chart": _arrow_rows(
            charts.stacked_spec(
                areas, lang, height=charts.bars_height(len(areas)), **charts.AREA_SHAPE
            )
        ),
    }


# Rebuilt when a change is heard; max_age only guards against a notice lost with a connection.
OVERVIEW = ReadyViews(_build_overview_view, max_age=5 * TTL, name="overview")
changes.subscribe(_on_commit)


def _arrow(frame) -> pa.Table:
    return pa.Table.from_pandas(frame, preserve_index=False)


def _arrow_rows(spec: dict) -> dict:
    """A chart spec whose datasets are Arrow tables, as Streamlit sends them."""
    return {**spec, "datasets": {k: pa.Table.from_pylist(v) for k, v in spec["datasets"].items()}}


@loader(*PROGRESS, max_entries=64)
def trend_chart(f: Filters, period_codes: tuple[str, ...], lang: str) -> dict:
    from render import charts

    return charts.spec(charts.trend(trend(f, period_codes), lang))


@loader(*DIRECTIVE, "reportingperiod", max_entries=32)
def report_choices(actor: Actor) -> periodic_report.ReportChoices:
    with session() as s:
        return periodic_report.choices(s, actor=actor)


@loader(*EVERYTHING_SHOWN, max_entries=16)
def periodic_report_facts(
    actor: Actor, period: str, organization_code: str | None, directive_id: int, cutoff: date | None
) -> periodic_report.PeriodicReport:
    """The report's facts for this actor (the service refuses a body another body's report)."""
    with session() as s:
        return periodic_report.build(
            s,
            actor=actor,
            period=period,
            organization_code=organization_code,
            directive_id=directive_id,
            cutoff=cutoff,
        )


@loader(*EVERYTHING_SHOWN, max_entries=8)
def periodic_report_docx(
    actor: Actor,
    period: str,
    organization_code: str | None,
    directive_id: int,
    cutoff: date | None,
    lang: str,
) -> bytes:
    facts = periodic_report_facts(actor, period, organization_code, directive_id, cutoff)
    return report_docx.build_docx(facts, lang)
