"""The Đơn vị page of a merged body in a real browser: the successor (for a period after the
merger) carries the open work and links its predecessors' history; following the link opens
the predecessor, which says from when and who took its work. A screenshot of each."""

import pytest
from playwright.sync_api import Browser, Page, expect
from sqlmodel import select

from models import Organization, session_scope
from models.db import build_engine
from tests.conftest import ROOT, demo_sqlite, merge_muong_te_and_nam_nhun
from tests.e2e.conftest import streamlit_server
from tests.e2e.test_reporting_browser import cookie_is, no_exception, settled, sign_in

LAI_CHAU = ROOT / "seed_data" / "reorganize" / "lai-chau-2025-xa-phuong.csv"


@pytest.fixture(scope="module")
def merged_url(tmp_path_factory) -> str:
    url = demo_sqlite(tmp_path_factory.mktemp("e2e_reorg"))
    engine = build_engine(url)
    merge_muong_te_and_nam_nhun(engine, new_kind="commune")
    engine.dispose()
    return url


def open_as(browser: Browser, url: str, username: str, path: str) -> Page:
    """A new window signed in as `username`, showing the page at `path`, its run over."""
    page = browser.new_page(viewport={"width": 1440, "height": 900})
    sign_in(page, url, username)
    settled(page)
    cookie_is(page, present=True)  # the page below is opened by its address, as a new run
    page.goto(f"{url}/{path}")
    settled(page)
    return page


def test_body_page_of_a_merged_body(merged_url, browser, shots, tmp_path):
    with streamlit_server(merged_url, tmp_path) as url:
        page = open_as(browser, url, "lanhdao", "don-vi?org=MTNN&period=2025-Q2")
        no_exception(page)
        main = page.locator("[data-testid='stMain']")
        expect(main.get_by_text("Lịch sử các đơn vị tiền thân (trước 01/03/2025)")).to_be_visible()
        link = main.get_by_role("link", name="Huyện Mường Tè (HMT)")
        expect(link).to_be_visible(timeout=30_000)
        page.wait_for_timeout(1500)  # the tables' canvases draw a moment after the run
        page.screenshot(path=str(shots / "reorganize-successor-MTNN.png"), full_page=True)
        assert link.get_attribute("href") == "don-vi?org=HMT&period=2022-Q4"
        link.click()
        settled(page)
        no_exception(page)
        # the predecessor's own page, at the last period before the merger
        expect(main.get_by_text("Nhiệm vụ được giao (kỳ 2022-Q4)")).to_be_visible()
        expect(main.get_by_text("Đơn vị đã ngừng từ 01/03/2025")).to_be_visible()
        expect(main.get_by_role("link", name="Khu vực Mường Tè - Nậm Nhùn (MTNN)")).to_be_visible()
        page.wait_for_timeout(1500)
        page.screenshot(path=str(shots / "reorganize-predecessor-HMT.png"), full_page=True)
        page.close()


def test_upload_the_body_list_preview_then_apply(tmp_path, browser, shots):
    url_db = demo_sqlite(tmp_path)
    engine = build_engine(url_db)

    def communes() -> int:
        with session_scope(engine) as s:
            return len(s.exec(select(Organization).where(Organization.kind == "commune")).all())

    with streamlit_server(url_db, tmp_path) as url:
        page = open_as(browser, url, "vanphong", "quan-tri")
        page.get_by_role("tab", name="Tổ chức lại").click()
        page.locator("input[type=file][accept*='.csv']").set_input_files(str(LAI_CHAU))
        settled(page)
        no_exception(page)
        preview = page.get_by_text("Nếu xác nhận: thêm 38 đơn vị")
        expect(preview).to_be_visible(timeout=30_000)
        assert communes() == 0  # the preview wrote nothing
        preview.scroll_into_view_if_needed()
        page.screenshot(path=str(shots / "reorganize-file-preview.png"))
        page.get_by_role("button", name="Xác nhận tổ chức lại").last.click()
        settled(page)
        no_exception(page)
        expect(page.get_by_text("Đã áp dụng danh sách đơn vị: thêm 38")).to_be_visible()
        assert communes() == 38
        page.close()
    engine.dispose()
