"""Accounts: bad input gets a clear Vietnamese message and writes nothing."""

import pytest
from sqlmodel import select

from models import AuditEvent, User, session_scope
from services.accounts import own, users
from services.core.actor import SYSTEM, Actor, check_password
from services.core.errors import InvalidInput, PermissionDenied
from services.install import seed
from tests.services.reporting_db import new_account


@pytest.fixture
def ref(engine):
    with session_scope(engine) as s:
        seed.seed_reference(s, actor=SYSTEM)
    return engine


def counts(engine):
    with session_scope(engine) as s:
        return len(s.exec(select(User)).all()), len(s.exec(select(AuditEvent)).all())


def test_create_user_hashes_and_audits(ref):
    with session_scope(ref) as s:
        new_account(s, "CanBo.SNV", display_name="Cán bộ SNV", role="body", organization_code="snv")
    with session_scope(ref) as s:
        u = s.exec(select(User).where(User.username == "canbo.snv")).one()
        assert u.password_hash.startswith("$2") and check_password("mat-khau-dai", u.password_hash)
        assert not check_password("sai-mat-khau", u.password_hash)
        event = s.exec(select(AuditEvent).where(AuditEvent.entity == "user")).one()
        assert event.after["username"] == "canbo.snv" and "password_hash" not in event.after


@pytest.mark.parametrize(
    ("kwargs", "code", "words"),
    [
        (
            {"username": "lanhdao2", "role": "leader", "password": "short"},
            "err.password_short",
            "ít nhất 8 ký tự",
        ),
        (
            {"username": "x1", "role": "boss", "password": "mat-khau-dai"},
            "err.role_unknown",
            "Vai trò “boss” không có",
        ),
        (
            {
                "username": "x2",
                "role": "body",
                "organization_code": "NOPE",
                "password": "mat-khau-dai",
            },
            "err.org_unknown",
            "Không có cơ quan, đơn vị mã “NOPE”",
        ),
        (
            {"username": "x3", "role": "body", "password": "mat-khau-dai"},
            "err.body_needs_org",
            "phải gắn với một cơ quan",
        ),
        (
            {"username": "bad name", "role": "viewer", "password": "mat-khau-dai"},
            "err.username_format",
            "không hợp lệ",
        ),
    ],
)
def test_bad_input_writes_nothing(ref, kwargs, code, words):
    before = counts(ref)
    with pytest.raises(InvalidInput) as err, session_scope(ref) as s:
        users.create_user(s, display_name="", actor=SYSTEM, **kwargs)
    assert err.value.code == code and words in str(err.value)
    assert counts(ref) == before


def test_existing_username_is_refused(ref):
    with session_scope(ref) as s:
        new_account(s, "xem2")
    before = counts(ref)
    with pytest.raises(InvalidInput) as err, session_scope(ref) as s:
        new_account(s, "xem2")
    assert "đã có người dùng" in str(err.value)
    assert counts(ref) == before


def test_only_the_secretariat_creates_accounts(ref):
    body = Actor(id=None, username="snv", role="body", organization_id=1)
    before = counts(ref)
    with pytest.raises(PermissionDenied), session_scope(ref) as s:
        new_account(s, "new", actor=body)
    assert counts(ref) == before


def test_inactive_users_hold_no_sign_in(seeded):
    with session_scope(seeded) as s:
        u = s.exec(select(User).where(User.username == "stp")).one()
        u.active = False
        s.add(u)
    with session_scope(seeded) as s:
        assert own.session_user(s, username="stp", epoch=0) is None
        assert own.session_user(s, username="snv", epoch=0) is not None
        assert users.active_user(s, "stp") is None
