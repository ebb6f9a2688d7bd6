"""Small pieces the administration and import pages share: one write in one unit of work with
its message, and a message that survives the rerun that follows a write."""

from collections.abc import Callable
from typing import Any

import streamlit as st
from sqlmodel import Session

from components.ui import error, session
from models import session_scope
from services.core.errors import DomainError


def flash(slot: str, message: str) -> None:
    st.session_state[f"adm_flash_{slot}"] = message


def show_flash(slot: str) -> None:
    message = st.session_state.pop(f"adm_flash_{slot}", None)
    if message:
        st.success(message, icon=":material/check_circle:")


def write(slot: str, action: Callable[[Session], Any], done: str) -> Any:
    """Run `action` in one unit of work. On a refusal: its sentence, nothing written, and
    None. On success: caches cleared, `done` shown after the rerun."""
    try:
        with session_scope() as s:
            result = action(s)
    except DomainError as err:
        error(err)
        return None
    flash(slot, done)
    st.rerun()
    return result


def preview(action: Callable[[Session], Any]) -> Any:
    """What `action` would do, read from running it in a unit of work that is then rolled
    back: the same numbers the real write will have, nothing written. On a refusal: its
    sentence, and None."""
    try:
        with session() as s:
            try:
                return action(s)
            finally:
                s.rollback()
    except DomainError as err:
        error(err)
        return None
