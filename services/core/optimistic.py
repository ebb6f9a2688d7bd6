"""Optimistic locking for forms that carry what they showed (a body's name, a task's text):
the write happens only if the row still holds it, decided by the database in one statement."""

from typing import Any

from sqlalchemy import update
from sqlmodel import Session, SQLModel


def update_if_unchanged(
    session: Session, row: SQLModel, *, expected: dict[str, Any], changes: dict[str, Any]
) -> bool:
    """Write `changes` to `row` only if its columns still hold `expected`: one
    UPDATE ... WHERE, so of many sessions sending the same form at once exactly one writes
    (SQLite runs the statements one after another; PostgreSQL checks the WHERE again after
    waiting for the row's lock). False, and nothing written, when someone changed it first.
    Either way `row` is read again on its next use."""
    model = type(row)
    statement = (
        update(model)
        .where(
            # every table here has an `id` primary key; SQLModel, their base, declares none
            model.id == row.id,  # type: ignore[attr-defined]
            *(getattr(model, column) == value for column, value in expected.items()),
        )
        .values(**changes)
        .execution_options(synchronize_session=False)
    )
    written = session.exec(statement).rowcount == 1
    session.expire(row)
    return written
