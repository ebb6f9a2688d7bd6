"""Số liệu: a body enters its figures for the targets it owns or that every body reports.
The secretariat picks the body and enters them on its behalf."""

import streamlit as st

from components import forms, report_tables
from components.filters import reporting_body
from components.page import guard, start
from components.read import read
from components.ui import choose, form_key, plain, show_flash, t
from components.write import write
from render.fmt import shorten
from services.reporting import figures

actor = guard("figures")
start("page.figures")
organization_id, body_name = reporting_body(actor, key="fg_body", help_key="fg.body_help")

targets = read(figures.targets_for, actor=actor, organization_id=organization_id)
st.caption(t("fg.caption", body=body_name))
if not targets:
    st.info(t("fg.no_targets"))
    st.stop()

target = choose(
    t("fg.target"),
    targets,
    ident=lambda tg: tg.id,
    describe=lambda tg: f"{tg.code} · {shorten(tg.name, 100)}",
    key=f"fg_target_{organization_id}",
)
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

periods = read(figures.figure_periods, period_type=target.period_type)
recent = read(figures.recent_figures, actor=actor, organization_id=organization_id)

if figures.may_enter(actor, target, organization_id):
    if actor.organization_id != organization_id:
        st.warning(t("fg.on_behalf_note", body=body_name), icon=":material/edit_note:")
    show_flash("figure")
    form = f"fg_{organization_id}_{target.id}"
    typed = forms.figure_form(target, periods, form_key=form_key(form))
    if typed is not None:
        write(
            lambda s: figures.submit_figure(
                s,
                actor=actor,
                data=figures.FigureInput(
                    target_id=target.id, organization_id=organization_id, **typed
                ),
            ),
            slot="figure",
            done=lambda row: t(
                "fg.saved",
                code=target.code,
                period=row.period,
                value=report_tables.number(row.value),
                unit=target.unit,
            ),
            form=form,
        )
else:
    st.info(t("fg.read_only", owner=target.owner_code or "—"))

st.markdown(f"#### {t('fg.recent')}")
if recent:
    report_tables.recent_figures(recent)
else:
    st.caption(t("fg.none_yet"))
