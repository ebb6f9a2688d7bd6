"""Files to carry: the briefing as PPTX (16:9, charts as images from vl-convert) and the
office's spreadsheet as XLSX. No Streamlit here: the page and manage.py both call these."""

import io
from collections.abc import Callable
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.util import Emu, Inches, Pt

from catalogue import t
from render import charts, slides, spreadsheet
from render.fmt import fmt_datetime, timeliness_label
from services.core import validation
from services.read.briefing import Briefing, WorkbookData

Progress = Callable[[float, str], None]
FONT = "Arial"  # has Vietnamese glyphs on every office PC
RED = RGBColor(0xB7, 0x1C, 0x1C)
TONE_RGB = {
    "red": RGBColor(0xB0, 0x00, 0x20),
    "green": RGBColor(0x0B, 0x6B, 0x2B),
    "amber": RGBColor(0x8A, 0x5A, 0x00),
    "gray": RGBColor(0x55, 0x55, 0x55),
}


def _noop(_: float, __: str) -> None:
    return None


# --------------------------------------------------------------------------- PPTX
def build_pptx(b: Briefing, lang: str = "vi", progress: Progress = _noop) -> bytes:
    """The briefing's slides, one message each, 16:9: the page's slides (render.slides.deck),
    a long list continuing on following slides, each table within the slide."""
    deck = Presentation()
    deck.slide_width, deck.slide_height = Emu(12_192_000), Emu(6_858_000)  # 16:9 exactly
    blank = deck.slide_layouts[6]
    shown = slides.deck(b, lang)
    total = len(shown)
    for number, one in enumerate(shown, start=1):
        key, title, rows, headers = one.key, one.title, one.rows, one.headers
        figures, lines, tones = one.figures, one.lines, one.tones
        progress((number - 1) / total, key)
        slide = deck.slides.add_slide(blank)
        _textbox(
            slide,
            title,
            Inches(0.5),
            Inches(0.3),
            Inches(12.3),
            Inches(0.9),
            32,
            bold=True,
            color=RED,
        )
        meta = t(
            "br.meta", lang, day=b.as_of.strftime("%d/%m/%Y"), made=_made(b), n=number, total=total
        )
        _textbox(slide, meta, Inches(0.5), Inches(7.0), Inches(12.3), Inches(0.4), 12)
        top = Inches(1.3)
        if b.demo:
            _textbox(
                slide,
                t("br.demo", lang),
                Inches(0.5),
                top,
                Inches(12.3),
                Inches(0.4),
                14,
                bold=True,
                color=TONE_RGB["amber"],
            )
            top = Inches(1.75)
        if key == "sections":
            png = charts.to_png(charts.sections_for_slides(b, lang))
            slide.shapes.add_picture(
                io.BytesIO(png),
                Inches(0.5),
                top,
                width=Inches(12.3),
                height=Inches(7.0) - top - Inches(0.1),
            )
            continue
        if figures:
            width = Inches(12.3 / len(figures))
            for i, (fig, label, tone) in enumerate(figures):
                left = Inches(0.5) + Emu(width * i)
                _textbox(
                    slide, fig, left, top, width, Inches(1.3), 60, bold=True, color=TONE_RGB[tone]
                )
                _textbox(slide, label, left, top + Inches(1.3), width, Inches(0.6), 18)
            top += Inches(2.1)
        for line in lines:
            _textbox(slide, line, Inches(0.5), top, Inches(12.3), Inches(0.7), 18)
            top += Inches(0.75)
        if headers:
            _table(slide, headers, rows, tones, top)
    progress(1.0, "done")
    out = io.BytesIO()
    deck.save(out)
    return out.getvalue()


def _made(b: Briefing) -> str:
    return fmt_datetime(b.made_at)


def _textbox(slide, text, left, top, width, height, size, *, bold=False, color=None):
    box = slide.shapes.add_textbox(left, top, width, height)
    frame = box.text_frame
    frame.word_wrap = True
    run = frame.paragraphs[0].add_run()
    run.text = validation.clean(str(text))  # python-pptx refuses control characters
    run.font.name, run.font.size, run.font.bold = FONT, Pt(size), bold
    if color is not None:
        run.font.color.rgb = color
    return box


def _table(slide, headers, rows, tones, top) -> None:
    n_rows = len(rows) + 1
    height = min(Inches(7.0) - top, Inches(0.5) * n_rows)
    shape = slide.shapes.add_table(n_rows, len(headers), Inches(0.5), top, Inches(12.3), height)
    table = shape.table
    size = 16 if n_rows <= 9 else 13
    for c, text in enumerate(headers):
        _cell(table.cell(0, c), text, size, bold=True)
    for r, row in enumerate(rows, start=1):
        for c, value in enumerate(row):
            colour = TONE_RGB[tones[r - 1]] if tones else None
            _cell(table.cell(r, c), value, size, color=colour)


def _cell(cell, value, size, *, bold=False, color=None) -> None:
    cell.text = ""
    run = cell.text_frame.paragraphs[0].add_run()
    run.text = validation.clean(str(value))
    run.font.name, run.font.size, run.font.bold = FONT, Pt(size), bold
    if color is not None:
        run.font.color.rgb = color


# --------------------------------------------------------------------------- XLSX
HEADER_FILL = PatternFill("solid", fgColor="F2DCDB")
WRAP = Alignment(wrap_text=True, vertical="top")


def build_xlsx(w: WorkbookData, lang: str = "vi", progress: Progress = _noop) -> bytes:
    """Sheets Tổng hợp, Chi tiết and Chỉ tiêu, in the layout the provincial office files."""
    book = Workbook()
    progress(0.1, "summary")
    _summary_sheet(book.active, w, lang)
    progress(0.4, "detail")
    _detail_sheet(book.create_sheet(t("xl.sheet_detail", lang)), w, lang)
    progress(0.8, "targets")
    _targets_sheet(book.create_sheet(t("xl.sheet_targets", lang)), w, lang)
    out = io.BytesIO()
    book.save(out)
    progress(1.0, "done")
    return out.getvalue()


def _append(ws, values: list) -> None:
    """Every row goes through here (and every header cell through _put): text is written as
    text, never as a formula (services/spreadsheet.py); numbers and dates as they are."""
    ws.append([spreadsheet.cell_text(v) if isinstance(v, str) else v for v in values])
    for cell in ws[ws.max_row]:
        _as_text(cell)


def _put(cell, value) -> None:
    cell.value = spreadsheet.cell_text(value) if isinstance(value, str) else value
    _as_text(cell)


def _as_text(cell) -> None:
    if isinstance(cell.value, str):
        cell.data_type = "s"  # openpyxl made "=…" a formula
        if spreadsheet.is_formula_like(cell.value):
            cell.quotePrefix = True  # and Excel keeps it text when someone edits the cell


def _title(ws, w: WorkbookData, lang: str, title: str, width: int) -> int:
    _append(ws, [title])
    _append(ws, [w.directive_title])
    _append(
        ws,
        [
            t("xl.as_of", lang, day=w.as_of.strftime("%d/%m/%Y"))
            + (" · " + t("br.demo", lang) if w.demo else "")
        ],
    )
    for row in (1, 2, 3):
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=width)
    ws["A1"].font = Font(bold=True, size=14)
    return 4


def _header(ws, row: int, headers: list[str], widths: list[int]) -> None:
    for c, (text, width) in enumerate(zip(headers, widths, strict=True), start=1):
        cell = ws.cell(row=row, column=c)
        _put(cell, text)
        cell.font, cell.fill, cell.alignment = Font(bold=True), HEADER_FILL, WRAP
        ws.column_dimensions[get_column_letter(c)].width = width


def _summary_sheet(ws, w: WorkbookData, lang: str) -> None:
    ws.title = t("xl.sheet_summary", lang)
    headers = [
        t("col.section", lang),
        t("col.heading", lang),
        t("col.tasks", lang),
        t("col.assignments", lang),
        t("col.done", lang),
        t("col.overdue", lang),
        t("col.not_reported", lang),
        t("col.mean_percent", lang),
    ]
    row = _title(ws, w, lang, t("xl.summary_title", lang), len(headers))
    _header(ws, row, headers, [8, 60, 12, 12, 12, 12, 14, 16])
    ws.freeze_panes = f"A{row + 1}"  # a string: ws.cell() would add a row
    tasks = {}
    for r in w.rows:
        tasks.setdefault(r.section_ordinal, set()).add(r.task_id)
    for s, g in w.data.sections:
        _append(
            ws,
            [
                s.label,
                s.heading,
                len(tasks.get(s.ordinal, ())),
                g.assignments,
                g.done,
                g.by_timeliness["overdue"],
                g.by_timeliness["not_reported"],
                round(g.mean_percent, 1),
            ],
        )
    _append(ws, [])
    _append(ws, [t("xl.by_body", lang)])
    ws.cell(row=ws.max_row, column=1).font = Font(bold=True)
    _append(
        ws,
        [
            t("col.rank", lang),
            t("col.body", lang),
            t("col.health", lang),
            t("col.assignments", lang),
            t("col.done", lang),
            t("col.overdue", lang),
            t("col.not_reported", lang),
            t("col.mean_percent", lang),
        ],
    )
    for c in range(1, 9):
        ws.cell(row=ws.max_row, column=c).font = Font(bold=True)
    for s in w.data.scorecard:
        _append(
            ws,
            [
                s.rank,
                s.name,
                t(f"health.{s.health}", lang),
                s.assignments,
                s.done,
                s.overdue,
                s.not_reported,
                round(s.mean_percent, 1),
            ],
        )
    for line in ws.iter_rows(min_row=row + 1):
        for cell in line:
            cell.alignment = WRAP


def _detail_sheet(ws, w: WorkbookData, lang: str) -> None:
    headers = [
        t("xl.no", lang),
        t("col.task_text", lang),
        t("xl.lead", lang),
        t("xl.partners", lang),
        t("col.due", lang),
        t("col.status", lang),
        t("col.percent", lang),
        t("col.result", lang),
        t("xl.difficulties", lang),
        t("xl.evidence", lang),
    ]
    row = _title(ws, w, lang, t("xl.detail_title", lang), len(headers))
    _header(ws, row, headers, [7, 60, 28, 28, 12, 26, 10, 45, 45, 28])
    ws.freeze_panes = f"C{row + 1}"  # a string: ws.cell() would add a row
    for r in w.rows:
        report = w.reports.get(r.assignment_id)
        troubles = (
            "\n".join(x for x in [report.difficulties, report.proposals] if x) if report else ""
        )
        evidence = ""
        if report and (report.evidence_number or report.evidence_date):
            day = report.evidence_date.strftime("%d/%m/%Y") if report.evidence_date else ""
            evidence = " ".join(x for x in [report.evidence_number, day] if x)
        _append(
            ws,
            [
                r.task_label,
                r.task_text,
                r.organization_name,
                ", ".join(w.partners.get(r.task_id, [])),
                r.due_date,
                f"{t(f'status.{r.status}', lang)} · {timeliness_label(r.timeliness, lang)}",
                r.percent,
                report.result if report else "",
                troubles,
                evidence,
            ],
        )
        for cell in ws[ws.max_row]:
            cell.alignment = WRAP
        ws.cell(row=ws.max_row, column=5).number_format = "DD/MM/YYYY"


def _targets_sheet(ws, w: WorkbookData, lang: str) -> None:
    periods = w.targets.periods
    headers = [
        t("col.code", lang),
        t("col.target", lang),
        t("col.body", lang),
        t("xl.unit", lang),
        t("xl.kind", lang),
        t("xl.target_value", lang),
        *periods,
    ]
    row = _title(ws, w, lang, t("xl.targets_title", lang), len(headers))
    _header(ws, row, headers, [8, 55, 30, 8, 22, 12] + [10] * len(periods))
    ws.freeze_panes = f"D{row + 1}"  # a string: ws.cell() would add a row
    for item in w.targets.rows:
        _append(
            ws,
            [
                item["code"],
                item["name"],
                item["body"] or t("tgp.province", lang),
                item["unit"],
                t(f"tgk.{item['kind']}", lang),
                item["value"],
                *[item["figures"].get(p) for p in periods],
            ],
        )
        for cell in ws[ws.max_row][:3]:
            cell.alignment = WRAP


def write(path: Path, content: bytes) -> None:
    path.write_bytes(content)
