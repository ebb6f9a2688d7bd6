"""Issue 11, item 5: a document from outside cannot make the one process that serves everyone
inflate, parse or save without bound. Each hostile file is built in code (a few kB to a few
hundred kB) and refused with one Vietnamese sentence, before the work is done, writing nothing.

What each costs, before and after: benchmarks/import_bombs.py (figures in
docs/security-notes/files.md).
"""

import io
import tracemalloc
from dataclasses import replace

import docx
import pytest

from models import session_scope
from services.core.errors import InvalidInput
from services.importing import importer
from services.importing import reader as import_reader
from tests.conftest import ROOT
from tests.security import hostile_files as hostile
from tests.services.test_import import OFFICE, add_bodies, counts
from tests.services.test_manage import manage, stats

DOCX_BOMB = (
    "Tệp Word (.docx) giải nén ra quá lớn hoặc nén bất thường, có thể là tệp độc hại: không "
    "đọc. Không lưu gì."
)
DOCX_DAMAGED = "Tệp Word (.docx) bị hỏng hoặc không đúng định dạng: không đọc được. Không lưu gì."
PDF_HEAVY = (
    "Tệp PDF quá nặng để đọc (nội dung các trang vượt giới hạn xử lý, có thể là tệp độc hại): "
    "hãy dùng tệp Word hoặc dán văn bản. Không lưu gì."
)
MB = 1_000_000


def refusal(data: bytes, name: str) -> str:
    """The sentence the reader refuses `data` with."""
    with pytest.raises(InvalidInput) as err:
        import_reader.read_document(data, name)
    return str(err.value)


def refusal_and_peak(data: bytes, name: str) -> tuple[str, int]:
    """The sentence, and the peak of Python's allocations while the reader read (tracemalloc:
    what the reader itself held, not the interpreter)."""
    tracemalloc.start()
    try:
        message = refusal(data, name)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return message, peak


# --- .docx: a zip ---------------------------------------------------------------------------


def test_a_docx_inflating_to_40_mb_is_refused_without_being_inflated():
    data = hostile.docx_bomb(40)
    assert len(data) < MB  # small on disk
    message, peak = refusal_and_peak(data, "ke-hoach.docx")
    assert message == DOCX_BOMB
    assert peak < 5 * MB  # counted in small pieces, never held


def test_a_docx_under_the_total_but_packed_like_a_bomb_is_refused():
    data = hostile.docx_bomb(5)  # 5 MB of XML from a few kB: no Word writes that
    assert hostile.ratio(data) > 100
    assert refusal(data, "ke-hoach.docx") == DOCX_BOMB


def test_a_docx_whose_sizes_lie_is_refused_without_inflating_the_lie():
    """The central directory says 200 kB; the member inflates to 100 MB. Python's zipfile
    would inflate it in one piece before noticing the size is wrong."""
    message, peak = refusal_and_peak(hostile.docx_with_lying_sizes(100), "ke-hoach.docx")
    assert message == DOCX_DAMAGED
    assert peak < 5 * MB


def test_a_docx_with_more_xml_than_a_plan_holds_is_refused():
    """12 MB of XML of varied words, deflating under the bomb ratio: python-docx would parse it
    into a tree some eight times its size before the text could be counted."""
    data = hostile.docx_of_varied_xml(12)
    assert hostile.ratio(data) < 100
    message = refusal(data, "ke-hoach.docx")
    assert message == DOCX_BOMB


def test_a_docx_with_thousands_of_members_is_refused():
    assert refusal(hostile.docx_with_members(1_001), "ke-hoach.docx") == DOCX_BOMB


def test_an_honest_docx_is_still_read():
    buffer = io.BytesIO()
    document = docx.Document()
    for line in (ROOT / "seed_data" / "chi-thi-cchc-lai-chau.txt").read_text().splitlines():
        document.add_paragraph(line)
    document.save(buffer)
    source = import_reader.read_document(buffer.getvalue(), "chi-thi.docx")
    assert "cải cách hành chính" in source.text


# --- PDF ------------------------------------------------------------------------------------


def test_a_pdf_whose_pages_share_one_heavy_content_stream_is_refused():
    data = hostile.pdf_shared_content(pages=12, repeats=45_000)
    assert len(data) < 20_000
    assert refusal(data, "ke-hoach.pdf") == PDF_HEAVY


def test_a_pdf_drawing_one_form_thousands_of_times_is_refused():
    """1.2 kB; pypdf parses the form at each drawing: more than ten minutes before."""
    data = hostile.pdf_form_fanout()
    assert len(data) < 2_000
    assert refusal(data, "ke-hoach.pdf") == PDF_HEAVY


def test_a_pdf_of_forms_drawing_forms_is_refused():
    assert refusal(hostile.pdf_nested_forms(), "ke-hoach.pdf") == PDF_HEAVY


def test_a_pdf_of_too_many_pages_is_refused_with_its_count():
    message = refusal(hostile.pdf_many_pages(400), "ke-hoach.pdf")
    assert message == (
        "Tệp PDF có 400 trang, quá 300 trang: hãy tách phần cần nhập thành tệp nhỏ hơn. "
        "Không lưu gì."
    )


def test_an_honest_pdf_is_still_read():
    source = import_reader.read_document(
        (ROOT / "tests" / "fixtures" / "chi-thi-09-2022.pdf").read_bytes(), "chi-thi.pdf"
    )
    assert source.pages == 1 and "Sở Nội vụ" in source.text


# --- any document: the text and the tasks --------------------------------------------------

TOO_LONG = (
    "Văn bản quá dài (600.000 ký tự, tối đa 500.000): hãy tách phần cần nhập thành văn bản "
    "ngắn hơn. Không lưu gì."
)


def test_text_beyond_what_a_plan_holds_is_refused_as_a_file_and_pasted():
    text = ("Tiếp tục đẩy mạnh cải cách hành chính. " * 20_000)[:600_000]
    assert refusal(text.encode(), "ke-hoach.txt") == TOO_LONG
    with pytest.raises(InvalidInput) as err:
        import_reader.read_pasted(text)
    assert str(err.value) == TOO_LONG


def _many_tasks(n: int) -> str:
    return (
        "ỦY BAN NHÂN DÂN\nTỈNH LAI CHÂU\nSố: 1/CT-UBND\nCHỈ THỊ\nVề cải cách hành chính\n"
        "1. Sở Nội vụ:\n" + "".join(f"- Nhiệm vụ số {k}.\n" for k in range(n))
    )


TOO_MANY = (
    "Văn bản có 1.001 nhiệm vụ, quá 1.000 nhiệm vụ cho một lần nhập: hãy tách thành nhiều "
    "văn bản. Không lưu gì."
)


def test_an_import_of_too_many_tasks_is_refused_at_reading_and_at_saving(engine):
    add_bodies(engine)
    before = counts(engine)
    with session_scope(engine) as s, pytest.raises(InvalidInput) as err:
        importer.parse_pasted(s, _many_tasks(1_001))
    assert str(err.value) == TOO_MANY
    with session_scope(engine) as s:  # an edited preview cannot add them either
        parsed = importer.parse_pasted(s, _many_tasks(1_000))
    first = parsed.sections[0]
    extra = importer.ParsedTask(label="1.1001", text="Nhiệm vụ thêm.")
    parsed.sections[0] = replace(first, tasks=[*first.tasks, extra])
    with session_scope(engine) as s, pytest.raises(InvalidInput) as err:
        importer.save(s, actor=OFFICE, parsed=parsed)
    assert str(err.value) == TOO_MANY
    assert counts(engine) == before


# --- the command line -----------------------------------------------------------------------


def test_the_command_line_refuses_a_bomb_in_one_line_exit_2_and_writes_nothing(db_url, tmp_path):
    bomb = tmp_path / "ke-hoach.docx"
    bomb.write_bytes(hostile.docx_bomb(40))
    before = stats(db_url)
    out = manage(db_url, "import-directive", str(bomb), "--json")
    assert out.returncode == 2, (out.stdout, out.stderr)
    assert out.stderr.strip() == DOCX_BOMB and out.stdout == ""
    assert stats(db_url) == before


# --- .xlsx: a zip too (issue 16) -------------------------------------------------------------

XLSX_BOMB = (
    "Tệp Excel (.xlsx) giải nén ra quá lớn hoặc nén bất thường, có thể là tệp độc hại: không "
    "đọc. Không lưu gì."
)


def test_an_xlsx_inflating_to_40_mb_is_refused_without_being_inflated():
    data = hostile.xlsx_bomb(40)
    assert len(data) < MB
    message, peak = refusal_and_peak(data, "phu-luc.xlsx")
    assert message == XLSX_BOMB
    assert peak < 5 * MB


def test_an_xlsx_named_docx_is_still_read_as_a_sheet_and_refused_the_same_way():
    assert refusal(hostile.xlsx_bomb(5), "ke-hoach.docx") == XLSX_BOMB
