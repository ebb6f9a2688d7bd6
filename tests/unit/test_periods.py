from datetime import date

import pytest

from services.core import periods
from services.core.errors import InvalidInput


def test_quarter_of():
    assert periods.quarter_of(date(2022, 1, 1)) == "2022-Q1"
    assert periods.quarter_of(date(2022, 12, 31)) == "2022-Q4"
    assert periods.quarter_of(date(2021, 7, 15)) == "2021-Q3"


def test_bounds():
    assert periods.bounds("2022-Q1") == (date(2022, 1, 1), date(2022, 3, 31))
    assert periods.bounds("2022-Q4") == (date(2022, 10, 1), date(2022, 12, 31))
    assert periods.bounds("2024-Q1")[1] == date(2024, 3, 31)
    assert periods.bounds("2022") == (date(2022, 1, 1), date(2022, 12, 31))


def test_shift_and_range():
    assert periods.shift("2021-Q4", 1) == "2022-Q1"
    assert periods.shift("2022-Q1", -1) == "2021-Q4"
    assert periods.shift("2022", -1) == "2021"
    assert periods.quarters_between("2021-Q3", "2022-Q4") == [
        "2021-Q3",
        "2021-Q4",
        "2022-Q1",
        "2022-Q2",
        "2022-Q3",
        "2022-Q4",
    ]


@pytest.mark.parametrize("bad", ["", "2022-Q5", "Q1-2022", "22-Q1", "2022Q1", "năm 2022"])
def test_bad_period_is_refused_in_vietnamese(bad):
    with pytest.raises(InvalidInput) as err:
        periods.parse(bad)
    assert "không hợp lệ" in str(err.value)
