"""Sign-in through the real form, against the users in the database."""

from sqlalchemy import func
from sqlmodel import Session, col, select

from models import Assignment, Task
from models.db import get_engine
from tests.pages.conftest import sign_in


def _markdown(at) -> str:
    return "\n".join(m.value for m in at.markdown) + "\n".join(str(m.value) for m in at.warning)


def test_leader_signs_in_with_one_submit_and_sees_the_overview(app_env):
    at = sign_in("lanhdao")
    assert not at.exception
    assert [t.value for t in at.title] == ["Tổng quan"]
    assert "DỮ LIỆU MINH HỌA" in _markdown(at)
    with Session(get_engine()) as s:
        tasks = s.exec(select(func.count()).select_from(Task)).one()
        # held today (the demo's Sở GTVT handed its own to Sở Xây dựng on 01/10/2022)
        assignments = s.exec(select(func.count()).where(col(Assignment.held_until).is_(None))).one()
    tiles = {m.label: m.value for m in at.metric}
    assert tiles["Nhiệm vụ"] == str(tasks) == "40"
    assert tiles["Lượt giao cho đơn vị"] == str(assignments)
    # no sign-in form is left on screen
    assert not [ti for ti in at.text_input if ti.label == "Mật khẩu"]


def test_wrong_password_is_refused_in_vietnamese(app_env):
    at = sign_in("lanhdao", "sai-mat-khau")
    assert not at.exception
    assert any("không đúng" in e.value for e in at.error)
    assert not at.metric and not at.title


def test_unknown_user_is_refused(app_env):
    at = sign_in("khong-co-ai")
    assert any("không đúng" in e.value for e in at.error)
    assert not at.metric


def test_body_user_lands_on_its_tasks(app_env):
    at = sign_in("stp")
    assert not at.exception
    assert [t.value for t in at.title] == ["Nhiệm vụ của đơn vị"]


def test_english_switch(app_env):
    at = sign_in("xem")
    at.sidebar.radio[0].set_value("en").run()
    assert not at.exception
    assert [t.value for t in at.title] == ["Overview"]
    assert any(m.label == "Tasks" for m in at.metric)


def test_a_user_deactivated_while_signed_in_gets_the_form_on_the_next_run(app_env):
    from models import User, session_scope

    at = sign_in("hpt")
    assert [t.value for t in at.title] == ["Nhiệm vụ của đơn vị"]
    with session_scope(get_engine()) as s:
        user = s.exec(select(User).where(User.username == "hpt")).one()
        user.active = False
        s.add(user)
    at.run()
    assert not at.exception
    assert not at.title  # no page of the app any more
    assert [ti.label for ti in at.text_input] == ["Tên đăng nhập", "Mật khẩu"]


def _with_cookie(monkeypatch, token: str | None):
    """The app as a browser that sends this sign-in cookie opens it."""
    from streamlit.testing.v1 import AppTest

    from components import auth
    from config import ROOT, get_settings

    cookies = {} if token is None else {get_settings().cookie_name: token}
    monkeypatch.setattr(auth, "_browser_cookies", lambda: cookies)
    return AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run()


def _token(username: str, *, days: float = 1, secret: str | None = None) -> str:
    """A sign-in cookie as the app writes it, for `username` at its current session epoch."""
    import time

    import jwt

    from config import get_settings
    from models import User

    with Session(get_engine()) as s:
        user = s.exec(select(User).where(User.username == username)).first()
    key = secret or get_settings().signing_secret()
    return jwt.encode(
        {
            "username": username,
            "epoch": user.session_epoch if user else 0,
            "exp": int(time.time() + days * 86400),
        },
        key,
        algorithm="HS256",
    )


def test_a_valid_cookie_signs_in_without_the_form(app_env, monkeypatch):
    at = _with_cookie(monkeypatch, _token("lanhdao"))
    assert not at.exception
    assert [t.value for t in at.title] == ["Tổng quan"]
    assert not [ti for ti in at.text_input if ti.label == "Mật khẩu"]


def test_a_forged_expired_or_unknown_users_cookie_gets_the_form(app_env, monkeypatch):
    for token in (
        _token("lanhdao", secret="x" * 48),  # signed with another key
        _token("lanhdao", days=-1),  # expired
        _token("khong-co-ai"),  # no such user
        "not-a-token",
        None,
    ):
        at = _with_cookie(monkeypatch, token)
        assert not at.exception, token
        assert not at.title, token
        assert [ti.label for ti in at.text_input] == ["Tên đăng nhập", "Mật khẩu"], token


def test_the_cookie_write_waits_for_the_browser_to_report(app_env):
    """The run that signs in draws the cookie writer; until the browser has reported its
    cookies (here it never does: AppTest has no browser), the write stays asked for, so the
    next run draws the writer again instead of dropping it before the browser ran it (it was
    dropped in the same run: setting the cookie also wrote it into the jar that was checked)."""
    from components.auth import COOKIE_TODO, WRITE

    at = sign_in("lanhdao")
    assert at.session_state[COOKIE_TODO] == WRITE
    at.run()
    assert at.session_state[COOKIE_TODO] == WRITE
