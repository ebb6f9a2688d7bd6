"""Turning an uploaded or pasted document into plain text: .txt, .docx (python-docx) and PDFs
with a text layer (pypdf). Anything else, or nothing to read, is an InvalidInput with a clear
message; nothing here touches the database.
"""

import io
import logging
import re
import warnings
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from services.errors import InvalidInput

MAX_BYTES = 20_000_000  # "20 MB": anything this large is not a directive's text
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
    return SourceText(text, "paste", None)


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
    controls = sum(1 for c in text if ord(c) < 32 and c not in "\n\r\t\f")
    bad = text.count("\ufffd") + controls
    if bad > max(5, len(text) // 50):
        raise InvalidInput("err.import_binary")
    if not text.strip():
        raise InvalidInput("err.import_empty")
    return text


# ----------------------------------------------------------------------------- .docx


def _read_docx(data: bytes) -> SourceText:
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
    if not text.strip():
        raise InvalidInput("err.import_docx_empty")
    return SourceText(text, "docx", False)


def _paragraph_text(p, numbering: "_Numbering") -> str:
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


def _table_lines(tbl, numbering: "_Numbering") -> list[str]:
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

    def __init__(self, document) -> None:
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

    def prefix(self, p) -> str:
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


def _num_key(num_pr) -> tuple[str, str]:
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


def _read_pdf(data: bytes, on_progress: ProgressFn | None) -> SourceText:
    with _quiet_pypdf():
        return _read_pdf_text(data, on_progress)


def _read_pdf_text(data: bytes, on_progress: ProgressFn | None) -> SourceText:
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise InvalidInput("err.import_pdf_encrypted")
        pages = reader.pages
        count = len(pages)
    except InvalidInput:
        raise
    except (PyPdfError, ValueError, OSError, KeyError, TypeError) as err:
        raise InvalidInput("err.import_unreadable", kind="PDF") from err
    texts: list[str] = []
    for i, page in enumerate(pages):
        try:
            texts.append(page.extract_text() or "")
        except (PyPdfError, ValueError, KeyError, TypeError):
            texts.append("")
        if on_progress:
            on_progress((i + 1) / max(count, 1))
    text = "\n".join(texts)
    if sum(c.isalpha() for c in text) < _MIN_LETTERS:
        raise InvalidInput("err.import_pdf_no_text", pages=count)
    return SourceText(text, "pdf", None, pages=count)
