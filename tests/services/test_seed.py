"""The seed is the real directive, and seeding twice changes nothing (SQLite and PostgreSQL)."""

import json
from collections import Counter

from sqlmodel import select

from models import (
    Assignment,
    AssignmentRole,
    AuditEvent,
    Organization,
    ProgressReport,
    ReportingPeriod,
    Section,
    Target,
    Task,
    User,
    session_scope,
)
from seed_data import load_directive
from services.core.actor import SYSTEM
from services.install import demo, seed
from services.install.stats import database_counts


def test_reference_seed_matches_the_directive(engine):
    with session_scope(engine) as s:
        seed.seed_reference(s, actor=SYSTEM)
    with session_scope(engine) as s:
        counts = database_counts(s)
        assert counts["directives"] == 1
        assert counts["sections"] == 8
        assert counts["tasks"] == 40
        assert counts["organizations"] == 29
        assert counts["lead_assignments"] == 13 * 28 + 27 == 391
        assert counts["targets"] >= 12
        assert counts["users"] == 0
        per_section = Counter(
            s.exec(select(Section.ordinal).join(Task, Task.section_id == Section.id)).all()
        )
        assert [per_section[i] for i in range(1, 9)] == [13, 4, 4, 3, 5, 1, 5, 5]
        # section 1 fans out to the 28 bodies it addresses, never to the external partner
        section_one = s.exec(
            select(Organization.code)
            .join(Assignment)
            .join(Task)
            .join(Section)
            .where(Section.ordinal == 1, Assignment.role == AssignmentRole.LEAD)
            .distinct()
        ).all()
        assert len(section_one) == 28 and "BUUDIEN" not in section_one
        # partners named in the tasks
        partners = {
            (sec, task, code)
            for sec, task, code in s.exec(
                select(Section.ordinal, Task.ordinal, Organization.code)
                .join(Task, Task.section_id == Section.id)
                .join(Assignment)
                .join(Organization)
                .where(Assignment.role == AssignmentRole.PARTNER)
            )
        }
        assert {
            (5, 4, "BUUDIEN"),
            (5, 5, "STC"),
            (5, 5, "SKHDT"),
            (8, 4, "SNV"),
            (5, 3, "VPUBND"),
            (7, 5, "STTTT"),
            (8, 5, "STTTT"),
        } == partners


def test_task_texts_are_stored_as_written(engine):
    with session_scope(engine) as s:
        seed.seed_reference(s, actor=SYSTEM)
    expected = [t["text"] for sec in load_directive()["sections"] for t in sec["tasks"]]
    with session_scope(engine) as s:
        stored = s.exec(
            select(Task.text).join(Section).order_by(Section.ordinal, Task.ordinal)
        ).all()
    assert list(stored) == expected
    assert any("Uỷ" in h for h in [sec["heading"] for sec in load_directive()["sections"]])


def test_targets_keep_kind_value_and_source(engine):
    with session_scope(engine) as s:
        seed.seed_reference(s, actor=SYSTEM)
    with session_scope(engine) as s:
        targets = {t.code: t for t in s.exec(select(Target))}
    assert targets["CT01"].kind == "at_least" and targets["CT01"].value == 30
    assert targets["CT10"].value == 2
    assert targets["CT04"].kind == "better_than_previous" and targets["CT04"].direction == "lower"
    assert targets["CT11"].kind == "rank"
    assert all(t.source_text for t in targets.values())


def test_second_seed_adds_nothing(engine):
    with session_scope(engine) as s:
        first = demo.seed_demo(s, actor=SYSTEM, password="laichau2021")
    with session_scope(engine) as s:
        before = database_counts(s)
    with session_scope(engine) as s:
        again = seed.seed_reference(s, actor=SYSTEM)
        again_demo = demo.seed_demo(s, actor=SYSTEM, password="laichau2021")
    with session_scope(engine) as s:
        after = database_counts(s)
    assert first.changed and not again.changed and not again_demo.changed
    assert before == after


def test_demo_has_accounts_history_and_a_story(seeded):
    with session_scope(seeded) as s:
        usernames = set(s.exec(select(User.username)).all())
        assert {"lanhdao", "vanphong", "xem", "snv", "stp", "tplc", "buudien"} <= usernames
        roles = Counter(s.exec(select(User.role)).all())
        assert roles == {"leader": 1, "secretariat": 1, "viewer": 1, "body": 29}
        periods = set(s.exec(select(ProgressReport.period)).all())
        assert periods == {"2021-Q3", "2021-Q4", "2022-Q1", "2022-Q2", "2022-Q3", "2022-Q4"}
        # the reporting periods are the demo's own: none from the day it was installed
        assert set(s.exec(select(ReportingPeriod.code)).all()) == periods
        stuck = s.exec(select(Assignment).where(Assignment.stuck == True)).all()  # noqa: E712
        assert stuck, "the demo should have stuck tasks"
        open_proposals = s.exec(select(ProgressReport).where(ProgressReport.proposals != "")).all()
        assert open_proposals
        assert demo.is_demo(s)
        # every assignment's current state is its latest report
        latest = {}
        for r in s.exec(
            select(ProgressReport).order_by(ProgressReport.created_at, ProgressReport.id)
        ):
            latest[r.assignment_id] = r
        for a in s.exec(select(Assignment)):
            if a.id in latest:
                assert (a.status, a.percent, a.last_period) == (
                    latest[a.id].status,
                    latest[a.id].percent,
                    latest[a.id].period,
                )
            else:
                assert a.status == "not_started" and a.version == 0


def test_demo_is_reproducible(engine, tmp_path):
    from models.db import build_engine
    from tests.conftest import migrate

    other_url = f"sqlite:///{tmp_path / 'other.db'}"
    migrate(other_url)
    other = build_engine(other_url)

    def fingerprint(eng):
        with session_scope(eng) as s:
            demo.seed_demo(s, actor=SYSTEM, password="x" * 10)
        with session_scope(eng) as s:
            return json.dumps(
                [
                    (r.period, r.status, r.percent, r.stuck)
                    for r in s.exec(
                        select(ProgressReport).order_by(
                            ProgressReport.assignment_id, ProgressReport.period
                        )
                    )
                ]
            )

    assert fingerprint(engine) == fingerprint(other)
    other.dispose()


def test_seed_is_audited(engine):
    with session_scope(engine) as s:
        seed.seed_reference(s, actor=SYSTEM)
    with session_scope(engine) as s:
        events = s.exec(select(AuditEvent)).all()
    assert [e.action for e in events] == ["seed"]
    assert events[0].after["tasks"] == 40
