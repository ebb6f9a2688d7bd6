"""The briefing on a projector: every slide at 1920x1080 and 1280x720, type sized for the
back of the room (text at least 28 px, headline figures at least 72 px), no Streamlit chrome."""

import pytest
from playwright.sync_api import expect

from tests.e2e.test_smoke import assert_no_exception, signed_in

SIZES = """() => ({
  text: [...document.querySelectorAll('.slide-text, .slide td, .slide th, .slide-meta')]
        .map(e => parseFloat(getComputedStyle(e).fontSize)),
  figures: [...document.querySelectorAll('.slide-figure')]
        .map(e => parseFloat(getComputedStyle(e).fontSize)),
  sidebar: document.querySelectorAll('[data-testid="stSidebar"]:not([style*="none"])').length
           && getComputedStyle(document.querySelector('[data-testid="stSidebar"]')).display,
})"""


@pytest.mark.parametrize(("width", "height"), [(1920, 1080), (1280, 720)])
def test_every_slide_is_readable_from_the_back(server, browser, shots, width, height):
    with signed_in(browser, server, size=(width, height), cookie=True) as page:
        page.goto(f"{server}/trinh-chieu")
        seen_figures = False
        for number in range(1, 8):
            meta = page.locator(".slide-meta")
            expect(meta).to_contain_text(f"{number}/7", timeout=30_000)
            expect(meta).to_contain_text("31/12/2022")
            page.wait_for_timeout(500)
            assert_no_exception(page)
            sizes = page.evaluate(SIZES)
            assert sizes["text"], f"slide {number} has no text"
            assert min(sizes["text"]) >= 28, (number, min(sizes["text"]))
            if sizes["figures"]:
                seen_figures = True
                assert min(sizes["figures"]) >= 72, (number, min(sizes["figures"]))
            assert sizes["sidebar"] in (0, "none")
            page.screenshot(path=str(shots / f"slide-{number}-{width}x{height}.png"))
            page.get_by_role("button", name="Tiếp ▶").click()
        expect(page.locator(".slide-meta")).to_contain_text("1/7", timeout=30_000)  # wraps round
        assert seen_figures


def test_a_link_opens_a_given_slide(server, browser):
    with signed_in(browser, server, cookie=True) as page:
        page.goto(f"{server}/trinh-chieu?slide=5")
        expect(page.locator(".slide-meta")).to_contain_text("5/7", timeout=30_000)
        expect(page.locator(".slide-title")).to_have_text("Các chỉ tiêu của Chỉ thị")
