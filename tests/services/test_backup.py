"""Backup and restore of the SQLite database: a consistent copy while the app writes, and a
restore that refuses anything but an intact database of this app and keeps the current one
until the new one is verified."""

import sqlite3
from contextlib import closing

import pytest
from sqlmodel import select

from models import AuditEvent, Organization, session_scope
from models.db import build_engine
from services.admin import backup, organizations
from services.core.actor import SYSTEM, Actor
from services.core.errors import InvalidInput, PermissionDenied
from services.install import seed
from tests.conftest import ROOT, migrate
from tests.services.test_manage import manage, stats

OFFICE = Actor(id=None, username="vanphong", role="secretariat")


@pytest.fixture
def sqlite_url(tmp_path):
    url = f"sqlite:///{tmp_path / 'live' / 'cchc.db'}"
    (tmp_path / "live").mkdir()
    migrate(url)
    engine = build_engine(url)
    with session_scope(engine) as s:
        seed.seed_reference(s, actor=SYSTEM)
    engine.dispose()
    return url


def body_names(url: str) -> dict[str, str]:
    engine = build_engine(url)
    try:
        with session_scope(engine) as s:
            return {o.code: o.name for o in s.exec(select(Organization))}
    finally:
        engine.dispose()


def rename(url: str, code: str, name: str) -> None:
    engine = build_engine(url)
    try:
        with session_scope(engine) as s:
            organizations.rename_body(s, actor=OFFICE, code=code, name=name)
    finally:
        engine.dispose()


def test_backup_then_restore_brings_the_data_back_and_keeps_the_replaced_one(sqlite_url, tmp_path):
    copy = tmp_path / "sao-luu.db"
    facts = backup.backup_to_file(sqlite_url, copy, actor=OFFICE)
    assert facts.counts["task"] == 40 and facts.revision == backup.head_revision()
    assert not (tmp_path / "sao-luu.db-wal").exists()  # one file to carry
    engine = build_engine(sqlite_url)
    with session_scope(engine) as s:
        event = s.exec(select(AuditEvent).where(AuditEvent.action == "backup")).one()
        assert event.username == "vanphong" and event.after["file"] == "sao-luu.db"
    engine.dispose()
    rename(sqlite_url, "SNV", "Sở Nội vụ (đổi tên sau sao lưu)")
    result = backup.restore_from_file(sqlite_url, copy, actor=OFFICE)
    assert body_names(sqlite_url)["SNV"] == "Sở Nội vụ"
    assert not result.migrated
    # the database as it was just before the restore is kept beside it
    kept = f"sqlite:///{result.previous_copy}"
    assert body_names(kept)["SNV"] == "Sở Nội vụ (đổi tên sau sao lưu)"
    engine = build_engine(sqlite_url)
    with session_scope(engine) as s:
        event = s.exec(select(AuditEvent).where(AuditEvent.action == "restore")).one()
        assert event.username == "vanphong" and event.after["from"] == "sao-luu.db"
    engine.dispose()


def test_the_copy_is_consistent_while_someone_is_writing(sqlite_url, tmp_path):
    live = backup.sqlite_file(sqlite_url)
    with closing(sqlite3.connect(live)) as writer:
        writer.execute("BEGIN IMMEDIATE")
        writer.execute("UPDATE organization SET name = 'đang sửa dở' WHERE code = 'STP'")
        # the copy is made; its line in the audit log waits for the writer, briefly
        facts = backup.backup_to_file(sqlite_url, tmp_path / "giua-chung.db", actor=OFFICE)
        writer.rollback()
    assert facts.counts["organization"] == 29
    assert body_names(f"sqlite:///{tmp_path / 'giua-chung.db'}")["STP"] == "Sở Tư pháp"


def _refused(url: str, path, code: str) -> None:
    before = body_names(url)
    with pytest.raises(InvalidInput) as err:
        backup.restore_from_file(url, path, actor=OFFICE)
    assert err.value.code == code
    assert "giữ nguyên" in str(err.value) or code == "err.restore_missing"
    assert body_names(url) == before
    assert not list(backup.sqlite_file(url).parent.glob("*.truoc-khoi-phuc-*"))


def test_restore_refuses_what_is_not_a_database_of_this_app(sqlite_url, tmp_path):
    text = tmp_path / "ghi-chu.txt"
    text.write_text("không phải CSDL", encoding="utf-8")
    _refused(sqlite_url, text, "err.restore_not_db")
    _refused(sqlite_url, ROOT / "seed_data" / "directive.json", "err.restore_not_db")
    _refused(sqlite_url, tmp_path / "khong-co.db", "err.restore_missing")
    other = tmp_path / "ung-dung-khac.db"
    with closing(sqlite3.connect(other)) as conn:
        conn.execute("CREATE TABLE orders (id INTEGER PRIMARY KEY)")
        conn.commit()
    _refused(sqlite_url, other, "err.restore_not_ours")


def test_restore_refuses_a_damaged_copy_and_an_unknown_version(sqlite_url, tmp_path):
    good = tmp_path / "tot.db"
    backup.backup_to_file(sqlite_url, good, actor=OFFICE)
    damaged = tmp_path / "hong.db"
    data = bytearray(good.read_bytes())
    for i in range(4096 * 3, min(len(data), 4096 * 12)):
        data[i] = 0xA5  # scribble over pages after the header
    damaged.write_bytes(bytes(data))
    _refused(sqlite_url, damaged, "err.restore_damaged")
    newer = tmp_path / "ban-moi-hon.db"
    newer.write_bytes(good.read_bytes())
    with closing(sqlite3.connect(newer)) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
        conn.commit()
    _refused(sqlite_url, newer, "err.restore_unknown_version")


def test_an_older_backup_is_migrated_after_the_restore(sqlite_url, tmp_path):
    from alembic import command
    from alembic.config import Config

    old_url = f"sqlite:///{tmp_path / 'cu.db'}"
    cfg = Config(str(ROOT / "alembic.ini"))
    cfg.set_main_option("script_location", str(ROOT / "migrations"))
    cfg.set_main_option("sqlalchemy.url", old_url)
    command.upgrade(cfg, "0001")
    result = backup.restore_from_file(sqlite_url, tmp_path / "cu.db", actor=OFFICE)
    assert result.facts.revision == "0001"
    assert result.migrated == (backup.head_revision() != "0001")
    with closing(sqlite3.connect(backup.sqlite_file(sqlite_url))) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == (
            backup.head_revision()
        )
        assert conn.execute("SELECT count(*) FROM task").fetchone()[0] == 0


def test_only_the_secretariat_and_only_sqlite(sqlite_url, tmp_path):
    viewer = Actor(id=None, username="xem", role="viewer")
    with pytest.raises(PermissionDenied):
        backup.backup_to_file(sqlite_url, tmp_path / "x.db", actor=viewer)
    with pytest.raises(PermissionDenied):
        backup.restore_from_file(sqlite_url, tmp_path / "x.db", actor=viewer)
    with pytest.raises(InvalidInput) as err:
        backup.backup_to_file(
            "postgresql://postgres@127.0.0.1/cchc", tmp_path / "x.db", actor=OFFICE
        )
    assert err.value.code == "err.backup_postgres" and "pg_dump" in str(err.value)
    with pytest.raises(InvalidInput) as err:
        backup.backup_to_file(sqlite_url, backup.sqlite_file(sqlite_url), actor=OFFICE)
    assert err.value.code == "err.backup_same_file"


def test_command_line_backup_and_restore(sqlite_url, tmp_path):
    copy = tmp_path / "cli.db"
    out = manage(sqlite_url, "backup", str(copy))
    assert out.returncode == 0 and "Đã sao lưu" in out.stdout, out.stderr
    before = stats(sqlite_url)
    rename(sqlite_url, "STP", "Đổi tên")
    out = manage(sqlite_url, "restore", str(copy))
    assert out.returncode == 0 and "Đã khôi phục" in out.stdout, out.stderr
    assert body_names(sqlite_url)["STP"] == "Sở Tư pháp"
    after = stats(sqlite_url)
    assert after["tasks"] == before["tasks"] and after["organizations"] == before["organizations"]
    bad = tmp_path / "bad.db"
    bad.write_text("xin chào", encoding="utf-8")
    out = manage(sqlite_url, "restore", str(bad))
    assert out.returncode == 2 and "không phải CSDL SQLite" in out.stderr
    assert len(out.stderr.strip().splitlines()) == 1 and "Traceback" not in out.stderr


def test_command_line_on_postgresql_says_to_use_pg_dump(tmp_path):
    out = manage("postgresql://postgres@127.0.0.1:5432/test", "backup", str(tmp_path / "x.db"))
    assert out.returncode == 2 and "pg_dump" in out.stderr
    assert not (tmp_path / "x.db").exists()
