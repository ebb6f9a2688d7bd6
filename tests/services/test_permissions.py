"""Who may do what, in the services: role x action x own or other body. Each cell is allowed
(one row and one audit event more) or PermissionDenied with its sentence and nothing written."""

import pytest
from sqlmodel import select

from models import ProgressReport, session_scope
from services.core import permissions
from services.core.errors import PermissionDenied
from services.core.permissions import Action
from services.read import audit_log
from services.reporting import figures, proposals
from services.reporting import reports as reporting
from services.reporting.reports import ReportInput
from tests.services.reporting_db import (
    actor,
    assignment_of,
    counts,
    org_id,
    target_id,
    version_of,
)

ROLES = {"leader": "lanhdao", "secretariat": "vanphong", "body": "stp", "viewer": "xem"}


def refusal(role: str, action: str) -> str:
    """The exact sentence a refused cell shows."""
    if action == "direction":
        return "Chỉ Lãnh đạo UBND tỉnh mới cho ý kiến chỉ đạo; không có gì được ghi."
    if role == "body":
        return "Bạn chỉ được báo cáo và nhập số liệu cho đơn vị của mình; không có gì được ghi."
    if action.startswith("report"):
        return "Tài khoản của bạn không có quyền gửi báo cáo tiến độ; không có gì được ghi."
    return "Tài khoản của bạn không có quyền nhập số liệu; không có gì được ghi."


def _report(engine, who, code):
    assignment_id, version = assignment_of(engine, code)
    with session_scope(engine) as s:
        report = reporting.submit_report(
            s,
            actor=who,
            assignment_id=assignment_id,
            expected_version=version,
            data=ReportInput(period="2022-Q4", status="in_progress", percent=60, result="Đã làm"),
        )
        return "reports", report.on_behalf


def _figure(engine, who, target_code, body_code):
    with session_scope(engine) as s:
        figures.submit_figure(
            s,
            actor=who,
            data=figures.FigureInput(
                target_id=target_id(engine, target_code),
                organization_id=org_id(engine, body_code) if body_code else None,
                period="2022-Q4" if target_code == "CT02" else "2022",
                value="99",
            ),
        )
    return "figures", None


def _direction(engine, who):
    with session_scope(engine) as s:
        report_id = s.exec(
            select(ProgressReport.id)
            .where(ProgressReport.proposals != "")
            .order_by(ProgressReport.id.desc())
        ).first()
        proposals.give_direction(
            s, actor=who, report_id=report_id, text="Đồng ý, giao Sở Tài chính"
        )
    return "directions", None


ACTIONS = {
    "report_own_body": lambda e, a: _report(e, a, "STP"),
    "report_other_body": lambda e, a: _report(e, a, "SNV"),
    "figure_per_body_own": lambda e, a: _figure(e, a, "CT02", "STP"),
    "figure_per_body_other": lambda e, a: _figure(e, a, "CT02", "SNV"),
    "figure_province_owned": lambda e, a: _figure(e, a, "CT07", None),  # Sở Tư pháp's
    "figure_province_not_owned": lambda e, a: _figure(e, a, "CT01", None),  # Sở Nội vụ's
    "direction": _direction,
}
# role -> the actions it may take (everything else is refused)
ALLOWED = {
    "leader": {"direction"},
    "secretariat": {
        "report_own_body",
        "report_other_body",
        "figure_per_body_own",
        "figure_per_body_other",
        "figure_province_owned",
        "figure_province_not_owned",
    },
    "body": {"report_own_body", "figure_per_body_own", "figure_province_owned"},
    "viewer": set(),
}
CELLS = [(role, action) for role in ROLES for action in ACTIONS]


@pytest.mark.parametrize(("role", "action"), CELLS, ids=[f"{r}-{a}" for r, a in CELLS])
def test_role_action_matrix(db, role, action):
    who = actor(db, ROLES[role])
    before = counts(db)
    if action in ALLOWED[role]:
        table, on_behalf = ACTIONS[action](db, who)
        after = counts(db)
        assert after[table] == before[table] + 1
        assert after["audit"] == before["audit"] + 1
        if table == "reports":  # the office's reports are recorded as entered on behalf
            assert on_behalf is (role == "secretariat")
    else:
        with pytest.raises(PermissionDenied) as refused:
            ACTIONS[action](db, who)
        assert counts(db) == before, "a refused write changed something"
        assert str(refused.value) == refusal(role, action)


def test_refused_report_leaves_the_assignment_as_it_was(db):
    assignment_id, version = assignment_of(db, "SNV")
    with session_scope(db) as s, pytest.raises(PermissionDenied):
        reporting.submit_report(
            s,
            actor=actor(db, "stp"),
            assignment_id=assignment_id,
            expected_version=version,
            data=ReportInput(period="2022-Q4", status="done", percent=100, result="x"),
        )
    assert version_of(db, assignment_id) == version


@pytest.mark.parametrize("role", list(ROLES))
def test_audit_log_is_for_the_secretariat_only(db, role):
    who = actor(db, ROLES[role])
    with session_scope(db) as s:
        if role == "secretariat":
            assert audit_log.events(s, actor=who, filters=audit_log.AuditFilters())
        else:
            with pytest.raises(PermissionDenied) as refused:
                audit_log.events(s, actor=who, filters=audit_log.AuditFilters())
            assert str(refused.value) == "Chỉ Văn phòng UBND tỉnh mới xem được nhật ký thay đổi."


@pytest.mark.parametrize("role", list(ROLES))
def test_every_role_reads_every_body(db, role):
    who = actor(db, ROLES[role])
    with session_scope(db) as s:
        rows = reporting.body_assignments(s, actor=who, organization_id=org_id(db, "SNV"))
    assert rows and all(r.organization_code == "SNV" for r in rows)


def test_the_rules_read_as_a_table():
    """The same rules, without a database: who may write for which body."""
    from services.core.actor import Actor

    body = Actor(1, "stp", "body", organization_id=7)
    assert permissions.can(body, Action.REPORT, organization_id=7)
    assert not permissions.can(body, Action.REPORT, organization_id=8)
    assert not permissions.can(body, Action.REPORT, organization_id=None)
    assert permissions.can(Actor(2, "vp", "secretariat"), Action.FIGURE, organization_id=8)
    assert not permissions.can(Actor(3, "ld", "leader"), Action.REPORT, organization_id=8)
    assert permissions.can(Actor(3, "ld", "leader"), Action.DIRECT)
    assert not permissions.can(Actor(4, "xem", "viewer"), Action.FIGURE, organization_id=None)
    assert not permissions.can(None, Action.READ)
    orphan = Actor(5, "orphan", "body", organization_id=None)  # a body account with no body
    assert not permissions.can(orphan, Action.REPORT, organization_id=None)
