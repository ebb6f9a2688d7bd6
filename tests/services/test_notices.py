"""Notices made by services.notices.generate on a demo database, on SQLite and PostgreSQL:
each reaches the right users and nobody else, and running again creates nothing new."""

import threading
from datetime import date

import pytest
from sqlalchemy import func
from sqlmodel import col, select

from models import (
    Assignment,
    AssignmentRole,
    Directive,
    Notice,
    Organization,
    Role,
    Section,
    Task,
    User,
    session_scope,
)
from services.core import clock
from services.core.labels import task_label
from services.notices import generate as notices
from services.notices import inbox
from services.read import screens
from services.read.snapshot import Filters
from services.reporting import proposals
from services.reporting import reports as reporting
from services.reporting.reports import ReportInput
from tests.services.reporting_db import BACKENDS, actor, demo_database, usernames

DAY = date(2022, 12, 20)  # inside the demo's current period 2022-Q4 (deadline 10/01/2023)


@pytest.fixture(scope="module", params=BACKENDS)
def db(request, tmp_path_factory):
    yield from demo_database(request.param, tmp_path_factory)


def run(engine, day: date) -> int:
    with session_scope(engine) as s:
        return notices.generate(s, day)


def notices_of(engine, *, kind: str, subject: str | None = None, occasion: str | None = None):
    """{username: [occasion, ...]} of the notices of one kind (and subject)."""
    with session_scope(engine) as s:
        query = select(User.username, Notice.occasion).join(User, User.id == Notice.user_id)
        query = query.where(Notice.kind == kind)
        if subject is not None:
            query = query.where(Notice.subject == subject)
        if occasion is not None:
            query = query.where(Notice.occasion == occasion)
        out: dict[str, list[str]] = {}
        for name, occ in s.exec(query):
            out.setdefault(name, []).append(occ)
        return out


def total(engine) -> int:
    with session_scope(engine) as s:
        return s.exec(select(func.count()).select_from(Notice)).one()


def body_users(engine, code: str) -> set[str]:
    return usernames(
        engine,
        select(User.username)
        .join(Organization, Organization.id == User.organization_id)
        .where(Organization.code == code, User.role == Role.BODY),
    )


def test_a_second_run_on_the_same_day_creates_nothing(db):
    run(db, DAY)
    before = total(db)
    assert run(db, DAY) == 0
    assert total(db) == before


def test_a_direction_reaches_the_bodys_users_at_once_and_only_them(db):
    leader = actor(db, "lanhdao")
    with session_scope(db) as s:
        waiting = proposals.waiting(s, actor=leader)[0]
        note = proposals.give_direction(
            s, actor=leader, report_id=waiting.report_id, text="Đề nghị <b>hoàn thành</b> *ngay*"
        )
        subject = f"direction:{note.id}"
    got = notices_of(db, kind="direction", subject=subject)
    assert set(got) == body_users(db, waiting.organization_code) and got
    with session_scope(db) as s:
        user = s.exec(select(User).where(User.username == next(iter(got)))).one()
        from services.core.actor import Actor

        views = inbox.my_notices(s, actor=Actor.of(user))
    mine = [v for v in views if v.kind == "direction"]
    assert "Đề nghị <b>hoàn thành</b> *ngay*" in mine[0].text  # kept as typed: plain text
    assert mine[0].link == f"/chi-thi?task={waiting.task_label}&assignment={waiting.assignment_id}"
    before = total(db)
    run(db, DAY)  # the generator finds the same direction: nothing twice
    assert notices_of(db, kind="direction", subject=subject) == got
    assert total(db) >= before


def test_a_closed_proposal_is_told_as_answered_and_closed(db):
    leader = actor(db, "lanhdao")
    with session_scope(db) as s:
        waiting = proposals.waiting(s, actor=leader)[0]
        note = proposals.give_direction(
            s, actor=leader, report_id=waiting.report_id, text="Đồng ý.", closed=True
        )
        subject = f"direction:{note.id}"
    assert set(notices_of(db, kind="closed", subject=subject)) == body_users(
        db, waiting.organization_code
    )


def test_a_dated_task_is_reminded_7_3_1_days_before_then_overdue_once_then_weekly(db):
    with session_scope(db) as s:
        a = s.exec(
            select(Assignment)
            .join(Organization, Organization.id == Assignment.organization_id)
            .where(Organization.code == "SNV", Assignment.status != "done")
            .order_by(Assignment.id)
        ).first()
        a.due_date_override = date(2022, 12, 13)
        s.add(a)
        aid = a.id
    subject = f"assignment:{aid}"
    snv = body_users(db, "SNV")
    steps = [
        (date(2022, 12, 5), []),  # 8 days before: nothing yet
        (date(2022, 12, 6), ["d7"]),
        (date(2022, 12, 8), ["d7"]),  # 5 days before: still the 7-day one
        (date(2022, 12, 10), ["d3", "d7"]),
        (date(2022, 12, 12), ["d1", "d3", "d7"]),
        (date(2022, 12, 12), ["d1", "d3", "d7"]),
    ]
    for day, expected in steps:
        run(db, day)
        got = notices_of(db, kind="due", subject=subject)
        assert set(got) == (snv if expected else set()), day
        assert all(sorted(v) == expected for v in got.values()), (day, got)
    for day, expected in [
        (date(2022, 12, 14), ["overdue-0"]),  # the first day past
        (date(2022, 12, 20), ["overdue-0"]),  # 7 days past: the same week
        (date(2022, 12, 21), ["overdue-0", "overdue-1"]),  # a week later, once more
    ]:
        run(db, day)
        got = notices_of(db, kind="overdue", subject=subject)
        assert set(got) == snv and all(sorted(v) == expected for v in got.values()), day


def test_a_lead_bodys_report_reaches_the_partners_users(db):
    with session_scope(db) as s:
        partner = s.exec(
            select(Assignment).where(Assignment.role == AssignmentRole.PARTNER)
        ).first()
        lead = s.exec(
            select(Assignment, Organization.code)
            .join(Organization, Organization.id == Assignment.organization_id)
            .where(Assignment.task_id == partner.task_id, Assignment.role == AssignmentRole.LEAD)
        ).first()
        partner_code = s.get(Organization, partner.organization_id).code
        lead_a, lead_code = lead
        lead_id, version = lead_a.id, lead_a.version
    with session_scope(db) as s:
        report = reporting.submit_report(
            s,
            actor=actor(db, lead_code.lower()),
            assignment_id=lead_id,
            expected_version=version,
            data=ReportInput(period="2022-Q4", status="in_progress", percent=55, result="Đã làm"),
        )
        subject = f"report:{report.id}"
    run(db, DAY)  # (the day the office reads is what counts, not when the test runs)
    got = notices_of(db, kind="lead_report", subject=subject)
    assert set(got) == body_users(db, partner_code)
    assert not set(got) & body_users(db, lead_code)


def test_the_period_deadline_missed_bodies_and_the_weekly_digest(db):
    run(db, date(2023, 1, 7))  # 3 days before the deadline of 10/01/2023
    reminded = notices_of(db, kind="period_deadline", occasion="d3")
    with session_scope(db) as s:
        roles = dict(s.exec(select(User.username, User.role)).all())
    assert reminded and {roles[u] for u in reminded} == {"body"}
    assert not notices_of(db, kind="missed")  # not before the deadline
    run(db, date(2023, 1, 11))
    missed = notices_of(db, kind="missed")
    assert set(missed) == {u for u, r in roles.items() if r == "secretariat"}
    assert len(next(iter(missed.values()))) >= 1
    with session_scope(db) as s:
        bodies_missed = s.exec(
            select(func.count(func.distinct(Notice.subject))).where(Notice.kind == "missed")
        ).one()
    # the same bodies (one account each in the demo): nobody reported in between
    assert bodies_missed == len(reminded)
    digest = notices_of(db, kind="digest")
    assert set(digest) == {u for u, r in roles.items() if r == "leader"}
    weeks = len(next(iter(digest.values())))
    run(db, date(2023, 1, 12))  # the same ISO week: no second digest
    assert len(next(iter(notices_of(db, kind="digest").values()))) == weeks


def test_the_weekly_digest_names_what_moved_what_is_overdue_and_what_waits(db):
    """A leader's digest lists the task a body completed in the week, the longest overdue tasks
    as the overview lists them, and the proposals waiting longest as the proposals page does."""
    day = date(2023, 1, 25)  # a week of its own (2023-W04), inside the period's grace
    with session_scope(db) as s:
        a, code, name, sec, task_ord = s.exec(
            select(Assignment, Organization.code, Organization.name, Section.ordinal, Task.ordinal)
            .join(Organization, Organization.id == Assignment.organization_id)
            .join(Task, Task.id == Assignment.task_id)
            .join(Section, Section.id == Task.section_id)
            .join(Directive, Directive.id == Section.directive_id)
            .where(
                Assignment.status != "done",
                Assignment.role == AssignmentRole.LEAD,
                col(Assignment.held_until).is_(None),
                col(Directive.is_open),
                col(Organization.active),
            )
            .order_by(col(Assignment.id).desc())
        ).first()
        aid, version = a.id, a.version
    with session_scope(db) as s:
        reporting.submit_report(
            s,
            actor=actor(db, code.lower()),
            assignment_id=aid,
            expected_version=version,
            data=ReportInput(period="2022-Q4", status="done", percent=100, result="Xong"),
            now=clock.at(date(2023, 1, 24), 9, 0),
        )
    run(db, day)
    leader = actor(db, "lanhdao")
    with session_scope(db) as s:
        text = inbox.my_notices(s, actor=leader, kinds=("digest",))[0].text
        overdue = [
            late
            for d in s.exec(select(Directive.id).where(col(Directive.is_open))).all()
            for late in screens.leadership_overview(
                s, Filters(directive_id=d, period="2022-Q4"), today=day
            ).overdue
        ]
        oldest = proposals.waiting(s, actor=leader)[::-1]  # the page lists them newest first
    assert f"Mới hoàn thành: {task_label(sec, task_ord)} – {name}" in text
    overdue.sort(key=lambda x: (-x[1], x[0].task_label, x[0].organization_code))
    assert overdue and f"{len(overdue)} nhiệm vụ quá hạn" in text
    late = "; ".join(f"{r.task_label} – {r.organization_name} ({n} ngày)" for r, n in overdue[:5])
    assert f"Quá hạn lâu nhất: {late}." in text
    assert oldest
    waits = "; ".join(
        f"{p.task_label} – {p.organization_name} (từ {clock.day_of(p.created_at):%d/%m/%Y})"
        for p in oldest[:5]
    )
    assert f"Kiến nghị chờ lâu nhất: {waits}." in text


@pytest.mark.parametrize(
    "bad", ["khong-phai-dia-chi", "a@b", "ten @laichau.gov.vn", "x@demo.invalid"]
)
def test_an_invalid_address_is_refused_with_one_sentence_and_nothing_written(db, bad):
    from services.core.errors import InvalidInput
    from services.notices import addresses

    with session_scope(db) as s:
        before = s.exec(select(User.email).where(User.username == "stp")).one()
    with pytest.raises(InvalidInput) as refused, session_scope(db) as s:
        addresses.set_email(s, actor=actor(db, "vanphong"), username="stp", email=bad)
    assert "không phải địa chỉ thư điện tử hợp lệ" in str(refused.value)
    with session_scope(db) as s:
        assert s.exec(select(User.email).where(User.username == "stp")).one() == before


def test_addresses_are_set_by_the_office_or_by_oneself_only(db):
    from services.core.errors import PermissionDenied
    from services.notices import addresses

    with session_scope(db) as s:
        addresses.set_email(
            s, actor=actor(db, "vanphong"), username="snv", email=" A@LaiChau.GOV.vn "
        )
    with session_scope(db) as s:
        assert s.exec(select(User.email).where(User.username == "snv")).one() == "A@laichau.gov.vn"
    with session_scope(db) as s:
        addresses.set_email(s, actor=actor(db, "snv"), username="snv", email="")
    with session_scope(db) as s:
        assert s.exec(select(User.email).where(User.username == "snv")).one() is None
    with pytest.raises(PermissionDenied), session_scope(db) as s:
        addresses.set_email(s, actor=actor(db, "stp"), username="snv", email="x@laichau.gov.vn")


def test_one_reads_and_marks_only_ones_own_notices(db):
    run(db, DAY)
    with session_scope(db) as s:
        theirs = s.exec(
            select(Notice.id)
            .join(User, User.id == Notice.user_id)
            .where(User.username == "lanhdao")
        ).all()
    assert theirs
    stp = actor(db, "stp")
    with session_scope(db) as s:
        assert inbox.mark_read(s, actor=stp, notice_ids=list(theirs)) == 0
        assert all(v.id not in theirs for v in inbox.my_notices(s, actor=stp))
    with session_scope(db) as s:
        assert not s.exec(
            select(Notice.id).where(col(Notice.id).in_(theirs), col(Notice.read_at).is_not(None))
        ).all()
        assert inbox.unread_count(s, actor=actor(db, "lanhdao")) >= len(theirs)


def test_two_runs_at_once_make_each_notice_once_and_count_it_once(db):
    """Two runners (a timer and someone at the console) on the same day: every notice exists
    once, and the counts the two runs report add up to the notices made."""
    day = date(2023, 1, 18)  # a new week: a new digest, overdue tasks reminded again
    before = total(db)
    start = threading.Barrier(2)
    made: list[int] = []

    def runner() -> None:
        start.wait()
        made.append(run(db, day))

    threads = [threading.Thread(target=runner) for _ in range(2)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert len(made) == 2 and sum(made) == total(db) - before > 0
    assert run(db, day) == 0
    with session_scope(db) as s:
        copies = s.exec(
            select(func.count())
            .select_from(Notice)
            .group_by(Notice.user_id, Notice.kind, Notice.subject, Notice.occasion)
            .order_by(func.count().desc())
        ).first()
    assert copies == 1
