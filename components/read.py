"""The one way a page reads outside the cached loaders: what must not be shared between
viewers (what this user may see) or must be read as it is now (just written). Pages never
open a session themselves; this module and the loaders do."""

from collections.abc import Callable
from typing import Concatenate, ParamSpec, TypeVar

from sqlmodel import Session

from config import get_settings
from models import changes, get_engine

P = ParamSpec("P")
T = TypeVar("T")


def session() -> Session:
    """A read session (for the loaders and `read`); writes go through components.write. The
    first one also starts hearing other processes' commits (models.changes)."""
    changes.listen(get_settings().database_url)
    return Session(get_engine(), expire_on_commit=False)


def read(query: Callable[Concatenate[Session, P], T], *args: P.args, **kwargs: P.kwargs) -> T:
    """`query(session, *args, **kwargs)` in a read session of its own: uncached, for what is
    per user or must be fresh. A DomainError it raises reaches the page."""
    with session() as s:
        return query(s, *args, **kwargs)
