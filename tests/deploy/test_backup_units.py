"""The nightly backup script (deploy/cchc-backup) on both backends, and the systemd units as
systemd itself reads them."""

import os
import re
import shutil
import sqlite3
import subprocess
from pathlib import Path
from urllib.parse import unquote

import pytest
from sqlalchemy.engine import Engine

from tests.conftest import IN_CI, ROOT, TEST_COOKIE_SECRET

SCRIPT = ROOT / "deploy" / "cchc-backup"
UNITS = ROOT / "deploy" / "systemd"


def _backup(db_url: str, folder: Path, keep: int) -> subprocess.CompletedProcess:
    env = {
        **os.environ,
        "DATABASE_URL": db_url,
        "BACKUP_DIR": str(folder),
        "BACKUP_KEEP": str(keep),
        "CCHC_HOME": str(ROOT),
        "COOKIE_SECRET": TEST_COOKIE_SECRET,
    }
    schema = re.search(r"search_path%3D(\w+)", db_url)
    if schema:  # the test's own schema of the shared test database
        env["PG_DUMP_ARGS"] = f"--schema={unquote(schema.group(1))}"
    return subprocess.run(
        [str(SCRIPT)], env=env, capture_output=True, text=True, check=False, timeout=300
    )


def test_nightly_backups_rotate_and_hold_the_data(seeded: Engine, db_url: str, tmp_path: Path):
    if db_url.startswith("postgresql") and not shutil.which("pg_dump"):
        if IN_CI:
            pytest.fail("pg_dump missing (apt-get install postgresql-client)")
        pytest.skip("pg_dump missing")
    folder = tmp_path / "backups"
    for _ in range(3):
        done = _backup(db_url, folder, keep=2)
        assert done.returncode == 0, done.stderr
    kept = sorted(folder.iterdir())
    assert len(kept) == 2, kept  # the oldest of three went
    assert all(p.stat().st_mode & 0o077 == 0 for p in kept)  # readable by the app's account only
    newest = kept[-1]
    if db_url.startswith("sqlite"):
        assert newest.suffix == ".db"
        with sqlite3.connect(newest) as conn:
            assert conn.execute('SELECT count(*) FROM "user"').fetchone()[0] > 0
    else:
        assert newest.suffix == ".dump"
        listing = subprocess.run(
            ["pg_restore", "--list", str(newest)], capture_output=True, text=True, check=True
        ).stdout
        assert re.search(r"TABLE DATA \S+ user ", listing), listing[:2000]
        assert re.search(r"TABLE DATA \S+ progressreport ", listing)


def test_a_backup_that_fails_says_so_and_keeps_the_old_ones(tmp_path: Path):
    folder = tmp_path / "backups"
    folder.mkdir()
    old = folder / "cchc-20260101-000000-0.dump"
    old.write_bytes(b"an older backup")
    done = _backup("postgresql://nobody@127.0.0.1:1/none", folder, keep=1)
    assert done.returncode != 0
    assert "pg_dump" in done.stderr
    assert sorted(p.name for p in folder.iterdir()) == [old.name]  # no half file, nothing rotated


def test_systemd_reads_the_units_without_a_complaint(tmp_path: Path):
    analyze = shutil.which("systemd-analyze")
    if analyze is None:
        pytest.skip("systemd-analyze missing")
    for unit in UNITS.iterdir():  # the installed paths, pointed at programs that exist here
        text = unit.read_text(encoding="utf-8")
        text = text.replace("/opt/cchc/.venv/bin/python", shutil.which("python3") or "/bin/sh")
        text = text.replace("/opt/cchc/deploy/cchc-backup", str(SCRIPT))
        (tmp_path / unit.name).write_text(text, encoding="utf-8")
    names = ["cchc@8501.service", *(p.name for p in UNITS.iterdir() if "@" not in p.name)]
    done = subprocess.run(
        [analyze, "verify", *(str(tmp_path / n) for n in names)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0 and done.stderr.strip() == "", done.stderr
    for timer in ("cchc-notify.timer", "cchc-backup.timer"):
        calendar = re.search(r"^OnCalendar=(.+)$", (UNITS / timer).read_text(), re.M)
        assert calendar is not None
        checked = subprocess.run(
            [analyze, "calendar", calendar.group(1)], capture_output=True, text=True, check=False
        )
        assert checked.returncode == 0 and "Asia/Ho_Chi_Minh" in checked.stdout, checked.stderr
