"""Đơn vị: one body's assignments, timeliness, targets and reports, and its rank among peers.
?org=CODE opens a body directly."""

import streamlit as st

from components import loaders
from components.filters import sidebar_filters
from components.page import bad_link, go, guard, link_value, start
from components.ui import fmt_date, fmt_datetime, lang, picked_row, plain, t
from render import tables

guard("body")
start("page.body")
f = sidebar_filters(with_kind=False)
if f is None:
    st.stop()
bodies = loaders.bodies()
codes = [b.code for b in bodies if b.kind != "external"] + [
    b.code for b in bodies if b.kind == "external"
]
names = {b.code: b.name for b in bodies}
wanted = link_value("org").upper()
if wanted and wanted not in names:
    bad_link("body.unknown", wanted)
default = wanted if wanted in names else (codes[0] if codes else None)
if default is None:
    st.stop()
code = st.selectbox(
    t("col.body"), codes, index=codes.index(default), format_func=lambda c: f"{names[c]} ({c})"
)
if code != wanted:
    st.query_params["org"] = code
data = loaders.body_detail(f, code)
if data is None:
    st.stop()
org = data.organization
if not org.active:
    st.info(t("body.inactive"))
score = data.score
if score:
    st.markdown(
        t("body.rank", rank=score.rank, peers=data.peers, kind=t(f"kind.{org.kind}"))
        + " "
        + tables.health_badge(score.health, lang())
    )
    tiles = [
        (t("ov.assignments"), score.assignments),
        (t("col.done"), score.done),
        (t("ov.mean_percent"), f"{score.mean_percent:.0f}%"),
        (t("col.overdue"), score.overdue),
        (t("col.not_reported"), score.not_reported),
        (t("col.stuck"), score.stuck),
    ]
    for col, (label, value) in zip(st.columns(len(tiles)), tiles, strict=True):
        col.metric(label, value, border=True)
else:
    st.write(t("body.no_assignments"))

st.subheader(t("body.assignments", period=f.period))
frame = tables.assignments(data.rows, by="task", lang=lang())
if not frame.empty:
    picked = picked_row(frame, key="body_rows")
    if picked is not None:
        row = frame.iloc[picked]
        go("pages/directive.py", task=row["label"], assignment=int(row["assignment"]))

left, right = st.columns(2, gap="large")
with left:
    st.subheader(t("ov.targets"))
    if not data.targets:
        st.write(t("ov.none"))
    for status, verdict in data.targets:
        st.markdown(
            f"{tables.verdict_badge(verdict.status, lang())} **{plain(status.code)}** "
            + plain(status.name)
        )
        st.caption(plain(tables.verdict_text(verdict, lang())))
with right:
    st.subheader(t("body.reports"))
    if not data.reports:
        st.write(t("dir.no_reports"))
    for label, r in data.reports[:12]:
        st.markdown(
            f"**{plain(label)}** · {plain(r.period)} · {t(f'status.{r.status}')} · "
            f"{r.percent}% · {fmt_datetime(r.created_at)}"
        )
        if r.result:
            st.text(r.result)  # as typed: never rendered as markup
        if r.evidence_number:
            st.caption(t("dir.evidence", doc=f"{r.evidence_number} {fmt_date(r.evidence_date)}"))
