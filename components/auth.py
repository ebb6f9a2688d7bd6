"""Sign-in against the users in the database, and the sign-in cookie.

- The form calls services.accounts.sign_in: throttled per account and per client address,
  one bcrypt check, one answer for a wrong name and a wrong password, audited.
- The cookie is a JWT (PyJWT, HS256, the cookie secret) of the username, the account's
  session epoch and the expiry. The browser-side cookie manager (extra_streamlit_components)
  writes it with SameSite=Strict, and Secure when the app is served over https (a setting,
  or the page's own address). Being written by script, it cannot be HttpOnly.
- On every run the session, or the cookie the browser sent, stands only while
  services.accounts.session_user says it holds: the account and its body active, the epoch
  the one it signed in at. Sign-out, a new password, a new role or body and deactivation add
  one to the epoch, so every session of that user ends on its next run, copied cookies too.
- No start with a guessable cookie secret, in any mode (config.secret_problem).
"""

import sys
from collections.abc import Mapping
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import extra_streamlit_components as stx
import jwt
import streamlit as st
import streamlit.components.v1 as components

from components import forms, loaders
from components.read import read
from components.ui import show_flash, t
from components.write import write
from config import get_settings
from models import session_scope
from services.accounts import own as accounts
from services.accounts import throttle
from services.accounts.own import SignedIn
from services.core.actor import Actor
from services.core.errors import DomainError

SIGNED_IN = "signed_in"  # SignedIn: who, and the epoch they signed in at
COOKIE_VALUE = "sign_in_cookie_value"  # the cookie value to write
REFUSED_COOKIE = "refused_sign_in_cookie"  # a cookie already found not to hold
SIGN_OUT_KEY = "sign_out"
COOKIE_TODO = "sign_in_cookie_todo"  # WRITE or DELETE, until the browser reports it done
COOKIE_GENERATION = "sign_in_cookie_generation"  # one writer component per thing asked
WRITE, DELETE = "write", "delete"
# The cookie manager's page from extra_streamlit_components, declared once here: it writes or
# deletes one cookie and reports True (its class would also draw a second component that
# reports the whole jar, and every report reruns the page).
_cookie_component = components.declare_component(
    "sign_in_cookie",
    path=str(Path(stx.__file__).parent / "CookieManager" / "frontend" / "build"),
)
# Zero-height component frames take no room (the cookie manager's own rule).
_HIDE_EMPTY_FRAMES = "<style>.element-container:has(iframe[height='0']) {display: none;}</style>"


def _refuse_weak_secret() -> None:
    """Stop here, with one clear line, if the cookie secret could be guessed."""
    problem = get_settings().cookie_secret_problem()
    if problem:
        line = t(problem)
        print(line, file=sys.stderr)
        st.error(line, icon=":material/lock:")
        st.stop()


def signed_in_actor() -> Actor | None:
    """The signed-in user, from this session or from a valid cookie; else draws the form
    and returns None.

    The cookie manager is a browser component that reports back, and so reruns the whole
    page, a moment after it is drawn; a click made during that rerun (on the sign-in button,
    on a slide's "next") is lost. So it is drawn only while a cookie must be written or
    deleted: from the run that signs in or out until the browser reports it done. The cookie
    the browser brings is read from the request and checked here."""
    _refuse_weak_secret()
    # The form and the cookie components live in one container at the top, so the page's
    # own elements keep their places between the run that signs in and the next: otherwise
    # the browser shows the old and the new page title together while the next run draws.
    with st.container():
        return _signed_in_actor()


def _signed_in_actor() -> Actor | None:
    if st.session_state.get(SIGN_OUT_KEY):  # the sign-out button, clicked on the last run
        _sign_out()
    elif SIGNED_IN not in st.session_state:
        from_cookie = _cookie_sign_in()
        if from_cookie is not None:
            st.session_state[SIGNED_IN] = from_cookie
    actor = _holding()
    if actor is None:
        signed = _sign_in_form()
        if signed is not None:
            _remember(signed)
            actor = _holding()
    _sync_cookie()
    return actor


def _holding() -> Actor | None:
    """The actor this session stands for, if its sign-in still holds; else it is forgotten
    (and the cookie deleted), so the form shows on this very run."""
    signed: SignedIn | None = st.session_state.get(SIGNED_IN)
    if signed is None:
        return None
    user = read(accounts.session_user, username=signed.username, epoch=signed.epoch)
    if user is None:
        _forget()
        return None
    st.session_state["name"] = user.display_name
    return Actor.of(user)


def _remember(signed: SignedIn) -> None:
    """Keep the sign-in in this session and have the browser keep it in the cookie."""
    settings = get_settings()
    expires = datetime.now(UTC) + timedelta(days=settings.cookie_expiry_days)
    st.session_state[SIGNED_IN] = signed
    st.session_state[COOKIE_VALUE] = jwt.encode(
        {"username": signed.username, "epoch": signed.epoch, "exp": expires},
        settings.signing_secret(),
        algorithm="HS256",
    )
    _ask(WRITE)


def _forget() -> None:
    """Forget this session's sign-in, and have the browser drop the sign-in cookie."""
    raw = _browser_cookies().get(get_settings().cookie_name)
    if raw:
        st.session_state[REFUSED_COOKIE] = raw
    for key in (SIGNED_IN, COOKIE_VALUE, "actor", "name"):
        st.session_state.pop(key, None)
    _ask(DELETE)


def _sign_out() -> None:
    signed: SignedIn | None = st.session_state.get(SIGNED_IN)
    actor: Actor | None = st.session_state.get("actor")
    if signed is not None and actor is not None:
        with session_scope() as s:
            accounts.sign_out(s, actor=actor, epoch=signed.epoch)
    _forget()


def _sync_cookie() -> None:
    """Write or delete the sign-in cookie, while it is asked for (COOKIE_TODO)."""
    if st.session_state.get(COOKIE_TODO) is not None:
        _cookie_writer()


@st.fragment
def _cookie_writer() -> None:
    """One browser component writes (or deletes) the cookie and reports back when it has. It
    lives in a fragment, so that report reruns this function only, never the page: a sign-in
    costs the run of the click (the password check, the page) and this small rerun, in which
    the report is read and the writer goes. Until it reports, every run draws it again (with
    the same key, so the browser keeps the one it has)."""
    todo = st.session_state.get(COOKIE_TODO)
    if todo is None:
        return
    settings = get_settings()
    key = f"sign_in_cookie_{todo}_{st.session_state.get(COOKIE_GENERATION, 0)}"
    st.markdown(_HIDE_EMPTY_FRAMES, unsafe_allow_html=True)
    token = st.session_state.get(COOKIE_VALUE)
    if todo == WRITE and token:
        expires = datetime.now(UTC) + timedelta(days=settings.cookie_expiry_days)
        done = _cookie_component(
            method="set",
            cookie=settings.cookie_name,
            value=token,
            options={
                "path": "/",
                "expires": expires.isoformat(),
                "secure": _secure(),
                "sameSite": "strict",
            },
            key=key,
            default=False,
        )
    else:
        done = _cookie_component(
            method="delete", cookie=settings.cookie_name, key=key, default=False
        )
    if done:
        st.session_state.pop(COOKIE_TODO, None)


def _ask(todo: str) -> None:
    """Have the browser write or delete the cookie, with a writer of its own."""
    st.session_state[COOKIE_TODO] = todo
    st.session_state[COOKIE_GENERATION] = st.session_state.get(COOKIE_GENERATION, 0) + 1


def _secure() -> bool:
    """Secure when the settings say the app is served over https, or the page's address is."""
    if get_settings().secure_cookie:
        return True
    try:
        return str(st.context.url or "").lower().startswith("https://")
    except Exception:  # no browser behind this run (a test harness)
        return False


def _cookie_sign_in() -> SignedIn | None:
    """The sign-in the browser's cookie claims, if it is ours, signed and not expired (whether
    it still holds is checked next, as for every session)."""
    raw = _browser_cookies().get(get_settings().cookie_name)
    if not raw or raw == st.session_state.get(REFUSED_COOKIE):
        return None
    try:
        token = jwt.decode(
            raw,
            get_settings().signing_secret(),
            algorithms=["HS256"],
            options={"require": ["exp", "username", "epoch"]},
        )
    except jwt.PyJWTError:
        st.session_state[REFUSED_COOKIE] = raw
        _ask(DELETE)
        return None
    if not isinstance(token["username"], str) or not isinstance(token["epoch"], int):
        return None
    return SignedIn(token["username"], "", token["epoch"])


def _browser_cookies() -> Mapping[str, str]:
    """The sign-in cookie the browser sent with the request that opened this session."""
    name = get_settings().cookie_name
    try:
        raw = st.context.cookies.get(name)
    except Exception:  # no browser behind this run (a test harness)
        return {}
    return {name: raw} if isinstance(raw, str) else {}  # AppTest hands out stand-ins


def _client_address() -> str:
    """The client's address as the throttle keys it: the connection's peer, or what a trusted
    proxy (TRUSTED_PROXIES) says it forwarded for."""
    try:
        peer = st.context.ip_address
        forwarded = list(st.context.headers.get_all("X-Forwarded-For"))
    except Exception:  # no browser behind this run (a test harness)
        peer, forwarded = None, []
    return throttle.client_address(
        peer if isinstance(peer, str) else None,  # AppTest hands out stand-in objects
        [h for h in forwarded if isinstance(h, str)],
        get_settings().proxy_networks(),
    )


def _sign_in_form() -> SignedIn | None:
    """Draw the form; on a submit, sign in. The sign-in once it succeeds, else None."""
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
            if loaders.is_demo():
                st.caption(t("auth.demo_hint"))
    if not submitted:
        return None
    try:
        signed = accounts.sign_in(
            username=username or "", password=password or "", address=_client_address()
        )
    except DomainError as err:
        message.error(t(err.code, **err.params))
        return None
    holder.empty()
    return signed


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
        show_flash("password")
        if not st.session_state.get("pw_open"):
            return
        typed = forms.change_password_form()
        if typed is None:
            return
        current, new, repeat = typed

        def signed_in_again(epoch: int) -> None:
            """Every other sign-in of the account has ended; this one goes on with a fresh
            cookie, and the form closes."""
            _remember(replace(st.session_state[SIGNED_IN], epoch=epoch))
            st.session_state["pw_open"] = False

        write(
            lambda s: accounts.change_password(
                s, actor=actor, current=current, new=new, repeat=repeat
            ),
            slot="password",
            done=t("auth.password_changed"),
            form=forms.PASSWORD_FORM,
            then=signed_in_again,
        )
