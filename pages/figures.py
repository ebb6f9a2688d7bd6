"""Số liệu: a body enters its figures for the targets it owns or that every body reports.
The secretariat picks the body and enters them on its behalf."""

import streamlit as st

from components import forms, report_tables
from components.page import guard, start
from components.ui import error, plain, session, t
from models import session_scope
from services.core import permissions
from services.core.errors import DomainError
from services.reporting import figures
from services.reporting import reports as reporting

actor = guard("figures")
start("page.figures")
with session() as s:
    bodies = reporting.reporting_bodies(s)
if permissions.writes_for_any_body(actor):
    names = {oid: f"{code} — {name}" for oid, code, name in bodies}
    organization_id = st.selectbox(
        t("rp.body"), list(names), format_func=names.get, key="fg_body", help=t("fg.body_help")
    )
else:
    organization_id = actor.organization_id
if organization_id is None:
    st.info(t("mt.no_body"))
    st.stop()

with session() as s:
    targets = figures.targets_for(s, actor=actor, organization_id=organization_id)
body_name = next((name for oid, _, name in bodies if oid == organization_id), "")
st.caption(t("fg.caption", body=body_name))
if not targets:
    st.info(t("fg.no_targets"))
    st.stop()

by_id = {tg.id: tg for tg in targets}
chosen = st.selectbox(
    t("fg.target"),
    list(by_id),
    format_func=lambda tid: f"{by_id[tid].code} · {forms.short(by_id[tid].name, 100)}",
    key=f"fg_target_{organization_id}",
)
target = by_id[chosen]
goal = t(
    f"fg.kind.{target.kind}",
    value=f"{target.value:g}" if target.value is not None else "",
    unit=target.unit,
)
scope = (
    t("fg.scope_per_body")
    if target.scope == "per_body"
    else t("fg.scope_province", owner=target.owner_code or "—")
)
st.markdown(f"**{plain(target.code)}** · {plain(target.name)}")
st.caption(f"{t('fg.goal')}: {goal} · {t(f'fg.period_type.{target.period_type}')} · {scope}")

with session() as s:
    periods = figures.figure_periods(s, period_type=target.period_type)
    recent = figures.recent_figures(s, actor=actor, organization_id=organization_id)

if figures.may_enter(actor, target, organization_id):
    if actor.organization_id != organization_id:
        st.warning(t("fg.on_behalf_note", body=body_name), icon=":material/edit_note:")
    forms.show_flash("figure")
    generation = st.session_state.get(f"fg_gen_{target.id}", 0)
    typed = forms.figure_form(
        target, periods, form_key=f"fg_{organization_id}_{target.id}_{generation}"
    )
    if typed is not None:
        try:
            with session_scope() as s:
                row = figures.submit_figure(
                    s,
                    actor=actor,
                    data=figures.FigureInput(
                        target_id=target.id,
                        organization_id=organization_id,
                        **typed,
                    ),
                )
                saved = (row.period, report_tables.number(row.value))
        except DomainError as err:
            error(err)
        else:
            st.session_state[f"fg_gen_{target.id}"] = generation + 1
            forms.flash(
                "figure",
                "success",
                t("fg.saved", code=target.code, period=saved[0], value=saved[1], unit=target.unit),
            )
            st.rerun()
else:
    st.info(t("fg.read_only", owner=target.owner_code or "—"))

st.markdown(f"#### {t('fg.recent')}")
if recent:
    report_tables.recent_figures(recent)
else:
    st.caption(t("fg.none_yet"))
