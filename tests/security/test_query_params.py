"""Item 12 of the security review: a query string is typed by anyone. '?section=²',
'?assignment=²' and '?slide=²' showed a ValueError with the server's paths. Now every query
parameter of every page, given garbage, gets at most one Vietnamese sentence that quotes it
(short, escaped) while the page shows its default, and no visitor ever sees a traceback:
client.showErrorDetails is "none" (checked in a real browser on a page that fails)."""

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

import catalogue
from app import PAGES
from render.fmt import shorten
from services.core.permissions import ROLE_PAGES
from tests.e2e.conftest import streamlit_server
from tests.markdown_text import shown
from tests.pages.conftest import sign_in
from tests.security.conftest import LINK_PARAMS, slide_count

GARBAGE = ["²", "-1", str(10**30), "", "abc", "1; DROP TABLE task; --", "' OR '1'='1", "1e3"]
# The parameters a page reads, the catalogue key of its sentence, and how the page reads it.
READS = {
    "body": {"org": ("body.unknown", str.upper)},
    "targets": {"target": ("tgp.unknown", str.upper)},
    "directive": {
        "task": ("dir.no_task", str),
        "section": ("dir.no_section", str),
        "assignment": ("dir.no_assignment", str),  # with a task: the grid it belongs to
    },
    "briefing": {"slide": ("br.no_slide", str)},
}


def _who_may_open(page: str) -> str:
    return next(
        user
        for role, user in [("secretariat", "vanphong"), ("leader", "lanhdao")]
        if page in ROLE_PAGES[role]
    )


def expected(key: str, value: str, at: AppTest) -> str:
    # the briefing names its number of slides, which the lists decide
    total = slide_count(at) if key == "br.no_slide" else 0
    return catalogue.t(key, "vi", value=shorten(value, 40), total=total)


@pytest.mark.parametrize("page", list(PAGES))
def test_garbage_in_every_query_parameter_gets_one_sentence_and_the_default(app_env, page):
    at = sign_in(_who_may_open(page))
    at.switch_page(PAGES[page][0]).run()
    standing = [w.value for w in at.warning]  # what the page says without a link
    for name in LINK_PARAMS:
        for value in GARBAGE:
            query = {name: value}
            if page == "directive" and name == "assignment":
                query["task"] = "1.1"
            at.query_params = query
            if "slide" in at.session_state:
                del at.session_state["slide"]  # the link is read when the briefing opens
            at.switch_page(PAGES[page][0]).run()
            where = f"{page}?{query}"
            assert not at.exception, f"{where}: {at.exception}"
            warnings = [shown(w.value) for w in at.warning if w.value not in standing]
            read = READS.get(page, {}).get(name)
            if read and value.strip():
                key, how = read
                assert warnings == [expected(key, how(value.strip()), at)], where
            else:
                assert warnings == [], where
            assert at.title or at.markdown, f"{where}: the page shows its default"


def test_a_failing_page_shows_no_traceback_message_or_path(tmp_path: Path, browser) -> None:
    """.streamlit/config.toml's showErrorDetails: a page that raises shows Streamlit's generic
    line; the exception's message, its type, the traceback and the server's paths stay in
    the server's log."""
    script = tmp_path / "boom.py"
    secret = "/srv/secret/path/cchc.db is locked"
    script.write_text(f"raise ValueError({secret!r})\n")
    with streamlit_server("sqlite://", tmp_path, script=script) as url:
        page = browser.new_page()
        page.goto(url)
        error = page.locator("[data-testid='stException']")
        error.wait_for(timeout=60_000)
        shown_text = page.locator("body").inner_text()
        page.close()
    assert secret not in shown_text
    for leak in ("ValueError", "Traceback", 'File "', str(tmp_path), str(Path.cwd())):
        assert leak not in shown_text, leak
