"""Progress reports and the assignment's current state.

The assignment keeps a copy of its latest report's status so that roll-ups read one row per
assignment and never the history.
"""

from datetime import date, datetime

from models import Assignment, ProgressReport, Status
from services import periods


def apply_report(assignment: Assignment, report: ProgressReport, *, reported_at: datetime) -> None:
    """Make `report` the assignment's current state and bump its version."""
    assignment.status = report.status
    assignment.stuck = report.stuck
    assignment.percent = report.percent
    assignment.last_period = report.period
    assignment.last_reported_at = reported_at
    if report.status == Status.DONE and assignment.completed_on is None:
        assignment.completed_on = completion_day(report.period, reported_at)
    elif report.status != Status.DONE:
        assignment.completed_on = None
    assignment.version += 1


def completion_day(period: str, reported_at: datetime) -> date:
    """The day work was done: the report's day, but never after the period it reports on."""
    _, end = periods.bounds(period)
    return min(reported_at.date(), end)
