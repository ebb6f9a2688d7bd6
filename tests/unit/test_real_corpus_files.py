"""The real-document corpus (tests/fixtures/real/) is well formed: every expected result parses,
names a document that exists, uses only bodies from its own body list (or the @ tokens), and
quotes text that is really in the document's source. The importer's accuracy on the corpus is
measured elsewhere; this only keeps the hand-made expectations honest."""

import html
import importlib.util
import json
import re
from datetime import date
from pathlib import Path

import pytest
from docx import Document
from openpyxl import load_workbook

REAL = Path(__file__).resolve().parents[1] / "fixtures" / "real"
EXPECTED = sorted(REAL.glob("*.expected.json"))
TOKENS = {"@all_provincial", "@all_district", "@all_commune"}
KINDS = {"provincial", "district", "commune", "external"}
CADENCES = {"once", "annual", "quarterly", "half_yearly", "monthly", "continuous", "periodic"}
KEYS = {"file", "source", "notes", "kind", "number", "date", "issuer", "bodies", "sections"}


def _source_text(name: str) -> str:
    """The document's text from its source in src/, tags dropped, spaces folded."""
    txt, page = REAL / "src" / f"{name}.txt", REAL / "src" / f"{name}.html"
    text = txt.read_text(encoding="utf-8") if txt.exists() else page.read_text(encoding="utf-8")
    text = html.unescape(re.sub(r"<[^>]+>", " ", text))
    return re.sub(r"\s+", " ", text)


def _fold(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def test_the_corpus_has_its_documents():
    assert len(EXPECTED) >= 14
    files = [json.loads(p.read_text(encoding="utf-8"))["file"] for p in EXPECTED]
    formats = [file.rsplit(".", 1)[1] for file in files]
    for kind in ("txt", "docx", "pdf"):
        assert formats.count(kind) >= 4, kind


@pytest.mark.parametrize("path", EXPECTED, ids=lambda p: p.name.removesuffix(".expected.json"))
def test_expected_result_is_consistent(path: Path):
    name = path.name.removesuffix(".expected.json")
    expected = json.loads(path.read_text(encoding="utf-8"))
    assert expected.keys() >= KEYS
    assert expected["file"].rsplit(".", 1)[0] == name
    document = REAL / expected["file"]
    assert document.is_file() and document.stat().st_size > 0
    if expected["date"] is not None:
        date.fromisoformat(expected["date"])

    bodies = {body["name"] for body in expected["bodies"]}
    assert len(bodies) == len(expected["bodies"]), "a body is listed twice"
    assert {body["kind"] for body in expected["bodies"]} <= KINDS

    source = _source_text(name)
    assert source.lstrip().startswith("[Nguồn: http"), "no source line"
    # the source line is noise to an importer: it must give away no number, body or heading
    source_line = source[: source.index("]") + 1]
    for clue in [expected["number"], *bodies, *expected.get("context_parts", [])]:
        assert not clue or clue not in source_line, clue
    for section in expected["sections"]:
        if section["heading"]:
            assert _fold(section["heading"]) in source, section["heading"]
        for task in section["tasks"]:
            assert 0 < len(task["text_start"]) <= 60
            assert task["text_start"] in source, task["text_start"]
            assert task["lead"], task["text_start"]
            for body in task["lead"] + task["partners"]:
                assert body in bodies or body in TOKENS, body
            assert task["cadence"] in CADENCES
            if task["deadline"] is not None:
                date.fromisoformat(task["deadline"])
    for part in expected.get("context_parts", []):
        assert _fold(part) in source, part
    if document.suffix == ".xlsx":  # the sheet holds the rows the expected result quotes
        sheet = _sheet_text(document)
        for section in expected["sections"]:
            for task in section["tasks"]:
                assert _fold(task["text_start"]) in sheet, task["text_start"]


def _sheet_text(path: Path) -> str:
    sheet = load_workbook(path).active
    cells = [str(c.value) for row in sheet.iter_rows() for c in row if c.value is not None]
    return _fold(" ".join(cells))


def _make_real():
    spec = importlib.util.spec_from_file_location("make_real", REAL / "make_real.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


TABLE_SOURCE = """<!-- format: xlsx -->
<p class="source">[Nguồn: https://example.invalid — bản trích]</p>
<p class="title">PHỤ LỤC</p>
<table class="grid">
<tr><td><b>STT</b></td><td><b>Nội dung</b></td><td><b>Cơ quan chủ trì</b></td></tr>
<tr><td colspan="3"><b>I. CẢI CÁCH THỂ CHẾ</b></td></tr>
<tr><td>1</td><td>=Rà soát văn bản<br>quy phạm</td><td>Sở Tư pháp</td></tr>
</table>
"""


def test_the_generator_lays_a_table_out_as_a_sheet_and_a_word_table(tmp_path: Path):
    make_real = _make_real()
    blocks = make_real.read_blocks(TABLE_SOURCE)

    make_real.build_xlsx(blocks, tmp_path / "t.xlsx")
    sheet = load_workbook(tmp_path / "t.xlsx").active
    assert [c.value for c in sheet[3]] == ["STT", "Nội dung", "Cơ quan chủ trì"]
    assert "A4:C4" in {str(r) for r in sheet.merged_cells.ranges}  # the group row spans the table
    assert sheet["A4"].value == "I. CẢI CÁCH THỂ CHẾ"
    # a cell that looks like a formula stays text, and a <br> is a line break in the cell
    assert sheet["B5"].value == "=Rà soát văn bản\nquy phạm" and sheet["B5"].data_type == "s"
    assert "A1:C1" in {str(r) for r in sheet.merged_cells.ranges}  # the source line

    make_real.build_docx(blocks, tmp_path / "t.docx")
    table = Document(tmp_path / "t.docx").tables[0]
    group = table.rows[1].cells
    assert group[0]._tc is group[2]._tc  # merged across the row
    assert group[0].text == "I. CẢI CÁCH THỂ CHẾ"
    assert table.cell(2, 2).text == "Sở Tư pháp"


def test_every_source_has_its_document_and_expected_result():
    for source in sorted((REAL / "src").iterdir()):
        built = list(REAL.glob(f"{source.stem}.*"))
        assert any(p.suffix in {".txt", ".docx", ".pdf", ".xlsx"} for p in built), source.name
        assert (REAL / f"{source.stem}.expected.json").exists(), source.name
