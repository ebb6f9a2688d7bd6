"""Timeliness, the way the Government Office's task-tracking system reads progress.

Derived, never stored: it depends on the day it is read.
"""

from dataclasses import dataclass
from datetime import date, datetime

from models.enums import Cadence, Status, Timeliness
from services.core import clock, periods

# The four classes a deadline allows, in the order leaders read them.
DEADLINE_CLASSES = (
    Timeliness.DONE_ON_TIME,
    Timeliness.DONE_LATE,
    Timeliness.IN_PROGRESS_ON_TIME,
    Timeliness.OVERDUE,
)
RECURRING_CLASSES = (Timeliness.REPORTED, Timeliness.NOT_REPORTED)


def completion_day(done_at: datetime, period: str | None) -> date:
    """The day work was done, from the first "done" report: its day in Vietnam, but never
    after the end of the period it reported on (a late report on a quarter's work done in
    time does not make the work late)."""
    day = clock.day_of(done_at)
    return min(day, periods.bounds(period)[1]) if period else day


def reported_in_period(cadence: str, last_period: str | None, current_period: str) -> bool:
    """An annual task counts as reported once in the year; any other recurring task once in
    the quarter."""
    if not last_period:
        return False
    if cadence == Cadence.ANNUAL:
        return periods.year_of(last_period) == periods.year_of(current_period)
    return last_period == current_period


@dataclass(frozen=True)
class Reading:
    """The day assignments are read on and the period current then: with an assignment's own
    facts, what decides its timeliness."""

    current_period: str
    as_of: date

    def timeliness(
        self,
        *,
        cadence: str,
        status: str,
        due_date: date | None,
        completed_on: date | None,
        last_period: str | None,
    ) -> Timeliness:
        """Classify one assignment.

        - With a deadline (the task's or the assignment's override): done on time, done late,
          in progress within the deadline, or overdue and not done. A task done with no
          recorded completion day counts as done on the day it is read.
        - A one-off task with no deadline yet is in progress within its (open) deadline, or
          done on time.
        - A recurring task (continuous, periodic, annual) with no deadline: reported or not
          reported in the current period.
        """
        if due_date is not None:
            if status == Status.DONE:
                finished = completed_on or self.as_of
                return Timeliness.DONE_ON_TIME if finished <= due_date else Timeliness.DONE_LATE
            return Timeliness.IN_PROGRESS_ON_TIME if self.as_of <= due_date else Timeliness.OVERDUE
        if cadence == Cadence.ONCE:
            done = status == Status.DONE
            return Timeliness.DONE_ON_TIME if done else Timeliness.IN_PROGRESS_ON_TIME
        if reported_in_period(cadence, last_period, self.current_period):
            return Timeliness.REPORTED
        return Timeliness.NOT_REPORTED


def timeliness(
    *,
    cadence: str,
    status: str,
    due_date: date | None,
    completed_on: date | None,
    last_period: str | None,
    current_period: str,
    as_of: date,
) -> Timeliness:
    """`Reading.timeliness` of one assignment on the day `as_of`, in `current_period`."""
    return Reading(current_period, as_of).timeliness(
        cadence=cadence,
        status=status,
        due_date=due_date,
        completed_on=completed_on,
        last_period=last_period,
    )
