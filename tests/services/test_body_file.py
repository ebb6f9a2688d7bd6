"""The body list from a file, on the seeded demo (SQLite and PostgreSQL): Lai Châu's 38
commune-level units of 2025 (seed_data/reorganize) added from 01/07/2025; a merger and a rename
written as lines; a split or an undated change refused with one sentence, nothing written."""

from datetime import date

import pytest
from sqlalchemy import func
from sqlmodel import Session, select

from models import AuditEvent, Organization, OrgKind, Role, User
from services.admin import body_file
from services.core.actor import Actor
from services.core.errors import DomainError
from services.importing.body_names import BodyMatcher
from services.read.bodies import list_bodies
from tests.conftest import ROOT

LAI_CHAU = ROOT / "seed_data" / "reorganize" / "lai-chau-2025-xa-phuong.csv"


@pytest.fixture
def office(seeded):
    with Session(seeded, expire_on_commit=False) as s:
        secretariat = s.exec(select(User).where(User.role == Role.SECRETARIAT)).first()
        yield s, Actor.of(secretariat)


def test_lai_chau_communes_and_wards_of_2025(office):
    s, actor = office
    lines = body_file.read_body_file(LAI_CHAU.read_bytes())
    assert len(lines) == 38
    out = body_file.apply_body_file(s, actor=actor, lines=lines)
    s.commit()
    assert len(out.created) == 38 and not out.operations
    added = s.exec(select(Organization).where(Organization.kind == OrgKind.COMMUNE)).all()
    assert sorted(o.name.split()[0] for o in added).count("Xã") == 36
    assert {o.name for o in added} >= {"Phường Tân Phong", "Phường Đoàn Kết", "Xã Mù Cả"}
    assert all(o.started_on == date(2025, 7, 1) and "1670/NQ-UBTVQH15" in o.note for o in added)
    # a directive addressed to the communes and wards now reaches all 38
    assert len(BodyMatcher(list_bodies(s)).addressed_by("UBND các xã, phường")) == 38
    # the same file again changes nothing
    again = body_file.apply_body_file(s, actor=actor, lines=lines)
    assert len(again.unchanged) == 38 and not again.created


def test_merger_and_rename_as_lines(office):
    s, actor = office
    data = (
        "code;name;kind;predecessors;effective_on\n"
        "MTNN;Khu vực Mường Tè - Nậm Nhùn;commune;HMT HNN;01/03/2025\n"
        "SNV;Sở Nội vụ (mới);provincial;SNV;01/03/2025\n"
    ).encode()
    out = body_file.apply_body_file(s, actor=actor, lines=body_file.read_body_file(data))
    s.commit()
    summary = out.as_json()
    assert summary["created"] == ["MTNN"] and summary["renamed"] == ["SNV"]
    assert summary["closed_bodies"] == ["HMT", "HNN"] and summary["moved_assignments"] > 0
    events = {e.action for e in s.exec(select(AuditEvent))}
    assert {"reorganize_merge", "reorganize_rename"} <= events


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (
            "code,name,kind,predecessors,effective_on\n"
            "XA1,Xã Một,commune,HSH,01/07/2025\nXA2,Xã Hai,commune,HSH,01/07/2025\n",
            "HSH",
        ),
        ("code,name,kind,predecessors\nXA1,Xã Một,commune,HSH\n", "ngày hiệu lực"),
        ("code,name,kind,effective_on\nXA1,Xã Một,commune,31/02/2025\n", "31/02/2025"),
        ("ma,ten\nXA1,Xã Một\n", "tiêu đề"),
        (
            "code,name,kind\nXA1,Xã Một,commune\nHMT,Huyện Mường Tè,district\nxx y,Sai,commune\n",
            "XX Y",
        ),
    ],
)
def test_bad_files_write_nothing(office, data, words):
    s, actor = office
    before = int(s.exec(select(func.count()).select_from(Organization)).one())
    with pytest.raises(DomainError) as err:
        body_file.apply_body_file(s, actor=actor, lines=body_file.read_body_file(data.encode()))
    s.rollback()
    assert words in str(err.value) and "\n" not in str(err.value)
    assert int(s.exec(select(func.count()).select_from(Organization)).one()) == before


def _xlsx(rows: list[list[object]]) -> bytes:
    """A workbook built as an office would save it: one sheet, the rows as given."""
    from io import BytesIO

    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    out = BytesIO()
    book.save(out)
    return out.getvalue()


MERGER_ROWS = [
    ["code", "name", "kind", "predecessors", "effective_on"],
    ["MTNN", "Khu vực Mường Tè - Nậm Nhùn", "commune", "HMT HNN", "01/03/2025"],
    ["SNV", "Sở Nội vụ (mới)", "provincial", "SNV", "01/03/2025"],
]


def test_an_xlsx_does_what_the_same_csv_does(office):
    s, actor = office
    as_csv = "\n".join(";".join(map(str, r)) for r in MERGER_ROWS).encode()
    from_csv = body_file.apply_body_file(s, actor=actor, lines=body_file.read_body_file(as_csv))
    s.rollback()
    lines = body_file.read_body_file(_xlsx(MERGER_ROWS), name="bodies.xlsx")
    assert lines == body_file.read_body_file(as_csv)
    from_xlsx = body_file.apply_body_file(s, actor=actor, lines=lines)
    s.commit()
    assert from_xlsx.as_json() == from_csv.as_json()
    assert from_xlsx.as_json()["closed_bodies"] == ["HMT", "HNN"]
    assert s.exec(select(Organization).where(Organization.code == "MTNN")).one().kind == "commune"


def test_an_xlsx_date_cell_reads_as_the_day(office):
    rows = [MERGER_ROWS[0], ["XA1", "Xã Một", "commune", "", date(2025, 7, 1)]]
    (line,) = body_file.read_body_file(_xlsx(rows), name="bodies.xlsx")
    assert line.effective_on == date(2025, 7, 1)


def test_a_hostile_xlsx_is_refused_with_its_sentence(office):
    s, _ = office
    before = int(s.exec(select(func.count()).select_from(Organization)).one())
    formula = [MERGER_ROWS[0], ["XA1", '=HYPERLINK("http://x","Xã")', "commune", "", ""]]
    with pytest.raises(DomainError) as err:
        body_file.read_body_file(_xlsx(formula), name="bodies.xlsx")
    assert "dòng 2" in str(err.value) and "công thức" in str(err.value)
    assert "\n" not in str(err.value)
    tall = [MERGER_ROWS[0]] + [[f"X{n}", f"Xã {n}", "commune"] for n in range(6000)]
    with pytest.raises(DomainError) as err:
        body_file.read_body_file(_xlsx(tall), name="bodies.xlsx")
    assert "5.000" in str(err.value) and "\n" not in str(err.value)
    assert int(s.exec(select(func.count()).select_from(Organization)).one()) == before


def test_every_problem_of_a_file_names_its_line(office):
    data = (
        "code,name,kind,predecessors,effective_on\n"
        "XA1,Xã Một,commune,,31/02/2025\n"
        "XA2,=1+1,commune,,\n"
        ",Xã Ba,commune,,\n"
        "XA4,Xã Bốn,commune,,01/07/2025\n"
    ).encode()
    with pytest.raises(body_file.BodyFileProblems) as err:
        body_file.read_body_file(data)
    sentences = [str(p) for p in err.value.problems]
    assert len(sentences) == 3
    assert all(f"dòng {n}" in x for n, x in zip((2, 3, 4), sentences, strict=True))
    assert "31/02/2025" in sentences[0] and "công thức" in sentences[1]
    assert all("\n" not in x for x in sentences)
    s, actor = office
    undated_split = (
        "code,name,kind,predecessors,effective_on\n"
        "XA1,Xã Một,commune,HSH,\nXA2,Xã Hai,commune,HSH,01/07/2025\n"
    ).encode()
    with pytest.raises(body_file.BodyFileProblems) as err:
        body_file.apply_body_file(s, actor=actor, lines=body_file.read_body_file(undated_split))
    assert [p.code for p in err.value.problems] == ["err.body_file_no_day", "err.body_file_split"]
