"""The briefing on a projector: every slide at 1024x768, 1280x720 and 1920x1080, type sized for
the back of the room (text at least 28 px, headline figures at least 72 px), no Streamlit
chrome, and nothing running off the slide: a long list continues on the next slide."""

import re

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
# Where the slide and its last piece of content end, the page scrolled to the top (Streamlit
# scrolls its own container, not the window, to keep the clicked button in view), against the
# window's height; and how far right anything reaches.
FIT = """() => {
  for (const e of document.querySelectorAll('*')) { if (e.scrollTop) e.scrollTop = 0; }
  window.scrollTo(0, 0);
  const slide = document.querySelector('.slide');
  const inner = [...slide.querySelectorAll('*')].map(e => e.getBoundingClientRect().bottom);
  return {
    slide: slide.getBoundingClientRect().bottom,
    content: Math.max(...inner),
    right: Math.max(...[...slide.querySelectorAll('*')].map(e => e.getBoundingClientRect().right)),
    width: window.innerWidth,
    height: window.innerHeight,
    rows: slide.querySelectorAll('tbody tr').length,
  };
}"""
COUNTER = re.compile(r"(\d+)/(\d+)$")


def counter(page) -> tuple[int, int]:
    found = COUNTER.search(page.locator(".slide-meta").inner_text().strip())
    assert found, page.locator(".slide-meta").inner_text()
    return int(found.group(1)), int(found.group(2))


@pytest.mark.parametrize(("width", "height"), [(1024, 768), (1280, 720), (1920, 1080)])
def test_every_slide_is_readable_from_the_back_and_fits(server, browser, shots, width, height):
    with signed_in(browser, server, size=(width, height), cookie=True) as page:
        page.goto(f"{server}/trinh-chieu")
        expect(page.locator(".slide-meta")).to_contain_text("1/", timeout=30_000)
        _, total = counter(page)
        assert total >= 7  # every kind of slide, and more when a list needs them
        seen_figures = False
        titles, overflows = [], []
        measured = ["slide\tbottom px\trows\ttitle"]
        for number in range(1, total + 1):
            meta = page.locator(".slide-meta")
            expect(meta).to_contain_text(f"{number}/{total}", timeout=30_000)
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
            fit = page.evaluate(FIT)
            page.screenshot(path=str(shots / f"slide-{number}-{width}x{height}.png"))
            measured.append(
                f"{number}\t{fit['slide']:.0f}\t{fit['rows']}\t{page.locator('.slide-title').inner_text()}"
            )
            # nothing spills out of the frame, and the frame is on the screen
            if not (
                fit["content"] <= fit["slide"] + 1
                and fit["slide"] <= fit["height"]
                and fit["right"] <= fit["width"]
            ):
                overflows.append((number, page.locator(".slide-title").inner_text(), fit))
            titles.append(page.locator(".slide-title").inner_text())
            page.get_by_role("button", name="Tiếp ▶").click()
        expect(page.locator(".slide-meta")).to_contain_text(f"1/{total}", timeout=30_000)  # wraps
        (shots / f"briefing-fit-{width}x{height}.tsv").write_text("\n".join(measured) + "\n")
        assert not overflows, "\n".join(
            f"slide {n} {title!r}: frame ends at {fit['slide']:.0f} px, content at "
            f"{fit['content']:.0f} px, right edge {fit['right']:.0f} px in {width}x{height}"
            for n, title, fit in overflows
        )
        assert seen_figures
        assert "Các chỉ tiêu của Chỉ thị" in titles
        # a continuation follows the slide it continues
        for i, title in enumerate(titles):
            if title.endswith("(tiếp theo)"):
                assert titles[i - 1].startswith(title.removesuffix(" (tiếp theo)")), titles


def test_a_link_opens_a_given_slide(server, browser):
    with signed_in(browser, server, cookie=True) as page:
        page.goto(f"{server}/trinh-chieu?slide=2")
        expect(page.locator(".slide-meta")).to_contain_text("2/", timeout=30_000)
        expect(page.locator(".slide-title")).to_have_text("Tiến độ theo mục của Chỉ thị")
        _, total = counter(page)
        page.goto(f"{server}/trinh-chieu?slide={total}")
        expect(page.locator(".slide-meta")).to_contain_text(f"{total}/{total}", timeout=30_000)
        expect(page.locator(".slide-title")).to_contain_text("Chi tiết:")
