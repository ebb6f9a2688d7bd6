"""The frame every page shares: who is signed in, the demo banner, the page title."""

import streamlit as st

from components.ui import demo_banner, session, t
from services import demo
from services.auth import Actor


@st.cache_data(ttl=300, show_spinner=False)
def _is_demo() -> bool:
    with session() as s:
        return demo.is_demo(s)


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
    demo_banner(_is_demo())
    return actor


def coming_soon(title_key: str) -> None:
    start(title_key)
    st.info(t("page.coming"))


def go(page: str, **params: object) -> None:
    """Open another page's detail, with the choice in the URL so the link can be shared."""
    st.switch_page(page, query_params={k: str(v) for k, v in params.items()})
