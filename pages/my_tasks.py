"""Nhiệm vụ của đơn vị: a body's assignments, most urgent first, and the report form.
The secretariat picks a body and reports on its behalf."""

import streamlit as st

from components import forms, notices_ui, report_tables
from components.page import guard, start
from components.ui import error, fmt_date, session, t
from models import session_scope
from services.core import clock, permissions
from services.core.errors import DomainError, InvalidInput, StaleUpdate
from services.core.permissions import Action
from services.reporting import reports as reporting

actor = guard("my_tasks")
start("page.my_tasks")
with session() as s:
    bodies = reporting.reporting_bodies(s)
if permissions.writes_for_any_body(actor):
    names = {oid: f"{code} — {name}" for oid, code, name in bodies}
    organization_id = st.selectbox(
        t("rp.body"), list(names), format_func=names.get, key="mt_body", help=t("mt.body_help")
    )
elif actor.organization_id is not None:
    organization_id = actor.organization_id
else:
    st.info(t("mt.no_body"))
    st.stop()
if organization_id is None:
    st.info(t("mt.no_body"))
    st.stop()

with session() as s:
    rows = reporting.body_assignments(s, actor=actor, organization_id=organization_id)
    when = reporting.reading(s)
    open_periods = reporting.open_periods(s)
body_name = next((name for oid, _, name in bodies if oid == organization_id), "")
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

by_id = {r.assignment_id: r for r in rows}
chosen = st.selectbox(
    t("mt.choose"),
    list(by_id),
    format_func=lambda aid: (
        f"{by_id[aid].task_label} · {t(f'mt.urgency.{by_id[aid].urgency}')} · "
        f"{forms.short(by_id[aid].task_text, 80)}"
    ),
    key=f"mt_choice_{organization_id}",
)
row = by_id[chosen]

st.subheader(t("mt.task_head", label=row.task_label))
st.text(row.task_text)
meta = [t(f"role_in_task.{row.role}"), t(f"cadence.{row.cadence}")]
if row.due_date:
    meta.append(t("dir.due", day=fmt_date(row.due_date)))
meta.append(t("mt.state", status=t(f"status.{row.status}"), percent=row.percent))
st.caption(" · ".join(meta))

with session() as s:
    history = reporting.reports_on_assignment(s, actor=actor, assignment_id=row.assignment_id)
    lead_reports = reporting.reports_of_lead(s, actor=actor, assignment_id=row.assignment_id)
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
    forms.show_flash("report")
    submitted = forms.report_form(row, periods, today=clock.today())
    if submitted is not None:
        data, version = submitted
        try:
            with session_scope() as s:
                report = reporting.submit_report(
                    s,
                    actor=actor,
                    assignment_id=row.assignment_id,
                    expected_version=version,
                    data=data,
                )
                period = report.period
        except StaleUpdate as err:
            # what was typed stays in the form; the page reloads the task's latest state
            forms.flash("report", "error", t(err.code, **err.params))
            st.rerun()
        except InvalidInput as err:
            if err.code == "err.done_below_100":
                forms.ask_to_confirm_done(row.assignment_id)
                forms.flash("report", "error", t(err.code, **err.params))
                st.rerun()
            error(err)
        except DomainError as err:
            error(err)
        else:
            forms.report_accepted(row.assignment_id)
            forms.flash("report", "success", t("rp.saved", label=row.task_label, period=period))
            st.rerun()

if history:
    with st.expander(t("mt.history", n=len(history)), expanded=False):
        for report in history:
            forms.report_card(report)
if lead_reports:
    with st.expander(t("mt.lead_reports", n=len(lead_reports)), expanded=False):
        for report in lead_reports:
            forms.report_card(report, show_body=True)
