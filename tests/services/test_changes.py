"""After a commit, the tables it wrote are told to the subscribers; a rollback tells nothing."""

import subprocess
import sys
import time
from collections.abc import Iterator

import pytest
from sqlalchemy import update
from sqlmodel import select

from models import Organization, User, changes, session_scope
from tests.conftest import ROOT


@pytest.fixture
def heard() -> Iterator[list[frozenset[str]]]:
    seen: list[frozenset[str]] = []
    subscriber = changes.subscribe(seen.append)
    yield seen
    changes.unsubscribe(subscriber)


def test_a_commit_tells_the_tables_it_wrote(seeded, heard):
    with session_scope(seeded) as s:
        org = s.exec(select(Organization).where(Organization.code == "STP")).one()
        org.note = "ghi chú"
        s.add(org)
    assert heard == [frozenset({"organization"})]


def test_a_bulk_update_counts_too(seeded, heard):
    with session_scope(seeded) as s:
        s.exec(update(User).where(User.username == "stp").values(display_name="Sở Tư pháp (1)"))
    assert heard == [frozenset({"user"})]


def test_a_rollback_tells_nothing(seeded, heard):
    with pytest.raises(RuntimeError), session_scope(seeded) as s:
        org = s.exec(select(Organization).where(Organization.code == "STP")).one()
        org.note = "không lưu"
        s.add(org)
        s.flush()
        raise RuntimeError
    assert heard == []
    with session_scope(seeded):
        pass  # a later, empty unit of work does not carry the rolled-back tables
    assert heard == []


def test_a_failing_subscriber_does_not_stop_the_others(seeded, heard):
    def broken(_: frozenset[str]) -> None:
        raise ValueError("boom")

    changes.subscribe(broken)
    try:
        with session_scope(seeded) as s:
            s.exec(update(User).where(User.username == "stp").values(display_name="Sở Tư pháp (2)"))
    finally:
        changes.unsubscribe(broken)
    assert heard == [frozenset({"user"})]


def test_touches():
    assert changes.touches(frozenset({"user"}), {"user", "organization"})
    assert not changes.touches(frozenset({"audit_event"}), {"assignment"})
    assert changes.touches(changes.ALL, {"assignment"})


# --- between processes ----------------------------------------------------------------------

WRITER = """
import sys
import time
from sqlalchemy import update
from models import User, session_scope
from models.db import build_engine
engine = build_engine(sys.argv[1])
with session_scope(engine) as s:
    s.exec(update(User).where(User.username == "stp").values(display_name="Sở Tư pháp (7)"))
print(time.time())  # the moment the commit returned
engine.dispose()
"""


def test_a_commit_in_another_process_is_heard_within_a_second(seeded, db_url):
    when: list[tuple[float, frozenset[str]]] = []
    subscriber = changes.subscribe(lambda tables: when.append((time.time(), tables)))
    changes.listen(db_url)
    try:
        out = subprocess.run(
            [sys.executable, "-c", WRITER, db_url],
            cwd=ROOT,
            check=True,
            timeout=120,
            capture_output=True,
            text=True,
        )
        committed = float(out.stdout.split()[-1])
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and not any(
            changes.touches(tables, {"user"}) for _, tables in when
        ):
            time.sleep(0.02)
    finally:
        changes.stop_listening()
        changes.unsubscribe(subscriber)
    heard = [at for at, tables in when if changes.touches(tables, {"user"})]
    assert heard, "the other process's commit was never heard"
    latency = heard[0] - committed
    print(f"\n[{seeded.dialect.name}] heard {latency:.3f} s after the other process committed")
    assert latency <= 1.0  # one poll on SQLite; the notice itself on PostgreSQL


def test_our_own_commits_are_not_heard_twice(seeded, heard, db_url):
    changes.listen(db_url)
    try:
        heard.clear()
        with session_scope(seeded) as s:
            s.exec(update(User).where(User.username == "stp").values(display_name="Sở Tư pháp (3)"))
        time.sleep(2.5 * changes.POLL_SECONDS)
    finally:
        changes.stop_listening()
    assert heard == [frozenset({"user"})]
