import os
from collections.abc import Iterator

import pytest
from streamlit.testing.v1 import AppTest

from tests.conftest import ROOT


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
    monkeypatch.setenv("COOKIE_SECRET", "t" * 48)
    get_settings.cache_clear()
    get_engine.cache_clear()
    yield demo_sqlite_url
    get_settings.cache_clear()
    get_engine.cache_clear()


def sign_in(username: str, password: str = "laichau2021") -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.run()
    at.text_input[0].input(username)
    at.text_input[1].input(password)
    at.button[0].click()
    at.run()
    return at


__all__ = ["os", "sign_in"]
