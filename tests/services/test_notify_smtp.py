"""E-mail of notices against a real SMTP server (aiosmtpd in its own process, on a free port),
on SQLite and PostgreSQL: one digest per user with all its notices, Vietnamese decoded from
UTF-8, links to APP_BASE_URL; a second run sends nothing; a server that is down keeps the
notices queued, and once it is back each is sent exactly once; two runners send once."""

import base64
import json
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta
from email import message_from_bytes, policy
from pathlib import Path

import pytest
from sqlmodel import col, select

from config import Settings
from models import Notice, User, session_scope
from services.core import clock
from services.core.actor import Actor
from services.notices import mail, runner
from services.reporting import proposals
from tests.conftest import ROOT

NOW = clock.at(clock.today().replace(year=2022, month=12, day=20), 8, 0)
BASE = "https://cchc.laichau.gov.vn"
DIRECTION = 'Giao Sở Tài chính bố trí kinh phí <script>alert("x")</script> & báo cáo'


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class SmtpServer:
    """tests/smtp_sink.py in a process of its own; the messages it accepted."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.port = free_port()
        self.process: subprocess.Popen | None = None

    def start(self) -> None:
        self.process = subprocess.Popen(
            [
                sys.executable,
                str(ROOT / "tests" / "smtp_sink.py"),
                str(self.folder),
                str(self.port),
            ],
            stdout=subprocess.PIPE,
            text=True,
        )
        assert self.process.stdout.readline().strip() == "ready"

    def stop(self) -> None:
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=10)
            self.process = None

    def messages(self) -> list[tuple[list[str], object]]:
        out = []
        for path in sorted(self.folder.glob("*.json")):
            record = json.loads(path.read_text())
            parsed = message_from_bytes(base64.b64decode(record["data"]), policy=policy.default)
            out.append((record["rcpt_tos"], parsed))
        return out


@pytest.fixture
def smtp(tmp_path):
    server = SmtpServer(tmp_path / "mail")
    server.start()
    yield server
    server.stop()


def settings_for(db_url: str, smtp: SmtpServer) -> Settings:
    return Settings(
        database_url=db_url,
        smtp_host="127.0.0.1",
        smtp_port=smtp.port,
        smtp_starttls=False,
        smtp_timeout_seconds=5,
        mail_from="Văn phòng UBND tỉnh Lai Châu <cchc@laichau.gov.vn>",
        app_base_url=BASE,
    )


@contextmanager
def manage_env(monkeypatch, db_url: str, smtp_port: int | None = None) -> Iterator[None]:
    """manage.py's environment: the database and, with a port, a plain SMTP server on this
    machine (without one, no mail at all); the cached settings and engine are read afresh, and
    forgotten again after."""
    from config import get_settings
    from models.db import get_engine

    monkeypatch.setenv("DATABASE_URL", db_url)
    if smtp_port is None:
        for name in ("SMTP_HOST", "MAIL_FROM"):
            monkeypatch.delenv(name, raising=False)
    else:
        monkeypatch.setenv("SMTP_HOST", "127.0.0.1")
        monkeypatch.setenv("SMTP_PORT", str(smtp_port))
        monkeypatch.setenv("SMTP_STARTTLS", "false")
        monkeypatch.setenv("MAIL_FROM", "cchc@laichau.gov.vn")
    get_settings.cache_clear()
    get_engine.cache_clear()
    try:
        yield
    finally:
        get_settings.cache_clear()
        get_engine.cache_clear()


def give_direction(engine, text: str = DIRECTION) -> tuple[str, str]:
    """A leader answers the first waiting proposal: (the body account's username, address)."""
    with session_scope(engine) as s:
        leader = Actor.of(s.exec(select(User).where(User.username == "lanhdao")).one())
        waiting = proposals.waiting(s, actor=leader)[0]
        proposals.give_direction(s, actor=leader, report_id=waiting.report_id, text=text)
        user = s.exec(
            select(User).where(User.organization_id == waiting.organization_id, User.role == "body")
        ).first()
        return user.username, user.email


def with_notices(engine) -> dict[str, int]:
    """{address: number of notices} of every user who has any."""
    with session_scope(engine) as s:
        rows = s.exec(select(User.email, Notice.id).join(User, User.id == Notice.user_id)).all()
    out: dict[str, int] = {}
    for email, _ in rows:
        out[email] = out.get(email, 0) + 1
    return out


def body_text(message) -> str:
    return message.get_body(("plain",)).get_content()


def html_text(message) -> str:
    return message.get_body(("html",)).get_content()


def test_one_digest_per_user_with_every_notice_and_a_second_run_sends_nothing(seeded, db_url, smtp):
    username, address = give_direction(seeded)
    settings = settings_for(db_url, smtp)
    first = runner.notify(seeded, settings, now=NOW)
    assert first.created > 0 and first.failed == 0 and first.queued == 0
    received = smtp.messages()
    expected = with_notices(seeded)
    assert first.emailed == len(received) == len(expected)
    # each user with notices, once, and nobody else
    assert sorted(r for rcpts, _ in received for r in rcpts) == sorted(expected)
    by_address = {rcpts[0]: message for rcpts, message in received}
    message = by_address[address]
    assert address == f"{username}@demo.invalid"
    n = expected[address]
    assert message["Subject"] == f"[CCHC Lai Châu] {n} thông báo mới"
    assert "=?utf-8?" in message.as_string().split("\n\n", 1)[0].lower()  # encoded headers
    assert message["From"].addresses[0].display_name == "Văn phòng UBND tỉnh Lai Châu"
    plain = body_text(message)
    assert DIRECTION in plain  # as typed, decoded from UTF-8
    assert "Kính gửi" in plain and f"{BASE}/chi-thi?task=" in plain
    assert plain.count("\n- ") == n
    page = html_text(message)
    assert "<script>" not in page and "&lt;script&gt;" in page  # escaped in the HTML part
    assert f'href="{BASE}/chi-thi?task=' in page
    with session_scope(seeded) as s:
        assert not s.exec(select(Notice).where(col(Notice.emailed_at).is_(None))).all()

    second = runner.notify(seeded, settings, now=NOW + timedelta(minutes=15))
    assert (second.created, second.emailed, second.failed) == (0, 0, 0)
    assert len(smtp.messages()) == len(received)


def test_a_server_that_is_down_keeps_the_notices_and_sends_each_once_when_back(
    seeded, db_url, smtp
):
    settings = settings_for(db_url, smtp)
    runner.notify(seeded, settings, now=NOW)
    sent_before = len(smtp.messages())
    smtp.stop()
    _, address = give_direction(seeded, "Khẩn trương hoàn thành trong tháng")
    down = runner.notify(seeded, settings, now=NOW + timedelta(hours=1))
    assert (down.emailed, down.failed) == (0, 1) and down.queued == 1
    with session_scope(seeded) as s:
        waiting = s.exec(select(Notice).where(col(Notice.emailed_at).is_(None))).all()
        assert len(waiting) == 1 and waiting[0].attempts == 1 and waiting[0].claim is None
    smtp.start()
    # within the backoff the notice waits; after it, it is sent once
    early = runner.notify(seeded, settings, now=NOW + timedelta(hours=1, minutes=5))
    assert (early.emailed, early.queued) == (0, 1)
    back = runner.notify(seeded, settings, now=NOW + timedelta(hours=1, minutes=16))
    assert (back.emailed, back.failed, back.queued) == (1, 0, 0)
    again = runner.notify(seeded, settings, now=NOW + timedelta(hours=2))
    assert again.emailed == 0
    new = smtp.messages()[sent_before:]
    assert [rcpts for rcpts, _ in new] == [[address]]
    assert "Khẩn trương hoàn thành trong tháng" in body_text(new[0][1])


def test_two_runners_at_once_send_each_digest_once(seeded, db_url, smtp):
    settings = settings_for(db_url, smtp)
    with session_scope(seeded) as s:
        from services.notices.generate import generate

        generate(s, clock.today(NOW), now=NOW)
    expected = with_notices(seeded)
    barrier = threading.Barrier(2)
    results = []

    def run() -> None:
        barrier.wait()
        results.append(mail.send_pending(seeded, settings, now=NOW))

    threads = [threading.Thread(target=run) for _ in range(2)]
    for th in threads:
        th.start()
    for th in threads:
        th.join(timeout=120)
    received = [r for rcpts, _ in smtp.messages() for r in rcpts]
    assert sorted(received) == sorted(expected)  # each user once, whoever sent it
    assert sum(r.emailed for r in results) == len(expected)
    assert all(r.failed == 0 for r in results)


def test_without_smtp_notices_stay_in_the_app_and_nothing_fails(seeded, db_url):
    give_direction(seeded)
    result = runner.notify(seeded, Settings(database_url=db_url), now=NOW)
    assert result.created > 0 and result.emailed == 0 and result.failed == 0
    assert result.queued == sum(with_notices(seeded).values())


def test_manage_notify_json_and_bad_moment(seeded, db_url, monkeypatch, capsys):
    import manage

    with manage_env(monkeypatch, db_url):
        assert manage.main(["notify", "--now", "32/12/2022 08:00"]) == 2
        err = capsys.readouterr().err
        assert err.strip().count("\n") == 0 and "NGÀY/THÁNG/NĂM" in err
        assert manage.main(["notify", "--now", "20/12/2022 08:00", "--dry-run", "--json"]) == 0
        dry = json.loads(capsys.readouterr().out)
        assert dry["created"] > 0 and dry["emailed"] == 0
        with session_scope(seeded) as s:
            assert s.exec(select(Notice)).first() is None  # a dry run writes nothing
        assert manage.main(["notify", "--now", "20/12/2022 08:00", "--json"]) == 0
        first = json.loads(capsys.readouterr().out)
        assert first == {**dry, "queued": first["created"]}
        assert manage.main(["notify", "--now", "20/12/2022 08:30", "--json"]) == 0
        assert json.loads(capsys.readouterr().out)["created"] == 0


def test_manage_notify_with_the_server_down_exits_0_says_what_waits_and_keeps_everything(
    seeded, db_url, monkeypatch, capsys, tmp_path
):
    import manage

    smtp = SmtpServer(tmp_path / "mail")  # not started yet: nobody listens on its port
    with manage_env(monkeypatch, db_url, smtp.port):
        # the server down is not a failed run (cron would report it every 15 minutes)
        assert manage.main(["notify", "--now", "20/12/2022 08:00", "--json"]) == 0
        out = capsys.readouterr()
        result = json.loads(out.out)
        assert result["created"] > 0 and result["emailed"] == 0 and result["failed"] > 0
        assert result["queued"] == result["created"]
        assert out.err.strip().count("\n") == 0
        assert "Máy chủ thư chưa nhận" in out.err
        assert f"{result['queued']} thông báo đang chờ" in out.err  # says how many wait
        assert manage.main(["notify", "--now", "20/12/2022 08:05"]) == 0  # words, no JSON
        out = capsys.readouterr()
        assert f"{result['queued']} thông báo chờ gửi thư" in out.out
        with session_scope(seeded) as s:
            assert not s.exec(select(Notice).where(col(Notice.emailed_at).is_not(None))).all()
        expected = with_notices(seeded)
        smtp.start()  # the server back: after the backoff every notice goes, each user once
        try:
            assert manage.main(["notify", "--now", "20/12/2022 09:00", "--json"]) == 0
            back = json.loads(capsys.readouterr().out)
            assert (back["created"], back["failed"], back["queued"]) == (0, 0, 0)
            assert manage.main(["notify", "--now", "20/12/2022 12:00", "--json"]) == 0
            assert json.loads(capsys.readouterr().out)["emailed"] == 0
            received = sorted(r for rcpts, _ in smtp.messages() for r in rcpts)
            assert received == sorted(expected) and back["emailed"] == len(expected)
        finally:
            smtp.stop()


def test_manage_notify_with_a_server_refusing_exits_0_and_keeps_everything(
    seeded, db_url, monkeypatch, capsys, tmp_path
):
    """A server that answers but refuses every message (554): the same, nothing marked sent."""
    import manage

    refusing = socket.socket()
    refusing.bind(("127.0.0.1", 0))
    refusing.listen(8)
    stop = threading.Event()

    def serve() -> None:
        refusing.settimeout(0.2)
        while not stop.is_set():
            try:
                conn, _ = refusing.accept()
            except OSError:
                continue
            with conn:
                conn.sendall(b"554 5.3.2 no service here\r\n")

    th = threading.Thread(target=serve, daemon=True)
    th.start()
    try:
        with manage_env(monkeypatch, db_url, refusing.getsockname()[1]):
            assert manage.main(["notify", "--now", "20/12/2022 08:00", "--json"]) == 0
            out = capsys.readouterr()
            result = json.loads(out.out)
            assert result["failed"] > 0 and result["emailed"] == 0
            assert result["queued"] == result["created"] > 0
            assert f"{result['queued']} thông báo đang chờ" in out.err
            with session_scope(seeded) as s:
                assert not s.exec(select(Notice).where(col(Notice.emailed_at).is_not(None))).all()
                assert all(n.attempts == 1 for n in s.exec(select(Notice)).all())
    finally:
        stop.set()
        th.join(timeout=5)
        refusing.close()
