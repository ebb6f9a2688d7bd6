"""Every page a leader has, in Chromium at two sizes: no exception, a screenshot each, the
overview's answers on one 1920x1080 screen, and one click from the scorecard to a body."""

import pytest
from playwright.sync_api import Locator, expect

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


def shown(select_box: Locator) -> Locator:
    """A select box's field, whose value is the label it shows."""
    return select_box.get_by_role("combobox")


def test_switching_to_english_relabels_the_choices_already_made(server, browser, shots):
    """The sidebar's filters, one chosen and one left at "every one", say their choice in
    English after the switch (Streamlit alone keeps the old language's label of a choice that
    did not change), and the overview still filters by the chosen area."""
    with signed_in(browser, server, size=(1280, 900)) as page:
        sidebar = page.get_by_test_id("stSidebar")
        area = sidebar.get_by_test_id("stSelectbox").filter(has_text="Lĩnh vực CCHC")
        kind = sidebar.get_by_test_id("stSelectbox").filter(has_text="Loại đơn vị")
        expect(shown(kind)).to_have_value("Tất cả", timeout=30_000)
        shown(area).click()
        page.get_by_role("option", name="Cải cách TTHC", exact=True).click()
        expect(shown(area)).to_have_value("Cải cách TTHC", timeout=30_000)
        page.wait_for_timeout(1500)  # the run the choice starts
        sidebar.get_by_text("English", exact=True).click()
        expect(page.get_by_role("heading", name="Overview")).to_be_visible(timeout=30_000)
        area = sidebar.get_by_test_id("stSelectbox").filter(has_text="Reform area")
        kind = sidebar.get_by_test_id("stSelectbox").filter(has_text="Kind of body")
        expect(shown(area)).to_have_value("Administrative procedures", timeout=30_000)
        expect(shown(kind)).to_have_value("All")
        page.wait_for_timeout(1500)
        assert_no_exception(page)
        page.screenshot(path=str(shots / "overview-english-after-switch.png"))
