"""Every page a leader has, in Chromium at two sizes: no exception, a screenshot each, the
overview's answers on one 1920x1080 screen, and one click from the scorecard to a body."""

import pytest
from playwright.sync_api import expect

from tests.e2e.test_smoke import assert_no_exception, signed_in

LEADER_PAGES = [
    ("tong-quan", "Tổng quan"),
    ("chi-thi", "Chỉ thị"),
    ("don-vi", "Đơn vị"),
    ("chi-tieu", "Chỉ tiêu"),
    ("kien-nghi", "Kiến nghị"),
    ("trinh-chieu", None),  # full-screen slides: no page heading
]


@pytest.mark.parametrize(("width", "height"), [(1920, 1080), (1280, 720)])
def test_every_leader_page_renders(server, browser, shots, width, height):
    with signed_in(browser, server, size=(width, height), cookie=True) as page:
        for path, title in LEADER_PAGES:
            page.goto(f"{server}/{path}")
            if title is None:  # the briefing: full-screen slides instead of a page heading
                expect(page.locator(".slide-title")).to_be_visible(timeout=30_000)
            else:
                expect(page.get_by_role("heading", name=title, exact=True)).to_be_visible(
                    timeout=30_000
                )
            page.wait_for_timeout(1500)
            assert_no_exception(page)
            page.screenshot(path=str(shots / f"leader-{path}-{width}x{height}.png"))


def test_overview_answers_fit_one_screen_at_1920(server, browser):
    with signed_in(browser, server) as page:
        page.wait_for_timeout(2000)
        must_show = [
            page.get_by_test_id("stMetric").first,
            page.get_by_test_id("stMetric").last,
            page.get_by_test_id("stVegaLiteChart").first,
            page.get_by_role("heading", name="Đơn vị chậm nhất"),
            page.get_by_test_id("stDataFrame").nth(0),
            page.get_by_role("heading", name="Chỉ tiêu", exact=True),
            page.get_by_test_id("stDataFrame").nth(1),
        ]
        for locator in must_show:
            expect(locator).to_be_visible(timeout=30_000)
            box = locator.bounding_box()
            assert box is not None
            assert box["y"] + min(box["height"], 120) <= 1080, locator


def test_one_click_on_the_scorecard_opens_the_body(server, browser):
    with signed_in(browser, server) as page:
        grid = page.get_by_test_id("stDataFrame").nth(0)
        expect(grid).to_be_visible(timeout=30_000)
        page.wait_for_timeout(1500)
        box = grid.bounding_box()
        page.mouse.click(box["x"] + 14, box["y"] + 35 + 17)  # the first row's selection box
        expect(page.get_by_role("heading", name="Đơn vị", exact=True)).to_be_visible(timeout=30_000)
        assert "org=" in page.url
        expect(page.get_by_text("Xếp thứ")).to_be_visible()
        assert_no_exception(page)
