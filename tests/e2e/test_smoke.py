"""The leader signs in with one click in a real browser and sees the overview."""

from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from playwright.sync_api import Browser, Page, expect

VIEWPORTS = [(1920, 1080), (1280, 720)]


def sign_in(page: Page, url: str, username: str, password: str = "laichau2021") -> None:
    page.goto(url)
    page.get_by_label("Tên đăng nhập").fill(username)
    page.get_by_label("Mật khẩu").fill(password)
    page.get_by_role("button", name="Đăng nhập").click()  # once


@contextmanager
def signed_in(
    browser: Browser,
    url: str,
    username: str = "lanhdao",
    *,
    heading: str = "Tổng quan",
    size: tuple[int, int] = (1920, 1080),
    timeout: int = 30_000,
    cookie: bool = False,
) -> Iterator[Page]:
    """A fresh browser window of `size`, signed in as `username` through the form and showing
    its first page's `heading`; with `cookie`, once the sign-in cookie is written too."""
    context = browser.new_context(viewport={"width": size[0], "height": size[1]})
    try:
        page = context.new_page()
        sign_in(page, url, username)
        expect(page.get_by_role("heading", name=heading)).to_be_visible(timeout=timeout)
        if cookie:
            wait_for_sign_in_cookie(page)
        yield page
    finally:
        context.close()


def wait_for_sign_in_cookie(page: Page, timeout_s: float = 30) -> None:
    """The sign-in cookie is written by a browser-side component a moment after the page
    shows; a test that opens another URL waits for it, as a person's next click would."""
    for _ in range(int(timeout_s * 4)):
        if any(c["name"] == "cchc_laichau_auth" for c in page.context.cookies()):
            return
        page.wait_for_timeout(250)
    raise AssertionError("the sign-in cookie was never written")


def assert_no_exception(page: Page) -> None:
    """No traceback, and no "Page not found" dialog (a page asked for that the run did not
    list)."""
    expect(page.locator("[data-testid='stException']")).to_have_count(0)
    expect(page.get_by_text("Page not found")).to_have_count(0)


@pytest.mark.parametrize(("width", "height"), VIEWPORTS)
def test_leader_signs_in_once_and_sees_overview(server, browser, shots, width, height):
    with signed_in(browser, server, size=(width, height)) as page:
        expect(page.get_by_text("DỮ LIỆU MINH HỌA")).to_be_visible(timeout=30_000)
        expect(page.get_by_label("Mật khẩu", exact=True)).to_have_count(0)
        expect(page.get_by_test_id("stMetric").first).to_contain_text("Nhiệm vụ", timeout=30_000)
        page.wait_for_timeout(1500)  # let the chart draw before the picture
        assert_no_exception(page)
        page.screenshot(path=str(shots / f"overview-lanhdao-{width}x{height}.png"))

        # a reload keeps the leader signed in (the cookie), and the directive page opens by URL
        wait_for_sign_in_cookie(page)
        page.goto(f"{server}/chi-thi")
        expect(page.get_by_role("heading", name="Chỉ thị", exact=True)).to_be_visible(
            timeout=30_000
        )
        expect(page.get_by_text("Chịu trách nhiệm trực tiếp chỉ đạo").first).to_be_visible(
            timeout=30_000
        )
        assert_no_exception(page)
        page.screenshot(path=str(shots / f"directive-lanhdao-{width}x{height}.png"))


def test_wrong_password_shows_a_message_and_no_page(server, browser):
    context = browser.new_context(viewport={"width": 1280, "height": 720})
    page = context.new_page()
    sign_in(page, server, "lanhdao", "sai-mat-khau")
    expect(page.get_by_text("Tên đăng nhập hoặc mật khẩu không đúng.")).to_be_visible(
        timeout=30_000
    )
    expect(page.get_by_role("heading", name="Tổng quan")).to_have_count(0)
    context.close()
