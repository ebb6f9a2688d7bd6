"""The Đơn vị page of a merged body in a real browser: the successor (for a period after the
merger) carries the open work and links its predecessors' history; following the link opens
the predecessor, which says from when and who took its work. A screenshot of each."""

from datetime import date

import pytest
from playwright.sync_api import expect
from sqlmodel import select

from models import Organization, Role, User, session_scope
from models.db import build_engine
from services.admin import reorganize
from services.core.actor import SYSTEM, Actor
from services.install import demo
from services.install.seed import ensure_periods
from tests.conftest import ROOT, migrate
from tests.e2e.conftest import streamlit_server
from tests.e2e.test_reporting_browser import no_exception, settled, sign_in

LAI_CHAU = ROOT / "seed_data" / "reorganize" / "lai-chau-2025-xa-phuong.csv"


@pytest.fixture(scope="module")
def merged_url(tmp_path_factory) -> str:
    url = f"sqlite:///{tmp_path_factory.mktemp('e2e_reorg') / 'demo.db'}"
    migrate(url)
    engine = build_engine(url)
    with session_scope(engine) as s:
        demo.seed_demo(s, actor=SYSTEM, password="laichau2021")
    with session_scope(engine) as s:
        secretariat = s.exec(select(User).where(User.role == Role.SECRETARIAT)).first()
        ensure_periods(s, ["2025-Q1", "2025-Q2"], current="2022-Q4")
        reorganize.merge(
            s,
            actor=Actor.of(secretariat),
            sources=["HMT", "HNN"],
            into="MTNN",
            on=date(2025, 3, 1),
            new_name="Khu vực Mường Tè - Nậm Nhùn",
            new_kind="commune",
        )
    engine.dispose()
    return url


def test_body_page_of_a_merged_body(merged_url, browser, shots, tmp_path):
    with streamlit_server(merged_url, tmp_path) as url:
        page = browser.new_page(viewport={"width": 1440, "height": 900})
        sign_in(page, url, "lanhdao")
        settled(page)
        page.goto(f"{url}/don-vi?org=MTNN&period=2025-Q2")
        settled(page)
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
    url_db = f"sqlite:///{tmp_path / 'upload.db'}"
    migrate(url_db)
    engine = build_engine(url_db)
    with session_scope(engine) as s:
        demo.seed_demo(s, actor=SYSTEM, password="laichau2021")

    def communes() -> int:
        with session_scope(engine) as s:
            return len(s.exec(select(Organization).where(Organization.kind == "commune")).all())

    with streamlit_server(url_db, tmp_path) as url:
        page = browser.new_page(viewport={"width": 1440, "height": 900})
        sign_in(page, url, "vanphong")
        settled(page)
        page.goto(f"{url}/quan-tri")
        settled(page)
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
