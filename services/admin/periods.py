"""Reporting periods: which quarter bodies report on now, and by when."""

from datetime import date

from sqlmodel import Session, select

from models import ReportingPeriod
from services.core import audit, clock, periods
from services.core.actor import Actor
from services.core.errors import InvalidInput
from services.core.permissions import Action, require
from services.core.query import found_where
from services.install.seed import ensure_periods


def set_current_period(session: Session, *, actor: Actor, code: str) -> ReportingPeriod:
    """Make a quarter the current one (creating it, with a deadline 10 days after its end, if
    it is new). Reports for later quarters are refused until it moves on."""
    require(actor, Action.ADMINISTER)
    code = (code or "").strip().upper()
    year, quarter = periods.parse(code)
    if quarter is None:
        raise InvalidInput("err.period_quarter_only", value=code)
    if not 2000 <= year <= clock.today().year + 1:
        raise InvalidInput("err.period_year", value=code)
    previous = session.exec(
        select(ReportingPeriod.code).where(ReportingPeriod.is_current == True)  # noqa: E712
    ).first()
    if previous == code:
        return _period(session, code)
    ensure_periods(session, [code], current=code)
    period = _period(session, code)
    audit.changed(
        session,
        actor,
        period,
        action="set_current",
        entity="reporting_period",
        before={"current": previous},
        after={"current": code},
    )
    return period


def set_report_deadline(
    session: Session, *, actor: Actor, code: str, deadline: date
) -> ReportingPeriod:
    require(actor, Action.ADMINISTER)
    period = _period(session, code)
    if deadline < period.starts_on:
        raise InvalidInput(
            "err.deadline_before_period",
            day=deadline.strftime("%d/%m/%Y"),
            start=period.starts_on.strftime("%d/%m/%Y"),
        )
    if deadline == period.report_deadline:
        return period
    before = {"report_deadline": period.report_deadline.isoformat()}
    period.report_deadline = deadline
    audit.saved(
        session,
        actor,
        period,
        action="set_deadline",
        entity="reporting_period",
        before=before,
        after={"report_deadline": deadline.isoformat()},
    )
    return period


def _period(session: Session, code: str) -> ReportingPeriod:
    statement = select(ReportingPeriod).where(ReportingPeriod.code == (code or "").strip().upper())
    return found_where(session, statement, "err.adm_period_unknown", value=code)
