"""The periodic CCHC report as an editable Word document, laid out as Decree 30/2020/NĐ-CP
lays out an administrative document: A4, Times New Roman 13–14 pt, margins 20 mm top and
bottom, 30 mm left, 15 mm right; the issuing body beside the national title in a borderless
two-column table; "Số: …/BC-…" and the place and date left for the secretariat; page numbers
centred at the top from page 2; the appendices as Word tables on landscape pages.

What a body typed (results, evidence, difficulties, proposals) goes in as the text of a run:
python-docx escapes it for XML, nothing reads it as markup or a field. Every paragraph the
system wrote as an assessment is marked with a highlighted note, so that nothing generated
passes as a leader's judgement. No Streamlit: the page and manage.py both call `build_docx`.
"""

import io
from collections.abc import Iterable

from docx import Document
from docx.document import Document as DocumentObject
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_COLOR_INDEX
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

from catalogue import t
from render.fmt import fmt_date, number, shorten, verdict_text
from services.core import validation
from services.read.periodic_report import AreaSection, PeriodicReport, ReportPeriod, report_period

FONT = "Times New Roman"
# paragraph styles this module adds (names as Word's style list shows them)
STYLE_NAMES = {  # id -> the name Word's style list shows
    "CchcCell": "CCHC Ô bảng",
    "CchcCellLeft": "CCHC Ô bảng trái",
    "CchcCentre": "CCHC Giữa",
    "CchcPart": "CCHC Phần",
    "CchcHeading": "CCHC Mục",
}
CELL, CELL_LEFT, CENTRE, PART, HEADING = STYLE_NAMES
BODY_PT = 14
HEADER_PT = 13
TABLE_PT = 13
NOTE = WD_COLOR_INDEX.YELLOW
ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}
HALF_KEYS = {1: "pr.span_half1", 2: "pr.span_half2"}
TASK_TEXT_LIMIT = 220  # the directive's task text in lists; the bodies' words are never cut
KINDS_WITH_COMMITTEE = ("district", "commune", "special_zone")


def span_text(r: PeriodicReport, lang: str = "vi") -> str:
    """ "quý IV năm 2022", "6 tháng đầu năm 2022", "năm 2022"."""
    return period_words(r.period, lang)


def period_words(p: ReportPeriod, lang: str = "vi") -> str:
    if p.kind == "quarter":
        return t("pr.span_quarter", lang, roman=ROMAN[p.number or 1], year=p.year)
    if p.kind == "half":
        return t(HALF_KEYS[p.number or 1], lang, year=p.year)
    return t("pr.span_year", lang, year=p.year)


def title_text(r: PeriodicReport, lang: str = "vi") -> str:
    return t("pr.subtitle", lang, span=span_text(r, lang))


def number_sign(r: PeriodicReport) -> str:
    """The report's sign after "BC-": UBND for the province and a local committee, else the
    body's code (BC-STP)."""
    if r.organization_code is None or r.organization_kind in KINDS_WITH_COMMITTEE:
        return "UBND"
    return r.organization_code


def who_text(r: PeriodicReport, lang: str = "vi") -> str:
    return r.organization_name or t("pr.province_in_text", lang)


def build_docx(r: PeriodicReport, lang: str = "vi") -> bytes:
    doc = Document()
    props = doc.core_properties
    props.author = props.last_modified_by = ""  # the secretariat's, not the library's
    props.title = f"{t('pr.title', lang)} {title_text(r, lang)}"
    props.comments = ""
    _page_setup(doc)
    _header(doc, r, lang)
    if r.demo:
        banner = _para(doc, t("pr.demo", lang), bold=True, style=CENTRE, note=True)
        banner.paragraph_format.space_before = Pt(8)
    _title(doc, r, lang)
    _part_one(doc, r, lang)
    _part_two(doc, r, lang)
    _part_three(doc, r, lang)
    _part_four(doc, r, lang)
    _part_five(doc, r, lang)
    _para(doc, t("pr.closing", lang, span=span_text(r, lang), who=who_text(r, lang)))
    _signature(doc, r, lang)
    _appendices(doc, r, lang)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


# --------------------------------------------------------------------------- the page
def _page_setup(doc: DocumentObject) -> None:
    """Normal is the body paragraph (Times New Roman 14, justified, first line indented); the
    other paragraphs take one of the styles below. Formatting by style, not run by run, keeps
    the file small and the build fast (python-docx spends its time inserting run properties)."""
    normal = doc.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(BODY_PT)
    _all_scripts(normal.element.get_or_add_rPr())
    fmt = normal.paragraph_format
    fmt.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    fmt.first_line_indent = Mm(12.7)
    fmt.space_after, fmt.space_before = Pt(6), Pt(0)
    fmt.line_spacing = 1.1
    _style(doc, CELL, size=TABLE_PT, align="center", indent=False, after=0)
    _style(doc, CELL_LEFT, size=TABLE_PT, align="left", indent=False, after=0)
    _style(doc, CENTRE, align="center", indent=False)
    _style(doc, PART, bold=True, indent=False, before=6, keep=True)
    _style(doc, HEADING, bold=True, before=3, keep=True)
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    _margins(section)
    section.different_first_page_header_footer = True  # no number on page 1
    _page_number(section.header.paragraphs[0])


def _all_scripts(rpr) -> None:  # type: ignore[no-untyped-def]
    """Times New Roman for Latin, complex and East Asian text alike (Vietnamese is Latin)."""
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), FONT)


def _style(
    doc: DocumentObject,
    name: str,
    *,
    size: float | None = None,
    bold: bool = False,
    align: str | None = None,
    indent: bool = True,
    before: float | None = None,
    after: float | None = None,
    keep: bool = False,
) -> None:
    style = doc.styles.add_style(STYLE_NAMES[name], WD_STYLE_TYPE.PARAGRAPH)
    style.style_id = name
    style.base_style = doc.styles["Normal"]
    if size:
        style.font.size = Pt(size)
    if bold:
        style.font.bold = True
    fmt = style.paragraph_format
    if align:
        fmt.alignment = _ALIGN[align]
    if not indent:
        fmt.first_line_indent = Mm(0)
    if before is not None:
        fmt.space_before = Pt(before)
    if after is not None:
        fmt.space_after = Pt(after)
    if keep:
        fmt.keep_with_next = True


def _margins(section) -> None:  # type: ignore[no-untyped-def]
    section.top_margin, section.bottom_margin = Mm(20), Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    section.header_distance = Mm(10)
    section.footer_distance = Mm(10)


def _page_number(paragraph: Paragraph) -> None:
    """A PAGE field, centred: Word and LibreOffice fill in the number."""
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = paragraph.add_run()
    _font(run, HEADER_PT)
    for kind, text in (("begin", None), (None, "PAGE"), ("separate", None), (None, "2")):
        if kind:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
        elif text == "PAGE":
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = " PAGE "
        else:
            el = OxmlElement("w:t")
            el.text = text
        run._r.append(el)
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    run._r.append(end)


# --------------------------------------------------------------------------- text helpers
def _clean(text: object) -> str:
    """Stored text as Word may hold it (no control characters: XML refuses them), keeping the
    space that joins it to the next run."""
    raw = str(text if text is not None else "")
    cleaned = validation.clean(raw)
    lead = " " if raw[:1].isspace() and cleaned else ""
    tail = " " if raw[-1:].isspace() and cleaned else ""
    return f"{lead}{cleaned}{tail}"


def _font(run, size: float | None = None, *, bold: bool = False, italic: bool = False) -> None:  # type: ignore[no-untyped-def]
    """What differs from the paragraph's style: its size, bold, italic."""
    if size is not None:
        run.font.size = Pt(size)
    if bold:
        run.bold = True
    if italic:
        run.italic = True


_ALIGN = {
    "center": WD_ALIGN_PARAGRAPH.CENTER,
    "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
    "left": WD_ALIGN_PARAGRAPH.LEFT,
    "right": WD_ALIGN_PARAGRAPH.RIGHT,
}


def _para(
    container,  # type: ignore[no-untyped-def]
    text: str = "",
    *,
    style: str | None = None,
    size: float | None = None,
    bold: bool = False,
    italic: bool = False,
    note: bool = False,
    space_after: float | None = None,
) -> Paragraph:
    """A paragraph: Normal (justified, indented) unless `style` says otherwise."""
    p = container.add_paragraph()
    if style:
        _set_style(p, style)
    if space_after is not None:
        p.paragraph_format.space_after = Pt(space_after)
    if text:
        run = p.add_run(_clean(text))
        _font(run, size, bold=bold, italic=italic)
        if note:
            run.font.highlight_color = NOTE
    return p


def _set_style(p: Paragraph, style_id: str) -> None:
    """By id: python-docx's `p.style = name` searches every style of the document each time."""
    p._p.get_or_add_pPr().style = style_id


def _runs(p: Paragraph, pieces: Iterable[tuple[str, bool, bool]]) -> None:
    for text, bold, italic in pieces:
        if text:
            _font(p.add_run(_clean(text)), bold=bold, italic=italic)


def _note(doc: DocumentObject, key: str, lang: str) -> None:
    """A highlighted note to the secretariat: what it must rewrite before signing."""
    _para(doc, t("pr.note", lang, text=t(key, lang)), italic=True, note=True)


def _heading(doc: DocumentObject, text: str, *, level: int = 1) -> Paragraph:
    return _para(doc, text, style=PART if level == 1 else HEADING)


def _bullet(doc: DocumentObject, pieces: Iterable[tuple[str, bool, bool]]) -> Paragraph:
    p = _para(doc)
    _runs(p, [("- ", False, False), *pieces])
    return p


def _plain_bullet(doc: DocumentObject, text: str) -> Paragraph:
    return _bullet(doc, [(text, False, False)])


def _led_bullet(doc: DocumentObject, lead: str, text: str) -> Paragraph:
    """A bullet whose bold lead-in (who, on which task) comes before what they wrote."""
    return _bullet(doc, [(lead, True, False), (text, False, False)])


def _short_line(p: Paragraph, left_mm: float, right_mm: float) -> None:
    """A rule under a line of the header, as long as the indents leave it (a bottom border)."""
    fmt = p.paragraph_format
    fmt.left_indent, fmt.right_indent = Mm(left_mm), Mm(right_mm)
    ppr = p._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "auto")):
        bottom.set(qn(key), value)
    borders.append(bottom)
    ppr.insert_element_before(borders, *_AFTER_PBDR)  # Word insists on the schema's order


# --------------------------------------------------------------------------- the header
# What follows w:pBdr in w:pPr and w:tblBorders in w:tblPr (ECMA-376): Word refuses a file
# whose properties are out of order, where LibreOffice would not notice.
_AFTER_PBDR = (
    "w:shd",
    "w:tabs",
    "w:suppressAutoHyphens",
    "w:kinsoku",
    "w:wordWrap",
    "w:overflowPunct",
    "w:topLinePunct",
    "w:autoSpaceDE",
    "w:autoSpaceDN",
    "w:bidi",
    "w:adjustRightInd",
    "w:snapToGrid",
    "w:spacing",
    "w:ind",
    "w:contextualSpacing",
    "w:mirrorIndents",
    "w:suppressOverlap",
    "w:jc",
    "w:textDirection",
    "w:textAlignment",
    "w:textboxTightWrap",
    "w:outlineLvl",
    "w:divId",
    "w:cnfStyle",
    "w:rPr",
    "w:sectPr",
    "w:pPrChange",
)
_AFTER_TBLBORDERS = (
    "w:shd",
    "w:tblLayout",
    "w:tblCellMar",
    "w:tblLook",
    "w:tblCaption",
    "w:tblDescription",
    "w:tblPrChange",
)


def _widths(table: Table, widths_mm: list[float]) -> None:
    """Column widths Word and LibreOffice both keep: the grid, every cell, a fixed layout."""
    grid = table._tbl.tblGrid
    for col, width in zip(grid.findall(qn("w:gridCol")), widths_mm, strict=True):
        col.set(qn("w:w"), str(int(Mm(width).twips)))
    for row in table.rows:
        for cell, width in zip(row.cells, widths_mm, strict=True):
            cell.width = Mm(width)
    tbl_pr = table._tbl.tblPr
    tbl_pr.get_or_add_tblLayout().set(qn("w:type"), "fixed")


def _no_borders(table: Table) -> None:
    tbl_pr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{edge}")
        el.set(qn("w:val"), "nil")
        borders.append(el)
    tbl_pr.insert_element_before(borders, *_AFTER_TBLBORDERS)


def _cell_para(  # type: ignore[no-untyped-def]
    cell: _Cell,
    text: str,
    *,
    size: float | None = None,
    bold: bool = False,
    italic: bool = False,
    left: bool = False,
):
    """A paragraph in a table cell (the cell's first, empty one first)."""
    first = cell.paragraphs[0]
    p = first if not first.runs and not first.text else cell.add_paragraph()
    _set_style(p, CELL_LEFT if left else CELL)
    if text:
        _font(p.add_run(_clean(text)), size, bold=bold, italic=italic)
    return p


def _issuer_lines(r: PeriodicReport, lang: str) -> tuple[str, str]:
    """(the body above, not bold; the issuing body, bold), as the header writes them."""
    if r.organization_name is None:
        return "", f"{t('pr.province_committee', lang)}\n{t('pr.province_name', lang)}"
    name = r.organization_name.upper()
    if r.organization_kind in KINDS_WITH_COMMITTEE:
        return "", f"{t('pr.district_committee', lang)}\n{name}"
    if r.organization_kind == "external":
        return "", name
    return t("pr.province_short", lang), name


def _header(doc: DocumentObject, r: PeriodicReport, lang: str) -> None:
    table = doc.add_table(rows=2, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    _no_borders(table)
    _widths(table, [62, 108])
    above, issuer = _issuer_lines(r, lang)
    left, right = table.cell(0, 0), table.cell(0, 1)
    if above:
        _cell_para(left, above)
    for line in issuer.split("\n"):
        _cell_para(left, line, bold=True)
    _short_line(_cell_para(left, "", size=4), 18, 18)
    _cell_para(right, t("pr.nation", lang), size=HEADER_PT - 1, bold=True)
    _cell_para(right, t("pr.motto", lang), size=BODY_PT, bold=True)
    _short_line(_cell_para(right, "", size=4), 25, 25)
    sign = t("pr.number", lang, sign=number_sign(r))
    number_line = _cell_para(table.cell(1, 0), sign)
    place = _cell_para(table.cell(1, 1), t("pr.place_date", lang), size=BODY_PT, italic=True)
    for p in (number_line, place):
        p.paragraph_format.space_before = Pt(4)


def _title(doc: DocumentObject, r: PeriodicReport, lang: str) -> None:
    p = _para(doc, t("pr.title", lang), bold=True, style=CENTRE, space_after=0)
    p.paragraph_format.space_before = Pt(12)
    _para(doc, title_text(r, lang), bold=True, style=CENTRE, space_after=0)
    _short_line(_para(doc, "", size=4, style=CENTRE, space_after=6), 60, 60)
    to = "pr.to_ministry" if r.organization_code is None else "pr.to_province"
    _para(doc, t(to, lang), style=CENTRE)
    directive = " ".join(
        x
        for x in (
            r.directive_kind,
            f"số {r.directive_number}" if r.directive_number else "",
            f"ngày {fmt_date(r.directive_issued)}" if r.directive_issued else "",
            r.directive_title[:1].lower() + r.directive_title[1:],
        )
        if x
    )
    _para(
        doc,
        t(
            "pr.opening",
            lang,
            directive=directive,
            who=who_text(r, lang),
            span=span_text(r, lang),
            cutoff=fmt_date(r.cutoff),
        ),
    )
    _note(doc, "pr.note_opening", lang)


# --------------------------------------------------------------------------- parts I–V
def _part_one(doc: DocumentObject, r: PeriodicReport, lang: str) -> None:
    lead = r.leadership
    _heading(doc, t("pr.h1", lang))
    _heading(doc, t("pr.h1_plans", lang), level=2)
    _para(doc, t("pr.plans", lang, reports=lead.reports, docs=lead.documents))
    _heading(doc, t("pr.h1_inspection", lang), level=2)
    if lead.targets:
        for line in lead.targets:
            _plain_bullet(
                doc,
                t(
                    "pr.target_line",
                    lang,
                    code=line.code,
                    name=line.name,
                    verdict=verdict_text(line.verdict, lang),
                ),
            )
    else:
        _para(doc, t("pr.no_inspection_target", lang))
    _heading(doc, t("pr.h1_tasks", lang), level=2)
    _note(doc, "pr.note_results", lang)
    for task in lead.tasks:
        _task(doc, task, lang)
    _heading(doc, t("pr.h1_reporting", lang), level=2)
    quarter = period_words(report_period(r.period.quarters[-1]), lang)
    _para(
        doc,
        t(
            "pr.reporting",
            lang,
            reported=lead.bodies_reported,
            bodies=lead.bodies,
            quarter=quarter,
            assignments=lead.assignments_reported,
            total=r.headline.assignments,
            rate=number(
                round(100 * lead.assignments_reported / r.headline.assignments, 1)
                if r.headline.assignments
                else 0.0,
                lang,
            ),
        ),
    )


def _task(doc: DocumentObject, task, lang: str) -> None:  # type: ignore[no-untyped-def]
    p = _para(doc)
    p.paragraph_format.keep_with_next = True
    _runs(
        p,
        [
            (t("pr.task_heading", lang, label=task.label, text=""), True, True),
            (shorten(task.text, TASK_TEXT_LIMIT), False, True),
        ],
    )
    _para(
        doc,
        t(
            "pr.task_done"
            if task.done or task.due_date or task.cadence == "once"
            else "pr.task_summary",
            lang,
            reported=len(task.results),
            assignments=task.assignments,
            done=task.done,
        ),
    )
    for res in task.results:
        pieces: list[tuple[str, bool, bool]] = [
            (f"{res.organization_name}: ", True, False),
            (res.result.strip() or t("pr.result_none", lang), False, False),
        ]
        if res.evidence_number.strip():
            evidence = t("pr.evidence", lang, number=res.evidence_number.strip())
            if res.evidence_date:
                evidence += " " + t("pr.evidence_date", lang, day=fmt_date(res.evidence_date))
            pieces.append((f" ({evidence})", False, True))
        _bullet(doc, pieces)
    if task.silent:
        _para(doc, t("pr.silent", lang, names=", ".join(task.silent)), italic=True)


def _part_two(doc: DocumentObject, r: PeriodicReport, lang: str) -> None:
    _heading(doc, t("pr.h2", lang))
    _note(doc, "pr.note_results", lang)
    for n, area in enumerate(r.areas, 1):
        _heading(doc, f"{n}. {t(f'pr.area_{area.area}', lang)}", level=2)
        if not area.tasks:
            _para(doc, t("pr.area_empty", lang))
            continue
        _para(doc, _area_summary(area, lang))
        for task in area.tasks:
            _task(doc, task, lang)


def _area_summary(area: AreaSection, lang: str) -> str:
    """One area's tasks and assignments, and how many stand in each class of timeliness."""
    c = area.by_timeliness
    return t(
        "pr.area_summary",
        lang,
        tasks=len(area.tasks),
        assignments=area.assignments,
        on_time=c["done_on_time"],
        late=c["done_late"],
        going=c["in_progress_on_time"],
        overdue=c["overdue"],
        reported=c["reported"],
        not_reported=c["not_reported"],
    )


def _part_three(doc: DocumentObject, r: PeriodicReport, lang: str) -> None:
    h = r.headline
    quarter = period_words(report_period(r.period.quarters[-1]), lang)
    _heading(doc, t("pr.h3", lang))
    _note(doc, "pr.note_assessment", lang)
    _heading(doc, t("pr.h3_good", lang), level=2)
    _para(
        doc,
        t(
            "pr.good_summary",
            lang,
            done=h.done_by_deadline,
            on_time=h.by_timeliness["done_on_time"],
            late=h.by_timeliness["done_late"],
            mean=number(round(h.mean_percent, 1), lang),
            reported=h.bodies - h.bodies_not_reported,
            bodies=h.bodies,
            quarter=quarter,
        ),
    )
    if r.targets_met:
        _para(doc, t("pr.targets_met", lang, n=len(r.targets_met), total=len(r.targets)))
        for line in r.targets_met:
            _plain_bullet(doc, f"{line.code} {line.name}: {verdict_text(line.verdict, lang)}")
    _heading(doc, t("pr.h3_bad", lang), level=2)
    _para(
        doc,
        t(
            "pr.bad_summary",
            lang,
            overdue=h.by_timeliness["overdue"],
            stuck=h.stuck,
            not_reported=h.by_timeliness["not_reported"],
        ),
    )
    if r.targets_missed:
        _para(
            doc,
            t("pr.targets_missed", lang, n=len(r.targets_missed), total=len(r.targets)),
        )
        for line in r.targets_missed:
            _plain_bullet(doc, f"{line.code} {line.name}: {verdict_text(line.verdict, lang)}")
    if r.silent_bodies:
        _para(
            doc,
            t("pr.silent_bodies", lang, quarter=quarter, names=", ".join(r.silent_bodies)),
        )
    else:
        _para(doc, t("pr.all_reported", lang, quarter=quarter))
    if r.causes:
        _para(doc, t("pr.causes", lang))
        for cause in r.causes:
            _led_bullet(
                doc,
                t("pr.cause", lang, name=cause.organization_name, label=cause.label, text=""),
                cause.text,
            )


def _part_four(doc: DocumentObject, r: PeriodicReport, lang: str) -> None:
    _heading(doc, t("pr.h4", lang))
    _note(doc, "pr.note_next", lang)
    nxt = period_words(r.next_period, lang)
    _heading(doc, t("pr.h4_due", lang, span=nxt), level=2)
    if r.next_due:
        for task in r.next_due:
            _plain_bullet(
                doc,
                t(
                    "pr.next_due",
                    lang,
                    label=task.label,
                    day=fmt_date(task.due_date),
                    bodies=task.bodies,
                    text=shorten(task.text, TASK_TEXT_LIMIT),
                ),
            )
    else:
        _para(doc, t("pr.next_none", lang))
    _heading(doc, t("pr.h4_recurring", lang), level=2)
    for task in r.recurring:
        _plain_bullet(
            doc,
            t(
                "pr.recurring",
                lang,
                label=task.label,
                cadence=t(f"cadence.{task.cadence}", lang).lower(),
                text=shorten(task.text, TASK_TEXT_LIMIT),
            ),
        )
    if r.overdue:
        _heading(doc, t("pr.h4_overdue", lang, n=len(r.overdue)), level=2)


def _part_five(doc: DocumentObject, r: PeriodicReport, lang: str) -> None:
    _heading(doc, t("pr.h5", lang))
    _note(doc, "pr.note_proposals", lang)
    if not r.proposals:
        _para(doc, t("pr.proposals_none", lang))
    for prop in r.proposals:
        _led_bullet(
            doc,
            t(
                "pr.proposal",
                lang,
                name=prop.organization_name,
                label=prop.task_label,
                day=fmt_date(prop.raised_on),
                days=prop.days_waiting,
                text="",
            ),
            prop.proposals,
        )


def _signature(doc: DocumentObject, r: PeriodicReport, lang: str) -> None:
    table = doc.add_table(rows=1, cols=2)
    table.autofit = False
    _no_borders(table)
    _widths(table, [85, 80])
    left, right = table.cell(0, 0), table.cell(0, 1)
    recipients = [
        "pr.recipient_ministry" if r.organization_code is None else "pr.recipient_province",
        "pr.recipient_leaders",
        "pr.recipient_archive",
    ]
    _cell_para(left, t("pr.recipients", lang), size=12, bold=True, italic=True, left=True)
    for key in recipients:
        _cell_para(left, t(key, lang), size=11, left=True)
    committee = r.organization_code is None or r.organization_kind in KINDS_WITH_COMMITTEE
    signer = "pr.signer_province" if committee else "pr.signer_body"
    _cell_para(right, t(signer, lang), size=BODY_PT, bold=True)
    cell = _cell_para(right, t("pr.note_signer", lang), size=BODY_PT, italic=True)
    for run in cell.runs:
        run.font.highlight_color = NOTE


# --------------------------------------------------------------------------- appendices
def _appendices(doc: DocumentObject, r: PeriodicReport, lang: str) -> None:
    section = doc.add_section(WD_SECTION.NEW_PAGE)
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Mm(297), Mm(210)
    _margins(section)
    section.different_first_page_header_footer = False
    sign, who = number_sign(r), who_text(r, lang)
    span_upper = span_text(r, lang).upper()

    _appendix_title(doc, "I", t("pr.app_bodies", lang, span_upper=span_upper), sign, who, lang)
    rows = [
        [
            str(b.number),
            b.name,
            str(b.assignments),
            str(b.done_on_time),
            str(b.done_late),
            str(b.in_progress),
            str(b.overdue),
            str(b.not_reported),
            number(round(b.reporting_rate, 1), lang),
        ]
        for b in r.bodies
    ]
    total_tasks = sum(b.assignments for b in r.bodies)
    total = [
        "",
        t("pr.col_total", lang),
        str(total_tasks),
        *(
            str(sum(getattr(b, name) for b in r.bodies))
            for name in ("done_on_time", "done_late", "in_progress", "overdue", "not_reported")
        ),
        number(
            round(100 * sum(b.reported for b in r.bodies) / total_tasks, 1) if total_tasks else 0.0,
            lang,
        ),
    ]
    _table(
        doc,
        _headings("no body tasks on_time late going overdue not_reported rate", lang),
        rows,
        [14, 76, 22, 24, 24, 24, 20, 24, 24],
        total,
    )

    doc.add_page_break()
    _appendix_title(doc, "II", t("pr.app_targets", lang), sign, who, lang)
    _table(
        doc,
        _headings("no code target period figure verdict", lang),
        [
            [
                str(i),
                line.code,
                line.name,
                line.period,
                f"{number(line.value, lang)} {line.unit}".strip()
                if line.value is not None
                else "–",
                verdict_text(line.verdict, lang),
            ]
            for i, line in enumerate(r.targets, 1)
        ],
        [12, 18, 92, 20, 24, 86],
    )

    doc.add_page_break()
    _appendix_title(doc, "III", t("pr.app_overdue", lang), sign, who, lang)
    _table(
        doc,
        _headings("no task text body due days percent", lang),
        [
            [
                str(i),
                line.label,
                shorten(line.text, 160),
                line.organization_name,
                fmt_date(line.due_date),
                str(line.days),
                str(line.percent),
            ]
            for i, line in enumerate(r.overdue, 1)
        ],
        [12, 20, 100, 50, 24, 20, 26],
    )


def _headings(columns: str, lang: str) -> list[str]:
    """An appendix table's column headings: `columns` names them (space-separated), each the
    catalogue's `pr.col_<name>`."""
    return [t(f"pr.col_{name}", lang) for name in columns.split()]


def _appendix_title(
    doc: DocumentObject, n: str, title: str, sign: str, who: str, lang: str
) -> None:
    _para(doc, t("pr.appendix", lang, n=n), bold=True, style=CENTRE, space_after=0)
    _para(doc, title, bold=True, style=CENTRE, space_after=0)
    _para(doc, t("pr.appendix_of", lang, sign=sign, who=who), italic=True, style=CENTRE)


def _table(
    doc: DocumentObject,
    headers: list[str],
    rows: list[list[str]],
    widths_mm: list[float],
    total: list[str] | None = None,
) -> Table:
    if not rows:
        _para(doc, t("pr.none_rows"), italic=True, style=CENTRE)
    table = doc.add_table(rows=1, cols=len(headers))
    table.style = doc.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    _widths(table, widths_mm)  # before the rows: each new row takes the grid's widths
    head = table.rows[0]
    _repeat_header(head)
    for cell, text in zip(head.cells, headers, strict=True):
        _cell_para(cell, text, bold=True)
    for values in rows + ([total] if total else []):
        cells = table.add_row().cells
        for i, (cell, text) in enumerate(zip(cells, values, strict=True)):
            words = i > 0 and not text.replace(",", "").replace(".", "").replace("–", "").isdigit()
            _cell_para(cell, text, bold=values is total, left=words)
    return table


def _repeat_header(row) -> None:  # type: ignore[no-untyped-def]
    tr_pr = row._tr.get_or_add_trPr()
    el = OxmlElement("w:tblHeader")
    el.set(qn("w:val"), "true")
    tr_pr.append(el)


def preview(r: PeriodicReport, lang: str = "vi") -> list[tuple[int, str]]:
    """The document's headings in order, each part with its key figure, for the page to show
    before the download: (level, text), level 1 a part, 2 a heading inside it."""
    h = r.headline
    out: list[tuple[int, str]] = [(1, t("pr.title", lang)), (2, title_text(r, lang))]
    out += [
        (1, t("pr.h1", lang)),
        (2, t("pr.plans", lang, reports=r.leadership.reports, docs=r.leadership.documents)),
        (1, t("pr.h2", lang)),
    ]
    for n, area in enumerate(r.areas, 1):
        heading = f"{n}. {t(f'pr.area_{area.area}', lang)}"
        summary = _area_summary(area, lang) if area.tasks else t("pr.area_empty", lang)
        out.append((2, f"{heading}: {summary}"))
    out += [
        (1, t("pr.h3", lang)),
        (
            2,
            t(
                "pr.bad_summary",
                lang,
                overdue=h.by_timeliness["overdue"],
                stuck=h.stuck,
                not_reported=h.by_timeliness["not_reported"],
            ),
        ),
        (1, t("pr.h4", lang)),
        (2, t("pr.h4_due", lang, span=period_words(r.next_period, lang))),
        (1, t("pr.h5", lang)),
        (2, f"{t('pr.fig_proposals', lang)}: {len(r.proposals)}"),
        (1, t("pr.appendix", lang, n="I") + " · " + t("pr.col_body", lang)),
        (1, t("pr.appendix", lang, n="II") + " · " + t("pr.app_targets", lang)),
        (1, t("pr.appendix", lang, n="III") + " · " + t("pr.app_overdue", lang)),
    ]
    return out
