"""The PPTX and XLSX a secretary carries to the meeting: every figure and row count checked
against the database, today and as it stood on an earlier day (SQLite and PostgreSQL)."""

import io
import os
import subprocess
import sys
from datetime import date

import pytest
from openpyxl import load_workbook
from pptx import Presentation
from pptx.util import Inches, Pt
from sqlalchemy import text
from sqlmodel import Session, select

from models import Directive
from render import exports, slides
from services.core import clock
from services.read import briefing, snapshot
from tests.conftest import ROOT

TODAY = date(2026, 11, 29)
EARLIER = date(2022, 6, 30)

LATEST = """
WITH ranked AS (
  SELECT r.*, ROW_NUMBER() OVER (PARTITION BY r.assignment_id
                                 ORDER BY r.created_at DESC, r.id DESC) AS rn
  FROM progressreport r WHERE r.created_at <= :cutoff)
SELECT a.id, COALESCE(k.status, 'not_started') AS status, COALESCE(k.percent, 0) AS percent,
       a.role, COALESCE(a.due_date_override, t.due_date) AS due
FROM assignment a JOIN task t ON t.id = a.task_id
LEFT JOIN ranked k ON k.assignment_id = a.id AND k.rn = 1
WHERE (a.held_from IS NULL OR a.held_from <= :day) AND (a.held_until IS NULL OR a.held_until > :day)
"""
# the demo's Sở GTVT (13 lead assignments) joined Sở Xây dựng on this day
MERGED_ON = date(2022, 10, 1)


def state_by_sql(s: Session, day: date) -> list:
    """Each assignment held on `day`, with its latest report by the end of it."""
    cutoff = clock.end_of_day(day)
    return s.execute(text(LATEST), {"cutoff": cutoff, "day": day}).all()


def overdue_by_sql(rows, day: date) -> int:
    return sum(
        1
        for r in rows
        if r.status != "done" and r.due is not None and date.fromisoformat(str(r.due)[:10]) < day
    )


@pytest.fixture
def ctx(seeded):
    with Session(seeded) as s:
        directive = s.exec(select(Directive)).one()
        yield s, directive.id


@pytest.mark.parametrize("day", [date(2022, 12, 31), EARLIER])
def test_xlsx_matches_the_database(ctx, day):
    s, directive_id = ctx
    f = snapshot.frozen(directive_id, day)
    book = load_workbook(io.BytesIO(exports.build_xlsx(briefing.workbook(s, f, today=TODAY))))
    assert book.sheetnames == ["Tổng hợp", "Chi tiết", "Chỉ tiêu"]
    truth = state_by_sql(s, day)
    leads = {r.id: r for r in truth if r.role == "lead"}

    detail = book["Chi tiết"]
    header_row = 4
    assert detail.cell(header_row, 1).value == "STT"
    assert [c.value for c in detail[header_row]][:4] == [
        "STT",
        "Nội dung nhiệm vụ",
        "Cơ quan chủ trì",
        "Cơ quan phối hợp",
    ]
    assert detail.freeze_panes == f"C{header_row + 1}"
    rows = list(detail.iter_rows(min_row=header_row + 1, values_only=True))
    assert len(rows) == len(leads) == (391 - 13 if day >= MERGED_ON else 391)
    assert sorted(r[6] for r in rows) == sorted(r.percent for r in leads.values())
    due_cells = [detail.cell(header_row + 1 + i, 5) for i in range(len(rows))]
    assert any(c.value is not None and c.is_date for c in due_cells)
    assert f"{day:%d/%m/%Y}" in detail["A3"].value

    summary = book["Tổng hợp"]
    section_rows = list(
        summary.iter_rows(min_row=header_row + 1, max_row=header_row + 8, values_only=True)
    )
    assert [r[0] for r in section_rows] == [f"{i}." for i in range(1, 9)]
    assert sum(r[3] for r in section_rows) == len(truth)
    assert sum(r[5] for r in section_rows) == overdue_by_sql(truth, day)

    targets = book["Chỉ tiêu"]
    cutoff = clock.end_of_day(day)
    per_body = s.execute(
        text(
            "SELECT COUNT(DISTINCT m.target_id || '-' || COALESCE(m.organization_id, 0)) "
            "FROM measurement m WHERE m.created_at <= :c"
        ),
        {"c": cutoff},
    ).scalar_one()
    target_rows = [r for r in targets.iter_rows(min_row=header_row + 1, values_only=True) if r[0]]
    without = s.execute(
        text(
            "SELECT COUNT(*) FROM target t WHERE NOT EXISTS (SELECT 1 FROM measurement m WHERE "
            "m.target_id = t.id AND m.created_at <= :c)"
        ),
        {"c": cutoff},
    ).scalar_one()
    assert len(target_rows) == per_body + without


def _rows_of(deck, title: str) -> list[list[str]]:
    """The table rows (header left out) of the slides titled `title` or "`title` (tiếp theo)",
    in order."""
    out = []
    for slide in deck.slides:
        texts = [sh.text_frame.text for sh in slide.shapes if sh.has_text_frame]
        if title in texts or f"{title} (tiếp theo)" in texts:
            for sh in slide.shapes:
                if sh.has_table:
                    t = sh.table
                    out += [
                        [t.cell(r, c).text for c in range(len(t.columns))]
                        for r in range(1, len(t.rows))
                    ]
    return out


def _drawn_height(shape) -> int:
    """The table's height as PowerPoint draws it: a row grows to the lines its longest cell
    wraps to (Arial at the cell's size, half an em a character on average), and never less
    than the row height written in the file."""
    table = shape.table
    total = 0
    for r, row in enumerate(table.rows):
        lines = 1
        for c, column in enumerate(table.columns):
            cell = table.cell(r, c)
            runs = [run for p in cell.text_frame.paragraphs for run in p.runs]
            size = runs[0].font.size if runs else Pt(16)
            per_line = max(1, int((column.width - Inches(0.2)) / (size * 0.5)))
            lines = max(lines, -(-len(cell.text) // per_line))
        total += max(row.height, int(lines * size * 1.2 + Inches(0.1)))
    return total


@pytest.mark.parametrize("day", [date(2022, 12, 31), EARLIER])
def test_pptx_matches_the_database(ctx, day):
    s, directive_id = ctx
    f = snapshot.frozen(directive_id, day)
    b = briefing.build(s, f, section=1, today=TODAY)
    deck = Presentation(io.BytesIO(exports.build_pptx(b)))
    shown = slides.deck(b, "vi")
    assert len(deck.slides) == len(shown)  # the page's slides, as many as the lists need
    assert len(deck.slides) > len(briefing.SLIDES)  # the demo's lists need more than one
    assert deck.slide_width * 9 == deck.slide_height * 16  # 16:9
    texts = [
        [sh.text_frame.text for sh in slide.shapes if sh.has_text_frame] for slide in deck.slides
    ]
    for number, slide_texts in enumerate(texts, start=1):
        assert any(f"{day:%d/%m/%Y}" in x for x in slide_texts)
        assert any(x.endswith(f"{number}/{len(shown)}") for x in slide_texts)
        assert any("DỮ LIỆU MINH HỌA" in x for x in slide_texts)
    # every table within the slide, above the footer line, as drawn; no more rows than fit
    for number, slide in enumerate(deck.slides, start=1):
        footer = min(sh.top for sh in slide.shapes if sh.has_text_frame and sh.top > Inches(6))
        for sh in slide.shapes:
            if sh.has_table:
                assert sh.top + sh.height <= deck.slide_height, number
                assert sh.top + _drawn_height(sh) <= footer, (number, _drawn_height(sh))
                assert len(sh.table.rows) - 1 <= max(slides.ROWS.values()), number
    truth = state_by_sql(s, day)
    overall = texts[0]
    mean = sum(r.percent for r in truth) / len(truth)
    assert f"{mean:.0f}%" in overall
    assert str(overdue_by_sql(truth, day)) in overall
    assert any(sh.shape_type == 13 for sh in deck.slides[1].shapes)  # the chart, a picture
    # whole lists across their slides, none cut: the targets, the overdue, the proposals
    codes = [row[0] for row in _rows_of(deck, "Các chỉ tiêu của Chỉ thị")]
    assert codes == [c for (c,) in s.execute(text("SELECT code FROM target ORDER BY code"))]
    every = [x for slide_texts in texts for x in slide_texts]
    overdue_title = next(x for x in every if x.startswith("Quá hạn: "))
    overdue_rows = _rows_of(deck, overdue_title)
    assert len(overdue_rows) == overdue_by_sql(truth, day)
    waiting = s.execute(
        text(
            "SELECT COUNT(*) FROM progressreport r WHERE r.proposals <> '' AND r.created_at <= :c "
            "AND NOT EXISTS (SELECT 1 FROM direction d WHERE d.report_id = r.id AND "
            "d.created_at <= :c)"
        ),
        {"c": clock.end_of_day(day)},
    ).scalar_one()
    proposals_title = f"Kiến nghị chờ chỉ đạo: {waiting}"
    assert proposals_title in every
    proposal_rows = _rows_of(deck, proposals_title)
    assert len(proposal_rows) == waiting
    days = [int(row[3]) for row in proposal_rows]
    assert days == sorted(days, reverse=True)  # the oldest first, across the slides
    if waiting > slides.ROWS["proposals"]:
        assert f"{proposals_title} (tiếp theo)" in every
    bodies = _rows_of(deck, "Các đơn vị chậm nhất")
    assert [int(row[0]) for row in bodies] == list(range(1, len(bodies) + 1))  # every rank


def test_manage_export_writes_both_files(seeded, tmp_path, db_url):
    env = {**os.environ, "DATABASE_URL": db_url, "PYTHONPATH": str(ROOT)}
    for fmt in ("pptx", "xlsx"):
        out = tmp_path / f"x.{fmt}"
        done = subprocess.run(
            [
                sys.executable,
                str(ROOT / "manage.py"),
                "export",
                "--format",
                fmt,
                "--out",
                str(out),
                "--as-of",
                "30/06/2022",
            ],
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
            cwd=ROOT,
        )
        assert done.returncode == 0, done.stderr
        assert out.stat().st_size > 10_000 and "100%" in done.stderr
    bad = subprocess.run(
        [
            sys.executable,
            str(ROOT / "manage.py"),
            "export",
            "--format",
            "xlsx",
            "--out",
            str(tmp_path / "y.xlsx"),
            "--as-of",
            "31/02/2022",
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        cwd=ROOT,
    )
    assert bad.returncode == 2 and "không hợp lệ" in bad.stderr
    assert not (tmp_path / "y.xlsx").exists()
