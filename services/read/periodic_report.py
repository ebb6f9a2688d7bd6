"""The periodic CCHC report's facts (báo cáo định kỳ công tác cải cách hành chính): the
province's, or one body's, for a quarter ("2022-Q4"), a half-year ("2022-H1") or a year
("2022"), as the figures stood at the period's end or at a cut-off day the secretariat sets.

Plain data only. Every figure comes from the read model the overview uses (snapshot, roll-ups,
targets, waiting proposals), called with the same filters, so the report and the overview of the
same period agree; the bodies' results and evidence are carried as they typed them, for the
rendering to quote as text. Nothing here writes.

How the period is read:
- the figures (timeliness, progress) are the snapshot at the cut-off day, whose reporting
  quarter is the last quarter the cut-off falls in (a year's report counts "reported this
  period" for its last quarter, as the overview at that quarter does);
- a body's quoted result is its latest report on the assignment, made for a quarter inside the
  period, as the snapshot reads it: by today for the running period (read live, so a report
  sent after the quarter's last day but before the deadline counts, as on the overview), by
  the cut-off day for an earlier one; a body without one is listed as not having reported.
"""

from collections import defaultdict
from dataclasses import dataclass, replace
from datetime import date

from sqlmodel import Session, col, select

from models import (
    Cadence,
    Directive,
    Organization,
    ProgressReport,
    ReformArea,
    Status,
    TargetScope,
    Timeliness,
    pk,
)
from services.core import clock, periods
from services.core.actor import Actor
from services.core.errors import InvalidInput, NotFound
from services.core.labels import label_order
from services.core.permissions import Action, can, require
from services.install import demo
from services.read import rollup, snapshot, targets
from services.read.snapshot import AssignmentState, Filters, PendingProposal

# The six reform areas of Resolution 76/NQ-CP, in the order the report's part II takes them.
# Leadership (chỉ đạo, điều hành) is part I.
REFORM_AREAS: tuple[ReformArea, ...] = (
    ReformArea.INSTITUTIONS,
    ReformArea.PROCEDURES,
    ReformArea.APPARATUS,
    ReformArea.CIVIL_SERVICE,
    ReformArea.PUBLIC_FINANCE,
    ReformArea.DIGITAL_GOVERNMENT,
)
# "In progress" in the per-body appendix: within the deadline, or recurring and reported.
IN_PROGRESS = (Timeliness.IN_PROGRESS_ON_TIME, Timeliness.REPORTED)


@dataclass(frozen=True)
class ReportPeriod:
    code: str  # 2022-Q4, 2022-H1, 2022
    kind: str  # quarter, half, year
    year: int
    number: int | None  # the quarter (1-4) or the half (1-2)
    starts_on: date
    ends_on: date
    quarters: tuple[str, ...]


@dataclass(frozen=True)
class BodyResult:
    """One body's latest report on one task within the period, as the body wrote it."""

    organization_code: str
    organization_name: str
    role: str
    status: str
    percent: int
    timeliness: Timeliness
    period: str
    result: str
    difficulties: str
    evidence_number: str
    evidence_date: date | None


@dataclass(frozen=True)
class TaskSummary:
    label: str
    text: str
    area: str
    cadence: str
    due_date: date | None
    assignments: int
    done: int
    by_timeliness: dict[str, int]
    results: list[BodyResult]  # in the bodies' order
    silent: list[str]  # names of the bodies with no report on it within the period


@dataclass(frozen=True)
class AreaSection:
    area: str
    assignments: int
    done: int
    by_timeliness: dict[str, int]
    tasks: list[TaskSummary]


@dataclass(frozen=True)
class BodyLine:
    """A row of the per-body appendix."""

    number: int
    code: str
    name: str
    assignments: int
    done_on_time: int
    done_late: int
    in_progress: int
    overdue: int
    not_reported: int
    reported: int  # assignments with a report for a quarter of the period by the cut-off day

    @property
    def reporting_rate(self) -> float:
        """Share of its assignments reported on within the period, in percent."""
        return 100.0 * self.reported / self.assignments if self.assignments else 0.0


@dataclass(frozen=True)
class TargetLine:
    code: str
    name: str
    unit: str
    period: str
    area: str | None
    value: float | None  # the figure judged (a province-wide or the body's own); None: none
    verdict: targets.Verdict
    status: targets.TargetStatus


@dataclass(frozen=True)
class OverdueLine:
    label: str
    text: str
    organization_name: str
    due_date: date
    days: int
    percent: int


@dataclass(frozen=True)
class Cause:
    """A difficulty a body gave on a task that is overdue or stuck (the cause it reports)."""

    organization_name: str
    label: str
    text: str


@dataclass(frozen=True)
class NextTask:
    label: str
    text: str
    cadence: str
    due_date: date | None
    bodies: int


@dataclass(frozen=True)
class Leadership:
    """Part I: how the work was directed."""

    tasks: list[TaskSummary]  # the leadership tasks (plans, inspection, communication)
    documents: int  # distinct evidence documents cited in the period's reports
    reports: int  # reports made for the period by the cut-off day
    targets: list[TargetLine]  # the targets of leadership tasks (inspection coverage)
    bodies: int
    bodies_reported: int
    assignments_reported: int


@dataclass(frozen=True)
class PeriodicReport:
    period: ReportPeriod
    cutoff: date  # the day the figures stand at
    directive_id: int
    directive_kind: str
    directive_number: str | None
    directive_title: str
    directive_issued: date | None
    issuer: str  # the directive's issuer (the province's report is issued by it)
    organization_code: str | None  # None: the province's report
    organization_name: str | None
    organization_kind: str | None
    demo: bool
    headline: rollup.Headline
    leadership: Leadership
    areas: list[AreaSection]
    bodies: list[BodyLine]
    targets: list[TargetLine]
    overdue: list[OverdueLine]
    silent_bodies: list[str]  # bodies that sent no report for the period's last quarter
    causes: list[Cause]
    next_period: ReportPeriod
    next_due: list[NextTask]
    recurring: list[NextTask]
    proposals: list[PendingProposal]
    stuck: int = 0

    @property
    def targets_met(self) -> list[TargetLine]:
        return [t for t in self.targets if t.verdict.status == targets.MET]

    @property
    def targets_missed(self) -> list[TargetLine]:
        return [t for t in self.targets if t.verdict.status in (targets.NOT_MET, targets.PARTIAL)]


def report_period(code: str) -> ReportPeriod:
    """A quarter, a half-year or a year as the report names it; InvalidInput otherwise."""
    code = (code or "").strip()
    quarters = tuple(periods.span_quarters(code))
    start, end = periods.span_bounds(code)
    if len(quarters) == 1:
        kind, number = "quarter", periods.parse(code)[1]
    elif len(quarters) == 2:
        kind, number = "half", int(code[-1])
    else:
        kind, number = "year", None
    return ReportPeriod(code, kind, start.year, number, start, end, quarters)


def build(
    session: Session,
    *,
    actor: Actor,
    period: str,
    organization_code: str | None = None,
    directive_id: int | None = None,
    cutoff: date | None = None,
    today: date | None = None,
) -> PeriodicReport:
    """The report's facts. InvalidInput for a period not written as one, not started yet, or a
    cut-off day outside it; NotFound for an unknown body or directive; PermissionDenied when the
    actor may not draft this report (a body: only its own)."""
    today = today or clock.today()
    span = report_period(period)
    if span.starts_on > today:
        raise InvalidInput(
            "err.report_period_future", value=span.code, today=today.strftime("%d/%m/%Y")
        )
    if cutoff is not None and not span.starts_on <= cutoff <= span.ends_on:
        raise InvalidInput(
            "err.report_cutoff_outside",
            day=cutoff.strftime("%d/%m/%Y"),
            start=span.starts_on.strftime("%d/%m/%Y"),
            end=span.ends_on.strftime("%d/%m/%Y"),
        )
    org = None
    if organization_code:
        code = organization_code.strip().upper()
        org = session.exec(select(Organization).where(Organization.code == code)).first()
        if org is None:
            raise NotFound("err.report_no_body", value=organization_code.strip()[:20])
    require(actor, Action.PERIODIC_REPORT, organization_id=org.id if org else None)
    directive = _directive(session, directive_id)
    last_day = min(cutoff or span.ends_on, today)
    f = Filters(
        directive_id=pk(directive),
        period=periods.quarter_of(last_day),
        as_of=cutoff if cutoff is not None and cutoff < span.ends_on else None,
        organization_id=org.id if org else None,
    )
    return _compose(session, f, span, directive, org, today)


def _directive(session: Session, directive_id: int | None) -> Directive:
    if directive_id is None:
        found = snapshot.list_directives(session)
        if not found:
            raise NotFound("ov.no_directive")
        return found[0]
    directive = session.get(Directive, directive_id)
    if directive is None:
        raise NotFound("cli.export_no_directive", value=directive_id)
    return directive


def _compose(
    session: Session,
    f: Filters,
    span: ReportPeriod,
    directive: Directive,
    org: Organization | None,
    today: date,
) -> PeriodicReport:
    snap = snapshot.snapshot(session, f, today=today)
    rows = snap.rows
    waiting = snapshot.waiting_proposals(session, f, today=today)
    reported_bodies = snapshot.bodies_reported(session, f, today=today)
    head = rollup.headline(rows, reported_body_ids=reported_bodies, proposals_waiting=len(waiting))
    in_span = set(span.quarters)
    # The reports read as the snapshot reads the state: today's (the running period, read
    # live, counts a report sent after its last day and before the deadline) or the period's
    # end (an earlier one, rebuilt from history).
    reading = replace(f, period=periods.quarter_of(today), as_of=None) if snap.live else f
    latest = {
        aid: r
        for aid, r in snapshot.latest_reports(session, reading, today=today).items()
        if r.period in in_span
    }
    tasks = _task_summaries(rows, latest)
    judged = _targets(session, f, org, today)
    areas_of_task = {t.label: t.area for t in tasks}
    lines = [
        TargetLine(
            st.code,
            st.name,
            st.unit,
            st.period,
            areas_of_task.get(st.task_label) if st.task_label else None,
            value,
            verdict,
            st,
        )
        for st, verdict, value in judged
    ]
    leadership_tasks = [t for t in tasks if t.area == ReformArea.LEADERSHIP]
    cited = {
        (r.evidence_number.strip().lower())
        for r in latest.values()
        if r.evidence_number and r.evidence_number.strip()
    }
    leadership = Leadership(
        tasks=leadership_tasks,
        documents=len(cited),
        reports=_reports_in_span(session, reading, span, today),
        targets=[t for t in lines if t.area == ReformArea.LEADERSHIP],
        bodies=head.bodies,
        bodies_reported=head.bodies - head.bodies_not_reported,
        assignments_reported=len(latest),
    )
    areas = []
    for area in REFORM_AREAS:
        mine = [r for r in rows if r.area == area]
        group = rollup.group_progress(mine, lambda r: r.area)
        counts = group[0].by_timeliness if group else {t.value: 0 for t in Timeliness}
        areas.append(
            AreaSection(
                area=area.value,
                assignments=len(mine),
                done=sum(r.status == Status.DONE for r in mine),
                by_timeliness=counts,
                tasks=[t for t in tasks if t.area == area],
            )
        )
    names = {r.organization_id: r.organization_name for r in rows}
    order = _body_order(session)
    silent = sorted(
        (oid for oid in names if oid not in reported_bodies), key=lambda o: order.get(o, 0)
    )
    next_span = report_period(periods.span_next(span.code))
    return PeriodicReport(
        period=span,
        cutoff=snap.as_of,
        directive_id=f.directive_id,
        directive_kind=directive.kind,
        directive_number=directive.number,
        directive_title=directive.title,
        directive_issued=directive.issued_date,
        issuer=directive.issuer,
        organization_code=org.code if org else None,
        organization_name=org.name if org else None,
        organization_kind=org.kind if org else None,
        demo=demo.is_demo(session),
        headline=head,
        leadership=leadership,
        areas=areas,
        bodies=_body_lines(rows, latest, order),
        targets=lines,
        overdue=[
            OverdueLine(r.task_label, r.task_text, r.organization_name, r.due_date, days, r.percent)
            for r, days in rollup.overdue(rows, snap.as_of)
            if r.due_date is not None
        ],
        silent_bodies=[names[o] for o in silent],
        causes=_causes(rows, latest),
        next_period=next_span,
        next_due=_next_due(rows, next_span),
        recurring=_recurring(rows),
        proposals=waiting,
        stuck=head.stuck,
    )


def _task_summaries(
    rows: list[AssignmentState], latest: dict[int, ProgressReport]
) -> list[TaskSummary]:
    by_task: dict[str, list[AssignmentState]] = defaultdict(list)
    for r in rows:
        by_task[r.task_label].append(r)
    out = []
    for label in sorted(by_task, key=label_order):
        group = by_task[label]
        first = group[0]
        results, silent = [], []
        for r in group:  # the snapshot's order: the bodies' order
            report = latest.get(r.assignment_id)
            if report is None:
                silent.append(r.organization_name)
                continue
            results.append(
                BodyResult(
                    organization_code=r.organization_code,
                    organization_name=r.organization_name,
                    role=r.role,
                    status=r.status,
                    percent=r.percent,
                    timeliness=r.timeliness,
                    period=report.period,
                    result=report.result,
                    difficulties=report.difficulties,
                    evidence_number=report.evidence_number,
                    evidence_date=report.evidence_date,
                )
            )
        progress = rollup.group_progress(group, lambda r: r.task_label)[0]
        out.append(
            TaskSummary(
                label=label,
                text=first.task_text,
                area=first.area,
                cadence=first.cadence,
                due_date=first.due_date,
                assignments=len(group),
                done=progress.done,
                by_timeliness=progress.by_timeliness,
                results=results,
                silent=silent,
            )
        )
    return out


def _targets(
    session: Session, f: Filters, org: Organization | None, today: date
) -> list[tuple[targets.TargetStatus, targets.Verdict, float | None]]:
    """Each target with the verdict this report states: the province's, or for a body its own
    figure's (a per-body target) or the target it owns."""
    out: list[tuple[targets.TargetStatus, targets.Verdict, float | None]] = []
    for st in targets.statuses(session, f, today=today):
        if org is None:
            out.append((st, st.verdict, st.value))
        elif st.scope == TargetScope.PER_BODY and org.code in st.bodies:
            verdict = st.bodies[org.code]
            value = verdict.params.get("v")
            out.append((st, verdict, float(value) if isinstance(value, int | float) else None))
        elif st.owner_code == org.code:
            out.append((st, st.verdict, st.value))
    return out


def _reports_in_span(session: Session, f: Filters, span: ReportPeriod, today: date) -> int:
    """How many reports were made for the period's quarters by the cut-off day."""
    stream = snapshot.report_stream(session, f, today=today)
    quarters = set(span.quarters)
    return sum(1 for *_, period in stream if period in quarters)


def _body_order(session: Session) -> dict[int, int]:
    return {
        oid: order
        for oid, order in session.exec(select(Organization.id, Organization.sort_order)).all()
        if oid is not None
    }


def _body_lines(
    rows: list[AssignmentState], latest: dict[int, ProgressReport], order: dict[int, int]
) -> list[BodyLine]:
    by_body: dict[int, list[AssignmentState]] = defaultdict(list)
    for r in rows:
        by_body[r.organization_id].append(r)
    lines = []
    for number, oid in enumerate(sorted(by_body, key=lambda o: (order.get(o, 0), o)), 1):
        group = by_body[oid]

        def count(*classes: Timeliness, g: list[AssignmentState] = group) -> int:
            return sum(r.timeliness in classes for r in g)

        lines.append(
            BodyLine(
                number=number,
                code=group[0].organization_code,
                name=group[0].organization_name,
                assignments=len(group),
                done_on_time=count(Timeliness.DONE_ON_TIME),
                done_late=count(Timeliness.DONE_LATE),
                in_progress=count(*IN_PROGRESS),
                overdue=count(Timeliness.OVERDUE),
                not_reported=count(Timeliness.NOT_REPORTED),
                reported=sum(r.assignment_id in latest for r in group),
            )
        )
    return lines


def _causes(rows: list[AssignmentState], latest: dict[int, ProgressReport]) -> list[Cause]:
    """The difficulties the bodies gave on what is overdue or stuck, as they wrote them."""
    out = []
    for r in rows:
        report = latest.get(r.assignment_id)
        if report is None or not report.difficulties.strip():
            continue
        if r.stuck or r.timeliness == Timeliness.OVERDUE:
            out.append(Cause(r.organization_name, r.task_label, report.difficulties))
    return out


def _next_due(rows: list[AssignmentState], next_span: ReportPeriod) -> list[NextTask]:
    """Tasks with a deadline inside the next period that are not done yet."""
    by_task: dict[str, list[AssignmentState]] = defaultdict(list)
    for r in rows:
        if (
            r.due_date is not None
            and next_span.starts_on <= r.due_date <= next_span.ends_on
            and r.status != Status.DONE
        ):
            by_task[r.task_label].append(r)
    return [
        NextTask(label, g[0].task_text, g[0].cadence, g[0].due_date, len(g))
        for label, g in sorted(by_task.items(), key=lambda kv: label_order(kv[0]))
    ]


def _recurring(rows: list[AssignmentState]) -> list[NextTask]:
    """The recurring tasks (continuous, periodic, annual) that go on into the next period."""
    by_task: dict[str, list[AssignmentState]] = defaultdict(list)
    for r in rows:
        if r.cadence != Cadence.ONCE:
            by_task[r.task_label].append(r)
    return [
        NextTask(label, g[0].task_text, g[0].cadence, g[0].due_date, len(g))
        for label, g in sorted(by_task.items(), key=lambda kv: label_order(kv[0]))
    ]


@dataclass(frozen=True)
class ReportChoices:
    """What the page offers this actor: the periods that have started (newest first, by kind)
    and whose report it may draft (None: the province's)."""

    quarters: list[str]
    halves: list[str]
    years: list[str]
    bodies: list[tuple[str | None, str]]  # (code, name); code None is the province


def choices(session: Session, *, actor: Actor, today: date | None = None) -> ReportChoices:
    today = today or clock.today()
    current = periods.current_period(session)
    quarters = [
        p.code
        for p in periods.list_periods(session, newest_first=True)
        if p.starts_on <= today and (current is None or p.starts_on <= current.starts_on)
    ]
    years = sorted({periods.year_of(q) for q in quarters}, reverse=True)
    halves = [
        f"{year}-H{half}"
        for year in years
        for half in (2, 1)
        if periods.span_bounds(f"{year}-H{half}")[0] <= today
        and any(q in quarters for q in periods.span_quarters(f"{year}-H{half}"))
    ]
    rows = session.exec(
        select(Organization.id, Organization.code, Organization.name)
        .where(Organization.active)
        .order_by(col(Organization.sort_order), col(Organization.code))
    ).all()
    bodies: list[tuple[str | None, str]] = []
    if can(actor, Action.PERIODIC_REPORT):
        bodies.append((None, ""))
    bodies += [
        (code, name)
        for oid, code, name in rows
        if can(actor, Action.PERIODIC_REPORT, organization_id=oid)
    ]
    return ReportChoices(quarters, halves, [str(y) for y in years], bodies)
