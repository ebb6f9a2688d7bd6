"""Notices on screen: the unread count beside the menu entry, a notice drawn as plain text with
a button that opens what it is about (and marks it read)."""

from urllib.parse import parse_qsl, urlsplit

import streamlit as st

from components.loaders import PROGRESS, loader
from components.read import read, session
from components.ui import fmt_datetime, lang, show_flash, t
from components.write import write
from config import get_settings
from models import get_engine, session_scope
from services.core import periods
from services.core.actor import Actor
from services.notices import addresses, cycle, inbox, mail
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

SHOWN = 100  # the newest notices the page lists
SLOT = "notices"  # where the page shows the message of its last write (components.ui.flash)

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
        head, opener, reader = st.columns([6, 1, 2], vertical_alignment="center")
        state = t("ntc.new") if not notice.read else t("ntc.read")
        head.caption(
            f"{':blue[●] ' if not notice.read else ''}{fmt_datetime(notice.created_at)} · "
            f"{t('ntc_kind.' + notice.kind)} · {state}"
        )
        st.text(notice.text)  # built from data: plain text, never Markdown
        if notice.link and opener.button(
            t("ntc.open"), key=f"{key}_open_{notice.id}", width="stretch"
        ):
            open_notice(actor, notice)
        if not notice.read and reader.button(
            t("ntc.mark_read"), key=f"{key}_read_{notice.id}", width="stretch"
        ):
            mark_read(actor, [notice.id])
            st.rerun()


def load(actor: Actor, **kw: object) -> list[NoticeView]:
    with session() as s:
        return inbox.my_notices(s, actor=actor, lang=lang(), **kw)  # type: ignore[arg-type]


def _send_now() -> None:
    """E-mail what waits at once (when SMTP is set up); a failure leaves it for the next run."""
    settings = get_settings()
    if settings.smtp_configured:
        mail.send_pending(get_engine(), settings)


def office_tools(actor: Actor) -> None:
    """The secretariat's two steps of the cycle: chase the bodies that have not reported in the
    current period, and close the period."""
    with session() as s:
        current = periods.current_period(s)
        laggards = cycle.not_reported(s, actor=actor)
    if current is None:
        return
    with st.expander(t("ntc.chase_title"), icon=":material/campaign:"):
        if not laggards:
            st.success(t("ntc.all_reported", period=current.code))
        else:
            chase_form(actor, laggards, current.code, key="ntc_chase")
    following = periods.shift(current.code, 1)
    with st.expander(t("ntc.close_title"), icon=":material/lock_clock:"):
        st.caption(t("ntc.close_help", period=current.code, next=following))
        with session() as s:
            grace = cycle.grace_days(s)
        with st.form("ntc_grace"):
            days = st.number_input(
                t("ntc.grace"), min_value=0, max_value=cycle.GRACE_MAX, value=grace, step=1
            )
            if st.form_submit_button(t("ntc.grace_save")):
                write(
                    lambda s: cycle.set_grace_days(
                        s, actor=actor, days=None if days is None else int(days)
                    ),
                    slot=SLOT,
                    done=t("ntc.grace_saved"),
                )
        if st.button(t("ntc.close_button", period=current.code, next=following), key="ntc_close"):
            write(
                lambda s: cycle.close_period(s, actor=actor, code=current.code),
                slot=SLOT,
                done=lambda closed: t(
                    "ntc.closed_done", period=closed.closed, next=closed.opened, n=closed.notices
                ),
                then=lambda _: _send_now(),
            )


def chase_form(
    actor: Actor, laggards: list[cycle.Laggard], period: str, *, key: str, slot: str = SLOT
) -> None:
    """Select bodies that have not reported (all to begin with), an optional sentence, send:
    a reminder to each (in-app, e-mailed at once when SMTP is set up), at most once a day."""
    names = {b.organization_id: f"{b.code} — {b.name}" for b in laggards}
    with st.form(key):
        chosen = st.multiselect(
            t("ntc.chase_bodies", period=period),
            list(names),
            default=list(names),
            format_func=names.get,
        )
        message = st.text_input(t("ntc.chase_message_input"), max_chars=cycle.MESSAGE_LIMIT)
        if st.form_submit_button(t("ntc.chase_send"), type="primary"):
            write(
                lambda s: cycle.chase(s, actor=actor, organization_ids=chosen, message=message),
                slot=slot,
                done=lambda done: t(
                    "ntc.chase_sent", n=len(done.chased), skipped=len(done.skipped)
                ),
                then=lambda _: _send_now(),
            )


@loader(*PROGRESS, max_entries=8)
def laggards(role: str) -> tuple[str | None, list[cycle.Laggard]]:
    """The current period and the bodies that have sent no report for it (as the overview
    counts them), the same for every viewer of a role."""
    with session() as s:
        current = periods.current_period(s)
        return (
            current.code if current else None,
            cycle.not_reported(s, actor=Actor(None, "", role)),
        )


@loader("period_result", "reportingperiod")
def on_time_rates(organization_id: int) -> list[cycle.Rate]:
    with session() as s:
        return cycle.on_time_rates(s, organization_id=organization_id)


def on_time_caption(organization_id: int | None) -> None:
    """A body's on-time reporting in the closed periods (kept when each closed), newest first."""
    if organization_id is None:
        return
    rates = on_time_rates(organization_id)[:4]
    if rates:
        st.caption(
            " · ".join(
                t(
                    "ntc.on_time_line",
                    period=r.period,
                    percent=f"{r.percent:.0f}",
                    on_time=r.on_time,
                    expected=r.expected,
                    late=r.late,
                )
                for r in rates
            )
        )


def chase_body(actor: Actor, organization_id: int | None, code: str) -> None:
    """On Đơn vị, for the secretariat: remind this body when it has not reported this period."""
    if organization_id is None:
        return
    with session() as s:
        current = periods.current_period(s)
        behind = {b.organization_id for b in cycle.not_reported(s, actor=actor)}
    if current is None or organization_id not in behind:
        return
    show_flash(SLOT)
    with st.form(f"ntc_chase_{code}"):
        st.markdown(t("ntc.chase_one", code=code, period=current.code))
        message = st.text_input(t("ntc.chase_message_input"), max_chars=cycle.MESSAGE_LIMIT)
        if st.form_submit_button(t("ntc.chase_send")):
            write(
                lambda s: cycle.chase(
                    s, actor=actor, organization_ids=[organization_id], message=message
                ),
                slot=SLOT,
                done=lambda done: t(
                    "ntc.chase_sent", n=len(done.chased), skipped=len(done.skipped)
                ),
                then=lambda _: _send_now(),
            )


def own_email(actor: Actor) -> None:
    """One's own e-mail address, where the notices are also sent (when the office set up SMTP)."""
    with st.expander(t("ntc.email"), icon=":material/mail:"):
        address = read(addresses.email_of, actor=actor, username=actor.username)
        with st.form("ntc_own_email"):
            typed = st.text_input(t("ntc.email"), address, help=t("ntc.email_help"))
            if st.form_submit_button(t("ntc.email_save")):
                write(
                    lambda s: addresses.set_email(
                        s, actor=actor, username=actor.username, email=typed
                    ),
                    slot=SLOT,
                    done=t("ntc.email_saved") if typed.strip() else t("ntc.email_removed"),
                )
