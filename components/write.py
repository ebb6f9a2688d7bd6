"""The one way a page writes: a service call in one unit of work, then what the user sees.

- success: the unit of work commits (the loaders that read the tables it wrote are dropped by
  models.changes), the form named `form` starts afresh, `done` is shown where the page calls
  show_flash(slot), and the page reruns to show the new state;
- a refusal (DomainError): nothing is written (rollback), its one sentence is shown now,
  what was typed stays, and the call returns None; when `retry(err)` says so, the sentence
  is shown after a rerun instead (the page then reads the latest state, what was typed stays);
- anything else is a bug: it is rolled back and raised (Streamlit shows no details).
"""

from collections.abc import Callable
from typing import TypeVar

import streamlit as st
from sqlmodel import Session

from components.read import session as read_session
from components.ui import error, flash, reset_form, t
from models import session_scope
from services.core.errors import DomainError

T = TypeVar("T")


def write(
    action: Callable[[Session], T],
    *,
    slot: str,
    done: str | Callable[[T], str],
    form: str | None = None,
    then: Callable[[T], None] | None = None,
    retry: Callable[[DomainError], bool] | None = None,
) -> None:
    """Run `action(session)` in one unit of work and show its outcome (see the module).
    `done` is the message, or makes it from what `action` returned (read before the session
    closes); `then` runs after the commit, before the rerun."""
    try:
        with session_scope() as s:
            result = action(s)
            message = done(result) if callable(done) else done
    except DomainError as err:
        if retry is not None and retry(err):
            flash(slot, t(err.code, **err.params), "error")
            st.rerun()
        error(err)
        return
    if form is not None:
        reset_form(form)
    if then is not None:
        then(result)
    flash(slot, message)
    st.rerun()


def preview(action: Callable[[Session], T]) -> T | None:
    """What `action` would do, from running it in a unit of work that is then rolled back: the
    same numbers the real write will have, nothing written. On a refusal: its sentence shown,
    and None."""
    try:
        with read_session() as s:
            try:
                return action(s)
            finally:
                s.rollback()
    except DomainError as err:
        error(err)
        return None
