"""The real-document corpus (tests/fixtures/real/) is well formed: every expected result parses,
names a document that exists, uses only bodies from its own body list (or the @ tokens), and
quotes text that is really in the document's source. The importer's accuracy on the corpus is
measured elsewhere; this only keeps the hand-made expectations honest."""

import html
import json
import re
from datetime import date
from pathlib import Path

import pytest

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


def test_every_source_has_its_document_and_expected_result():
    for source in sorted((REAL / "src").iterdir()):
        built = list(REAL.glob(f"{source.stem}.*"))
        assert any(p.suffix in {".txt", ".docx", ".pdf", ".xlsx"} for p in built), source.name
        assert (REAL / f"{source.stem}.expected.json").exists(), source.name
