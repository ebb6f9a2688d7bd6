"""Helpers shared by the security tests: a demo database per backend for a module, the app
pointed at a database for AppTest, and the sign-in cookie the app asked the browser to write."""

import json
from collections.abc import Iterator

import pytest
from sqlalchemy.engine import Engine
from streamlit.testing.v1 import AppTest

from tests.conftest import ROOT, TEST_COOKIE_SECRET
from tests.e2e.conftest import browser  # noqa: F401  (headless Chromium, for the browser tests)
from tests.services.reporting_db import BACKENDS, demo_database


@pytest.fixture(scope="module", params=BACKENDS)
def demo_db(request, tmp_path_factory) -> Iterator[Engine]:
    """A demo database on each backend, shared by one module's tests."""
    yield from demo_database(request.param, tmp_path_factory)


def point_app_at(url: str, monkeypatch: pytest.MonkeyPatch, **env: str) -> None:
    """The app's settings and caches for the database at `url` (and these variables)."""
    from tests.pages.conftest import clear_process_state, clear_sign_in_waits

    monkeypatch.setenv("DATABASE_URL", url)
    monkeypatch.setenv("COOKIE_SECRET", TEST_COOKIE_SECRET)
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    clear_process_state()
    clear_sign_in_waits(url)


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


def shows_the_form(at: AppTest) -> bool:
    return not at.title and [w.label for w in at.text_input][:2] == ["Tên đăng nhập", "Mật khẩu"]
