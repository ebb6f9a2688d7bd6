"""Every overview figure against an independent SQL count, on SQLite and PostgreSQL."""

from dataclasses import replace
from datetime import date

import pytest
from sqlalchemy import text
from sqlmodel import Session, select

from models import Directive
from services.read import screens, targets
from services.read import snapshot as overview
from services.read.snapshot import Filters

AS_OF = date(2022, 12, 31)  # the demo's current period ends here


def scalar(session: Session, sql: str, **params) -> int:
    return int(session.execute(text(sql), params).scalar_one())


@pytest.fixture
def ctx(seeded):
    with Session(seeded) as s:
        directive = s.exec(select(Directive)).one()
        yield s, Filters(directive_id=directive.id, period="2022-Q4")


DUE = "COALESCE(a.due_date_override, t.due_date)"
# held on the last day of 2022-Q4 (the demo's Sở GTVT handed its work to Sở Xây dựng on 01/10/2022)
HELD = "(a.held_until IS NULL OR a.held_until > '2022-12-31')"
FROM = (
    "FROM assignment a JOIN task t ON t.id = a.task_id JOIN section s ON s.id = t.section_id "
    f"JOIN organization o ON o.id = a.organization_id WHERE {HELD} {{where}}"
)


def counts_by_sql(s: Session, where: str = "", **params) -> dict:
    q = FROM.format(where=where)
    return {
        "tasks": scalar(s, f"SELECT COUNT(DISTINCT t.id) {q}", **params),
        "assignments": scalar(s, f"SELECT COUNT(*) {q}", **params),
        "done": scalar(s, f"SELECT COUNT(*) {q} AND a.status = 'done'", **params),
        "overdue": scalar(
            s, f"SELECT COUNT(*) {q} AND a.status <> 'done' AND {DUE} < :d", d=AS_OF, **params
        ),
        "done_late": scalar(
            s,
            f"SELECT COUNT(*) {q} AND a.status = 'done' AND {DUE} IS NOT NULL"
            f" AND a.completed_on > {DUE}",
            **params,
        ),
        "done_on_time": scalar(
            s,
            f"SELECT COUNT(*) {q} AND a.status = 'done' AND "
            f"({DUE} IS NULL AND t.cadence = 'once' OR "
            f"{DUE} IS NOT NULL AND a.completed_on <= {DUE})",
            **params,
        ),
        "stuck": scalar(s, f"SELECT COUNT(*) {q} AND a.stuck AND a.status <> 'done'", **params),
    }


def figures(data) -> dict:
    h = data.headline
    return {
        "tasks": h.tasks,
        "assignments": h.assignments,
        "done": h.done,
        "overdue": h.by_timeliness["overdue"],
        "done_late": h.by_timeliness["done_late"],
        "done_on_time": h.by_timeliness["done_on_time"],
        "stuck": h.stuck,
    }


def test_headline_equals_sql(ctx):
    s, f = ctx
    data = screens.leadership_overview(s, f, today=date(2026, 11, 29))
    expected = counts_by_sql(s)
    assert figures(data) == expected
    assert expected["tasks"] == 40 and expected["overdue"] > 0 and expected["done_late"] > 0


@pytest.mark.parametrize(
    ("filters", "where", "params"),
    [
        ({"area": "tthc"}, "AND t.area = :area", {"area": "tthc"}),
        ({"org_kind": "district"}, "AND o.kind = :kind", {"kind": "district"}),
        (
            {"area": "to_chuc_bo_may", "org_kind": "provincial"},
            "AND t.area = :area AND o.kind = :kind",
            {"area": "to_chuc_bo_may", "kind": "provincial"},
        ),
    ],
)
def test_filters_change_every_figure_consistently(ctx, filters, where, params):
    s, f = ctx
    data = screens.leadership_overview(s, replace(f, **filters), today=date(2026, 11, 29))
    expected = counts_by_sql(s, where, **params)
    assert figures(data) == expected
    assert expected != counts_by_sql(s)
    assert sum(g.assignments for _, g in data.sections) == expected["assignments"]
    assert sum(b.assignments for b in data.scorecard) == expected["assignments"]
    assert sum(g.assignments for g in data.areas) == expected["assignments"]
    if "org_kind" in filters:
        assert {b.kind for b in data.scorecard} == {filters["org_kind"]}


def test_proposals_and_silent_bodies_equal_sql(ctx):
    s, f = ctx
    data = screens.leadership_overview(s, f, today=date(2026, 11, 29))
    waiting = scalar(
        s,
        "SELECT COUNT(*) FROM progressreport r WHERE r.proposals <> '' AND NOT "
        "EXISTS (SELECT 1 FROM direction d WHERE d.report_id = r.id)",
    )
    assert data.headline.proposals_waiting == len(data.proposals) == waiting > 0
    silent = scalar(
        s,
        "SELECT COUNT(*) FROM organization o WHERE EXISTS (SELECT 1 FROM "
        f"assignment a WHERE a.organization_id = o.id AND {HELD}) AND NOT EXISTS (SELECT 1 FROM"
        " progressreport r JOIN assignment a ON a.id = r.assignment_id WHERE "
        "a.organization_id = o.id AND r.period = '2022-Q4')",
    )
    assert data.headline.bodies_not_reported == silent > 0
    days = [p.days_waiting for p in data.proposals]
    assert days == sorted(days, reverse=True)


def test_history_rebuild_agrees_with_the_stored_state(ctx):
    s, f = ctx
    live = overview.snapshot(s, f, today=date(2026, 11, 29))
    rebuilt = overview.snapshot(s, f, today=date(2026, 11, 29), from_history=True)
    assert live.live and not rebuilt.live
    key = lambda r: (r.assignment_id, r.status, r.percent, r.stuck, r.last_period, r.timeliness)  # noqa: E731
    assert [key(r) for r in live.rows] == [key(r) for r in rebuilt.rows]


def test_an_earlier_period_shows_the_state_then(ctx):
    s, f = ctx
    earlier = replace(f, period="2021-Q4")
    data = screens.leadership_overview(s, earlier, today=date(2026, 11, 29))
    assert not data.live and data.as_of == date(2021, 12, 31)
    reported_by_then = scalar(
        s, "SELECT COUNT(DISTINCT assignment_id) FROM progressreport WHERE period <= '2021-Q4'"
    )
    untouched = sum(1 for r in overview.snapshot(s, earlier).rows if r.last_period is None)
    assert untouched == data.headline.assignments - reported_by_then
    assert data.headline.mean_percent < screens.leadership_overview(s, f).headline.mean_percent
    trend = screens.trend(s, f, ["2021-Q3", "2021-Q4", "2022-Q1", "2022-Q2", "2022-Q3", "2022-Q4"])
    assert [p["period"] for p in trend][-1] == "2022-Q4"
    assert trend[-1]["mean_percent"] == round(
        screens.leadership_overview(s, f).headline.mean_percent, 1
    )


def test_targets_are_judged_from_the_figures(ctx):
    s, f = ctx
    by_code = {t.code: t for t in targets.statuses(s, f)}
    assert len(by_code) == scalar(s, "SELECT COUNT(*) FROM target")
    ct01 = by_code["CT01"]
    latest = s.execute(
        text(
            "SELECT m.value FROM measurement m JOIN target t ON t.id = "
            "m.target_id WHERE t.code = 'CT01' AND m.period = '2022'"
        )
    ).scalar_one()
    assert ct01.value == latest and ct01.verdict.status == ("met" if latest >= 30 else "not_met")
    ct02 = by_code["CT02"]
    hundred = scalar(
        s,
        "SELECT COUNT(*) FROM measurement m JOIN target t ON t.id = m.target_id "
        "WHERE t.code = 'CT02' AND m.period = '2022-Q4' AND m.value >= 100",
    )
    assert sum(v.status == "met" for v in ct02.bodies.values()) == hundred
    assert by_code["CT13"].verdict.status == "no_data"  # no DDCI figure for 2022 in the demo


def test_body_detail_ranks_among_peers(ctx):
    s, f = ctx
    data = screens.body_detail(s, f, "hmt")
    assert data.organization.code == "HMT"
    districts = scalar(s, "SELECT COUNT(*) FROM organization WHERE kind = 'district'")
    assert data.peers == districts and 1 <= data.score.rank <= districts
    assert len(data.rows) == scalar(
        s,
        "SELECT COUNT(*) FROM assignment a JOIN organization o ON o.id = a.organization_id "
        "WHERE o.code = 'HMT'",
    )
    assert screens.body_detail(s, f, "NOPE") is None


def test_every_trend_point_equals_the_snapshot_of_its_period(ctx):
    s, f = ctx
    codes = ["2021-Q3", "2021-Q4", "2022-Q1", "2022-Q2", "2022-Q3", "2022-Q4"]
    points = screens.trend(s, f, codes, today=date(2026, 11, 29))
    for point in points:
        at = replace(f, period=point["period"])
        data = screens.leadership_overview(s, at, today=date(2026, 11, 29))
        assert point["mean_percent"] == round(data.headline.mean_percent, 1), point
        assert point["overdue"] == data.headline.by_timeliness["overdue"], point
