"""The periods a periodic report covers: a quarter, a half-year, a year, and the one after."""

from datetime import date

import pytest

from services.core import periods
from services.core.errors import InvalidInput
from services.read.periodic_report import report_period


@pytest.mark.parametrize(
    ("code", "quarters", "start", "end", "following"),
    [
        ("2022-Q4", ["2022-Q4"], date(2022, 10, 1), date(2022, 12, 31), "2023-Q1"),
        ("2022-H1", ["2022-Q1", "2022-Q2"], date(2022, 1, 1), date(2022, 6, 30), "2022-H2"),
        ("2022-H2", ["2022-Q3", "2022-Q4"], date(2022, 7, 1), date(2022, 12, 31), "2023-H1"),
        ("2022", [f"2022-Q{q}" for q in range(1, 5)], date(2022, 1, 1), date(2022, 12, 31), "2023"),
    ],
)
def test_a_report_period_and_the_next(code, quarters, start, end, following):
    assert periods.span_quarters(code) == quarters
    assert periods.span_bounds(code) == (start, end)
    assert periods.span_next(code) == following
    p = report_period(code)
    assert (p.quarters, p.starts_on, p.ends_on, p.year) == (tuple(quarters), start, end, 2022)


@pytest.mark.parametrize("code", ["", "2022-Q5", "2022-H3", "Q4-2022", "2022-h1x", "22"])
def test_anything_else_is_refused_with_the_report_periods_sentence(code):
    with pytest.raises(InvalidInput) as err:
        periods.span_quarters(code)
    assert err.value.code == "err.report_period_format"
