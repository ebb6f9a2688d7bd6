"""Altair chart builders: data in, alt.Chart out."""

import altair as alt
import pandas as pd

from components.i18n import t

TIMELINESS_ORDER = [
    "done_on_time",
    "done_late",
    "in_progress_on_time",
    "overdue",
    "reported",
    "not_reported",
]
TIMELINESS_COLOURS = ["#1b7f3b", "#8bc34a", "#1e88e5", "#d32f2f", "#90caf9", "#ffb300"]


def sections_by_timeliness(long: pd.DataFrame, lang: str = "vi") -> alt.Chart:
    labels = {k: t(f"tl.{k}", lang) for k in TIMELINESS_ORDER}
    data = long.assign(label=long["timeliness"].map(labels))
    return (
        alt.Chart(data)
        .mark_bar()
        .encode(
            y=alt.Y(
                "section:N",
                sort=alt.SortField("order"),
                title=None,
                axis=alt.Axis(labelLimit=320, labelOverlap=False),
            ),
            x=alt.X("count:Q", title=t("col.assignments", lang)),
            color=alt.Color(
                "label:N",
                title=None,
                scale=alt.Scale(
                    domain=[labels[k] for k in TIMELINESS_ORDER], range=TIMELINESS_COLOURS
                ),
                legend=alt.Legend(orient="bottom", columns=3),
            ),
            order=alt.Order("order:Q"),
            tooltip=["section", "label", "count"],
        )
        .properties(height=320)
    )
