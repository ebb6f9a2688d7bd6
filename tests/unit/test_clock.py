"""One clock: the office's day is Vietnam's day."""

from datetime import UTC, date, datetime

from services.core import clock


def test_the_day_in_vietnam_begins_seven_hours_before_utc():
    assert clock.start_of_day(date(2022, 7, 1)) == datetime(2022, 6, 30, 17, 0, tzinfo=UTC)
    end = clock.end_of_day(date(2022, 6, 30))
    assert end < datetime(2022, 6, 30, 17, 0, tzinfo=UTC)
    assert (datetime(2022, 6, 30, 17, 0, tzinfo=UTC) - end).total_seconds() < 0.001
    assert clock.day_of(datetime(2022, 6, 30, 16, 59, 59, tzinfo=UTC)) == date(2022, 6, 30)
    assert clock.day_of(datetime(2022, 6, 30, 17, 0, tzinfo=UTC)) == date(2022, 7, 1)


def test_a_moment_without_its_zone_is_utc():
    assert clock.day_of(datetime(2022, 6, 30, 18, 30)) == date(2022, 7, 1)
    assert clock.local(datetime(2022, 6, 30, 18, 30)).hour == 1


def test_nine_in_the_morning_in_vietnam():
    assert clock.at(date(2022, 3, 1), 9) == datetime(2022, 3, 1, 2, 0, tzinfo=UTC)
    assert clock.today(datetime(2022, 12, 31, 17, 0, tzinfo=UTC)) == date(2023, 1, 1)
