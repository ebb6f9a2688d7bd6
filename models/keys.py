"""The primary key of a saved row.

SQLModel declares every `id` as `int | None` (None until the row is flushed); code that holds
a row read from the database or flushed already needs it as the `int` it is.
"""

from typing import Protocol


class _Row(Protocol):
    @property
    def id(self) -> int | None: ...


def pk(row: _Row) -> int:
    """`row.id`, which a flushed or loaded row always has; an unsaved row is a programming
    error, raised here rather than written as a NULL foreign key."""
    if row.id is None:
        raise ValueError(f"{type(row).__name__} has no id yet: add it and flush first")
    return row.id
