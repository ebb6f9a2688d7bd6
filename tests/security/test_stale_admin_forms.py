"""Optimistic locking held for reports (tests/services/test_concurrency.py); here the same for
the administration forms that carry what they showed: sixteen secretariat sessions send the
same open form at once (rename a body, edit a task), each with its own new text. Exactly one
is accepted, the others are told the form is stale, nothing of theirs is written, and the log
holds one event. On SQLite and PostgreSQL."""

from collections import Counter
from collections.abc import Callable

from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from models import Organization, Section, Task, session_scope
from services.admin import directives, organizations
from services.core.errors import StaleUpdate
from tests.services.reporting_db import actor, counts, race

THREADS = 16


def _one_wins(
    db: Engine, write: Callable[[int], str], stored: Callable[[Session], str]
) -> tuple[str, list[object]]:
    """THREADS sessions send `write(i)` from the same form at once: exactly one is accepted,
    the others are stale, what is stored is the winner's text and the log holds one event more.
    The winner's text and the others' outcomes."""
    before = counts(db)
    outcomes, _ = race(THREADS, write)
    kinds = Counter(type(o).__name__ for o in outcomes)
    assert kinds == {"str": 1, "StaleUpdate": THREADS - 1}, outcomes
    (winner,) = [o for o in outcomes if isinstance(o, str)]
    with session_scope(db) as s:
        assert stored(s) == winner
    assert counts(db)["audit"] == before["audit"] + 1
    return winner, [o for o in outcomes if o is not winner]


def test_sixteen_renames_from_one_form_one_wins(db):
    office = actor(db, "vanphong")
    with session_scope(db) as s:
        shown = s.exec(select(Organization.name).where(Organization.code == "STP")).one()

    def rename(i: int) -> str:
        with session_scope(db) as s:
            return organizations.rename_body(
                s, actor=office, code="STP", name=f"Sở Tư pháp (tên {i})", expected_name=shown
            ).name

    winner, stale = _one_wins(
        db,
        rename,
        lambda s: s.exec(select(Organization.name).where(Organization.code == "STP")).one(),
    )
    # each loser is told who got there first: the name now stored
    assert all(str(o).startswith("Người khác vừa sửa") and winner in str(o) for o in stale)


def test_sixteen_task_edits_from_one_form_one_wins(db):
    office = actor(db, "vanphong")
    with session_scope(db) as s:
        task = s.exec(
            select(Task).join(Section).where(Section.ordinal == 8).order_by(Task.ordinal)
        ).first()
        task_id, shown, area, cadence = task.id, task.text, task.area, task.cadence

    def edit(i: int) -> str:
        with session_scope(db) as s:
            return directives.update_task(
                s,
                actor=office,
                task_id=task_id,
                text=f"{shown} (sửa lần {i})",
                area=area,
                cadence=cadence,
                due_date=None,
                expected_text=shown,
            ).text

    _, stale = _one_wins(db, edit, lambda s: s.get(Task, task_id).text)
    assert all(isinstance(o, StaleUpdate) for o in stale)
