"""Notices on screen: the unread count beside the menu entry, a notice drawn as plain text with
a button that opens what it is about (and marks it read)."""

from urllib.parse import parse_qsl, urlsplit

import streamlit as st

from components.loaders import loader
from components.ui import fmt_datetime, lang, session, t
from models import session_scope
from services.core.actor import Actor
from services.notices import inbox
from services.notices.inbox import NoticeView

# The app's addresses a notice links to, and their page files (app.PAGES).
_PAGE_FILES = {
    "tong-quan": "pages/overview.py",
    "nhiem-vu": "pages/my_tasks.py",
    "chi-thi": "pages/directive.py",
    "don-vi": "pages/body.py",
    "kien-nghi": "pages/proposals.py",
    "thong-bao": "pages/notices.py",
}

# What a body's landing page shows at the top: the leaders' directions and answers.
LANDING_KINDS = ("direction", "closed")


@loader("notice", ttl=30, max_entries=1000)
def unread_count(user_id: int | None, username: str, role: str) -> int:
    with session() as s:
        return inbox.unread_count(s, actor=Actor(user_id, username, role))


def menu_label(actor: Actor) -> str:
    """ "Thông báo", with the number of unread notices beside it when there are any."""
    n = unread_count(actor.id, actor.username, actor.role)
    title = t("page.notices")
    return f"{title} ({n})" if n else title


def mark_read(actor: Actor, notice_ids: list[int] | None) -> int:
    with session_scope() as s:
        return inbox.mark_read(s, actor=actor, notice_ids=notice_ids)


def open_notice(actor: Actor, notice: NoticeView) -> None:
    """Mark the notice read and open the page its link names, with the link's choice."""
    mark_read(actor, [notice.id])
    parts = urlsplit(notice.link)
    page = _PAGE_FILES.get(parts.path.strip("/"))
    if page is None:
        st.rerun()
    st.switch_page(page, query_params=dict(parse_qsl(parts.query)))


def draw(actor: Actor, notice: NoticeView, *, key: str) -> None:
    """One notice: when and what kind (new ones marked), its sentence as plain text, Open."""
    with st.container(border=True):
        head, buttons = st.columns([5, 2], vertical_alignment="center")
        state = t("ntc.new") if not notice.read else t("ntc.read")
        head.caption(
            f"{'🔵 ' if not notice.read else ''}{fmt_datetime(notice.created_at)} · "
            f"{t('ntc_kind.' + notice.kind)} · {state}"
        )
        st.text(notice.text)  # built from data: plain text, never Markdown
        left, right = buttons.columns(2)
        if notice.link and left.button(t("ntc.open"), key=f"{key}_open_{notice.id}"):
            open_notice(actor, notice)
        if not notice.read and right.button(t("ntc.mark_read"), key=f"{key}_read_{notice.id}"):
            mark_read(actor, [notice.id])
            st.rerun()


def load(actor: Actor, **kw: object) -> list[NoticeView]:
    with session() as s:
        return inbox.my_notices(s, actor=actor, lang=lang(), **kw)  # type: ignore[arg-type]
