"""Đơn vị: one body's assignments, timeliness, targets and reports, and its rank among peers.
?org=CODE opens a body directly."""

from datetime import date

import streamlit as st

from components import loaders, notices_ui
from components.filters import sidebar_filters
from components.page import bad_link, go, guard, link_value, start
from components.ui import fmt_date, fmt_datetime, lang, picked_row, plain, t
from render import tables
from services.core import periods, permissions
from services.core.permissions import Action

actor = guard("body")
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
# a body's own account opens on its own body; everyone else on the first of the list
own = next((c for oid, c, _ in loaders.reporting_bodies() if oid == actor.organization_id), None)
default = wanted if wanted in names else (own or (codes[0] if codes else None))
if default is None:
    st.stop()
if st.session_state.get("body_org") not in codes:
    st.session_state["body_org"] = default
# a link to another body (a successor's link to its predecessor) wins once over the choice kept
# from the last run of this page, so that following it opens that body
if wanted in names and st.session_state.get("body_org_link") != wanted:
    st.session_state["body_org"] = wanted
    st.session_state["body_org_link"] = wanted
code = st.selectbox(t("col.body"), codes, key="body_org", format_func=lambda c: f"{names[c]} ({c})")
if code != wanted:
    st.query_params["org"] = code
data = loaders.body_detail(f, code)
if data is None:
    st.stop()
org = data.organization


def history_link(code: str, name: str, before: date) -> None:
    """A link to another body's page at the last period before `before` (its history)."""
    earlier = [p for p in loaders.filter_options()["periods"] if periods.bounds(p)[1] < before]
    params = {"org": code, **({"period": earlier[-1]} if earlier else {})}
    st.page_link("pages/body.py", label=plain(f"{name} ({code})"), query_params=params)


if data.successors:  # closed: its work passed on (its history stays here)
    st.info(t("reorg.ended_into", day=fmt_date(data.successors[0].effective_on)))
    for link in data.successors:
        st.page_link(
            "pages/body.py",
            label=plain(f"{link.name} ({link.code})"),
            query_params={"org": link.code},
        )
    ended = data.successors[0].effective_on
    if periods.bounds(f.period)[0] >= ended:  # a period after its end: nothing of its own
        st.caption(t("reorg.own_history", period=f.period, day=fmt_date(ended)))
        history_link(org.code, org.name, ended)
        st.stop()
elif not org.active:
    st.info(t("body.inactive"))
if data.predecessors:  # a successor: the history of the bodies it took over
    st.caption(t("reorg.predecessors", day=fmt_date(data.predecessors[-1].effective_on)))
    for link in data.predecessors:
        history_link(link.code, link.name, link.effective_on)
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
    notices_ui.on_time_caption(org.id)
    if permissions.can(actor, Action.ADMINISTER):  # the secretariat may remind the body
        notices_ui.chase_body(actor, org.id, org.code)
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
