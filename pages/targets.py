"""Chỉ tiêu: every target judged, and one target's figures by period against its value.
?target=CT03 opens a target directly."""

import streamlit as st

from components import loaders
from components.filters import sidebar_filters
from components.page import bad_link, guard, link_value, start
from components.ui import dot_column, lang, picked_row, plain, t
from render import charts, tables

guard("targets")
start("page.targets")
f = sidebar_filters()
if f is None:
    st.stop()
statuses = loaders.target_statuses(f)
if not statuses:
    st.write(t("ov.none"))
    st.stop()
by_code = {s.code: s for s in statuses}
frame = tables.target_list(statuses, lang())
wanted = link_value("target").upper()
if wanted and wanted not in by_code:
    bad_link("tgp.unknown", wanted)
picked = picked_row(frame, key="targets", column_config=dot_column())
if picked is not None:
    wanted = frame.iloc[picked]["code"]
    st.query_params["target"] = wanted
chosen = by_code.get(wanted) or statuses[0]

st.subheader(f"{plain(chosen.code)} · {plain(chosen.name)}")
badge = tables.verdict_badge(chosen.verdict.status, lang())
st.markdown(f"{badge} {plain(tables.verdict_text(chosen.verdict, lang()))}")
facts = [t(f"tgk.{chosen.kind}"), t(f"scope.{chosen.scope}")]
if chosen.owner_code:
    facts.append(t("tgp.owner", code=chosen.owner_code))
if chosen.task_label:
    facts.append(t("tgp.task", label=chosen.task_label))
st.caption(" · ".join(facts))
source = loaders.target_source(chosen.target_id)
if source:
    st.markdown(t("tgp.source"))
    st.text(source)
points = loaders.target_series(f, chosen.target_id)
if not points:
    st.info(t("tg.no_data", period=chosen.period))
else:
    target_value = loaders.target_value(chosen.target_id)
    chart = charts.target_series(points, value=target_value, unit=chosen.unit, lang=lang())
    st.vega_lite_chart(charts.spec(chart), width="stretch")
if chosen.bodies:
    st.subheader(t("tgp.by_body", period=chosen.period))
    per_body = tables.body_verdicts(chosen.bodies, lang())
    st.dataframe(
        per_body,
        column_order=tables.visible(per_body),
        column_config=dot_column(),
        hide_index=True,
    )
