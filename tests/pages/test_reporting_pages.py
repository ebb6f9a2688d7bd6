"""The reporting screens through AppTest, signed in through the real form, on a demo database
of their own (they write to it)."""

import re

import pandas as pd
import pytest
from sqlmodel import select
from streamlit.testing.v1 import AppTest

from components import loaders
from models import (
    Assignment,
    AuditEvent,
    DirectionNote,
    Organization,
    ProgressReport,
    User,
    session_scope,
)
from models.db import build_engine
from services.accounts import own as accounts
from services.core.actor import SYSTEM, Actor
from services.reporting import reports as reporting
from services.reporting.reports import ReportInput
from tests.conftest import ROOT, TEST_COOKIE_SECRET, migrate
from tests.markdown_text import shown
from tests.pages.conftest import point_app_at, sign_in

MARK = "kiểm thử trang"


def _engine_assignment(engine, code: str, *, stuck: bool = False):
    """A lead assignment of `code` that is continuous (no deadline) and not stuck."""
    from models import Task

    with session_scope(engine) as s:
        return s.exec(
            select(Assignment)
            .join(Organization, Organization.id == Assignment.organization_id)
            .join(Task, Task.id == Assignment.task_id)
            .where(
                Organization.code == code,
                Assignment.role == "lead",
                Assignment.stuck == stuck,
                Task.cadence == "continuous",
                Task.due_date.is_(None),
                Assignment.due_date_override.is_(None),
            )
            .order_by(Assignment.id)
        ).first()


def _latest_report(engine, assignment_id: int) -> ProgressReport:
    """The assignment's newest report, as stored."""
    with session_scope(engine) as s:
        return s.exec(
            select(ProgressReport)
            .where(ProgressReport.assignment_id == assignment_id)
            .order_by(ProgressReport.id.desc())
        ).first()


def _choose(at: AppTest, assignment_id: int) -> AppTest:
    choice = next(s for s in at.selectbox if s.key.startswith("mt_choice_"))
    choice.set_value(assignment_id).run()
    return at


def _field(at: AppTest, kind: str, assignment_id: int, name: str):
    prefix = f"rf_{assignment_id}_"
    widgets = getattr(at, kind)
    return next(w for w in widgets if w.key and w.key.startswith(prefix) and w.key.endswith(name))


def _submit(at: AppTest, label: str) -> AppTest:
    next(b for b in at.button if b.label == label).click().run()
    return at


def _frames(at: AppTest) -> list[pd.DataFrame]:
    return [d.value for d in at.dataframe]


def _row_with(frames: list[pd.DataFrame], *words: str) -> bool:
    for frame in frames:
        for _, row in frame.iterrows():
            text = " ".join(str(v) for v in row.to_numpy())
            if all(w in text for w in words):
                return True
    return False


def _overview_stuck_list(at: AppTest) -> list[pd.DataFrame]:
    """The overview's tables with its list of stuck tasks shown (the leader picks the list)."""
    at.session_state["ov_list"] = "stuck"
    at.run()
    assert not at.exception
    return _frames(at)


def _texts(at: AppTest) -> str:
    parts = [m.value for m in at.markdown] + [str(x.value) for x in at.text]
    parts += (
        [e.value for e in at.error] + [s.value for s in at.success] + [i.value for i in at.info]
    )
    return "\n".join(parts)


def test_stp_reports_through_the_form_and_the_leader_sees_it_on_the_overview(app):
    a = _engine_assignment(app, "STP")
    label = None
    leader = sign_in("lanhdao")
    assert not leader.exception
    with session_scope(app) as s:
        row = next(
            r
            for r in reporting.body_assignments(
                s,
                actor=Actor.of(s.exec(select(User).where(User.username == "lanhdao")).one()),
                organization_id=a.organization_id,
            )
            if r.assignment_id == a.id
        )
        label = row.task_label
    assert not _row_with(_overview_stuck_list(leader), "Sở Tư pháp", label)  # not stuck yet

    at = sign_in("stp")
    assert not at.exception and [t.value for t in at.title] == ["Nhiệm vụ của đơn vị"]
    _choose(at, a.id)
    _field(at, "selectbox", a.id, "_status").set_value("in_progress")
    _field(at, "number_input", a.id, "_percent").set_value(85)
    _field(at, "text_area", a.id, "_result").input(f"Đã rà soát 12 thủ tục ({MARK})")
    _field(at, "text_area", a.id, "_difficulties").input("Thiếu công chức chuyên trách")
    _field(at, "text_area", a.id, "_proposals").input(f"Đề nghị bổ sung biên chế ({MARK})")
    _field(at, "text_input", a.id, "_evidence_number").input("25/BC-STP")
    _field(at, "text_input", a.id, "_evidence_link").input("https://stp.laichau.gov.vn/bc-25")
    _submit(at, "Gửi báo cáo")
    assert not at.exception
    assert any(f"Đã ghi báo cáo nhiệm vụ {label} kỳ 2022-Q4." in shown(s.value) for s in at.success)
    stored = _latest_report(app, a.id)
    assert stored.percent == 85 and stored.stuck and stored.evidence_number == "25/BC-STP"
    with session_scope(app) as s:
        assert s.get(Assignment, a.id).version == a.version + 1

    # The write dropped the leader's overview and had it rebuilt in the background: the
    # leader's next visit finds the new figures ready, and builds nothing itself.
    assert loaders.OVERVIEW.settle()
    built = loaders.OVERVIEW.builds
    leader = sign_in("lanhdao")
    assert not leader.exception
    assert _row_with(_overview_stuck_list(leader), "Sở Tư pháp", label)  # now among the stuck
    assert loaders.OVERVIEW.builds == built


def test_a_stale_form_keeps_what_was_typed_and_sends_after_seeing_the_latest(app):
    a = _engine_assignment(app, "SNV")
    at = sign_in("snv")
    _choose(at, a.id)
    typed = f"Kết quả quý IV ({MARK}, biểu mẫu cũ)"
    _field(at, "text_area", a.id, "_result").input(typed)
    _field(at, "selectbox", a.id, "_status").set_value("in_progress")
    # meanwhile the office reports on the same assignment
    with session_scope(app) as s:
        office = Actor.of(s.exec(select(User).where(User.username == "vanphong")).one())
        reporting.submit_report(
            s,
            actor=office,
            assignment_id=a.id,
            expected_version=a.version,
            data=ReportInput(period="2022-Q4", status="in_progress", percent=64, result="VP"),
        )
    _submit(at, "Gửi báo cáo")
    assert not at.exception
    stale = "Báo cáo chưa được ghi: Văn phòng UBND tỉnh (demo)"
    assert any(stale in shown(e.value) for e in at.error)
    assert _field(at, "text_area", a.id, "_result").value == typed  # nothing typed is lost
    with session_scope(app) as s:
        assert s.get(Assignment, a.id).version == a.version + 1

    next(b for b in at.button if b.key == f"adopt_{a.id}").click().run()
    assert _field(at, "text_area", a.id, "_result").value == typed
    _submit(at, "Gửi báo cáo")
    assert any("Đã ghi báo cáo" in s.value for s in at.success), _texts(at)
    with session_scope(app) as s:
        assert s.get(Assignment, a.id).version == a.version + 2


def test_bad_input_shows_a_vietnamese_message_and_done_below_100_asks_to_confirm(app):
    a = _engine_assignment(app, "TPLC")
    at = sign_in("tplc")
    _choose(at, a.id)
    _field(at, "text_input", a.id, "_evidence_link").input("javascript:alert(1)")
    _field(at, "text_area", a.id, "_result").input("Đã xong")
    _submit(at, "Gửi báo cáo")
    assert any("http:// hoặc https://" in e.value for e in at.error)
    _field(at, "text_input", a.id, "_evidence_link").input("")
    _field(at, "selectbox", a.id, "_status").set_value("done")
    _field(at, "number_input", a.id, "_percent").set_value(90)
    _submit(at, "Gửi báo cáo")
    assert any("Trạng thái Hoàn thành nhưng tiến độ mới 90%" in e.value for e in at.error)
    with session_scope(app) as s:
        assert s.get(Assignment, a.id).version == a.version  # nothing written
    confirm = _field(at, "checkbox", a.id, "_confirm")
    confirm.check()
    _submit(at, "Gửi báo cáo")
    assert any("Đã ghi báo cáo" in s.value for s in at.success), _texts(at)
    with session_scope(app) as s:
        assert s.get(Assignment, a.id).status == "done"


def test_typed_html_is_shown_as_text(app):
    a = _engine_assignment(app, "HTD")
    at = sign_in("htd")
    _choose(at, a.id)
    html = '<b id="x">đậm</b><script>alert(1)</script> **sao**'
    _field(at, "text_area", a.id, "_result").input(html)
    _field(at, "selectbox", a.id, "_status").set_value("in_progress")
    _submit(at, "Gửi báo cáo")
    assert any("Đã ghi báo cáo" in s.value for s in at.success), _texts(at)
    assert html in [x.value for x in at.text]
    assert not [m for m in at.markdown if "<b" in m.value or "<script" in m.value]


def test_the_office_reports_on_behalf_of_a_body(app):
    at = sign_in("vanphong")
    at.switch_page("pages/my_tasks.py").run()
    assert [t.value for t in at.title] == ["Nhiệm vụ của đơn vị"]
    with session_scope(app) as s:
        hmt = s.exec(select(Organization).where(Organization.code == "HMT")).one()
    at.selectbox(key="mt_body").set_value(hmt.id).run()
    assert any("Văn phòng đang báo cáo thay cho Huyện Mường Tè" in w.value for w in at.warning)
    a = _engine_assignment(app, "HMT")
    _choose(at, a.id)
    _field(at, "text_area", a.id, "_result").input(f"VP báo cáo thay ({MARK})")
    _field(at, "selectbox", a.id, "_status").set_value("in_progress")
    _submit(at, "Gửi báo cáo")
    assert any("Đã ghi báo cáo" in s.value for s in at.success), _texts(at)
    assert _latest_report(app, a.id).on_behalf is True


def test_the_leader_answers_a_proposal_and_the_body_sees_the_direction(app):
    at = sign_in("lanhdao")
    at.switch_page("pages/proposals.py").run()
    assert not at.exception and [t.value for t in at.title] == ["Kiến nghị"]
    choice = at.selectbox(key="pp_choice")
    report_id = choice.value
    direction = f"Giao Sở Tài chính bố trí kinh phí trong quý I ({MARK})"
    form_text = next(w for w in at.text_area if w.key.startswith(f"df_{report_id}_"))
    form_text.input(direction)
    _submit(at, "Gửi ý kiến chỉ đạo")
    assert not at.exception
    assert any("Đã gửi ý kiến chỉ đạo" in s.value for s in at.success)
    with session_scope(app) as s:
        note = s.exec(select(DirectionNote).where(DirectionNote.report_id == report_id)).one()
        report = s.get(ProgressReport, report_id)
        assignment = s.get(Assignment, report.assignment_id)
        org = s.get(Organization, assignment.organization_id)
        username = s.exec(
            select(User.username).where(User.organization_id == org.id, User.role == "body")
        ).first()
    assert note.text == direction

    body = sign_in(username)
    _choose(body, assignment.id)
    assert direction in [x.value for x in body.text]
    assert any("Ý kiến chỉ đạo" in i.value for i in body.info)


def test_figures_refuse_what_is_not_a_number_and_save_a_decimal_comma(app):
    at = sign_in("stp")
    at.switch_page("pages/figures.py").run()
    assert not at.exception and [t.value for t in at.title] == ["Số liệu"]
    target = next(s for s in at.selectbox if s.key.startswith("fg_target_"))
    value = next(w for w in at.text_input if w.key.endswith("_value"))
    value.input("chín mươi")
    _submit(at, "Ghi số liệu")
    assert any("“chín mươi” không phải là số" in e.value for e in at.error)
    value = next(w for w in at.text_input if w.key.endswith("_value"))
    value.input("150")
    _submit(at, "Ghi số liệu")
    assert any("Tỷ lệ phải từ 0 đến 100" in e.value for e in at.error)
    value = next(w for w in at.text_input if w.key.endswith("_value"))
    value.input("96,5")
    _submit(at, "Ghi số liệu")
    assert any("96,5%" in s.value for s in at.success), _texts(at)
    assert target.value is not None


def test_the_audit_log_shows_who_changed_what_and_downloads(app):
    at = sign_in("vanphong")
    at.switch_page("pages/audit.py").run()
    assert not at.exception and [t.value for t in at.title] == ["Nhật ký"]
    frame = at.dataframe[0].value
    assert len(frame) > 0 and "Người thực hiện" in frame.columns
    with session_scope(app) as s:
        assert len(frame) == len(s.exec(select(AuditEvent)).all())
    # every action and what it acted on in words, not as the code names them
    assert "Tổ chức lại: sáp nhập" in set(frame["Thao tác"])  # the demo's merger
    for column in ("Thao tác", "Đối tượng"):
        assert not [v for v in frame[column] if "_" in v or v.split(" #")[0].isascii()]
    merger = frame[frame["Thao tác"] == "Tổ chức lại: sáp nhập"].iloc[0]
    assert merger["Đối tượng"] == "Đơn vị SXD"  # by its code, not its id
    assert "tài khoản: (chuyển: sgtvt" in merger["Thay đổi"] and "{" not in merger["Thay đổi"]
    assert "loại: Sáp nhập" in merger["Thay đổi"] and "từ ngày: 01/10/2022" in merger["Thay đổi"]
    accounts = frame[frame["Thao tác"] == "Tạo mới"]
    stp = accounts[accounts["Đối tượng"] == "Tài khoản stp"]["Thay đổi"].iloc[0]
    assert "vai trò: Đơn vị" in stp and "đơn vị: STP" in stp
    # no field, value or day in the code's words: "lead_assignments", "role: body", "2022-10-01"
    # (every field's Vietnamese name has a letter outside ASCII)
    for line in frame["Thay đổi"]:
        assert not re.search(r"(^|[;(] ?)[a-z_ ]+: ", line), line
        assert not re.search(r"\d{4}-\d{2}-\d{2}|: (body|leader|merge|done)\b", line), line
    at.selectbox(key="au_user").set_value("stp").run()
    frame = at.dataframe[0].value
    assert set(frame["Người thực hiện"]) == {"stp"}


@pytest.mark.parametrize("username", ["xem", "lanhdao"])
def test_who_may_not_report_gets_no_report_form(app, username):
    """The pages follow the role: neither the viewer nor the leader has the tasks, figures or
    audit page (not even by its address), and none of their pages draws a form in the main
    area (the sidebar's own-password form aside)."""
    at = sign_in(username)
    for page in ["pages/my_tasks.py", "pages/figures.py", "pages/audit.py"]:
        with pytest.raises(ValueError, match="Could not find a navigation page"):
            at.switch_page(page)
    pages = ["overview", "directive", "body", "targets", "briefing"]
    for page in pages + (["proposals"] if username == "lanhdao" else []):
        at.switch_page(f"pages/{page}.py").run()
        assert not at.exception, page
        main = [w for w in at.main.text_area] + [w for w in at.main.number_input]
        buttons = [b.label for b in at.main.button if str(b.key).startswith("FormSubmitter:")]
        if page == "proposals":  # the leader answers proposals, nothing else
            assert buttons in ([], ["Gửi ý kiến chỉ đạo"])
        else:
            assert not main and not buttons, page


def test_wrong_passwords_make_the_sign_in_wait_until_the_office_unlocks(
    app, own_demo_url, monkeypatch
):
    point_app_at(own_demo_url, monkeypatch, SIGN_IN_BASE_DELAY_SECONDS="600")  # no clock race
    for _ in range(3):  # the address's free failures (AppTest signs in from one address)
        at = sign_in("htu", "sai-mat-khau")
        assert [e.value for e in at.error] == ["Tên đăng nhập hoặc mật khẩu không đúng."]
    at = sign_in("htu")  # the right password, too soon
    assert any("Vui lòng thử lại sau" in e.value for e in at.error)
    assert not at.title
    office = sign_in("vanphong")
    assert any("Vui lòng thử lại sau" in e.value for e in office.error)  # the same address
    with session_scope(app) as s:
        accounts.unlock_sign_in(s, actor=SYSTEM, address="loopback")  # manage.py unlock
    assert [t.value for t in sign_in("htu").title] == ["Nhiệm vụ của đơn vị"]


def test_sign_out_and_change_ones_password(app):
    at = sign_in("htnu")
    assert not at.sidebar.text_input  # the form is drawn only once asked for
    at.button(key="pw_toggle").click().run()
    current, new, repeat = at.sidebar.text_input[:3]
    assert current.label == "Mật khẩu hiện tại"
    current.input("laichau2021")
    new.input("mat-khau-moi-htnu")
    repeat.input("mat-khau-moi-htnu")
    _submit(at, "Lưu mật khẩu mới")
    assert any("Đã đổi mật khẩu" in s.value for s in at.success), _texts(at)
    at.button(key="sign_out").click().run()
    assert [w.label for w in at.text_input][:2] == ["Tên đăng nhập", "Mật khẩu"]
    assert not at.title
    assert any("không đúng" in e.value for e in sign_in("htnu").error)
    assert [t.value for t in sign_in("htnu", "mat-khau-moi-htnu").title] == ["Nhiệm vụ của đơn vị"]


def test_a_short_cookie_secret_stops_a_real_installation(tmp_path, monkeypatch):
    from services.install import seed

    url = f"sqlite:///{tmp_path / 'real.db'}"
    migrate(url)
    engine = build_engine(url)
    with session_scope(engine) as s:
        seed.seed_reference(s, actor=SYSTEM)  # no demo: a real installation
    engine.dispose()
    point_app_at(url, monkeypatch, COOKIE_SECRET="ngan-qua")
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.run()
    assert [e.value for e in at.error] == [
        "Không khởi động: COOKIE_SECRET ngắn hơn 32 ký tự. Đặt một chuỗi ngẫu nhiên từ 32 ký tự "
        "trở lên (hoặc bỏ trống để hệ thống tự tạo) rồi chạy lại."
    ]
    assert not at.text_input  # no sign-in form
    point_app_at(url, monkeypatch, COOKIE_SECRET="changeme")
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.run()
    assert "giá trị mặc định" in at.error[0].value
    point_app_at(url, monkeypatch, COOKIE_SECRET=TEST_COOKIE_SECRET)
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.run()
    assert not at.error and at.text_input[0].label == "Tên đăng nhập"
