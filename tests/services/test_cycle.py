"""The secretariat chases the bodies that have not reported and closes the period, on SQLite
and PostgreSQL: who is told, at most once a body a day, audited; after closing, reports for
the closed period are refused with one sentence, the next period is current and the bodies are
told, and each body's on-time reporting is kept."""

from datetime import date, timedelta

import pytest
from sqlalchemy import func
from sqlmodel import select

from models import (
    AuditEvent,
    Directive,
    Notice,
    Organization,
    PeriodResult,
    ReportingPeriod,
    User,
    session_scope,
)
from services.core import clock, periods
from services.core.errors import InvalidInput, PermissionDenied
from services.notices import cycle
from services.read.snapshot import Filters, bodies_reported
from services.reporting import reports as reporting
from services.reporting.reports import ReportInput
from tests.services.reporting_db import actor, assignment_of, usernames

NOW = clock.at(date(2023, 1, 6), 9, 0)


def count(engine, table, *where) -> int:
    with session_scope(engine) as s:
        return s.exec(select(func.count()).select_from(table).where(*where)).one()


def told(engine, kind: str) -> set[str]:
    return usernames(
        engine,
        select(User.username).join(Notice, Notice.user_id == User.id).where(Notice.kind == kind),
    )


def test_the_bodies_not_reported_are_those_the_overview_counts_and_leave_when_they_report(
    seeded,
):
    """The list agrees with the overview's count, directive by directive (one query for all
    open directives, not one each), and a body's first report for the period takes it off."""
    office = actor(seeded, "vanphong")
    now = clock.at(date(2022, 12, 20), 9, 0)  # inside the period: the overview counts it
    today = now.date()
    with session_scope(seeded) as s:
        laggards = cycle.not_reported(s, actor=office, today=today)
        open_ids = s.exec(select(Directive.id).where(Directive.is_open)).all()
        reported = set().union(
            *(
                bodies_reported(s, Filters(directive_id=d, period="2022-Q4"), today=today)
                for d in open_ids
            )
        )
    assert laggards and not {b.organization_id for b in laggards} & reported
    first = laggards[0]
    assignment_id, version = assignment_of(seeded, first.code)
    with session_scope(seeded) as s:
        reporting.submit_report(
            s,
            actor=actor(seeded, first.code.lower()),
            assignment_id=assignment_id,
            expected_version=version,
            data=ReportInput(period="2022-Q4", status="in_progress", percent=10, result="Bắt đầu"),
            now=now,
        )
    with session_scope(seeded) as s:
        after = cycle.not_reported(s, actor=office, today=today)
    assert after == laggards[1:]


def test_the_office_chases_the_bodies_not_reported_once_a_day(seeded):
    office = actor(seeded, "vanphong")
    with session_scope(seeded) as s:
        laggards = cycle.not_reported(s, actor=office, today=NOW.date())
    assert laggards, "the demo has bodies that have not reported for 2022-Q4"
    chosen = laggards[:2]
    with session_scope(seeded) as s:
        result = cycle.chase(
            s,
            actor=office,
            organization_ids=[b.organization_id for b in chosen],
            message="Đề nghị gửi báo cáo trước ngày 10/01",
            now=NOW,
        )
    assert result.chased == [b.code for b in chosen] and result.skipped == []
    assert told(seeded, "chase") == {b.code.lower() for b in chosen}
    with session_scope(seeded) as s:
        params = s.exec(select(Notice.params).where(Notice.kind == "chase")).first()
    assert params["message"] == "Đề nghị gửi báo cáo trước ngày 10/01"
    assert count(seeded, AuditEvent, AuditEvent.action == "chase") == 2
    with session_scope(seeded) as s:  # the same day: not again
        again = cycle.chase(s, actor=office, organization_ids=[chosen[0].organization_id], now=NOW)
    assert again.chased == [] and again.skipped == [chosen[0].code]
    assert count(seeded, Notice, Notice.kind == "chase") == 2
    with session_scope(seeded) as s:  # the next day: once more
        later = cycle.chase(
            s,
            actor=office,
            organization_ids=[chosen[0].organization_id],
            now=NOW + timedelta(days=1),
        )
    assert later.chased == [chosen[0].code]


def test_a_chase_with_no_body_or_by_a_body_writes_nothing(seeded):
    before = (count(seeded, Notice), count(seeded, AuditEvent))
    with pytest.raises(InvalidInput) as refused, session_scope(seeded) as s:
        cycle.chase(s, actor=actor(seeded, "vanphong"), organization_ids=[], now=NOW)
    assert str(refused.value) == "Chưa chọn đơn vị nào để nhắc."
    with pytest.raises(PermissionDenied), session_scope(seeded) as s:
        cycle.chase(s, actor=actor(seeded, "stp"), organization_ids=[1], now=NOW)
    assert (count(seeded, Notice), count(seeded, AuditEvent)) == before


def test_closing_the_period_refuses_its_reports_opens_the_next_and_keeps_the_rates(seeded):
    office = actor(seeded, "vanphong")
    with pytest.raises(InvalidInput), session_scope(seeded) as s:
        cycle.close_period(s, actor=office, code="2022-Q3", now=NOW)
    with pytest.raises(PermissionDenied), session_scope(seeded) as s:
        cycle.close_period(s, actor=actor(seeded, "lanhdao"), code="2022-Q4", now=NOW)
    with session_scope(seeded) as s:
        result = cycle.close_period(s, actor=office, code="2022-Q4", now=NOW)
    assert (result.closed, result.opened) == ("2022-Q4", "2023-Q1")
    with session_scope(seeded) as s:
        current = s.exec(select(ReportingPeriod).where(ReportingPeriod.is_current)).one()
        closed = s.exec(select(ReportingPeriod).where(ReportingPeriod.code == "2022-Q4")).one()
        bodies = set(s.exec(select(User.username).where(User.role == "body")))
        results = s.exec(select(PeriodResult, Organization.code).join(Organization)).all()
    assert current.code == "2023-Q1" and closed.closed_at is not None
    assert told(seeded, "period_opened") == bodies and result.notices == len(bodies)
    assert results and all(r.on_time + r.late <= r.expected for r, _ in results)
    assert sum(r.on_time for r, _ in results) > 0
    # a report for the closed period: one sentence, nothing written
    assignment_id, version = assignment_of(seeded, "STP")
    with pytest.raises(InvalidInput) as refused, session_scope(seeded) as s:
        reporting.submit_report(
            s,
            actor=actor(seeded, "stp"),
            assignment_id=assignment_id,
            expected_version=version,
            data=ReportInput(period="2022-Q4", status="in_progress", percent=50, result="Muộn"),
        )
    assert str(refused.value).startswith("Kỳ 2022-Q4 đã khóa")
    with session_scope(seeded) as s:
        assert "2022-Q4" not in reporting.open_periods(s)
        rates = cycle.on_time_rates(s, organization_id=results[0][0].organization_id)
    assert rates[0].period == "2022-Q4"
    with pytest.raises(InvalidInput), session_scope(seeded) as s:  # closed already
        cycle.close_period(s, actor=office, code="2022-Q4", now=NOW)


def test_a_period_closes_by_itself_after_its_deadline_and_the_grace(seeded):
    from config import Settings
    from services.notices import runner

    office = actor(seeded, "vanphong")
    with pytest.raises(InvalidInput), session_scope(seeded) as s:
        cycle.set_grace_days(s, actor=office, days=400)
    settings = Settings(smtp_host="", mail_from="")
    runner.notify(seeded, settings, now=clock.at(date(2023, 1, 20), 8))  # no grace: stays open
    with session_scope(seeded) as s:
        cycle.set_grace_days(s, actor=office, days=5)
    runner.notify(seeded, settings, now=clock.at(date(2023, 1, 15), 8))  # deadline 10/01 + 5
    with session_scope(seeded) as s:
        assert periods.current_period(s).code == "2022-Q4"
    runner.notify(seeded, settings, now=clock.at(date(2023, 1, 16), 8))
    with session_scope(seeded) as s:
        assert periods.current_period(s).code == "2023-Q1"
        closed = s.exec(select(AuditEvent).where(AuditEvent.action == "close")).one()
    assert closed.username == "system"
    assert told(seeded, "period_opened")  # the bodies are told the new period is open


def test_the_body_ranking_shows_each_bodys_on_time_rate_of_the_last_closed_period(seeded):
    from render import tables
    from services.read import screens
    from services.read.snapshot import Filters

    with session_scope(seeded) as s:
        directive = cycle._open_directives(s)[0]
        before = screens.leadership_overview(
            s, Filters(directive_id=directive, period="2022-Q4"), today=NOW.date()
        )
    assert before.on_time is None  # nothing closed yet: no column
    assert not any(c.startswith("Đúng hạn") for c in tables.scorecard(before.scorecard).columns)
    with session_scope(seeded) as s:
        cycle.close_period(s, actor=actor(seeded, "vanphong"), code="2022-Q4", now=NOW)
    with session_scope(seeded) as s:
        kept = {
            code: r
            for r, code in s.exec(select(PeriodResult, Organization.code).join(Organization))
        }
        # the overview of the closed period, and of the next one: the rates kept at closing
        for period in ("2022-Q4", "2023-Q1"):
            data = screens.leadership_overview(
                s, Filters(directive_id=directive, period=period), today=NOW.date()
            )
            assert data.on_time is not None and data.on_time[0] == "2022-Q4"
            frame = tables.scorecard(data.scorecard, "vi", data.notes, data.on_time)
            column = "Đúng hạn 2022-Q4 (%)"
            shown = dict(zip(frame["code"], frame[column], strict=True))
            assert shown.keys() == {b.code for b in data.scorecard}
            for code, r in kept.items():
                if code in shown and r.expected:
                    assert shown[code] == round(100 * r.on_time / r.expected)
            assert len({v for v in shown.values() if v == v}) > 1  # the rates differ by body
            ranked = tables.scorecard_by_kind(data.scorecard, "vi", data.notes, data.on_time)
            assert all(column in f.columns for _, f in ranked)
        earlier = screens.leadership_overview(
            s, Filters(directive_id=directive, period="2022-Q3"), today=NOW.date()
        )
    assert earlier.on_time is None  # a period before the closed one shows no later rate
