"""Item 11: one password policy wherever a password is set (manage.py create-user, the
administration page's new account and reset, one's own password form), with one sentence for
each refusal and nothing written; a password is checked as typed."""

import pytest
from sqlmodel import func, select

from models import AuditEvent, User, session_scope
from models.db import build_engine
from services.accounts import own as accounts
from services.accounts import users
from services.core.actor import SYSTEM, Actor
from services.core.errors import DomainError, InvalidInput
from services.install import seed
from tests.conftest import _postgres_schema_url, migrate
from tests.pages.conftest import point_app_at
from tests.security.conftest import change_own_password
from tests.services.reporting_db import BACKENDS, new_account
from tests.services.test_manage import manage

GOOD = "mat-khau-dai"
BAD = [  # (password, catalogue key, words of the sentence)
    ("a" * 73, "err.password_long", "dài quá 72 byte"),  # bcrypt's limit: a traceback before
    ("đ" * 37, "err.password_long", "chữ có dấu tính 2–3 byte"),  # 37 letters, 74 bytes
    ("mat-khau-dai ", "err.password_spaces", "dấu cách"),  # could never sign in before
    (" mat-khau-dai", "err.password_spaces", "dấu cách"),
    ("mat\x07khau-dai", "err.password_control", "ký tự điều khiển"),
    ("mat\u200bkhau-dai", "err.password_control", "ký tự ẩn"),  # zero width: invisible
    ("ngan", "err.password_short", "ít nhất 8 ký tự"),
    ("12345678", "err.password_common", "mật khẩu phổ biến nhất"),
    ("Password1", "err.password_common", "phổ biến"),
    ("matkhau123", "err.password_common", "phổ biến"),  # Vietnamese: "password123"
    ("laichau2021", "err.password_demo", "mật khẩu của bản minh họa"),
    ("LaiChau2021", "err.password_demo", "bản minh họa"),
    ("canbo.moi.01", "err.password_is_username", "trùng với tên đăng nhập"),
    ("Laichau@2022", "err.password_guessable", "quá dễ đoán"),
    ("poiuytrewq12", "err.password_guessable", "dãy phím"),
]


@pytest.fixture(scope="module", params=BACKENDS)
def real(request, tmp_path_factory):
    """A real installation (no demo) on each backend, with one account to work on; the tests
    that change its password set it back."""
    if request.param == "sqlite":
        urls = iter([f"sqlite:///{tmp_path_factory.mktemp('real') / 'real.db'}"])
    else:
        urls = _postgres_schema_url()
    for url in urls:
        migrate(url)
        engine = build_engine(url)
        with session_scope(engine) as s:
            seed.seed_reference(s, actor=SYSTEM)
            new_account(s, "canbo.moi.01", display_name="Cán bộ mới", password=GOOD)
        yield engine
        engine.dispose()


def _counts(engine) -> tuple[int, int, str]:
    with session_scope(engine) as s:
        n_users = s.exec(select(func.count()).select_from(User)).one()
        n_events = s.exec(select(func.count()).select_from(AuditEvent)).one()
        hashed = s.exec(select(User.password_hash).where(User.username == "canbo.moi.01")).one()
    return n_users, n_events, hashed


@pytest.mark.parametrize(("password", "code", "words"), BAD)
def test_every_way_of_setting_a_password_refuses_a_bad_one(real, password, code, words):
    me = _me(real)
    calls = {
        "create_user": lambda s: new_account(
            s,
            "canbo.moi.01" if code == "err.password_is_username" else "canbo.khac",
            password=password,
        ),
        "reset_password": lambda s: users.reset_password(
            s, actor=SYSTEM, username="canbo.moi.01", new_password=password
        ),
        "change_password": lambda s: accounts.change_password(
            s, actor=me, current=GOOD, new=password, repeat=password
        ),
    }
    if code == "err.password_is_username":  # create_user: the name is taken first
        calls.pop("create_user")
    before = _counts(real)
    for name, call in calls.items():
        with pytest.raises(InvalidInput) as err, session_scope(real) as s:
            call(s)
        assert err.value.code == code, name
        assert words in str(err.value), name
        assert _counts(real) == before, name


def test_a_new_account_named_as_its_password_is_refused(real):
    with pytest.raises(InvalidInput) as err, session_scope(real) as s:
        new_account(s, "tran.van.b", password="Tran.Van.B")
    assert "trùng với tên đăng nhập" in str(err.value)


def _me(engine) -> Actor:
    with session_scope(engine) as s:
        return Actor.of(s.exec(select(User).where(User.username == "canbo.moi.01")).one())


def test_a_password_is_checked_exactly_as_it_was_set(real):
    """Spaces inside count, the ends are never trimmed, and a Vietnamese letter typed by
    either kind of input method (composed or decomposed) is the same letter."""
    composed = "tôi yêu Lai Châu 2022"
    with session_scope(real) as s:
        users.reset_password(s, actor=SYSTEM, username="canbo.moi.01", new_password=composed)

    def sign_in(password: str, address: str):
        return accounts.sign_in(
            username="canbo.moi.01", password=password, address=address, engine=real
        )

    import unicodedata

    try:
        assert sign_in(composed, "10.1.0.1").username == "canbo.moi.01"
        assert sign_in(unicodedata.normalize("NFD", composed), "10.1.0.2").username
        for typed, address in (
            (composed + " ", "10.1.0.3"),
            ("tôi yêu Lai Châu  2022", "10.1.0.4"),
        ):
            with pytest.raises(DomainError) as err:
                sign_in(typed, address)
            assert err.value.code == "auth.failed"
    finally:
        with session_scope(real) as s:
            users.reset_password(s, actor=SYSTEM, username="canbo.moi.01", new_password=GOOD)


def test_the_command_line_refuses_a_weak_or_long_password_with_one_line(db_url):
    assert manage(db_url, "seed").returncode == 0
    for password, words in (
        ("12345678", "mật khẩu phổ biến nhất"),
        ("x" * 73, "dài quá 72 byte"),
        ("laichau2021", "mật khẩu của bản minh họa"),
    ):
        out = manage(db_url, "create-user", "canbo9", "--role", "viewer", "--password", password)
        assert out.returncode == 2, out.stderr
        assert words in out.stderr and "Traceback" not in out.stderr
        assert len(out.stderr.strip().splitlines()) == 1
    assert '"users": 0' in manage(db_url, "stats", "--json").stdout


def _form(at, form_id: str) -> tuple[dict, list]:
    """The text inputs (by label) and the buttons of one form on the page."""
    inputs = {ti.label: ti for ti in at.text_input if ti.proto.form_id == form_id}
    return inputs, [b for b in at.button if b.proto.form_id == form_id]


def test_the_pages_use_the_same_policy(demo_sqlite_url, monkeypatch):
    """The administration page (a new account, a reset) and one's own password form."""
    from tests.pages.conftest import sign_in

    point_app_at(demo_sqlite_url, monkeypatch)
    at = sign_in("vanphong")
    at.query_params["tab"] = "Tài khoản"  # only the open tab runs
    at.switch_page("pages/admin.py").run()
    inputs, buttons = _form(at, "adm_user_add")
    inputs["Tên đăng nhập"].input("canbo.trang")
    inputs["Mật khẩu"].input("12345678")
    inputs["Nhập lại mật khẩu"].input("12345678")
    buttons[0].click().run()
    assert any("mật khẩu phổ biến nhất" in e.value for e in at.error), [e.value for e in at.error]
    assert not at.exception

    inputs, buttons = _form(at, f"adm_user_pw_{_picked(at)}")
    for widget in inputs.values():
        widget.input("ư" * 40)  # 80 bytes: a traceback before
    buttons[0].click().run()
    assert any("dài quá 72 byte" in e.value for e in at.error), [e.value for e in at.error]
    assert not at.exception

    change_own_password(at, "laichau2021", "Abcd1234!")
    assert any("quá dễ đoán" in e.value for e in at.error), [e.value for e in at.error]
    assert not at.exception
    with session_scope() as s:
        assert not s.exec(select(User).where(User.username == "canbo.trang")).first()


def _picked(at) -> str:
    return at.selectbox(key="adm_user_pick").value
