"""Item 2 in a real browser: with every text field of the database pointing pictures and links
at a local web server that records each request (tests/security/hostile.py), every page is
opened as every role, with its detail views, the import preview of a hostile plan and a
hostile value in every query parameter. Not one request reaches that server, and no link to
it is on any page.

(Before the fix, Chromium fetched the pictures of a report's result on Đơn vị, of task texts
and body names on Chỉ thị, of a query parameter echoed in a warning, and more.)
"""

from collections.abc import Iterator
from urllib.parse import urlencode

import pytest
from playwright.sync_api import Page, expect

from app import PAGES
from services.core.permissions import ROLE_PAGES
from tests.e2e.conftest import streamlit_server
from tests.e2e.test_smoke import sign_in, wait_for_sign_in_cookie
from tests.security.conftest import LINK_PARAMS, USERS, Recorder, settled
from tests.security.hostile import Hostile, build, payload, plan_text


@pytest.fixture(scope="module")
def hostile(recorder: Recorder, tmp_path_factory: pytest.TempPathFactory) -> Hostile:
    url = f"sqlite:///{tmp_path_factory.mktemp('hostile_browser') / 'hostile.db'}"
    return build(url, recorder.url)


@pytest.fixture(scope="module")
def app_url(hostile: Hostile, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with streamlit_server(hostile.url, tmp_path_factory.mktemp("server_hostile")) as url:
        yield url


def views(page: str, h: Hostile) -> list[dict]:
    """The query strings of `page` worth opening: its default, its detail, a hostile link."""
    detail = {
        "directive": {"task": h.task_label, "assignment": h.assignment_id},
        "body": {"org": h.org_code},
        "targets": {"target": h.target_code},
    }.get(page)
    hostile_link = {name: payload("link", h.base) for name in LINK_PARAMS}
    return [{}, *([detail] if detail else []), hostile_link]


def no_link_out(page: Page, h: Hostile, where: str) -> None:
    """No link or picture on the page points at the outside server, but the button that opens
    a report's evidence link (a link by design: http or https, checked on entry)."""
    out = page.evaluate(
        """([base, evidence]) => [...document.querySelectorAll('a[href], [src]')]
            .filter(e => !(e.closest('[data-testid="stLinkButton"]')
                           && e.getAttribute('href') === evidence))
            .map(e => e.getAttribute('href') || e.getAttribute('src'))
            .filter(u => u && u.startsWith(base))""",
        [h.base, h.evidence_link],
    )
    assert not out, f"{where}: {out}"


def no_exception(page: Page, where: str) -> None:
    errors = page.locator("[data-testid='stException']")
    assert errors.count() == 0, f"{where}: {errors.first.inner_text()[:500]}"


def choose(page: Page, label: str, text: str) -> None:
    """Pick the option of the select box `label` that contains `text`."""
    page.get_by_test_id("stSelectbox").filter(has_text=label).first.click()
    page.keyboard.type(text)
    page.get_by_role("option").filter(has_text=text).first.click()
    settled(page)


def interact(page: Page, key: str, role: str, h: Hostile, url: str) -> None:
    """The detail views that need a click: the hostile task, proposal, account; every tab;
    every slide; the import preview."""
    if key == "overview":  # the section chart's tooltips name each section
        chart = page.get_by_test_id("stVegaLiteChart").first
        box = chart.bounding_box()
        tips = []
        for i in range(1, 30):
            page.mouse.move(box["x"] + box["width"] * 0.6, box["y"] + box["height"] * i / 40)
            page.wait_for_timeout(150)
            tip = page.locator("#vg-tooltip-element")
            tips += [tip.inner_text()] if tip.count() else []
        assert any("ZQheading ![" in tip for tip in tips), tips  # as written
    elif key == "my_tasks":
        if role != "body":
            choose(page, "Đơn vị", "STP —")
        choose(page, "Chọn nhiệm vụ", h.task_label + " ·")
        for expander in page.get_by_test_id("stExpander").all():
            expander.click()
        settled(page)
    elif key == "proposals":
        choose(page, "Chọn kiến nghị", "ZQwaiting")
        page.get_by_role("tab").nth(1).click()
        settled(page)
    elif key == "admin":
        for tab in page.get_by_role("tab").all():
            tab.click()
            settled(page)
        page.get_by_role("tab").nth(1).click()
        choose(page, "Tài khoản", "stp —")
    elif key == "briefing":  # every slide, as many as the counter "n/total" says
        meta = page.locator(".slide-meta").inner_text().strip()
        for _ in range(int(meta.rsplit("/", 1)[1])):
            page.get_by_role("button", name="Tiếp ▶").click()
            settled(page)
    elif key == "import_directive":
        page.get_by_role("tab", name="Dán văn bản").click()
        page.get_by_role("textbox", name="Dán toàn văn văn bản vào đây").fill(plan_text(h.base))
        page.locator(".st-key-imp_read_paste button").click()
        settled(page)
        expect(page.get_by_role("heading", name="Bản xem trước")).to_be_visible(timeout=30_000)
        page.get_by_test_id("stExpander").filter(has_text="Toàn văn").first.click()
        settled(page)


@pytest.mark.parametrize("role", list(USERS))
def test_no_page_fetches_or_links_what_people_typed(
    app_url: str, hostile: Hostile, recorder: Recorder, browser, role: str
) -> None:
    context = browser.new_context(viewport={"width": 1600, "height": 1000})
    page = context.new_page()
    sign_in(page, app_url, USERS[role])
    expect(page.get_by_label("Mật khẩu", exact=True)).to_have_count(0, timeout=60_000)
    wait_for_sign_in_cookie(page)
    settled(page)
    for key in ROLE_PAGES[role]:
        for query in views(key, hostile):
            url = f"{app_url}/{PAGES[key][1]}" + (f"?{urlencode(query)}" if query else "")
            page.goto(url)
            settled(page)
            no_exception(page, f"{role} {url}")
            if not query:
                interact(page, key, role, hostile, url)
            no_link_out(page, hostile, f"{role} {url}")
            assert not recorder.requests, f"{role} {url}: {recorder.requests}"
    context.close()
    assert not recorder.requests, recorder.requests
