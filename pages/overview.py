"""Tổng quan: how far the directive has got, at a glance."""

import streamlit as st

from components import charts
from components.loaders import overview_data
from components.page import start
from components.ui import lang, t

start("page.overview")
data = overview_data(lang=lang())
if data is None:
    st.info(t("ov.no_directive"))
    st.stop()
st.caption(
    f"{data['directive_title']} · {t('app.as_of', period=data['period'])}"
    f" · {t('ov.read_on', day=data['as_of'])}"
)

cols = st.columns(4)
cols[0].metric(t("ov.tasks"), data["tasks"])
cols[1].metric(t("ov.assignments"), data["assignments"])
cols[2].metric(t("ov.mean_percent"), f"{data['mean_percent']:.0f}%")
cols[3].metric(t("ov.stuck"), data["stuck"])
cols = st.columns(6)
for col, key in zip(cols, charts.TIMELINESS_ORDER, strict=True):
    col.metric(t(f"tl.{key}"), data["timeliness"][key])

st.subheader(t("ov.section_table"))
st.altair_chart(
    charts.sections_by_timeliness(data["sections_long"], lang()), use_container_width=True
)
st.dataframe(data["sections_table"], hide_index=True, use_container_width=True)
