"""Hostile files built in code: small on disk, large or slow once opened. Used by the tests and
by benchmarks/import_bombs.py, which measures what each costs to refuse."""

import io
import zipfile
import zlib
from random import Random

import docx

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_PARAGRAPH = (
    "<w:p><w:r><w:t>Tiếp tục đẩy mạnh cải cách hành chính, nâng cao chất lượng phục vụ "
    "người dân và doanh nghiệp trên địa bàn tỉnh.</w:t></w:r></w:p>"
).encode()


def _small_docx() -> bytes:
    buffer = io.BytesIO()
    document = docx.Document()
    document.add_paragraph("CHỈ THỊ")
    document.add_paragraph("Về việc tăng cường cải cách hành chính")
    document.save(buffer)
    return buffer.getvalue()


def docx_bomb(inflated_mb: int = 312) -> bytes:
    """A valid .docx whose word/document.xml inflates to about `inflated_mb` MB: the same
    paragraph repeated, which deflate squeezes several hundred times."""
    source = zipfile.ZipFile(io.BytesIO(_small_docx()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as bomb:
        for item in source.infolist():
            if item.filename != "word/document.xml":
                bomb.writestr(item, source.read(item.filename))
                continue
            with bomb.open("word/document.xml", "w") as member:
                member.write(
                    f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                    f'<w:document xmlns:w="{_W}"><w:body>'.encode()
                )
                chunk = _PARAGRAPH * 8_000
                for _ in range(max(1, inflated_mb * 1_000_000 // len(chunk))):
                    member.write(chunk)
                member.write(b"</w:body></w:document>")
    return out.getvalue()


def docx_of_varied_xml(inflated_mb: int = 12) -> bytes:
    """A .docx whose word/document.xml is `inflated_mb` MB of XML of varied words (it deflates
    about 30 times, under the bomb ratio): no bomb, just far more than a plan holds."""
    words = [
        "cải",
        "cách",
        "hành",
        "chính",
        "tỉnh",
        "Lai",
        "Châu",
        "sở",
        "ban",
        "ngành",
        "huyện",
        "thành",
        "phố",
        "nhiệm",
        "vụ",
        "báo",
        "cáo",
        "kết",
        "quả",
        "thực",
        "hiện",
        "năm",
        "quý",
        "kế",
        "hoạch",
        "chỉ",
        "thị",
        "đơn",
        "vị",
    ]
    random = Random(2021)
    source = zipfile.ZipFile(io.BytesIO(_small_docx()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for item in source.infolist():
            if item.filename != "word/document.xml":
                z.writestr(item, source.read(item.filename))
        with z.open("word/document.xml", "w") as member:
            member.write(f'<w:document xmlns:w="{_W}"><w:body>'.encode())
            size = 0
            while size < inflated_mb * 1_000_000:
                line = " ".join(random.choice(words) for _ in range(12))
                paragraph = f"<w:p><w:r><w:t>{line}</w:t></w:r></w:p>".encode()
                member.write(paragraph)
                size += len(paragraph)
            member.write(b"</w:body></w:document>")
    return out.getvalue()


def ratio(data: bytes) -> float:
    """The largest inflated / compressed ratio among a zip's members, as they declare it."""
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return max(m.file_size / max(m.compress_size, 1) for m in z.infolist())


def docx_with_lying_sizes(inflated_mb: int = 50) -> bytes:
    """A .docx whose central directory says word/document.xml is 200 kB while it inflates to
    about `inflated_mb` MB: the declared sizes alone must not be trusted."""
    data = bytearray(docx_bomb(inflated_mb))
    name = b"word/document.xml"
    at = 0
    while (at := data.find(b"PK\x01\x02", at + 1)) > 0:  # central directory entries
        length = int.from_bytes(data[at + 28 : at + 30], "little")
        if data[at + 46 : at + 46 + length] == name:
            data[at + 24 : at + 28] = (200_000).to_bytes(4, "little")  # uncompressed size
            return bytes(data)
    raise AssertionError("no central directory entry for word/document.xml")


def docx_with_members(members: int = 1_001) -> bytes:
    """A valid .docx carrying thousands of tiny extra members."""
    source = zipfile.ZipFile(io.BytesIO(_small_docx()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for item in source.infolist():
            z.writestr(item, source.read(item.filename))
        for n in range(members):
            z.writestr(f"extra/part{n}.xml", b"<a/>")
    return out.getvalue()


def _pdf(objects: list[bytes]) -> bytes:
    """A PDF from its numbered objects (1-based), with a correct cross-reference table."""
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\n".encode()
    out += f"startxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def _stream(data: bytes, extra: str = "") -> bytes:
    packed = zlib.compress(data, 9)
    head = f"<< /Length {len(packed)} /Filter /FlateDecode {extra}>>\nstream\n".encode()
    return head + packed + b"\nendstream"


def pdf_shared_content(pages: int = 12, repeats: int = 15_000) -> bytes:
    """Every page draws the same content stream: a few kB compressed, megabytes of text
    operators once inflated, parsed again for each page."""
    ops = b"BT /F1 12 Tf 72 712 Td (Cai cach hanh chinh) Tj ET\n" * repeats
    kids = " ".join(f"{5 + i} 0 R" for i in range(pages))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        f"<< /Type /Pages /Kids [{kids}] /Count {pages} >>".encode(),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        _stream(ops),
    ]
    objects += [
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
        b"/Resources << /Font << /F1 3 0 R >> >> /Contents 4 0 R >>"
    ] * pages
    return _pdf(objects)


def pdf_form_fanout(invocations: int = 4_000, repeats: int = 2_000) -> bytes:
    """One page that draws the same form XObject thousands of times: the page's own content
    is tiny, the form's is parsed at each invocation."""
    form_ops = b"BT /F1 12 Tf 72 712 Td (Cai cach hanh chinh) Tj ET\n" * repeats
    page_ops = b"/X1 Do\n" * invocations
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [5 0 R] /Count 1 >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        _stream(
            form_ops,
            "/Type /XObject /Subtype /Form /BBox [0 0 612 792] "
            "/Resources << /Font << /F1 3 0 R >> >> ",
        ),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
        b"/Resources << /Font << /F1 3 0 R >> /XObject << /X1 4 0 R >> >> /Contents 6 0 R >>",
        _stream(page_ops),
    ]
    return _pdf(objects)


def pdf_nested_forms(fanout: int = 300, repeats: int = 200) -> bytes:
    """Forms drawing forms: the page draws form A `fanout` times, A draws form B `fanout`
    times; B's content is small, the work is fanout squared times it."""
    form_ops = b"BT /F1 12 Tf 72 712 Td (Cai cach hanh chinh) Tj ET\n" * repeats
    fonts = "/Resources << /Font << /F1 3 0 R >> "
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [6 0 R] /Count 1 >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        _stream(form_ops, f"/Type /XObject /Subtype /Form /BBox [0 0 612 792] {fonts}>> "),
        _stream(
            b"/B Do\n" * fanout,
            f"/Type /XObject /Subtype /Form /BBox [0 0 612 792] {fonts}/XObject << /B 4 0 R >> >> ",
        ),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
        b"/Resources << /Font << /F1 3 0 R >> /XObject << /A 5 0 R >> >> /Contents 7 0 R >>",
        _stream(b"/A Do\n" * fanout),
    ]
    return _pdf(objects)


def pdf_many_pages(pages: int = 5_000) -> bytes:
    """Thousands of small pages, each with a line of text."""
    return pdf_shared_content(pages, repeats=1)


def xlsx_bomb(inflated_mb: int = 40) -> bytes:
    """A valid .xlsx whose first sheet inflates to about `inflated_mb` MB: one row repeated,
    which deflate squeezes several hundred times."""
    from openpyxl import Workbook

    book = Workbook()
    book.active.append(["STT", "Nội dung nhiệm vụ", "Cơ quan chủ trì"])
    small = io.BytesIO()
    book.save(small)
    source = zipfile.ZipFile(io.BytesIO(small.getvalue()))
    out = io.BytesIO()
    row = b'<row><c t="inlineStr"><is><t>Ra soat van ban quy pham</t></is></c></row>'
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as bomb:
        for item in source.infolist():
            if item.filename != "xl/worksheets/sheet1.xml":
                bomb.writestr(item, source.read(item.filename))
                continue
            with bomb.open(item.filename, "w") as member:
                member.write(
                    b'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.'
                    b'openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
                )
                chunk = row * 8_000
                for _ in range(max(1, inflated_mb * 1_000_000 // len(chunk))):
                    member.write(chunk)
                member.write(b"</sheetData></worksheet>")
    return out.getvalue()
