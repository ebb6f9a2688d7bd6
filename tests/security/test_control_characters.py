"""Issue 11, item 10: control, bidi and invisible characters, typed or carried by a document,
are cleaned at the service boundary, the same on SQLite and PostgreSQL; the exports survive
whatever an older database already holds.

Before: one BEL (\\x07) in an imported task made the XLSX export of the whole directive fail
(openpyxl's IllegalCharacterError); NUL in a body name, or late in a .txt, ended in a psycopg
DataError traceback on PostgreSQL; a right-to-left override made a name read backwards.
"""

import csv
import io
import re
from dataclasses import replace

import pytest
from openpyxl import load_workbook
from sqlalchemy import text
from sqlmodel import select

from models import (
    DirectionNote,
    Directive,
    Measurement,
    Organization,
    ProgressReport,
    Section,
    Target,
    Task,
    User,
    session_scope,
)
from render import audit as audit_csv
from render import exports
from services.accounts import own as accounts
from services.accounts import users
from services.admin import directives, organizations
from services.core import clock, validation
from services.core.errors import DomainError, InvalidInput, NotFound
from services.importing import importer
from services.read import audit_log, briefing, snapshot
from services.reporting import figures, proposals
from services.reporting.reports import ReportInput
from tests.security.test_formula_injection import _pptx_text
from tests.services.reporting_db import actor, new_account, org_id, target_id
from tests.services.test_import import OFFICE, add_bodies
from tests.services.test_reporting import GOOD, submit

# What a hostile or careless source puts in a name: NUL, BEL, ESC, a right-to-left override,
# zero-width space and joiner, a byte-order mark, a tab and a new line.
NAME = "Sở\x00 Tư\x07 pháp\u202e \u200bLai\u200d\ufeff\tChâu\n\x1b"
NAME_CLEAN = "Sở Tư pháp Lai Châu"
# The same in a multi-line field, which keeps its new lines and tabs (Windows' CR LF and Word's
# vertical tab become new lines).
TEXT = "Dòng một\x07\x00\r\n\tDòng hai\u202e\u2066\x0bDòng ba\x1b\x7f\x85cuối\u200b"
TEXT_CLEAN = "Dòng một\n\tDòng hai\nDòng ba\ncuối"


def test_the_one_rule():
    assert validation.clean(NAME, one_line=True) == NAME_CLEAN
    assert validation.clean(TEXT) == TEXT_CLEAN
    assert (
        validation.clean("a\ud800b\ufffec\uffffd") == "abcd"
    )  # unencodable, and not characters in XML
    assert validation.clean("  Đã ban hành\n") == "Đã ban hành"


# --- every service that stores what a person typed ----------------------------------------


def test_a_report_keeps_its_lines_and_loses_the_rest(db):
    report = submit(
        db,
        replace(
            GOOD,
            percent=60,
            result=TEXT,
            difficulties=TEXT,
            proposals=TEXT,
            evidence_number=NAME,
            evidence_date=None,
            evidence_link="",
        ),
    )
    with session_scope(db) as s:
        row = s.get(ProgressReport, report.id)
        assert (row.result, row.difficulties, row.proposals) == (TEXT_CLEAN,) * 3
        assert row.evidence_number == NAME_CLEAN
    leader = actor(db, "lanhdao")
    with session_scope(db) as s:
        note = proposals.give_direction(s, actor=leader, report_id=report.id, text=TEXT)
    with session_scope(db) as s:
        assert s.get(DirectionNote, note.id).text == TEXT_CLEAN


def test_a_figures_note_and_source(db):
    with session_scope(db) as s:
        row = figures.submit_figure(
            s,
            actor=actor(db, "stp"),
            data=figures.FigureInput(
                target_id=target_id(db, "CT02"),
                organization_id=org_id(db, "STP"),
                period="2022-Q4",
                value="97,5",
                note=TEXT,
                source=NAME,
            ),
        )
    with session_scope(db) as s:
        stored = s.get(Measurement, row.id)
        assert (stored.note, stored.source) == (TEXT_CLEAN, NAME_CLEAN)


def test_a_body_name_added_and_renamed(db):
    office = actor(db, "vanphong")
    with session_scope(db) as s:
        organizations.create_body(s, actor=office, code="TKCC", name=NAME, kind="provincial")
    with session_scope(db) as s:
        assert organizations.get_body(s, "TKCC").name == NAME_CLEAN
    with session_scope(db) as s:
        organizations.rename_body(s, actor=office, code="TKCC", name="Sở\u202eTest\x00 mới")
    with session_scope(db) as s:
        assert organizations.get_body(s, "TKCC").name == "SởTest mới"


def test_a_users_display_name(db):
    office = actor(db, "vanphong")
    with session_scope(db) as s:
        new_account(s, "kiemthu", display_name=NAME, password="Mat-khau-dai-2026", actor=office)
    with session_scope(db) as s:
        assert s.exec(select(User).where(User.username == "kiemthu")).one().display_name == (
            NAME_CLEAN
        )
        users.update_user(s, actor=office, username="kiemthu", role="viewer", display_name=TEXT)
    with session_scope(db) as s:
        stored = s.exec(select(User).where(User.username == "kiemthu")).one().display_name
    assert stored == "Dòng một Dòng hai Dòng ba cuối"  # a name is one line


def test_the_directive_and_its_tasks(db):
    office = actor(db, "vanphong")
    with session_scope(db) as s:
        directive = s.exec(select(Directive)).one()
        section_id = s.exec(select(Section.id).order_by(Section.id)).first()
        directives.update_directive(
            s,
            actor=office,
            directive_id=directive.id,
            kind=directive.kind,
            number="15/CT\x00-UBND\u200b",
            issued_date=directive.issued_date,
            title=NAME,
            issuer=NAME,
            signer=NAME,
        )
        task = directives.add_task(
            s,
            actor=office,
            section_id=section_id,
            text=TEXT,
            area="the_che",
            cadence="continuous",
        )
    with session_scope(db) as s:
        stored = s.get(Directive, directive.id)
        assert (stored.number, stored.title, stored.issuer, stored.signer) == (
            "15/CT-UBND",
            NAME_CLEAN,
            NAME_CLEAN,
            NAME_CLEAN,
        )
        assert s.get(Task, task.id).text == TEXT_CLEAN
        directives.update_task(
            s,
            actor=office,
            task_id=task.id,
            text="Nhiệm vụ\x00 sửa\u202e",
            area="the_che",
            cadence="continuous",
            due_date=None,
        )
    with session_scope(db) as s:
        assert s.get(Task, task.id).text == "Nhiệm vụ sửa"


def test_a_link_with_hidden_characters_is_refused(db):
    for link in ("https://snv.laichau.gov.vn/\u202efdp.exe", "https://snv\u200b.gov.vn/a"):
        data = ReportInput(
            period="2022-Q4", status="in_progress", percent=10, result="Đã làm", evidence_link=link
        )
        with pytest.raises(InvalidInput) as err:
            submit(db, data, code="SNV", username="snv")
        assert "http:// hoặc https://" in str(err.value)


def test_looking_up_a_name_holding_nul_finds_nothing_on_either_database(db):
    with pytest.raises(DomainError) as refused:
        accounts.sign_in(
            username="vanphong\x00", password="laichau2021", address="10.9.8.7", engine=db
        )
    assert refused.value.code == "auth.failed"
    with session_scope(db) as s:
        assert accounts.session_user(s, username="snv\x00'--", epoch=0) is None
    with session_scope(db) as s, pytest.raises(NotFound):
        organizations.get_body(s, "STP\x00")


# --- a document carries them ----------------------------------------------------------------

DOCUMENT = (
    (
        "ỦY BAN NHÂN DÂN\nTỈNH LAI CHÂU\nSố: 77/KH-UBND\nKẾ HOẠCH\n"
        "Về kiểm thử\u202e ký tự điều khiển\n"
        "I. NHIỆM VỤ\n"
        "1. Sở Nội vụ\x07:\n"
        "- Rà soát\x07 thủ tục\u200b hành chính\x1b[31m.\n"
        "- Báo cáo kết quả 100% hồ sơ\x0b đúng hạn.\n"
    )
    + ("Ghi chú cuối văn bản. " * 500)
    + "\x00\n"
)


def test_an_imported_directive_is_stored_clean_and_exports(engine):
    add_bodies(engine)
    data = DOCUMENT.encode("utf-8")
    assert data.index(b"\x00") > 8192  # one NUL, late in the file
    with session_scope(engine) as s:
        parsed = importer.parse_document(s, data, "ke-hoach.txt")
        # an edit in the preview brings its own
        parsed.sections[0].heading += "\x07\u202e"
        result = importer.save(s, actor=OFFICE, parsed=parsed)
    with session_scope(engine) as s:
        f = snapshot.frozen(result.directive_id, clock.today())
        book = load_workbook(io.BytesIO(exports.build_xlsx(briefing.workbook(s, f))))
        directive = s.get(Directive, result.directive_id)
        tasks = s.exec(select(Task.text).join(Section).order_by(Task.id)).all()
        headings = s.exec(select(Section.heading)).all()
        targets = s.exec(select(Target.name, Target.source_text)).all()
    texts = [c.value for row in book["Chi tiết"].iter_rows() for c in row]
    assert "Rà soát thủ tục hành chính[31m." in texts
    assert tasks[0] == "Rà soát thủ tục hành chính[31m."
    stored = [directive.title, directive.original_text, *tasks, *headings]
    stored += [x for pair in targets for x in pair]
    assert not [value for value in stored if DROPPED.search(value)]


# controls but tab and new line, bidi controls, zero-width characters
DROPPED = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")


# --- what an older database already holds -------------------------------------------------


def test_the_exports_survive_control_characters_already_stored(seeded):
    """Rows written before the services cleaned (or by hand): the XLSX, the PPTX and the audit
    CSV are made, and show the text without them."""
    with session_scope(seeded) as s:
        first_task = s.exec(select(Task.id).order_by(Task.id)).first()
        for statement, values in [
            ("UPDATE organization SET name = :v WHERE code = 'STP'", "Sở\x07 Tư pháp\ufffe"),
            (f"UPDATE task SET text = :v WHERE id = {first_task}", "Nhiệm vụ\x1b\x07 cũ"),
            ("UPDATE progressreport SET result = :v", "Kết quả\x07\x0b cũ"),
            # the audit log is append-only: an older row is added as it was written then
            (
                "INSERT INTO audit_event (at, username, action, entity) "
                "VALUES (CURRENT_TIMESTAMP, :v, 'note', 'database')",
                "=cmd\x07",
            ),
        ]:
            s.execute(text(statement), {"v": values})
    with session_scope(seeded) as s:
        directive_id = s.exec(select(Directive.id)).one()
        f = snapshot.frozen(directive_id, clock.today())
        book = load_workbook(io.BytesIO(exports.build_xlsx(briefing.workbook(s, f))))
        deck = exports.build_pptx(briefing.build(s, f, body="STP"))
        office = actor(seeded, "vanphong")
        rows = audit_log.events(s, actor=office, filters=audit_log.AuditFilters())
    cells = [c.value for sheet in book.worksheets for row in sheet.iter_rows() for c in row]
    assert "Sở Tư pháp" in cells and "Nhiệm vụ cũ" in cells and "Kết quả\n cũ" in cells
    assert "Chi tiết: Sở Tư pháp" in _pptx_text(deck)
    lines = list(csv.reader(io.StringIO(audit_csv.to_csv(rows).decode("utf-8-sig"))))
    assert [line[2] for line in lines if line[2].endswith("cmd")] == ["'=cmd"]


def test_names_stay_distinct_from_their_invisible_twins(db):
    """A body cannot be added twice by hiding a zero-width space or an override in its name."""
    office = actor(db, "vanphong")
    with session_scope(db) as s:
        existing = s.exec(select(Organization.name).where(Organization.code == "SNV")).one()
    twin = existing[:5] + "\u200b" + existing[5:] + "\u202c"
    with session_scope(db) as s, pytest.raises(InvalidInput) as err:
        organizations.create_body(s, actor=office, code="SNV2", name=twin, kind="provincial")
    assert "SNV" in str(err.value)
