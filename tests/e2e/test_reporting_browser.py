"""Reporting in a real browser: `stp` signs in with one click, sends a report, signs out;
`lanhdao` sees it; `xem` finds no form; a deactivated user's cookie no longer works.
A server of its own, over a demo database of its own (these tests write)."""

from collections.abc import Iterator

import pytest
from playwright.sync_api import Page, expect
from sqlmodel import select

from models import User, session_scope
from models.db import build_engine
from tests.conftest import demo_sqlite
from tests.e2e.conftest import streamlit_server
from tests.e2e.test_smoke import sign_in, signed_in

VIEWPORTS = [(1920, 1080), (1280, 720)]
AUTH_COOKIE = "cchc_laichau_auth"
PROPOSAL = "Đề nghị bổ sung kinh phí <b>in đậm</b><script>alert(1)</script>"


@pytest.fixture(scope="module")
def db_url(tmp_path_factory) -> str:
    return demo_sqlite(tmp_path_factory.mktemp("e2e_reporting"))


@pytest.fixture(scope="module")
def app_url(db_url, tmp_path_factory) -> Iterator[str]:
    with streamlit_server(db_url, tmp_path_factory.mktemp("server_reporting")) as url:
        yield url


def cookie_is(page: Page, present: bool) -> None:
    """Wait until the sign-in cookie is (or is no longer) in the browser: a component writes or
    deletes it a moment after the run that signs in or out."""
    for _ in range(120):
        if (AUTH_COOKIE in {c["name"] for c in page.context.cookies()}) == present:
            return
        page.wait_for_timeout(250)
    pytest.fail(f"the sign-in cookie is {'missing' if present else 'still there'}")


def settled(page: Page) -> None:
    """Wait until the script run is over: no skeleton, nothing stale, no running indicator."""
    page.wait_for_function(
        """() => !document.querySelector("[data-testid='stSkeleton']")
              && !document.querySelector("[data-stale='true']")
              && !document.querySelector("[data-testid='stStatusWidget']")""",
        timeout=60_000,
    )
    page.wait_for_timeout(700)


def no_exception(page: Page) -> None:
    errors = page.locator("[data-testid='stException']")
    page.wait_for_timeout(300)
    assert errors.count() == 0, errors.first.inner_text()[:2000]


def main_forms(page: Page):
    return page.locator("[data-testid='stMain'] [data-testid='stForm']")


def any_forms(page: Page):
    return page.locator("[data-testid='stForm']")


def test_stp_reports_signs_out_and_the_leader_sees_it(app_url, browser, shots):
    with signed_in(
        browser, app_url, "stp", heading="Nhiệm vụ của đơn vị", size=(1280, 720), timeout=60_000
    ) as page:
        expect(page.get_by_label("Mật khẩu", exact=True)).to_have_count(0)  # one click was enough
        no_exception(page)

        form = main_forms(page).first
        form.get_by_role("textbox", name="Kết quả thực hiện").fill(
            "Đã rà soát, công khai 15 thủ tục (kiểm thử Chromium)"
        )
        form.get_by_role("textbox", name="Khó khăn, vướng mắc").fill("Thiếu biên chế")
        form.get_by_role("textbox", name="Kiến nghị, đề xuất").fill(PROPOSAL)
        form.get_by_role("textbox", name="Số văn bản").fill("31/BC-STP")
        form.get_by_role("button", name="Gửi báo cáo").click()
        expect(page.get_by_text("Đã ghi báo cáo nhiệm vụ")).to_be_visible(timeout=60_000)
        no_exception(page)

        # what was typed is shown as typed: the tags are text, no <b> or <script> was made of it
        page.get_by_text("Các báo cáo trước").click()
        expect(page.get_by_text(PROPOSAL).filter(visible=True).first).to_be_visible()
        assert page.locator("[data-testid='stMain'] b", has_text="in đậm").count() == 0
        assert page.locator("[data-testid='stMain'] script", has_text="alert").count() == 0

        page.get_by_role("button", name="Đăng xuất").click()
        expect(page.get_by_label("Tên đăng nhập")).to_be_visible(timeout=60_000)
        cookie_is(page, present=False)  # the browser drops the sign-in cookie
        page.reload()  # and a reload does not sign in again
        expect(page.get_by_label("Tên đăng nhập")).to_be_visible(timeout=60_000)

        sign_in(page, app_url, "lanhdao")
        expect(page.get_by_role("heading", name="Tổng quan")).to_be_visible(timeout=60_000)
        no_exception(page)
        cookie_is(page, present=True)
        page.goto(f"{app_url}/kien-nghi")
        expect(page.get_by_role("heading", name="Kiến nghị")).to_be_visible(timeout=60_000)
        expect(page.get_by_text(PROPOSAL).filter(visible=True).first).to_be_visible(
            timeout=60_000
        )  # newest first
        no_exception(page)


def test_the_viewer_finds_no_form_anywhere(app_url, browser):
    with signed_in(browser, app_url, "xem", size=(1280, 720), timeout=60_000) as page:
        cookie_is(page, present=True)
        for path in ["", "chi-thi", "don-vi", "chi-tieu", "trinh-chieu"]:
            page.goto(f"{app_url}/{path}")
            expect(
                page.locator("[data-testid='stMain'] [data-testid='stVerticalBlock']").first
            ).to_be_visible(timeout=60_000)
            settled(page)
            expect(page.get_by_label("Tên đăng nhập")).to_have_count(0)  # still signed in
            no_exception(page)
            expect(any_forms(page)).to_have_count(0)  # not even the own-password form, unasked
        for path in ["nhiem-vu", "so-lieu", "kien-nghi", "nhat-ky"]:  # not in a viewer's list
            page.goto(f"{app_url}/{path}")
            page.wait_for_timeout(1500)
            expect(any_forms(page)).to_have_count(0)
            expect(page.get_by_role("heading", name="Nhiệm vụ của đơn vị")).to_have_count(0)
            expect(page.get_by_role("heading", name="Nhật ký")).to_have_count(0)


def test_a_deactivated_users_cookie_no_longer_signs_in(app_url, db_url, browser):
    with signed_in(
        browser, app_url, "hpt", heading="Nhiệm vụ của đơn vị", size=(1280, 720), timeout=60_000
    ) as page:
        cookie_is(page, present=True)
        page.reload()  # the cookie signs in again
        expect(page.get_by_role("heading", name="Nhiệm vụ của đơn vị")).to_be_visible(
            timeout=60_000
        )
        engine = build_engine(db_url)
        with session_scope(engine) as s:
            user = s.exec(select(User).where(User.username == "hpt")).one()
            user.active = False
            s.add(user)
        engine.dispose()
        page.reload()
        expect(page.get_by_label("Tên đăng nhập")).to_be_visible(timeout=60_000)
        expect(page.get_by_role("heading", name="Nhiệm vụ của đơn vị")).to_have_count(0)


# (user, url path, heading); a role's first page lives at the root, not at its own path
SCREENS = [
    ("stp", "", "Nhiệm vụ của đơn vị"),
    ("stp", "so-lieu", "Số liệu"),
    ("vanphong", "nhiem-vu", "Nhiệm vụ của đơn vị"),
    ("vanphong", "nhat-ky", "Nhật ký"),
    ("lanhdao", "kien-nghi", "Kiến nghị"),
    ("xem", "", "Tổng quan"),
]


@pytest.mark.parametrize(("width", "height"), VIEWPORTS)
def test_screens_for_each_role(app_url, browser, shots, width, height):
    """Pictures of the reporting screens for each role, at both sizes, for a human to read."""
    for username, path, heading in SCREENS:
        context = browser.new_context(viewport={"width": width, "height": height})
        page = context.new_page()
        sign_in(page, app_url, username)
        expect(page.locator("[data-testid='stMain'] h1").first).to_be_visible(timeout=60_000)
        cookie_is(page, present=True)
        page.goto(f"{app_url}/{path}")
        expect(page.get_by_role("heading", name=heading, exact=True)).to_be_visible(timeout=60_000)
        settled(page)
        no_exception(page)
        name = path or "home"
        page.screenshot(path=str(shots / f"reporting-{name}-{username}-{width}x{height}.png"))
        context.close()
