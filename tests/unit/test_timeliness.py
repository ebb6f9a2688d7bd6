from datetime import date

import pytest

from models import Cadence, Status, Timeliness
from services.core.timeliness import reported_in_period, timeliness

DUE = date(2022, 6, 30)


def classify(**kw):
    base = dict(
        cadence=Cadence.ONCE,
        status=Status.IN_PROGRESS,
        due_date=DUE,
        completed_on=None,
        last_period=None,
        current_period="2022-Q4",
        as_of=date(2022, 12, 31),
    )
    base.update(kw)
    return timeliness(**base)


@pytest.mark.parametrize(
    ("kw", "expected"),
    [
        ({"status": Status.DONE, "completed_on": date(2022, 6, 30)}, Timeliness.DONE_ON_TIME),
        ({"status": Status.DONE, "completed_on": date(2022, 7, 1)}, Timeliness.DONE_LATE),
        ({"as_of": date(2022, 6, 30)}, Timeliness.IN_PROGRESS_ON_TIME),
        ({"as_of": date(2022, 7, 1)}, Timeliness.OVERDUE),
        ({"status": Status.NOT_STARTED, "as_of": date(2022, 7, 1)}, Timeliness.OVERDUE),
        # done with no recorded day: counted on the day it is read
        ({"status": Status.DONE, "as_of": date(2022, 6, 1)}, Timeliness.DONE_ON_TIME),
        # a one-off task with no deadline yet
        ({"due_date": None}, Timeliness.IN_PROGRESS_ON_TIME),
        ({"due_date": None, "status": Status.DONE}, Timeliness.DONE_ON_TIME),
        # continuous: reported in the current quarter or not
        (
            {"cadence": Cadence.CONTINUOUS, "due_date": None, "last_period": "2022-Q4"},
            Timeliness.REPORTED,
        ),
        (
            {"cadence": Cadence.CONTINUOUS, "due_date": None, "last_period": "2022-Q3"},
            Timeliness.NOT_REPORTED,
        ),
        (
            {"cadence": Cadence.PERIODIC, "due_date": None, "last_period": None},
            Timeliness.NOT_REPORTED,
        ),
        # annual: once in the year is enough
        (
            {"cadence": Cadence.ANNUAL, "due_date": None, "last_period": "2022-Q1"},
            Timeliness.REPORTED,
        ),
        (
            {"cadence": Cadence.ANNUAL, "due_date": None, "last_period": "2021-Q4"},
            Timeliness.NOT_REPORTED,
        ),
        # a deadline wins over the cadence: an annual task due in 2021 and not done is overdue
        (
            {"cadence": Cadence.ANNUAL, "due_date": date(2021, 12, 31), "last_period": "2022-Q4"},
            Timeliness.OVERDUE,
        ),
    ],
)
def test_timeliness(kw, expected):
    assert classify(**kw) == expected


def test_reported_in_period_without_report():
    assert not reported_in_period(Cadence.CONTINUOUS, None, "2022-Q4")


def test_work_done_at_half_past_one_in_vietnam_is_done_that_day():
    """01:30 on 1 July in Vietnam is still 30 June in UTC: the office's day counts, in the
    assignment's state and in every view rebuilt from the history alike."""
    from datetime import UTC, datetime

    from services.core.timeliness import completion_day

    reported = datetime(2022, 6, 30, 18, 30, tzinfo=UTC)  # 01/07/2022 01:30 in Vietnam
    assert completion_day(reported, "2022-Q3") == date(2022, 7, 1)
    assert completion_day(reported.replace(tzinfo=None), "2022-Q3") == date(2022, 7, 1)  # SQLite
    # a late report on the quarter before counts as done by the end of that quarter
    assert completion_day(reported, "2022-Q2") == date(2022, 6, 30)
    assert (
        classify(
            status=Status.DONE,
            completed_on=completion_day(reported, "2022-Q3"),
            last_period="2022-Q3",
        )
        == Timeliness.DONE_LATE
    )
