"""Nhiệm vụ của đơn vị: a body's assignments, most urgent first, and the report form.
The secretariat picks a body and reports on its behalf."""

import streamlit as st

from components import forms, notices_ui, report_tables
from components.filters import reporting_body
from components.page import guard, start
from components.read import read
from components.ui import choose, fmt_date, show_flash, t
from components.write import write
from render.fmt import shorten
from services.core import clock, permissions
from services.core.errors import DomainError, StaleUpdate
from services.core.permissions import Action
from services.reporting import reports as reporting

actor = guard("my_tasks")
start("page.my_tasks")
organization_id, body_name = reporting_body(actor, key="mt_body", help_key="mt.body_help")

rows = read(reporting.body_assignments, actor=actor, organization_id=organization_id)
when = read(reporting.reading)
open_periods = read(reporting.open_periods)
st.caption(t("mt.caption", body=body_name, period=when.current_period, day=fmt_date(when.as_of)))
# New directions and answers to the body's proposals first, before the task list.
news = notices_ui.load(actor, unread_only=True, kinds=notices_ui.LANDING_KINDS, limit=5)
if news:
    st.subheader(t("ntc.landing_title"))
    for notice in news:
        notices_ui.draw(actor, notice, key="mt_news")
    st.page_link("pages/notices.py", label=t("ntc.landing_more"), icon=":material/notifications:")
if not rows:
    st.info(t("mt.no_tasks"))
    st.stop()

counts = {u: sum(r.urgency == u for r in rows) for u in reporting.Urgency}
cols = st.columns(4)
cols[0].metric(t("mt.total"), len(rows))
cols[1].metric(t("mt.urgency.overdue"), counts[reporting.Urgency.OVERDUE])
cols[2].metric(t("mt.urgency.due_soon"), counts[reporting.Urgency.DUE_SOON])
cols[3].metric(t("mt.urgency.not_reported"), counts[reporting.Urgency.NOT_REPORTED])

report_tables.task_table(rows)

row = choose(
    t("mt.choose"),
    rows,
    ident=lambda r: r.assignment_id,
    describe=lambda r: (
        f"{r.task_label} · {t(f'mt.urgency.{r.urgency}')} · {shorten(r.task_text, 80)}"
    ),
    key=f"mt_choice_{organization_id}",
)

st.subheader(t("mt.task_head", label=row.task_label))
st.text(row.task_text)
meta = [t(f"role_in_task.{row.role}"), t(f"cadence.{row.cadence}")]
if row.due_date:
    meta.append(t("dir.due", day=fmt_date(row.due_date)))
meta.append(t("mt.state", status=t(f"status.{row.status}"), percent=row.percent))
st.caption(" · ".join(meta))

history = read(reporting.reports_on_assignment, actor=actor, assignment_id=row.assignment_id)
lead_reports = read(reporting.reports_of_lead, actor=actor, assignment_id=row.assignment_id)
# A leader's direction answers a proposal: the body sees the newest ones first, on its task.
for report in history:
    for note in report.directions:
        st.info(
            t("mt.direction", period=report.period, day=report_tables.day_of(note.created_at)),
            icon=":material/campaign:",
        )
        st.text(note.text)
    if report.directions:
        break

if permissions.can(actor, Action.REPORT, organization_id=row.organization_id):
    st.markdown(f"#### {t('rp.form_head')}")
    if actor.organization_id != row.organization_id:
        st.warning(t("rp.on_behalf_note", body=body_name), icon=":material/edit_note:")
    periods = reporting.report_periods(open_periods, last_period=row.last_period)
    version = forms.report_form_version(row)
    if version != row.version:
        st.warning(t("rp.changed_since_open"), icon=":material/sync_problem:")
        if st.button(t("rp.adopt_latest"), key=f"adopt_{row.assignment_id}"):
            forms.adopt_latest_version(row)
            st.rerun()
    show_flash("report")
    submitted = forms.report_form(row, periods, today=clock.today())
    if submitted is not None:
        data, version = submitted

        def again(err: DomainError) -> bool:
            """A stale form, or "done" below 100% to confirm: the sentence after a rerun, with
            what was typed kept (and the box to confirm shown)."""
            if err.code == "err.done_below_100":
                forms.ask_to_confirm_done(row.assignment_id)
                return True
            return isinstance(err, StaleUpdate)

        write(
            lambda s: reporting.submit_report(
                s,
                actor=actor,
                assignment_id=row.assignment_id,
                expected_version=version,
                data=data,
            ),
            slot="report",
            done=lambda report: t("rp.saved", label=row.task_label, period=report.period),
            form=forms.report_form_name(row.assignment_id),
            retry=again,
        )

if history:
    with st.expander(t("mt.history", n=len(history)), expanded=False):
        for report in history:
            forms.report_card(report)
if lead_reports:
    with st.expander(t("mt.lead_reports", n=len(lead_reports)), expanded=False):
        for report in lead_reports:
            forms.report_card(report, show_body=True)
