"""Tasks laid out in a table (a plan's appendix: STT | Nội dung nhiệm vụ | Cơ quan chủ trì | Cơ
quan phối hợp | Thời gian hoàn thành | Sản phẩm, in any order): pure functions over the cells a
reader took out of a Word table or a spreadsheet; no database.

- The header row is found by its words, marks kept ("Nội dung nhiệm vụ", "Cơ quan chủ trì",
  "Đơn vị phối hợp", "Thời gian hoàn thành", "Tiến độ", "Sản phẩm"...), among the first rows.
  A row of column numbers under it ("(1) (2) (3)") is skipped.
- A row whose cells are one merged text ("I. CẢI CÁCH THỂ CHẾ") or that has a label and a
  heading but no body is a group: it starts a section.
- Every other row with a task text is one task, with its own lead and partner bodies (from
  their columns; a whole class such as "Các sở, ban, ngành" counts for the lead) and its
  deadline or cadence (from its column, else from its text). A product goes at the end of the
  task's text, so that nothing the table says is lost.
- A table with no recognisable task column is no task table (TableProblem says so).
Cells are data: text as written, never a formula's result.
"""

import re
from dataclasses import dataclass, field
from datetime import date

from models import Cadence
from services.importing.body_names import BodyMatcher, loose_fold
from services.importing.deadlines import read_timing

TASK = "task"
NUMBER = "number"
LEAD = "lead"
PARTNERS = "partners"
DEADLINE = "deadline"
PRODUCT = "product"

# folded (no marks) header words -> column role; the first that matches a cell wins
_HEADER_WORDS: list[tuple[str, re.Pattern[str]]] = [
    (NUMBER, re.compile(r"^ (?:stt|tt|so tt|so thu tu) $")),
    (PARTNERS, re.compile(r" (?:phoi hop|phoi hop thuc hien) ")),
    (LEAD, re.compile(r" (?:chu tri|thuc hien|chiu trach nhiem|tham muu|don vi thuc hien) ")),
    (DEADLINE, re.compile(r" (?:thoi gian|thoi han|tien do|han hoan thanh|moc thoi gian) ")),
    (PRODUCT, re.compile(r" (?:san pham|ket qua dau ra|hinh thuc van ban) ")),
    (TASK, re.compile(r" (?:noi dung|nhiem vu|ten nhiem vu|cong viec|hoat dong|giai phap) ")),
]
_COLUMN_NUMBERS = re.compile(r"^\(?\d{1,2}\)?$|^\(?[a-z]\)?$")
_GROUP_TEXT = re.compile(
    r"^(?P<label>(?:[IVXL]{1,6}|[A-ZĐ])\s*[.)]|PHẦN\s+\S+[.:]?)\s*(?P<rest>.*)$"
)


class TableProblem(Exception):
    """A table that looks like a task table (it has a header) but has no task column."""


@dataclass
class TableTask:
    number: str
    text: str
    leads: list[str]
    partners: list[str]
    cadence: str
    due_date: date | None
    recurrence: str
    timing: str  # the deadline cell as written
    named: str = ""  # the lead and partner cells as written


@dataclass
class TableSection:
    label: str
    heading: str
    tasks: list[TableTask] = field(default_factory=list)


def header_roles(cells: list[str]) -> dict[str, int]:
    """Column role -> index, for the cells of a header row (empty if it is no header)."""
    roles: dict[str, int] = {}
    for i, cell in enumerate(cells):
        folded = loose_fold(cell)
        for role, pattern in _HEADER_WORDS:
            if role not in roles and pattern.search(folded):
                roles[role] = i
                break
    return roles


def find_header(rows: list[list[str]], limit: int = 8) -> tuple[int, dict[str, int]] | None:
    """(row index, roles) of the first row among the first `limit` that names a task column
    and a lead or deadline column; None when no row does. A header that names bodies or a
    deadline but no task column raises TableProblem."""
    half: dict[str, int] | None = None
    for i, row in enumerate(rows[:limit]):
        roles = header_roles(row)
        if TASK in roles and (LEAD in roles or DEADLINE in roles or PARTNERS in roles):
            return i, roles
        if (LEAD in roles or PARTNERS in roles) and DEADLINE in roles and half is None:
            half = roles
    if half is not None:
        raise TableProblem
    return None


def _cell(row: list[str], roles: dict[str, int], role: str) -> str:
    i = roles.get(role)
    return " ".join(row[i].split()) if i is not None and i < len(row) and row[i] else ""


def _is_group(row: list[str], roles: dict[str, int]) -> tuple[str, str] | None:
    """(label, heading) when the row is a group row, else None."""
    distinct = list(dict.fromkeys(" ".join(c.split()) for c in row if c and c.strip()))
    if not distinct:
        return None
    if len(distinct) == 1:  # merged across the row, or one cell with the rest empty
        text = distinct[0]
        if m := _GROUP_TEXT.match(text):
            return m["label"].strip(), m["rest"].strip()
        if text.isupper() or not _cell(row, roles, TASK) or len([c for c in row if c]) == 1:
            return "", text
        return None
    number, task = _cell(row, roles, NUMBER), _cell(row, roles, TASK)
    others = [_cell(row, roles, r) for r in (LEAD, PARTNERS, DEADLINE, PRODUCT) if r in roles]
    if number and task and not any(others) and re.match(r"^[IVXL]{1,6}\.?$|^[A-ZĐ]\.?$", number):
        return number if number.endswith(".") else number + ".", task  # "II" | "CẢI CÁCH TTHC"
    return None


def _numbered_group(
    row: list[str], roles: dict[str, int], after: list[str]
) -> tuple[str, str] | None:
    """ "1" | "Cải cách thể chế" with no bodies, followed by rows "1.1", "1.2": a group."""
    number, task = _cell(row, roles, NUMBER).rstrip("."), _cell(row, roles, TASK)
    if not (number and task) or _cell(row, roles, LEAD) or _cell(row, roles, PARTNERS):
        return None
    following = next((x for x in after if x), "")
    if following.startswith(number + "."):
        return number + ".", task
    return None


def _is_column_numbers(row: list[str]) -> bool:
    cells = [c.strip() for c in row if c and c.strip()]
    return bool(cells) and all(_COLUMN_NUMBERS.match(c) for c in cells)


def read_table(
    rows: list[list[str]], matcher: BodyMatcher, *, year: int | None = None
) -> list[TableSection]:
    """The sections and tasks of a task table; [] when the rows hold no task table."""
    found = find_header(rows)
    if found is None:
        return []
    at, roles = found
    if at + 1 < len(rows):
        # a header on two rows: "Cơ quan thực hiện" over "Chủ trì" | "Phối hợp"
        below = header_roles(rows[at + 1])
        if LEAD in below or PARTNERS in below:
            roles.update({r: i for r, i in below.items() if r in (LEAD, PARTNERS, DEADLINE)})
            at += 1
    numbers = [_cell(row, roles, NUMBER) for row in rows]
    sections: list[TableSection] = []
    current: TableSection | None = None
    for n, row in enumerate(rows[at + 1 :], start=at + 1):
        if _is_column_numbers(row) or header_roles(row).keys() >= {TASK, LEAD}:
            continue  # "(1) (2) (3)", or the header repeated on a new page
        group = _is_group(row, roles) or _numbered_group(row, roles, numbers[n + 1 :])
        if group:
            current = TableSection(label=group[0], heading=group[1])
            sections.append(current)
            continue
        text = _cell(row, roles, TASK)
        if not text:
            continue
        if current is None:
            current = TableSection(label="", heading="")
            sections.append(current)
        product = _cell(row, roles, PRODUCT)
        if product and product not in text:
            text = f"{text.rstrip('.;')} (Sản phẩm: {product})"
        timing = _cell(row, roles, DEADLINE)
        cadence, due, recurrence = read_timing(timing, year=year, cell=True)
        written = "thường xuyên" in timing.lower()
        if (cadence, due) == (Cadence.CONTINUOUS.value, None) and not written:
            cadence, due, recurrence = read_timing(text, year=year)
        leads = matcher.addressed_by(_cell(row, roles, LEAD))
        partner_cell = _cell(row, roles, PARTNERS)
        named = matcher.named_in(partner_cell) + matcher.whole_classes(partner_cell)
        partners = [c for c in named if c not in leads]
        current.tasks.append(
            TableTask(
                number=_cell(row, roles, NUMBER),
                text=text,
                leads=leads,
                partners=list(dict.fromkeys(partners)),
                cadence=cadence,
                due_date=due,
                recurrence=recurrence,
                timing=timing,
                named=f"{_cell(row, roles, LEAD)}; {partner_cell}",
            )
        )
    return [s for s in sections if s.tasks]
