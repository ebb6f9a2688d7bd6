"""Helpers for the restore tests: a demo database made once per module and cloned per test,
backups to tamper with, and a fingerprint of a database that says whether it changed."""

import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

from sqlmodel import select

from models import User, session_scope
from models.db import build_engine
from services.admin import backup
from services.core.actor import Actor
from tests.services.reporting_db import demo_engine

OFFICE = Actor(id=None, username="vanphong", role="secretariat")


def make_demo(path: Path) -> str:
    url = f"sqlite:///{path}"
    demo_engine(url).dispose()
    return url


def clone(source: Path, dest: Path) -> Path:
    """A closed, single-file copy of `source` (SQLite's online backup, no -wal beside it)."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    with closing(sqlite3.connect(source)) as src, closing(sqlite3.connect(dest)) as dst:
        src.backup(dst)
        dst.execute("PRAGMA journal_mode=DELETE")
    return dest


def tampered(good: Path, dest: Path, *statements: str) -> Path:
    """A copy of the backup `good` with `statements` run on it, as an attacker would."""
    shutil.copyfile(good, dest)
    with closing(sqlite3.connect(dest)) as conn:
        conn.executescript(";\n".join(statements))
        conn.commit()
    return dest


def fingerprint(db: Path) -> tuple:
    """The schema and every table's row count: equal before and after means nothing changed."""
    with closing(sqlite3.connect(f"file:{db}?mode=ro", uri=True)) as conn:
        schema = sorted(conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master"))
        tables = [name for kind, name, _, _ in schema if kind == "table"]
        counts = {t: conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables}
    return schema, counts


def safety_copies(live: Path) -> list[Path]:
    return sorted(live.parent.glob(f"{live.name}.truoc-khoi-phuc-*"))


def role_of(url: str, username: str) -> str:
    engine = build_engine(url)
    try:
        with session_scope(engine) as s:
            return s.exec(select(User.role).where(User.username == username)).one()
    finally:
        engine.dispose()


__all__ = ["OFFICE", "backup"]
