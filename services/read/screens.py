"""What each leadership screen shows, composed from the read model, the roll-ups and the
target rules: one call per screen, plain data out."""

from bisect import bisect_right
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from typing import TypedDict

from sqlmodel import Session, col, select

from models import Organization, ProgressReport, Section, Task, Timeliness
from services.core import clock
from services.core.errors import InvalidInput
from services.core.labels import parse_task_label
from services.core.timeliness import Reading, completion_day
from services.notices.cycle import Rate, latest_on_time_rates
from services.read import outline, rollup, snapshot, succession, targets
from services.read.snapshot import AssignmentState, Filters


@dataclass(frozen=True)
class OverviewData:
    as_of: date
    live: bool
    headline: rollup.Headline
    sections: list[tuple[outline.SectionInfo, rollup.GroupProgress[int]]]
    areas: list[rollup.GroupProgress[str]]
    scorecard: list[rollup.BodyScore]
    overdue: list[tuple[AssignmentState, int]]
    stuck: list[AssignmentState]
    proposals: list[snapshot.PendingProposal]
    targets: list[targets.TargetStatus]
    # successor id -> the bodies it took over by the as-of day ("gồm …, sáp nhập từ …")
    notes: dict[int, succession.Note] = field(default_factory=dict)
    # the newest closed period up to the filters' one, and each body's on-time reporting in it
    on_time: tuple[str, dict[int, Rate]] | None = None


def leadership_overview(session: Session, f: Filters, *, today: date | None = None) -> OverviewData:
    snap = snapshot.snapshot(session, f, today=today)
    proposals = snapshot.waiting_proposals(session, f, today=today)
    reported = snapshot.bodies_reported(session, f, today=today)
    by_section = {g.key: g for g in rollup.group_progress(snap.rows, lambda r: r.section_ordinal)}
    return OverviewData(
        as_of=snap.as_of,
        live=snap.live,
        headline=rollup.headline(
            snap.rows, reported_body_ids=reported, proposals_waiting=len(proposals)
        ),
        sections=[
            (s, by_section[s.ordinal])
            for s in outline.sections_of(session, f.directive_id)
            if s.ordinal in by_section
        ],
        areas=sorted(rollup.group_progress(snap.rows, lambda r: r.area), key=lambda g: g.key),
        scorecard=rollup.scorecard(snap.rows),
        overdue=rollup.overdue(snap.rows, snap.as_of),
        stuck=rollup.stuck(snap.rows),
        proposals=proposals,
        targets=targets.statuses(session, f, today=today),
        notes=succession.notes_on(session, snap.as_of),
        on_time=_on_time(session, f.period),
    )


def _on_time(session: Session, period: str) -> tuple[str, dict[int, Rate]] | None:
    closed, rates = latest_on_time_rates(session, up_to=period)
    return (closed, rates) if closed is not None else None


class TrendPoint(TypedDict):
    period: str
    mean_percent: float
    overdue: int


def trend(
    session: Session, f: Filters, period_codes: list[str], *, today: date | None = None
) -> list[TrendPoint]:
    """Mean progress and overdue count at the end of each period up to the filters' one:
    one pass over the directive's reports in time order, not one query per period."""
    rows = snapshot.snapshot(session, f, today=today).rows
    reports = snapshot.report_stream(session, f, today=today)
    moves = succession.moved_from(session)  # a moved assignment carries its predecessor's state
    # each point counts the assignments held on its own day (a point before a merger counts the
    # bodies of then): the rows of each other structure in the range, read once
    changed_on = succession.change_days(session)
    held = {bisect_right(changed_on, snapshot.filters_as_of(f, today)): rows}
    # assignment -> (status, percent, period, first done at)
    state: dict[int, tuple[str, int, str | None, datetime | None]] = {}
    position = 0
    out: list[TrendPoint] = []
    for code in [p for p in period_codes if p <= f.period]:
        at = replace(f, period=code, as_of=f.as_of if code == f.period else None)
        day = snapshot.filters_as_of(at, today)
        when = Reading(code, day)
        cutoff = clock.end_of_day(day)
        while position < len(reports) and reports[position][1] <= cutoff:
            aid, created, status, percent, reported_period = reports[position]
            done_at = state.get(aid, (None, 0, None, None))[3]
            if status == "done" and done_at is None:
                done_at = created
            state[aid] = (status, percent, reported_period, done_at)
            position += 1
        percents, overdue = [], 0
        structure = bisect_right(changed_on, day)
        if structure not in held:
            held[structure] = snapshot.snapshot(session, at, today=today).rows
        for r in held[structure]:
            found = next(
                (
                    state[a]
                    for a in (r.assignment_id, *_chain(moves, r.assignment_id))
                    if a in state
                ),
                ("not_started", 0, None, None),
            )
            status, percent, period, done_at = found
            completed = completion_day(done_at, period) if status == "done" and done_at else None
            tl = when.timeliness(
                cadence=r.cadence,
                status=status,
                due_date=r.due_date,
                completed_on=completed,
                last_period=period,
            )
            percents.append(percent)
            overdue += tl == Timeliness.OVERDUE
        mean = sum(percents) / len(percents) if percents else 0.0
        out.append({"period": code, "mean_percent": round(mean, 1), "overdue": overdue})
    return out


def _chain(moves: dict[int, int], assignment_id: int) -> list[int]:
    """The predecessors' assignments an assignment was moved from, nearest first."""
    out: list[int] = []
    while (assignment_id := moves.get(assignment_id, 0)) and assignment_id not in out:
        out.append(assignment_id)
    return out


def task_grid(
    session: Session, f: Filters, task_id: int, *, today: date | None = None
) -> list[AssignmentState]:
    """Every body's assignment on one task (section 1: all 28)."""
    return [r for r in snapshot.snapshot(session, f, today=today).rows if r.task_id == task_id]


def task_of(session: Session, directive_id: int, label: str) -> Task | None:
    try:
        sec, num = parse_task_label(label)
    except InvalidInput:
        return None
    return session.exec(
        select(Task)
        .join(Section)
        .where(Section.directive_id == directive_id, Section.ordinal == sec, Task.ordinal == num)
    ).first()


@dataclass(frozen=True)
class BodyData:
    organization: Organization
    rows: list[AssignmentState]
    score: rollup.BodyScore | None
    peers: int
    targets: list[tuple[targets.TargetStatus, targets.Verdict]]
    reports: list[tuple[str, ProgressReport]]
    predecessors: list[succession.Link] = field(default_factory=list)  # whose work it took over
    successors: list[succession.Link] = field(default_factory=list)  # who took over its work


def body_detail(
    session: Session, f: Filters, code: str, *, today: date | None = None
) -> BodyData | None:
    org = session.exec(select(Organization).where(Organization.code == code.upper())).first()
    if org is None:
        return None
    # one snapshot of the body's peers (the bodies of its kind) gives its rank and its rows
    peer_rows = snapshot.snapshot(
        session, replace(f, org_kind=org.kind, organization_id=None), today=today
    ).rows
    peers = rollup.scorecard(peer_rows)
    score = next((s for s in peers if s.organization_id == org.id), None)
    rows = [r for r in peer_rows if r.organization_id == org.id]
    mine = []
    for st in targets.statuses(session, replace(f, org_kind=None), today=today):
        if org.code in st.bodies:
            mine.append((st, st.bodies[org.code]))
        elif st.owner_code == org.code:
            mine.append((st, st.verdict))
    cutoff = clock.end_of_day(snapshot.filters_as_of(f, today))
    labels = {r.assignment_id: r.task_label for r in rows}  # this body's, in this directive
    recent = session.exec(
        select(ProgressReport)
        .where(
            col(ProgressReport.assignment_id).in_(list(labels)),
            ProgressReport.created_at <= cutoff,
        )
        .order_by(col(ProgressReport.created_at).desc(), col(ProgressReport.id).desc())
        .limit(30)
    ).all()
    return BodyData(
        organization=org,
        rows=rows,
        score=score,
        peers=len(peers),
        targets=mine,
        reports=[(labels[r.assignment_id], r) for r in recent],
        predecessors=succession.predecessors(session, int(org.id or 0)),
        successors=succession.successors(session, int(org.id or 0)),
    )


def task_progress(
    session: Session, f: Filters, *, today: date | None = None
) -> dict[str, rollup.GroupProgress[str]]:
    """Each task's roll-up over its bodies, keyed by its label ("1.5")."""
    rows = snapshot.snapshot(session, f, today=today).rows
    return {g.key: g for g in rollup.group_progress(rows, lambda r: r.task_label)}
