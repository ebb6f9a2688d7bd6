"""The pure rules behind the overview: target verdicts in words, the scorecard's order."""

from datetime import date

import pytest

from models import Status, Timeliness
from render.fmt import verdict_text
from services.read import rollup
from services.read.snapshot import AssignmentState
from services.read.targets import judge, judged_period


def verdict(**kw):
    base = dict(direction=None, target=None, previous=None, unit="%", period="2022")
    base.update(kw)
    v = judge(**base)
    return v.status, verdict_text(v, "vi")


@pytest.mark.parametrize(
    ("kw", "status", "words"),
    [
        ({"kind": "at_least", "target": 30, "value": 31}, "met", "31% ≥ 30%: đạt"),
        ({"kind": "at_least", "target": 30, "value": 28.6}, "not_met", "28,6% < 30%: chưa đạt"),
        ({"kind": "at_most", "target": 5, "value": 7}, "not_met", "7% > 5%: chưa đạt"),
        ({"kind": "exactly", "target": 100, "value": 100}, "met", "100% = 100%: đạt"),
        ({"kind": "exactly", "target": 100, "value": 96}, "not_met", "96% < 100%: chưa đạt"),
        ({"kind": "at_least", "target": 30, "value": None}, "no_data", "2022: chưa có số liệu"),
        (
            {"kind": "better_than_previous", "direction": "higher", "value": 5.2, "previous": 4.6},
            "met",
            "4,6% → 5,2%: tăng, đạt",
        ),
        (
            {"kind": "better_than_previous", "direction": "lower", "value": 5.2, "previous": 4.6},
            "not_met",
            "không cải thiện",
        ),
        (
            {"kind": "better_than_previous", "direction": "lower", "value": 3, "previous": 4.6},
            "met",
            "giảm, đạt",
        ),
        (
            {"kind": "better_than_previous", "direction": "higher", "value": 5, "previous": None},
            "no_data",
            "chưa có số liệu kỳ trước",
        ),
        ({"kind": "rank", "value": 30, "previous": 38, "unit": "hạng"}, "met", "tăng 8 bậc"),
        ({"kind": "rank", "value": 40, "previous": 38, "unit": "hạng"}, "not_met", "giảm 2 bậc"),
        ({"kind": "done", "value": 1}, "met", "đã thực hiện"),
        ({"kind": "done", "value": 0}, "not_met", "chưa thực hiện"),
    ],
)
def test_verdict_is_explained_in_words(kw, status, words):
    got_status, text = verdict(**kw)
    assert got_status == status
    assert words in text


def test_judged_period():
    assert judged_period("quarter", "2022-Q3") == "2022-Q3"
    assert judged_period("year", "2022-Q4") == "2022"
    assert judged_period("year", "2022-Q2") == "2021"  # the year is not over yet


def row(
    org: int,
    tl: Timeliness,
    percent: int,
    status: str = Status.IN_PROGRESS,
    task: int = 1,
    stuck: bool = False,
):
    return AssignmentState(
        assignment_id=org * 100 + task,
        task_id=task,
        section_ordinal=1,
        task_label=f"1.{task}",
        task_text="",
        area="tthc",
        cadence="once",
        organization_id=org,
        organization_code=f"B{org}",
        organization_name=f"Body {org}",
        organization_kind="district",
        role="lead",
        status=status,
        stuck=stuck,
        percent=percent,
        due_date=date(2022, 6, 30),
        completed_on=None,
        last_period="2022-Q4",
        last_reported_at=None,
        timeliness=tl,
    )


def test_scorecard_puts_the_most_overdue_then_least_done_first():
    rows = [
        row(1, Timeliness.IN_PROGRESS_ON_TIME, 90),
        row(1, Timeliness.IN_PROGRESS_ON_TIME, 90, task=2),
        row(2, Timeliness.OVERDUE, 70),
        row(2, Timeliness.OVERDUE, 70, task=2),
        row(3, Timeliness.OVERDUE, 20),
        row(3, Timeliness.IN_PROGRESS_ON_TIME, 20, task=2),
        row(4, Timeliness.NOT_REPORTED, 40),
        row(4, Timeliness.NOT_REPORTED, 40, task=2),
    ]
    scores = rollup.scorecard(rows)
    assert [s.code for s in scores] == ["B2", "B3", "B4", "B1"]
    assert [s.rank for s in scores] == [1, 2, 3, 4]
    assert [s.health for s in scores] == ["red", "red", "amber", "green"]
    assert scores[0].overdue == 2 and scores[3].mean_percent == 90


def test_headline_counts():
    rows = [
        row(1, Timeliness.OVERDUE, 10, stuck=True),
        row(2, Timeliness.DONE_LATE, 100, Status.DONE),
        row(2, Timeliness.REPORTED, 50, task=2),
    ]
    h = rollup.headline(rows, reported_body_ids={2}, proposals_waiting=3)
    assert (h.tasks, h.assignments, h.done, h.stuck) == (2, 3, 1, 1)
    assert h.by_timeliness["overdue"] == 1 and h.by_timeliness["done_late"] == 1
    assert (h.bodies, h.bodies_not_reported, h.proposals_waiting) == (2, 1, 3)
    assert h.mean_percent == pytest.approx(160 / 3)


def test_english_verdicts_write_english_numbers():
    v = judge(
        kind="at_least",
        direction=None,
        target=30,
        value=35.7,
        previous=None,
        unit="%",
        period="2022",
    )
    assert verdict_text(v, "en").startswith("35.7% ≥ 30%")
    assert verdict_text(v, "vi").startswith("35,7% ≥ 30%")
