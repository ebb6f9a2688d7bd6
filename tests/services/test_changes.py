"""After a commit, the tables it wrote are told to the subscribers; a rollback tells nothing."""

from collections.abc import Iterator

import pytest
from sqlalchemy import update
from sqlmodel import select

from models import Organization, User, changes, session_scope


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
        s.exec(update(User).where(User.username == "stp").values(failed_logins=1))
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
            s.exec(update(User).where(User.username == "stp").values(failed_logins=2))
    finally:
        changes.unsubscribe(broken)
    assert heard == [frozenset({"user"})]


def test_touches():
    assert changes.touches(frozenset({"user"}), {"user", "organization"})
    assert not changes.touches(frozenset({"audit_event"}), {"assignment"})
    assert changes.touches(changes.ALL, {"assignment"})
