"""The demo goes only into an empty database. A real installation (even one holding only the
reference seed and no account yet, which is how a real one starts) never gets the demo's
published password, invented reports or old period: `manage.py seed --demo` refuses it with
one Vietnamese sentence, exit 2, nothing written, and `make run` leaves it as it is.
`make run` on a fresh clone still gives the demo, and again on the demo keeps it quietly.
On SQLite and PostgreSQL."""

import os
import subprocess

import pytest

from models import session_scope
from models.db import build_engine
from services.core import audit
from services.core.actor import SYSTEM
from services.core.errors import InvalidInput
from services.install import demo, seed
from services.reporting import reports as reporting
from services.reporting.reports import ReportInput
from tests.conftest import ROOT
from tests.services.reporting_db import actor, assignment_of
from tests.services.test_manage import manage, stats


def make_seed(url: str) -> subprocess.CompletedProcess:
    """The Makefile's own seed step (what `make run` does before serving), with the shared
    virtual environment taken as up to date."""
    return subprocess.run(
        ["make", "--no-print-directory", "-o", ".venv/.installed", "seed"],
        cwd=ROOT,
        env={**os.environ, "DATABASE_URL": url},
        capture_output=True,
        text=True,
        timeout=600,
    )


def current_period(url: str) -> str:
    engine = build_engine(url)
    try:
        with session_scope(engine) as s:
            from services.core.periods import current_period as current

            return current(s).code
    finally:
        engine.dispose()


def is_demo(url: str) -> bool:
    engine = build_engine(url)
    try:
        with session_scope(engine) as s:
            return demo.is_demo(s)
    finally:
        engine.dispose()


def refused_on_the_command_line(url: str) -> None:
    before = stats(url)
    period = current_period(url)
    out = manage(url, "seed", "--demo")
    assert out.returncode == 2, out.stdout + out.stderr
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 1 and "Không nạp dữ liệu minh họa" in lines[0], out.stderr
    assert "Traceback" not in out.stderr and "laichau2021" not in out.stdout
    assert stats(url) == before
    assert current_period(url) == period and not is_demo(url)


def test_seed_demo_refuses_a_real_installation_with_no_account_yet(db_url):
    """`manage.py seed` is how a real installation starts: directive, bodies, targets, the
    current quarter, no account. The demo must not go on top of it."""
    assert manage(db_url, "seed").returncode == 0
    refused_on_the_command_line(db_url)


def test_seed_demo_refuses_a_real_installation_in_use(db_url):
    assert manage(db_url, "seed").returncode == 0
    out = manage(
        db_url,
        "create-user",
        "vanphong.that",
        "--role",
        "secretariat",
        "--password",
        "mot-mat-khau-that-dai",
    )
    assert out.returncode == 0, out.stderr
    refused_on_the_command_line(db_url)
    engine = build_engine(db_url)
    with session_scope(engine) as s:
        reporting_body = actor(engine, "vanphong.that")
        assignment_id, version = assignment_of(engine, "STP")
        reporting.submit_report(
            s,
            actor=reporting_body,
            assignment_id=assignment_id,
            expected_version=version,
            data=ReportInput(
                period=current_period(db_url), status="in_progress", percent=10, result="Đã họp"
            ),
        )
    engine.dispose()
    refused_on_the_command_line(db_url)


@pytest.mark.parametrize("what", ["an audit event", "a setting"])
def test_anything_at_all_makes_a_database_not_empty(engine, what):
    with session_scope(engine) as s:
        if what == "an audit event":
            audit.record(s, actor=SYSTEM, action="note", entity="database", entity_id=None)
        else:
            seed.set_setting(s, "installed_by", "so-noi-vu")
    with pytest.raises(InvalidInput) as err, session_scope(engine) as s:
        demo.seed_demo(s, actor=SYSTEM, password="laichau2021")
    assert err.value.code == "err.demo_not_empty" and err.value.params["rows"] == 1
    with session_scope(engine) as s:
        assert demo.rows_held(s) == 1


def test_make_run_on_a_fresh_database_gives_the_demo_and_keeps_it(db_url):
    out = make_seed(db_url)
    assert out.returncode == 0, out.stdout + out.stderr
    assert "laichau2021" in out.stdout and is_demo(db_url)
    first = stats(db_url)
    assert first["users"] == 32 and first["reports"] > 1000
    assert current_period(db_url) == "2022-Q4"
    # the second `make run` on the demo: no refusal, nothing added, the demo stays
    again = make_seed(db_url)
    assert again.returncode == 0, again.stdout + again.stderr
    assert "Không nạp" not in again.stdout + again.stderr
    assert stats(db_url) == first and is_demo(db_url)


def test_make_run_on_a_real_installation_does_not_add_the_demo(db_url):
    assert manage(db_url, "seed").returncode == 0
    before = stats(db_url)
    period = current_period(db_url)
    out = make_seed(db_url)
    assert out.returncode == 0, out.stdout + out.stderr
    assert "không nạp dữ liệu minh họa" in out.stdout and "laichau2021" not in out.stdout
    assert stats(db_url) == before
    assert current_period(db_url) == period and not is_demo(db_url)
