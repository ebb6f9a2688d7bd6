"""Fixtures of the security tests (the browser is tests/conftest.py's): a demo database per
backend for a module, the app pointed at a database for AppTest, the sign-in cookie the app
asked the browser to write, a local HTTP server that records every request made to it, and
waiting for a page to be drawn."""

import json
import re
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from playwright.sync_api import Page
from sqlalchemy.engine import Engine
from streamlit.testing.v1 import AppTest

from tests.conftest import ROOT
from tests.pages.conftest import (
    app_env,  # noqa: F401  (the demo database, for AppTest)
)
from tests.services.reporting_db import BACKENDS, demo_database


@pytest.fixture(autouse=True)
def _fresh_app_state() -> Iterator[None]:
    """Each test starts and ends without another test's settings, engines and caches (a test
    that points the app elsewhere or changes a setting must not leak it)."""
    from tests.pages.conftest import clear_process_state

    clear_process_state()
    yield
    clear_process_state()


# One demo account of each role, and every query parameter any page reads plus one none does.
USERS = {"leader": "lanhdao", "secretariat": "vanphong", "body": "stp", "viewer": "xem"}
LINK_PARAMS = ["org", "task", "section", "target", "assignment", "slide", "tab", "zq"]


class Recorder:
    """A web server on 127.0.0.1 that answers 404 to everything and remembers each request."""

    def __init__(self) -> None:
        self.requests: list[str] = []
        recorder = self

        class Handler(BaseHTTPRequestHandler):
            def _record(self) -> None:
                recorder.requests.append(f"{self.command} {self.path}")
                self.send_response(404)
                self.end_headers()

            do_GET = do_POST = do_HEAD = do_OPTIONS = _record

            def log_message(self, *args: object) -> None:
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()


@pytest.fixture(scope="module")
def recorder() -> Iterator[Recorder]:
    r = Recorder()
    yield r
    r.close()


def settled(page: Page) -> None:
    """Wait until the script run is over: no skeleton, nothing stale, no running indicator;
    then a moment for pictures a page might ask for."""
    page.wait_for_function(
        """() => !document.querySelector("[data-testid='stSkeleton']")
              && !document.querySelector("[data-stale='true']")
              && !document.querySelector("[data-testid='stStatusWidget']")""",
        timeout=60_000,
    )
    page.wait_for_timeout(600)


@pytest.fixture(scope="module", params=BACKENDS)
def demo_db(request, tmp_path_factory) -> Iterator[Engine]:
    """A demo database on each backend, shared by one module's tests."""
    yield from demo_database(request.param, tmp_path_factory)


def engine_url(engine: Engine) -> str:
    return engine.url.render_as_string(hide_password=False)


def written_cookie(at: AppTest) -> tuple[str, dict] | None:
    """(value, options) of the sign-in cookie this run asked the browser to write, if any: the
    arguments of the cookie manager's "set" component, exactly as the browser receives them."""

    def walk(node):
        children = getattr(node, "children", None)
        for child in children.values() if isinstance(children, dict) else []:
            yield child
            yield from walk(child)

    for element in walk(at._tree):
        if getattr(element, "type", "") != "component_instance":
            continue
        args = json.loads(element.proto.json_args or "{}")
        if args.get("method") == "set":
            return args["value"], args.get("options", {})
    return None


def open_with_cookie(monkeypatch: pytest.MonkeyPatch, token: str | None) -> AppTest:
    """A new browser session that sends this sign-in cookie (a copied cookie), run once."""
    from components import auth
    from config import get_settings

    name = get_settings().cookie_name
    monkeypatch.setattr(auth, "_browser_cookies", lambda: {name: token} if token else {})
    return AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run()


def change_own_password(at: AppTest, current: str, new: str) -> AppTest:
    """Open the sidebar's own-password form and submit it."""
    at.button(key="pw_toggle").click().run()
    current_box, new_box, repeat_box = at.sidebar.text_input[:3]
    current_box.input(current)
    new_box.input(new)
    repeat_box.input(new)
    next(b for b in at.button if b.label == "Lưu mật khẩu mới").click().run()
    return at


def shows_the_form(at: AppTest) -> bool:
    return not at.title and [w.label for w in at.text_input][:2] == ["Tên đăng nhập", "Mật khẩu"]


def slide_count(at: AppTest) -> int:
    """The briefing's number of slides, from its counter "**n/total**" (lists make more)."""
    found = [re.fullmatch(r"\*\*\d+/(\d+)\*\*", m.value) for m in at.markdown]
    return int(next(m for m in found if m).group(1))
