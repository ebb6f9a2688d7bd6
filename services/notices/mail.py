"""E-mailing notices: one digest per user per run with all of that user's unsent notices.

A notice is marked e-mailed only after the SMTP server accepted the message that carries it.
When the server is down or refuses, the notices stay unsent and wait (backoff: 15 minutes,
doubling, at most 6 hours) for a later run; nothing is lost. Two runners at once (two servers,
a timer and someone at the console) never send a notice twice: a runner first claims the
notices it will send with one conditional UPDATE (a lock in the database, released by
sending or after CLAIM_MINUTES if the runner died)."""

import html
import smtplib
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid

from sqlalchemy import func, update
from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select
from sqlmodel.sql.expression import SelectOfScalar

from catalogue import t
from config import Settings
from models import Notice, User, session_scope
from services.core import clock
from services.notices.inbox import text_of

CLAIM_MINUTES = 10
BACKOFF_FIRST = timedelta(minutes=15)
BACKOFF_MAX = timedelta(hours=6)
LANG = "vi"


@dataclass(frozen=True)
class Outgoing:
    """One user's digest: the notices it carries and the message."""

    user_id: int
    notice_ids: list[int]
    message: EmailMessage


@dataclass(frozen=True)
class SendResult:
    emailed: int  # messages the server accepted
    failed: int  # messages not sent this run (kept queued)
    queued: int  # notices waiting to be e-mailed after this run


def backoff(attempts: int) -> timedelta:
    """How long a notice waits after its `attempts`-th failed send."""
    return min(BACKOFF_FIRST * (1 << min(max(attempts - 1, 0), 16)), BACKOFF_MAX)


def _addressed() -> SelectOfScalar[int | None]:
    """Users who have an address and are active."""
    return select(col(User.id)).where(
        col(User.active), col(User.email).is_not(None), User.email != ""
    )


def queued(session: Session) -> int:
    """Notices waiting to be e-mailed (their user has an address)."""
    return int(
        session.exec(
            select(func.count())
            .select_from(Notice)
            .where(col(Notice.emailed_at).is_(None), col(Notice.user_id).in_(_addressed()))
        ).one()
    )


def claim(engine: Engine, *, now: datetime) -> str:
    """Claim every notice due to be e-mailed that no other runner holds; the claim's token."""
    token = uuid.uuid4().hex
    with session_scope(engine) as s:
        s.exec(
            update(Notice)
            .where(
                col(Notice.emailed_at).is_(None),
                col(Notice.user_id).in_(_addressed()),
                (col(Notice.claimed_until).is_(None)) | (col(Notice.claimed_until) < now),
                (col(Notice.next_attempt_at).is_(None)) | (col(Notice.next_attempt_at) <= now),
            )
            .values(claim=token, claimed_until=now + timedelta(minutes=CLAIM_MINUTES))
            .execution_options(synchronize_session=False)
        )
    return token


def link(settings: Settings, path: str) -> str:
    base = settings.app_base_url.strip().rstrip("/")
    return f"{base}{path}" if base else path


def digest(settings: Settings, user: User, notices: list[Notice], *, now: datetime) -> EmailMessage:
    """The message for one user: plain text and simple HTML (every value escaped), UTF-8,
    headers encoded as RFC 2047 asks (email.message.EmailMessage does it)."""
    n = len(notices)
    lines = [
        t("ntc.mail_greeting", LANG, name=user.display_name),
        "",
        t("ntc.mail_intro", LANG, n=n),
        "",
    ]
    items = []
    for notice in notices:
        when = clock.local(notice.created_at).strftime("%d/%m/%Y %H:%M")
        kind = t(f"ntc_kind.{notice.kind}", LANG)
        text = text_of(notice.kind, notice.params or {}, LANG)
        target = link(settings, notice.link) if notice.link else ""
        lines.append(f"- {when} · {kind}: {text}")
        if target:
            lines.append("  " + t("ntc.mail_open", LANG, link=target))
        anchor = (
            f' <a href="{html.escape(target, quote=True)}">{html.escape(t("ntc.open", LANG))}</a>'
            if target.startswith(("http://", "https://"))
            else ""
        )
        items.append(
            f"<li><small>{html.escape(when)} · {html.escape(kind)}</small><br>"
            f"{html.escape(text)}{anchor}</li>"
        )
    inbox_link = link(settings, "/thong-bao")
    lines += ["", t("ntc.mail_footer", LANG, link=inbox_link)]
    message = EmailMessage()
    message["Subject"] = t("ntc.mail_subject", LANG, n=n)
    message["From"] = settings.mail_from
    message["To"] = Address(display_name=user.display_name, addr_spec=user.email or "")
    message["Date"] = format_datetime(clock.aware(now))
    message["Message-ID"] = make_msgid(domain=(settings.mail_from.rpartition("@")[2] or None))
    message.set_content("\n".join(lines), charset="utf-8")
    body = (
        '<!doctype html><html lang="vi"><head><meta charset="utf-8"></head>'
        '<body style="font-family: Arial, sans-serif">'
        f"<p>{html.escape(t('ntc.mail_greeting', LANG, name=user.display_name))}</p>"
        f"<p>{html.escape(t('ntc.mail_intro', LANG, n=n))}</p>"
        f"<ul>{''.join(items)}</ul>"
        f"<p><small>{html.escape(t('ntc.mail_footer', LANG, link=inbox_link))}</small></p>"
        "</body></html>"
    )
    message.add_alternative(body, subtype="html", charset="utf-8")
    return message


def outgoing(engine: Engine, settings: Settings, token: str, *, now: datetime) -> list[Outgoing]:
    """The claimed notices, one digest per user, oldest notice first."""
    out = []
    with session_scope(engine) as s:
        rows = s.exec(
            select(Notice, User)
            .join(User, col(User.id) == Notice.user_id)
            .where(Notice.claim == token)
            .order_by(col(Notice.user_id), col(Notice.created_at), col(Notice.id))
        ).all()
        by_user: dict[int, tuple[User, list[Notice]]] = {}
        for notice, user in rows:
            by_user.setdefault(notice.user_id, (user, []))[1].append(notice)
        for user_id, (user, notices) in by_user.items():
            out.append(
                Outgoing(
                    user_id,
                    [n.id for n in notices if n.id is not None],
                    digest(settings, user, notices, now=now),
                )
            )
    return out


Connect = Callable[[Settings], smtplib.SMTP]


def connect(settings: Settings) -> smtplib.SMTP:
    """An SMTP connection as the settings say (STARTTLS and login when set)."""
    server = smtplib.SMTP(
        settings.smtp_host, settings.smtp_port, timeout=settings.smtp_timeout_seconds
    )
    try:
        server.ehlo()
        if settings.smtp_starttls:
            server.starttls()
            server.ehlo()
        if settings.smtp_user:
            server.login(settings.smtp_user, settings.smtp_password)
    except BaseException:
        server.close()
        raise
    return server


def _sent(engine: Engine, token: str, ids: list[int], *, now: datetime) -> None:
    with session_scope(engine) as s:
        s.exec(
            update(Notice)
            .where(col(Notice.id).in_(ids), col(Notice.claim) == token)
            .values(emailed_at=now, claim=None, claimed_until=None)
            .execution_options(synchronize_session=False)
        )


def _release(engine: Engine, token: str, *, now: datetime) -> None:
    """Whatever this runner still holds goes back to the queue, to be tried after a wait."""
    with session_scope(engine) as s:
        held = s.exec(select(Notice).where(Notice.claim == token)).all()
        for notice in held:
            notice.attempts = (notice.attempts or 0) + 1
            notice.next_attempt_at = now + backoff(notice.attempts)
            notice.claim = None
            notice.claimed_until = None
            s.add(notice)


def send_pending(
    engine: Engine, settings: Settings, *, now: datetime | None = None, opener: Connect = connect
) -> SendResult:
    """E-mail every user's unsent notices, one message each. Nothing happens without SMTP."""
    now = now or clock.now()
    if not settings.smtp_configured:
        with session_scope(engine) as s:
            return SendResult(0, 0, queued(s))
    token = claim(engine, now=now)
    emailed = failed = 0
    try:
        messages = outgoing(engine, settings, token, now=now)
        if messages:
            try:
                server = opener(settings)
            except (OSError, smtplib.SMTPException):
                failed = len(messages)
                messages = []
                server = None
            if server is not None:
                try:
                    for mail in messages:
                        try:
                            server.send_message(mail.message)
                        except smtplib.SMTPServerDisconnected:
                            failed += 1
                            break
                        except (OSError, smtplib.SMTPException):
                            failed += 1
                            continue
                        _sent(engine, token, mail.notice_ids, now=now)
                        emailed += 1
                    failed = len(messages) - emailed
                finally:
                    try:
                        server.quit()
                    except (OSError, smtplib.SMTPException):
                        server.close()
    finally:
        _release(engine, token, now=now)
    with session_scope(engine) as s:
        return SendResult(emailed, failed, queued(s))
