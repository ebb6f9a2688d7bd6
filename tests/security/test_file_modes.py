"""The database holds every report and the password hashes: its folder is 0700 and the
database, its -wal and -shm, backups and safety copies are 0600, however they came to be
(created by SQLite on first connect, by `manage.py backup`, by a restore). The safety copies
restores leave beside the database are pruned to the newest N (SAFETY_COPIES_KEPT)."""

import os
import shutil
import sqlite3
import stat
from contextlib import closing
from pathlib import Path

import pytest
from sqlalchemy import text

import config
from config import Settings, get_settings, private_dir
from models.db import build_engine
from services.admin import backup
from tests.security.restore_db import OFFICE, clone, make_demo, safety_copies
from tests.services.test_manage import manage


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def sidecars(db: Path) -> list[Path]:
    return [db.with_name(db.name + s) for s in ("-wal", "-shm")]


@pytest.fixture(autouse=True)
def _default_umask():
    """The usual umask (0022), which would give 0755 folders and 0644 files."""
    old = os.umask(0o022)
    yield
    os.umask(old)


def test_a_new_database_its_folder_and_sidecars_are_private(tmp_path):
    db = tmp_path / "data" / "cchc.db"
    engine = build_engine(f"sqlite:///{db}")
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE t (a INTEGER)"))
        conn.execute(text("INSERT INTO t VALUES (1)"))
        assert all(p.exists() for p in sidecars(db))  # WAL mode, connection open
        assert [mode(p) for p in [db, *sidecars(db)]] == [0o600, 0o600, 0o600]
    engine.dispose()
    assert mode(db.parent) == 0o700 and mode(db) == 0o600


def test_an_existing_database_left_readable_is_tightened(tmp_path):
    folder = tmp_path / "cu"
    folder.mkdir(mode=0o755)
    db = folder / "cchc.db"
    with closing(sqlite3.connect(db)) as conn:
        conn.execute("CREATE TABLE t (a INTEGER)")
    for p in [db, *sidecars(db)]:
        p.touch()
        p.chmod(0o644)
    build_engine(f"sqlite:///{db}").dispose()
    assert [mode(p) for p in [db, *sidecars(db)]] == [0o600, 0o600, 0o600]
    # a folder the operator chose is theirs to set; the app's own data folder is tightened
    assert mode(folder) == 0o755


def test_the_app_data_folder_and_cookie_secret(tmp_path, monkeypatch):
    data = tmp_path / "data"
    data.mkdir(mode=0o755)
    monkeypatch.setattr(config, "DATA_DIR", data)
    private_dir(data)
    assert mode(data) == 0o700
    fresh = tmp_path / "moi" / "data"
    Settings(cookie_secret="", cookie_secret_file=fresh / "cookie_secret").signing_secret()
    assert mode(fresh) == 0o700 and mode(fresh / "cookie_secret") == 0o600


def test_the_command_line_creates_private_files(tmp_path):
    db = tmp_path / "data" / "cchc.db"
    url = f"sqlite:///{db}"
    assert manage(url, "init-db").returncode == 0
    assert manage(url, "seed").returncode == 0
    assert mode(db.parent) == 0o700 and mode(db) == 0o600
    copy = tmp_path / "sao-luu.db"
    copy.write_bytes(b"")
    copy.chmod(0o644)  # an older backup of the same name, readable by all
    out = manage(url, "backup", str(copy))
    assert out.returncode == 0, out.stderr
    assert mode(copy) == 0o600
    out = manage(url, "restore", str(copy))
    assert out.returncode == 0, out.stderr
    (kept,) = safety_copies(db)
    assert mode(kept) == 0o600 and mode(db) == 0o600
    assert sorted(p.name for p in db.parent.iterdir()) == sorted(
        [db.name, kept.name, *(p.name for p in sidecars(db) if p.exists())]
    )  # no scratch folder left behind


def test_only_the_newest_safety_copies_are_kept(tmp_path, monkeypatch):
    folder = tmp_path / "demo"
    make_demo(folder / "cchc.db")
    db = clone(folder / "cchc.db", tmp_path / "data" / "cchc.db")
    url = f"sqlite:///{db}"
    good = tmp_path / "sao-luu.db"
    backup.backup_to_file(url, good, actor=OFFICE)
    monkeypatch.setenv("SAFETY_COPIES_KEPT", "2")
    get_settings.cache_clear()
    try:
        made = []
        for _ in range(4):
            shutil.copyfile(good, tmp_path / "lan-nay.db")
            made.append(backup.restore_from_file(url, tmp_path / "lan-nay.db", actor=OFFICE))
    finally:
        get_settings.cache_clear()
    assert safety_copies(db) == sorted(r.previous_copy for r in made[-2:])
    assert len({r.previous_copy for r in made}) == 4  # never one copy written over another
    assert all(mode(p) == 0o600 for p in safety_copies(db))
    assert Settings.model_fields["safety_copies_kept"].default == 5
