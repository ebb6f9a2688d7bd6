"""The audit log's "what changed" line reads as a person writes: days dd/mm/yyyy, moments on
Vietnam's clock, coded values in words, and any other text exactly as stored."""

from render.audit import changes


def test_days_and_moments_are_written_as_the_reader_writes_them():
    line = changes(
        {"due_date": "2025-06-30", "last_reported_at": "2025-06-30T18:30:00+00:00"},
        {"due_date": "2025-12-31", "last_reported_at": "2025-07-01T02:05:00"},
    )
    # 18:30 UTC on 30 June is 01:30 on 1 July in Lai Châu; a moment without its zone is UTC
    assert line == (
        "due_date: 30/06/2025 → 31/12/2025; last_reported_at: 01/07/2025 01:30 → 01/07/2025 09:05"
    )


def test_text_that_only_looks_like_a_day_stays_as_it_was_typed():
    line = changes(None, {"note": "2025-02-30", "title": "Kế hoạch 2025-2026", "number": "2025-06"})
    assert line == "note: 2025-02-30; number: 2025-06; title: Kế hoạch 2025-2026"


def test_coded_values_take_their_words_and_flags_say_yes_or_no():
    def word(field: str, value: object) -> str | None:
        return {"body": "Đơn vị", "done": "Hoàn thành"}.get(str(value)) if field else None

    line = changes(
        {"role": "viewer", "status": "in_progress", "active": True},
        {"role": "body", "status": "done", "active": False},
        name={"role": "vai trò", "status": "trạng thái", "active": "hoạt động"}.get,
        word=word,
        yes_no=("có", "không"),
    )
    assert (
        line
        == "hoạt động: có → không; vai trò: viewer → Đơn vị; trạng thái: in_progress → Hoàn thành"
    )
