"""Streamlit helpers shared by every page: language, text, the demo banner, the one message
that survives a rerun (flash) and the one way to start a form afresh (form keys).

`t` is the catalogue for what Streamlit draws as Markdown (almost everything a page shows):
the values put into a sentence (names, codes, labels, periods, what someone typed, what the
URL carried) are escaped with `plain`, so they are shown as written and never read as
Markdown. Tables, charts, select boxes and exports take their words from
components.i18n.t, unescaped."""

from collections.abc import Callable, Hashable, Iterable
from typing import Any, Literal, TypeVar

import streamlit as st

import catalogue
from render.fmt import fmt_date, fmt_datetime, plain  # noqa: F401  (re-exported)


def lang() -> str:
    return st.session_state.get("lang", "vi")


ALL = ""  # a filter's "every one" choice: not None, which a select box shows as no choice at all
_WORDED: set[str] = set()


def worded(key: str) -> str:
    """`key`, naming a choice whose labels are words of the interface: when the language
    changes, its value is handed back to it (relabel_choices), since Streamlit keeps showing
    the old language's label of a choice that did not change (streamlit/streamlit#13788)."""
    _WORDED.add(key)
    return key


def relabel_choices() -> None:
    """Before the run a language switch starts: every worded choice shows its label anew."""
    for key in _WORDED & set(st.session_state.keys()):
        st.session_state[key] = st.session_state[key]


def t(key: str, **params: object) -> str:
    """The sentence `key` in the user's language, for a Markdown element: every text value
    escaped (numbers are left for the catalogue to format)."""
    if key not in catalogue.TEXTS:  # a key made from stored data ("status.<...>") shows itself
        return plain(key)
    safe = {name: plain(v) if isinstance(v, str) else v for name, v in params.items()}
    return catalogue.t(key, lang(), **safe)


def demo_banner(is_demo: bool) -> None:
    if is_demo:
        st.warning(t("app.demo_banner"), icon="⚠️")


def error(err: Exception) -> None:
    """A domain error as one sentence in the user's language (what it quotes, escaped); an
    error that gathers several problems (a file's lines) shows each one's sentence."""
    for one in getattr(err, "problems", None) or [err]:
        code = getattr(one, "code", None)
        params = getattr(one, "params", {})
        st.error(t(code, **params) if code else plain(one))


def dot_column() -> dict:
    """column_config for tables.DOT_COLUMN: the coloured dot drawn as a small picture."""
    from render.tables import DOT_COLUMN

    return {DOT_COLUMN: st.column_config.ImageColumn("", width=32)}


T = TypeVar("T")


def choose(
    label: str,
    items: Iterable[T],
    *,
    ident: Callable[[T], Hashable],
    describe: Callable[[T], str],
    key: str,
) -> T | None:
    """A select box over rows, each shown as `describe` says and remembered by its id (so that
    the choice holds when the rows are read again): the chosen row, None only if there is none."""
    by_id = {ident(item): item for item in items}
    chosen = st.selectbox(label, list(by_id), format_func=lambda i: describe(by_id[i]), key=key)
    return by_id.get(chosen)


def picked_row(frame: Any, *, key: str, **options: Any) -> int | None:
    """A table of which the user picks one row to open: the position of the picked row, or
    None. Its id columns stay in the frame, hidden (render.tables.visible)."""
    from render.tables import visible

    event = st.dataframe(
        frame,
        column_order=visible(frame),
        hide_index=True,
        on_select="rerun",
        selection_mode="single-row",
        key=key,
        **options,
    )
    return event.selection.rows[0] if event.selection.rows else None


# --- one message that survives the rerun after a write ----------------------------------------

FlashKind = Literal["success", "error"]


def flash(slot: str, message: str, kind: FlashKind = "success") -> None:
    """Show `message` where the page calls show_flash(slot), on its next run."""
    st.session_state[f"flash_{slot}"] = (kind, message)


def show_flash(slot: str) -> None:
    kind, message = st.session_state.pop(f"flash_{slot}", (None, None))
    if kind == "success":
        st.success(message, icon=":material/check_circle:")
    elif kind == "error":
        st.error(message, icon=":material/error:")


# --- forms that start afresh ------------------------------------------------------------------
# A form's widgets are keyed "<name>_<generation>_..."; a new generation is a fresh, empty form
# (and forgets what was kept for the old one), while a refused submit keeps what was typed.

_GENERATIONS = "form_generations"


def form_generation(name: str) -> int:
    return int(st.session_state.setdefault(_GENERATIONS, {}).get(name, 0))


def form_key(name: str) -> str:
    """The key of the form `name` as it stands: its widgets' keys start with it."""
    return f"{name}_{form_generation(name)}"


def reset_form(name: str) -> None:
    """Start the form `name` afresh on the next run."""
    generations = st.session_state.setdefault(_GENERATIONS, {})
    generations[name] = generations.get(name, 0) + 1
