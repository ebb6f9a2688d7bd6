"""Tổng quan: the five questions a leader asks, answered on one screen."""

import streamlit as st

from components import loaders, notices_ui
from components.filters import sidebar_filters
from components.page import go, guard, start
from components.ui import dot_column, fmt_date, lang, picked_row, show_flash, t, worded
from render import charts, tables
from services.core import permissions
from services.core.permissions import Action

actor = guard("overview")
start("page.overview")
f = sidebar_filters()
if f is None:
    st.stop()
view = loaders.overview_view(f, lang())
data = view["data"]
h = data.headline
note = "" if data.live else " · " + t("ov.history_note", day=fmt_date(data.as_of))
st.caption(
    t("app.as_of", period=f.period) + " · " + t("ov.read_on", day=fmt_date(data.as_of)) + note
)

tiles = [
    (t("ov.tasks"), h.tasks),
    (t("ov.assignments"), h.assignments),
    (t("ov.mean_percent"), f"{h.mean_percent:.0f}%"),
    (t("tl.done_on_time"), h.by_timeliness["done_on_time"]),
    (t("tl.done_late"), h.by_timeliness["done_late"]),
    (t("tl.in_progress_on_time"), h.by_timeliness["in_progress_on_time"]),
    (t("tl.overdue"), h.by_timeliness["overdue"]),
    (t("ov.bodies_not_reported"), f"{h.bodies_not_reported}/{h.bodies}"),
    (t("ov.proposals_waiting"), h.proposals_waiting),
]

with st.container(horizontal=True, gap="small"):  # wraps onto a second row on small screens
    for label, value in tiles:
        st.metric(label, value, border=True, width=142)

# Three panels side by side on a wide screen (1920 px), wrapping one under another where a
# third of the width would cut their tables (a 1280 px laptop); each keeps a readable width.
PANEL = 460  # px: a panel's chart or table readable whole
panels = st.container(horizontal=True, gap="medium")
left, middle, right = (panels.container(width=PANEL) for _ in range(3))
with left:
    st.subheader(t("ov.by_section"))
    event = st.vega_lite_chart(
        view["section_chart"], width="stretch", on_select="rerun", key="ov_sections"
    )
    picked = event.selection.get(charts.PICK) if event else None
    if picked:
        go("pages/directive.py", section=picked[0]["key"])
with middle:
    st.subheader(t("ov.scorecard"))
    score = view["scorecard"]
    row = picked_row(score, key="ov_scorecard", column_config=dot_column(), height=400)
    if row is not None:
        go("pages/body.py", org=tables.cell(score, row, "code"))
with right:
    st.subheader(t("ov.targets"))
    tg = view["targets"]
    row = picked_row(
        tg,
        key="ov_targets",
        height=400,
        column_config={
            **dot_column(),
            t("col.target"): st.column_config.TextColumn(width="medium"),
        },
    )
    if row is not None:
        go("pages/targets.py", target=tables.cell(tg, row, "code"))
st.caption(t("ov.click_hint"))

# One list at a time: the leader picks which; the page draws only that one.
current, laggards = notices_ui.laggards(actor.role)
LISTS = {
    "overdue": f"{t('ov.overdue_list')} ({len(data.overdue)})",
    "stuck": f"{t('ov.stuck_list')} ({len(data.stuck)})",
    "proposals": f"{t('ov.proposal_list')} ({len(data.proposals)})",
    **(
        {"not_reported": f"{t('ov.not_reported_list', period=current)} ({len(laggards)})"}
        if current
        else {}
    ),
    "areas": t("ov.by_area"),
    "trend": t("ov.trend"),
    "scorecard": t("ov.full_scorecard"),
}
shown = st.segmented_control(
    t("ov.lists"), list(LISTS), format_func=LISTS.get, default="overdue", key=worded("ov_list")
)
if shown in ("overdue", "stuck", "proposals"):
    frame = view[shown]
    if frame.num_rows == 0:
        st.write(t("ov.none"))
    else:
        picked = picked_row(frame, key=f"ov_{shown}")
        if picked is not None:
            go(
                "pages/directive.py",
                task=tables.cell(frame, picked, "label"),
                assignment=int(tables.cell(frame, picked, "assignment")),
            )
elif shown == "not_reported" and current:
    show_flash(notices_ui.SLOT)
    if not laggards:
        st.success(t("ntc.all_reported", period=current))
    else:
        frame = tables.laggards(laggards, lang())
        event = st.dataframe(
            frame,
            column_order=tables.visible(frame),
            hide_index=True,
            on_select="rerun",
            selection_mode="single-row",
            key="ov_not_reported",
        )
        if event.selection.rows:
            go("pages/body.py", org=frame["code"].iloc[event.selection.rows[0]])
        if permissions.can(actor, Action.ADMINISTER):  # the secretariat chases them from here
            notices_ui.chase_form(actor, laggards, current, key="ov_chase")
elif shown == "areas":
    st.vega_lite_chart(view["area_chart"], width="stretch")
elif shown == "trend":
    periods = tuple(loaders.filter_options()["periods"])
    st.vega_lite_chart(loaders.trend_chart(f, periods, lang()), width="stretch")
elif shown == "scorecard":  # ranked within each kind of body: a ward is not a department
    for kind, frame in view["scorecard_by_kind"]:
        st.markdown(f"**{t(f'kind.{kind}')}**")
        st.dataframe(
            frame, column_order=tables.visible(frame), column_config=dot_column(), hide_index=True
        )
