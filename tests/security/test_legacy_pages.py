"""Item 13 of the security review: until a script calls st.navigation, Streamlit runs a file of
pages/ by its own address (its legacy "pages/ directory" mode) and lists every such file in
the sidebar. On a freshly started server, before anyone had signed in, /import_directive ran
that page without app.py's sign-in gate. Now every page file starts with
components.page.guard, and the legacy list is switched off (client.showSidebarNavigation).

Also what held and is kept: a page outside a role's list, opened by its address, falls back
to the role's home page (Chromium), and cannot be switched to (AppTest,
tests/pages/test_import_admin_pages.py)."""

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect
from streamlit.testing.v1 import AppTest

import catalogue
from app import PAGES
from services.core.permissions import ROLE_PAGES
from tests.conftest import ROOT
from tests.e2e.conftest import streamlit_server
from tests.e2e.test_smoke import wait_for_sign_in_cookie
from tests.security.conftest import USERS, settled

FILES = sorted(p.stem for p in (ROOT / "pages").glob("*.py"))
HOME = {"leader": "overview", "secretariat": "overview", "body": "my_tasks", "viewer": "overview"}


def title(key: str) -> str:
    return catalogue.t(f"page.{key}", "vi")


@pytest.fixture
def fresh_server(demo_sqlite_url: str, tmp_path: Path) -> Iterator[str]:
    """A server started for this test: nobody has signed in on it yet, so no script has
    called st.navigation and Streamlit's legacy pages/ mode is on."""
    with streamlit_server(demo_sqlite_url, tmp_path) as url:
        yield url


@pytest.fixture(scope="module")
def server(demo_sqlite_url: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with streamlit_server(demo_sqlite_url, tmp_path_factory.mktemp("roles")) as url:
        yield url


def sign_in_form_only(page: Page, key: str, where: str) -> None:
    expect(page.get_by_label("Tên đăng nhập")).to_be_visible(timeout=60_000)
    settled(page)
    expect(page.get_by_role("heading", name=title(key), exact=True)).to_have_count(0)
    assert page.get_by_test_id("stSidebarNav").count() == 0, f"{where}: a page list"
    links = page.evaluate("() => [...document.querySelectorAll('a[href]')].map(a => a.href)")
    assert not [x for x in links if any(x.endswith("/" + f) for f in FILES)], (where, links)
    expect(page.locator("[data-testid='stException']")).to_have_count(0)


def submit_sign_in(page: Page, username: str) -> None:
    page.get_by_label("Tên đăng nhập").fill(username)
    page.get_by_label("Mật khẩu").fill("laichau2021")
    page.get_by_role("button", name="Đăng nhập").click()


def test_before_anyone_signs_in_every_page_file_address_shows_the_sign_in_form(
    fresh_server: str, browser
) -> None:
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    page = context.new_page()
    for stem in [*FILES, ""]:  # the page files first: the worst would be their content
        page.goto(f"{fresh_server}/{stem}")
        sign_in_form_only(page, stem or "overview", f"/{stem}")
    context.close()


@pytest.mark.parametrize(("stem", "username"), [("admin", "lanhdao"), ("audit", "stp")])
def test_signing_in_at_a_page_file_address_still_checks_the_role(
    fresh_server: str, browser, stem: str, username: str
) -> None:
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    page = context.new_page()
    page.goto(f"{fresh_server}/{stem}")
    expect(page.get_by_label("Tên đăng nhập")).to_be_visible(timeout=60_000)
    submit_sign_in(page, username)
    expect(page.get_by_text(catalogue.t("page.not_allowed", "vi"))).to_be_visible(timeout=60_000)
    settled(page)
    expect(page.get_by_role("heading", name=title(stem), exact=True)).to_have_count(0)
    expect(page.get_by_role("tab")).to_have_count(0)
    context.close()


@pytest.mark.parametrize("role", list(USERS))
def test_a_page_outside_the_roles_list_opened_by_address_falls_back(
    server: str, browser, role: str
) -> None:
    """Once signed in at '/', each address of a page this role may not open, by its page
    address or its file's name, shows the role's home page and nothing of that page."""
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    page = context.new_page()
    page.goto(server)
    submit_sign_in(page, USERS[role])
    home = title(HOME[role])
    expect(page.get_by_role("heading", name=home, exact=True)).to_be_visible(timeout=60_000)
    wait_for_sign_in_cookie(page)
    for key in [k for k in PAGES if k not in ROLE_PAGES[role]]:
        for address in (PAGES[key][1], key):
            page.goto(f"{server}/{address}")
            heading = page.get_by_role("heading", name=home, exact=True)
            expect(heading).to_be_visible(timeout=60_000)
            settled(page)
            expect(page.get_by_role("heading", name=title(key), exact=True)).to_have_count(0)
            expect(page.get_by_label("Tên đăng nhập")).to_have_count(0)
    context.close()


@pytest.mark.parametrize("stem", FILES)
def test_a_page_file_run_on_its_own_shows_only_the_sign_in_form(app_env, stem: str) -> None:
    """AppTest runs the file as Streamlit's legacy mode would: without app.py."""
    at = AppTest.from_file(str(ROOT / "pages" / f"{stem}.py"), default_timeout=60).run()
    assert not at.exception
    assert [x.label for x in at.text_input] == ["Tên đăng nhập", "Mật khẩu"]
    assert not at.title and not at.tabs and not at.dataframe


@pytest.mark.parametrize("stem", FILES)
def test_a_page_file_run_on_its_own_lets_in_only_a_role_that_may_open_it(
    app_env, stem: str
) -> None:
    for role, username in USERS.items():
        at = AppTest.from_file(str(ROOT / "pages" / f"{stem}.py"), default_timeout=60).run()
        at.text_input[0].input(username)
        at.text_input[1].input("laichau2021")
        at.button[0].click().run()
        assert not at.exception, (stem, role, at.exception)
        allowed = stem in ROLE_PAGES[role]
        refused = [e.value for e in at.error if e.value == catalogue.t("page.not_allowed", "vi")]
        assert bool(refused) != allowed, (stem, role)
        if not allowed:
            assert not at.title and not at.tabs and not at.dataframe, (stem, role)


def test_streamlits_own_page_list_is_off() -> None:
    config = Path(ROOT / ".streamlit" / "config.toml").read_text()
    assert "showSidebarNavigation = false" in config
