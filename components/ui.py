"""Streamlit helpers shared by every page: language, text, the demo banner, loaders.

`t` is the catalogue for what Streamlit draws as Markdown (almost everything a page shows):
the values put into a sentence (names, codes, labels, periods, what someone typed, what the
URL carried) are escaped with `plain`, so they are shown as written and never read as
Markdown. Tables, charts, select boxes and exports take their words from
components.i18n.t, unescaped."""

import streamlit as st
from sqlmodel import Session

import catalogue
from config import get_settings
from models import changes, get_engine
from render.fmt import fmt_date, fmt_datetime, plain  # noqa: F401  (re-exported)


def lang() -> str:
    return st.session_state.get("lang", "vi")


def t(key: str, **params: object) -> str:
    """The sentence `key` in the user's language, for a Markdown element: every text value
    escaped (numbers are left for the catalogue to format)."""
    if key not in catalogue.TEXTS:  # a key made from stored data ("status.<...>") shows itself
        return plain(key)
    safe = {name: plain(v) if isinstance(v, str) else v for name, v in params.items()}
    return catalogue.t(key, lang(), **safe)


def session() -> Session:
    """A read session for a page's loaders; writes go through services' units of work. The
    first one also starts hearing other processes' commits (models.changes)."""
    changes.listen(get_settings().database_url)
    return Session(get_engine(), expire_on_commit=False)


def demo_banner(is_demo: bool) -> None:
    if is_demo:
        st.warning(t("app.demo_banner"), icon="⚠️")


def error(err: Exception) -> None:
    """A domain error as one sentence in the user's language (what it quotes, escaped)."""
    code = getattr(err, "code", None)
    params = getattr(err, "params", {})
    st.error(t(code, **params) if code else plain(err))


def dot_column() -> dict:
    """column_config for tables.DOT_COLUMN: the coloured dot drawn as a small picture."""
    from render.tables import DOT_COLUMN

    return {DOT_COLUMN: st.column_config.ImageColumn("", width=32)}
