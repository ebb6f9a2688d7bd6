"""Item 6 in a real browser against a real server (COOKIE_SECURE=true): the cookie Chromium
stores is Secure and SameSite=Strict; a second browser given a copy of it is signed in until
the first signs out, and then, open or reloaded, it shows the sign-in form."""

import sqlite3
from contextlib import closing

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.conftest import streamlit_server
from tests.e2e.test_smoke import sign_in

COOKIE = "cchc_laichau_auth"


@pytest.fixture(scope="module")
def secure_server(demo_sqlite_url, tmp_path_factory):
    source = demo_sqlite_url.removeprefix("sqlite:///")
    copy = tmp_path_factory.mktemp("sessions_browser") / "demo.db"
    with closing(sqlite3.connect(source)) as src, closing(sqlite3.connect(copy)) as dst:
        src.backup(dst)
    with streamlit_server(
        f"sqlite:///{copy}", tmp_path_factory.mktemp("secure_server"), COOKIE_SECURE="true"
    ) as url:
        yield url


def _sign_in_cookie(page: Page) -> dict:
    for _ in range(120):
        found = [c for c in page.context.cookies() if c["name"] == COOKIE]
        if found:
            return found[0]
        page.wait_for_timeout(250)
    raise AssertionError("the sign-in cookie was never written")


def _signed_in(page: Page) -> None:
    expect(page.get_by_role("heading", name="Tổng quan")).to_be_visible(timeout=30_000)


def _form(page: Page, username: str = "Tên đăng nhập") -> None:
    expect(page.get_by_label(username)).to_be_visible(timeout=30_000)
    expect(page.get_by_role("heading", name="Tổng quan")).to_have_count(0)
    expect(page.get_by_role("heading", name="Overview")).to_have_count(0)


def test_a_copied_cookie_dies_with_the_sign_out(secure_server, browser):
    first = browser.new_context(viewport={"width": 1280, "height": 800})
    page = first.new_page()
    sign_in(page, secure_server, "lanhdao")
    _signed_in(page)
    cookie = _sign_in_cookie(page)
    assert cookie["secure"] is True
    assert cookie["sameSite"] == "Strict"

    second = browser.new_context(viewport={"width": 1280, "height": 800})
    second.add_cookies([cookie])  # someone copied it
    other = second.new_page()
    other.goto(secure_server)
    _signed_in(other)  # the copy works while the sign-in lasts

    page.get_by_role("button", name="Đăng xuất").click()
    _form(page)

    # the second browser's open session ends on its next run (any click; this one also
    # switches the language, so the form it falls back to is in English) ...
    other.get_by_text("English").click()
    _form(other, "Username")
    # ... and the copied cookie no longer signs anyone in
    third = browser.new_context()
    third.add_cookies([cookie])
    again = third.new_page()
    again.goto(secure_server)
    _form(again)
    for context in (first, second, third):
        context.close()
