"""The reporting cycle's own steps, taken by the secretariat: chasing the bodies that have not
reported in the current period (a notice to their users, at most once a body a day, audited;
e-mailed with the next send), and closing the current period (reports for it are refused from
then on, each body's on-time reporting for it is kept, the next period opens and the bodies are
told)."""

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import func
from sqlmodel import Session, col, select

from models import (
    Assignment,
    Directive,
    Notice,
    NoticeKind,
    Organization,
    PeriodResult,
    ProgressReport,
    ReportingPeriod,
    Section,
    Task,
)
from services.core import audit, clock, periods, validation
from services.core.actor import SYSTEM, Actor
from services.core.errors import InvalidInput
from services.core.permissions import Action, require
from services.install.seed import ensure_periods, get_setting, set_setting
from services.notices.generate import period_opened
from services.notices.store import Candidate, recipients, store
from services.read.snapshot import bodies_reported_in

MESSAGE_LIMIT = 500


@dataclass(frozen=True)
class Laggard:
    organization_id: int
    code: str
    name: str


def _current(session: Session) -> ReportingPeriod:
    period = session.exec(select(ReportingPeriod).where(col(ReportingPeriod.is_current))).first()
    if period is None:
        raise InvalidInput("err.no_current_period")
    return period


def _open_directives(session: Session) -> list[int]:
    return [
        d
        for d in session.exec(
            select(Directive.id).where(col(Directive.is_open)).order_by(col(Directive.id))
        )
        if d is not None
    ]


def not_reported(session: Session, *, actor: Actor, today: date | None = None) -> list[Laggard]:
    """The active bodies with work in an open directive that have sent no report for the
    current period (as the overview counts them)."""
    require(actor, Action.READ)
    period = periods.current_period(session)
    if period is None:
        return []
    today = today or clock.today()
    directives = _open_directives(session)
    reported = bodies_reported_in(session, directives, period.code, today=today)
    rows = session.exec(
        select(Organization.id, Organization.code, Organization.name)
        .where(
            col(Organization.active),
            select(Assignment.id)  # from each body to its first such assignment
            .join(Task, col(Task.id) == Assignment.task_id)
            .join(Section, col(Section.id) == Task.section_id)
            .where(
                Assignment.organization_id == Organization.id,
                col(Section.directive_id).in_(directives),
            )
            .exists(),
        )
        .order_by(col(Organization.sort_order), col(Organization.code))
    ).all()
    return [Laggard(oid, code, name) for oid, code, name in rows if oid not in reported and oid]


@dataclass(frozen=True)
class ChaseResult:
    chased: list[str]  # body codes told now
    skipped: list[str]  # already chased today


def chase(
    session: Session,
    *,
    actor: Actor,
    organization_ids: list[int],
    message: str = "",
    now: datetime | None = None,
) -> ChaseResult:
    """Remind the chosen bodies to report for the current period: a notice to each of their
    users (e-mailed with the next send), at most once a body a day; one audit event a body."""
    require(actor, Action.ADMINISTER)
    if not organization_ids:
        raise InvalidInput("err.chase_none")
    now = now or clock.now()
    today = clock.today(now)
    period = _current(session)
    text = validation.clean_text(
        message, limit=MESSAGE_LIMIT, too_long="err.chase_message_too_long", one_line=True
    )
    bodies = {
        oid: code
        for oid, code in session.exec(
            select(Organization.id, Organization.code).where(
                col(Organization.id).in_(organization_ids)
            )
        )
        if oid is not None
    }
    unknown = [str(i) for i in organization_ids if i not in bodies]
    if unknown:
        raise InvalidInput("err.org_unknown", value=", ".join(unknown))
    people = recipients(session)
    occasion = today.isoformat()
    chased, skipped = [], []
    for oid in sorted(set(organization_ids)):
        subject = f"chase:{period.code}:{oid}"
        done = session.exec(
            select(func.count())
            .select_from(Notice)
            .where(Notice.kind == NoticeKind.CHASE, Notice.subject == subject)
            .where(Notice.occasion == occasion)
        ).one()
        if done:
            skipped.append(bodies[oid])
            continue
        params = {
            "period": period.code,
            "deadline": period.report_deadline.strftime("%d/%m/%Y"),
            "message": text,
        }
        users = people.of_body(oid)
        store(
            session,
            [
                Candidate(uid, NoticeKind.CHASE, subject, occasion, params, "/nhiem-vu")
                for uid in users
            ],
            now=now,
        )
        event = audit.record(
            session,
            actor=actor,
            action="chase",
            entity="organization",
            entity_id=oid,
            after={"period": period.code, "message": text, "recipients": len(users)},
        )
        event.organization_id = oid
        chased.append(bodies[oid])
    return ChaseResult(chased, skipped)


@dataclass(frozen=True)
class CloseResult:
    closed: str
    opened: str
    notices: int


def close_period(
    session: Session, *, actor: Actor, code: str, now: datetime | None = None
) -> CloseResult:
    """Close the current period `code`: reports for it are refused from now on; each body's
    reporting for it is kept (assignments to report on, reported by the deadline, reported
    later); the next quarter becomes current and every body's users are told."""
    require(actor, Action.ADMINISTER)
    now = now or clock.now()
    period = _current(session)
    if (code or "").strip().upper() != period.code or period.closed_at is not None:
        raise InvalidInput("err.close_not_current", value=(code or "")[:20], current=period.code)
    _keep_results(session, period)
    period.closed_at = now
    session.add(period)
    following = periods.shift(period.code, 1)
    ensure_periods(session, [following], current=following)
    opened = session.exec(select(ReportingPeriod).where(ReportingPeriod.code == following)).one()
    audit.changed(
        session,
        actor,
        period,
        action="close",
        entity="reporting_period",
        before={"current": period.code},
        after={"closed": period.code, "current": following},
    )
    people = recipients(session)
    made = store(session, period_opened(opened, people), now=now)
    return CloseResult(period.code, following, made)


def _keep_results(session: Session, period: ReportingPeriod) -> None:
    """Each active body's reporting for `period`: its assignments in open directives not done
    before the period began, how many it reported on by the deadline, how many later."""
    deadline = clock.end_of_day(period.report_deadline)
    first_report = (
        select(ProgressReport.assignment_id, func.min(ProgressReport.created_at).label("first"))
        .where(ProgressReport.period == period.code)
        .group_by(col(ProgressReport.assignment_id))
        .subquery()
    )
    rows = session.exec(
        select(Assignment.organization_id, col(Assignment.completed_on), first_report.c.first)
        .join(Task, col(Task.id) == Assignment.task_id)
        .join(Section, col(Section.id) == Task.section_id)
        .join(Organization, col(Organization.id) == Assignment.organization_id)
        .outerjoin(first_report, first_report.c.assignment_id == Assignment.id)
        .where(col(Section.directive_id).in_(_open_directives(session)), col(Organization.active))
    ).all()
    tally: dict[int, list[int]] = {}
    for org_id, completed_on, first in rows:
        if completed_on is not None and completed_on < period.starts_on and first is None:
            continue  # finished before the period: nothing to report
        counts = tally.setdefault(org_id, [0, 0, 0])
        counts[0] += 1
        if first is not None:
            counts[1 if clock.aware(first) <= deadline else 2] += 1
    for org_id, (expected, on_time, late) in tally.items():
        session.add(
            PeriodResult(
                period_id=period.id or 0,
                organization_id=org_id,
                expected=expected,
                on_time=on_time,
                late=late,
            )
        )
    session.flush()


@dataclass(frozen=True)
class Rate:
    period: str
    expected: int
    on_time: int
    late: int

    @property
    def percent(self) -> float:
        return 100.0 * self.on_time / self.expected if self.expected else 100.0


def on_time_rates(session: Session, *, organization_id: int) -> list[Rate]:
    """A body's on-time reporting for each closed period, newest first."""
    rows = session.exec(
        select(ReportingPeriod.code, PeriodResult)
        .join(PeriodResult, col(PeriodResult.period_id) == ReportingPeriod.id)
        .where(PeriodResult.organization_id == organization_id)
        .order_by(col(ReportingPeriod.code).desc())
    ).all()
    return [Rate(code, r.expected, r.on_time, r.late) for code, r in rows]


def latest_on_time_rates(session: Session, *, up_to: str) -> tuple[str | None, dict[int, Rate]]:
    """Every body's on-time reporting in the newest closed period up to the period `up_to`
    (the one the overview shows or an earlier one): (its code, body id -> rate); (None, {})
    when no period up to it has been closed."""
    code = session.exec(
        select(func.max(ReportingPeriod.code))
        .join(PeriodResult, col(PeriodResult.period_id) == ReportingPeriod.id)
        .where(ReportingPeriod.code <= up_to)
    ).one()
    if code is None:
        return None, {}
    rows = session.exec(
        select(PeriodResult)
        .join(ReportingPeriod, col(ReportingPeriod.id) == PeriodResult.period_id)
        .where(ReportingPeriod.code == code)
    ).all()
    return code, {r.organization_id: Rate(code, r.expected, r.on_time, r.late) for r in rows}


# --- closing by itself -------------------------------------------------------------------------

GRACE_KEY = "period_grace_days"
GRACE_MAX = 90


def grace_days(session: Session) -> int | None:
    """Days after the report deadline at which the current period closes by itself (None: only
    the secretariat closes it)."""
    value = get_setting(session, GRACE_KEY)
    return int(value) if value and value.isdigit() else None


def set_grace_days(session: Session, *, actor: Actor, days: int | None) -> None:
    """The secretariat sets (or, None, removes) the grace after which a period closes itself."""
    require(actor, Action.ADMINISTER)
    if days is not None and not 0 <= days <= GRACE_MAX:
        raise InvalidInput("err.grace_range", value=days, most=GRACE_MAX)
    before = grace_days(session)
    if before == days:
        return
    set_setting(session, GRACE_KEY, "" if days is None else str(days))
    audit.record(
        session,
        actor=actor,
        action="set_grace",
        entity="reporting_period",
        entity_id=None,
        before={"grace_days": before},
        after={"grace_days": days},
    )


def close_if_due(session: Session, *, now: datetime | None = None) -> CloseResult | None:
    """Close the current period when its deadline plus the grace has passed (manage.py notify
    runs this first); None when there is nothing to close."""
    now = now or clock.now()
    days = grace_days(session)
    period = periods.current_period(session)
    if days is None or period is None:
        return None
    row = session.exec(select(ReportingPeriod).where(ReportingPeriod.code == period.code)).one()
    if row.closed_at is not None or clock.today(now) <= period.report_deadline + timedelta(
        days=days
    ):
        return None
    return close_period(session, actor=SYSTEM, code=period.code, now=now)
