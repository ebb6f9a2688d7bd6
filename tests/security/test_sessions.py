"""Item 6: sign-ins end when they should, everywhere. Sign-out, one's own new password, a reset
by the office, a new role or body, deactivating the account or its body: every session of that
user ends on its next run, open sessions and copied cookies alike (the session that changed its
own password goes on). The cookie is SameSite=Strict, and Secure when served over https.

The services on SQLite and PostgreSQL; the app through AppTest with a copied cookie (a second
browser that sends the first one's cookie); the flags and a copied cookie in Chromium."""

import sqlite3
from contextlib import closing

import pytest
from sqlmodel import select

from models import User, session_scope
from models.db import build_engine
from services.accounts import own as accounts
from services.accounts import users
from services.admin import organizations
from services.core.actor import SYSTEM, Actor
from tests.pages.conftest import point_app_at, sign_in
from tests.security.conftest import (
    change_own_password,
    open_with_cookie,
    shows_the_form,
    written_cookie,
)
from tests.services.reporting_db import actor

# --- the services, on both backends ---------------------------------------------------------


def _epoch(engine, username: str) -> int:
    with session_scope(engine) as s:
        return s.exec(select(User.session_epoch).where(User.username == username)).one()


def _holds(engine, username: str, epoch: int) -> bool:
    with session_scope(engine) as s:
        return accounts.session_user(s, username=username, epoch=epoch) is not None


def _as(engine, username: str) -> Actor:
    return actor(engine, username)


TRIGGERS = {
    "sign_out": lambda s, e, who: accounts.sign_out(s, actor=_as(e, who), epoch=_epoch(e, who)),
    "own_password": lambda s, e, who: accounts.change_password(
        s, actor=_as(e, who), current="laichau2021", new="mat-khau-dai", repeat="mat-khau-dai"
    ),
    "reset": lambda s, e, who: users.reset_password(
        s, actor=SYSTEM, username=who, new_password="mat-khau-dai"
    ),
    "role": lambda s, e, who: users.update_user(s, actor=SYSTEM, username=who, role="viewer"),
    "body": lambda s, e, who: users.update_user(
        s, actor=SYSTEM, username=who, role="body", organization_code="SNV"
    ),
    "deactivate": lambda s, e, who: users.set_user_active(
        s, actor=SYSTEM, username=who, active=False
    ),
    "body_deactivated": lambda s, e, who: organizations.set_body_active(
        s, actor=SYSTEM, code=who.upper(), active=False
    ),
}
VICTIMS = {  # a body account each, so the triggers do not meet
    "sign_out": "stttt",
    "own_password": "sct",
    "reset": "snnptnt",
    "role": "syt",
    "body": "sgddt",
    "deactivate": "skhcn",
    "body_deactivated": "sxd",
}


@pytest.mark.parametrize("trigger", list(TRIGGERS))
def test_each_change_ends_every_sign_in_of_that_user_only(demo_db, trigger):
    who = VICTIMS[trigger]
    before = _epoch(demo_db, who)
    bystander = _epoch(demo_db, "stp")
    assert _holds(demo_db, who, before)
    with session_scope(demo_db) as s:
        TRIGGERS[trigger](s, demo_db, who)
    assert not _holds(demo_db, who, before)  # every session and cookie made before
    assert _holds(demo_db, "stp", bystander)  # nobody else's


def test_a_new_display_name_ends_no_sign_in(demo_db):
    epoch = _epoch(demo_db, "stp")
    with session_scope(demo_db) as s:
        users.update_user(
            s,
            actor=SYSTEM,
            username="stp",
            role="body",
            organization_code="STP",
            display_name="Sở Tư pháp (tên mới)",
        )
    assert _holds(demo_db, "stp", epoch)


def test_a_sign_out_from_a_session_that_had_ended_ends_nothing_new(demo_db):
    """A browser left open on an ended sign-in cannot end the sign-ins made since."""
    old = _epoch(demo_db, "stp")
    with session_scope(demo_db) as s:
        accounts.sign_out(s, actor=_as(demo_db, "stp"), epoch=old)
    with session_scope(demo_db) as s:
        accounts.sign_out(s, actor=_as(demo_db, "stp"), epoch=old)  # the stale one again
    assert _holds(demo_db, "stp", old + 1)


# --- the app: an open session and a copied cookie (AppTest) -----------------------------------


@pytest.fixture(scope="module")
def own_demo(demo_sqlite_url, tmp_path_factory) -> str:
    """A copy of the demo database that these tests may change."""
    source = demo_sqlite_url.removeprefix("sqlite:///")
    copy = tmp_path_factory.mktemp("sessions") / "demo.db"
    with closing(sqlite3.connect(source)) as src, closing(sqlite3.connect(copy)) as dst:
        src.backup(dst)
    return f"sqlite:///{copy}"


@pytest.fixture
def app(own_demo, monkeypatch):
    point_app_at(own_demo, monkeypatch)
    engine = build_engine(own_demo)
    yield engine
    engine.dispose()


def _two_browsers(monkeypatch, username: str):
    """`username` signs in through the form (browser A); browser B opens the app with A's
    cookie, copied. Both are signed in."""
    a = sign_in(username)
    assert a.title, [e.value for e in a.error]
    token, _ = written_cookie(a)
    b = open_with_cookie(monkeypatch, token)
    assert b.title and not shows_the_form(b)
    return a, b, token


def _ended(at) -> bool:
    at.run()  # the open session's next run
    return shows_the_form(at) and not at.exception


def test_sign_out_ends_the_open_session_elsewhere_and_the_copied_cookie(app, monkeypatch):
    a, b, token = _two_browsers(monkeypatch, "htu")
    a.button(key="sign_out").click().run()
    assert shows_the_form(a)
    assert _ended(b)
    assert shows_the_form(open_with_cookie(monkeypatch, token))


def test_a_reset_by_the_office_ends_every_session(app, monkeypatch):
    a, b, token = _two_browsers(monkeypatch, "hmt")
    with session_scope(app) as s:
        users.reset_password(s, actor=SYSTEM, username="hmt", new_password="mat-khau-dai")
    assert _ended(a) and _ended(b)
    assert shows_the_form(open_with_cookie(monkeypatch, token))


def test_ones_own_new_password_ends_the_other_sessions_and_keeps_this_one(app, monkeypatch):
    a, b, token = _two_browsers(monkeypatch, "hsh")
    change_own_password(a, "laichau2021", "mat-khau-moi-hsh")
    assert any("Đã đổi mật khẩu" in s.value for s in a.success)
    assert a.title and not shows_the_form(a)
    fresh, _ = written_cookie(a)  # this session gets a cookie of its own sign-in
    assert fresh != token
    assert _ended(b)
    assert shows_the_form(open_with_cookie(monkeypatch, token))
    assert open_with_cookie(monkeypatch, fresh).title


@pytest.mark.parametrize("change", ["role", "deactivate", "body_deactivated"])
def test_a_new_role_or_deactivation_ends_the_session_at_once(app, monkeypatch, change):
    # accounts no other test changes in the shared demo database this one is copied from
    who = {"role": "htd", "deactivate": "sngv", "body_deactivated": "hnn"}[change]
    a, b, token = _two_browsers(monkeypatch, who)
    with session_scope(app) as s:
        TRIGGERS[change](s, app, who)
    assert _ended(a) and _ended(b)
    assert shows_the_form(open_with_cookie(monkeypatch, token))


# --- the cookie's flags ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("env", "secure"),
    [
        ({}, False),
        ({"COOKIE_SECURE": "true"}, True),
        ({"APP_BASE_URL": "https://cchc.laichau.gov.vn"}, True),
        ({"APP_BASE_URL": "https://cchc.laichau.gov.vn", "COOKIE_SECURE": "false"}, False),
    ],
)
def test_the_cookie_is_strict_and_secure_over_https(own_demo, monkeypatch, env, secure):
    point_app_at(own_demo, monkeypatch, **env)
    at = sign_in("lanhdao")
    _, options = written_cookie(at)
    assert options["sameSite"] == "strict"
    assert bool(options.get("secure")) is secure
