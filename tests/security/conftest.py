"""Helpers shared by the security tests: a demo database per backend for a module, the app
pointed at a database for AppTest, and the sign-in cookie the app asked the browser to write."""

import json
from collections.abc import Iterator

import pytest
from sqlalchemy.engine import Engine
from streamlit.testing.v1 import AppTest

from tests.conftest import ROOT
from tests.services.reporting_db import BACKENDS, demo_database


@pytest.fixture(autouse=True)
def _fresh_app_state() -> Iterator[None]:
    """Each test starts and ends without another test's settings, engines and caches (a test
    that points the app elsewhere or changes a setting must not leak it)."""
    from tests.pages.conftest import clear_process_state

    clear_process_state()
    yield
    clear_process_state()


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
