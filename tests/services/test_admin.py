"""Administration by the secretariat, on SQLite and PostgreSQL: each action does what it says
and leaves an audit event; each refusal says why in Vietnamese and changes nothing."""

from datetime import date, timedelta

import pytest
from sqlalchemy import func
from sqlmodel import select

from models import (
    Assignment,
    AuditEvent,
    Directive,
    Organization,
    ProgressReport,
    ReportingPeriod,
    Task,
    User,
    session_scope,
)
from services.accounts import users
from services.admin import directives as directive_admin
from services.admin import organizations
from services.admin import periods as period_admin
from services.core import clock, periods
from services.core.actor import Actor, check_password
from services.core.errors import DomainError, InvalidInput, NotFound, PermissionDenied, StaleUpdate
from services.importing.body_names import BodyMatcher
from services.read import outline
from services.read.bodies import list_bodies as body_refs
from tests.services.reporting_db import actor, new_account


@pytest.fixture
def office(seeded) -> Actor:
    return actor(seeded, "vanphong")


def audit_count(engine) -> int:
    with session_scope(engine) as s:
        return int(s.exec(select(func.count()).select_from(AuditEvent)).one())


def last_event(engine) -> AuditEvent:
    with session_scope(engine) as s:
        return s.exec(select(AuditEvent).order_by(AuditEvent.id.desc())).first()  # type: ignore[union-attr]


def refused(engine, call, error: type[DomainError], code: str, words: str = "") -> None:
    """The call is refused with `code`, and nothing at all is written."""
    before = audit_count(engine)
    with pytest.raises(error) as err, session_scope(engine) as s:
        call(s)
    assert err.value.code == code
    assert words in str(err.value)
    assert audit_count(engine) == before


# ----------------------------------------------------------------------------- bodies


def test_bodies_add_rename_deactivate_and_reactivate(seeded, office):
    with session_scope(seeded) as s:
        org = organizations.create_body(
            s, actor=office, code="sct2", name="Sở Công Thương mới", kind="provincial"
        )
        assert org.code == "SCT2" and org.sort_order > 29
    assert last_event(seeded).action == "create"
    with session_scope(seeded) as s:
        organizations.rename_body(
            s, actor=office, code="SCT2", name="Sở Công nghiệp", expected_name="Sở Công Thương mới"
        )
    event = last_event(seeded)
    assert (event.action, event.before, event.after) == (
        "rename",
        {"name": "Sở Công Thương mới"},
        {"name": "Sở Công nghiệp"},
    )
    with session_scope(seeded) as s:
        organizations.set_body_active(s, actor=office, code="HMT", active=False)
        rows = {r.code: r for r in organizations.list_bodies(s)}
        matcher = BodyMatcher(body_refs(s))
    assert rows["HMT"].active is False and rows["HMT"].assignments > 0  # history stays
    assert "HMT" not in matcher.addressed_by("UBND các huyện, thành phố")
    # no new account for a body that no longer exists
    refused(
        seeded,
        lambda s: new_account(s, "hmt2", role="body", organization_code="HMT", actor=office),
        InvalidInput,
        "err.org_inactive",
    )
    with session_scope(seeded) as s:
        organizations.set_body_active(s, actor=office, code="HMT", active=True)
    assert last_event(seeded).action == "activate"


@pytest.mark.parametrize(
    ("kwargs", "code", "words"),
    [
        ({"code": "snv", "name": "Sở Nội vụ 2", "kind": "provincial"}, "err.org_code_taken", "SNV"),
        ({"code": "A B", "name": "X", "kind": "provincial"}, "err.org_code_format", "không hợp lệ"),
        ({"code": "XYZ", "name": "  ", "kind": "provincial"}, "err.org_name_empty", "Chưa có tên"),
        ({"code": "XYZ", "name": "Ban X", "kind": "ministry"}, "err.org_kind_unknown", "ministry"),
        # the same name written with the other "Uỷ": it is the same body
        (
            {"code": "VP2", "name": "VĂN PHÒNG UỶ BAN NHÂN DÂN TỈNH", "kind": "provincial"},
            "err.org_name_taken",
            "VPUBND",
        ),
    ],
)
def test_bad_bodies_are_refused(seeded, office, kwargs, code, words):
    refused(
        seeded,
        lambda s: organizations.create_body(s, actor=office, **kwargs),
        InvalidInput,
        code,
        words,
    )


def test_body_refusals_stale_unknown_and_not_secretariat(seeded, office):
    refused(
        seeded,
        lambda s: organizations.rename_body(
            s, actor=office, code="STP", name="Tư pháp", expected_name="Tên cũ đã đổi"
        ),
        StaleUpdate,
        "err.stale_admin",
        "Người khác vừa sửa",
    )
    refused(
        seeded,
        lambda s: organizations.set_body_active(s, actor=office, code="NOPE", active=False),
        NotFound,
        "err.org_unknown",
    )
    for username in ("lanhdao", "snv", "xem"):
        someone = actor(seeded, username)
        refused(
            seeded,
            lambda s, who=someone: organizations.rename_body(
                s, actor=who, code="STP", name="Tư pháp"
            ),
            PermissionDenied,
            "err.permission",
            "không có quyền",
        )


# ----------------------------------------------------------------------------- accounts


def test_users_role_body_deactivate_and_reset_password(seeded, office):
    with session_scope(seeded) as s:
        users.update_user(s, actor=office, username="xem", role="body", organization_code="STP")
    event = last_event(seeded)
    assert event.before["role"] == "viewer" and event.after["role"] == "body"
    with session_scope(seeded) as s:
        row = next(u for u in users.list_users(s) if u.username == "xem")
        assert (row.role, row.organization_code) == ("body", "STP")
        users.set_user_active(s, actor=office, username="xem", active=False)
        assert users.active_user(s, "xem") is None
        users.reset_password(s, actor=office, username="snv", new_password="mat-khau-moi-1")
        assert check_password(
            "mat-khau-moi-1", s.exec(select(User).where(User.username == "snv")).one().password_hash
        )
    event = last_event(seeded)
    assert event.action == "reset_password" and "password_hash" not in (event.after or {})


def test_user_refusals(seeded, office):
    cases = [
        (
            lambda s: users.update_user(s, actor=office, username="xem", role="body"),
            InvalidInput,
            "err.body_needs_org",
        ),
        (
            lambda s: users.update_user(
                s, actor=office, username="snv", role="viewer", organization_code="SNV"
            ),
            InvalidInput,
            "err.org_only_for_body",
        ),
        (
            lambda s: users.update_user(s, actor=office, username="vanphong", role="viewer"),
            InvalidInput,
            "err.last_secretariat",
        ),
        (
            lambda s: users.set_user_active(s, actor=office, username="vanphong", active=False),
            InvalidInput,
            "err.self_deactivate",
        ),
        (
            lambda s: users.reset_password(s, actor=office, username="snv", new_password="ngan"),
            InvalidInput,
            "err.password_short",
        ),
        (
            lambda s: users.reset_password(s, actor=office, username="snv", new_password="ư" * 40),
            InvalidInput,
            "err.password_long",
        ),
        (
            lambda s: users.set_user_active(s, actor=office, username="khongco", active=False),
            NotFound,
            "err.user_unknown",
        ),
        (
            lambda s: users.reset_password(
                s, actor=actor(seeded, "lanhdao"), username="snv", new_password="mat-khau-dai"
            ),
            PermissionDenied,
            "err.permission",
        ),
    ]
    for call, error, code in cases:
        refused(seeded, call, error, code)


def test_another_secretary_may_deactivate_the_first_but_not_the_last(seeded, office):
    with session_scope(seeded) as s:
        new_account(s, "vanphong2", display_name="Văn phòng 2", role="secretariat", actor=office)
    second = actor(seeded, "vanphong2")
    with session_scope(seeded) as s:
        users.set_user_active(s, actor=second, username="vanphong", active=False)
    refused(
        seeded,
        lambda s: users.update_user(s, actor=second, username="vanphong2", role="leader"),
        InvalidInput,
        "err.last_secretariat",
    )


# ----------------------------------------------------------------------------- directives


def _directive_id(engine) -> int:
    with session_scope(engine) as s:
        return s.exec(select(Directive.id)).first()  # type: ignore[return-value]


def test_directive_fields_and_open_close(seeded, office):
    directive_id = _directive_id(seeded)
    with session_scope(seeded) as s:
        directive_admin.update_directive(
            s,
            actor=office,
            directive_id=directive_id,
            kind="Chỉ thị",
            number="12/CT-UBND",
            issued_date=date(2021, 9, 24),
            title="Về việc đẩy mạnh thực hiện công tác cải cách hành chính",
            issuer="Chủ tịch UBND tỉnh Lai Châu",
            signer="Trần Tiến Dũng",
        )
        directive_admin.set_directive_open(
            s, actor=office, directive_id=directive_id, is_open=False
        )
    with session_scope(seeded) as s:
        row = outline.list_directives(s)[0]
    assert (row.number, row.issued_date, row.is_open, row.tasks) == (
        "12/CT-UBND",
        date(2021, 9, 24),
        False,
        40,
    )
    assert last_event(seeded).action == "close"
    tomorrow = clock.today() + timedelta(days=1)  # the office's day, not the machine's
    for kwargs, code in [
        ({"title": " "}, "err.import_no_title"),
        ({"kind": ""}, "err.import_no_kind"),
        ({"issued_date": tomorrow}, "err.date_in_future"),
        ({"number": "x" * 61}, "err.text_too_long"),
    ]:
        fields = {
            "kind": "Chỉ thị",
            "number": None,
            "issued_date": None,
            "title": "Tên",
            **kwargs,
        }
        refused(
            seeded,
            lambda s, f=fields: directive_admin.update_directive(
                s, actor=office, directive_id=directive_id, **f
            ),
            InvalidInput,
            code,
        )


def test_tasks_add_edit_remove(seeded, office):
    directive_id = _directive_id(seeded)
    with session_scope(seeded) as s:
        section_id = outline.sections_of(s, directive_id)[1].id  # "2. Sở Nội vụ"
        task = directive_admin.add_task(
            s,
            actor=office,
            section_id=section_id,
            text="Tổng hợp kết quả CCHC quý để báo cáo UBND tỉnh.",
            area="chi_dao_dieu_hanh",
            cadence="periodic",
            lead_codes=["SNV"],
        )
        task_id = task.id
    with session_scope(seeded) as s:
        rows = {r.id: r for r in directive_admin.tasks_of(s, directive_id)}
    assert rows[task_id].label == "2.5" and rows[task_id].leads == ("SNV",)
    with session_scope(seeded) as s:
        directive_admin.update_task(
            s,
            actor=office,
            task_id=task_id,
            text="Tổng hợp kết quả CCHC hằng quý.",
            area="chi_dao_dieu_hanh",
            cadence="periodic",
            due_date=date(2023, 3, 31),
            expected_text="Tổng hợp kết quả CCHC quý để báo cáo UBND tỉnh.",
        )
    refused(
        seeded,
        lambda s: directive_admin.update_task(
            s,
            actor=office,
            task_id=task_id,
            text="Bản khác",
            area="tthc",
            cadence="once",
            due_date=None,
            expected_text="Tổng hợp kết quả CCHC quý để báo cáo UBND tỉnh.",
        ),
        StaleUpdate,
        "err.stale_admin",
    )
    refused(
        seeded,
        lambda s: directive_admin.add_task(
            s, actor=office, section_id=section_id, text="x", area="khac", cadence="once"
        ),
        InvalidInput,
        "err.task_area_unknown",
    )
    with session_scope(seeded) as s:
        directive_admin.remove_task(s, actor=office, task_id=task_id)
        assert s.get(Task, task_id) is None
        assert not s.exec(select(Assignment).where(Assignment.task_id == task_id)).all()
    assert last_event(seeded).action == "delete"


def test_what_bodies_reported_on_cannot_be_removed(seeded, office):
    with session_scope(seeded) as s:
        assignment_id, task_id = s.exec(
            select(Assignment.id, Assignment.task_id).join(ProgressReport)
        ).first()
    refused(
        seeded,
        lambda s: directive_admin.remove_task(s, actor=office, task_id=task_id),
        InvalidInput,
        "err.task_has_reports",
        "giữ lịch sử",
    )
    refused(
        seeded,
        lambda s: directive_admin.remove_assignment(s, actor=office, assignment_id=assignment_id),
        InvalidInput,
        "err.assignment_has_reports",
    )


def test_assignments_add_and_remove(seeded, office):
    directive_id = _directive_id(seeded)
    with session_scope(seeded) as s:
        task = next(r for r in directive_admin.tasks_of(s, directive_id) if r.label == "6.1")
        added = directive_admin.add_assignment(
            s, actor=office, task_id=task.id, organization_code="STTTT", role="partner"
        )
        added_id = added.id
    refused(
        seeded,
        lambda s: directive_admin.add_assignment(
            s, actor=office, task_id=task.id, organization_code="STTTT", role="lead"
        ),
        InvalidInput,
        "err.assignment_exists",
        "Sở Thông tin và Truyền thông",
    )
    refused(
        seeded,
        lambda s: directive_admin.add_assignment(
            s, actor=office, task_id=task.id, organization_code="SNV", role="boss"
        ),
        InvalidInput,
        "err.assignment_role_unknown",
    )
    with session_scope(seeded) as s:
        rows = directive_admin.assignments_of(s, task.id)
        assert ("STTTT", "partner", 0) in {(r.code, r.role, r.reports) for r in rows}
        directive_admin.remove_assignment(s, actor=office, assignment_id=added_id)
        assert s.get(Assignment, added_id) is None


# ----------------------------------------------------------------------------- periods


def test_current_period_and_deadline(seeded, office):
    with session_scope(seeded) as s:
        previous = s.exec(select(ReportingPeriod).where(ReportingPeriod.is_current)).one().code
        period_admin.set_current_period(s, actor=office, code="2023-q1")
    with session_scope(seeded) as s:
        current = [p for p in periods.list_periods(s) if p.is_current]
        assert [p.code for p in current] == ["2023-Q1"]
        assert current[0].report_deadline == date(2023, 4, 10)
        period_admin.set_report_deadline(
            s, actor=office, code="2023-Q1", deadline=date(2023, 4, 15)
        )
    event = last_event(seeded)
    assert event.after == {"report_deadline": "2023-04-15"}
    with session_scope(seeded) as s:
        period_admin.set_current_period(s, actor=office, code=previous)
    for call, code in [
        (
            lambda s: period_admin.set_current_period(s, actor=office, code="2023"),
            "err.period_quarter_only",
        ),
        (
            lambda s: period_admin.set_current_period(s, actor=office, code="quý 1"),
            "err.period_format",
        ),
        (
            lambda s: period_admin.set_report_deadline(
                s, actor=office, code="2023-Q1", deadline=date(2022, 12, 1)
            ),
            "err.deadline_before_period",
        ),
    ]:
        refused(seeded, call, InvalidInput, code)
    refused(
        seeded,
        lambda s: period_admin.set_current_period(s, actor=actor(seeded, "snv"), code="2023-Q2"),
        PermissionDenied,
        "err.permission",
    )
    with session_scope(seeded) as s:
        assert s.exec(select(Organization).where(Organization.code == "SNV")).one().active
