"""Making the notices that are due on a day. `generate(session, today)` is idempotent: each
notice is unique per recipient, kind, subject and occasion (services.notices.store), so a
second run on the same day creates nothing, and a run missed one day is caught up the next.

What is due, overdue and not reported is classed as the leadership read model classes it
(services.core.timeliness on the live state services.read.snapshot reads for the current
period), but only the assignments a notice can be about are read (`_states`: one targeted
query), so a run does not grow with every assignment of the installation. Events (a direction
given, a lead body's report) are looked for in the last EVENT_WINDOW_DAYS days; services that
make them may also call `for_direction` in their own unit of work, so the notice is there at
once."""

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import CompoundSelect, and_, func, literal_column, or_, union_all
from sqlalchemy import select as sa_select
from sqlalchemy.orm import aliased
from sqlmodel import Session, col, select

from models import (
    Assignment,
    AssignmentRole,
    Cadence,
    DirectionNote,
    Directive,
    Notice,
    NoticeKind,
    Organization,
    ProgressReport,
    ReportingPeriod,
    Role,
    Section,
    Status,
    Task,
    Timeliness,
    User,
)
from services.core import clock, periods
from services.core.labels import task_label
from services.core.query import select_columns, with_report_context
from services.core.timeliness import Reading
from services.notices.store import Candidate, Recipients, recipients, store
from services.read.snapshot import as_of_day
from services.read.succession import held_on

EVENT_WINDOW_DAYS = 14
DIGEST_ITEMS = 5  # the leaders' weekly digest names this many of each list
DUE_STEPS = (1, 3, 7)  # days before a deadline a notice goes out
EXCERPT = 200


def assignment_link(label: str, assignment_id: int) -> str:
    return f"/chi-thi?task={label}&assignment={assignment_id}"


def body_link(code: str) -> str:
    return f"/don-vi?org={code}"


def excerpt(text: str, limit: int = EXCERPT) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def due_step(days_left: int) -> int | None:
    """The reminder a deadline `days_left` days away calls for: 7, 3 or 1 (the nearest step at
    or above it), None when it is further than a week or past."""
    if days_left < 0:
        return None
    return next((step for step in DUE_STEPS if days_left <= step), None)


def overdue_occasion(days_over: int) -> str:
    """Once on the first day past the deadline, then once a week."""
    return f"overdue-{(days_over - 1) // 7}"


def iso_week(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def generate(session: Session, today: date | None = None, *, now: datetime | None = None) -> int:
    """Create every notice due on `today` (Vietnam's day) that does not exist yet; how many."""
    now = now or clock.now()
    today = today or clock.today(now)
    people = recipients(session)
    candidates: list[Candidate] = []
    candidates += directions(
        session, people, since=clock.start_of_day(today - timedelta(days=EVENT_WINDOW_DAYS))
    )
    candidates += lead_reports(
        session, people, since=clock.start_of_day(today - timedelta(days=EVENT_WINDOW_DAYS))
    )
    current = session.exec(select(ReportingPeriod).where(col(ReportingPeriod.is_current))).first()
    if current is not None:
        as_of = min(current.ends_on, today)  # as the read model reads the current period
        states = list(_states(session, current.code, today))
        candidates += deadlines(states, people, as_of=as_of)
        candidates += period_reminders(current, states, people, today)
        candidates += missed(current, states, people, today)
        if current.closed_at is None and today <= current.report_deadline:
            candidates += period_opened(current, people)
        candidates += digest(session, states, people, today, as_of=as_of)
    return store(session, candidates, now=now)


@dataclass(frozen=True)
class DueState:
    """What the notices need of one assignment: its task, its body, its deadline and state, and
    its timeliness as the read model (services.read.snapshot) classes it for the period."""

    assignment_id: int
    task_label: str
    organization_id: int
    organization_code: str
    organization_name: str
    due_date: date | None
    status: str
    timeliness: str


def _states(session: Session, period: str, today: date) -> Iterator[DueState]:
    """Only the assignments a notice can be about, read with one query on the live state the
    read model reads for the current period (not every assignment's snapshot): those of the
    open directives their body holds now that are dated, not done and due within the widest
    reminder step or overdue, and the recurring ones not reported in the period.

    They are first found through indexes (`_maybe_due`), so that the query reads about as many
    assignments as are due, not every assignment of the open directives; the conditions below
    then class them exactly."""
    as_of = as_of_day(period, today)
    when = Reading(period, as_of)
    year = f"{periods.year_of(period)}-%"
    soon = as_of + timedelta(days=max(DUE_STEPS))
    due = func.coalesce(col(Assignment.due_date_override), col(Task.due_date))
    dated = and_(due.is_not(None), col(Assignment.status) != Status.DONE, due <= soon)
    unreported = and_(
        due.is_(None),
        col(Task.cadence) != Cadence.ONCE,
        or_(
            col(Assignment.last_period).is_(None),
            and_(col(Task.cadence) == Cadence.ANNUAL, col(Assignment.last_period).not_like(year)),
            and_(col(Task.cadence) != Cadence.ANNUAL, col(Assignment.last_period) != period),
        ),
    )
    query = (
        sa_select(
            col(Assignment.id),
            col(Section.ordinal),
            col(Task.ordinal),
            col(Organization.id),
            col(Organization.code),
            col(Organization.name),
            col(Task.cadence),
            col(Assignment.due_date_override),
            col(Task.due_date),
            col(Assignment.status),
            col(Assignment.completed_on),
            col(Assignment.last_period),
        )
        .select_from(Assignment)
        .join(Task, col(Task.id) == col(Assignment.task_id))
        .join(Section, col(Section.id) == col(Task.section_id))
        .join(Organization, col(Organization.id) == col(Assignment.organization_id))
        .join(Directive, col(Directive.id) == col(Section.directive_id))
        .where(
            col(Assignment.id).in_(_maybe_due(period, soon)),
            col(Directive.is_open),
            held_on(as_of),
            or_(dated, unreported),
        )
        .order_by(
            col(Directive.id), col(Section.ordinal), col(Task.ordinal), col(Organization.sort_order)
        )
    )
    for (
        aid,
        sec,
        task_ord,
        org_id,
        code,
        name,
        cadence,
        override,
        task_due,
        status,
        done,
        last,
    ) in session.execute(query):
        due_date = override or task_due
        yield DueState(
            aid,
            task_label(sec, task_ord),
            org_id,
            code,
            name,
            due_date,
            status,
            when.timeliness(
                cadence=cadence,
                status=status,
                due_date=due_date,
                completed_on=done if status == Status.DONE else None,
                last_period=last,
            ),
        )


def _maybe_due(period: str, soon: date) -> CompoundSelect[tuple[int]]:
    """The ids of the assignments that may be due (a superset, each part read through an index):
    the task's deadline or the assignment's own is by `soon`, or the period last reported is not
    `period` (written as "before or after": `<>` would make the database read the whole index)."""
    last = col(Assignment.last_period)
    return union_all(
        sa_select(col(Assignment.id))
        .join(Task, col(Task.id) == col(Assignment.task_id))
        .where(col(Task.due_date) <= soon),
        sa_select(col(Assignment.id)).where(col(Assignment.due_date_override) <= soon),
        sa_select(col(Assignment.id)).where(or_(last.is_(None), last < period, last > period)),
    )


# --- events ----------------------------------------------------------------------------------


def directions(
    session: Session,
    people: Recipients,
    *,
    since: datetime | None = None,
    note_ids: list[int] | None = None,
) -> list[Candidate]:
    """A leader's direction on a body's report, to that body's users ("closed" when the leader
    closed the proposal with it)."""
    query = (
        sa_select(
            DirectionNote,
            col(ProgressReport.period),
            Assignment,
            col(Section.ordinal),
            col(Task.ordinal),
            col(User.display_name),
        )
        .join(ProgressReport, col(ProgressReport.id) == DirectionNote.report_id)
        .join(Assignment, col(Assignment.id) == ProgressReport.assignment_id)
        .join(Task, col(Task.id) == Assignment.task_id)
        .join(Section, col(Section.id) == Task.section_id)
        .outerjoin(User, col(User.id) == DirectionNote.author_id)
    )
    if note_ids is not None:
        query = query.where(col(DirectionNote.id).in_(note_ids))
    if since is not None:
        query = query.where(col(DirectionNote.created_at) >= since)
    out = []
    for note, period, a, sec, task_ord, author in session.execute(query):
        label = task_label(sec, task_ord)
        kind = NoticeKind.CLOSED if note.closed else NoticeKind.DIRECTION
        for uid in people.of_body(a.organization_id):
            out.append(
                Candidate(
                    uid,
                    kind,
                    f"direction:{note.id}",
                    params={
                        "task": label,
                        "period": period,
                        "who": author or "",
                        "text": excerpt(note.text),
                    },
                    link=assignment_link(label, a.id or 0),
                )
            )
    return out


def for_direction(session: Session, note_id: int) -> int:
    """The notices of one direction, in the caller's unit of work (give_direction)."""
    return store(session, directions(session, recipients(session), note_ids=[note_id]))


def lead_reports(session: Session, people: Recipients, *, since: datetime) -> list[Candidate]:
    """A lead body's report on a task, to the users of the bodies that are partners in it.
    One query, a row per report and partner: it starts from the tasks that have partners (the
    IN keeps the database from reading every lead assignment first), and reads only the
    report's few columns."""
    lead, partner = aliased(Assignment), aliased(Assignment)
    with_partners = sa_select(col(Assignment.task_id)).where(
        col(Assignment.role) == AssignmentRole.PARTNER
    )
    query = (
        sa_select(
            col(ProgressReport.id),
            col(ProgressReport.period),
            col(ProgressReport.percent),
            col(Organization.code),
            col(Section.ordinal),
            col(Task.ordinal),
            col(partner.id),
            col(partner.organization_id),
        )
        .join(lead, col(lead.id) == col(ProgressReport.assignment_id))
        .join(Organization, col(Organization.id) == col(lead.organization_id))
        .join(Task, col(Task.id) == col(lead.task_id))
        .join(Section, col(Section.id) == col(Task.section_id))
        .join(partner, col(partner.task_id) == col(lead.task_id))
        .where(
            col(lead.role) == AssignmentRole.LEAD,
            col(partner.role) == AssignmentRole.PARTNER,
            col(ProgressReport.created_at) >= since,
            col(lead.task_id).in_(with_partners),
        )
    )
    out = []
    for report_id, period, percent, code, sec, task_ord, aid, org_id in session.execute(query):
        label = task_label(sec, task_ord)
        for uid in people.of_body(org_id):
            out.append(
                Candidate(
                    uid,
                    NoticeKind.LEAD_REPORT,
                    f"report:{report_id}",
                    params={"lead": code, "task": label, "period": period, "percent": percent},
                    link=assignment_link(label, aid),
                )
            )
    return out


# --- deadlines -------------------------------------------------------------------------------


def deadlines(states: list[DueState], people: Recipients, *, as_of: date) -> list[Candidate]:
    """A dated task due in 7, 3 and 1 days, and overdue (once, then weekly), to its body."""
    out = []
    for row in states:
        if row.due_date is None or row.status == Status.DONE:
            continue
        params: dict[str, object] = {
            "task": row.task_label,
            "due": row.due_date.strftime("%d/%m/%Y"),
        }
        if row.timeliness == Timeliness.OVERDUE:
            days_over = (as_of - row.due_date).days
            kind, occasion = NoticeKind.OVERDUE, overdue_occasion(days_over)
            params["days"] = days_over
        else:
            step = due_step((row.due_date - as_of).days)
            if step is None:
                continue
            kind, occasion = NoticeKind.DUE, f"d{step}"
            params["days"] = (row.due_date - as_of).days
        link = assignment_link(row.task_label, row.assignment_id)
        for uid in people.of_body(row.organization_id):
            out.append(
                Candidate(uid, kind, f"assignment:{row.assignment_id}", occasion, params, link)
            )
    return out


def _unreported(states: list[DueState]) -> dict[int, tuple[str, int]]:
    """Bodies with recurring tasks not reported this period: (code, how many), by body id."""
    out: dict[int, tuple[str, int]] = {}
    for row in states:
        if row.timeliness == Timeliness.NOT_REPORTED:
            code, n = out.get(row.organization_id, (row.organization_code, 0))
            out[row.organization_id] = (code, n + 1)
    return out


def period_reminders(
    period: ReportingPeriod, states: list[DueState], people: Recipients, today: date
) -> list[Candidate]:
    """The period's report deadline 7, 3 and 1 days away: to each body with recurring tasks it
    has not reported on yet, how many."""
    if period.closed_at is not None:
        return []
    step = due_step((period.report_deadline - today).days)
    if step is None:
        return []
    out = []
    for org_id, (_, n) in _unreported(states).items():
        params = {
            "period": period.code,
            "deadline": period.report_deadline.strftime("%d/%m/%Y"),
            "n": n,
        }
        for uid in people.of_body(org_id):
            out.append(
                Candidate(
                    uid,
                    NoticeKind.PERIOD_DEADLINE,
                    f"period:{period.code}",
                    f"d{step}",
                    params,
                    "/nhiem-vu",
                )
            )
    return out


def missed(
    period: ReportingPeriod, states: list[DueState], people: Recipients, today: date
) -> list[Candidate]:
    """For the secretariat, once the period's deadline has passed: each body that has not
    reported on all its recurring tasks."""
    if today <= period.report_deadline:
        return []
    out = []
    for org_id, (code, n) in _unreported(states).items():
        params = {
            "period": period.code,
            "body": code,
            "n": n,
            "deadline": period.report_deadline.strftime("%d/%m/%Y"),
        }
        for uid in people.of_role(Role.SECRETARIAT):
            out.append(
                Candidate(
                    uid, NoticeKind.MISSED, f"org:{org_id}", period.code, params, body_link(code)
                )
            )
    return out


def period_opened(period: ReportingPeriod, people: Recipients) -> list[Candidate]:
    """A new reporting period: to every body's users."""
    params = {"period": period.code, "deadline": period.report_deadline.strftime("%d/%m/%Y")}
    return [
        Candidate(uid, NoticeKind.PERIOD_OPENED, f"period:{period.code}", "", params, "/nhiem-vu")
        for uids in people.by_body.values()
        for uid in uids
    ]


def digest(
    session: Session, states: list[DueState], people: Recipients, today: date, *, as_of: date
) -> list[Candidate]:
    """Leaders, once a week: what moved (the reports of the last seven days, and the tasks
    they completed), what is overdue (the longest overdue first) and the proposals waiting
    for a direction (the oldest first); the counts, and the first DIGEST_ITEMS of each list
    by task and body. Days overdue are counted to `as_of`, as the overview counts them."""
    leaders = people.of_role(Role.LEADER)
    week = iso_week(today)
    have = set(
        session.exec(
            select(Notice.user_id).where(
                Notice.kind == NoticeKind.DIGEST,
                Notice.subject == "digest",
                Notice.occasion == week,
                col(Notice.user_id).in_(leaders),
            )
        )
    )
    if not leaders or have >= set(leaders):
        return []  # every leader has this week's: the counts (a scan of the reports) are not read
    since = clock.start_of_day(today - timedelta(days=7))
    moved = session.exec(
        select(func.count()).select_from(ProgressReport).where(ProgressReport.created_at >= since)
    ).one()
    # the literal condition of the partial index ix_report_with_proposals, so it is used
    waiting = and_(
        col(ProgressReport.proposals) != literal_column("''"),
        col(ProgressReport.id).not_in(select(DirectionNote.report_id)),
    )
    n_waiting = session.exec(select(func.count()).select_from(ProgressReport).where(waiting)).one()
    overdue = sorted(
        (row for row in states if row.timeliness == Timeliness.OVERDUE and row.due_date),
        key=lambda row: (row.due_date, row.task_label, row.organization_code),
    )
    params = {
        "moved": int(moved),
        "overdue": len(overdue),
        "waiting": int(n_waiting),
        "done": _completed(session, since),
        "late": [
            [row.task_label, row.organization_name, (as_of - row.due_date).days]
            for row in overdue[:DIGEST_ITEMS]
            if row.due_date
        ],
        "oldest": [
            [task_label(sec, task_ord), name, clock.day_of(created).strftime("%d/%m/%Y")]
            for sec, task_ord, name, created in session.execute(
                with_report_context(
                    select_columns(
                        col(Section.ordinal),
                        col(Task.ordinal),
                        col(Organization.name),
                        col(ProgressReport.created_at),
                    )
                )
                .where(waiting)
                .order_by(col(ProgressReport.created_at), col(ProgressReport.id))
                .limit(DIGEST_ITEMS)
            )
        ],
    }
    return [
        Candidate(uid, NoticeKind.DIGEST, "digest", week, params, "/tong-quan") for uid in leaders
    ]


def _completed(session: Session, since: datetime) -> list[list[str]]:
    """The tasks bodies reported done since `since`, the latest first: [task, body] each."""
    out: list[list[str]] = []
    seen: set[int] = set()
    rows = session.execute(
        with_report_context(
            select_columns(
                col(ProgressReport.assignment_id),
                col(Section.ordinal),
                col(Task.ordinal),
                col(Organization.name),
            )
        )
        # the literal condition of the partial index ix_report_done, so it is used
        .where(
            col(ProgressReport.created_at) >= since,
            col(ProgressReport.status) == literal_column(f"'{Status.DONE.value}'"),
        )
        .order_by(col(ProgressReport.created_at).desc(), col(ProgressReport.id).desc())
        .limit(DIGEST_ITEMS * 2)  # a body may have reported the same task done twice
    )
    for aid, sec, task_ord, name in rows:
        if aid not in seen and len(out) < DIGEST_ITEMS:
            seen.add(aid)
            out.append([task_label(sec, task_ord), name])
    return out
