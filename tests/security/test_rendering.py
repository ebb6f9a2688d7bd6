"""Item 2 of the security review: what a person typed, a document carried or the URL holds is
never drawn as Markdown or HTML. Every page, as every role that may open it, over a database
whose every text field is hostile (tests/security/hostile.py), with its detail views open and
with a hostile value in every query parameter; then the import preview of a hostile plan, and
the sign-in form given a hostile name. AppTest; the browser's side is test_rendering_browser.
"""

from collections.abc import Iterator

import pytest
from streamlit.testing.v1 import AppTest

import catalogue
from services.core.permissions import ROLE_PAGES
from tests.conftest import ROOT, TEST_COOKIE_SECRET
from tests.pages.conftest import clear_process_state, sign_in
from tests.security.conftest import LINK_PARAMS, USERS, slide_count
from tests.security.hostile import Hostile, build, payload, plan_text
from tests.security.rendering_check import shown_markers, violations

BASE = "http://127.0.0.1:9"  # never contacted: AppTest draws nothing
PER_DIRECTIVE = {"overview", "directive", "body", "targets", "briefing"}


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Hostile:
    return build(f"sqlite:///{tmp_path_factory.mktemp('hostile') / 'hostile.db'}", BASE)


@pytest.fixture
def app(hostile: Hostile, monkeypatch: pytest.MonkeyPatch) -> Iterator[Hostile]:
    monkeypatch.setenv("DATABASE_URL", hostile.url)
    monkeypatch.setenv("COOKIE_SECRET", TEST_COOKIE_SECRET)
    clear_process_state()
    yield hostile
    clear_process_state()


def states(page: str, role: str, h: Hostile, directive: int) -> list[tuple[str, dict, dict]]:
    """(name, query parameters, session state) of the views of `page` worth opening."""
    views: list[tuple[str, dict, dict]] = [("default", {}, {})]
    if page == "overview":
        lists = ["overdue", "stuck", "proposals", "not_reported", "areas", "trend", "scorecard"]
        views = [(f"list {x}", {}, {"ov_list": x}) for x in lists]
    elif page == "directive":
        task = {"task": h.task_label, "assignment": str(h.assignment_id)} if directive == 1 else {}
        views += [("task", task or {"task": "1.1"}, {})]
    elif page == "body":
        views += [("hostile body", {"org": h.org_code}, {})]
    elif page == "targets":
        code = h.target_code if directive == 1 else h.imported_target_code
        views += [("hostile target", {"target": code}, {})]
    elif page == "briefing":
        details = ["section:1", f"body:{h.org_code}"]
        # the first slide of each; the test opens the rest, as many as the counter says
        views = [(f"slide 1 {d}", {}, {"slide": 0, "br_detail": d}) for d in details]
    elif page == "proposals":
        views += [("hostile proposal", {}, {"pp_choice": h.waiting_id})]
    elif page == "my_tasks":
        chosen = {f"mt_choice_{h.org_id}": h.assignment_id}
        views = [("hostile task", {}, chosen | ({"mt_body": h.org_id} if role != "body" else {}))]
    elif page == "figures":
        chosen = {f"fg_target_{h.org_id}": h.figure_target_id}
        views = [("hostile figure", {}, chosen | ({"fg_body": h.org_id} if role != "body" else {}))]
    elif page == "admin":
        pick = {"adm_user_pick": "stp", "adm_directive": directive, "adm_task_pick": h.task_id}
        tabs = [f"adm.tab_{tab}" for tab in ("bodies", "users", "directives", "periods", "backup")]
        # only the open tab runs: each one opened in turn
        views = [(f"hostile picks, {tab}", {}, pick | {"tab": catalogue.t(tab)}) for tab in tabs]
    hostile_link = {name: payload("link", h.base) for name in LINK_PARAMS}
    return [*views, ("hostile link", hostile_link, {})]


def open_view(at: AppTest, page: str, query: dict, state: dict) -> AppTest:
    at.query_params = dict(query)
    for key, value in state.items():
        at.session_state[key] = value
    at.switch_page(f"pages/{page}.py").run()
    return at


@pytest.mark.parametrize("role", list(USERS))
def test_no_page_draws_hostile_text_as_markup(app: Hostile, role: str) -> None:
    at = sign_in(USERS[role])
    assert not at.exception
    problems: list[str] = violations(at, f"{role} home", app.base)
    seen = shown_markers(at)
    for page in ROLE_PAGES[role]:
        for directive in (1, app.imported_directive_id) if page in PER_DIRECTIVE else (1,):
            at.session_state["f_directive"] = directive
            for name, query, state in states(page, role, app, directive):
                where = f"{role} {page} (directive {directive}, {name})"
                open_view(at, page, query, state)
                assert not at.exception, f"{where}: {at.exception}"
                problems += violations(at, where, app.base)
                seen |= shown_markers(at)
                if page == "briefing" and state.get("slide") == 0:
                    total = slide_count(at)
                    assert total >= 7, where
                    for n in range(1, total):
                        open_view(at, page, query, state | {"slide": n})
                        assert not at.exception, f"{where}, slide {n + 1}: {at.exception}"
                        problems += violations(at, f"{where}, slide {n + 1}", app.base)
                        seen |= shown_markers(at)
    assert not problems, "\n".join(problems)
    if role == "secretariat":  # sees every page: every hostile field was on screen somewhere
        missing = app.markers - seen - {"ZQimppreamble"}  # only in the import preview
        assert not missing, sorted(missing)


def test_the_import_preview_draws_a_hostile_plan_as_written(app: Hostile) -> None:
    at = sign_in("vanphong")
    at.switch_page("pages/import_directive.py").run()
    at.text_area[0].input(plan_text(app.base))
    next(b for b in at.button if b.key == "imp_read_paste").click().run()
    assert not at.exception
    at.session_state["imp_source"] = payload("filename", app.base)  # an uploaded file's name
    at.run()
    assert not at.exception
    problems = violations(at, "import preview", app.base)
    assert not problems, "\n".join(problems)
    seen = shown_markers(at)
    assert {"ZQimptitle", "ZQimppreamble", "ZQimpheading", "ZQimptask", "ZQfilename"} <= seen


def test_a_hostile_name_at_the_sign_in_form_is_not_drawn_as_markup(app: Hostile) -> None:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.run()
    at.text_input[0].input(payload("login", app.base, 60))
    at.text_input[1].input("not the password")
    at.button[0].click()
    at.run()
    assert not at.exception
    assert at.error, "a refused sign-in says so"
    problems = violations(at, "sign-in", app.base)
    assert not problems, "\n".join(problems)
