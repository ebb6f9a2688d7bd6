"""Deadlines and cadences as officials write them (issue 16), in a task's text and in a table's
"Thời gian hoàn thành" cell."""

from datetime import date

import pytest

from services.importing.deadlines import plan_year, read_timing


@pytest.mark.parametrize(
    ("written", "due"),
    [
        ("Quý II/2022", date(2022, 6, 30)),
        ("Quý II năm 2022", date(2022, 6, 30)),
        ("Quý IV/2025", date(2025, 12, 31)),
        ("quý 1/2025", date(2025, 3, 31)),
        ("Tháng 6/2022", date(2022, 6, 30)),
        ("Tháng 2 năm 2024", date(2024, 2, 29)),
        ("Trước ngày 30/6/2022", date(2022, 6, 30)),
        ("trước ngày 15 tháng 02 năm 2022", date(2022, 2, 15)),
        ("30/6/2022", date(2022, 6, 30)),
        ("Năm 2022", date(2022, 12, 31)),
        ("Trong năm 2025", date(2025, 12, 31)),
    ],
)
def test_a_deadline_cell_gives_the_last_day_of_what_it_names(written: str, due: date) -> None:
    assert read_timing(written, cell=True) == ("once", due, "")


def test_without_a_year_the_plan_year_is_used() -> None:
    assert read_timing("6 tháng đầu năm", year=2025) == ("once", date(2025, 6, 30), "")
    assert read_timing("Quý III", year=2025, cell=True) == ("once", date(2025, 9, 30), "")
    assert read_timing("Quý III", cell=True) == ("continuous", None, "")  # no year known


@pytest.mark.parametrize(
    ("written", "cadence", "recurrence"),
    [
        ("Hằng năm", "annual", ""),
        ("hàng năm", "annual", ""),
        ("Định kỳ hằng quý", "periodic", "quarterly"),
        ("Hằng quý", "periodic", "quarterly"),
        ("Hằng tháng", "periodic", "monthly"),
        ("Định kỳ 6 tháng", "periodic", "half_yearly"),
        ("Định kỳ", "periodic", ""),
        ("Thường xuyên", "continuous", ""),
        ("", "continuous", ""),
    ],
)
def test_recurring_words_give_a_cadence(written: str, cadence: str, recurrence: str) -> None:
    assert read_timing(written, cell=True) == (cadence, None, recurrence)


def test_in_running_text_only_a_year_that_is_a_deadline_counts() -> None:
    assert read_timing("hoàn thành trong năm 2023")[1] == date(2023, 12, 31)
    assert read_timing("thăng hạng viên chức năm 2021 theo kế hoạch")[1] == date(2021, 12, 31)
    for text in (
        "theo Thông tư số 02/2021/TT-BYT ngày 25 tháng 01 năm 2021 của Bộ trưởng",
        "tại Hội nghị triển khai công tác năm 2024 của Ban Chỉ đạo",
        "giai đoạn đến năm 2030",
        "định hướng đến năm 2030",
        "kinh doanh năm 2025 và 2026",
        "Chỉ số cải cách hành chính năm 2025 và các năm tiếp theo",
        "giai đoạn 2021-2025",
        "Nghị quyết 76/NQ-CP ngày 15/7/2021",
    ):
        assert read_timing(text)[1] is None, text
    # a bare date in running text is a date of something, "trước ngày" makes it the deadline
    assert read_timing("gửi Sở Nội vụ trước ngày 15/02/2022.")[1] == date(2022, 2, 15)


def test_the_plan_year_is_the_title_s_or_the_issue_year() -> None:
    assert plan_year("Cải cách hành chính năm 2026", date(2025, 12, 22)) == 2026
    assert plan_year("giai đoạn 2021 - 2025", date(2021, 3, 1)) == 2021
    assert plan_year("", None) is None
