"""The periodic CCHC report against the seeded demo, on SQLite and PostgreSQL: the Word document
opened with python-docx says what the database and the overview say, for the current period
and an earlier one, for the province and for a body; it has the official form; a body's typed
text is quoted as text; bad input is refused with one sentence."""

import io
from collections.abc import Iterator
from datetime import UTC, date, datetime

import pytest
from docx import Document
from docx.enum.text import WD_COLOR_INDEX
from docx.oxml.ns import qn
from sqlalchemy import text
from sqlalchemy.engine import Engine
from sqlmodel import Session, func, select

from models import Assignment, Organization, ProgressReport, session_scope
from render import report_docx
from render.fmt import fmt_date, number, verdict_text
from services.core import clock, periods
from services.core.actor import SYSTEM
from services.core.errors import InvalidInput, NotFound, PermissionDenied
from services.read import periodic_report, screens
from services.read.snapshot import Filters
from services.reporting import reports as reporting
from services.reporting.reports import ReportInput
from tests.services.reporting_db import BACKENDS, actor, assignment_of, demo_database

HEADINGS = [
    "I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH",
    "II. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH",
    "1. Cải cách thể chế",
    "2. Cải cách thủ tục hành chính",
    "3. Cải cách tổ chức bộ máy hành chính nhà nước",
    "4. Cải cách chế độ công vụ",
    "5. Cải cách tài chính công",
    "6. Xây dựng và phát triển chính quyền điện tử, chính quyền số",
    "III. ĐÁNH GIÁ CHUNG",
    "IV. PHƯƠNG HƯỚNG, NHIỆM VỤ KỲ TỚI",
    "V. ĐỀ XUẤT, KIẾN NGHỊ",
]
TODAY = date(2026, 12, 3)  # any day after the demo's last period: the figures are frozen


@pytest.fixture(scope="module", params=BACKENDS)
def demo(request: pytest.FixtureRequest, tmp_path_factory) -> Iterator[Engine]:
    yield from demo_database(request.param, tmp_path_factory)


def make(engine: Engine, period: str, org: str | None = None, **kw):
    with session_scope(engine) as s:
        facts = periodic_report.build(
            s, actor=kw.pop("who", SYSTEM), period=period, organization_code=org, today=TODAY, **kw
        )
    return facts, Document(io.BytesIO(report_docx.build_docx(facts)))


def overview(engine: Engine, quarter: str, organization_id: int | None = None):
    with Session(engine) as s:
        directive_id = s.execute(text("SELECT MIN(id) FROM directive")).scalar_one()
        f = Filters(directive_id=directive_id, period=quarter, organization_id=organization_id)
        return screens.leadership_overview(s, f, today=TODAY)


def effective(run, paragraph, attribute: str):
    """A run's font name or size as Word resolves it: the run's own, else its paragraph
    style's or the styles that one is based on."""
    value = getattr(run.font, attribute)
    style = paragraph.style
    while value is None and style is not None:
        value = getattr(style.font, attribute)
        style = style.base_style
    return value


def rows(table) -> list[list[str]]:
    return [[c.text for c in r.cells] for r in table.rows]


def body_text(doc) -> list[str]:
    return [p.text for p in doc.paragraphs]


def quoted(engine: Engine, quarters: tuple[str, ...], org: str | None = None) -> list[str]:
    """Every bullet the report must quote: each assignment's latest report by the end of the
    period, when it was made for a quarter of the period, with its body's name and its
    evidence, read from the tables (not through the read model)."""
    cutoff = clock.end_of_day(periods.bounds(quarters[-1])[1])
    query = (
        select(Assignment.id, Organization.name, ProgressReport)
        .join(ProgressReport, ProgressReport.assignment_id == Assignment.id)
        .join(Organization, Organization.id == Assignment.organization_id)
        .where(ProgressReport.created_at <= cutoff)
        .order_by(ProgressReport.created_at, ProgressReport.id)
    )
    if org:
        query = query.where(Organization.code == org)
    latest: dict[int, tuple[str, ProgressReport]] = {}
    with Session(engine) as s:
        for aid, name, report in s.exec(query):
            latest[aid] = (name, report)  # later rows overwrite: the latest wins
    out = []
    for name, r in latest.values():
        if r.period not in quarters:
            continue
        line = f"- {name}: {r.result.strip() or '(không ghi kết quả)'}"
        if r.evidence_number.strip():
            evidence = f"văn bản số {r.evidence_number.strip()}"
            if r.evidence_date:
                evidence += f" ngày {fmt_date(r.evidence_date)}"
            line += f" ({evidence})"
        out.append(line)
    return out


@pytest.mark.parametrize(("period", "quarter"), [("2022-Q4", "2022-Q4"), ("2022-Q2", "2022-Q2")])
def test_the_provinces_report_says_what_the_overview_and_the_database_say(demo, period, quarter):
    facts, doc = make(demo, period)
    seen = overview(demo, quarter)
    assert facts.headline == seen.headline
    paragraphs = body_text(doc)
    # the outline, in order
    positions = [paragraphs.index(h) for h in HEADINGS]
    assert positions == sorted(positions)
    assert "BÁO CÁO" in paragraphs
    span = "quý IV năm 2022" if quarter.endswith("4") else "quý II năm 2022"
    assert f"Kết quả thực hiện công tác cải cách hành chính {span}" in paragraphs
    # every result quoted as the body wrote it, and nothing else quoted
    expected = quoted(demo, (quarter,))
    bullets = [p for p in paragraphs if p.startswith("- ") and ": " in p]
    for line in expected:
        assert line in paragraphs
    results = sum(len(t.results) for a in facts.areas for t in a.tasks) + sum(
        len(t.results) for t in facts.leadership.tasks
    )
    assert results == len(expected)
    # appendix I: one row per body, figures as the overview counts them, a total that adds up
    _, _, bodies, targets, overdue = doc.tables
    table = rows(bodies)
    by_name = {b.name: b for b in seen.scorecard}
    assert len(table) == 1 + len(seen.scorecard) + 1
    for row in table[1:-1]:
        score = by_name[row[1]]
        assert int(row[2]) == score.assignments
        assert int(row[6]) == score.overdue
        assert int(row[7]) == score.not_reported
        assert sum(int(x) for x in row[3:8]) == score.assignments
    total = table[-1]
    counts = seen.headline.by_timeliness
    assert total[1] == "Tổng cộng"
    assert int(total[2]) == seen.headline.assignments
    assert (int(total[3]), int(total[4]), int(total[6]), int(total[7])) == (
        counts["done_on_time"],
        counts["done_late"],
        counts["overdue"],
        counts["not_reported"],
    )
    assert int(total[5]) == counts["in_progress_on_time"] + counts["reported"]
    # part III says the same done as the tiles and this total: on time plus late
    on_time, late = counts["done_on_time"], counts["done_late"]
    assert any(
        p.startswith(f"{on_time + late} lượt nhiệm vụ đã hoàn thành ({on_time} lượt đúng hạn, ")
        for p in paragraphs
    )
    # appendix II: each target with the overview's verdict in words
    assert [(r[1], r[5]) for r in rows(targets)[1:]] == [
        (st.code, verdict_text(st.verdict)) for st in seen.targets
    ]
    # appendix III: the overview's overdue list
    assert [(r[1], r[3], r[5]) for r in rows(overdue)[1:]] == [
        (r.task_label, r.organization_name, str(days)) for r, days in seen.overdue
    ]
    # part V quotes every waiting proposal
    for p in seen.proposals:
        assert any(line.endswith(p.proposals) and p.organization_name in line for line in bullets)
    assert f"{seen.headline.bodies - seen.headline.bodies_not_reported}/" in "\n".join(paragraphs)


def test_the_form_is_the_decree_30_form(demo):
    _, doc = make(demo, "2022-Q4")
    first = doc.sections[0]
    assert (round(first.page_width.mm), round(first.page_height.mm)) == (210, 297)
    assert round(first.top_margin.mm) in range(20, 26) and round(first.bottom_margin.mm) in range(
        20, 26
    )
    assert round(first.left_margin.mm) in range(30, 36)
    assert round(first.right_margin.mm) in range(15, 21)
    # page numbers at the top, centred, not on page 1
    assert first.different_first_page_header_footer
    assert "PAGE" in first.header.paragraphs[0]._p.xml
    assert not first.first_page_header.paragraphs[0].text
    # every run of the body in Times New Roman 13-14 pt
    normal = doc.styles["Normal"]
    assert normal.font.name == "Times New Roman" and normal.font.size.pt == 14
    for p in doc.paragraphs:
        for run in (r for r in p.runs if r.text.strip()):
            assert effective(run, p, "name") == "Times New Roman", p.text
            assert effective(run, p, "size").pt in (13, 14), p.text
    for table in doc.tables[2:]:  # the appendices
        for row in table.rows:
            for cell in row.cells:
                for p in cell.paragraphs:
                    for run in p.runs:
                        assert effective(run, p, "size").pt == 13
    # the header: a borderless two-column table, the issuer beside the national title
    header = doc.tables[0]
    assert len(header.columns) == 2
    assert 'w:val="nil"' in header._tbl.tblPr.xml
    left, right = header.cell(0, 0).text, header.cell(0, 1).text
    assert "ỦY BAN NHÂN DÂN" in left and "TỈNH LAI CHÂU" in left
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in right and "Độc lập - Tự do - Hạnh phúc" in right
    assert header.cell(1, 0).text == "Số: …/BC-UBND"
    assert "ngày …" in header.cell(1, 1).text
    # the notes to the secretariat are highlighted; the demo says it is a demo
    notes = [
        p
        for p in doc.paragraphs
        if p.text.startswith("Ghi chú cho Văn phòng")
        and all(r.font.highlight_color == WD_COLOR_INDEX.YELLOW for r in p.runs)
    ]
    assert len(notes) >= 5
    assert any("DỮ LIỆU MINH HỌA" in p for p in body_text(doc))
    # properties in the schema's order (Word refuses a file otherwise; LibreOffice does not)
    body = doc.element.body
    for ppr in body.iter(qn("w:pPr")):
        names = [child.tag.split("}")[1] for child in ppr]
        if "pBdr" in names:
            later = [n for n in ("spacing", "ind", "jc") if n in names]
            assert all(names.index("pBdr") < names.index(n) for n in later), names
    for tblpr in body.iter(qn("w:tblPr")):
        names = [child.tag.split("}")[1] for child in tblpr]
        if "tblBorders" in names:
            assert names.index("tblBorders") < names.index("tblLayout"), names
        if "tblLook" in names:
            assert names[-1] == "tblLook", names
    # appendices on landscape A4
    last = doc.sections[-1]
    assert last.page_width > last.page_height and round(last.page_width.mm) == 297
    assert round(last.left_margin.mm) == 30


def test_a_bodys_report_holds_only_its_own_work(demo):
    facts, doc = make(demo, "2022-Q4", "stp")
    assert facts.organization_code == "STP"
    with Session(demo) as s:
        mine = s.execute(
            text(
                "SELECT COUNT(*) FROM assignment a JOIN organization o ON o.id = a.organization_id"
                " WHERE o.code = 'STP'"
            )
        ).scalar_one()
        stp_id = s.execute(text("SELECT id FROM organization WHERE code = 'STP'")).scalar_one()
    assert facts.headline.assignments == mine
    assert facts.headline == overview(demo, "2022-Q4", stp_id).headline
    paragraphs = body_text(doc)
    bullets = [p for p in paragraphs if p.startswith("- ") and ": " in p and "(" in p]
    assert bullets
    quotes = quoted(demo, ("2022-Q4",), "STP")
    for line in quotes:
        assert line in paragraphs
    others = [line for line in quoted(demo, ("2022-Q4",)) if not line.startswith("- Sở Tư pháp:")]
    assert not set(others) & set(paragraphs)
    assert doc.tables[0].cell(0, 0).text.split("\n")[:2] == ["UBND TỈNH LAI CHÂU", "SỞ TƯ PHÁP"]
    assert doc.tables[0].cell(1, 0).text == "Số: …/BC-STP"
    table = rows(doc.tables[2])
    assert [r[1] for r in table[1:]] == ["Sở Tư pháp", "Tổng cộng"]
    assert int(table[1][2]) == mine
    for p in facts.proposals:
        assert p.organization_code == "STP"


def test_a_half_year_and_a_year_quote_only_their_quarters(demo):
    facts, doc = make(demo, "2022-H1")
    assert facts.period.quarters == ("2022-Q1", "2022-Q2")
    assert facts.cutoff == date(2022, 6, 30)
    assert "6 tháng đầu năm 2022" in doc.paragraphs[-1].text or any(
        "6 tháng đầu năm 2022" in p for p in body_text(doc)
    )
    periods_quoted = {r.period for a in facts.areas for t in a.tasks for r in t.results}
    assert periods_quoted <= {"2022-Q1", "2022-Q2"} and periods_quoted
    assert facts.headline == overview(demo, "2022-Q2").headline
    year, _ = make(demo, "2022")
    assert year.cutoff == date(2022, 12, 31)
    assert year.headline == overview(demo, "2022-Q4").headline
    assert year.next_period.code == "2023"


def test_a_cut_off_day_freezes_the_figures_then(demo):
    early, _ = make(demo, "2022-Q4", cutoff=date(2022, 12, 14))
    late, _ = make(demo, "2022-Q4")
    assert early.cutoff == date(2022, 12, 14)
    with Session(demo) as s:
        made = s.exec(
            select(func.count()).where(
                ProgressReport.period == "2022-Q4",
                ProgressReport.created_at <= clock.end_of_day(date(2022, 12, 14)),
            )
        ).one()
    assert early.leadership.reports == made
    assert early.leadership.reports < late.leadership.reports


def test_typed_text_is_quoted_as_text(demo):
    hostile = (
        'ZQ <b>đậm</b> **in đậm** =SUM(A1:A9) {PAGE} <w:fldSimple w:instr="PAGE"/> '
        '[link](http://127.0.0.1:9/x) & "quoted"\x07 end'
    )
    assignment_id, version = assignment_of(demo, "STP")
    with session_scope(demo) as s:
        reporting.submit_report(
            s,
            actor=actor(demo, "stp"),
            assignment_id=assignment_id,
            expected_version=version,
            data=ReportInput(
                period="2022-Q4",
                status="in_progress",
                percent=40,
                result=hostile,
                difficulties="ZQ khó <i>khăn</i>",
                proposals="ZQ =1+1 đề nghị",
                evidence_number="ZQ/<BC>",
            ),
            now=datetime(2022, 12, 30, 3, 0, tzinfo=UTC),  # inside the quarter, after the demo's
        )
    _, doc = make(demo, "2022-Q4", "STP")
    stored = hostile.replace("\x07", "")
    lines = [p for p in body_text(doc) if "ZQ <b>" in p]
    assert lines == [f"- Sở Tư pháp: {stored} (văn bản số ZQ/<BC>)"]
    assert any(p.endswith("ZQ =1+1 đề nghị") for p in body_text(doc))
    # the document holds no field but the page number, nothing bold came of the <b>
    xml = doc.element.xml
    assert "fldSimple" not in xml.replace("&lt;w:fldSimple", "")
    paragraph = next(p for p in doc.paragraphs if "ZQ <b>" in p.text)
    assert [r.bold for r in paragraph.runs if "ZQ <b>" in r.text] == [None]  # plain, as Normal


def test_bad_input_is_refused_with_one_sentence(demo):
    stp = actor(demo, "stp")
    cases = [
        (dict(period="2027-Q1"), InvalidInput, "err.report_period_future"),
        (dict(period="2022-Q5"), InvalidInput, "err.report_period_format"),
        (dict(period="2022-H3"), InvalidInput, "err.report_period_format"),
        (dict(period="2022-Q4", organization_code="XYZ"), NotFound, "err.report_no_body"),
        (dict(period="2022-Q4", directive_id=999), NotFound, "cli.export_no_directive"),
        (
            dict(period="2022-Q4", cutoff=date(2023, 1, 5)),
            InvalidInput,
            "err.report_cutoff_outside",
        ),
    ]
    with session_scope(demo) as s:
        for kw, kind, code in cases:
            with pytest.raises(kind) as err:
                periodic_report.build(s, actor=SYSTEM, today=TODAY, **kw)
            assert err.value.code == code
        # a body: its own report only, not the province's nor another body's
        for org in (None, "SNV"):
            with pytest.raises(PermissionDenied):
                periodic_report.build(
                    s, actor=stp, period="2022-Q4", organization_code=org, today=TODAY
                )
        offer = periodic_report.choices(s, actor=stp, today=TODAY)
        assert [code for code, _ in offer.bodies] == ["STP"]
        everyone = periodic_report.choices(s, actor=actor(demo, "xem"), today=TODAY)
        assert everyone.bodies[0] == (None, "") and len(everyone.bodies) > 20
        assert everyone.quarters[0] == "2022-Q4" and "2022-H2" in everyone.halves
        assert "2022" in everyone.years


def test_figures_are_written_for_the_reader(demo):
    facts, doc = make(demo, "2022-Q4")
    table = rows(doc.tables[2])
    for row, line in zip(table[1:-1], facts.bodies, strict=True):
        assert row[8] == number(round(line.reporting_rate, 1))
