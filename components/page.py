"""The frame every page shares: the sign-in gate, the guard each page file starts with, who is
signed in, the demo banner, the page title, the choices a link carries in its query string.

Who may open a page is decided in two places that agree (services.permissions.ROLE_PAGES):
app.py lists only this role's pages to st.navigation, and every page file starts with
`guard(page)`. The guard matters because Streamlit also runs a file of pages/ by its own
address (/import_directive) while no script has called st.navigation yet (its legacy
"pages/ directory" mode, on a freshly started server before anyone has signed in), and then
app.py's gate never runs. So the guard trusts only the actor that app.py's gate found in this
very run; otherwise it runs the gate itself, which shows the sign-in form and stops."""

import gc
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar

import streamlit as st
from sqlalchemy.exc import OperationalError, ProgrammingError

from components import loaders, ui
from components.auth import sign_out_button, signed_in_actor
from components.ui import demo_banner, t
from config import get_settings
from render.fmt import shorten
from services.core import permissions
from services.core.actor import Actor

# The actor app.py's gate found in the current script run, while st.navigation runs the page.
# A context variable, not session state: it cannot outlive the run (a stale value in session
# state would let a page drawn outside app.py skip the sign-in check and the sign-out).
_GATED_ACTOR: ContextVar[Actor | None] = ContextVar("gated_actor", default=None)
_frozen = False  # freeze_the_libraries has run in this process


def _switch_language() -> None:
    """Before the run the click starts: every text of that run, the switch's own label and
    the widgets drawn before it included, is in the language chosen."""
    st.session_state["lang"] = st.session_state["lang_choice"]
    ui.relabel_choices()


def _language_switch() -> None:
    st.session_state.setdefault("lang_choice", ui.lang())
    st.sidebar.radio(
        t("app.language"),
        ["vi", "en"],
        horizontal=True,
        key="lang_choice",
        format_func=lambda code: {"vi": "Tiếng Việt", "en": "English"}[code],
        on_change=_switch_language,
    )


def gate() -> Actor:
    """The frame of every page: sign-in, language, who is signed in, sign-out. Stops the run
    while nobody is signed in."""
    st.session_state.setdefault("lang", get_settings().language)
    try:
        actor = signed_in_actor()
    except (OperationalError, ProgrammingError) as err:
        st.error(
            t("app.db_not_ready")
            if "no such table" in str(err).lower() or "does not exist" in str(err).lower()
            else t("app.db_unreachable", url=get_settings().database_url.split("@")[-1])
        )
        st.stop()
    if actor is None:
        st.session_state.pop("actor", None)
        st.stop()
    st.session_state["actor"] = actor
    _language_switch()
    st.sidebar.markdown(
        t(
            "app.signed_in_as",
            name=st.session_state.get("name", actor.username),
            role=t(f"role.{actor.role}"),
        )
    )
    sign_out_button()
    return actor


@contextmanager
def gated(actor: Actor) -> Iterator[None]:
    """Within this block (app.py's st.navigation(...).run()), the page's guard knows that the
    gate passed `actor` in this run."""
    token = _GATED_ACTOR.set(actor)
    try:
        yield
    finally:
        _GATED_ACTOR.reset(token)


def guard(page: str) -> Actor:
    """The first statement of every page file: the signed-in actor, if their role may open
    `page` (a key of app.PAGES); otherwise the sign-in form, or one sentence, and a stop,
    however the file was reached (app.py's navigation, Streamlit's legacy pages/ mode,
    st.switch_page, a test)."""
    actor = _GATED_ACTOR.get()
    if actor is None:  # not drawn by app.py's navigation in this run
        actor = gate()
    if not permissions.may_open(actor, page):
        st.error(t("page.not_allowed"), icon=":material/block:")
        st.stop()
    return actor


def current_actor() -> Actor:
    """The signed-in actor app.py's gate set; stops a page opened outside it."""
    actor: Actor | None = st.session_state.get("actor")
    if actor is None:
        st.stop()
    return actor


def start(title_key: str) -> Actor:
    """Draw the title and the demo banner; return the signed-in actor (app.py set it)."""
    actor = current_actor()
    st.title(t(title_key))
    demo_banner(loaders.is_demo())
    return actor


def coming_soon(title_key: str) -> None:
    start(title_key)
    st.info(t("page.coming"))


def go(page: str, **params: object) -> None:
    """Open another page's detail, with the choice in the URL so the link can be shared."""
    st.switch_page(page, query_params={k: str(v) for k, v in params.items()})


# --- what a link carries ----------------------------------------------------------------------
# A query string is typed by anyone: each value is checked, and a bad one gets one sentence
# (its value quoted, short and escaped) while the page shows its default.

_QUOTED = 40  # characters of a bad value quoted back


def link_value(name: str) -> str:
    """The query parameter `name` as sent, trimmed ("" when absent)."""
    return (st.query_params.get(name) or "").strip()


def link_number(name: str) -> tuple[str, int | None]:
    """(the value as sent, its number): the number only when the value is a whole number
    written with at most nine ASCII digits ("²", "-1", "1e3", "10**30" are not)."""
    raw = link_value(name)
    ok = raw.isascii() and raw.isdigit() and len(raw) <= 9
    return raw, int(raw) if ok else None


def link_choice(name: str, choices: Sequence[str], *, upper: bool = False) -> tuple[str, bool]:
    """(the value as sent, whether it is one of `choices`)."""
    raw = link_value(name)
    value = raw.upper() if upper else raw
    return value, value in choices


def bad_link(key: str, value: str, **params: object) -> None:
    """The one sentence for a link whose `value` this page does not know."""
    st.warning(t(key, value=shorten(value, _QUOTED), **params), icon=":material/link_off:")


def freeze_the_libraries() -> None:
    """Once per process, after the first page has run to its end: every object alive then
    (the modules, classes and functions of Streamlit, pandas, SQLAlchemy and ours, some
    220,000) is moved out of the garbage collector's sight (gc.freeze); they live as long as
    the process anyway. Streamlit collects garbage after every run (runner.postScriptGC), and
    that full collection walked all of them each time: 0.1 s of CPU per run, twice per
    sign-in (the click's run and the cookie fragment's). What later runs make (sessions,
    caches, pages' data) is still collected after each run.
    Done is remembered here, in a module imported once: app.py runs anew each time, and
    gc.get_freeze_count() walks every frozen object (10-30 ms a run at 400,000)."""
    global _frozen
    if not _frozen:
        _frozen = True
        gc.collect()  # nothing that is already garbage is kept for ever
        gc.freeze()
