"""Item 15: a guessable cookie secret (known, short, repeated, in sequence, along the keyboard,
made of words) stops the app in every mode, the demo included; a random one starts it."""

import secrets

import pytest
from streamlit.testing.v1 import AppTest

import config
from tests.conftest import ROOT
from tests.pages.conftest import point_app_at

GUESSABLE = [
    "a" * 32,  # passed the length-only check
    "t" * 48,  # the page tests' old secret
    "ab" * 24,
    "abcdefghijklmnopqrstuvwxyz012345",
    "0123456789" * 4,
    "qwertyuiopasdfghjklzxcvbnm123456",
    "changeme-changeme-changeme-changeme",
    "LaiChau-CCHC-2022-secret-key-!!!",
    "my-super-secret-cookie-key-for-cchc",
    "Laichau2021Laichau2021Laichau2021",
]
RANDOM = [
    secrets.token_urlsafe(32),  # 43 characters (a 32-character one is borderline: 1 in 3000
    # falls under the bar)
    secrets.token_urlsafe(48),  # what the app generates
    secrets.token_hex(20),
    secrets.token_hex(32),
]


@pytest.mark.parametrize("secret", GUESSABLE)
def test_guessable_secrets_are_refused(secret):
    assert config.secret_problem(secret) == "auth.secret_weak", config.secret_strength_bits(secret)


@pytest.mark.parametrize(
    ("secret", "key"),
    [
        ("changeme", "auth.secret_default"),
        ("  SECRET ", "auth.secret_default"),
        ("ngan-qua", "auth.secret_short"),
        (secrets.token_urlsafe(16), "auth.secret_short"),  # random, but 22 characters
    ],
)
def test_known_and_short_secrets_are_refused(secret, key):
    assert config.secret_problem(secret) == key


@pytest.mark.parametrize("secret", RANDOM)
def test_random_secrets_pass(secret):
    assert config.secret_problem(secret) is None, config.secret_strength_bits(secret)


def test_the_generated_secret_passes(tmp_path):
    settings = config.Settings(cookie_secret="", cookie_secret_file=tmp_path / "cookie_secret")
    assert settings.cookie_secret_problem() is None
    assert (tmp_path / "cookie_secret").stat().st_mode & 0o777 == 0o600


@pytest.mark.parametrize("demo", [False, True])
def test_the_app_does_not_start_with_a_guessable_secret_even_as_a_demo(
    demo, demo_sqlite_url, tmp_path, monkeypatch
):
    """On a real installation and on the demo alike (the demo flag switched the check off)."""
    from models import session_scope
    from models.db import build_engine
    from services.core.actor import SYSTEM
    from services.install import seed
    from tests.conftest import migrate

    if demo:
        url = demo_sqlite_url
    else:
        url = f"sqlite:///{tmp_path / 'real.db'}"
        migrate(url)
        engine = build_engine(url)
        with session_scope(engine) as s:
            seed.seed_reference(s, actor=SYSTEM)
        engine.dispose()
    point_app_at(url, monkeypatch, COOKIE_SECRET="a" * 32)
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run()
    assert not at.exception
    [line] = [e.value for e in at.error]
    assert line.startswith("Không khởi động: COOKIE_SECRET dễ đoán")
    assert not at.text_input  # no sign-in form: nothing can be signed with it
