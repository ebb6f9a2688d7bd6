"""The importer's reading and parsing, without a database: the seed directive's own text, and
documents in other real layouts (a plan with I./1./-, a header in a Word table, a PDF with
wrapped lines and a two-column header), and every kind of input that cannot be read."""

import io
from datetime import date
from pathlib import Path

import docx
import pytest

import seed_data
from services.core.errors import InvalidInput
from services.importing.body_names import BodyMatcher, aliases, fold
from services.importing.parser import as_json, find_targets, guess_cadence, parse_text
from services.importing.reader import MAX_BYTES, read_document, read_pasted
from services.read.bodies import BodyRef

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
ALL_BODIES = seed_data.ALL_BODIES


@pytest.fixture(scope="module")
def bodies() -> list[BodyRef]:
    return [
        BodyRef(row["code"], row["name"], row["kind"], True, n)
        for n, row in enumerate(seed_data.load_organizations(), start=1)
    ]


@pytest.fixture(scope="module")
def section_one_codes() -> list[str]:
    return [r["code"] for r in seed_data.load_organizations() if r["in_section_1"] == "yes"]


@pytest.fixture(scope="module")
def seed_parsed(bodies):
    return parse_text(seed_data.load_directive_text(), bodies)


# ----------------------------------------------------------------------------- the seed text


def test_seed_text_has_the_eight_sections_and_forty_tasks_of_seed_data(seed_parsed):
    expected = seed_data.load_directive()
    assert len(seed_parsed.sections) == 8
    assert seed_parsed.task_count == 40
    assert [len(s.tasks) for s in seed_parsed.sections] == [13, 4, 4, 3, 5, 1, 5, 5]
    for want, got in zip(expected["sections"], seed_parsed.sections, strict=True):
        assert got.label == want["label"]
        assert got.heading == want["heading"]
        assert [t.text for t in got.tasks] == [t["text"] for t in want["tasks"]]


def test_seed_text_header_preamble_and_signer(seed_parsed):
    expected = seed_data.load_directive()
    assert seed_parsed.kind == "Chỉ thị"
    assert seed_parsed.number is None and seed_parsed.issued_date is None
    assert seed_parsed.title == expected["title"]
    assert seed_parsed.preamble == expected["preamble"]
    assert seed_parsed.signer == "Trần Tiến Dũng"


def test_seed_text_bodies_fan_out_and_partners(seed_parsed, section_one_codes):
    expected = seed_data.load_directive()
    for want, got in zip(expected["sections"], seed_parsed.sections, strict=True):
        leads = section_one_codes if want["lead"] == ALL_BODIES else [want["lead"]]
        assert got.bodies == leads, got.label
        for want_task, got_task in zip(want["tasks"], got.tasks, strict=True):
            assert sorted(got_task.partners) == sorted(want_task["partners"]), got_task.label
            assert got_task.leads == []  # the section's heading names them
    # section 1 addresses all 28 bodies, not the outside partner
    assert "BUUDIEN" not in seed_parsed.sections[0].bodies
    assert len(seed_parsed.sections[0].bodies) == 28


def test_seed_text_quirks_are_survived(seed_parsed):
    texts = [t.text for s in seed_parsed.sections for t in s.tasks]
    assert not any("http" in t for t in texts)  # the stray web address in section 1
    assert not any("Nơi nhận" in t or "Lưu: VT" in t or "Bộ Nội vụ;" in t for t in texts)
    assert not any(t.startswith(("Yêu cầu", "-")) for t in texts)
    assert seed_parsed.sections[5].tasks[0].text.startswith("Tăng cường kiểm tra")  # no bullet
    assert seed_parsed.sections[2].tasks[1].text.startswith("Chủ trì tham mưu")  # " - Chủ trì"
    assert "2021-2025" in seed_parsed.sections[0].tasks[1].text  # "2021-" + "2025"


def test_seed_text_targets_are_proposed_with_their_kinds(seed_parsed):
    by_task = {(t.task_label, t.kind, t.value, t.direction) for t in seed_parsed.targets}
    assert ("1.5", "exactly", 100.0, None) in by_task
    assert ("2.1", "at_least", 30.0, None) in by_task
    assert ("8.1", "at_least", 2.0, None) in by_task
    assert ("1.6", "better_than_previous", None, "higher") in by_task  # "Nâng tỷ lệ"
    assert ("1.9", "better_than_previous", None, "lower") in by_task  # "giảm tỷ lệ trễ hẹn"
    assert sum(1 for t in seed_parsed.targets if t.task_label == "4.1") == 2  # two "100%"
    # "nâng cao" and "cắt giảm" are no targets
    assert not any(t.text.startswith("Đẩy mạnh công tác thông tin") for t in seed_parsed.targets)


def test_seed_text_timing_cues(seed_parsed):
    tasks = {t.label: t for s in seed_parsed.sections for t in s.tasks}
    assert tasks["1.13"].cadence == "annual"
    assert (tasks["2.2"].cadence, tasks["2.2"].due_date) == ("annual", date(2021, 12, 31))
    assert (tasks["8.1"].cadence, tasks["8.1"].due_date) == ("once", date(2021, 12, 31))
    assert tasks["7.4"].cadence == "periodic"
    assert tasks["2.3"].due_date is None  # "định hướng đến năm 2030" is no deadline


def test_json_shape_is_the_documented_one(seed_parsed, bodies):
    data = as_json(seed_parsed, bodies)
    assert set(data) == {"kind", "number", "date", "title", "sections", "targets"}
    section = data["sections"][4]
    assert set(section) == {"label", "heading", "bodies", "tasks"}
    assert section["bodies"] == ["Sở Thông tin và Truyền thông"]
    assert set(section["tasks"][0]) == {"label", "text", "partners"}
    assert section["tasks"][4]["partners"] == ["Sở Tài chính", "Sở Kế hoạch và Đầu tư"]
    assert section["tasks"][3]["partners"] == ["Bưu điện tỉnh Lai Châu"]
    assert len(data["sections"][0]["bodies"]) == 28
    assert set(data["targets"][0]) == {"text", "kind", "value"}


# ----------------------------------------------------------------------------- other layouts


def test_plan_with_roman_numbers_and_dashes(bodies, section_one_codes):
    text = (FIXTURES / "ke-hoach-cchc-2022.txt").read_text(encoding="utf-8")
    parsed = parse_text(text, bodies)
    assert (parsed.kind, parsed.number, parsed.issued_date) == (
        "Kế hoạch",
        "15/KH-UBND",
        date(2022, 1, 20),
    )
    assert parsed.title == (
        "Cải cách hành chính nhà nước năm 2022 của Ủy ban nhân dân tỉnh Lai Châu"
    )
    assert parsed.issuer == "ỦY BAN NHÂN DÂN TỈNH LAI CHÂU"
    assert parsed.signer == "Giàng A Tính"
    assert parsed.preamble.startswith("Thực hiện Nghị quyết số 76/NQ-CP")
    assert "giai đoạn 2021-2030" in parsed.preamble
    labels = [s.label for s in parsed.sections]
    assert labels == ["I.1.", "I.2.", "II.1.", "II.2.", "II.2.3.", "II.3.", "III.1.", "III.2."]
    # aims and requirements are offered but not imported by default
    assert [s.include for s in parsed.sections][:3] == [False, False, True]
    by_label = {s.label: s for s in parsed.sections}
    # a wrapped "- xã hội" is a hyphen inside the sentence, not a new item
    assert by_label["I.1."].tasks[0].text.endswith("phát triển kinh tế - xã hội của tỉnh.")
    # the page number and the stray web address between pages are dropped
    assert not any(
        "laichau.gov.vn" in t.text or t.text == "2" for s in parsed.sections for t in s.tasks
    )
    # a task that names its own lead where the heading names none
    first = by_label["II.2."].tasks[0]
    assert first.leads == ["VPUBND"] and first.partners == ["STTTT"]  # "Sở TT&TT"
    assert by_label["II.3."].tasks[0].partners == ["SKHDT"]  # "Sở KH&ĐT"
    assert by_label["III.1."].bodies == ["SNV"]
    assert by_label["III.2."].bodies == section_one_codes
    closing = by_label["III.2."].tasks[-1].text
    assert closing.endswith("theo quy định.") and "Trong quá trình" not in closing
    deadline = by_label["III.2."].tasks[0]
    assert (deadline.cadence, deadline.due_date) == ("once", date(2022, 2, 15))
    kinds = {(t.kind, t.value) for t in parsed.targets}
    assert ("at_most", 2.0) in kinds and ("at_least", 50.0) in kinds


def _header_table_docx(*, numbered_by_word: bool) -> bytes:
    document = docx.Document()
    table = document.add_table(rows=1, cols=2)
    left, right = table.rows[0].cells
    left.text = "ỦY BAN NHÂN DÂN"
    left.add_paragraph("TỈNH LAI CHÂU")
    left.add_paragraph("Số: 20/KH-UBND")
    right.text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    right.add_paragraph("Độc lập - Tự do - Hạnh phúc")
    right.add_paragraph("Lai Châu, ngày 10 tháng 3 năm 2023")
    document.add_paragraph("KẾ HOẠCH")
    document.add_paragraph("Chuyển đổi số trong cải cách hành chính năm 2023")
    document.add_paragraph("Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:")
    items = [
        ("1.", "Sở Thông tin và Truyền thông", "List Number"),
        ("-", "Kết nối nền tảng LGSP với 100% các sở, ngành.", "List Bullet"),
        ("-", "Phối hợp với Sở KH&ĐT bố trí vốn cho hạ tầng.", "List Bullet"),
        ("2.", "Văn phòng Uỷ ban nhân dân tỉnh", "List Number"),
        ("-", "Số hóa kết quả giải quyết thủ tục hành chính.", "List Bullet"),
    ]
    for marker, text, style in items:
        if numbered_by_word:
            document.add_paragraph(text, style=style)
        else:
            document.add_paragraph(f"{marker} {text}")
    footer = document.add_table(rows=1, cols=2)
    footer.rows[0].cells[0].text = "Nơi nhận:"
    footer.rows[0].cells[0].add_paragraph("- Như trên;")
    footer.rows[0].cells[1].text = "KT. CHỦ TỊCH"
    footer.rows[0].cells[1].add_paragraph("Lê Văn Lương")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


@pytest.mark.parametrize("numbered_by_word", [False, True])
def test_docx_with_the_header_in_a_table(bodies, numbered_by_word):
    source = read_document(_header_table_docx(numbered_by_word=numbered_by_word), "kh.docx")
    assert source.source == "docx"
    parsed = parse_text(source.text, bodies, wrapped=source.wrapped)
    assert (parsed.kind, parsed.number, parsed.issued_date) == (
        "Kế hoạch",
        "20/KH-UBND",
        date(2023, 3, 10),
    )
    assert parsed.title == "Chuyển đổi số trong cải cách hành chính năm 2023"
    assert [(s.label, s.bodies, len(s.tasks)) for s in parsed.sections] == [
        ("1.", ["STTTT"], 2),
        ("2.", ["VPUBND"], 1),  # "Uỷ" written the other way
    ]
    assert parsed.sections[0].tasks[1].partners == ["SKHDT"]
    assert parsed.signer == "Lê Văn Lương"


def test_pdf_with_a_text_layer_and_a_two_column_header(bodies, section_one_codes):
    source = read_document((FIXTURES / "chi-thi-09-2022.pdf").read_bytes(), "ct.pdf")
    assert source.source == "pdf" and source.pages == 1
    parsed = parse_text(source.text, bodies)
    assert (parsed.kind, parsed.number, parsed.issued_date) == (
        "Chỉ thị",
        "09/CT-UBND",
        date(2022, 8, 5),
    )
    assert parsed.title.startswith("Về việc tăng cường kỷ luật")
    assert parsed.title.endswith("trên địa bàn tỉnh")
    assert [(s.label, len(s.tasks)) for s in parsed.sections] == [("1.", 2), ("2.", 2), ("3.", 1)]
    assert parsed.sections[0].bodies == ["SNV"]
    assert parsed.sections[0].tasks[0].partners == ["VPUBND"]
    assert parsed.sections[1].bodies == section_one_codes
    assert parsed.sections[2].tasks[0].partners == ["BUUDIEN"]  # "Bưu điện tỉnh"
    assert parsed.sections[2].tasks[0].text.startswith("Bảo đảm hệ thống")
    assert parsed.signer == "Hà Trọng Hải"
    assert not any("Yêu cầu" in t.text for s in parsed.sections for t in s.tasks)


def test_text_without_an_outline_parses_to_no_task(bodies):
    parsed = parse_text("Một đoạn văn bản bình thường, không có mục nào.\n", bodies)
    assert parsed.task_count == 0 and parsed.sections == []


def test_flat_numbered_items_are_tasks_of_one_section(bodies):
    text = (
        "CHỈ THỊ\nVề việc phòng chống thiên tai\n"
        "Để chủ động ứng phó, Chủ tịch UBND tỉnh yêu cầu các cơ quan:\n"
        "1. Rà soát phương án ứng phó thiên tai trước ngày 30/6/2024.\n"
        "2. Bố trí lực lượng trực ban thường xuyên trong mùa mưa lũ.\n"
    )
    parsed = parse_text(text, bodies)
    assert [len(s.tasks) for s in parsed.sections] == [2]
    assert parsed.sections[0].tasks[0].due_date == date(2024, 6, 30)


# ----------------------------------------------------------------------------- body names


def test_body_names_fold_case_diacritics_and_the_two_uy_spellings(bodies):
    matcher = BodyMatcher(bodies)
    assert fold("Uỷ ban") == fold("Ủy ban") == fold("UỶ BAN") != fold("Uy ban")
    assert matcher.named_in("Văn phòng Uỷ ban nhân dân tỉnh") == ["VPUBND"]
    assert matcher.named_in("VĂN PHÒNG ỦY BAN NHÂN DÂN TỈNH") == ["VPUBND"]
    assert matcher.named_in("phối hợp với Văn phòng UBND tỉnh") == ["VPUBND"]
    assert matcher.named_in("Sở TT&TT và Sở KH&ĐT") == ["STTTT", "SKHDT"]
    assert matcher.named_in("phối hợp với TT&TT, KH & ĐT") == ["STTTT", "SKHDT"]
    # the ministries are not the provincial departments
    assert matcher.named_in("Bộ Thông tin và Truyền thông, Bộ Tài chính, Bộ TT&TT") == []
    assert matcher.named_in("UBND huyện Tam Đường") == ["HTD"]
    assert "Sở TT&TT" in aliases("Sở Thông tin và Truyền thông")


def test_inactive_bodies_are_not_matched_and_fan_out_skips_them(bodies):
    closed = [BodyRef(b.code, b.name, b.kind, b.code != "HMT", b.sort_order) for b in bodies]
    matcher = BodyMatcher(closed)
    assert matcher.named_in("Huyện Mường Tè") == []
    everyone = matcher.addressed_by("các sở, ban, ngành tỉnh; UBND các huyện, thành phố")
    assert "HMT" not in everyone and len(everyone) == 27


def test_target_sentences_and_their_kinds():
    kinds = {
        "đảm bảo trên 30% các cơ quan được kiểm tra": ("at_least", 30.0, None),
        "phấn đấu đạt từ 2% trở lên": ("at_least", 2.0, None),
        "100% hồ sơ được cập nhật": ("exactly", 100.0, None),
        "tỷ lệ trễ hẹn không quá 5%": ("at_most", 5.0, None),
        "giảm tỷ lệ hồ sơ trễ hẹn": ("better_than_previous", None, "lower"),
        "Nâng tỷ lệ dịch vụ công trực tuyến": ("better_than_previous", None, "higher"),
        "nâng thứ hạng Chỉ số PAR INDEX": ("rank", None, "lower"),
    }
    for sentence, (kind, value, direction) in kinds.items():
        found = find_targets(sentence)
        assert [(k, v, d) for _, k, v, d, _ in found] == [(kind, value, direction)], sentence
    assert find_targets("nâng cao chất lượng, cắt giảm thời gian") == []


def test_cadence_cues():
    assert guess_cadence("Hằng năm tổ chức đánh giá") == ("annual", None)
    assert guess_cadence("kiểm tra định kỳ") == ("periodic", None)
    assert guess_cadence("hoàn thành trong năm 2023") == ("once", date(2023, 12, 31))
    assert guess_cadence("định hướng đến năm 2030") == ("continuous", None)
    assert guess_cadence("giai đoạn 2021-2025") == ("continuous", None)


# ----------------------------------------------------------------------------- bad input


def _codes(call) -> str:
    with pytest.raises(InvalidInput) as err:
        call()
    return err.value.code


def test_inputs_that_cannot_be_read_say_why():
    assert _codes(lambda: read_document(b"", "a.txt")) == "err.import_empty"
    assert _codes(lambda: read_pasted("   \n  ")) == "err.import_empty"
    assert _codes(lambda: read_document(b"\x00\x01\x02" * 100, "a.txt")) == "err.import_binary"
    assert _codes(lambda: read_document(bytes(range(256)) * 40, "a.bin")) == "err.import_binary"
    big = b"a" * MAX_BYTES
    assert _codes(lambda: read_document(big, "a.txt")) == "err.import_too_large"
    assert _codes(lambda: read_document(b"PK\x03\x04garbage", "a.docx")) == (
        "err.import_unreadable"
    )
    assert _codes(lambda: read_document(b"%PDF-1.4 garbage", "a.pdf")) == "err.import_unreadable"
    assert _codes(lambda: read_document(b"\xd0\xcf\x11\xe0" + b"x" * 600, "a.doc")) == (
        "err.import_old_word"
    )


def test_docx_with_no_text_is_refused():
    buffer = io.BytesIO()
    document = docx.Document()
    document.add_paragraph("")
    document.add_table(rows=1, cols=1)
    document.save(buffer)
    assert _codes(lambda: read_document(buffer.getvalue(), "trong.docx")) == (
        "err.import_docx_empty"
    )


def test_scanned_pdf_without_a_text_layer_is_refused():
    data = (FIXTURES / "ban-quet-khong-co-chu.pdf").read_bytes()
    with pytest.raises(InvalidInput) as err:
        read_document(data, "scan.pdf")
    assert err.value.code == "err.import_pdf_no_text"
    assert "bản quét" in str(err.value)


def test_the_bytes_decide_not_the_name():
    data = (FIXTURES / "chi-thi-09-2022.pdf").read_bytes()
    assert read_document(data, "renamed.txt").source == "pdf"
    utf16 = "CHỈ THỊ\n1. Sở Nội vụ\n- Làm việc.".encode("utf-16")
    assert read_document(utf16, "a.txt").text.startswith("CHỈ THỊ")
