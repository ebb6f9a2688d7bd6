"""Read models made from table rows.

A read model (a frozen dataclass that pages and exports get once the session has closed) often
repeats most of a table's columns under the same names; `from_row` copies those and takes the
rest (keys, joined names, derived values) as given, so that a column added to both is carried
without a third edit.
"""

from dataclasses import fields
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

Model = TypeVar("Model", bound="DataclassInstance")


def from_row(model: type[Model], row: object, **given: Any) -> Model:
    """`model` made from `row`: each field named in `given` as given, every other field read
    from the row's attribute of the same name (an AttributeError names a field the row lacks)."""
    copied = {f.name: getattr(row, f.name) for f in fields(model) if f.init and f.name not in given}
    return model(**copied, **given)
