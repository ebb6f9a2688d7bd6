"""Item 7: sign-in throttling per account and per client address, atomic in the database; one
answer for known and unknown names; an attacker at one address cannot keep a user out; a
reset lifts the wait; the office unlocks (service, page, command line); everything audited.
Services on SQLite and PostgreSQL, the form through AppTest."""

import re
import threading
from collections import Counter
from datetime import UTC, datetime, timedelta
from ipaddress import ip_network

import pytest
from sqlmodel import delete, select

import models
from config import get_settings
from models import AuditEvent, session_scope
from services.accounts import own as accounts
from services.accounts import users
from services.core.actor import SYSTEM
from services.core.errors import DomainError
from tests.pages.conftest import point_app_at
from tests.security.conftest import engine_url, shows_the_form
from tests.services.reporting_db import actor
from tests.services.test_manage import manage

PASSWORD = "laichau2021"
# The time every attempt of a test is made at, unless it says otherwise: a wait of a few seconds
# must not run out because the machine is slow (no wall clock in the tests).
_CLOCK = {"now": datetime.now(UTC)}
# For the tests through the app, whose clock is the real one: waits that outlast a slow run.
LONG_WAITS = {"SIGN_IN_BASE_DELAY_SECONDS": "600"}


@pytest.fixture
def db(demo_db):
    """The module's demo database with no sign-in waits, and the test's clock."""
    with session_scope(demo_db) as s:
        s.exec(delete(models.SignInThrottle))
    _CLOCK["now"] = datetime.now(UTC)
    return demo_db


def _try(engine, username: str, password: str, address: str, now: datetime | None = None):
    """The outcome of one sign-in: "ok", or the refusal's catalogue key."""
    try:
        accounts.sign_in(
            username=username,
            password=password,
            address=address,
            engine=engine,
            now=now or _CLOCK["now"],
        )
    except DomainError as err:
        return err.code
    return "ok"


def _events(engine, action: str, since: int = 0) -> list[AuditEvent]:
    with session_scope(engine) as s:
        return list(
            s.exec(
                select(AuditEvent)
                .where(AuditEvent.action == action, AuditEvent.id > since)
                .order_by(AuditEvent.id)
            )
        )


def _last_event_id(engine) -> int:
    with session_scope(engine) as s:
        return s.exec(select(AuditEvent.id).order_by(AuditEvent.id.desc())).first() or 0


def _parallel(calls) -> Counter:
    """Run the calls at once, from 16 threads released together; count their outcomes."""
    barrier = threading.Barrier(len(calls))
    outcomes: list[str] = []
    lock = threading.Lock()

    def run(call):
        barrier.wait()
        outcome = call()
        with lock:
            outcomes.append(outcome)

    threads = [threading.Thread(target=run, args=(call,)) for call in calls]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return Counter(outcomes)


@pytest.fixture
def checks(monkeypatch):
    """Counts the password checks (bcrypt) the sign-in makes."""
    from services.accounts import own as module

    counted = Counter()
    real = module.check_password
    lock = threading.Lock()

    def counting(password, password_hash):
        with lock:
            counted["bcrypt"] += 1
        return real(password, password_hash)

    monkeypatch.setattr(module, "check_password", counting)
    return counted


def test_16_parallel_attempts_on_one_account_reach_the_password_check_5_times(db, checks):
    since = _last_event_id(db)
    outcomes = _parallel(
        [lambda i=i: _try(db, "vanphong", "sai-mat-khau", f"10.9.0.{i}") for i in range(16)]
    )
    free = get_settings().sign_in_account_free
    assert checks["bcrypt"] == free  # check-then-act: all 16 reached it before
    assert outcomes == Counter({"auth.failed": free, "auth.wait": 16 - free})
    assert len(_events(db, "sign_in_failed", since)) == free


def test_16_parallel_attempts_from_one_address_reach_the_password_check_3_times(db, checks):
    names = ["vanphong", "lanhdao", "snv", "khong-co-ai", "admin", "root", "stp", "x"] * 2
    outcomes = _parallel(
        [lambda n=n, i=i: _try(db, f"{n}{i}", "sai", "198.51.100.7") for i, n in enumerate(names)]
    )
    free = get_settings().sign_in_address_free
    assert checks["bcrypt"] == free
    assert outcomes == Counter({"auth.failed": free, "auth.wait": 16 - free})


def test_a_known_and_an_unknown_name_get_the_same_answers_and_the_same_work(db, checks):
    """The same sentences in the same order, one bcrypt check each: nothing tells whether an
    account exists."""
    answers = {}
    for name in ("vanphong", "khong-co-ai"):
        answers[name] = [
            _try(db, name, "sai-mat-khau", f"10.8.{len(answers)}.{i}") for i in range(7)
        ]
    assert answers["vanphong"] == answers["khong-co-ai"]
    assert answers["vanphong"] == ["auth.failed"] * 5 + ["auth.wait"] * 2
    assert checks["bcrypt"] == 10


def test_an_attacker_at_one_address_cannot_lock_a_real_user_out(db):
    attacker, office = "203.0.113.66", "10.20.0.5"
    for _ in range(20):  # as fast as they can
        _try(db, "vanphong", "doan-mo", attacker)
    assert _try(db, "vanphong", "doan-mo", attacker) == "auth.wait"
    assert _try(db, "vanphong", PASSWORD, office) == "ok"  # the office is not locked out


def test_over_two_hours_one_address_keeps_the_account_waiting_rarely_and_briefly(db, monkeypatch):
    """Simulated time: an attacker at one address tries every 10 seconds for two hours. The
    account waits at most its cap (2 minutes) at a time; over the two hours about a tenth of
    the time (the first half hour, while the address's wait grows), later at most 2 minutes
    in 30."""
    from services.accounts import own as module

    monkeypatch.setattr(module, "check_password", lambda password, password_hash: False)
    start = datetime(2026, 12, 1, 8, 0, tzinfo=UTC)
    waited, longest, run, second_hour = 0, 0, 0, 0
    for step in range(0, 2 * 3600, 10):
        now = start + timedelta(seconds=step)
        _try(db, "vanphong", "doan-mo", "203.0.113.67", now)
        with session_scope(db) as s:
            row = s.get(models.SignInThrottle, ("account", "vanphong"))
        blocked = bool(row and row.blocked_until and _aware(row.blocked_until) > now)
        waited += blocked
        second_hour += blocked and step >= 3600
        run = run + 10 if blocked else 0
        longest = max(longest, run)
    cap = get_settings().sign_in_account_max_delay_seconds
    assert longest <= cap
    assert waited / (2 * 3600 / 10) < 0.12
    assert second_hour / (3600 / 10) <= cap / 1800 + 0.02


def test_an_accounts_waits_grow_and_stay_bounded_against_many_addresses(db, monkeypatch):
    from services.accounts import own as module

    monkeypatch.setattr(module, "check_password", lambda password, password_hash: False)
    now = datetime(2026, 12, 1, 8, 0, tzinfo=UTC)
    waits = []
    for i in range(14):  # a new address each time, as soon as the account may try again
        assert _try(db, "lanhdao", "doan-mo", f"100.64.{i}.1", now) == "auth.failed"
        with session_scope(db) as s:
            row = s.get(models.SignInThrottle, ("account", "lanhdao"))
        wait = (_aware(row.blocked_until) - now).total_seconds() if row.blocked_until else 0
        waits.append(int(wait))
        now += timedelta(seconds=wait or 1)
    assert waits[:4] == [0, 0, 0, 0]
    assert waits[4:9] == [5, 10, 20, 40, 80]  # growing ...
    assert max(waits) == get_settings().sign_in_account_max_delay_seconds == 120  # ... bounded


def test_a_reset_lifts_the_accounts_wait(db):
    for i in range(6):
        _try(db, "hmt", "sai-mat-khau", f"10.7.0.{i}")
    assert _try(db, "hmt", PASSWORD, "10.7.1.1") == "auth.wait"
    with session_scope(db) as s:
        users.reset_password(s, actor=SYSTEM, username="hmt", new_password="mat-khau-moi-hmt")
    assert _try(db, "hmt", "mat-khau-moi-hmt", "10.7.1.1") == "ok"


def test_sign_ins_failures_waits_unlocks_and_sign_outs_are_audited(db):
    since = _last_event_id(db)
    assert _try(db, "snv", PASSWORD, "10.6.0.1") == "ok"
    for i in range(5):
        _try(db, "snv", "sai-mat-khau", f"10.6.1.{i}")
    _try(db, "khong-co-ai", "x", "10.6.2.1")
    with session_scope(db) as s:
        assert accounts.unlock_sign_in(s, actor=actor(db, "vanphong"), username="snv")
    with session_scope(db) as s:
        accounts.sign_out(s, actor=actor(db, "snv"), epoch=_epoch(db, "snv"))
    [signed_in] = _events(db, "sign_in", since)
    assert (signed_in.username, signed_in.after["address"]) == ("snv", "10.6.0.1")
    assert signed_in.organization_id is not None  # found under the body's filter too
    failed = _events(db, "sign_in_failed", since)
    assert [e.username for e in failed] == ["snv"] * 5 + ["?"]
    assert failed[-1].after == {"username": "khong-co-ai", "address": "10.6.2.1"}
    [locked] = _events(db, "sign_in_locked", since)
    assert locked.after["kind"] == "account" and locked.after["key"] == "snv"
    [unlocked] = _events(db, "sign_in_unlocked", since)
    assert unlocked.username == "vanphong" and unlocked.before["failures"] == 5
    assert len(_events(db, "sign_out", since)) == 1


def _epoch(engine, username: str) -> int:
    from models import User

    with session_scope(engine) as s:
        return s.exec(select(User.session_epoch).where(User.username == username)).one()


def test_the_office_unlocks_an_account_or_an_address_from_the_command_line(db):
    for i in range(6):
        _try(db, "stp", "sai-mat-khau", f"10.5.0.{i}")
    for name in ("a", "b", "c"):
        _try(db, name, "sai", "192.0.2.44")
    url = engine_url(db)
    out = manage(url, "unlock", "stp")
    assert out.returncode == 0 and "Đã mở khóa đăng nhập cho stp." in out.stdout, out.stderr
    out = manage(url, "unlock", "--address", "192.0.2.44")
    assert out.returncode == 0 and "192.0.2.44" in out.stdout, out.stderr
    assert _try(db, "stp", PASSWORD, "192.0.2.44") == "ok"
    out = manage(url, "unlock", "khong-co-ai")
    assert out.returncode == 2 and "Traceback" not in out.stderr


def test_the_office_unlocks_from_the_accounts_tab(db, monkeypatch):
    if db.dialect.name != "sqlite":
        pytest.skip("the page is the same on both backends; the service is tested on both")
    from tests.pages.conftest import sign_in

    point_app_at(engine_url(db), monkeypatch, **LONG_WAITS)
    for i in range(6):
        _try(db, "tplc", "sai-mat-khau", f"10.4.0.{i}", datetime.now(UTC))
    at = sign_in("vanphong")
    at.query_params["tab"] = "Tài khoản"  # only the open tab runs
    at.switch_page("pages/admin.py").run()
    frames = [d.value for d in at.dataframe]
    assert any("tplc" in set(f.get("Tài khoản / địa chỉ", [])) for f in frames)
    form_buttons = [b for b in at.button if b.proto.form_id == "adm_unlock"]
    [choice] = [s for s in at.selectbox if s.proto.form_id == "adm_unlock"]
    choice.set_value("account:tplc")
    form_buttons[0].click().run()
    assert any("Đã mở khóa đăng nhập cho tplc." in s.value for s in at.success)
    assert _try(db, "tplc", PASSWORD, "10.4.1.1") == "ok"


def test_the_form_throttles_per_address_with_one_message(db, monkeypatch):
    if db.dialect.name != "sqlite":
        pytest.skip("the form is the same on both backends; the services are tested on both")
    from components import auth
    from tests.pages.conftest import sign_in

    point_app_at(engine_url(db), monkeypatch, **LONG_WAITS)
    seen = {}
    for name, address in (("lanhdao", "203.0.113.7"), ("khong-co-ai", "203.0.113.8")):
        monkeypatch.setattr(auth, "_client_address", lambda address=address: address)
        seen[name] = [
            # the seconds left may differ by one: the app's clock is the real one
            [re.sub(r"\d+ giây", "N giây", e.value) for e in sign_in(name, "sai-mat-khau").error]
            for _ in range(4)
        ]
    assert seen["lanhdao"] == seen["khong-co-ai"]  # no name is told apart
    assert seen["lanhdao"][0] == ["Tên đăng nhập hoặc mật khẩu không đúng."]
    assert seen["lanhdao"][3][0].startswith("Đăng nhập tạm dừng vì đã nhập sai nhiều lần.")
    monkeypatch.setattr(auth, "_client_address", lambda: "203.0.113.9")
    at = sign_in("lanhdao")  # from elsewhere: the account itself does not wait
    assert at.title and not shows_the_form(at)


# --- the client's address ---------------------------------------------------------------------

PROXY = [ip_network("10.0.0.2/32")]


@pytest.mark.parametrize(
    ("peer", "forwarded", "trusted", "key"),
    [
        ("198.51.100.4", [], [], "198.51.100.4"),
        ("198.51.100.4", ["1.2.3.4"], [], "198.51.100.4"),  # not from a trusted proxy: ignored
        ("10.0.0.2", ["1.2.3.4"], PROXY, "1.2.3.4"),
        ("10.0.0.2", ["6.6.6.6, 1.2.3.4"], PROXY, "1.2.3.4"),  # the left part is the client's
        ("10.0.0.2", ["1.2.3.4, 10.0.0.2"], PROXY, "1.2.3.4"),
        ("10.0.0.2", ["not-an-ip"], PROXY, "10.0.0.2"),
        (None, [], [], "loopback"),  # the server's own machine
        ("2001:db8:1:2:aaaa::1", [], [], "2001:db8:1:2::/64"),  # one subscriber's network
        ("::ffff:198.51.100.4", [], [], "198.51.100.4"),
    ],
)
def test_the_client_address_believes_only_trusted_proxies(peer, forwarded, trusted, key):
    from services.accounts import throttle

    assert throttle.client_address(peer, forwarded, trusted) == key


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
