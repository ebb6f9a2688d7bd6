"""Every chart the app draws is a valid Vega-Lite spec (the pages skip Altair's own check for
speed, so this is where it is made)."""

import altair as alt
import pytest

from render import charts

GROUPS = [
    (1, "1. Thủ trưởng các Sở (364)", {"done_on_time": 5, "overdue": 2, "reported": 300}),
    (2, "2. Sở Nội vụ (4)", {"in_progress_on_time": 3, "not_reported": 1}),
]


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_charts_are_valid_vega_lite(lang):
    built = [
        charts.stacked_timeliness(GROUPS, lang, height=300),
        charts.area_bars([("tthc", "TTHC", {"overdue": 1})], lang),
        charts.trend(
            [
                {"period": "2022-Q3", "mean_percent": 70.0, "overdue": 3},
                {"period": "2022-Q4", "mean_percent": 80.0, "overdue": 2},
            ],
            lang,
        ),
        charts.target_series(
            [
                {"body": None, "period": "2022", "value": 35.7},
                {"body": "HMT", "period": "2022", "value": 20.0},
            ],
            value=30,
            unit="%",
            lang=lang,
        ),
    ]
    with alt.utils.schemapi.debug_mode(True):
        for chart in built:
            spec = chart.to_dict(validate=True)
            assert spec["$schema"].startswith("https://vega.github.io/schema/vega-lite/")
            assert charts.spec(chart) == spec


def test_the_section_chart_selects_a_section_on_click():
    spec = charts.spec(charts.stacked_timeliness(GROUPS, "vi", height=300))
    assert [p["name"] for p in spec["params"]] == [charts.PICK]
    labels = [row["label"] for row in spec["datasets"][next(iter(spec["datasets"]))]]
    assert "2. Sở Nội vụ (4)" in labels


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_spec_from_the_cached_template_is_the_chart_altair_builds(lang):
    """The overview's charts come from a template built once; with the rows put in, each is
    the chart Altair would build from scratch, and valid Vega-Lite."""
    from_template = charts.stacked_spec(GROUPS, lang, height=300)
    built = charts.spec(charts.stacked_timeliness(GROUPS, lang, height=300))
    assert from_template["datasets"][charts.ROWS] == next(iter(built["datasets"].values()))
    same = {k: v for k, v in built.items() if k not in ("data", "datasets")}
    page_only = ("data", "datasets", "autosize")
    assert {k: v for k, v in from_template.items() if k not in page_only} == same
    # on a page the width fits the column and the height is the bars' own
    assert from_template["autosize"] == {"type": "fit-x", "contains": "padding"}
    assert from_template["data"] == {"name": charts.ROWS}
    with alt.utils.schemapi.debug_mode(True):
        alt.Chart.from_dict(from_template, validate=True)
    # a second call with other rows does not change the first
    other = charts.stacked_spec(GROUPS[:1], lang, height=300)
    assert len(other["datasets"][charts.ROWS]) < len(from_template["datasets"][charts.ROWS])
