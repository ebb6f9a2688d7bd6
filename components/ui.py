"""Streamlit helpers shared by every page: language, text, the demo banner, loaders."""

import streamlit as st
from sqlmodel import Session

from components import i18n
from components.ui_text import VN_TZ, fmt_date, fmt_datetime  # noqa: F401  (re-exported)
from models import get_engine


def lang() -> str:
    return st.session_state.get("lang", "vi")


def t(key: str, **params: object) -> str:
    return i18n.t(key, lang(), **params)


def session() -> Session:
    """A read session for a page's loaders; writes go through services' units of work."""
    return Session(get_engine(), expire_on_commit=False)


def demo_banner(is_demo: bool) -> None:
    if is_demo:
        st.warning(t("app.demo_banner"), icon="⚠️")


def error(err: Exception) -> None:
    """A domain error as one sentence in the user's language."""
    code = getattr(err, "code", None)
    params = getattr(err, "params", {})
    st.error(t(code, **params) if code else str(err))


def dot_column() -> dict:
    """column_config for tables.DOT_COLUMN: the coloured dot drawn as a small picture."""
    from components.tables import DOT_COLUMN

    return {DOT_COLUMN: st.column_config.ImageColumn("", width=32)}
