"""The Thông báo page and the unread count beside its menu entry, through AppTest signed in
through the real form, on a demo database of their own (they write to it)."""

import pytest
from sqlmodel import select
from streamlit.testing.v1 import AppTest

from models import Organization, User, session_scope
from services.core import periods
from services.core.actor import Actor
from services.reporting import proposals
from tests.markdown_text import shown
from tests.pages.conftest import sign_in

DIRECTION = "Đề nghị <b>hoàn thành</b> **ngay** [xem](javascript:alert(1)) trong quý I"


def menu(at: AppTest) -> list[str]:
    return [el.proto.label for el in at.get("page_link")]


def notices_entry(at: AppTest) -> str:
    return next(label for label in menu(at) if label.startswith("Thông báo"))


def direct(engine) -> str:
    """A leader answers the first waiting proposal; the username of its body's account."""
    with session_scope(engine) as s:
        leader = Actor.of(s.exec(select(User).where(User.username == "lanhdao")).one())
        waiting = proposals.waiting(s, actor=leader)[0]
        proposals.give_direction(s, actor=leader, report_id=waiting.report_id, text=DIRECTION)
        return s.exec(
            select(User.username)
            .join(Organization, Organization.id == User.organization_id)
            .where(Organization.code == waiting.organization_code)
        ).first()


@pytest.mark.parametrize("username", ["lanhdao", "vanphong", "xem", "stp"])
def test_every_role_has_a_thong_bao_entry(app, username):
    at = sign_in(username)
    assert not at.exception
    assert notices_entry(at).startswith("Thông báo")
    at.switch_page("pages/notices.py").run()
    assert not at.exception and [t.value for t in at.title] == ["Thông báo"]


def test_a_body_sees_a_new_direction_first_and_the_count_drops_once_read(app):
    username = direct(app)
    at = sign_in(username)
    assert not at.exception
    assert notices_entry(at) == "Thông báo (1)"
    # the landing page: the direction at the top, before the task list, as typed
    assert next(h.value for h in at.subheader) == "Mới: chỉ đạo và trả lời kiến nghị"
    shown = [x.value for x in at.text]
    assert any(DIRECTION in x for x in shown)
    at.switch_page("pages/notices.py").run()
    assert not at.exception
    assert any(DIRECTION in x.value for x in at.text)  # plain text: no bold, no link
    assert any("1 chưa đọc" in m.value for m in at.markdown)
    next(b for b in at.button if b.label == "Đánh dấu đã đọc").click().run()
    assert not at.exception
    assert notices_entry(at) == "Thông báo"
    assert any("0 chưa đọc" in m.value for m in at.markdown)
    at.switch_page("pages/my_tasks.py").run()  # read: no longer at the top of the landing page
    assert not any(h.value.startswith("Mới:") for h in at.subheader)


def test_nobody_else_is_told(app):
    direct(app)
    at = sign_in("lanhdao")
    assert notices_entry(at) == "Thông báo"


def test_open_goes_to_the_task_and_marks_the_notice_read(app):
    username = direct(app)
    at = sign_in(username)
    at.switch_page("pages/notices.py").run()
    before = notices_entry(at)
    next(b for b in at.button if b.label == "Mở").click().run()
    assert not at.exception
    assert at.query_params.get("assignment") and at.query_params.get("task")
    assert [t.value for t in at.title] == ["Chỉ thị"]
    assert notices_entry(at) != before


def test_one_sets_ones_own_address_on_the_notices_page(app):
    at = sign_in("xem")
    at.switch_page("pages/notices.py").run()
    field = next(w for w in at.text_input if w.label == "Thư điện tử")
    assert field.value == "xem@demo.invalid"
    field.input("khong hop le")
    next(b for b in at.button if b.label == "Lưu địa chỉ").click().run()
    assert any("không phải địa chỉ thư điện tử hợp lệ" in e.value for e in at.error)
    field = next(w for w in at.text_input if w.label == "Thư điện tử")
    field.input("nguoi.xem@laichau.gov.vn")
    next(b for b in at.button if b.label == "Lưu địa chỉ").click().run()
    assert any("Đã lưu" in x.value for x in at.success)
    with session_scope(app) as s:
        assert s.exec(select(User.email).where(User.username == "xem")).one() == (
            "nguoi.xem@laichau.gov.vn"
        )


def test_the_office_reminds_one_body_from_its_page(app):
    from services.notices import cycle

    with session_scope(app) as s:
        office = Actor.of(s.exec(select(User).where(User.username == "vanphong")).one())
        laggard = cycle.not_reported(s, actor=office)[-1]
    at = sign_in("vanphong")
    at.switch_page("pages/body.py")
    at.query_params["org"] = laggard.code
    at.run()
    assert not at.exception
    assert any(
        f"{laggard.code} chưa gửi báo cáo nào cho kỳ 2022-Q4" in shown(m.value) for m in at.markdown
    )
    next(w for w in at.text_input if w.label.startswith("Lời nhắn")).input("Gọi lại cho Văn phòng")
    next(b for b in at.button if b.label == "Gửi nhắc nhở").click().run()
    assert any("Đã nhắc 1 đơn vị; 0 đơn vị" in x.value for x in at.success)
    body = sign_in(laggard.code.lower())
    assert notices_entry(body) == "Thông báo (1)"
    leader = sign_in("lanhdao")  # a leader sees no reminder form
    leader.switch_page("pages/body.py")
    leader.query_params["org"] = laggard.code
    leader.run()
    assert not any(b.label == "Gửi nhắc nhở" for b in leader.button)


def test_the_office_chases_the_bodies_that_have_not_reported_and_closes_the_period(app):
    at = sign_in("vanphong")
    at.switch_page("pages/notices.py").run()
    assert not at.exception
    bodies = at.multiselect[0]
    assert shown(bodies.label) == "Đơn vị chưa báo cáo kỳ 2022-Q4" and bodies.value
    bodies.set_value(bodies.value[:1])
    next(w for w in at.text_input if w.label.startswith("Lời nhắn")).input("Gửi trước 10/01")
    next(b for b in at.button if b.label == "Gửi nhắc nhở").click().run()
    assert any("Đã nhắc 1 đơn vị; 0 đơn vị" in x.value for x in at.success)
    next(b for b in at.button if b.label == "Gửi nhắc nhở").click().run()  # once a day
    assert any("Đã nhắc 0 đơn vị; 1 đơn vị" in x.value for x in at.success)
    with session_scope(app) as s:
        chased = s.exec(
            select(User.username).join(Organization).where(Organization.id == bodies.value[0])
        ).first()
    body = sign_in(chased)
    assert notices_entry(body) == "Thông báo (1)"
    body.switch_page("pages/notices.py").run()
    assert any("Gửi trước 10/01" in x.value for x in body.text)

    grace = next(n for n in at.number_input if shown(n.label).startswith("Tự khóa kỳ"))
    grace.set_value(7)
    next(b for b in at.button if b.label == "Lưu").click().run()
    assert any(x.value == "Đã lưu." for x in at.success)
    from services.notices import cycle

    with session_scope(app) as s:
        assert cycle.grace_days(s) == 7
    next(b for b in at.button if shown(b.label) == "Khóa kỳ 2022-Q4 và mở kỳ 2023-Q1").click().run()
    assert not at.exception
    assert any("Đã khóa kỳ 2022-Q4 và mở kỳ 2023-Q1" in shown(x.value) for x in at.success)
    body = sign_in(chased)
    assert notices_entry(body) == "Thông báo (2)"  # the new period opened
    with session_scope(app) as s:
        code = s.get(Organization, bodies.value[0]).code
    at.switch_page("pages/body.py")
    at.query_params["org"] = code
    at.run()
    assert not at.exception
    assert any("Báo cáo đúng hạn kỳ 2022-Q4:" in shown(c.value) for c in at.caption), (
        "the kept on-time rate on Đơn vị"
    )


def unread_of(engine, username: str) -> int:
    from services.notices import inbox

    with session_scope(engine) as s:
        user = s.exec(select(User).where(User.username == username)).one()
        return inbox.unread_count(s, actor=Actor.of(user))


def overview_with_not_reported(username: str) -> AppTest:
    at = sign_in(username)
    at.switch_page("pages/overview.py").run()
    assert not at.exception
    at.segmented_control(key="ov_list").set_value("not_reported").run()
    assert not at.exception
    return at


def test_the_office_chases_two_bodies_from_the_overviews_not_reported_list(app):
    from services.notices import cycle

    with session_scope(app) as s:
        office = Actor.of(s.exec(select(User).where(User.username == "vanphong")).one())
        behind = cycle.not_reported(s, actor=office)
        period = periods.current_period(s).code  # an earlier test of this module may close one
    before = {b.code: unread_of(app, b.code.lower()) for b in behind[:3]}
    at = overview_with_not_reported("vanphong")
    label = at.segmented_control(key="ov_list").options
    assert f"Chưa báo cáo kỳ {period} ({len(behind)})" in [shown(o) for o in label]
    shown_codes = list(at.dataframe(key="ov_not_reported").value["Mã"])
    assert shown_codes == [b.code for b in behind]
    bodies = next(m for m in at.multiselect if shown(m.label) == f"Đơn vị chưa báo cáo kỳ {period}")
    two = [b.organization_id for b in behind[:2]]
    bodies.set_value(two)
    next(w for w in at.text_input if w.label.startswith("Lời nhắn")).input("Báo cáo trước 10/01")
    next(b for b in at.button if b.label == "Gửi nhắc nhở").click().run()
    assert not at.exception
    assert any("Đã nhắc 2 đơn vị; 0 đơn vị" in x.value for x in at.success)
    next(b for b in at.button if b.label == "Gửi nhắc nhở").click().run()  # once a day
    assert any("Đã nhắc 0 đơn vị; 2 đơn vị" in x.value for x in at.success)
    for laggard in behind[:2]:  # each chosen body is told, with the office's sentence
        body = sign_in(laggard.code.lower())
        assert notices_entry(body) == f"Thông báo ({before[laggard.code] + 1})"
        body.switch_page("pages/notices.py").run()
        assert any("Báo cáo trước 10/01" in x.value for x in body.text)
    third = behind[2].code  # a body not chosen is not
    assert unread_of(app, third.lower()) == before[third]
    from models import AuditEvent

    with session_scope(app) as s:  # one audit event a body chased, by the office
        audited = s.exec(
            select(AuditEvent.organization_id, AuditEvent.username)
            .where(AuditEvent.action == "chase")
            .order_by(AuditEvent.id.desc())
            .limit(2)
        ).all()
        assert sorted(audited) == sorted((oid, "vanphong") for oid in two)


def test_a_leader_sees_the_not_reported_list_but_no_chase(app):
    at = overview_with_not_reported("lanhdao")
    assert at.dataframe(key="ov_not_reported").value.shape[0] > 0
    assert not any(b.label == "Gửi nhắc nhở" for b in at.button)
    assert not at.multiselect or all("chưa báo cáo" not in m.label for m in at.multiselect)
