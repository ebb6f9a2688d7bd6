"""Item 8: a deactivated body's account neither signs in nor reports; a closed directive takes
no report, figure or direction. Refused by the services with one sentence, nothing written,
on SQLite and PostgreSQL; and the sign-in through the real form."""

from dataclasses import replace

import pytest
from sqlmodel import select

from models import Directive, ProgressReport, Target, session_scope
from services.accounts import own
from services.admin import directives, organizations
from services.core.errors import DomainError
from services.reporting import figures, proposals
from services.reporting import reports as reporting
from tests.pages.conftest import point_app_at
from tests.security.conftest import engine_url, shows_the_form
from tests.services.reporting_db import actor, assignment_of, counts, org_id, target_id
from tests.services.test_reporting import GOOD

# a valid report (test_reporting's), as a body types it with no link
REPORT = replace(
    GOOD, percent=60, result="Đã triển khai một phần", evidence_number="12/KH", evidence_link=""
)


def _report(engine, *, code: str, username: str, who=None):
    assignment_id, version = assignment_of(engine, code)
    with session_scope(engine) as s:
        return reporting.submit_report(
            s,
            actor=who or actor(engine, username),
            assignment_id=assignment_id,
            expected_version=version,
            data=REPORT,
        )


def _figure(engine, *, code: str, username: str, target: str = "CT02"):
    with session_scope(engine) as s:
        return figures.submit_figure(
            s,
            actor=actor(engine, username),
            data=figures.FigureInput(
                target_id=target_id(engine, target),
                organization_id=org_id(engine, code),
                period="2022-Q4",
                value="90",
            ),
        )


def _refused(engine, call, code: str, words: str, *, audited: int = 0) -> None:
    """Refused with the sentence; nothing written but `audited` audit events."""
    before = counts(engine)
    with pytest.raises(DomainError) as err:
        call()
    assert err.value.code == code
    assert words in str(err.value)
    assert counts(engine) == {**before, "audit": before["audit"] + audited}


def _set_body(engine, code: str, active: bool) -> None:
    with session_scope(engine) as s:
        organizations.set_body_active(s, actor=actor(engine, "vanphong"), code=code, active=active)


def test_a_deactivated_bodys_account_can_neither_sign_in_nor_report(demo_db):
    stp = actor(demo_db, "stp")  # as a session that signed in before would remember it
    _set_body(demo_db, "STP", False)
    try:
        _refused(
            demo_db,
            lambda: own.sign_in(
                username="stp", password="laichau2021", address="10.0.0.8", engine=demo_db
            ),
            "auth.body_inactive",
            "đã ngừng hoạt động nên tài khoản của đơn vị không đăng nhập được",
            audited=1,  # the refused sign-in
        )
        _refused(
            demo_db,
            lambda: _report(demo_db, code="STP", username="stp", who=stp),
            "err.own_body_inactive",
            "đã ngừng hoạt động; không có gì được ghi",
        )
        _refused(
            demo_db,
            lambda: _figure(demo_db, code="STP", username="stp"),
            "err.own_body_inactive",
            "không có gì được ghi",
        )
        # the office cannot report on its behalf either
        _refused(
            demo_db,
            lambda: _report(demo_db, code="STP", username="vanphong"),
            "err.body_inactive_writes",
            "không nhận báo cáo hay số liệu mới cho đơn vị này",
        )
        with session_scope(demo_db) as s:  # and its open sign-ins have ended
            assert own.session_user(s, username="stp", epoch=0) is None
    finally:
        _set_body(demo_db, "STP", True)
    assert _report(demo_db, code="STP", username="stp").id  # back in service


def _directive_of(engine, target_code: str) -> int:
    with session_scope(engine) as s:
        return s.exec(select(Target.directive_id).where(Target.code == target_code)).first()


def _set_directive(engine, directive_id: int, is_open: bool) -> None:
    with session_scope(engine) as s:
        directives.set_directive_open(
            s, actor=actor(engine, "vanphong"), directive_id=directive_id, is_open=is_open
        )


def test_a_closed_directive_takes_no_report_figure_or_direction(demo_db):
    proposal = _report(demo_db, code="SNV", username="snv")
    with session_scope(demo_db) as s:  # a proposal to answer
        s.get(ProgressReport, proposal.id).proposals = "Đề nghị bổ sung kinh phí"
    directive_id = _directive_of(demo_db, "CT02")
    with session_scope(demo_db) as s:
        title = s.get(Directive, directive_id).title
    _set_directive(demo_db, directive_id, False)
    try:
        sentence = f"Văn bản “{title[:40]}"
        _refused(
            demo_db,
            lambda: _report(demo_db, code="SNV", username="snv"),
            "err.directive_closed",
            sentence,
        )
        _refused(
            demo_db,
            lambda: _report(demo_db, code="SNV", username="vanphong"),
            "err.directive_closed",
            "đã đóng (kết thúc theo dõi)",
        )
        _refused(
            demo_db,
            lambda: _figure(demo_db, code="SNV", username="snv"),
            "err.directive_closed",
            "không nhận báo cáo, số liệu hay ý kiến chỉ đạo mới",
        )

        def answer():
            with session_scope(demo_db) as s:
                proposals.give_direction(
                    s, actor=actor(demo_db, "lanhdao"), report_id=proposal.id, text="Đồng ý"
                )

        _refused(demo_db, answer, "err.directive_closed", "đã đóng")
    finally:
        _set_directive(demo_db, directive_id, True)
    assert _figure(demo_db, code="SNV", username="snv").id  # open again: accepted


def test_the_sign_in_form_says_why_a_deactivated_bodys_account_is_refused(demo_db, monkeypatch):
    if demo_db.dialect.name != "sqlite":
        pytest.skip("the form is the same on both backends; the services are tested on both")
    from tests.pages.conftest import sign_in

    point_app_at(engine_url(demo_db), monkeypatch)
    _set_body(demo_db, "HPT", False)
    try:
        at = sign_in("hpt")
        assert not at.exception
        assert shows_the_form(at)
        [sentence] = [e.value for e in at.error]
        assert "đã ngừng hoạt động nên tài khoản của đơn vị không đăng nhập được nữa" in sentence
    finally:
        _set_body(demo_db, "HPT", True)
