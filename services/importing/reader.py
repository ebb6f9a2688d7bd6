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
from typing import TYPE_CHECKING

from services.core import validation
from services.core.errors import InvalidInput

if TYPE_CHECKING:  # python-docx and pypdf load when a file is read, not with this module
    from docx.document import Document as DocxDocument
    from docx.oxml.xmlchemy import BaseOxmlElement
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


@dataclass(frozen=True)
class SourceText:
    text: str
    source: str  # txt, docx, pdf, paste
    wrapped: bool | None  # None: let the parser judge from the line lengths
    pages: int = 0


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
    if data.startswith(b"PK\x03\x04") or name.endswith(".docx"):
        return _read_docx(data)
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
    if chars > MAX_CHARS:
        raise InvalidInput(
            "err.import_text_too_long",
            n=validation.thousands(chars),
            limit=validation.thousands(MAX_CHARS),
        )


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


def _check_zip(data: bytes) -> None:
    """Inflate every member in small pieces and count what comes out, before python-docx reads
    any: the sizes a zip declares are not trusted (Python's zipfile would inflate a member whose
    declared size lies in one piece, up to 2 GB, before noticing). What begins like XML counts
    towards MAX_XML, whatever the member's name: that is what gets parsed."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
            if len(members) > MAX_MEMBERS:
                raise InvalidInput("err.import_docx_bomb")
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
                            raise InvalidInput("err.import_docx_bomb")
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
        raise InvalidInput("err.import_unreadable", kind="Word (.docx)") from err


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
    body = document.element.body
    for child in body.iterchildren():
        if child.tag == qn("w:p"):
            lines.append(_paragraph_text(child, numbering))
        elif child.tag == qn("w:tbl"):
            lines.extend(_table_lines(child, numbering))
    text = "\n".join(lines)
    _check_length(len(text))
    if not text.strip():
        raise InvalidInput("err.import_docx_empty")
    return SourceText(text, "docx", False)


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
