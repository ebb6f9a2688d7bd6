"""In Chromium: a leader answers a body's proposal; the body, signing in, sees the answer at the
top of its landing page and the unread count beside Thông báo, opens it, and the count drops.
Screenshots of the Thông báo page for the README."""

import re
from datetime import date

import pytest
from playwright.sync_api import Page, expect
from sqlmodel import select

from models import Assignment, DirectionNote, ProgressReport, User, session_scope
from models.db import build_engine
from services.notices import generate
from tests.conftest import demo_sqlite
from tests.e2e.conftest import streamlit_server
from tests.e2e.test_reporting_browser import cookie_is, settled, sign_in

ANSWER = "Giao Sở Tài chính bố trí kinh phí trong quý I/2023 <b>ngay</b>"


@pytest.fixture(scope="module")
def db_url(tmp_path_factory) -> str:
    url = demo_sqlite(tmp_path_factory.mktemp("e2e_notices"))
    engine = build_engine(url)
    with session_scope(engine) as s:  # what a run of manage.py notify on 07/01/2023 makes
        generate.generate(s, date(2023, 1, 7))
    engine.dispose()
    return url


def unread(page: Page) -> int:
    link = page.locator("[data-testid='stSidebar'] a", has_text="Thông báo").first
    expect(link).to_be_visible(timeout=30_000)
    m = re.search(r"\((\d+)\)", link.inner_text())
    return int(m.group(1)) if m else 0


def test_a_body_sees_the_leaders_answer_first_opens_it_and_the_count_drops(
    db_url, browser, shots, tmp_path
):
    with streamlit_server(db_url, tmp_path) as url:
        leader = browser.new_page(viewport={"width": 1400, "height": 900})
        sign_in(leader, url, "lanhdao")
        settled(leader)
        cookie_is(leader, present=True)  # the next page is opened by its address
        leader.goto(f"{url}/kien-nghi")
        settled(leader)
        leader.locator("[data-testid='stMain'] textarea").first.fill(ANSWER)
        leader.get_by_role("button", name="Gửi ý kiến chỉ đạo").click()
        expect(leader.get_by_text("Đã gửi ý kiến chỉ đạo")).to_be_visible(timeout=30_000)
        leader.close()

        engine = build_engine(db_url)
        with session_scope(engine) as s:
            note = s.exec(select(DirectionNote).where(DirectionNote.text == ANSWER)).one()
            a = s.get(Assignment, s.get(ProgressReport, note.report_id).assignment_id)
            username = s.exec(
                select(User.username).where(User.organization_id == a.organization_id)
            ).first()
        engine.dispose()

        page = browser.new_page(viewport={"width": 1400, "height": 900})
        sign_in(page, url, username)
        settled(page)
        main = page.locator("[data-testid='stMain']")
        expect(main.get_by_text("Mới: chỉ đạo và trả lời kiến nghị")).to_be_visible()
        answer = main.get_by_text(ANSWER, exact=False).first
        expect(answer).to_be_visible()  # as typed: the <b> shown, not bold
        heading_y = main.get_by_text("Mới: chỉ đạo và trả lời kiến nghị").bounding_box()["y"]
        table = main.locator("[data-testid='stDataFrame']").first
        expect(table).to_be_visible(timeout=30_000)
        table_y = table.bounding_box()["y"]
        assert heading_y < table_y  # before the task list
        before = unread(page)
        assert before >= 2
        page.screenshot(path=str(shots / "notices-landing.png"))

        cookie_is(page, present=True)
        page.goto(f"{url}/thong-bao")
        settled(page)
        expect(page.get_by_role("heading", name="Thông báo")).to_be_visible()
        page.screenshot(path=str(shots / "notices-page.png"), full_page=False)
        page.get_by_role("button", name="Mở").first.click()
        page.wait_for_url(re.compile(r"/chi-thi\?.*assignment="), timeout=30_000)
        settled(page)
        expected = f"Thông báo ({before - 1})" if before > 1 else "Thông báo"
        expect(
            page.locator("[data-testid='stSidebar'] a", has_text="Thông báo").first
        ).to_have_text(re.compile(rf"{re.escape(expected)}$"), timeout=30_000)
