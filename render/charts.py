"""Altair chart builders: plain data in, alt.Chart (or its Vega-Lite spec) out."""

import copy
import functools

import altair as alt
import pandas as pd

from catalogue import t
from render.fmt import shorten

TIMELINESS_ORDER = [
    "done_on_time",
    "done_late",
    "in_progress_on_time",
    "overdue",
    "reported",
    "not_reported",
]
TIMELINESS_COLOURS = ["#1b7f3b", "#8bc34a", "#1e88e5", "#d32f2f", "#90caf9", "#ffb300"]
PICK = "pick"  # the name of a chart's click selection

# Altair checks every spec against the Vega-Lite schema as it is built, which costs more than
# the rest of the overview together. The unit tests build every chart with the checks on.
alt.utils.schemapi.disable_debug_mode()


def spec(chart: alt.TopLevelMixin) -> dict:
    """The chart's Vega-Lite spec for st.vega_lite_chart, without a second schema check."""
    return chart.to_dict(validate=False)


def _timeliness_scale(lang: str) -> tuple[dict, alt.Scale]:
    labels = {k: t(f"tl.{k}", lang) for k in TIMELINESS_ORDER}
    return labels, alt.Scale(domain=[labels[k] for k in TIMELINESS_ORDER], range=TIMELINESS_COLOURS)


def timeliness_rows(groups: list[tuple], lang: str, field: str = "key") -> list[dict]:
    """One row per group and timeliness: the data behind a stacked timeliness chart.
    groups: (key, label, {timeliness: count})."""
    labels = {k: t(f"tl.{k}", lang) for k in TIMELINESS_ORDER}
    return [
        {
            field: key,
            "label": label,
            "order": i,
            "tl": labels[k],
            "tl_order": TIMELINESS_ORDER.index(k),
            "count": counts.get(k, 0),
        }
        for i, (key, label, counts) in enumerate(groups)
        for k in TIMELINESS_ORDER
    ]


def stacked_timeliness(
    groups: list[tuple[str, int, dict]],
    lang: str,
    *,
    height: int,
    field: str = "key",
    font_size: int = 12,
) -> alt.Chart:
    """Horizontal bars, one per group, stacked by timeliness; clicking a bar selects its key.
    groups: (key, label, {timeliness: count})."""
    data = pd.DataFrame(timeliness_rows(groups, lang, field))
    return _stacked(data, lang, height=height, field=field, font_size=font_size)


ROWS = "rows"  # the name of the dataset a chart template reads


def stacked_spec(
    groups: list[tuple], lang: str, *, height: int, field: str = "key", font_size: int = 12
) -> dict:
    """The same chart as a Vega-Lite spec for a page: Altair builds the spec once per shape
    and language (building costs far more than the query behind it); each call only puts
    its rows in."""
    chart = copy.deepcopy(_stacked_template(lang, height, field, font_size))
    chart["datasets"] = {ROWS: timeliness_rows(groups, lang, field)}
    return chart


@functools.lru_cache(maxsize=32)
def _stacked_template(lang: str, height: int, field: str, font_size: int) -> dict:
    named = alt.NamedData(name=ROWS)
    chart = spec(_stacked(named, lang, height=height, field=field, font_size=font_size))
    # the width fits the page; `height` is the bars' own (Streamlit's default, "fit", makes it
    # the whole chart's: the legend and the axis took most of it and squeezed the bars thin)
    chart["autosize"] = {"type": "fit-x", "contains": "padding"}
    return chart


def _stacked(data, lang: str, *, height: int, field: str, font_size: int) -> alt.Chart:
    _, scale = _timeliness_scale(lang)
    pick = alt.selection_point(name=PICK, fields=[field], on="click")
    return (
        alt.Chart(data)
        .mark_bar(cursor="pointer")
        .encode(
            y=alt.Y(
                "label:N",
                sort=alt.SortField("order"),
                title=None,
                axis=alt.Axis(
                    labelLimit=300 * font_size // 12, labelOverlap=False, labelFontSize=font_size
                ),
            ),
            x=alt.X(
                "count:Q",
                title=t("ov.share", lang),
                stack="normalize",
                axis=alt.Axis(
                    format="%", labelFontSize=font_size, titleFontSize=font_size, tickCount=5
                ),
            ),
            color=alt.Color(
                "tl:N",
                title=None,
                scale=scale,
                legend=alt.Legend(
                    orient="bottom",
                    columns=1 if font_size < 16 else 3,  # one: readable in a third of 1280 px
                    labelFontSize=font_size,
                    labelLimit=150 * font_size // 12,
                    symbolSize=100 * font_size // 12,
                ),
            ),
            order=alt.Order("tl_order:Q"),
            opacity=alt.condition(pick, alt.value(1.0), alt.value(0.55)),
            tooltip=[
                alt.Tooltip("label:N", title=""),
                alt.Tooltip("tl:N", title=""),
                alt.Tooltip("count:Q", title=t("col.assignments", lang)),
            ],
        )
        .add_params(pick)
        .properties(height=height)
    )


def trend(points: list[dict], lang: str) -> alt.Chart:
    data = pd.DataFrame(points)
    base = alt.Chart(data).encode(x=alt.X("period:N", title=t("col.period", lang)))
    percent = base.mark_line(point=True, color="#1e88e5").encode(
        y=alt.Y(
            "mean_percent:Q", title=t("col.mean_percent", lang), scale=alt.Scale(domain=[0, 100])
        ),
        tooltip=["period", "mean_percent"],
    )
    late = base.mark_bar(opacity=0.35, color="#d32f2f").encode(
        y=alt.Y("overdue:Q", title=t("col.overdue_count", lang)),
        tooltip=["period", "overdue"],
    )
    return alt.layer(late, percent).resolve_scale(y="independent").properties(height=280)


def target_series(points: list[dict], *, value: float | None, unit: str, lang: str) -> alt.Chart:
    """A target's figures by period, the target drawn as a dashed rule when it has a number.
    Per-body figures: one thin grey line per body and their mean in red."""
    data = pd.DataFrame(points)
    x = alt.X("period:N", title=t("col.period", lang), sort="ascending")
    y_title = unit or t("col.value", lang)
    tooltip = [alt.Tooltip("body:N", title=t("col.body", lang)), "period", "value"]
    layers = []
    if data["body"].notna().any():
        bodies = data[data["body"].notna()]
        layers.append(
            alt.Chart(bodies)
            .mark_line(strokeWidth=1, opacity=0.35, color="#757575")
            .encode(x=x, y=alt.Y("value:Q", title=y_title), detail="body:N", tooltip=tooltip)
        )
        mean = bodies.groupby("period", as_index=False)["value"].mean().round(1)
        mean["body"] = t("tgp.mean", lang)
        layers.append(
            alt.Chart(mean)
            .mark_line(point=True, strokeWidth=3, color="#b71c1c")
            .encode(x=x, y="value:Q", tooltip=tooltip)
        )
    province = data[data["body"].isna()].assign(body=t("tgp.province", lang))
    if not province.empty:
        layers.append(
            alt.Chart(province)
            .mark_line(point=True, strokeWidth=3, color="#b71c1c")
            .encode(x=x, y=alt.Y("value:Q", title=y_title), tooltip=tooltip)
        )
    if value is not None:
        layers.append(
            alt.Chart(pd.DataFrame({"target": [value]}))
            .mark_rule(color="#1b7f3b", strokeDash=[6, 4], size=2)
            .encode(y="target:Q")
        )
    return alt.layer(*layers).properties(height=340)


def area_bars(groups: list[tuple[str, int, dict]], lang: str) -> alt.Chart:
    return stacked_timeliness(groups, lang, height=bars_height(len(groups)), **AREA_SHAPE)


AREA_SHAPE = {"field": "area"}


def bars_height(n: int) -> int:
    """The bars' height for `n` of them on a page: 30 px each (a label's line and a gap)."""
    return max(90, 30 * n)


# ------------------------------------------------------------------ charts for slides
SLIDE_FONT = "DejaVu Sans"  # Vietnamese glyphs; shipped with the machine's base fonts
_FONT_DIRS = ["/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/truetype/noto"]


def sections_for_slides(briefing, lang: str) -> alt.Chart:
    """Progress by section for a projector: big type, shares of each section's assignments."""
    groups = [
        (  # one line each: the label is drawn into SVG that a slide shows inside Markdown
            s.ordinal,
            f"{shorten(s.label, 12)} {shorten(s.heading, 31)} ({g.assignments})",
            g.by_timeliness,
        )
        for s, g in briefing.data.sections
    ]
    return (
        stacked_timeliness(groups, lang, height=430, font_size=22)
        .properties(width=1250)
        .configure_axis(titleFontSize=22, labelFontSize=20)
        .configure(font=SLIDE_FONT)
    )


def _vl():
    import vl_convert

    if not getattr(_vl, "ready", False):
        from pathlib import Path

        for folder in _FONT_DIRS:
            if Path(folder).is_dir():
                vl_convert.register_font_directory(folder)
        _vl.ready = True
    return vl_convert


def to_png(chart: alt.Chart, scale: float = 2.0) -> bytes:
    return _vl().vegalite_to_png(chart.to_dict(), scale=scale)


def to_svg(chart: alt.Chart) -> str:
    return _vl().vegalite_to_svg(chart.to_dict())
