"""Sixteen people send a report on the same assignment from the same form version at once:
exactly one is accepted, the others are told the form is stale, nothing half-written remains,
and the audit log holds one event per accepted report. On SQLite and on PostgreSQL."""

import time
from collections import Counter

from sqlmodel import select

from models import Assignment, AuditEvent, ProgressReport, session_scope
from services.core.errors import StaleUpdate
from services.reporting import reports as reporting
from services.reporting.reports import ReportInput
from tests.services.reporting_db import (
    actor,
    assignment_of,
    counts,
    race,
)

THREADS = 16


def _report(engine, who, assignment_id: int, version: int, i: int):
    with session_scope(engine) as s:
        return reporting.submit_report(
            s,
            actor=who,
            assignment_id=assignment_id,
            expected_version=version,
            data=ReportInput(
                period="2022-Q4", status="in_progress", percent=50 + i, result=f"Báo cáo số {i}"
            ),
        ).id


def test_sixteen_reports_from_one_version_one_wins(db, request):
    assignment_id, version = assignment_of(db, "STP")
    who = actor(db, "stp")
    before = counts(db)
    outcomes, seconds = race(THREADS, lambda i: _report(db, who, assignment_id, version, i))

    kinds = Counter(type(o).__name__ for o in outcomes)
    assert kinds == {"int": 1, "StaleUpdate": THREADS - 1}, outcomes
    stale = [o for o in outcomes if isinstance(o, StaleUpdate)]
    assert all(str(e).startswith("Báo cáo chưa được ghi:") for e in stale)
    (winner,) = [o for o in outcomes if isinstance(o, int)]
    after = counts(db)
    assert after["reports"] == before["reports"] + 1
    assert after["audit"] == before["audit"] + 1
    with session_scope(db) as s:
        a = s.get(Assignment, assignment_id)
        report = s.get(ProgressReport, winner)
        event = s.exec(select(AuditEvent).order_by(AuditEvent.id.desc())).first()
    # the assignment shows the winner's report, and the audit event says so
    assert a.version == version + 1 and a.percent == report.percent
    assert event.after["report_id"] == winner and event.before["version"] == version
    print(f"\n[{request.node.callspec.id}] 16 racing reports: 1 accepted, 15 stale, {seconds:.2f}s")


def test_sixteen_reports_that_retry_on_stale_all_land(db, request):
    """No report is lost: each sender that is told its form is stale reloads and sends again,
    until all sixteen are in, one version after the other."""
    assignment_id, version = assignment_of(db, "SNV")
    who = actor(db, "vanphong")
    before = counts(db)
    attempts = Counter()

    def send_until_accepted(i: int) -> int:
        while True:
            attempts[i] += 1
            with session_scope(db) as s:
                current = s.get(Assignment, assignment_id).version
            try:
                return _report(db, who, assignment_id, current, i)
            except StaleUpdate:
                time.sleep(0.005 * (i % 4))

    outcomes, seconds = race(THREADS, send_until_accepted)
    assert all(isinstance(o, int) for o in outcomes), outcomes
    after = counts(db)
    assert after["reports"] == before["reports"] + THREADS
    assert after["audit"] == before["audit"] + THREADS
    with session_scope(db) as s:
        versions = sorted(
            e.after["version"]
            for e in s.exec(
                select(AuditEvent).where(
                    AuditEvent.entity == "assignment", AuditEvent.entity_id == assignment_id
                )
            )
            if e.after["version"] > version
        )
        assert s.get(Assignment, assignment_id).version == version + THREADS
    assert versions == list(range(version + 1, version + THREADS + 1))  # one event per version
    print(
        f"\n[{request.node.callspec.id}] 16 retrying senders: all accepted after "
        f"{sum(attempts.values())} attempts, {seconds:.2f}s"
    )
