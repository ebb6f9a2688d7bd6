"""One's own notices: the list (newest first), the unread count, marking read. Everyone may
read and mark only their own."""

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, update
from sqlmodel import Session, col, select

from catalogue import t
from models import Notice
from services.core import clock
from services.core.actor import Actor
from services.core.permissions import Action, require


@dataclass(frozen=True)
class NoticeView:
    id: int
    kind: str
    text: str  # built from data: shown as plain text, never Markdown
    link: str
    created_at: datetime
    read: bool


def text_of(kind: str, params: dict[str, Any], lang: str = "vi") -> str:
    """The sentence a notice says, in `lang`."""
    text = t(f"ntc.{kind}", lang, **params)
    if kind == "chase" and params.get("message"):
        text += " " + t("ntc.chase_message", lang, message=params["message"])
    if kind == "digest":
        text += _digest_lists(params, lang)
    return text


def _digest_lists(params: dict[str, Any], lang: str) -> str:
    """The weekly digest's lists, each a sentence: "task – body" items joined by semicolons."""
    lists = [
        ("ntc.digest_done", [f"{task} – {body}" for task, body in params.get("done") or []]),
        (
            "ntc.digest_late",
            [
                f"{task} – {body} ({t('ntc.days', lang, n=days)})"
                for task, body, days in params.get("late") or []
            ],
        ),
        (
            "ntc.digest_oldest",
            [
                f"{task} – {body} ({t('ntc.since', lang, day=day)})"
                for task, body, day in params.get("oldest") or []
            ],
        ),
    ]
    return "".join(" " + t(key, lang, items="; ".join(items)) for key, items in lists if items)


def _view(n: Notice, lang: str) -> NoticeView:
    return NoticeView(
        id=n.id or 0,
        kind=n.kind,
        text=text_of(n.kind, n.params or {}, lang),
        link=n.link,
        created_at=clock.aware(n.created_at),
        read=n.read_at is not None,
    )


def unread_count(session: Session, *, actor: Actor) -> int:
    if actor.id is None:
        return 0
    return int(
        session.exec(
            select(func.count())
            .select_from(Notice)
            .where(Notice.user_id == actor.id, col(Notice.read_at).is_(None))
        ).one()
    )


def my_notices(
    session: Session,
    *,
    actor: Actor,
    lang: str = "vi",
    limit: int = 200,
    unread_only: bool = False,
    kinds: tuple[str, ...] | None = None,
) -> list[NoticeView]:
    """The actor's notices, newest first."""
    require(actor, Action.READ)
    if actor.id is None:
        return []
    query = select(Notice).where(Notice.user_id == actor.id)
    if unread_only:
        query = query.where(col(Notice.read_at).is_(None))
    if kinds:
        query = query.where(col(Notice.kind).in_(kinds))
    rows = session.exec(
        query.order_by(col(Notice.created_at).desc(), col(Notice.id).desc()).limit(limit)
    ).all()
    return [_view(n, lang) for n in rows]


def mark_read(
    session: Session,
    *,
    actor: Actor,
    notice_ids: list[int] | None = None,
    now: datetime | None = None,
) -> int:
    """Mark the actor's own notices read (those named, or all); how many changed. Another
    user's notice is never touched, whatever id is named."""
    if actor.id is None:
        return 0
    statement = (
        update(Notice)
        .where(col(Notice.user_id) == actor.id, col(Notice.read_at).is_(None))
        .values(read_at=now or clock.now())
        .execution_options(synchronize_session=False)
    )
    if notice_ids is not None:
        if not notice_ids:
            return 0
        statement = statement.where(col(Notice.id).in_(notice_ids))
    return int(session.exec(statement).rowcount or 0)
