"""The secretariat in a real browser: reads a PDF into the import preview, walks the
administration tabs, and is refused a restore from a file that is no backup. Nothing here
writes to the shared demo database (reading and refusing write nothing)."""

import pytest
from playwright.sync_api import Page, expect

from tests.conftest import ROOT
from tests.e2e.test_smoke import VIEWPORTS, assert_no_exception, sign_in, wait_for_sign_in_cookie

FIXTURES = ROOT / "tests" / "fixtures"


def _signed_in(browser, server, width: int, height: int) -> Page:
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    sign_in(page, server, "vanphong")
    expect(page.get_by_role("heading", name="Tổng quan")).to_be_visible(timeout=30_000)
    wait_for_sign_in_cookie(page)  # the pages below are opened by their address
    return page


@pytest.mark.parametrize(("width", "height"), VIEWPORTS)
def test_secretariat_reads_a_pdf_into_the_preview(server, browser, shots, width, height):
    page = _signed_in(browser, server, width, height)
    page.goto(f"{server}/nhap-van-ban")
    expect(page.get_by_role("heading", name="Nhập văn bản")).to_be_visible(timeout=30_000)
    page.locator("input[type=file]").first.set_input_files(str(FIXTURES / "chi-thi-09-2022.pdf"))
    button = page.get_by_role("button", name="Đọc văn bản").first
    expect(button).to_be_enabled(timeout=30_000)
    button.click()
    expect(page.get_by_text("Bản xem trước: kiểm tra và sửa trước khi lưu")).to_be_visible(
        timeout=30_000
    )
    expect(page.get_by_text("3 mục · 5 nhiệm vụ")).to_be_visible()
    expect(page.get_by_label("Số, ký hiệu")).to_have_value("09/CT-UBND")
    page.wait_for_timeout(1500)
    assert_no_exception(page)
    page.screenshot(path=str(shots / f"import-vanphong-{width}x{height}.png"))
    page.context.close()


def test_administration_tabs_and_a_refused_restore(server, browser, shots, tmp_path):
    page = _signed_in(browser, server, 1920, 1080)
    page.goto(f"{server}/quan-tri")
    expect(page.get_by_role("heading", name="Quản trị")).to_be_visible(timeout=30_000)
    page.wait_for_timeout(1500)
    page.screenshot(path=str(shots / "admin-vanphong-1920x1080.png"))
    for tab, visible in [
        ("Tài khoản", "Thêm tài khoản"),
        ("Văn bản, nhiệm vụ", "Thêm nhiệm vụ"),
        ("Kỳ báo cáo", "Kỳ báo cáo hiện tại"),
        ("Sao lưu", "Khôi phục từ bản sao lưu"),
    ]:
        page.get_by_role("tab", name=tab).click()
        expect(page.get_by_text(visible, exact=True).first).to_be_visible(timeout=30_000)
    not_a_backup = tmp_path / "khong-phai.db"
    not_a_backup.write_text("xin chào", encoding="utf-8")
    page.locator("input[type=file]").last.set_input_files(str(not_a_backup))
    page.get_by_text("Tôi hiểu dữ liệu hiện tại sẽ được thay bằng bản sao lưu").click()
    restore = page.get_by_role("button", name="Khôi phục", exact=True)
    expect(restore).to_be_enabled(timeout=30_000)
    restore.click()
    expect(page.get_by_text("không phải CSDL SQLite")).to_be_visible(timeout=30_000)
    assert_no_exception(page)
    page.screenshot(path=str(shots / "admin-restore-refused-1920x1080.png"))
    page.context.close()


def test_leader_has_no_administration(server, browser):
    context = browser.new_context(viewport={"width": 1280, "height": 720})
    page = context.new_page()
    sign_in(page, server, "lanhdao")
    expect(page.get_by_role("heading", name="Tổng quan")).to_be_visible(timeout=30_000)
    expect(page.get_by_role("link", name="Quản trị")).to_have_count(0)
    expect(page.get_by_role("link", name="Nhập văn bản")).to_have_count(0)
    context.close()
