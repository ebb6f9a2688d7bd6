"""The briefing: the overview's answers cut into slides, one message each, frozen at a day.
The Trình chiếu page and the PPTX export both draw these same slides."""

from dataclasses import dataclass, field
from datetime import date, datetime

from sqlmodel import Session

from models import Directive, ProgressReport, utcnow
from services.core.labels import label_order
from services.install import demo
from services.read import screens
from services.read import snapshot as overview
from services.read import targets as targets_service
from services.read.snapshot import Filters

# The kinds of slide, in order; a long list continues on more slides (render.slides.deck).
SLIDES = ("overall", "sections", "bodies", "overdue", "targets", "proposals", "detail")


@dataclass(frozen=True)
class TaskLine:
    label: str
    text: str
    assignments: int
    done: int
    overdue: int
    not_reported: int
    mean_percent: float


@dataclass(frozen=True)
class Detail:
    """The chosen section's tasks, or the chosen body's figures."""

    kind: str  # "section" or "body"
    title: str
    tasks: list[TaskLine] = field(default_factory=list)
    body: screens.BodyData | None = None


@dataclass(frozen=True)
class Briefing:
    directive_title: str
    as_of: date
    made_at: datetime
    demo: bool
    data: screens.OverviewData
    detail: Detail | None


def build(
    session: Session,
    f: Filters,
    *,
    section: int | None = 1,
    body: str | None = None,
    today: date | None = None,
) -> Briefing:
    directive = session.get_one(Directive, f.directive_id)
    data = screens.leadership_overview(session, f, today=today)
    detail = None
    if body:
        found = screens.body_detail(session, f, body, today=today)
        if found is not None:
            detail = Detail("body", found.organization.name, body=found)
    elif section is not None:
        detail = _section_detail(session, f, section, data, today)
    return Briefing(
        directive_title=f"{directive.kind} {directive.title}",
        as_of=overview.filters_as_of(f, today),
        made_at=utcnow(),
        demo=demo.is_demo(session),
        data=data,
        detail=detail,
    )


def _section_detail(
    session: Session, f: Filters, ordinal: int, data: screens.OverviewData, today: date | None
) -> Detail | None:
    info = next((s for s, _ in data.sections if s.ordinal == ordinal), None)
    if info is None:
        return None
    progress = screens.task_progress(session, f, today=today)
    texts = {
        r.task_label: r.task_text
        for r in overview.snapshot(session, f, today=today).rows
        if r.section_ordinal == ordinal
    }
    tasks = [
        TaskLine(
            label,
            texts[label],
            g.assignments,
            g.done,
            g.by_timeliness["overdue"],
            g.by_timeliness["not_reported"],
            g.mean_percent,
        )
        for label, g in sorted(progress.items(), key=lambda kv: label_order(kv[0]))
        if label in texts
    ]
    return Detail("section", f"{info.label} {info.heading}", tasks=tasks)


@dataclass(frozen=True)
class WorkbookData:
    """What the XLSX export lays out, frozen at one day."""

    directive_title: str
    as_of: date
    demo: bool
    data: screens.OverviewData
    rows: list[overview.AssignmentState]  # the lead assignments
    reports: dict[int, ProgressReport]  # assignment id -> its latest report by the day
    partners: dict[int, list[str]]
    targets: targets_service.TargetTable


def workbook(session: Session, f: Filters, *, today: date | None = None) -> WorkbookData:
    directive = session.get_one(Directive, f.directive_id)
    snap = overview.snapshot(session, f, today=today)
    return WorkbookData(
        directive_title=f"{directive.kind} {directive.title}",
        as_of=snap.as_of,
        demo=demo.is_demo(session),
        data=screens.leadership_overview(session, f, today=today),
        rows=[r for r in snap.rows if r.role == "lead"],
        reports=overview.latest_reports(session, f, today=today),
        partners=overview.partners_by_task(session, f.directive_id),
        targets=targets_service.table(session, f, today=today),
    )
