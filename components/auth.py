"""Sign-in with streamlit-authenticator, against the users in the database.

We draw our own Vietnamese form and call the authenticator's controllers, instead of its
login widget, so that one click signs in (the widget leaves the form on screen until a
second submit when used with st.navigation) and so the cookie is written outside the form.
"""

import streamlit as st
import streamlit_authenticator as stauth
from streamlit_authenticator.utilities import LoginError

from components.ui import session, t
from config import get_settings
from services.auth import Actor
from services.users import active_user, authenticator_credentials

AUTH_KEY = "authentication_status"


@st.cache_data(ttl=60, show_spinner=False)
def _credentials() -> dict:
    with session() as s:
        return authenticator_credentials(s)


def _authenticator() -> stauth.Authenticate:
    settings = get_settings()
    return stauth.Authenticate(
        _credentials(),  # st.cache_data hands each run its own copy
        settings.cookie_name,
        settings.signing_secret(),
        settings.cookie_expiry_days,
        login_sleep_time=0,
    )


def signed_in_actor() -> tuple[Actor | None, stauth.Authenticate]:
    """The signed-in user, from this session or from a valid cookie; else draws the form.
    Returns (None, authenticator) while nobody is signed in."""
    authenticator = _authenticator()
    try:
        authenticator.login(location="unrendered")  # accepts a valid cookie
    except LoginError:
        _forget(authenticator)  # a cookie for a user who is no longer active
    if not st.session_state.get(AUTH_KEY):
        _sign_in_form(authenticator)
    if st.session_state.get(AUTH_KEY):
        with session() as s:
            user = active_user(s, st.session_state["username"])
            if user is None:  # deactivated since signing in
                _forget(authenticator)
                return None, authenticator
            return Actor.of(user), authenticator
    return None, authenticator


def _sign_in_form(authenticator: stauth.Authenticate) -> None:
    holder = st.empty()
    with holder.container():
        _, middle, _ = st.columns([1, 1.2, 1])
        with middle:
            st.markdown(f"### {t('app.title')}")
            st.caption(t("app.subtitle"))
            with st.form("sign_in"):
                username = st.text_input(t("auth.username"), autocomplete="username")
                password = st.text_input(
                    t("auth.password"), type="password", autocomplete="current-password"
                )
                submitted = st.form_submit_button(
                    t("auth.submit"), type="primary", use_container_width=True
                )
            message = st.empty()
    if not submitted:
        return
    try:
        ok = authenticator.authentication_controller.login(username, password)
    except LoginError as err:
        message.error(t("auth.error", detail=str(err)))
        return
    if ok:
        holder.empty()
        authenticator.cookie_controller.set_cookie()
    else:
        message.error(t("auth.failed"))


def _forget(authenticator: stauth.Authenticate) -> None:
    authenticator.authentication_controller.logout()
    authenticator.cookie_controller.delete_cookie()


def sign_out_button(authenticator: stauth.Authenticate) -> None:
    if st.sidebar.button(t("auth.logout"), key="sign_out", use_container_width=True):
        _forget(authenticator)
        st.rerun()
