"""Restore accepts only a database whose whole schema is the one our migrations create at its
revision, and refuses anything else with one sentence, changing nothing (SQLite only: on
PostgreSQL the office uses pg_dump / pg_restore).

The attack reproduced here: a "backup" carrying two extra triggers. Restored, the next report a
body sent made its account secretariat and deleted that account's audit rows, and the triggers
rode along in every later backup."""

import os
import shutil
import sqlite3
import threading
from contextlib import closing
from pathlib import Path

import pytest
from sqlmodel import select

from models import AuditEvent, session_scope
from models.db import build_engine
from services.admin import backup
from services.core.errors import InvalidInput
from services.reporting import reports as reporting
from services.reporting.reports import ReportInput
from tests.conftest import ROOT
from tests.security.restore_db import (
    OFFICE,
    clone,
    fingerprint,
    make_demo,
    role_of,
    safety_copies,
    tampered,
)
from tests.services.reporting_db import actor, assignment_of
from tests.services.test_manage import manage

# What the attacker added to a real backup. The second trigger only works once the database's
# own append-only triggers are gone, so the attacker drops those first.
ESCALATE = (
    "CREATE TRIGGER bao_cao_nang_quyen AFTER INSERT ON progressreport BEGIN "
    "UPDATE user SET role = 'secretariat', organization_id = NULL WHERE id = NEW.author_id; END"
)
HIDE = (
    "CREATE TRIGGER nhat_ky_tu_xoa AFTER INSERT ON audit_event "
    "WHEN NEW.username = 'stp' BEGIN DELETE FROM audit_event WHERE username = 'stp'; END"
)
DROP_APPEND_ONLY = (
    "DROP TRIGGER IF EXISTS audit_event_no_update",
    "DROP TRIGGER IF EXISTS audit_event_no_delete",
)


@pytest.fixture(scope="module")
def pristine(tmp_path_factory) -> tuple[Path, Path]:
    """A demo database and a good backup of it, made once; tests work on clones."""
    folder = tmp_path_factory.mktemp("pristine")
    url = make_demo(folder / "cchc.db")
    backup.backup_to_file(url, folder / "tot.db", actor=OFFICE)
    return folder / "cchc.db", folder / "tot.db"


@pytest.fixture
def live(pristine, tmp_path) -> Path:
    return clone(pristine[0], tmp_path / "data" / "cchc.db")


@pytest.fixture
def good(pristine, tmp_path) -> Path:
    return Path(shutil.copyfile(pristine[1], tmp_path / "sao-luu.db"))


def url_of(path: Path) -> str:
    return f"sqlite:///{path}"


def send_report(url: str, username: str, text: str) -> int:
    engine = build_engine(url)
    try:
        who = actor(engine, username)
        assignment_id, version = assignment_of(engine, username.upper())
        with session_scope(engine) as s:
            return reporting.submit_report(
                s,
                actor=who,
                assignment_id=assignment_id,
                expected_version=version,
                data=ReportInput(period="2022-Q4", status="in_progress", percent=60, result=text),
            ).id
    finally:
        engine.dispose()


def audit_users(url: str) -> set[str]:
    engine = build_engine(url)
    try:
        with session_scope(engine) as s:
            return set(s.exec(select(AuditEvent.username)).all())
    finally:
        engine.dispose()


def refused(live: Path, source: Path, code: str, **params: object) -> InvalidInput:
    """Restore `source` over `live`: refused with `code`, one sentence, nothing changed."""
    before = fingerprint(live)
    with pytest.raises(InvalidInput) as caught:
        backup.restore_from_file(url_of(live), source, actor=OFFICE)
    err = caught.value
    assert err.code == code, (err.code, str(err))
    for key, value in params.items():
        assert err.params[key] == value, (key, err.params)
    sentence = str(err)
    assert "\n" not in sentence and "giữ nguyên" in sentence, sentence
    assert fingerprint(live) == before
    assert not safety_copies(live)
    assert not [p for p in live.parent.iterdir() if p.name.startswith(".cchc-")]  # no scratch
    return err


def test_the_crafted_backup_is_what_the_review_said(live, good, tmp_path):
    """The attack is real: a database carrying the two triggers, once in use, makes the body
    that reports a secretariat and erases its audit rows. (Put in place by hand here.)"""
    crafted = tampered(good, tmp_path / "sao-luu-gia.db", *DROP_APPEND_ONLY, ESCALATE, HIDE)
    in_use = clone(crafted, tmp_path / "in-use" / "cchc.db")
    assert role_of(url_of(in_use), "stp") == "body"
    send_report(url_of(in_use), "stp", "Báo cáo quý IV")
    assert role_of(url_of(in_use), "stp") == "secretariat"
    assert "stp" not in audit_users(url_of(in_use))


def test_restore_refuses_the_crafted_backup(live, good, tmp_path):
    crafted = tampered(good, tmp_path / "sao-luu-gia.db", *DROP_APPEND_ONLY, ESCALATE, HIDE)
    err = refused(live, crafted, "err.restore_schema_extra", kind="TRIGGER")
    assert err.params["object"] in {"bao_cao_nang_quyen", "nhat_ky_tu_xoa"}
    # the live database never got the triggers: the next report changes no role
    send_report(url_of(live), "stp", "Báo cáo quý IV")
    assert role_of(url_of(live), "stp") == "body"
    assert "stp" in audit_users(url_of(live))
    # the same file through the command line: one Vietnamese sentence, exit 2
    out = manage(url_of(live), "restore", str(crafted))
    assert out.returncode == 2, out.stdout + out.stderr
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 1 and "TRIGGER" in lines[0] and "giữ nguyên" in lines[0], out.stderr
    assert not safety_copies(live)


def test_restore_refuses_a_crafted_backup_that_keeps_the_append_only_triggers(live, good, tmp_path):
    crafted = tampered(good, tmp_path / "mot-trigger.db", ESCALATE)
    refused(live, crafted, "err.restore_schema_extra", kind="TRIGGER", object="bao_cao_nang_quyen")


# Each: what the attacker (or an unlucky tool) did to a good backup, and the refusal.
CRAFTED = {
    "extra table": (
        ["CREATE TABLE ghi_chu (id INTEGER PRIMARY KEY, text TEXT)"],
        "err.restore_schema_extra",
        {"kind": "TABLE", "object": "ghi_chu"},
    ),
    "extra view": (
        ["CREATE VIEW mat_khau AS SELECT username, password_hash FROM user"],
        "err.restore_schema_extra",
        {"kind": "VIEW", "object": "mat_khau"},
    ),
    "extra index": (
        ["CREATE INDEX ix_user_role ON user (role)"],
        "err.restore_schema_extra",
        {"kind": "INDEX", "object": "ix_user_role"},
    ),
    "statistics that steer the planner": (
        ["ANALYZE"],
        "err.restore_schema_extra",
        {"kind": "TABLE", "object": "sqlite_stat1"},
    ),
    "missing table": (
        ["DROP TABLE direction"],
        "err.restore_schema_missing",
        {"kind": "TABLE", "object": "direction"},
    ),
    "missing index": (
        ["DROP INDEX ix_user_username"],
        "err.restore_schema_missing",
        {"kind": "INDEX", "object": "ix_user_username"},
    ),
    "missing append-only trigger": (
        ["DROP TRIGGER audit_event_no_delete"],
        "err.restore_schema_missing",
        {"kind": "TRIGGER", "object": "audit_event_no_delete"},
    ),
    "an append-only trigger that lets deletes through": (
        [
            "DROP TRIGGER audit_event_no_delete",
            "CREATE TRIGGER audit_event_no_delete BEFORE DELETE ON audit_event "
            "WHEN 0 BEGIN SELECT RAISE(ABORT, 'audit_event is append-only'); END",
        ],
        "err.restore_schema_changed",
        {"kind": "TRIGGER", "object": "audit_event_no_delete"},
    ),
    "an extra column": (
        ["ALTER TABLE user ADD COLUMN is_admin BOOLEAN DEFAULT 1"],
        "err.restore_schema_changed",
        {"kind": "TABLE", "object": "user"},
    ),
    "a default that makes every new account secretariat": (
        [
            "PRAGMA writable_schema = ON",
            "UPDATE sqlite_master SET sql = replace(sql, 'role VARCHAR(20) NOT NULL', "
            "'role VARCHAR(20) NOT NULL DEFAULT ''secretariat''') WHERE name = 'user'",
        ],
        "err.restore_schema_changed",
        {"kind": "TABLE", "object": "user"},
    ),
    "a nullable password hash": (
        [
            "PRAGMA writable_schema = ON",
            "UPDATE sqlite_master SET sql = replace(sql, 'password_hash VARCHAR(100) NOT NULL', "
            "'password_hash VARCHAR(100)') WHERE name = 'user'",
        ],
        "err.restore_schema_changed",
        {"kind": "TABLE", "object": "user"},
    ),
    "a column of another type": (
        [
            "PRAGMA writable_schema = ON",
            "UPDATE sqlite_master SET sql = replace(sql, 'percent INTEGER NOT NULL', "
            "'percent TEXT NOT NULL') WHERE name = 'progressreport'",
        ],
        "err.restore_schema_changed",
        {"kind": "TABLE", "object": "progressreport"},
    ),
    "a header value the app never sets": (
        ["PRAGMA user_version = 7"],
        "err.restore_schema_changed",
        {"kind": "PRAGMA", "object": "user_version"},
    ),
    "an application id": (
        ["PRAGMA application_id = 1234"],
        "err.restore_schema_changed",
        {"kind": "PRAGMA", "object": "application_id"},
    ),
    "an older revision stamped on a newer schema": (
        ["UPDATE alembic_version SET version_num = '0002'"],
        "err.restore_schema_extra",
        {},  # which newer object is named first depends on the migrations since 0002
    ),
    "a revision that is not ours": (
        ["UPDATE alembic_version SET version_num = 'f00dfeed'"],
        "err.restore_unknown_version",
        {},
    ),
    "two revisions": (
        ["INSERT INTO alembic_version VALUES ('0001')"],
        "err.restore_unknown_version",
        {},
    ),
    "no revision table": (
        ["DROP TABLE alembic_version"],
        "err.restore_not_ours",
        {},
    ),
    "a report of an assignment that does not exist": (
        [
            "PRAGMA foreign_keys = OFF",
            "UPDATE progressreport SET assignment_id = 999999 "
            "WHERE id = (SELECT min(id) FROM progressreport)",
        ],
        "err.restore_foreign_keys",
        {"table": "progressreport"},
    ),
}


@pytest.mark.parametrize("case", CRAFTED, ids=list(CRAFTED))
def test_restore_refuses_every_schema_but_ours(live, good, tmp_path, case):
    statements, code, params = CRAFTED[case]
    crafted = tampered(good, tmp_path / "sao-luu-sua.db", *statements)
    refused(live, crafted, code, **params)


def test_restore_refuses_a_virtual_table(live, good, tmp_path):
    try:
        crafted = tampered(good, tmp_path / "ao.db", "CREATE VIRTUAL TABLE tim USING fts5(t)")
    except sqlite3.OperationalError:  # an SQLite built without FTS5
        crafted = tampered(good, tmp_path / "ao.db", "CREATE VIRTUAL TABLE tim USING rtree(i,a,b)")
    refused(live, crafted, "err.restore_schema_extra", kind="TABLE", object="tim")


def test_restore_refuses_a_database_missing_tables(live, tmp_path):
    """Only some of our tables, and a revision of ours: accepted before, refused now."""
    partial = tmp_path / "thieu-bang.db"
    with closing(sqlite3.connect(partial)) as conn:
        conn.executescript(
            "CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL,"
            " CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num));"
            "INSERT INTO alembic_version VALUES ('0001');"
            "CREATE TABLE user (id INTEGER PRIMARY KEY, username TEXT, password_hash TEXT,"
            " role TEXT);"
        )
    refused(live, partial, "err.restore_schema_missing", kind="TABLE")


def test_restore_refuses_what_is_not_a_finished_backup(live, good, tmp_path):
    # not SQLite at all, empty, a folder, a pipe that would never end
    junk = tmp_path / "anh.db"
    junk.write_bytes(os.urandom(8192))
    refused(live, junk, "err.restore_not_db")
    empty = tmp_path / "rong.db"
    empty.write_bytes(b"")
    refused(live, empty, "err.restore_not_db")
    refused(live, tmp_path, "err.restore_not_db")
    pipe = tmp_path / "ong.db"
    os.mkfifo(pipe)
    refused(live, pipe, "err.restore_not_db")
    # a live database taken with its write-ahead log beside it: the main file alone looks
    # clean, the log carries a trigger. Neither read nor silently ignored: refused.
    carrier = tmp_path / "dang-chay.db"
    shutil.copyfile(good, carrier)
    conn = sqlite3.connect(carrier)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA wal_autocheckpoint=0")
    conn.execute(ESCALATE)
    conn.commit()
    taken = tmp_path / "chep-tay.db"
    shutil.copyfile(carrier, taken)
    shutil.copyfile(f"{carrier}-wal", f"{taken}-wal")
    conn.close()
    refused(live, taken, "err.restore_sidecar", sidecar="chep-tay.db-wal")


def test_restore_refuses_a_file_over_the_limit_and_a_full_disk(live, good, tmp_path, monkeypatch):
    big = tmp_path / "lon.db"
    big.write_bytes(good.read_bytes() + bytes(1_000_000))
    out = manage(url_of(live), "restore", str(big), env={"RESTORE_MAX_MB": "1"})
    assert out.returncode == 2 and "1 MB" in out.stderr and "giữ nguyên" in out.stderr
    assert len(out.stderr.strip().splitlines()) == 1
    assert not safety_copies(live)

    real = shutil.disk_usage

    def almost_full(path):
        usage = real(path)
        return usage._replace(free=good.stat().st_size // 2)

    monkeypatch.setattr(backup.shutil, "disk_usage", almost_full)
    refused(live, good, "err.restore_no_space")


def test_a_good_backup_still_restores_and_the_result_has_our_schema(live, good, pristine):
    send_report(url_of(live), "stp", "Sau khi sao lưu")
    result = backup.restore_from_file(url_of(live), good, actor=OFFICE)
    assert result.facts.revision == backup.head_revision() and not result.migrated
    assert fingerprint(live)[1]["progressreport"] == fingerprint(pristine[0])[1]["progressreport"]
    assert backup.schema_of_file(live) == backup.reference_schema(backup.head_revision())
    # the restore is in the restored database's own log
    engine = build_engine(url_of(live))
    with session_scope(engine) as s:
        assert s.exec(select(AuditEvent).where(AuditEvent.action == "restore")).one()
    engine.dispose()


@pytest.mark.parametrize("revision", ["0001", "0002"])
def test_an_older_backup_is_checked_against_its_own_revision_and_gains_the_triggers(
    live, tmp_path, revision
):
    from alembic import command
    from alembic.config import Config

    old = tmp_path / f"cu-{revision}.db"
    cfg = Config(str(ROOT / "alembic.ini"))
    cfg.set_main_option("script_location", str(ROOT / "migrations"))
    cfg.set_main_option("sqlalchemy.url", url_of(old))
    command.upgrade(cfg, revision)
    result = backup.restore_from_file(url_of(live), clone(old, tmp_path / "cu.db"), actor=OFFICE)
    assert result.facts.revision == revision and result.migrated
    assert backup.schema_of_file(live) == backup.reference_schema(backup.head_revision())
    # and an older backup with a trigger of its own is refused against its revision
    crafted = tampered(old, tmp_path / "cu-gia.db", ESCALATE)
    for path in safety_copies(live):
        path.unlink()
    refused(live, crafted, "err.restore_schema_extra", kind="TRIGGER")


def test_the_backup_of_a_database_that_was_tampered_with_is_refused(live, tmp_path):
    """A database that got a trigger before this check existed: the next backup says so
    instead of carrying it on."""
    with closing(sqlite3.connect(live)) as conn:
        conn.execute(ESCALATE)
        conn.commit()
    with pytest.raises(InvalidInput) as caught:
        backup.backup_to_file(url_of(live), tmp_path / "sao-luu-moi.db", actor=OFFICE)
    assert caught.value.code == "err.backup_schema_differs"
    assert caught.value.params["object"] == "bao_cao_nang_quyen"
    assert not (tmp_path / "sao-luu-moi.db").exists()


def test_checking_a_crafted_file_runs_none_of_its_code(live, good, tmp_path):
    """The check reads the schema; it never fires a trigger or evaluates a view of the file
    it checks (a view that calls a function we would notice)."""
    calls = []
    lock = threading.Lock()

    def spy(*_args):
        with lock:
            calls.append(1)
        return 0

    crafted = tampered(good, tmp_path / "goi-ham.db", "CREATE VIEW v AS SELECT 1 AS x")
    original_connect = sqlite3.connect

    def connect(*args, **kwargs):
        conn = original_connect(*args, **kwargs)
        conn.create_function("spy", -1, spy)
        return conn

    with closing(sqlite3.connect(crafted)) as conn:
        conn.execute("PRAGMA writable_schema = ON")
        conn.execute(
            "UPDATE sqlite_master SET sql = 'CREATE VIEW v AS SELECT spy() AS x' WHERE name = 'v'"
        )
        conn.commit()
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(backup.sqlite3, "connect", connect)
        refused(live, crafted, "err.restore_schema_extra", kind="VIEW", object="v")
    assert calls == []


def test_a_database_in_another_text_encoding_is_refused(live, tmp_path):
    other = tmp_path / "utf16.db"
    with closing(sqlite3.connect(other)) as conn:
        conn.execute("PRAGMA encoding = 'UTF-16le'")
        conn.execute("CREATE TABLE x (a)")
        conn.execute("DROP TABLE x")
    from alembic import command
    from alembic.config import Config

    cfg = Config(str(ROOT / "alembic.ini"))
    cfg.set_main_option("script_location", str(ROOT / "migrations"))
    cfg.set_main_option("sqlalchemy.url", url_of(other))
    command.upgrade(cfg, "head")
    refused(
        live,
        clone(other, tmp_path / "utf16-sao-luu.db"),
        "err.restore_schema_changed",
        kind="PRAGMA",
        object="encoding",
    )


def test_storage_details_are_made_ours_not_refused(live, good, tmp_path):
    """Page size, free pages and journal mode are how a file is stored, not what it holds:
    a backup VACUUMed with another page size restores, in the live database's page size."""
    other = tmp_path / "trang-8k.db"
    shutil.copyfile(good, other)
    with closing(sqlite3.connect(other)) as conn:
        conn.execute("PRAGMA page_size = 8192")
        conn.execute("VACUUM")
        assert conn.execute("PRAGMA page_size").fetchone()[0] == 8192
    backup.restore_from_file(url_of(live), other, actor=OFFICE)
    with closing(sqlite3.connect(live)) as conn:
        assert conn.execute("PRAGMA page_size").fetchone()[0] == 4096
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
