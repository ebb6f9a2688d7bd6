"""Tổ chức lại through AppTest, on a private copy of the demo database: the preview shows what
will move and writes nothing, confirming writes exactly that; the Đơn vị page of a successor
links its predecessors' history, a closed body says who took its work."""

from datetime import date

from sqlmodel import Session, select

from models import Organization
from models.db import build_engine
from tests.conftest import merge_muong_te_and_nam_nhun
from tests.markdown_text import shown
from tests.pages.conftest import sign_in
from tests.pages.test_import_admin_pages import count, own_db  # noqa: F401  (the fixture)


def bodies(url: str) -> dict[str, Organization]:
    engine = build_engine(url)
    try:
        with Session(engine) as s:
            return {o.code: o for o in s.exec(select(Organization))}
    finally:
        engine.dispose()


def body_page(at, code: str, period: str | None = None):
    """The Đơn vị page of `code` (at `period`), run without an error."""
    at.switch_page("pages/body.py")
    at.query_params["org"] = code
    if period:
        at.query_params["period"] = period
    at.run()
    assert not at.exception and not at.error
    return at


def test_preview_then_confirm_a_merger(own_db):  # noqa: F811
    before = count(own_db, Organization)
    at = sign_in("vanphong")
    at.query_params["tab"] = "Tổ chức lại"  # only the open tab runs
    at.switch_page("pages/admin.py").run()
    assert not at.exception
    assert "Tổ chức lại" in [tab.label for tab in at.tabs]
    at.date_input(key="reorg_on").set_value(date(2025, 3, 1)).run()
    at.multiselect(key="reorg_sources").select("HMT").select("HNN").run()
    at.selectbox(key="reorg_into").set_value("__new__").run()
    at.text_input(key="reorg_new_code").input("MTNN").run()
    at.text_input(key="reorg_new_name").input("Khu vực Mường Tè - Nậm Nhùn").run()
    at.button(key="reorg_preview").click().run()
    assert not at.exception and not at.error
    head = [i.value for i in at.info if "Nếu xác nhận" in i.value]
    assert len(head) == 1 and "2 đơn vị ngừng hoạt động" in head[0], head
    assert count(own_db, Organization) == before  # the preview wrote nothing
    at.button(key="reorg_apply").click().run()
    assert not at.exception and not at.error
    assert any("Đã tổ chức lại" in shown(s.value) for s in at.success)
    after = bodies(own_db)
    assert len(after) == before + 1
    assert after["HMT"].ended_on == date(2025, 3, 1) and not after["HNN"].active
    assert head[0].startswith("Nếu xác nhận: ")


def test_a_bad_merger_is_one_sentence(own_db):  # noqa: F811
    at = sign_in("vanphong")
    at.query_params["tab"] = "Tổ chức lại"  # only the open tab runs
    at.switch_page("pages/admin.py").run()
    at.date_input(key="reorg_on").set_value(date(2022, 1, 1)).run()
    at.multiselect(key="reorg_sources").select("HMT").run()
    at.selectbox(key="reorg_into").set_value("HNN").run()
    at.button(key="reorg_preview").click().run()
    assert not at.exception
    assert [e.value for e in at.error if "kỳ báo cáo đã khóa" in e.value]
    assert bodies(own_db)["HMT"].active


def test_body_pages_link_the_succession(own_db):  # noqa: F811
    engine = build_engine(own_db)
    merge_muong_te_and_nam_nhun(engine)
    engine.dispose()
    at = body_page(sign_in("lanhdao"), "MTNN", "2025-Q2")
    assert any("tiền thân" in c.value for c in at.caption)
    assert any(m.label == "Lượt giao cho đơn vị" and int(m.value) > 0 for m in at.metric)
    at = body_page(at, "HMT")
    assert any("Đơn vị đã ngừng từ 01/03/2025" in i.value for i in at.info)


def test_split_preview_lists_each_open_task(own_db):  # noqa: F811
    at = sign_in("vanphong")
    at.query_params["tab"] = "Tổ chức lại"  # only the open tab runs
    at.switch_page("pages/admin.py").run()
    at.segmented_control(key="reorg_op").set_value("split").run()
    at.date_input(key="reorg_on").set_value(date(2025, 3, 1)).run()
    at.selectbox(key="reorg_source").set_value("HSH").run()
    at.multiselect(key="reorg_successors").select("TPLC").select("HTD").run()
    assert not at.exception
    at.button(key="reorg_preview").click().run()
    assert not at.exception and not at.error
    head = [i.value for i in at.info if "Nếu xác nhận" in i.value]
    assert len(head) == 1 and "1 đơn vị ngừng hoạt động" in head[0], head
    assert bodies(own_db)["HSH"].active  # a preview only


def test_the_demo_merged_body_points_to_its_history(app_env):
    """The demo's Sở GTVT merged into Sở Xây dựng on 01/10/2022: in 2022-Q4 its page says who
    took its work and links its own history instead of empty tables; in 2022-Q3 it is whole."""
    at = body_page(sign_in("lanhdao"), "SGTVT", "2022-Q4")
    assert any("Đơn vị đã ngừng từ 01/10/2022" in i.value for i in at.info)
    assert any("Kỳ 2022-Q4 bắt đầu sau khi đơn vị ngừng" in shown(c.value) for c in at.caption)
    assert not at.metric and not at.dataframe  # no empty tiles or table of its own
    at = body_page(at, "SGTVT", "2022-Q3")
    assert any(m.label == "Lượt giao cho đơn vị" and int(m.value) > 0 for m in at.metric)
    assert len(at.dataframe) == 1
    # Sở Xây dựng, its successor, links it as a predecessor
    at = body_page(at, "SXD", "2022-Q4")
    assert any("tiền thân (trước 01/10/2022)" in shown(c.value) for c in at.caption)
