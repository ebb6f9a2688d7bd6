"""Kiến nghị: the bodies' proposals waiting for a leader, answered with a direction that the
body then sees on its task."""

import streamlit as st

from components import forms, report_tables
from components.page import guard, start
from components.ui import error, fmt_datetime, plain, session, t
from models import session_scope
from services.core import permissions
from services.core.errors import DomainError
from services.core.permissions import Action
from services.reporting import proposals, reports

actor = guard("proposals")
start("page.proposals")
with session() as s:
    bodies = reports.reporting_bodies(s)
names = {None: t("rp.all_bodies")} | {oid: f"{code} — {name}" for oid, code, name in bodies}
organization_id = st.selectbox(t("rp.body"), list(names), format_func=names.get, key="pp_body")
with session() as s:
    waiting = proposals.waiting(s, actor=actor, organization_id=organization_id)
    answered = proposals.answered(s, actor=actor, organization_id=organization_id)

forms.show_flash("direction")
tab_waiting, tab_answered = st.tabs(
    [t("pp.tab_waiting", n=len(waiting)), t("pp.tab_answered", n=len(answered))]
)

with tab_waiting:
    if not waiting:
        st.success(t("pp.none_waiting"))
    else:
        st.caption(t("pp.waiting_caption"))
        report_tables.waiting_proposals(waiting)
        by_id = {p.report_id: p for p in waiting}
        chosen = st.selectbox(
            t("pp.choose"),
            list(by_id),
            format_func=lambda rid: (
                f"{by_id[rid].period} · {by_id[rid].organization_code} · "
                f"{by_id[rid].task_label} · {forms.short(by_id[rid].proposals, 70)}"
            ),
            key="pp_choice",
        )
        p = by_id[chosen]
        with st.container(border=True):
            head = t("mt.task_head", label=p.task_label)
            st.markdown(
                f"**{head}** · {plain(p.organization_name)} · "
                f"{plain(p.period)} · {t(f'status.{p.status}')} {p.percent}%"
            )
            st.caption(t("rp.by", who=p.author or "—", at=fmt_datetime(p.created_at)))
            st.text(forms.short(p.task_text, 400))
            for label, text in (
                ("rp.result", p.result),
                ("rp.difficulties", p.difficulties),
                ("rp.proposals", p.proposals),
            ):
                if text:
                    st.markdown(f"**{t(label)}**")
                    st.text(text)
        if permissions.can(actor, Action.DIRECT):
            typed = forms.direction_form(p.report_id)
            if typed is not None:
                text, closed = typed
                try:
                    with session_scope() as s:
                        proposals.give_direction(
                            s, actor=actor, report_id=p.report_id, text=text, closed=closed
                        )
                except DomainError as err:
                    error(err)
                else:
                    forms.direction_accepted(p.report_id)
                    forms.flash(
                        "direction",
                        "success",
                        t("pp.saved", body=p.organization_code, label=p.task_label),
                    )
                    st.rerun()

with tab_answered:
    if not answered:
        st.caption(t("pp.none_answered"))
    else:
        report_tables.answered_proposals(answered)
