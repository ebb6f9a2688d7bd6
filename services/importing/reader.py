"""Turning an uploaded or pasted document into plain text: .txt, .docx (python-docx) and PDFs
with a text layer (pypdf). Anything else, or nothing to read, is an InvalidInput with a clear
message; nothing here touches the database.

A document comes from outside and is read by the one process that serves everyone, so the work
one import may do is bounded before the work is done (bombs are refused, not survived):
- a .docx is a zip: every member is inflated and counted, in small pieces, before python-docx
  reads any (MAX_UNZIPPED in all, MAX_XML of it XML, MAX_RATIO for a large member,
  MAX_MEMBERS);
- a PDF: at most MAX_PDF_PAGES pages, and the content streams text extraction would parse,
  forms drawn from them counted each time they are drawn, at most MAX_PDF_CONTENT bytes,
  estimated before any is parsed; pypdf's own limits lowered for the reading
  (pypdf.apply_configuration);
- whatever the format, at most MAX_CHARS characters of text for the parser.
"""

import io
import logging
import re
import warnings
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from services.core import validation
from services.core.errors import InvalidInput

if TYPE_CHECKING:  # python-docx and pypdf load when a file is read, not with this module
    from docx.document import Document as DocxDocument
    from docx.oxml.xmlchemy import BaseOxmlElement
    from openpyxl.workbook.workbook import Workbook
    from openpyxl.worksheet.worksheet import Worksheet
    from pypdf import PageObject, PdfReader
    from pypdf.generic import PdfObject, StreamObject

MAX_BYTES = 20_000_000  # "20 MB": anything this large is not a directive's text
# A directive is about 20,000 characters; 500,000 is a plan of some 150 pages.
MAX_CHARS = 500_000
# .docx: a 20 MB file of pictures inflates to about as much; its XML, which python-docx parses
# into a tree some eight times its size, is a few MB (500,000 characters in Word's markup).
MAX_UNZIPPED = 25_000_000
MAX_XML = 10_000_000
MAX_RATIO = 100  # Word's XML deflates 5 to 20 times; a bomb's several hundred times
RATIO_FLOOR = 1_000_000  # below this a member may deflate as it likes
MAX_MEMBERS = 1_000
# PDF: pypdf parses content at well under 1 MB/s, so this is a few seconds of work at most:
# some 50 pages of a browser's dense PDF (40 kB a page), 100 and more from Word.
MAX_PDF_PAGES = 300
MAX_PDF_CONTENT = 2_000_000
_MIN_LETTERS = 20  # a PDF page with fewer letters than this has no text layer worth the name

ProgressFn = Callable[[float], None]


Rows = tuple[tuple[str, ...], ...]  # a table's cells, merged cells repeated in each place
# .xlsx: a plan's task table is a few hundred rows of under 10 columns
MAX_SHEET_ROWS = 5_000
MAX_SHEET_COLS = 40


@dataclass(frozen=True)
class SourceText:
    text: str
    source: str  # txt, docx, xlsx, pdf, paste
    wrapped: bool | None  # None: let the parser judge from the line lengths
    pages: int = 0
    tables: tuple[Rows, ...] = ()  # task tables (services.importing.tables reads them)


def read_document(
    data: bytes, filename: str = "", *, on_progress: ProgressFn | None = None
) -> SourceText:
    """The text of a document, whatever its format says it is (the bytes decide, not only the
    name). Raises InvalidInput for an empty, binary, too large or text-less file."""
    size = len(data or b"")
    if size == 0:
        raise InvalidInput("err.import_empty")
    if size >= MAX_BYTES:
        raise InvalidInput("err.import_too_large", mb=f"{size / 1_000_000:.1f}", limit=20)
    name = (filename or "").lower()
    if data.startswith(b"%PDF") or name.endswith(".pdf"):
        return _read_pdf(data, on_progress)
    if name.endswith(".xlsx") or (data.startswith(b"PK\x03\x04") and _is_xlsx(data)):
        return _read_xlsx(data)
    if data.startswith(b"PK\x03\x04") or name.endswith(".docx"):
        return _read_docx(data)
    if data.startswith(b"\xd0\xcf\x11\xe0") and name.endswith(".xls"):
        raise InvalidInput("err.import_old_excel")  # Excel 97-2003
    if data.startswith(b"\xd0\xcf\x11\xe0"):  # Word 97-2003 and other OLE files
        raise InvalidInput("err.import_old_word")
    return SourceText(_decode(data), "txt", None)


def read_pasted(text: str) -> SourceText:
    if not (text or "").strip():
        raise InvalidInput("err.import_empty")
    if len(text.encode("utf-8")) >= MAX_BYTES:
        raise InvalidInput(
            "err.import_too_large", mb=f"{len(text.encode()) / 1_000_000:.1f}", limit=20
        )
    _check_length(len(text))
    return SourceText(text, "paste", None)


def _check_length(chars: int) -> None:
    """At most MAX_CHARS characters go to the parser."""
    validation.require_at_most(chars, MAX_CHARS, "err.import_text_too_long")


def _decode(data: bytes) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = data.decode("utf-16", errors="replace")
    elif b"\x00" in data[:8192]:
        raise InvalidInput("err.import_binary")
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = data.decode("cp1258", errors="replace")
    _check_length(len(text))
    controls = sum(1 for c in text if ord(c) < 32 and c not in "\n\r\t\f")
    bad = text.count("\ufffd") + controls
    if bad > max(5, len(text) // 50):
        raise InvalidInput("err.import_binary")
    if not text.strip():
        raise InvalidInput("err.import_empty")
    return text


# ----------------------------------------------------------------------------- .docx


def _check_zip(data: bytes, kind: str = "Word (.docx)", bomb: str = "err.import_docx_bomb") -> None:
    """Inflate every member in small pieces and count what comes out, before python-docx reads
    any: the sizes a zip declares are not trusted (Python's zipfile would inflate a member whose
    declared size lies in one piece, up to 2 GB, before noticing). What begins like XML counts
    towards MAX_XML, whatever the member's name: that is what gets parsed."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
            if len(members) > MAX_MEMBERS:
                raise InvalidInput(bomb)
            total = xml = 0
            for member in members:
                size = 0
                is_xml = False
                with archive.open(member) as stream:
                    while piece := stream.read(1 << 16):
                        if size == 0:
                            is_xml = piece.lstrip(b" \t\r\n\x00\xef\xbb\xbf\xfe\xff")[:1] == b"<"
                        size += len(piece)
                        total += len(piece)
                        xml += len(piece) if is_xml else 0
                        packed = size > RATIO_FLOOR and size > MAX_RATIO * member.compress_size
                        if packed or total > MAX_UNZIPPED or xml > MAX_XML:
                            raise InvalidInput(bomb)
    except InvalidInput:
        raise
    except (
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        RuntimeError,
        NotImplementedError,
        ValueError,
        EOFError,
        OSError,
    ) as err:  # damaged, encrypted or an unknown method
        raise InvalidInput("err.import_unreadable", kind=kind) from err


def _read_docx(data: bytes) -> SourceText:
    _check_zip(data)
    try:
        import docx  # python-docx
        from docx.oxml.ns import qn

        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError) as err:
        raise InvalidInput("err.import_unreadable", kind="Word (.docx)") from err
    except Exception as err:  # python-docx raises its own errors for a zip that is no .docx
        raise InvalidInput("err.import_unreadable", kind="Word (.docx)") from err
    numbering = _Numbering(document)
    lines: list[str] = []
    tables: list[Rows] = []
    body = document.element.body
    for child in body.iterchildren():
        if child.tag == qn("w:p"):
            lines.append(_paragraph_text(child, numbering))
        elif child.tag == qn("w:tbl"):
            rows = _table_rows(child, numbering)
            if _is_task_table(rows):
                tables.append(rows)
            else:
                lines.extend(_table_lines(child, numbering))
    text = "\n".join(lines)
    _check_length(len(text) + sum(len(c) for rows in tables for row in rows for c in row))
    if not text.strip() and not tables:
        raise InvalidInput("err.import_docx_empty")
    return SourceText(text, "docx", False, tables=tuple(tables))


def _is_task_table(rows: Rows) -> bool:
    """Does the table have a task table's header? One with bodies or deadlines but no task
    column is reported (TableProblem -> one sentence)."""
    from services.importing.tables import TableProblem, find_header

    try:
        return find_header([list(r) for r in rows]) is not None
    except TableProblem as err:
        raise InvalidInput("err.import_table_no_task_column") from err


def _table_rows(tbl: "BaseOxmlElement", numbering: "_Numbering") -> Rows:
    """A Word table's cells row by row: a cell merged across columns (gridSpan) repeated in
    each column it spans, one merged down the rows (vMerge) repeated in each row; a cell's
    paragraphs joined by line breaks."""
    from docx.oxml.ns import qn

    out: list[tuple[str, ...]] = []
    above: list[str] = []
    for tr in tbl.findall(qn("w:tr")):
        row: list[str] = []
        for tc in tr.findall(qn("w:tc")):
            props = tc.find(qn("w:tcPr"))
            span, merged = 1, False
            if props is not None:
                grid = props.find(qn("w:gridSpan"))
                if grid is not None:
                    try:
                        span = max(1, min(int(grid.get(qn("w:val")) or 1), MAX_SHEET_COLS))
                    except ValueError:
                        span = 1
                vmerge = props.find(qn("w:vMerge"))
                merged = vmerge is not None and vmerge.get(qn("w:val")) in (None, "continue")
            col = len(row)
            if merged and col < len(above):
                text = above[col]
            else:
                text = "\n".join(
                    t for t in (_paragraph_text(p, numbering) for p in tc.iter(qn("w:p"))) if t
                )
            row.extend([text] * span)
        out.append(tuple(row))
        above = row
    return tuple(out)


# ----------------------------------------------------------------------------- .xlsx


def _is_xlsx(data: bytes) -> bool:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return "xl/workbook.xml" in archive.namelist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return False


_MERGE = re.compile(rb'<(?:\w+:)?mergeCell\s+ref="([A-Z]{1,3})(\d{1,7}):([A-Z]{1,3})(\d{1,7})"')


def _column(letters: bytes) -> int:
    n = 0
    for c in letters:
        n = n * 26 + c - 64
    return n - 1


@contextmanager
def _workbook(data: bytes) -> Iterator[tuple["Workbook", zipfile.ZipFile]]:
    """An .xlsx opened for reading (openpyxl read_only: streamed, never a formula evaluated: a
    cell is its text as stored) after the same zip checks as a .docx, with its zip for what
    read_only mode does not give (merged cells). Whatever breaks while it is read makes the file
    unreadable; our own refusals (InvalidInput) go through as they are."""
    _check_zip(data, "Excel (.xlsx)", "err.import_xlsx_bomb")
    try:
        from openpyxl import load_workbook

        book = load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    except Exception as err:  # openpyxl raises many kinds for a file that is no workbook
        raise InvalidInput("err.import_unreadable", kind="Excel (.xlsx)") from err
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            yield book, archive
    except InvalidInput:
        raise
    except Exception as err:
        raise InvalidInput("err.import_unreadable", kind="Excel (.xlsx)") from err
    finally:
        book.close()


def _read_xlsx(data: bytes) -> SourceText:
    """The sheets' rows. The rows above a sheet's task table (title, number, date) become the
    text; the table is handed over as rows, merged cells repeated in each place they cover
    (read from the sheet's own mergeCells list)."""
    lines: list[str] = []
    tables: list[Rows] = []
    chars = 0
    with _workbook(data) as (book, archive):
        for sheet in book.worksheets:
            rows = _sheet_rows(sheet, archive)
            chars += sum(len(c) for row in rows for c in row)
            _check_length(chars)
            found = _header_at(rows)
            if found is None:
                lines.extend(" ".join(c for c in row if c) for row in rows)
                continue
            lines.extend(" ".join(dict.fromkeys(c for c in row if c)) for row in rows[:found])
            tables.append(tuple(rows[found:]))
    if not tables:
        raise InvalidInput("err.import_xlsx_no_table")
    return SourceText("\n".join(lines), "xlsx", False, tables=tuple(tables))


def is_xlsx(data: bytes) -> bool:
    """Whether the bytes are an Excel workbook (a zip holding xl/workbook.xml)."""
    return _is_xlsx(data)


def read_sheet(data: bytes) -> list[tuple[str, ...]]:
    """The first sheet of an .xlsx as rows of text, after the same zip checks and within the
    same row and column caps as a plan's workbook (a formula stays its text, never evaluated)."""
    with _workbook(data) as (book, archive):
        return _sheet_rows(book.worksheets[0], archive) if book.worksheets else []


def _header_at(rows: list[tuple[str, ...]]) -> int | None:
    from services.importing.tables import TableProblem, find_header

    try:
        found = find_header([list(r) for r in rows], limit=30)
    except TableProblem as err:
        raise InvalidInput("err.import_table_no_task_column") from err
    return found[0] if found else None


def _sheet_rows(sheet: "Worksheet", archive: zipfile.ZipFile) -> list[tuple[str, ...]]:
    """The sheet's cells as text, at most MAX_SHEET_ROWS x MAX_SHEET_COLS (counted while
    streaming, whatever the sheet declares)."""
    rows: list[list[str]] = []
    for n, values in enumerate(sheet.iter_rows(values_only=True), start=1):
        if n > MAX_SHEET_ROWS or len(values) > MAX_SHEET_COLS:
            raise InvalidInput(
                "err.import_sheet_too_large",
                rows=validation.thousands(max(n, len(rows))),
                cols=len(values),
                max_rows=validation.thousands(MAX_SHEET_ROWS),
                max_cols=MAX_SHEET_COLS,
            )
        rows.append([_cell_text(v) for v in values])
    width = max((len(r) for r in rows), default=0)
    for r in rows:
        r.extend([""] * (width - len(r)))
    path = getattr(sheet, "_worksheet_path", None)
    if path:
        with archive.open(path) as stream:
            xml = stream.read(MAX_XML + 1)
        for m in _MERGE.finditer(xml):
            c1, r1, c2, r2 = _column(m[1]), int(m[2]) - 1, _column(m[3]), int(m[4]) - 1
            if not (0 <= r1 <= r2 < len(rows) and 0 <= c1 <= c2 < width):
                continue
            value = rows[r1][c1]
            for row in range(r1, r2 + 1):
                for column in range(c1, c2 + 1):
                    rows[row][column] = value
    while rows and not any(rows[-1]):
        rows.pop()
    return [tuple(r) for r in rows]


def _cell_text(value: object) -> str:
    """A cell as text: a formula stays its text ("=SUM(A1:A3)"), never its result; a date
    dd/mm/yyyy as the office writes it."""
    if value is None:
        return ""
    if isinstance(value, date):  # a datetime too
        return value.strftime("%d/%m/%Y")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return validation.clean(str(value)).strip()


def _paragraph_text(p: "BaseOxmlElement", numbering: "_Numbering") -> str:
    from docx.oxml.ns import qn

    parts = []
    for node in p.iter(qn("w:t"), qn("w:tab"), qn("w:br")):
        if node.tag == qn("w:t"):
            parts.append(node.text or "")
        else:
            parts.append(" ")
    text = "".join(parts).strip()
    prefix = numbering.prefix(p) if text else ""
    return f"{prefix} {text}".strip() if prefix else text


def _table_lines(tbl: "BaseOxmlElement", numbering: "_Numbering") -> list[str]:
    """A header laid out in a table: each cell's paragraphs in reading order, left to right."""
    from docx.oxml.ns import qn

    lines: list[str] = []
    for tr in tbl.iter(qn("w:tr")):
        for tc in tr.findall(qn("w:tc")):
            for child in tc.iterchildren():
                if child.tag == qn("w:p"):
                    lines.append(_paragraph_text(child, numbering))
                elif child.tag == qn("w:tbl"):
                    lines.extend(_table_lines(child, numbering))
            lines.append("")
    return lines


class _Numbering:
    """Word's automatic list numbering is not in the paragraph's text: rebuild "1.", "a)",
    "-" from the numbering definitions so that the outline can be read."""

    def __init__(self, document: "DocxDocument") -> None:
        from docx.oxml.ns import qn

        self.formats: dict[tuple[str, str], tuple[str, str]] = {}
        self.counters: dict[tuple[str, str], int] = {}
        self.by_style: dict[str, tuple[str, str]] = {}  # "ListNumber" -> (numId, ilvl)
        try:
            for style in document.styles.element.findall(qn("w:style")):
                num_pr = style.find(f"{qn('w:pPr')}/{qn('w:numPr')}")
                if num_pr is not None:
                    self.by_style[style.get(qn("w:styleId"))] = _num_key(num_pr)
        except (KeyError, AttributeError):
            pass
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            return
        abstract: dict[str, dict[str, tuple[str, str]]] = {}
        for an in root.findall(qn("w:abstractNum")):
            levels = {}
            for lvl in an.findall(qn("w:lvl")):
                fmt = lvl.find(qn("w:numFmt"))
                txt = lvl.find(qn("w:lvlText"))
                levels[lvl.get(qn("w:ilvl"))] = (
                    fmt.get(qn("w:val")) if fmt is not None else "decimal",
                    txt.get(qn("w:val")) if txt is not None else "%1.",
                )
            abstract[an.get(qn("w:abstractNumId"))] = levels
        for num in root.findall(qn("w:num")):
            ref = num.find(qn("w:abstractNumId"))
            if ref is None:
                continue
            for ilvl, spec in abstract.get(ref.get(qn("w:val")), {}).items():
                self.formats[(num.get(qn("w:numId")), ilvl)] = spec

    def prefix(self, p: "BaseOxmlElement") -> str:
        from docx.oxml.ns import qn

        num_pr = p.find(f"{qn('w:pPr')}/{qn('w:numPr')}")
        if num_pr is not None:
            key = _num_key(num_pr)
        else:
            style = p.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
            key = self.by_style.get(style.get(qn("w:val")) if style is not None else "", ("", ""))
        if key[0] in {"", "0"}:
            return ""
        fmt, pattern = self.formats.get(key, ("bullet", "-"))
        if fmt == "bullet" or fmt == "none":
            return "-"
        count = self.counters.get(key, 0) + 1
        self.counters[key] = count
        # a new item at this level restarts the deeper levels
        for other in list(self.counters):
            if other[0] == key[0] and int(other[1]) > int(key[1]):
                del self.counters[other]
        return re.sub(r"%\d", _format_number(count, fmt), pattern)


def _num_key(num_pr: "BaseOxmlElement") -> tuple[str, str]:
    from docx.oxml.ns import qn

    num_id = num_pr.find(qn("w:numId"))
    ilvl = num_pr.find(qn("w:ilvl"))
    return (
        num_id.get(qn("w:val")) if num_id is not None else "",
        ilvl.get(qn("w:val")) if ilvl is not None else "0",
    )


def _format_number(n: int, fmt: str) -> str:
    if fmt in {"lowerLetter", "upperLetter"}:
        letter = "abcdđeghiklmnopqrstuvxy"[(n - 1) % 23]
        return letter if fmt == "lowerLetter" else letter.upper()
    if fmt in {"upperRoman", "lowerRoman"}:
        numerals = [(10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
        out, rest = "", n
        for value, sym in numerals:
            while rest >= value:
                out, rest = out + sym, rest - value
        return out if fmt == "upperRoman" else out.lower()
    return str(n)


# ----------------------------------------------------------------------------- PDF


@contextmanager
def _quiet_pypdf() -> Iterator[None]:
    """pypdf logs its complaints about a damaged file; the user gets one sentence instead."""
    log = logging.getLogger("pypdf")
    level = log.level
    log.setLevel(logging.CRITICAL)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield
    finally:
        log.setLevel(level)


# pypdf's own limits (pypdf.Configuration), for this reading only: no stream inflates beyond
# what a 20 MB file may honestly hold, no page tree much beyond MAX_PDF_PAGES, no external tool.
_PYPDF_LIMITS = {
    "zlib_maximum_output_length": MAX_BYTES,
    "lzw_maximum_output_length": MAX_BYTES,
    "run_length_maximum_output_length": MAX_BYTES,
    "brotli_maximum_output_length": MAX_BYTES,
    "array_based_stream_maximum_output_length": MAX_BYTES,
    "page_tree_maximum_entries": MAX_PDF_PAGES * 10,
    "jbig2dec_binary": None,
}


def _read_pdf(data: bytes, on_progress: ProgressFn | None) -> SourceText:
    from pypdf import apply_configuration

    with _quiet_pypdf(), apply_configuration(None, **_PYPDF_LIMITS):
        return _read_pdf_text(data, on_progress)


def _read_pdf_text(data: bytes, on_progress: ProgressFn | None) -> SourceText:
    from pypdf import PdfReader
    from pypdf.errors import LimitReachedError, PyPdfError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise InvalidInput("err.import_pdf_encrypted")
        pages = reader.pages
        # the count the file declares first (no page read); then the pages, pypdf's limit on
        # its page tree stopping a file that declares few and holds thousands (too heavy)
        count = _declared_pages(reader)
        if count <= MAX_PDF_PAGES:
            count = len(pages)
    except InvalidInput:
        raise
    except LimitReachedError as err:
        raise InvalidInput("err.import_pdf_heavy") from err
    except (PyPdfError, ValueError, OSError, KeyError, TypeError) as err:
        raise InvalidInput("err.import_unreadable", kind="PDF") from err
    if count > MAX_PDF_PAGES:
        raise InvalidInput("err.import_pdf_pages", pages=count, limit=MAX_PDF_PAGES)
    work = _PdfWork()
    texts: list[str] = []
    chars = 0
    for i, page in enumerate(pages):
        try:
            work.add_page(page)  # before pypdf parses anything of it
            texts.append(page.extract_text() or "")
        except InvalidInput:
            raise
        except (LimitReachedError, RecursionError) as err:
            raise InvalidInput("err.import_pdf_heavy") from err
        except (PyPdfError, ValueError, KeyError, TypeError, AttributeError):
            texts.append("")
        chars += len(texts[-1]) + 1
        _check_length(chars)
        if on_progress:
            on_progress((i + 1) / max(count, 1))
    text = "\n".join(texts)
    if sum(c.isalpha() for c in text) < _MIN_LETTERS:
        raise InvalidInput("err.import_pdf_no_text", pages=count)
    return SourceText(text, "pdf", None, pages=count)


# "Do" as an operator: a token on its own (a "Do" inside a string may be counted too, which only
# over-estimates)
_DRAW = re.compile(rb"(?<![^\s)\]>}])Do(?![^\s/\[\]()<>{}%])")
_MAX_FORM_DEPTH = 30


class _PdfWork:
    """What pypdf's text extraction will parse, in bytes of content, counted before it parses
    it: each page's content, and each form (XObject) as many times as it is drawn, since pypdf
    parses a form again at each drawing (a 1.2 kB PDF drawing one form 4,000 times kept pypdf
    busy for more than ten minutes). Over MAX_PDF_CONTENT in all, the PDF is refused; the forms'
    inflated bytes count too, so that inflating them stays bounded."""

    def __init__(self) -> None:
        self.total = 0
        self.inflated = 0
        self.forms: dict[int, int] = {}

    def add_page(self, page: "PageObject") -> None:
        contents = page.get_contents()
        data = contents.get_data() if contents is not None else b""
        self._spend(len(data) + self._drawn(data, page.get("/Resources"), set()))

    def _spend(self, amount: int) -> None:
        self.total += amount
        if self.total > MAX_PDF_CONTENT or self.inflated > MAX_PDF_CONTENT:
            raise InvalidInput("err.import_pdf_heavy")

    def _drawn(self, data: bytes, resources: "PdfObject | None", stack: set[int]) -> int:
        """The content parsed for the forms `data` draws: as many times as it draws, each time
        the heaviest form it could be drawing."""
        draws = len(_DRAW.findall(data))
        if not draws:
            return 0
        heaviest = max((self._form(f, stack) for f in _forms(resources)), default=0)
        return min(draws * heaviest, MAX_PDF_CONTENT + 1)

    def _form(self, form: "StreamObject", stack: set[int]) -> int:
        key = id(form)
        if key in self.forms:
            return self.forms[key]
        if key in stack:  # a form that draws itself: pypdf skips it
            return 0
        if len(stack) >= _MAX_FORM_DEPTH:
            raise InvalidInput("err.import_pdf_heavy")
        stack.add(key)
        data = form.get_data()
        self.inflated += len(data)
        self._spend(0)
        cost = min(
            len(data) + self._drawn(data, form.get("/Resources"), stack), MAX_PDF_CONTENT + 1
        )
        stack.discard(key)
        self.forms[key] = cost
        return cost


def _declared_pages(reader: "PdfReader") -> int:
    """The page count the document's page tree declares (0 when it declares none)."""
    try:
        # a PDF object is whatever the file holds: a wrong shape raises, and counts 0 below
        return int(reader.trailer["/Root"]["/Pages"]["/Count"])  # type: ignore[index]
    except (KeyError, TypeError, ValueError, AttributeError):
        return 0


def _forms(resources: "PdfObject | None") -> list["StreamObject"]:
    """The form XObjects a content stream may draw (images are not parsed for text)."""
    try:
        resources = resources.get_object() if resources is not None else None
        # a PDF object is whatever the file holds: a wrong shape raises, and reads nothing
        xobjects = resources.get("/XObject") if resources else None  # type: ignore[attr-defined]
        xobjects = xobjects.get_object() if xobjects is not None else None
        if not xobjects:
            return []
        objects = [x.get_object() for x in xobjects.values()]
    except (AttributeError, KeyError, TypeError, ValueError):
        return []
    return [x for x in objects if hasattr(x, "get_data") and x.get("/Subtype") == "/Form"]
