"""Fixtures: a migrated database on each backend, the real directive seeded into it.

The PostgreSQL backend runs in its own schema of TEST_POSTGRES_URL (default: the local
server's database `test`). Unreachable, it is skipped on a developer's machine and fails
in CI (CI=true), so the PostgreSQL path is never silently untested there.
"""

import os
import secrets
import shutil
import subprocess
import time
import urllib.request
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import Engine

from models.db import build_engine, normalise_url

ROOT = Path(__file__).resolve().parents[1]

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SHOTS = ROOT / "test-output" / "screenshots"

PG_URL = os.environ.get("TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/test")
IN_CI = os.environ.get("CI", "").lower() == "true"
# A cookie secret as strong as the one the app generates, new for each test run: the app refuses
# a guessable one in every mode (config.secret_problem), and a constant here would be a known one.
TEST_COOKIE_SECRET = secrets.token_urlsafe(48)


def migrate(url: str) -> None:
    from alembic import command
    from alembic.config import Config

    cfg = Config(str(ROOT / "alembic.ini"))
    cfg.set_main_option("script_location", str(ROOT / "migrations"))
    cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    command.upgrade(cfg, "head")


@contextmanager
def serving(proc: subprocess.Popen, health: str, log: Path, *, tries: int = 120) -> Iterator[None]:
    """While the server `proc` runs: once it answers "ok" at the address `health` (half a second
    between tries; the test fails with its `log` if it never does), until it is stopped after."""
    try:
        for _ in range(tries):
            try:
                with urllib.request.urlopen(health, timeout=1) as answer:  # nosec B310  # our own http://127.0.0.1 server
                    if answer.read() == b"ok":
                        break
            except OSError:
                time.sleep(0.5)
        else:
            pytest.fail(f"{proc.args!r} did not start:\n{log.read_text()}")
        yield
    finally:
        proc.terminate()
        proc.wait(timeout=20)


def demo_sqlite(folder: Path) -> str:
    """A migrated SQLite database in `folder` holding the demo installation (password
    laichau2021): its URL."""
    from models import session_scope
    from services.core.actor import SYSTEM
    from services.install import demo

    url = f"sqlite:///{folder / 'demo.db'}"
    migrate(url)
    eng = build_engine(url)
    with session_scope(eng) as session:
        demo.seed_demo(session, actor=SYSTEM, password="laichau2021")
    eng.dispose()
    return url


def merge_muong_te_and_nam_nhun(engine: Engine, **extra: str) -> None:
    """On the demo: the secretariat merges Mường Tè (HMT) and Nậm Nhùn (HNN) into a new body
    MTNN on 01/03/2025, in a period after the demo's (2025-Q1 and Q2 are made)."""
    from datetime import date

    from sqlmodel import select

    from models import Role, User, session_scope
    from services.admin import reorganize
    from services.core.actor import Actor
    from services.install.seed import ensure_periods

    with session_scope(engine) as s:
        secretariat = s.exec(select(User).where(User.role == Role.SECRETARIAT)).first()
        ensure_periods(s, ["2025-Q1", "2025-Q2"], current="2022-Q4")
        reorganize.merge(
            s,
            actor=Actor.of(secretariat),
            sources=["HMT", "HNN"],
            into="MTNN",
            on=date(2025, 3, 1),
            new_name="Khu vực Mường Tè - Nậm Nhùn",
            **extra,
        )


def _postgres_schema_url() -> Iterator[str]:
    admin = create_engine(normalise_url(PG_URL))
    schema = f"t_{uuid.uuid4().hex[:10]}"
    try:
        with admin.begin() as conn:
            conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    except Exception as err:
        admin.dispose()
        message = f"PostgreSQL at {PG_URL} is not reachable: {err}"
        if IN_CI:
            pytest.fail(message)
        pytest.skip(message)
    sep = "&" if "?" in PG_URL else "?"
    try:
        yield f"{normalise_url(PG_URL)}{sep}options=-csearch_path%3D{schema}"
    finally:
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A freshly migrated, empty database on each backend."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'test.db'}"
        migrate(url)
        yield url
    else:
        for url in _postgres_schema_url():
            migrate(url)
            yield url


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def db(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Engine]:
    """The demo installation on each backend, shared by the tests of one module (seeding takes
    seconds): tests that write read fresh versions and count rows before and after."""
    from tests.services.reporting_db import demo_database

    yield from demo_database(request.param, tmp_path_factory)


@pytest.fixture
def engine(db_url: str) -> Iterator[Engine]:
    eng = build_engine(db_url)
    yield eng
    eng.dispose()


@pytest.fixture
def seeded(engine: Engine) -> Engine:
    """The real directive and the demo installation."""
    from models import session_scope
    from services.core.actor import SYSTEM
    from services.install import demo

    with session_scope(engine) as session:
        demo.seed_demo(session, actor=SYSTEM, password="laichau2021")
    return engine


@pytest.fixture(scope="session")
def demo_sqlite_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    """One demo database (SQLite) shared by the page and browser tests, which only read it
    or write to it in ways each test accounts for."""
    return demo_sqlite(tmp_path_factory.mktemp("demo"))


@pytest.fixture(scope="session")
def browser():
    """Debian's headless Chromium through Playwright, one for the whole run (tests/e2e and
    tests/security both drive it; Playwright's sync API allows one at a time)."""
    if not Path(CHROMIUM).exists() and not shutil.which("chromium"):
        message = f"Chromium not found at {CHROMIUM} (apt-get install chromium)"
        if IN_CI:
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def shots() -> Path:
    SHOTS.mkdir(parents=True, exist_ok=True)
    return SHOTS
