import os
from collections.abc import Iterator

import pytest
from sqlalchemy.engine import Engine
from streamlit.testing.v1 import AppTest

from tests.conftest import ROOT, TEST_COOKIE_SECRET, demo_sqlite


def clear_sign_in_waits(url: str) -> None:
    """Forget every sign-in wait of the database at `url`: the tests sign in from one address
    (AppTest has none), so one test's wrong passwords would make the next one wait."""
    from sqlmodel import delete

    from models import SignInThrottle, session_scope
    from models.db import build_engine

    engine = build_engine(url)
    with session_scope(engine) as s:
        s.exec(delete(SignInThrottle))
    engine.dispose()


def clear_process_state() -> None:
    """Forget what outlives a run in this process: settings, engines, cached loaders (the
    sign-in credentials and the shared overview view among them)."""
    from components import loaders
    from config import get_settings
    from models.db import get_engine

    for clear in (
        loaders.forget,  # Streamlit's caches and the overview kept ready
        get_settings.cache_clear,
        get_engine.cache_clear,
    ):
        clear()


def point_app_at(url: str, monkeypatch: pytest.MonkeyPatch, **env: str) -> None:
    """The app's settings and caches for the database at `url` (and these variables), with no
    sign-in waiting there."""
    monkeypatch.setenv("DATABASE_URL", url)
    monkeypatch.setenv("COOKIE_SECRET", TEST_COOKIE_SECRET)
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    clear_process_state()
    clear_sign_in_waits(url)


@pytest.fixture(autouse=True)
def _fresh_app_state() -> Iterator[None]:
    """Each page test starts and ends without another test's process state."""
    clear_process_state()
    yield
    clear_process_state()


@pytest.fixture
def app_env(demo_sqlite_url: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """Point the app's settings at the demo database for one test."""
    from config import get_settings
    from models.db import get_engine

    monkeypatch.setenv("DATABASE_URL", demo_sqlite_url)
    monkeypatch.setenv("COOKIE_SECRET", TEST_COOKIE_SECRET)
    get_settings.cache_clear()
    get_engine.cache_clear()
    clear_sign_in_waits(demo_sqlite_url)
    yield demo_sqlite_url
    get_settings.cache_clear()
    get_engine.cache_clear()


@pytest.fixture(scope="module")
def own_demo_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A demo database of the test module's own, for tests that write to it."""
    return demo_sqlite(tmp_path_factory.mktemp("own_demo"))


@pytest.fixture
def app(own_demo_url: str, monkeypatch: pytest.MonkeyPatch) -> Engine:
    """The app pointed at the module's own demo database; the engine, to read what it wrote."""
    from models.db import build_engine

    point_app_at(own_demo_url, monkeypatch)
    return build_engine(own_demo_url)


def sign_in(username: str, password: str = "laichau2021") -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.run()
    at.text_input[0].input(username)
    at.text_input[1].input(password)
    at.button[0].click()
    at.run()
    return at


__all__ = ["os", "sign_in"]
