"""Queries of more columns than SQLModel's `select` types.

`sqlmodel.select` has typed overloads for up to four columns; a wider one is the same
statement built directly, its rows typed as tuples of unknown values (unpack them into named
variables at once).
"""

from collections.abc import Iterable
from typing import Any, TypeVar

from sqlalchemy.sql.elements import SQLCoreOperations
from sqlalchemy.sql.roles import TypedColumnsClauseRole
from sqlmodel import Session, SQLModel, col
from sqlmodel.sql.expression import Select, SelectOfScalar

from models import Assignment, Organization, ProgressReport, Section, Task
from services.core.errors import NotFound

Row = TypeVar("Row", bound=SQLModel)


def select_columns(
    *columns: TypedColumnsClauseRole[Any] | SQLCoreOperations[Any] | type[SQLModel],
) -> Select[*tuple[Any, ...]]:
    """What `sqlmodel.select(*columns)` builds for two columns or more."""
    return Select(*columns)


def ids(found: Iterable[int | None]) -> list[int]:
    """Primary keys read by a query: SQLModel types every `id` as `int | None` (None before a
    row is saved); a stored row's is never NULL."""
    return [key for key in found if key is not None]


def by_key(session: Session, statement: Select[*tuple[Any, ...]]) -> dict[Any, Any]:
    """A query of (key, value) rows, one per key (a count or a min grouped by the key), as a
    dict."""
    return dict(session.exec(statement).all())


def with_report_context(statement: Select[*tuple[Any, ...]]) -> Select[*tuple[Any, ...]]:
    """A query over progress reports, joined to each report's assignment, task, section and
    body (for their columns and for filters on them)."""
    return (
        statement.join(Assignment, col(Assignment.id) == col(ProgressReport.assignment_id))
        .join(Task, col(Task.id) == col(Assignment.task_id))
        .join(Section, col(Section.id) == col(Task.section_id))
        .join(Organization, col(Organization.id) == col(Assignment.organization_id))
    )


def found(session: Session, model: type[Row], row_id: int, missing: str, **args: Any) -> Row:
    """The row of `model` with this id, or NotFound with the catalogue key `missing` (its
    placeholders in `args`)."""
    row = session.get(model, row_id)
    if row is None:
        raise NotFound(missing, **args)
    return row


def found_where(session: Session, statement: SelectOfScalar[Row], missing: str, **args: Any) -> Row:
    """The first row the statement finds, or NotFound with the catalogue key `missing`."""
    row = session.exec(statement).first()
    if row is None:
        raise NotFound(missing, **args)
    return row
