"""Sign-in with streamlit-authenticator, against the users in the database.

We draw our own Vietnamese form and call the authenticator's controllers, instead of its
login widget, so that one click signs in (the widget leaves the form on screen until a
second submit when used with st.navigation) and so the cookie is written outside the form.

Hardening: no start outside demo mode with a default or short cookie secret; wrong passwords
counted in the database (the credentials are rebuilt on every run) and an account waits
after too many; an inactive user is refused, also with an earlier cookie; sign-out; one's own
password.
"""

import sys
import time
from collections.abc import Mapping

import jwt
import streamlit as st
import streamlit_authenticator as stauth
from streamlit_authenticator.controllers import AuthenticationController
from streamlit_authenticator.utilities import LoginError

from components import forms
from components.ui import error, session, t
from config import get_settings
from models import session_scope
from services import accounts, demo
from services.auth import Actor
from services.errors import DomainError
from services.users import active_user, authenticator_credentials

AUTH_KEY = "authentication_status"
SIGN_OUT_KEY = "sign_out"
COOKIE_TODO = "sign_in_cookie_todo"  # WRITE or DELETE, until the browser reports it done
WRITE, DELETE = "write", "delete"


@st.cache_data(ttl=60, show_spinner=False)
def _credentials() -> dict:
    with session() as s:
        return authenticator_credentials(s)


@st.cache_data(ttl=300, show_spinner=False)
def _is_demo() -> bool:
    with session() as s:
        return demo.is_demo(s)


def _refuse_weak_secret() -> None:
    """Stop here, with one clear line, if the cookie secret could be guessed."""
    problem = get_settings().cookie_secret_problem(demo=_is_demo())
    if problem:
        line = t(problem)
        print(line, file=sys.stderr)
        st.error(line, icon=":material/lock:")
        st.stop()


def _authenticator() -> stauth.Authenticate:
    settings = get_settings()
    return stauth.Authenticate(
        _credentials(),  # st.cache_data hands each run its own copy
        settings.cookie_name,
        settings.signing_secret(),
        settings.cookie_expiry_days,
        login_sleep_time=0,
        auto_hash=False,  # the database holds bcrypt hashes only
    )


def signed_in_actor() -> Actor | None:
    """The signed-in user, from this session or from a valid cookie; else draws the form
    and returns None.

    The authenticator's cookie manager is a browser component that reports back, and so
    reruns the whole page, a moment after it is drawn; a click made during that rerun (on the
    sign-in button, on a slide's "next") is lost. So it is drawn only while a cookie must be
    written or deleted: from the run that signs in or out until the browser reports it done.
    The cookie the browser brings is read from the request and checked here, as the
    authenticator would.
    """
    _refuse_weak_secret()
    # The form and the cookie components live in one container at the top, so the page's
    # own elements keep their places between the run that signs in and the next: otherwise
    # the browser shows the old and the new page title together while the next run draws.
    with st.container():
        return _signed_in_actor()


def _signed_in_actor() -> Actor | None:
    if st.session_state.get(SIGN_OUT_KEY):  # the sign-out button, clicked on the last run
        _forget()
    elif not st.session_state.get(AUTH_KEY):
        token = _cookie_token()
        if token:
            try:
                _password_checker().login(token=token)  # signed in by the cookie
            except LoginError:  # a cookie for a user who is no longer active
                _forget()
    if not st.session_state.get(AUTH_KEY) and _sign_in_form(_password_checker()):
        st.session_state[COOKIE_TODO] = WRITE
    actor = None
    if st.session_state.get(AUTH_KEY):
        with session() as s:
            user = active_user(s, st.session_state["username"])
        if user is None:  # deactivated since signing in: back to the form at once
            _forget()
            _sign_in_form(_password_checker())
        else:
            actor = Actor.of(user)
    _sync_cookie()
    return actor


def _forget() -> None:
    """Sign this session out, and have the browser drop the sign-in cookie."""
    _password_checker().logout()
    st.session_state[COOKIE_TODO] = DELETE


def _sync_cookie() -> None:
    """Write or delete the sign-in cookie. The cookie manager draws one component that
    reports the browser's cookies back (which reruns the page) and one that does the work;
    that rerun can remove the working component before the browser has loaded it. So the
    work is asked for again in the run the report starts, and only then left to finish: no
    report of the manager's own comes after it. (A browser always holds Streamlit's own
    cookie, so an empty jar means "not reported yet".)"""
    todo = st.session_state.get(COOKIE_TODO)
    if todo is None:
        return
    authenticator = _authenticator()
    jar = authenticator.cookie_controller.cookie_model.cookie_manager.cookies
    reported = bool(jar)  # read now: setting a cookie also writes it into this same dict
    if reported and bool(jar.get(get_settings().cookie_name)) == (todo == WRITE):
        st.session_state.pop(COOKIE_TODO)  # already as wanted
        return
    if todo == WRITE:
        authenticator.cookie_controller.set_cookie()
    else:
        authenticator.cookie_controller.delete_cookie()
    if reported:
        st.session_state.pop(COOKIE_TODO)


def _cookie_token() -> dict | None:
    """The sign-in cookie the browser sent, if it is ours, signed and not expired; never
    after a sign-out in this session (the request's cookies are those of its start)."""
    raw = _browser_cookies().get(get_settings().cookie_name)
    if not raw or st.session_state.get("logout"):
        return None
    try:
        token = jwt.decode(raw, get_settings().signing_secret(), algorithms=["HS256"])
    except jwt.PyJWTError:
        return None
    if "username" not in token or float(token.get("exp_date", 0)) <= time.time():
        return None
    return token


def _password_checker() -> AuthenticationController:
    """The authenticator's checks (password, cookie token) without its cookie manager."""
    return AuthenticationController(
        _credentials(), auto_hash=False, secret_key=get_settings().signing_secret()
    )


def _browser_cookies() -> Mapping[str, str]:
    try:
        return st.context.cookies
    except Exception:  # no browser behind this run (a test harness)
        return {}


def _sign_in_form(checker: AuthenticationController) -> bool:
    """Draw the form; on a submit, check the lock and the password. True once signed in."""
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
                submitted = st.form_submit_button(t("auth.submit"), type="primary", width="stretch")
            message = st.empty()
            if _is_demo():
                st.caption(t("auth.demo_hint"))
    if not submitted:
        return False
    settings = get_settings()
    name = (username or "").strip().lower()
    with session_scope() as s:
        lock = accounts.sign_in_lock(
            s,
            username=name,
            max_attempts=settings.max_failed_logins,
            lock_minutes=settings.login_lock_minutes,
        )
    if lock is not None:
        message.error(t("auth.locked", n=lock.attempts, minutes=lock.minutes_left))
        return False
    try:
        ok = checker.login(name, password)
    except LoginError as err:
        message.error(t("auth.error", detail=str(err)))
        return False
    with session_scope() as s:
        failures = accounts.record_sign_in(s, username=name, succeeded=bool(ok))
    if ok:
        holder.empty()
        return True
    left = settings.max_failed_logins - failures
    if failures and left <= 0:
        message.error(t("auth.locked", n=failures, minutes=settings.login_lock_minutes))
    elif failures and left <= 2:
        message.error(t("auth.failed_left", n=left))
    else:
        message.error(t("auth.failed"))
    return False


def sign_out_button() -> None:
    """Sign-out, and a small form to change one's own password, in the sidebar. A click on
    sign-out is acted on at the top of the next run (signed_in_actor), in the same run that
    draws the sign-in form, so the cookie's deletion reaches the browser. The password form
    is drawn only once asked for, so no page carries a form its reader did not open."""
    st.sidebar.button(t("auth.logout"), key=SIGN_OUT_KEY, width="stretch")
    actor: Actor | None = st.session_state.get("actor")
    if actor is None:
        return
    if st.sidebar.button(
        t("auth.change_password"),
        key="pw_toggle",
        icon=":material/key:",
        width="stretch",
    ):
        st.session_state["pw_open"] = not st.session_state.get("pw_open", False)
    with st.sidebar:
        forms.show_flash("password")
        if not st.session_state.get("pw_open"):
            return
        typed = forms.change_password_form()
    if typed is None:
        return
    current, new, repeat = typed
    try:
        with session_scope() as s:
            accounts.change_password(s, actor=actor, current=current, new=new, repeat=repeat)
    except DomainError as err:
        with st.sidebar:
            error(err)
        return
    _credentials.clear()  # the sign-in form checks the new hash from now on
    forms.password_changed()
    st.session_state["pw_open"] = False
    forms.flash("password", "success", t("auth.password_changed"))
    st.rerun()
