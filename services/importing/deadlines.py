"""Deadlines and cadences as officials write them, in a task's text or in a table's "Thời gian
hoàn thành" column: pure functions, no database.

    read_timing("Quý II/2025")                 -> ("once", 2025-06-30, "")
    read_timing("Trước ngày 30/6/2025")        -> ("once", 2025-06-30, "")
    read_timing("Tháng 6 năm 2025")            -> ("once", 2025-06-30, "")
    read_timing("6 tháng đầu năm", year=2025)  -> ("once", 2025-06-30, "")
    read_timing("Năm 2025", cell=True)         -> ("once", 2025-12-31, "")
    read_timing("Định kỳ hằng quý")            -> ("periodic", None, "quarterly")
    read_timing("Hằng năm")                    -> ("annual", None, "")
    read_timing("Thường xuyên")                -> ("continuous", None, "")

A deadline is the last day of what is named (a quarter, a month, a half or a whole year). In a
task's running text a year counts only after a word that makes it a deadline ("trong năm 2025",
"hoàn thành năm 2025"): "Nghị quyết ... năm 2021" and "giai đoạn đến năm 2030" name documents
and horizons, not due dates. A column cell is all timing, so a bare "Năm 2025" or "30/6/2025"
there is the deadline.
"""

import calendar
import re
import unicodedata
from datetime import date

from models import Cadence

QUARTERLY = "quarterly"
HALF_YEARLY = "half_yearly"
MONTHLY = "monthly"

_ROMAN_QUARTER = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}
_Y = r"(?P<y>(?:19|20)\d{2})"

_ON_DAY = re.compile(
    r"(?P<cue>trước|chậm nhất|hạn|hoàn thành|xong|trong|đến|tới)?\s*(?:ngày\s+)?"
    r"(?P<d>\d{1,2})\s*[/.-]\s*(?P<m>\d{1,2})(?:\s*[/.-]\s*" + _Y + r")?(?!\d)"
)
_LONG_DAY = re.compile(
    r"(?P<cue>trước|chậm nhất|hạn|hoàn thành|xong)\s+ngày\s+(?P<d>\d{1,2})\s+tháng\s+"
    r"(?P<m>\d{1,2})(?:\s+năm\s+" + _Y + ")?"
)
_QUARTER = re.compile(
    r"(?<!\w)quý\s+(?P<q>iv|iii|ii|i|[1-4])(?!\w)(?:\s*(?:/|năm|,)\s*" + _Y + ")?"
)
_MONTH = re.compile(
    r"(?<!ngày )(?<!\d )(?<!\d)tháng\s+(?P<m>\d{1,2})\s*(?:/|năm)\s*" + _Y,
)
_HALF = re.compile(r"(?:6|sáu)\s+tháng\s+(?P<which>đầu|cuối)\s+năm(?:\s+" + _Y + ")?")
_YEAR_CUE = re.compile(
    r"(?:trong|hoàn thành(?:\s+trong)?|xong(?:\s+trong)?|thực hiện trong|chậm nhất(?:\s+trong)?)"
    r"\s+năm\s+" + _Y + r"(?!\s*[-–])(?!\s+và)"
)
# a year in running text: "... viên chức năm 2021 theo kế hoạch"; not a date's year ("ngày 25
# tháng 01 năm 2021"), a period ("năm 2021-2025", "năm 2025 và 2026", "giai đoạn đến năm 2030")
# or the year of a document, event or index named before it in the clause
_YEAR_TEXT = re.compile(
    r"(?<!tháng )(?<!\d )(?<!đến )(?<!từ )\bnăm\s+" + _Y + r"(?!\s*[-–])(?!\s+(?:và|đến|trở))"
)
_NAMED_BEFORE = re.compile(
    r"\b(?:luật|nghị quyết|nghị định|quyết định|chỉ thị|thông tư|thông báo|công văn|kế hoạch|"
    r"chương trình|đề án|hội nghị|chỉ số|báo cáo|giai đoạn|định hướng|tầm nhìn)\b"
)
_YEAR_CELL = re.compile(r"^(?:(?:trong\s+)?năm\s+)?" + _Y + r"$")

_QUARTERLY = re.compile(r"(?:hằng|hàng|mỗi|từng|theo)\s+quý")
_MONTHLY = re.compile(r"(?:hằng|hàng|mỗi|từng|theo)\s+tháng")
_HALF_YEARLY = re.compile(
    r"(?:định kỳ|hằng|hàng|mỗi|theo)\s+(?:6|sáu)\s+tháng|(?:6|sáu)\s+tháng\s*(?:/|một)\s*lần"
)
_ANNUAL = re.compile(r"(?:hằng|hàng|mỗi|từng)\s+năm")
_PERIODIC = re.compile(r"định kỳ")
_CONTINUOUS = re.compile(r"thường xuyên|liên tục")


def _norm(text: str) -> str:
    text = unicodedata.normalize("NFC", text or "").lower()
    text = text.replace("hoà", "hòa")
    return " ".join(text.split())


def _last_day(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _safe(year: int | None, month: int, day: int | None = None) -> date | None:
    if year is None or not 1 <= month <= 12:
        return None
    try:
        return date(year, month, day) if day is not None else _last_day(year, month)
    except ValueError:
        return None


def find_deadline(text: str, *, year: int | None = None, cell: bool = False) -> date | None:
    """The due date the text names, or None. `year` is the plan's year, for "Quý II" or "6
    tháng đầu năm" written without one; `cell`: the text is a timing column's cell."""
    s = _norm(text)

    def yr(found: str | None) -> int | None:
        return int(found) if found else year

    if m := _LONG_DAY.search(s):
        return _safe(yr(m["y"]), int(m["m"]), int(m["d"]))
    for m in _ON_DAY.finditer(s):
        before = s[max(0, m.start() - 12) : m.start()]
        if "số" in before.split()[-1:] or re.search(r"\d/$", before):
            continue  # "Quyết định số 30/6/..." never happens, but a number is no date
        strong = m["cue"] in {"trước", "chậm nhất", "hạn", "hoàn thành", "xong"}
        if (strong or cell) and (m["y"] or year):
            return _safe(yr(m["y"]), int(m["m"]), int(m["d"]))
    if m := _QUARTER.search(s):
        return _safe(yr(m["y"]), 3 * _ROMAN_QUARTER[m["q"]])
    if m := _HALF.search(s):
        return _safe(yr(m["y"]), 6 if m["which"] == "đầu" else 12)
    if m := _MONTH.search(s):
        return _safe(int(m["y"]), int(m["m"]))
    if m := _YEAR_CUE.search(s):
        return date(int(m["y"]), 12, 31)
    for m in _YEAR_TEXT.finditer(s):
        clause = re.split(r"[;.:,(]", s[: m.start()])[-1]
        if not _NAMED_BEFORE.search(clause):
            return date(int(m["y"]), 12, 31)
    if cell and (m := _YEAR_CELL.search(s.strip(" .;"))):
        return date(int(m["y"]), 12, 31)
    return None


def read_timing(
    text: str, *, year: int | None = None, cell: bool = False
) -> tuple[str, date | None, str]:
    """(cadence, deadline, recurrence) from the text's timing words. The cadence is one of
    models.Cadence; a periodic task's period is in `recurrence` (quarterly, half_yearly,
    monthly), empty otherwise."""
    s = _norm(text)
    due = find_deadline(text, year=year, cell=cell)
    if _QUARTERLY.search(s):
        return Cadence.PERIODIC.value, due, QUARTERLY
    if _MONTHLY.search(s):
        return Cadence.PERIODIC.value, due, MONTHLY
    if _HALF_YEARLY.search(s):
        return Cadence.PERIODIC.value, due, HALF_YEARLY
    if _ANNUAL.search(s):
        return Cadence.ANNUAL.value, due, ""
    if _PERIODIC.search(s):
        return Cadence.PERIODIC.value, due, ""
    if due is not None:
        return Cadence.ONCE.value, due, ""
    return Cadence.CONTINUOUS.value, None, ""


def plan_year(title: str, issued: date | None, opening: str = "") -> int | None:
    """The year a plan is for: "Kế hoạch cải cách hành chính năm 2026" -> 2026; else the year
    named in the document's opening lines ("PHỤ LỤC NHIỆM VỤ ... NĂM 2025" above a sheet's
    table); else the year it was issued."""
    for text in (title, opening):
        if m := re.search(r"\bnăm\s+((?:19|20)\d{2})\b(?!\s*[-–])", text or "", re.I):
            return int(m.group(1))
    return issued.year if issued else None
