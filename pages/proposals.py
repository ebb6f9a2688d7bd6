"""Kiến nghị: the bodies' proposals waiting for a leader, answered with a direction that the
body then sees on its task."""

import streamlit as st

from components import forms, report_tables
from components.filters import EVERY_BODY, body_names
from components.page import guard, start
from components.read import read
from components.ui import choose, fmt_datetime, plain, show_flash, t, worded
from components.write import write
from render.fmt import shorten
from services.core import permissions
from services.core.permissions import Action
from services.reporting import proposals


def _in_picker(p: proposals.Proposal) -> str:
    """A waiting proposal on one line: when, who, which task, what it asks."""
    return f"{p.period} · {p.organization_code} · {p.task_label} · {shorten(p.proposals, 70)}"


actor = guard("proposals")
start("page.proposals")
names = body_names(with_all=True)
choice = st.selectbox(t("rp.body"), list(names), format_func=names.get, key=worded("pp_body"))
organization_id = None if choice == EVERY_BODY else choice
waiting = read(proposals.waiting, actor=actor, organization_id=organization_id)
answered = read(proposals.answered, actor=actor, organization_id=organization_id)

show_flash("direction")
tab_waiting, tab_answered = st.tabs(
    [t("pp.tab_waiting", n=len(waiting)), t("pp.tab_answered", n=len(answered))]
)

with tab_waiting:
    if not waiting:
        st.success(t("pp.none_waiting"))
    else:
        st.caption(t("pp.waiting_caption"))
        report_tables.waiting_proposals(waiting)
        p = choose(
            t("pp.choose"),
            waiting,
            ident=lambda p: p.report_id,
            describe=_in_picker,
            key="pp_choice",
        )
        with st.container(border=True):
            head = t("mt.task_head", label=p.task_label)
            st.markdown(
                f"**{head}** · {plain(p.organization_name)} · "
                f"{plain(p.period)} · {t(f'status.{p.status}')} {p.percent}%"
            )
            st.caption(t("rp.by", who=p.author or "—", at=fmt_datetime(p.created_at)))
            st.text(shorten(p.task_text, 400))
            forms.report_texts(p.result, p.difficulties, p.proposals)
        if permissions.can(actor, Action.DIRECT):
            typed = forms.direction_form(p.report_id)
            if typed is not None:
                text, closed = typed
                write(
                    lambda s: proposals.give_direction(
                        s, actor=actor, report_id=p.report_id, text=text, closed=closed
                    ),
                    slot="direction",
                    done=t("pp.saved", body=p.organization_code, label=p.task_label),
                    form=forms.direction_form_name(p.report_id),
                )

with tab_answered:
    if not answered:
        st.caption(t("pp.none_answered"))
    else:
        report_tables.answered_proposals(answered)
