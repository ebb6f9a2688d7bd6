"""The outline of real plans and decisions (issue 16, items 3-4), on small texts written for
each rule: headings wrapped over lines, "Phần"/"Mục"/"Điều" outlines, letters without "đ",
context parts (aims, results, enacting and closing articles), leads from a task's subject or
from the sentence that introduces the items, deadlines in a task's text."""

from datetime import date

import pytest

from services.importing.parser import parse_text
from services.read.bodies import BodyRef

BODIES = [
    BodyRef("VP", "Văn phòng Ủy ban nhân dân tỉnh", "provincial", sort_order=1),
    BodyRef("SNV", "Sở Nội vụ", "provincial", sort_order=2),
    BodyRef("STP", "Sở Tư pháp", "provincial", sort_order=3),
    BodyRef("SXD", "Sở Xây dựng", "provincial", sort_order=4),
    BodyRef("HA", "Huyện Tam Đường", "district", sort_order=5),
    BodyRef("XA", "Xã Bình Lư", "commune", sort_order=6),
]
HEAD = "KẾ HOẠCH\nCải cách hành chính năm 2025\n"


def tasks_of(text: str) -> list[tuple[str, str, list[str]]]:
    """(section heading, task text start, leads) of the tasks offered by default."""
    parsed = parse_text(text, BODIES)
    return [
        (s.heading, t.text[:25], t.leads or s.bodies)
        for s in parsed.sections
        if s.include
        for t in s.tasks
    ]


def test_a_heading_wrapped_over_lines_is_one_heading_and_no_task():
    text = HEAD + (
        "I. MỤC ĐÍCH,\nYÊU CẦU\n1. Mục đích\n- Nâng cao chất lượng phục vụ.\n"
        "II. NHIỆM VỤ\nTRỌNG TÂM\n1. Sở Nội vụ\n- Theo dõi, đôn đốc việc thực hiện.\n"
    )
    parsed = parse_text(text, BODIES)
    headings = [s.heading for s in parsed.sections]
    assert "YÊU CẦU" not in [t.text for s in parsed.sections for t in s.tasks]
    assert tasks_of(text) == [("Sở Nội vụ", "Theo dõi, đôn đốc việc th", ["SNV"])]
    assert any("MỤC ĐÍCH" in h for h in headings) or parsed.sections[0].context.startswith(
        "I. MỤC ĐÍCH, YÊU CẦU"
    )


def test_parts_and_chapters_are_levels_of_the_outline():
    text = HEAD + (
        "PHẦN I. KẾT QUẢ THỰC HIỆN NĂM 2024\n1. Về cải cách thể chế\n"
        "- Đã ban hành 20 văn bản.\n"
        "PHẦN THỨ HAI. NHIỆM VỤ NĂM 2025\n"
        "Mục 1. Sở Tư pháp\n- Rà soát văn bản quy phạm pháp luật.\n"
        "Mục 2. Sở Xây dựng\n- Hướng dẫn quy hoạch.\n"
    )
    assert tasks_of(text) == [
        ("Sở Tư pháp", "Rà soát văn bản quy phạm ", ["STP"]),
        ("Sở Xây dựng", "Hướng dẫn quy hoạch.", ["SXD"]),
    ]


def test_letters_may_skip_d_with_stroke_and_f():
    items = "".join(f"{c}) Nhiệm vụ thứ {n}.\n" for n, c in enumerate("abcdegh", start=1))
    text = HEAD + "1. Sở Nội vụ\n" + items
    assert [x[1] for x in tasks_of(text)] == [f"Nhiệm vụ thứ {n}." for n in range(1, 8)]


def test_a_decision_s_enacting_and_closing_articles_are_no_tasks():
    text = (
        "QUYẾT ĐỊNH\nVề việc ban hành Quy chế phối hợp\nQUYẾT ĐỊNH:\n"
        "Điều 1. Ban hành kèm theo Quyết định này Quy chế phối hợp.\n"
        "Điều 2. Giao Sở Tư pháp chủ trì, phối hợp với Sở Nội vụ hướng dẫn thực hiện.\n"
        "Điều 3. Quyết định này có hiệu lực kể từ ngày ký.\n"
        "Điều 4. Chánh Văn phòng UBND tỉnh, Giám đốc Sở Nội vụ và Chủ tịch UBND các huyện "
        "chịu trách nhiệm thi hành Quyết định này.\n"
    )
    parsed = parse_text(text, BODIES)
    offered = [t for s in parsed.sections if s.include for t in s.tasks]
    assert [t.text[:16] for t in offered] == ["Giao Sở Tư pháp "]
    assert (offered[0].leads, offered[0].partners) == (["STP"], ["SNV"])
    # the rest is kept, unticked, for the office to include if it wants
    kept = [t.text[:10] for s in parsed.sections if not s.include for t in s.tasks]
    assert len(kept) == 3


def test_a_fragment_may_start_at_any_article():
    text = "Điều 3. Giao Sở Nội vụ theo dõi, kiểm tra việc thực hiện Quyết định này.\n"
    assert tasks_of(text) == [("", "Giao Sở Nội vụ theo dõi, ", ["SNV"])]


def test_leads_come_from_the_task_s_subject_or_the_sentence_introducing_the_items():
    text = HEAD + (
        "Chủ tịch UBND tỉnh yêu cầu Giám đốc các sở và Chủ tịch UBND các cấp thực hiện các "
        "nội dung sau:\n"
        "1. Tăng cường kỷ luật, kỷ cương hành chính.\n"
        "2. Sở Xây dựng chủ trì hướng dẫn cấp phép xây dựng.\n"
    )
    everyone = ["VP", "SNV", "STP", "SXD", "HA", "XA"]
    assert tasks_of(text) == [
        ("", "Tăng cường kỷ luật, kỷ cư", everyone),
        ("", "Sở Xây dựng chủ trì hướng", ["SXD"]),
    ]


def test_items_naming_no_body_outside_a_tasks_part_are_context():
    # purposes without their heading (the copy dropped it): nothing assigns them to a body
    text = HEAD + (
        "UBND tỉnh ban hành Kế hoạch với các nội dung sau:\n"
        "1. Cụ thể hóa các mục tiêu của Chương trình tổng thể.\n"
        "2. Nâng cao nhận thức về cải cách hành chính.\n"
    )
    assert tasks_of(text) == []
    # under "NHIỆM VỤ" they are work whose lead the office fills in
    text = HEAD + "I. NHIỆM VỤ\n1. Cải cách thể chế\n- Rà soát văn bản.\n"
    assert tasks_of(text) == [("Cải cách thể chế", "Rà soát văn bản.", [])]


def test_deadlines_in_a_task_s_text():
    text = HEAD + (
        "1. Sở Nội vụ\n"
        "- Trình Đề án vị trí việc làm trước ngày 30/6/2025.\n"
        "- Tổng kết công tác cải cách hành chính trong Quý IV/2025.\n"
        "- Báo cáo định kỳ hằng quý.\n"
        "- Thực hiện theo Nghị định số 61/2018/NĐ-CP ngày 23 tháng 4 năm 2018.\n"
    )
    parsed = parse_text(text, BODIES)
    timing = [(t.due_date, t.cadence, t.recurrence) for s in parsed.sections for t in s.tasks]
    assert timing == [
        (date(2025, 6, 30), "once", ""),
        (date(2025, 12, 31), "once", ""),
        (None, "periodic", "quarterly"),
        (None, "continuous", ""),
    ]


def test_capital_letters_over_roman_numerals():
    text = HEAD + (
        "A. KẾT QUẢ THỰC HIỆN NĂM 2024\nI. Về cải cách thể chế\n- Đã ban hành 20 văn bản.\n"
        "B. NHIỆM VỤ NĂM 2025\nI. Sở Tư pháp\n- Rà soát văn bản quy phạm pháp luật.\n"
        "II. Sở Nội vụ\n- Theo dõi công tác cải cách hành chính.\n"
    )
    assert tasks_of(text) == [
        ("Sở Tư pháp", "Rà soát văn bản quy phạm ", ["STP"]),
        ("Sở Nội vụ", "Theo dõi công tác cải các", ["SNV"]),
    ]


# A task whose lead is not in the body list (the list has no "Sở Tài chính" nor "Sở Y tế"), or
# that names no lead, among tasks that name theirs: the section stays one section, its tasks in
# document order, the task without a known lead kept as an orphan for the preview to flag.
SNV = ("Sở Nội vụ chủ trì theo dõi công tác cải cách hành chính.", ["SNV"])
SXD = ("Sở Xây dựng chủ trì hướng dẫn cấp phép xây dựng.", ["SXD"])
STC = ("Sở Tài chính chủ trì bố trí kinh phí cải cách hành chính.", [])
SYT = ("Giao Sở Y tế thực hiện thủ tục hành chính trên môi trường điện tử.", [])
BARE = ("Rà soát thủ tục hành chính trong lĩnh vực đất đai.", [])
BARE_TWO = ("Công khai thủ tục hành chính tại bộ phận một cửa.", [])
AFTER = ("II.1.", "Sở Tư pháp", [("Kiểm tra việc thực hiện.", ["STP"])])


def plan(items: list[tuple[str, list[str]]]) -> str:
    """A plan whose section I.1 holds `items`, then a section II.1 of its own; no heading
    says "NHIỆM VỤ", so only the tasks' own subjects tell who does the work."""
    lines = "".join(f"- {text}\n" for text, _leads in items)
    return HEAD + (
        f"I. CẢI CÁCH HÀNH CHÍNH\n1. Cải cách thủ tục\n{lines}"
        "II. TỔ CHỨC THỰC HIỆN\n1. Sở Tư pháp\n- Kiểm tra việc thực hiện.\n"
    )


def sections_of(text: str) -> list[tuple[str, str, list[tuple[str, list[str]]]]]:
    """(label, heading, [(task text, leads)]) of every section offered, in order."""
    parsed = parse_text(text, BODIES)
    return [
        (s.label, s.heading, [(t.text, t.leads or s.bodies) for t in s.tasks])
        for s in parsed.sections
        if s.include
    ]


@pytest.mark.parametrize(
    "items",
    [
        [STC, SNV, SXD],
        [SNV, STC, SXD],
        [SNV, SXD, STC],
        [SYT, SNV, STC, SXD],
        [SNV, BARE, SXD],
        [BARE, SNV, BARE_TWO, SXD, STC],
    ],
    ids=[
        "unknown-first",
        "unknown-middle",
        "unknown-last",
        "two-unknown",
        "no-lead-between",
        "mixed",
    ],
)
def test_a_task_without_a_known_lead_stays_in_its_section_and_place(items):
    parsed = parse_text(plan(items), BODIES)
    assert sections_of(plan(items)) == [("I.1.", "Cải cách thủ tục", items), AFTER]
    # nothing is put aside as context, and no two sections share a label
    assert [s.label for s in parsed.sections] == ["I.1.", "II.1."]
    assert [t.label for t in parsed.sections[0].tasks] == [
        f"1.{n}" for n in range(1, len(items) + 1)
    ]
    # the preview flags the tasks without a lead, and lists the bodies it does not know
    orphans = [t.text for s in parsed.sections if not s.bodies for t in s.tasks if not t.leads]
    assert orphans == [text for text, leads in items if not leads]
    unknown = {name for name, _kind in parsed.unknown_bodies}
    assert ("Sở Tài chính" in unknown) == (STC in items)
    assert ("Sở Y tế" in unknown) == (SYT in items)


def test_a_section_whose_every_lead_is_unknown_is_work_not_context():
    items = [STC, SYT]
    assert sections_of(plan(items)) == [("I.1.", "Cải cách thủ tục", items), AFTER]


def test_an_unknown_lead_is_not_replaced_by_the_sentence_introducing_the_items():
    text = HEAD + (
        "Chủ tịch UBND tỉnh yêu cầu Giám đốc các sở thực hiện các nội dung sau:\n"
        "1. Sở Tài chính chủ trì bố trí kinh phí.\n"
        "2. Tăng cường kỷ luật hành chính.\n"
    )
    parsed = parse_text(text, BODIES)
    leads = [t.leads for s in parsed.sections for t in s.tasks]
    assert leads == [[], ["VP", "SNV", "STP", "SXD"]]
    assert [name for name, _kind in parsed.unknown_bodies] == ["Sở Tài chính"]


def test_a_provision_of_no_one_s_work_in_a_working_section_is_no_task_and_no_section():
    # "Trong trường hợp cần thiết, UBND tỉnh ...": the issuer keeps a power for itself
    text = HEAD + (
        "Điều 3. Tổ chức thực hiện\n1. Sở Nội vụ tham mưu kiểm tra việc thực hiện.\n"
        "2. Trong trường hợp cần thiết, UBND tỉnh trực tiếp quyết định các nội dung.\n"
        "3. Sở Xây dựng chủ trì hướng dẫn cấp phép xây dựng.\n"
    )
    parsed = parse_text(text, BODIES)
    assert [s.label for s in parsed.sections] == ["Điều 3."]
    assert [(t.text[:12], t.leads) for t in parsed.sections[0].tasks] == [
        ("Sở Nội vụ th", ["SNV"]),
        ("Sở Xây dựng ", ["SXD"]),
    ]


def test_sections_keep_document_order_and_unique_labels():
    text = HEAD + (
        "I. CẢI CÁCH HÀNH CHÍNH\n"
        f"1. Thể chế\n- {STC[0]}\n- {SNV[0]}\n"
        f"2. Thủ tục\n- {SXD[0]}\n- {BARE[0]}\n"
        f"3. Bộ máy\n- {BARE_TWO[0]}\n- {SYT[0]}\n- {SNV[0]}\n"
    )
    parsed = parse_text(text, BODIES)
    assert [(s.label, len(s.tasks)) for s in parsed.sections] == [
        ("I.1.", 2),
        ("I.2.", 2),
        ("I.3.", 3),
    ]
    assert [t.text for s in parsed.sections for t in s.tasks] == [
        STC[0],
        SNV[0],
        SXD[0],
        BARE[0],
        BARE_TWO[0],
        SYT[0],
        SNV[0],
    ]
