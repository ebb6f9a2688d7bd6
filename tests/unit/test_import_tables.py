"""Task tables (issue 16, item 2): a plan's appendix in a Word table or an Excel sheet, columns
in any order, merged cells, group rows as sections, one task per row with its own bodies and
deadline. The tables here are SYNTHETIC (built in code, no real plan's appendix could be read,
see tests/fixtures/real/README.md); their layout follows how provincial appendices are made."""

import io
from datetime import date

import docx
import pytest
from openpyxl import Workbook

from services.core.errors import InvalidInput
from services.importing import reader
from services.importing.parser import parse_text
from services.read.bodies import BodyRef

BODIES = [
    BodyRef("VP", "Văn phòng Ủy ban nhân dân tỉnh", "provincial", sort_order=1),
    BodyRef("SNV", "Sở Nội vụ", "provincial", sort_order=2),
    BodyRef("STP", "Sở Tư pháp", "provincial", sort_order=3),
    BodyRef("SKHCN", "Sở Khoa học và Công nghệ", "provincial", sort_order=4),
    BodyRef("STC", "Sở Tài chính", "provincial", sort_order=5),
    BodyRef("SXD", "Sở Xây dựng", "provincial", sort_order=6),
    BodyRef("XA", "Xã Bình Lư", "commune", sort_order=7),
    BodyRef("XB", "Phường Tân Phong", "commune", sort_order=8),
]
PROVINCIAL = ["VP", "SNV", "STP", "SKHCN", "STC", "SXD"]

# columns deliberately out of the usual order; a second header row of column numbers
HEADER = [
    "STT",
    "Cơ quan chủ trì",
    "Nội dung nhiệm vụ",
    "Thời gian hoàn thành",
    "Cơ quan phối hợp",
    "Sản phẩm",
]
ROWS = [
    ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)"],
    ["I. CẢI CÁCH THỂ CHẾ"] * 6,  # merged across the row
    [
        "1",
        "Sở Tư pháp",
        "Rà soát, hệ thống hóa văn bản quy phạm pháp luật của tỉnh",
        "Quý II/2025",
        "Các sở, ban, ngành",
        "Báo cáo kết quả rà soát",
    ],
    ["2", "Sở Tư pháp", "Kiểm tra văn bản quy phạm pháp luật cấp xã", "Thường xuyên", "", ""],
    ["II. CẢI CÁCH THỦ TỤC HÀNH CHÍNH"] * 6,
    [
        "1",
        "Văn phòng UBND tỉnh",
        "Công khai thủ tục hành chính trên Cổng Dịch vụ công",
        "Trước ngày 30/6/2025",
        "Sở Khoa học và Công nghệ; UBND các xã, phường",
        "",
    ],
    [
        "2",
        "Văn phòng UBND tỉnh",  # merged down from the row above in the Word table
        "Báo cáo tình hình giải quyết thủ tục hành chính",
        "Định kỳ hằng quý",
        "Các sở, ngành có liên quan",
        "Báo cáo",
    ],
    [
        "3",
        "UBND các xã, phường",
        "Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính",
        "Tháng 9 năm 2025",
        "Sở Khoa học và Công nghệ",
        "",
    ],
    ["4", "Sở Nội vụ", "=Đánh giá Chỉ số cải cách hành chính năm 2024", "6 tháng đầu năm", "", ""],
]
OTHERS_THAN_STP = [c for c in PROVINCIAL if c != "STP"]  # "Các sở, ban, ngành" as partners
# (section, task text start, leads, partners, deadline, cadence, recurrence)
EXPECTED = [
    (
        "I.",
        "Rà soát",
        ["STP"],
        [c for c in PROVINCIAL if c != "STP"],
        date(2025, 6, 30),
        "once",
        "",
    ),
    ("I.", "Kiểm tra", ["STP"], [], None, "continuous", ""),
    ("II.", "Công khai", ["VP"], ["SKHCN", "XA", "XB"], date(2025, 6, 30), "once", ""),
    ("II.", "Báo cáo tình hình", ["VP"], [], None, "periodic", "quarterly"),
    ("II.", "Số hóa", ["XA", "XB"], ["SKHCN"], date(2025, 9, 30), "once", ""),
    ("II.", "=Đánh giá", ["SNV"], [], date(2025, 6, 30), "once", ""),
]
TITLE = ["PHỤ LỤC", "NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2025", "(Kèm theo Kế hoạch số 12/KH-UBND)"]


def _merge_across(row) -> None:
    first, last = row.cells[0], row.cells[-1]
    first.merge(last)


def make_docx(*, merge_lead_down: bool = True, header: list[str] = HEADER) -> bytes:
    document = docx.Document()
    document.add_paragraph("KẾ HOẠCH")
    document.add_paragraph("Cải cách hành chính năm 2025")
    document.add_paragraph("Nơi nhận:")
    for line in TITLE:
        document.add_paragraph(line)
    table = document.add_table(rows=1 + len(ROWS), cols=len(header))
    for i, text in enumerate(header):
        table.cell(0, i).text = text
    for r, values in enumerate(ROWS, start=1):
        if len(set(values)) == 1:
            _merge_across(table.rows[r])
            table.cell(r, 0).text = values[0]
            continue
        for c, text in enumerate(values):
            table.cell(r, c).text = text
    if merge_lead_down:  # "Văn phòng UBND tỉnh" written once for two rows
        top, below = table.cell(6, 1), table.cell(7, 1)
        below.text = ""
        top.merge(below)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def make_xlsx(*, header: list[str] = HEADER, extra_rows: int = 0) -> bytes:
    book = Workbook()
    sheet = book.active
    for line in TITLE:
        sheet.append([line])
        sheet.merge_cells(
            start_row=sheet.max_row, start_column=1, end_row=sheet.max_row, end_column=6
        )
    sheet.append(header)
    for values in ROWS:
        if len(set(values)) == 1:
            sheet.append([values[0]])
            row = sheet.max_row
            sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=6)
        else:
            sheet.append(values)
            sheet.cell(sheet.max_row, 3).data_type = "s"  # "=..." kept as text
    # the lead of the "Báo cáo" row merged down from the row above
    lead_row = len(TITLE) + 1 + 6
    sheet.cell(lead_row + 1, 2).value = None
    sheet.merge_cells(start_row=lead_row, start_column=2, end_row=lead_row + 1, end_column=2)
    for n in range(extra_rows):
        sheet.append([n, "Sở Nội vụ", f"Nhiệm vụ {n}", "Năm 2025", "", ""])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _tasks(parsed):
    return [(s, t) for s in parsed.sections for t in s.tasks]


def _check(parsed) -> None:
    got = _tasks(parsed)
    assert len(got) == len(EXPECTED)
    assert [s.heading for s in parsed.sections] == [
        "CẢI CÁCH THỂ CHẾ",
        "CẢI CÁCH THỦ TỤC HÀNH CHÍNH",
    ]
    for (section, task), (label, start, leads, partners, due, cadence, every) in zip(
        got, EXPECTED, strict=True
    ):
        assert section.label == label and section.include
        assert task.text.startswith(start), task.text
        assert (task.leads, task.partners) == (leads, partners), task.text
        assert (task.due_date, task.cadence, task.recurrence) == (due, cadence, every), task.text
    first = got[0][1]
    assert first.text.endswith("(Sản phẩm: Báo cáo kết quả rà soát)")
    assert first.timing == "Quý II/2025"


def test_a_word_table_gives_one_task_per_row_with_its_own_bodies_and_deadline():
    source = reader.read_document(make_docx(), "ke-hoach.docx")
    assert len(source.tables) == 1 and "Rà soát" not in source.text
    _check(parse_text(source.text, BODIES, wrapped=source.wrapped, tables=source.tables))


def test_a_sheet_gives_the_same_tasks_and_a_formula_like_cell_stays_text():
    source = reader.read_document(make_xlsx(), "phu-luc.xlsx")
    assert source.source == "xlsx" and "PHỤ LỤC" in source.text
    parsed = parse_text(source.text, BODIES, wrapped=source.wrapped, tables=source.tables)
    _check(parsed)
    assert _tasks(parsed)[-1][1].text.startswith("=Đánh giá")  # as written, not evaluated


@pytest.mark.parametrize(
    "header",
    [
        ["TT", "Nhiệm vụ", "Đơn vị chủ trì", "Đơn vị phối hợp", "Tiến độ", "Kết quả đầu ra"],
        ["STT", "NỘI DUNG NHIỆM VỤ", "CƠ QUAN CHỦ TRÌ", "CƠ QUAN PHỐI HỢP", "THỜI HẠN", "SẢN PHẨM"],
    ],
)
def test_the_header_is_recognised_by_its_words(header):
    from services.importing.tables import LEAD, PARTNERS, TASK, header_roles

    roles = header_roles(header)
    assert (roles[TASK], roles[LEAD], roles[PARTNERS]) == (1, 2, 3)


def test_a_table_with_bodies_but_no_task_column_is_reported():
    header = ["STT", "Cơ quan chủ trì", "Ghi chú", "Thời gian hoàn thành", "Cơ quan phối hợp", "x"]
    with pytest.raises(InvalidInput) as err:
        reader.read_document(make_xlsx(header=header), "phu-luc.xlsx")
    assert "không có cột nội dung nhiệm vụ" in str(err.value)
    with pytest.raises(InvalidInput):
        reader.read_document(make_docx(header=header, merge_lead_down=False), "ke-hoach.docx")


def test_a_sheet_with_no_task_table_is_refused():
    book = Workbook()
    book.active.append(["Bảng lương", "Tháng 6"])
    out = io.BytesIO()
    book.save(out)
    with pytest.raises(InvalidInput) as err:
        reader.read_document(out.getvalue(), "bang.xlsx")
    assert "không có bảng nhiệm vụ" in str(err.value)


def test_a_huge_sheet_is_refused_while_streaming(monkeypatch):
    monkeypatch.setattr(reader, "MAX_SHEET_ROWS", 50)
    with pytest.raises(InvalidInput) as err:
        reader.read_document(make_xlsx(extra_rows=100), "phu-luc.xlsx")
    assert "Bảng tính quá lớn" in str(err.value)


def test_the_preview_shows_table_tasks_like_outline_tasks_with_the_deadline_as_written():
    from components.import_preview import sections_frame, tasks_frame

    source = reader.read_document(make_xlsx(), "phu-luc.xlsx")
    parsed = parse_text(source.text, BODIES, wrapped=source.wrapped, tables=source.tables)
    sections = sections_frame(parsed)
    assert list(sections["heading"]) == ["CẢI CÁCH THỂ CHẾ", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH"]
    assert list(sections["tasks"]) == [2, 4] and all(sections["include"])
    tasks = tasks_frame(parsed)
    assert list(tasks["section"]) == [1, 1, 2, 2, 2, 2]
    assert tasks["leads"][0] == ["STP"] and tasks["leads"][4] == ["XA", "XB"]
    assert list(tasks["timing"])[:4] == [
        "Quý II/2025",
        "Thường xuyên",
        "Trước ngày 30/6/2025",
        "Định kỳ hằng quý",
    ]
    assert str(tasks["due"][0].date()) == "2025-06-30"


def test_a_header_on_two_rows_and_groups_numbered_1_with_tasks_1_1():
    from services.importing.body_names import BodyMatcher
    from services.importing.tables import read_table

    rows = [
        ["TT", "Nhiệm vụ", "Cơ quan thực hiện", "Cơ quan thực hiện", "Thời hạn"],
        ["TT", "Nhiệm vụ", "Chủ trì", "Phối hợp", "Thời hạn"],
        ["1", "Cải cách thể chế", "", "", ""],
        ["1.1", "Rà soát văn bản", "Sở Tư pháp", "Sở Nội vụ", "Tháng 10/2025"],
        ["1.2", "Kiểm tra văn bản", "Sở Tư pháp", "", "Hằng năm"],
        ["2", "Cải cách thủ tục hành chính", "", "", ""],
        ["2.1", "Công khai thủ tục", "Văn phòng UBND tỉnh", "", "Thường xuyên"],
    ]
    sections = read_table(rows, BodyMatcher(BODIES), year=2025)
    assert [(s.label, s.heading, len(s.tasks)) for s in sections] == [
        ("1.", "Cải cách thể chế", 2),
        ("2.", "Cải cách thủ tục hành chính", 1),
    ]
    first = sections[0].tasks[0]
    assert (first.leads, first.partners, first.due_date) == (["STP"], ["SNV"], date(2025, 10, 31))
    assert sections[0].tasks[1].cadence == "annual"


def test_an_old_excel_file_gets_its_own_sentence():
    with pytest.raises(InvalidInput) as err:
        reader.read_document(b"\xd0\xcf\x11\xe0" + b"\0" * 600, "phu-luc.xls")
    assert str(err.value).startswith("Tệp Excel 97-2003 (.xls) chưa đọc được")
    with pytest.raises(InvalidInput) as err:
        reader.read_document(b"not a zip at all", "phu-luc.xlsx")
    assert "Excel (.xlsx) bị hỏng" in str(err.value)
