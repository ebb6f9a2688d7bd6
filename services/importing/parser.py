"""Reading a directive (or a plan, a decision) from its plain text: pure functions, no database.

What a Vietnamese administrative text looks like, and what this module does with it:

- a national header (Quốc hiệu "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", tiêu ngữ "Độc lập - Tự do -
  Hạnh phúc", the issuing body, "Số: 15/KH-UBND", "Lai Châu, ngày 20 tháng 01 năm 2022"),
  often laid out in two columns that a PDF or a Word table hands over interleaved: the number and
  date are read, the rest dropped;
- the kind in capitals (CHỈ THỊ, KẾ HOẠCH, QUYẾT ĐỊNH...) and the title under it;
- a preamble, then an outline: Roman numerals (I.), numbers (1., 1.1.), letters (a), b)),
  articles (Điều 1.), dashes and other bullets (-, +, •);
- a closing sentence ("Yêu cầu ...", "... ./."), "Nơi nhận:" with its own dash list, and the
  signature block, none of which are tasks.

Text extracted from a PDF has every line wrapped at the page margin (and, from some tools, a
blank line after each), page numbers and stray web addresses; lines are joined back with the
rule the seed data uses: a space between parts, none after a hyphen that follows a digit
("2021-" + "2025" -> "2021-2025").

Every leaf of the outline is a task; the item above it is its section. A numbered item with a
heading and a paragraph but no sub-items (section 6 of the seed directive) is a section with one
task.
"""

import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from statistics import quantiles

from models import Cadence, Direction, ReformArea, TargetKind
from services.core import validation
from services.core.labels import task_label
from services.importing.body_names import BodyMatcher, loose_fold, unknown_names
from services.importing.deadlines import plan_year, read_timing
from services.importing.tables import read_table
from services.read.bodies import BodyRef

ProgressFn = Callable[[float], None]

KINDS = {  # folded capitals -> the kind as written in a sentence
    "chi thi": "Chỉ thị",
    "ke hoach": "Kế hoạch",
    "quyet dinh": "Quyết định",
    "nghi quyet": "Nghị quyết",
    "chuong trinh": "Chương trình",
    "thong bao": "Thông báo",
    "de an": "Đề án",
    "huong dan": "Hướng dẫn",
    "cong dien": "Công điện",
    "chuong trinh hanh dong": "Chương trình hành động",
    "ke hoach hanh dong": "Kế hoạch hành động",
}
NUMBER_KINDS = {  # the letters of a document number: 15/KH-UBND -> Kế hoạch
    "CT": "Chỉ thị",
    "KH": "Kế hoạch",
    "QĐ": "Quyết định",
    "NQ": "Nghị quyết",
    "CTR": "Chương trình",
    "TB": "Thông báo",
    "ĐA": "Đề án",
    "HD": "Hướng dẫn",
    "CĐ": "Công điện",
}


# ----------------------------------------------------------------------------- results


@dataclass
class ParsedTask:
    label: str
    text: str
    partners: list[str] = field(default_factory=list)  # body codes
    leads: list[str] = field(default_factory=list)  # its own leads; empty: the section's bodies
    area: str = ReformArea.LEADERSHIP.value
    cadence: str = Cadence.CONTINUOUS.value
    due_date: date | None = None
    recurrence: str = ""  # a periodic task's period: quarterly, half_yearly, monthly
    timing: str = ""  # the deadline as a table's column writes it ("Quý II/2025")


@dataclass
class ParsedSection:
    label: str
    heading: str
    bodies: list[str] = field(default_factory=list)  # body codes, fan-out expanded
    tasks: list[ParsedTask] = field(default_factory=list)
    context: str = ""  # the headings above it: "II. NHIỆM VỤ TRỌNG TÂM"
    include: bool = True  # False when it looks like aims, not tasks ("Mục đích", "Yêu cầu")


@dataclass
class ProposedTarget:
    text: str
    kind: str
    value: float | None
    direction: str | None
    unit: str
    task_label: str
    period_type: str


@dataclass
class ParsedDirective:
    kind: str | None
    number: str | None
    issued_date: date | None
    title: str
    issuer: str = ""
    signer: str = ""
    preamble: str = ""
    sections: list[ParsedSection] = field(default_factory=list)
    targets: list[ProposedTarget] = field(default_factory=list)
    original_text: str = ""
    # (name, kind) of what looks like a body in the tasks but is not in the body list
    unknown_bodies: list[tuple[str, str]] = field(default_factory=list)

    @property
    def task_count(self) -> int:
        return sum(len(s.tasks) for s in self.sections)


# ----------------------------------------------------------------------------- lines

_URL = re.compile(r"^(https?://|www\.)\S+$", re.IGNORECASE)
_PAGE_NUMBER = re.compile(r"^(?:-\s*)?(?:trang\s+)?\d{1,3}(?:\s*/\s*\d{1,3})?(?:\s*-)?$", re.I)
_SEPARATOR = re.compile(r"^[-_=*.·~–—\s]{3,}$")


@dataclass
class Line:
    text: str
    blank_before: bool


def normalise(text: str) -> str:
    """NFC, without the characters no stored text keeps (controls, bidi, invisible), line
    breaks as "\\n", tabs and no-break spaces as spaces."""
    text = validation.clean(unicodedata.normalize("NFC", text))
    return text.replace("\u00a0", " ").replace("\t", " ")


def clean_lines(text: str) -> list[Line]:
    """Non-empty lines, stripped, without page artefacts; each knows if a blank preceded it."""
    out: list[Line] = []
    blank = False
    for raw in normalise(text).split("\n"):
        line = " ".join(raw.split())
        if not line or _URL.match(line) or _PAGE_NUMBER.match(line):
            blank = True
            continue
        out.append(Line(line, blank))
        blank = False
    return out


def join_parts(parts: list[str]) -> str:
    """The shared joining rule for wrapped lines: one space, none after "<digit>-"."""
    out = ""
    for part in (p.strip() for p in parts):
        if not part:
            continue
        if not out:
            out = part
        elif re.search(r"\d-$", out):
            out += part
        else:
            out += " " + part
    return re.sub(r" {2,}", " ", out).strip()


@dataclass
class Layout:
    """How the text was broken into lines: wrapped at a margin (a PDF) or one line per
    paragraph (Word, a web page), and whether blank lines mean anything."""

    wrapped: bool
    width: float
    blank_breaks: bool


def detect_layout(lines: list[Line], wrapped: bool | None = None) -> Layout:
    lengths = [len(x.text) for x in lines] or [0]
    width = quantiles(lengths, n=10)[-1] if len(lengths) >= 2 else float(lengths[0])
    if wrapped is None:
        wrapped = width <= 130
    with_blank = sum(x.blank_before for x in lines[1:])
    # a PDF extractor that puts a blank after every line makes blanks meaningless
    blank_breaks = len(lines) > 1 and with_blank < 0.5 * (len(lines) - 1)
    return Layout(wrapped=wrapped, width=max(width, 1.0), blank_breaks=blank_breaks)


def starts_paragraph(prev: Line, cur: Line, layout: Layout) -> bool:
    """Does `cur` start a new paragraph, or continue the one `prev` is in?"""
    first = cur.text[0]
    if not first.isupper():
        return False  # "huyện, thành phố:", "2025, định hướng...", "(phấn đấu...)"
    if layout.blank_breaks and cur.blank_before:
        return True
    if not layout.wrapped:
        return True
    # wrapped text: a line that stopped well short of the margin ended its paragraph
    return len(prev.text) < 0.7 * layout.width


# ----------------------------------------------------------------------------- header

_MOTTO = [
    re.compile(r"C[OỘ]NG\s+H[OÒ]A\s+X[AÃ]\s+H[OỘ]I\s+CH[UỦ]\s+NGH[IĨ]A\s+VI[EỆ]T\s+NAM", re.I),
    re.compile(r"Độc\s+lập\s*[-–—]\s*Tự\s+do\s*[-–—]\s*Hạnh\s+phúc", re.I),
]
_NUMBER = re.compile(r"Số\s*:\s*([^\s,;]*)", re.I)
_VN_DATE = re.compile(
    r"(?:(?P<place>(?:[A-ZĐÀ-Ỹ][a-zà-ỹđ]+\s){0,3}[A-ZĐÀ-Ỹ][a-zà-ỹđ]+),\s*)?"
    r"ngày\s+(?P<d>\d{1,2})\s+tháng\s+(?P<m>\d{1,2})\s+năm\s+"
    r"(?P<y>\d{4})",
    re.I,
)
_BLANK_DATE = re.compile(r"ngày\s+(?:\.+|…+)?\s*tháng\s+(?:\.+|…+)?\s*năm\s+\d{4}", re.I)
_ATTACHED_TO = re.compile(
    r"Kèm theo\s+(?P<kind>Kế hoạch|Quyết định|Chỉ thị|Chương trình|Đề án)\s+số\s*:?\s*"
    r"(?P<number>\d[^\s,;]*)",
    re.I,
)
_TITLE_START = re.compile(r"^(V/v|Về\s+việc|Về|Ban\s+hành|Thực\s+hiện)\b", re.I)


def _strip_motto(text: str) -> str:
    for pattern in _MOTTO:
        text = pattern.sub(" ", text)
    return " ".join(text.split())


def _is_caps(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def _kind_of(text: str) -> tuple[str, str] | None:
    """(kind, rest) when the line is the kind in capitals, maybe followed by the title."""
    words = text.split()
    for n in (3, 2):
        head = " ".join(words[:n])
        if len(words) >= n and _is_caps(head) and loose_fold(head).strip() in KINDS:
            rest = " ".join(words[n:]).strip(" :")
            return KINDS[loose_fold(head).strip()], rest
    return None


def _is_header_noise(text: str) -> bool:
    return bool(_SEPARATOR.match(text)) or not text


@dataclass
class Header:
    kind: str | None = None
    number: str | None = None
    issued_date: date | None = None
    place: str = ""
    issuer: str = ""
    title: str = ""
    body_start: int = 0  # index of the first line after the header and title


def read_header(lines: list[Line], layout: Layout) -> Header:
    head = Header()
    limit = min(len(lines), 40)
    kind_at = next((i for i in range(limit) if _kind_of(_strip_motto(lines[i].text))), None)
    zone_end = kind_at if kind_at is not None else _header_zone_end(lines, limit)
    # Two columns come out interleaved and wrapped ("CỘNG HÒA XÃ HỘI CHỦ" / "NGHĨA VIỆT NAM",
    # "ngày 05 tháng 8 năm" / "2022"): read the header as one string.
    zone = _strip_motto(" ".join(x.text for x in lines[:zone_end]))
    if m := _NUMBER.search(zone):
        number = m.group(1).strip(" .")
        if re.search(r"\d", number) and not number.startswith("/"):
            head.number = number
        zone = zone[: m.start()] + " " + zone[m.end() :]
    if m := _VN_DATE.search(zone):
        try:
            head.issued_date = date(int(m["y"]), int(m["m"]), int(m["d"]))
        except ValueError:
            head.issued_date = None
        head.place = (m["place"] or "").strip()
        zone = zone[: m.start()] + " " + zone[m.end() :]
    elif m := _BLANK_DATE.search(zone):  # an unsigned draft: "ngày   tháng   năm 2021"
        zone = zone[: m.start()]
    head.issuer = " ".join(
        w for w in zone.split() if _is_caps(w) and not _SEPARATOR.match(w)
    ).strip()
    i = zone_end
    if kind_at is not None:
        head.kind, rest = _kind_of(_strip_motto(lines[kind_at].text)) or (None, "")
        title = [rest] if rest else []
        i = kind_at + 1
        i = _read_title(lines, i, title)
        head.title = join_parts(title)
    elif i < len(lines) and _TITLE_START.match(lines[i].text) and lines[i].text[:2] in {"V/", "Về"}:
        title = []
        i = _read_title(lines, i, title)
        head.title = re.sub(r"^V/v\s*:?\s*", "", join_parts(title), flags=re.I)
    # capital lines under the title: the authority of a decision, "QUYẾT ĐỊNH:", separators
    while i < len(lines) and (_is_caps(lines[i].text) or _is_header_noise(lines[i].text)):
        if _marker(lines[i].text) is not None and not _SEPARATOR.match(lines[i].text):
            break
        i += 1
    opening = " ".join(x.text for x in lines[:12])
    if not head.title and lines and loose_fold(lines[0].text).strip() in {"phu luc", "bieu"}:
        # an appendix on its own: "PHỤ LỤC" / its title in capitals / "(Kèm theo ...)"
        title = []
        for x in lines[1:6]:
            if x.text.startswith("(") or not _is_caps(x.text):
                break
            title.append(x.text)
        head.title = join_parts(title)
    if head.kind is None and (m := _ATTACHED_TO.search(opening)):
        # an appendix on its own: "(Kèm theo Kế hoạch số 12/KH-UBND ngày ...)"
        head.kind = KINDS.get(loose_fold(m["kind"]).strip())
        head.number = head.number or m["number"].rstrip(").,;")
    if head.kind is None and head.number:
        letters = re.search(r"/([A-ZĐa-zđ]+)", head.number)
        if letters:
            head.kind = NUMBER_KINDS.get(letters.group(1).upper())
    head.body_start = i
    return head


_DATE_PIECE = re.compile(r"(ngày\s+\d{0,2}\s*(tháng|$)|^\d{4}$|tháng\s+\d{0,2}\s*năm)", re.I)


def _header_zone_end(lines: list[Line], limit: int) -> int:
    """Without a kind line: the header is the run of capitals, mottos, numbers and dates."""
    i = 0
    while i < limit:
        text = _strip_motto(lines[i].text)
        header_like = (
            not text
            or _is_header_noise(text)
            or _NUMBER.search(text)
            or _VN_DATE.search(text)
            or _BLANK_DATE.search(text)
            or _DATE_PIECE.search(text)
            or (_is_caps(text) and _marker(text) is None)
        )
        if not header_like:
            break
        i += 1
    return i


def _read_title(lines: list[Line], i: int, title: list[str]) -> int:
    """The title's lines: the first, then those that continue it (lower-case start, or more
    capitals under a title in capitals)."""
    while i < len(lines) and _is_header_noise(lines[i].text):
        i += 1
    if i < len(lines) and not title and _marker(lines[i].text) is None:
        title.append(lines[i].text)
        i += 1
    while i < len(lines):
        text = lines[i].text
        if _is_header_noise(text) or _marker(text) is not None:
            break
        caps_title = _is_caps(" ".join(title))
        if text[0].islower() or (caps_title and _is_caps(text) and not _kind_of(text)):
            title.append(text)
            i += 1
            continue
        break
    return i


# ----------------------------------------------------------------------------- outline

_CAPITAL = re.compile(r"^(?P<n>[A-HK-UY])\s*\.\s+(?P<rest>.+)$")  # not I, V, X: Roman
_CAPITALS = "ABCDEGHKLMNOPQRSTUY"
_ROMAN = re.compile(r"^(?P<n>[IVXL]{1,6})\s*[.)]\s*(?P<rest>.*)$")
_DECIMAL = re.compile(r"^(?P<n>\d{1,2}(?:\.\d{1,2}){0,3})\s*[.)](?!\d)\s*(?P<rest>.*)$")
_DECIMAL_NO_DOT = re.compile(r"^(?P<n>\d{1,2}(?:\.\d{1,2}){1,3})\s+(?P<rest>.*)$")
_LETTER = re.compile(r"^(?P<n>[a-zđ])\s*\)\s*(?P<rest>.*)$")
_ARTICLE = re.compile(r"^(?P<n>Điều\s+\d{1,3})(?P<p>\s*[.:])?\s*(?P<rest>.*)$")
# "Phần I.", "PHẦN THỨ NHẤT", "Phần 2:"; "Mục 1.", "MỤC II" (not "Mục đích", "Mục tiêu")
_PART = re.compile(
    r"^(?P<w>Phần|PHẦN|Chương|CHƯƠNG)\s+(?P<n>[IVXL]{1,6}|\d{1,2}|(?:thứ|THỨ)\s+\w+)"
    r"\s*(?:[.:\-–]\s*|\s+|$)(?P<rest>.*)$"
)
_CHAPTER = re.compile(
    r"^(?P<w>Mục|MỤC)\s+(?P<n>[IVXL]{1,6}|\d{1,2})\s*(?:[.:\-–]\s*|\s+|$)(?P<rest>.*)$"
)
_ORDINALS = {"nhat": 1, "hai": 2, "ba": 3, "tu": 4, "nam": 5, "sau": 6, "bay": 7, "tam": 8}
_BULLETS = {"-": "dash", "–": "dash", "—": "dash", "‐": "dash", "+": "plus"}
_DOTS = "•●▪■◦○∙·*"
_VI_LETTERS = "abcdđeghiklmnopqrstuvxy"


def _roman_value(s: str) -> int | None:
    values = {"I": 1, "V": 5, "X": 10, "L": 50}
    total = 0
    for i, c in enumerate(s):
        v = values[c]
        total += -v if i + 1 < len(s) and values[s[i + 1]] > v else v
    return total if 0 < total < 60 else None


@dataclass(frozen=True)
class Marker:
    style: str  # roman, dec1, dec2, ..., letter, article, dash, plus, dot
    label: str  # as written: "II.", "1.", "1.1.", "a)", "Điều 1.", "-"
    value: int | None  # its place in a sequence, for the numbered styles
    rest: str  # the text after the marker on the same line


def _part_value(n: str) -> int | None:
    if n[:1].isdigit():
        return int(n)
    if n.upper().startswith("THỨ"):
        return _ORDINALS.get(loose_fold(n).split()[-1])
    return _roman_value(n.upper())


def _marker(text: str) -> Marker | None:
    if (m := _ARTICLE.match(text)) and (m["p"] or not m["rest"] or m["rest"][0].isupper()):
        return Marker("article", m["n"] + ".", int(m["n"].split()[-1]), m["rest"])
    for pattern, style in ((_PART, "part"), (_CHAPTER, "chapter")):
        if (m := pattern.match(text)) and (value := _part_value(m["n"])) is not None:
            rest = m["rest"].strip()
            if rest[:1].islower():
                continue  # "Phần 2 của ..." in a sentence
            return Marker(style, f"{m['w']} {m['n']}", value, rest)
    if m := _ROMAN.match(text):
        value = _roman_value(m["n"])
        if value is not None and m["rest"][:1].isupper():
            return Marker("roman", m["n"] + ".", value, m["rest"])
    if (m := _CAPITAL.match(text)) and _is_caps(m["rest"]) and len(m["rest"]) > 3:
        # "A. KẾT QUẢ NĂM 2024", "B. NHIỆM VỤ NĂM 2025": the top level of some plans
        return Marker("capital", m["n"] + ".", _CAPITALS.find(m["n"]) + 1, m["rest"])
    if (m := _DECIMAL.match(text)) or (m := _DECIMAL_NO_DOT.match(text)):
        rest = m["rest"]
        if rest and (rest[0].isupper() or rest[0] in '“"('):
            parts = m["n"].split(".")
            return Marker(f"dec{len(parts)}", m["n"] + ".", int(parts[-1]), rest)
        return None
    if (m := _LETTER.match(text)) and m["rest"]:
        return Marker("letter", m["n"] + ")", _VI_LETTERS.find(m["n"]) + 1, m["rest"])
    first = text[0]
    if first in _BULLETS or first in _DOTS:
        rest = text[1:].strip()
        if not rest:
            return None
        style = _BULLETS.get(first, "dot")
        return Marker(style, first, None, rest)
    return None


@dataclass
class Node:
    marker: Marker | None
    parent: "Node | None" = None
    paragraphs: list[list[str]] = field(default_factory=list)
    children: list["Node"] = field(default_factory=list)
    last_line: Line | None = None

    @property
    def heading(self) -> str:
        return join_parts(self.paragraphs[0]) if self.paragraphs else ""

    @property
    def body(self) -> list[str]:
        return [join_parts(p) for p in self.paragraphs[1:]]

    @property
    def text(self) -> str:
        return join_parts([join_parts(p) for p in self.paragraphs])

    def path(self) -> list["Node"]:
        out: list[Node] = []
        node: Node | None = self
        while node is not None and node.marker is not None:
            out.append(node)
            node = node.parent
        return out[::-1]


_CLOSING = re.compile(
    r"^(Yêu cầu|Đề nghị|Trên đây là|Trong quá trình (triển khai|tổ chức|thực hiện)|"
    r"(Chỉ thị|Kế hoạch|Quyết định|Chương trình) này (có hiệu lực|được)|Nhận được)",
)
_END = re.compile(
    r"^(Nơi nhận\b|(KT|TM|TL|TUQ|Q)\s*\.\s*[A-ZĐ]|CHỦ TỊCH$|PHÓ CHỦ TỊCH$|GIÁM ĐỐC$)",
)


def _end_of_body(lines: list[Line], start: int) -> int:
    for i in range(start, len(lines)):
        if _END.match(lines[i].text):
            return i
    return len(lines)


def _accept(marker: Marker, stack: list[tuple[Marker, Node]]) -> bool:
    """Numbered markers must continue their sequence (a wrapped line starting "2021." is not
    item 2021), or start a new one at 1 / I / a."""
    if marker.value is None:
        return True
    for m, _node in reversed(stack):
        if m.style == marker.style:
            if marker.style.startswith("dec") and marker.style != "dec1":
                return marker.value == (m.value or 0) + 1 or marker.value == 1
            if marker.style == "letter":  # "d), e)" without "đ)"; "e), g)" (no f in Vietnamese)
                return 0 < marker.value - (m.value or 0) <= 2
            return marker.value == (m.value or 0) + 1
    # a fragment may start at any article of a decision
    return marker.value == 1 or marker.style == "article"


def _continues_heading(node: Node, line: Line) -> bool:
    """A heading in capitals wrapped over lines ("II. NỘI DUNG" / "THỰC HIỆN"), or one that
    stops at a comma or a joining word: the line carries the heading on."""
    if node.marker is None or len(node.paragraphs) != 1:
        return False
    heading = join_parts(node.paragraphs[0])
    if len(heading) > 200 or heading.endswith((".", ";", ":")):
        return False
    if _is_caps(heading) and _is_caps(line.text) and len(line.text) <= 120:
        return True
    return heading.endswith(",") and _is_caps(heading) == _is_caps(line.text)


def parse_outline(
    lines: list[Line], layout: Layout, *, on_progress: ProgressFn | None = None
) -> tuple[list[str], Node, bool]:
    """(preamble lines, the outline's root, whether a closing sentence was met)."""
    has_numbers = any(
        (m := _marker(x.text)) is not None and m.value is not None and _accept(m, []) for x in lines
    )
    last_marker = max((i for i, x in enumerate(lines) if _marker(x.text)), default=-1)
    root = Node(marker=None)
    preamble: list[list[str]] = []
    stack: list[tuple[Marker, Node]] = []
    current: Node | None = None
    prev: Line | None = None
    closed = False
    total = max(len(lines), 1)
    for n, line in enumerate(lines):
        if on_progress and n % 50 == 0:
            on_progress(n / total)
        marker = _marker(line.text)
        if marker is not None and current is None and has_numbers and marker.value is None:
            marker = None  # a dash list before the first numbered item belongs to the preamble
        if marker is not None and not _accept(marker, stack):
            marker = None
        if (
            marker is not None
            and prev is not None
            and marker.style in {"dash", "plus", "dot"}
            and marker.rest[0].islower()
            and not re.search(r"[.:;]$", prev.text)
        ):
            marker = None  # "- xã hội" at the start of a wrapped line is a hyphen, not a bullet
        if marker is not None:
            while stack and any(m.style == marker.style for m, _ in stack):
                popped, _ = stack.pop()
                if popped.style == marker.style:
                    break
            parent = stack[-1][1] if stack else root
            node = Node(marker=marker, parent=parent, paragraphs=[[marker.rest]], last_line=line)
            parent.children.append(node)
            stack.append((marker, node))
            current = node
            prev = line
            if marker.rest.endswith("./."):
                closed = True
                break
            continue
        if current is None:
            if not preamble or (prev is not None and starts_paragraph(prev, line, layout)):
                preamble.append([line.text])
            else:
                preamble[-1].append(line.text)
            prev = line
            continue
        if _continues_heading(current, line):
            current.paragraphs[0].append(line.text)  # "I. MỤC ĐÍCH," / "YÊU CẦU"
            prev = line
            continue
        new_paragraph = prev is not None and starts_paragraph(prev, line, layout)
        after_sentence = prev is not None and bool(re.search(r"[.;:!?]$", prev.text))
        if n > last_marker and (
            (_CLOSING.match(line.text) and (new_paragraph or after_sentence))
            or (new_paragraph and line.text.endswith("./."))
        ):
            closed = True  # "Yêu cầu ...", "Trong quá trình thực hiện ...": the closing
            break
        if new_paragraph:
            current.paragraphs.append([line.text])
        else:
            current.paragraphs[-1].append(line.text)
        prev = line
    return [join_parts(p) for p in preamble], root, closed


# ----------------------------------------------------------------------------- sections


def _heading_like(node: Node) -> bool:
    heading = node.heading
    return len(heading) <= 250 and not heading.endswith((".", ";"))


def build_sections(root: Node) -> list[tuple[Node | None, list[tuple[Node | None, str]]]]:
    """[(section node, [(task node, task text)])] in document order. The section node is None
    for a run of top-level items that are tasks themselves."""
    out: list[tuple[Node | None, list[tuple[Node | None, str]]]] = []
    by_id: dict[int, int] = {}

    def section_for(node: Node | None) -> list[tuple[Node | None, str]]:
        key = id(node)
        if node is None and out and out[-1][0] is None:
            return out[-1][1]
        if key not in by_id or node is None:
            by_id[key] = len(out)
            out.append((node, []))
        return out[by_id[key]][1]

    def walk(node: Node, owner: Node) -> None:
        for child in node.children:
            if child.children and owner is not root and _lead_in_item(child):
                walk(child, owner)  # "a) ..., cụ thể:" / its items: tasks of the section above
                continue
            if child.children:
                intro = child.body
                if intro:
                    text = join_parts(intro)
                    if text.endswith(":"):
                        pass  # "... các nhiệm vụ sau:" introduces the items, it is no task
                    else:
                        section_for(child).append((None, text))
                walk(child, child)
            elif (
                child.body
                and _heading_like(child)
                and child.marker is not None
                and child.marker.value is not None
            ):
                # "3. Sở Giáo dục và Đào tạo" / its paragraph: a section with one task
                section_for(child).append((None, join_parts(child.body)))
            elif child.parent is root or child.parent is None:
                if child.body and _heading_like(child):
                    section_for(child).append((None, join_parts(child.body)))
                elif _heading_like(child) and not child.body:
                    section_for(child)  # a heading with nothing under it
                elif child.marker is not None and child.marker.style == "article":
                    section_for(child).append((child, child.text))  # "Điều 2. Giao ..."
                else:
                    section_for(None).append((child, child.text))
            else:
                section_for(owner).append((child, child.text))

    walk(root, root)
    return out


_LEAD_IN_END = re.compile(r"(cụ thể|như sau|sau đây|trong đó cần|trong đó|gồm|bao gồm|sau)\s*:$")


def _lead_in_item(node: Node) -> bool:
    """An item that introduces the items under it ("a) Tiếp tục ..., cụ thể:") rather than
    heading them: its items belong to the section above it."""
    text = join_parts(node.paragraphs[0]) if node.paragraphs else ""
    return len(node.paragraphs) == 1 and bool(_LEAD_IN_END.search(text)) and len(text) > 60


def _section_label(node: Node | None) -> str:
    """The labels of the numbered items above and at the node: "II.1."; a bullet counts as
    its place among its siblings ("II.2.3.")."""
    if node is None:
        return ""
    parts = []
    for n in node.path():
        if n.marker is None:
            continue
        if n.marker.value is None and n.parent is not None:
            same = [c for c in n.parent.children if c.marker and c.marker.style == n.marker.style]
            parts.append(f"{same.index(n) + 1}.")
        else:
            parts.append(n.marker.label)
    return "".join(parts)[:20]


def _context(node: Node | None) -> str:
    if node is None:
        return ""
    return " › ".join(f"{n.marker.label} {n.heading}" for n in node.path()[:-1] if n.marker)


# The parts of a plan or decision that hold no work (folded, without marks): the heading is
# one of these words alone ("MỤC ĐÍCH, YÊU CẦU", "Mục tiêu chung") or begins with a phrase.
_AIM_WORDS = r"(?:muc dich|yeu cau|muc tieu|quan diem|can cu|chi tieu|pham vi|ly do)"
_AIMS = re.compile(
    rf"^ (?:{_AIM_WORDS}(?: (?:va|chung|cu the|phap ly|tong quat|chu yeu))*(?: |$))+$"
    r"|^ (?:pham vi dieu chinh|doi tuong (?:ap dung|dieu chinh|va|duoc)|dieu khoan thi hanh"
    r"|hieu luc thi hanh|ket qua (?:thuc hien|dat duoc|cong tac)|tinh hinh (?:thuc hien|trien khai)"
    r"|danh gia (?:ket qua|tinh hinh)|can cu (?:phap ly|xay dung)|su can thiet) "
)
# sentences of a decision that enact, date or hand out the decision itself: no task
_BOILERPLATE = re.compile(
    r"^Ban hành kèm theo|(?:Quyết định|Chỉ thị|Kế hoạch|Quy định|Quy chế) (?:này )?có hiệu lực"
    r"|(?:chịu|có) trách nhiệm (?:tổ chức )?thi hành|thay thế Quyết định số",
    re.I,
)


# a heading that introduces work: "II. NHIỆM VỤ TRỌNG TÂM", "NHIỆM VỤ, GIẢI PHÁP", "NỘI DUNG"
_TASKS_HEADING = re.compile(
    r"^ (?:cac )?(?:nhiem vu|giai phap|noi dung|nhung viec can lam|cong viec|danh muc nhiem vu) "
)


def _under_tasks_heading(node: Node | None) -> bool:
    return node is not None and any(
        _TASKS_HEADING.match(loose_fold(n.heading)) for n in node.path()
    )


def _looks_like_aims(node: Node | None) -> bool:
    return node is not None and any(
        _AIMS.match(loose_fold(n.heading.rstrip(":"))) for n in node.path()
    )


_LEAD_NAMED = re.compile(r"(?:Cơ quan|Đơn vị)\s+chủ trì\s*:\s*(?P<who>[^;.]+)", re.I)
# what the subject of a task does: the bodies named before the first of these are its leads
_LEAD_VERB = re.compile(
    r"\b(?:chủ trì|phối hợp|thực hiện|tổ chức|tham mưu|hướng dẫn|chỉ đạo|có trách nhiệm|"
    r"chịu trách nhiệm|triển khai|báo cáo|theo dõi|xây dựng|rà soát|kiểm tra|nghiên cứu|"
    r"khẩn trương|tập trung|quán triệt|kịp thời|căn cứ|ban hành|trình|đôn đốc|đẩy mạnh|"
    r"tăng cường|tiếp tục|bố trí|cập nhật)\b",
    re.I,
)


def task_leads(text: str, matcher: BodyMatcher) -> list[str]:
    """The bodies a task names as its own lead: "Cơ quan chủ trì: Sở Nội vụ", "Giao Sở Tư
    pháp chủ trì ...", "Giám đốc Sở Nội vụ tham mưu ...", "..., UBND các xã, phường kịp thời
    báo cáo": the bodies (or a whole class) named before the first verb of a clause. Used only
    where no heading above the task names its bodies."""
    if m := _LEAD_NAMED.search(text):
        found = matcher.addressed_by(m["who"])
        if found:
            return found
    sentence = re.split(r"(?<=[.;:])\s", text, maxsplit=1)[0]
    start = 0
    verbs = [
        v
        for v in _LEAD_VERB.finditer(sentence)
        if v.start() == 0 or v.group()[0].islower()  # "Xây dựng" in "Sở Xây dựng" is a name
    ]
    for n, verb in enumerate(verbs):
        who = sentence[start : verb.start()]
        if n > 0:
            # after the first verb, only a new clause has a subject of its own: "Trong quá
            # trình thực hiện, nếu có vướng mắc UBND các xã, phường kịp thời báo cáo"
            who = who.split(",", 1)[1] if "," in who else ""
        found = matcher.addressed_by(who) if who.strip() else []
        if found:
            return found
        start = verb.end()
    return []


def unknown_leads(text: str, matcher: BodyMatcher) -> list[str]:
    """The names in a task's subject that look like bodies but are not in the list: "Sở Tư
    pháp" in "Sở Tư pháp chủ trì ..." when the list has no such body, "Ban Dân tộc" in "Cơ
    quan chủ trì: Ban Dân tộc". The task has a lead, one the office must add or choose."""
    if m := _LEAD_NAMED.search(text):
        subject = m["who"]
    else:
        sentence = re.split(r"(?<=[.;:])\s", text, maxsplit=1)[0]
        verb = next(
            (v for v in _LEAD_VERB.finditer(sentence) if v.start() == 0 or v.group()[0].islower()),
            None,
        )
        subject = sentence[: verb.start()] if verb is not None else ""
    return [name for name, _kind in unknown_names([subject], matcher)] if subject.strip() else []


# a provision of no one's work: a condition the issuer keeps for itself ("Trong trường hợp cần
# thiết, UBND tỉnh trực tiếp quyết định ..."), when it names no lead
_PROVISION = re.compile(r"(?:Trong\s+)?(?:trường hợp|nếu)\b", re.I)


def _inherited_bodies(node: Node | None, matcher: BodyMatcher) -> list[str]:
    while node is not None and node.marker is not None:
        found = matcher.addressed_by(node.heading)
        if found:
            return found
        node = node.parent
    return []


# ----------------------------------------------------------------------------- task facts

_AREA_WORDS: dict[str, list[str]] = {
    ReformArea.DIGITAL_GOVERNMENT: [
        "cong nghe thong tin",
        "chinh quyen dien tu",
        "chinh quyen so",
        "chinh phu dien tu",
        "chuyen doi so",
        "dich vu cong truc tuyen",
        "chu ky so",
        "lgsp",
        "iso 9001",
        "dien tu hoa",
    ],
    ReformArea.PROCEDURES: ["thu tuc hanh chinh", "tthc", "mot cua", "ho so", "dich vu cong"],
    ReformArea.INSTITUTIONS: ["van ban quy pham phap luat", "thi hanh phap luat", "the che"],
    ReformArea.APPARATUS: ["bo may", "sap xep", "tinh gon", "don vi su nghiep"],
    ReformArea.CIVIL_SERVICE: [
        "cong chuc",
        "vien chuc",
        "cong vu",
        "tuyen dung",
        "ky luat",
        "dao tao boi duong",
    ],
    ReformArea.PUBLIC_FINANCE: [
        "ngan sach",
        "tai chinh",
        "tai san cong",
        "khoan bien che",
        "dau tu cong",
        "tu chu",
    ],
    ReformArea.LEADERSHIP: ["chi dao", "dieu hanh", "tuyen truyen", "danh gia", "kiem tra"],
}


def guess_area(text: str) -> str:
    """The reform area whose words the task uses most (direction and management if none)."""
    folded = loose_fold(text)
    scores = {
        area: sum(folded.count(f" {w} ") for w in words) for area, words in _AREA_WORDS.items()
    }
    best = max(scores.items(), key=lambda kv: kv[1])
    return str(best[0]) if best[1] > 0 else ReformArea.LEADERSHIP.value


_ANNUAL = re.compile(r"\b(hằng năm|hàng năm|mỗi năm|từng năm)\b", re.I)
_PERIODIC = re.compile(r"\b(định kỳ|hằng quý|hàng quý|hằng tháng|hàng tháng)\b", re.I)
_YEAR = re.compile(r"(?<!đến )(?<!giai đoạn )\b(?:trong |ngay )?năm (20\d{2})\b(?!\s*[-–])", re.I)
_BEFORE_DAY = re.compile(r"trước ngày (\d{1,2})/(\d{1,2})/(\d{4})", re.I)


def guess_cadence(text: str) -> tuple[str, date | None]:
    """Cadence and deadline from the text's timing cues (see services.importing.deadlines)."""
    cadence, due, _recurrence = read_timing(text)
    return cadence, due


_PERCENT = re.compile(
    r"(?P<before>(?:\S+\s+){0,3})(?P<value>\d{1,3}(?:[.,]\d+)?)\s*%(?P<after>\s+trở lên)?", re.I
)
_AT_LEAST = re.compile(r"(trên|hơn|ít nhất|tối thiểu|không dưới|không thấp hơn|từ|≥|>=)\s*$", re.I)
_AT_MOST = re.compile(r"(dưới|không quá|tối đa|không vượt quá|thấp hơn|≤|<=)\s*$", re.I)
_TREND = re.compile(
    r"\b(?P<verb>giảm|nâng|tăng)\s+(?P<what>tỷ lệ|tỉ lệ|số lượng|số|chỉ số|thứ hạng|hạng)\b",
    re.I,
)
_CLAUSE_SPLIT = re.compile(r"(?<=[.;:])\s+(?=\S)")


# a target sentence found in a task: (clause, kind, value, direction, unit)
Found = tuple[str, str, float | None, str | None, str]


def find_targets(text: str) -> list[Found]:
    """(clause, kind, value, direction, unit) for each target sentence in a task's text."""
    found: list[Found] = []
    for clause in _CLAUSE_SPLIT.split(text):
        clause = clause.strip()
        if m := _PERCENT.search(clause):
            value = float(m["value"].replace(",", "."))
            before = m["before"]
            if m["after"] or _AT_LEAST.search(before):
                kind = TargetKind.AT_LEAST
            elif _AT_MOST.search(before):
                kind = TargetKind.AT_MOST
            elif value == 100:
                kind = TargetKind.EXACTLY
            else:
                kind = TargetKind.AT_LEAST
            found.append((clause, kind.value, value, None, "%"))
        elif m := _TREND.search(clause):
            rank = loose_fold(m["what"]).strip() in {"thu hang", "hang"}
            higher = loose_fold(m["verb"]).strip() in {"nang", "tang"}
            if rank:
                found.append((clause, TargetKind.RANK.value, None, Direction.LOWER.value, "hạng"))
            else:
                direction = Direction.HIGHER if higher else Direction.LOWER
                what = loose_fold(m["what"])
                unit = "%" if "ty le" in what or "ti le" in what else ""
                found.append(
                    (clause, TargetKind.BETTER_THAN_PREVIOUS.value, None, direction.value, unit)
                )
    return found


# ----------------------------------------------------------------------------- signer

_NAME_WORD = re.compile(r"^[A-ZĐÀ-Ỹ][a-zà-ỹđ]*$")


def read_signer(lines: list[Line]) -> str:
    """The signer: the last line of the text that is a person's name ("Trần Tiến Dũng")."""
    for line in reversed(lines[-15:]):
        words = line.text.split()
        if 2 <= len(words) <= 5 and all(_NAME_WORD.match(w) for w in words):
            return line.text
    return ""


# ----------------------------------------------------------------------------- the whole


def _table_sections(
    rows: Sequence[Sequence[str]], matcher: BodyMatcher, year: int | None, named: list[str]
) -> list[ParsedSection]:
    """A task table's groups as sections, its rows as tasks with their own bodies; the rows'
    body cells as written are added to `named`."""
    out = []
    for group in read_table([list(r) for r in rows], matcher, year=year):
        section = ParsedSection(label=group.label, heading=group.heading, bodies=[])
        for row in group.tasks:
            named.append(row.named)
            section.tasks.append(
                ParsedTask(
                    label="",
                    text=row.text,
                    partners=row.partners,
                    leads=row.leads,
                    area=guess_area(row.text),
                    cadence=row.cadence,
                    due_date=row.due_date,
                    recurrence=row.recurrence,
                    timing=row.timing,
                )
            )
        out.append(section)
    return out


def _lead_in(preamble: list[str], matcher: BodyMatcher) -> list[str]:
    """The bodies the sentence introducing the items addresses ("Chủ tịch UBND tỉnh yêu cầu
    Giám đốc các sở ... và Chủ tịch UBND các cấp tập trung thực hiện các nội dung sau:")."""
    if not preamble or not preamble[-1].rstrip().endswith(":"):
        return []
    sentence = re.split(r"(?<=[.;])\s+(?=[A-ZĐÀ-Ỹ])", preamble[-1])[-1]
    return matcher.addressed_by(sentence)


def parse_text(
    text: str,
    bodies: list[BodyRef],
    *,
    wrapped: bool | None = None,
    on_progress: ProgressFn | None = None,
    tables: Sequence[Sequence[Sequence[str]]] = (),
) -> ParsedDirective:
    """The directive in `text`, with the bodies of `bodies` matched in it. Never raises on
    odd text: what it cannot place ends up in the preamble, and no task is a valid answer."""
    matcher = BodyMatcher(bodies)
    lines = clean_lines(text)
    layout = detect_layout(lines, wrapped)
    head = read_header(lines, layout)
    end = _end_of_body(lines, head.body_start)
    preamble, root, _closed = parse_outline(
        lines[head.body_start : end], layout, on_progress=on_progress
    )
    parsed = ParsedDirective(
        kind=head.kind,
        number=head.number,
        issued_date=head.issued_date,
        title=head.title,
        issuer=head.issuer,
        signer=read_signer(lines[end:]) if end < len(lines) else "",
        preamble=join_parts(preamble),
        original_text=normalise(text).strip(),
    )
    lead_in = _lead_in(preamble, matcher)
    opening = " ".join(x.text for x in lines[: head.body_start] if not _VN_DATE.search(x.text))
    year = plan_year(head.title, head.issued_date, opening if not head.title else "")
    pending: list[ParsedSection] = []
    targets_of: dict[int, list[Found]] = {}
    for node, items in build_sections(root):
        own_task = node is not None and items[:1] == [(node, node.text)]
        bodies_here = _inherited_bodies(node.parent if own_task and node else node, matcher)
        # under "NHIỆM VỤ", "GIẢI PHÁP", "NỘI DUNG" every item is work, its lead to be filled in
        assigned = _under_tasks_heading(node)
        # aims, purposes...; and the paragraphs of an enacting article ("Điều 1. Ban hành kèm
        # theo Quyết định này Kế hoạch ...") that a copy without full stops ran into it
        aims = _looks_like_aims(node) or bool(
            node is not None and _BOILERPLATE.search(node.heading) and not assigned
        )
        work = ParsedSection(
            label=_section_label(node),
            # an article that is its own task has no heading: "Điều 2. Giao Sở Nội vụ ..."
            heading=node.heading if node is not None and not own_task else "",
            bodies=bodies_here,
            context=_context(node),
            include=not aims,
        )
        # One outline item is one section, its items in document order. An item that names
        # no lead stays among the section's tasks when others there have theirs (the preview
        # flags it for the office to fill in); so does one whose subject is a body missing from
        # the list ("Sở Tư pháp chủ trì ..." after a rename): its lead is unknown, not absent.
        # Only an item of a section where nothing assigns work is context (kept unticked), and
        # a provision that is no one's work (an enacting or closing sentence, "Trong trường
        # hợp cần thiết, UBND tỉnh trực tiếp quyết định ...") is left out of a working one.
        heading_targets = find_targets(work.heading) if node is not None and node.parent else []
        found: list[tuple[ParsedTask, bool, bool, list[Found]]] = []  # task, work, provision
        for n, (_task_node, task_text) in enumerate(items, start=1):
            cadence, due, recurrence = read_timing(task_text, year=year)
            leads = [] if bodies_here else task_leads(task_text, matcher)
            unknown_lead = not bodies_here and not leads and bool(unknown_leads(task_text, matcher))
            boilerplate = bool(_BOILERPLATE.search(task_text))
            if not bodies_here and not leads and not unknown_lead and not boilerplate:
                leads = lead_in
            partners = [
                c for c in matcher.partners_in(task_text) if c not in bodies_here and c not in leads
            ]
            task = ParsedTask(
                label="",
                text=task_text,
                partners=partners,
                leads=leads,
                area=guess_area(task_text),
                cadence=cadence,
                due_date=due,
                recurrence=recurrence,
            )
            has_work = not boilerplate and bool(bodies_here or leads or assigned or unknown_lead)
            provision = boilerplate or (not has_work and bool(_PROVISION.match(task_text)))
            targets = find_targets(task_text) + (heading_targets if n == 1 else [])
            found.append((task, has_work, provision, targets))
        if aims or any(has_work for _t, has_work, _p, _x in found):
            kept = [(t, x) for t, has_work, provision, x in found if aims or not provision]
            pending.append(work)
        else:  # nothing here assigns work: the whole item is context, unticked
            kept = [(t, x) for t, _w, _p, x in found]
            pending.append(work if not kept else replace(work, include=False))
        for task, targets in kept:
            pending[-1].tasks.append(task)
            targets_of[id(task)] = targets
    named: list[str] = []
    for rows in tables:
        pending.extend(_table_sections(rows, matcher, year, named))
    for ordinal, section in enumerate(pending, start=1):
        for n, task in enumerate(section.tasks, start=1):
            task.label = task_label(ordinal, n)
            for clause, kind, value, direction, unit in targets_of.pop(id(task), []):
                parsed.targets.append(
                    ProposedTarget(
                        text=clause,
                        kind=kind,
                        value=value,
                        direction=direction,
                        unit=unit,
                        task_label=task.label,
                        period_type="year" if re.search(r"\bnăm\b", clause) else "quarter",
                    )
                )
        parsed.sections.append(section)
    parsed.unknown_bodies = unknown_names(
        [
            *(
                x
                for s in parsed.sections
                if s.include
                for x in (s.heading, *(t.text for t in s.tasks))
            ),
            *named,
        ],
        matcher,
    )
    if on_progress:
        on_progress(1.0)
    return parsed


def as_json(parsed: ParsedDirective, bodies: list[BodyRef]) -> dict[str, object]:
    """The shape `manage.py import-directive --json` prints: names, not codes."""
    names = {b.code: b.name for b in bodies}
    return {
        "kind": parsed.kind,
        "number": parsed.number,
        "date": parsed.issued_date.isoformat() if parsed.issued_date else None,
        "title": parsed.title,
        "sections": [
            {
                "label": s.label,
                "heading": s.heading,
                "bodies": [names[c] for c in s.bodies if c in names],
                "tasks": [
                    {
                        "label": task.label,
                        "text": task.text,
                        "partners": [names[c] for c in task.partners if c in names],
                    }
                    for task in s.tasks
                ],
            }
            for s in parsed.sections
        ],
        "targets": [{"text": x.text, "kind": x.kind, "value": x.value} for x in parsed.targets],
    }
