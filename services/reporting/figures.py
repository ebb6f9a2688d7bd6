"""Figures (measurements) a body enters for the targets it owns or that every body reports.

A figure is never overwritten: entering it again adds a newer row (the read side takes the
latest), and the audit event keeps the value it replaces.
"""

from dataclasses import dataclass
from datetime import date, datetime

from sqlmodel import Session, col, or_, select

from models import Measurement, Organization, PeriodType, Target, TargetKind, TargetScope, pk
from services.core import audit, clock, guard, periods, permissions, validation
from services.core.actor import Actor
from services.core.errors import InvalidInput
from services.core.permissions import Action
from services.core.query import found
from services.core.rows import from_row

NOTE_LIMIT = 2_000
PERCENT_UNIT = "%"


@dataclass(frozen=True)
class FigureTarget:
    """A target as the figure form needs it."""

    id: int
    code: str
    name: str
    unit: str
    kind: str
    value: float | None
    period_type: str
    scope: str
    owner_id: int | None
    owner_code: str | None


@dataclass(frozen=True)
class FigureRow:
    target_code: str
    organization_code: str | None
    period: str
    value: float
    note: str
    source: str
    created_at: datetime


@dataclass(frozen=True)
class FigureInput:
    target_id: int
    period: str
    value: object  # as typed: "12,5" is a number
    organization_id: int | None = None  # the body, for a per-body target
    note: str = ""
    source: str = ""


def targets_for(
    session: Session, *, actor: Actor, organization_id: int | None
) -> list[FigureTarget]:
    """The targets whose figures `organization_id` enters: those it owns (province-wide) and
    those every body reports. Without a body (the secretariat's view): every target."""
    query = (
        select(Target, Organization.code)
        .outerjoin(Organization, col(Organization.id) == col(Target.owner_id))
        .order_by(Target.code)
    )
    if organization_id is not None:
        query = query.where(
            or_(Target.owner_id == organization_id, Target.scope == TargetScope.PER_BODY)
        )
    permissions.require(actor, Action.READ)
    return [
        from_row(FigureTarget, target, id=pk(target), owner_code=owner_code)
        for target, owner_code in session.exec(query)
    ]


def figure_body(
    target: FigureTarget | Target, organization_id: int | None
) -> tuple[int | None, int | None]:
    """(the body the figure is stored under, the body answerable for it). A per-body target's
    figure belongs to the given body; a province-wide one is stored under no body and its
    owner answers for it."""
    if target.scope == TargetScope.PER_BODY:
        return organization_id, organization_id
    return None, target.owner_id


def may_enter(actor: Actor, target: FigureTarget | Target, organization_id: int | None) -> bool:
    """Whether the form for this target and body should be offered (the service decides)."""
    _, answerable = figure_body(target, organization_id)
    return permissions.can(actor, Action.FIGURE, organization_id=answerable)


def check_value(target: Target, raw: object) -> float:
    """The value typed for `target`, checked against its kind and unit."""
    value = validation.parse_number(raw)
    if target.kind == TargetKind.DONE:
        if value not in (0, 1):
            raise InvalidInput("err.figure_done", value=str(raw)[:40])
        return value
    if target.kind == TargetKind.RANK:
        if value < 1 or value != int(value):
            raise InvalidInput("err.figure_rank", value=str(raw)[:40])
        return value
    if target.unit == PERCENT_UNIT and not 0 <= value <= 100:
        raise InvalidInput("err.figure_percent", value=str(raw)[:40])
    if value < 0:
        raise InvalidInput("err.figure_negative", value=str(raw)[:40])
    return value


def submit_figure(
    session: Session, *, actor: Actor, data: FigureInput, now: datetime | None = None
) -> Measurement:
    """Record one figure with an audit event (before: the latest figure it supersedes)."""
    now = now or clock.now()
    target = found(session, Target, data.target_id, "err.target_not_found", id=data.target_id)
    if target.scope == TargetScope.PER_BODY and data.organization_id is None:
        raise InvalidInput("err.figure_needs_body")
    org_id, answerable = figure_body(target, data.organization_id)
    guard.require_current_account(session, actor)
    permissions.require(actor, Action.FIGURE, organization_id=answerable)
    if org_id is not None:
        found(session, Organization, org_id, "err.org_not_found", id=org_id)
    guard.require_directive_open(session, directive_id=target.directive_id)
    guard.require_body_active(session, answerable)
    period = _period(session, target, data.period, today=clock.today(now))
    row = Measurement(
        target_id=pk(target),
        organization_id=org_id,
        period=period,
        value=check_value(target, data.value),
        note=validation.clean_text(data.note, limit=NOTE_LIMIT, too_long="err.note_too_long"),
        source=validation.clean_text(
            data.source, limit=validation.SHORT_LIMIT, too_long="err.source_too_long", one_line=True
        ),
        author_id=actor.id,
        created_at=now,
    )
    previous = latest(session, target_id=pk(target), organization_id=org_id, period=period)
    fields = ["target_id", "organization_id", "period", "value", "note", "source"]
    event = audit.saved(
        session,
        actor,
        row,
        action="figure",
        entity="measurement",
        before=audit.snapshot(previous, fields) if previous else None,
        after={
            **audit.snapshot(row, fields),
            "target_code": target.code,
            "on_behalf": actor.organization_id != answerable,
        },
    )
    event.organization_id = answerable
    return row


def _period(session: Session, target: Target, code: str, *, today: date) -> str:
    code = (code or "").strip()
    _, quarter = periods.parse(code)
    if target.period_type == PeriodType.YEAR and quarter is not None:
        raise InvalidInput("err.figure_period_year", value=code)
    if target.period_type == PeriodType.QUARTER and quarter is None:
        raise InvalidInput("err.period_quarter", value=code)
    return validation.check_period(session, code, today=today, quarter_only=False)


def figure_periods(session: Session, *, period_type: str, today: date | None = None) -> list[str]:
    """The periods one may enter a figure for, newest first: open quarters, or their years."""
    quarters = validation.open_periods(session, today=today or clock.today())
    if period_type == PeriodType.QUARTER:
        return quarters
    return sorted({q.split("-")[0] for q in quarters}, reverse=True)


def latest(
    session: Session, *, target_id: int, organization_id: int | None, period: str
) -> Measurement | None:
    query = select(Measurement).where(
        Measurement.target_id == target_id,
        Measurement.period == period,
        Measurement.organization_id == organization_id
        if organization_id is not None
        else col(Measurement.organization_id).is_(None),
    )
    return session.exec(
        query.order_by(col(Measurement.created_at).desc(), col(Measurement.id).desc())
    ).first()


def recent_figures(
    session: Session, *, actor: Actor, organization_id: int | None, limit: int = 30
) -> list[FigureRow]:
    """The latest figures entered for `organization_id` (its per-body ones and those of the
    targets it owns), newest first."""
    permissions.require(actor, Action.READ)
    query = (
        select(Measurement, Target.code, Organization.code)
        .join(Target, col(Target.id) == col(Measurement.target_id))
        .outerjoin(Organization, col(Organization.id) == col(Measurement.organization_id))
    )
    if organization_id is not None:
        query = query.where(
            or_(
                Measurement.organization_id == organization_id,
                (col(Measurement.organization_id).is_(None))
                & (col(Target.owner_id) == organization_id),
            )
        )
    rows = session.exec(
        query.order_by(col(Measurement.created_at).desc(), col(Measurement.id).desc()).limit(limit)
    ).all()
    return [
        FigureRow(code, org_code, m.period, m.value, m.note, m.source, m.created_at)
        for m, code, org_code in rows
    ]
