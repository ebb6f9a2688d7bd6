"""Checks seed_data/directive.json against the directive's source text.

Self-contained: reads files only, imports no project module.
"""

import csv
import datetime as dt
import json
import os
import re
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
SEED = REPO_ROOT / "seed_data"
SOURCE_TXT = SEED / "chi-thi-cchc-lai-chau.txt"
DIRECTIVE_JSON = SEED / "directive.json"
ORGS_CSV = SEED / "organizations.csv"
SHARED_TXT = REPO_ROOT.parent / "shared" / "directive" / "chi-thi-cchc-lai-chau.txt"

AREAS = {
    "chi_dao_dieu_hanh",
    "the_che",
    "tthc",
    "to_chuc_bo_may",
    "cong_vu",
    "tai_chinh_cong",
    "chinh_quyen_so",
}
CADENCES = {"once", "annual", "periodic", "continuous"}
TARGET_KINDS = {
    "at_least",
    "at_most",
    "exactly",
    "better_than_previous",
    "rank",
    "done",
}
TASKS_PER_SECTION = [13, 4, 4, 3, 5, 1, 5, 5]
ARTEFACT_URL_PREFIX = "https://thuvienphapluat"


def join_lines(lines):
    """The shared joining rule for wrapped lines (see seed_data notes)."""
    parts = [line.strip() for line in lines if line.strip()]
    out = ""
    for i, part in enumerate(parts):
        if i == 0:
            out = part
        elif re.search(r"\d-$", parts[i - 1]):
            out += part
        else:
            out += " " + part
    return re.sub(r" {2,}", " ", out).strip()


@pytest.fixture(scope="module")
def raw_text():
    return SOURCE_TXT.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def joined_text(raw_text):
    lines = [
        line
        for line in raw_text.split("\n")
        if line.strip() and not line.strip().startswith(ARTEFACT_URL_PREFIX)
    ]
    return join_lines(lines)


@pytest.fixture(scope="module")
def directive():
    return json.loads(DIRECTIVE_JSON.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def orgs():
    with ORGS_CSV.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


@pytest.fixture(scope="module")
def org_codes(orgs):
    return {row["code"] for row in orgs}


def all_tasks(directive):
    for section in directive["sections"]:
        for task in section["tasks"]:
            yield section, task


def test_shared_copy_is_identical():
    if not SHARED_TXT.exists():
        if os.environ.get("CI") == "true":
            pytest.fail(f"shared source text missing in CI: {SHARED_TXT}")
        pytest.skip("shared directive text not present beside the repo")
    assert SHARED_TXT.read_bytes() == SOURCE_TXT.read_bytes()


def test_artefact_url_is_present_in_source_but_removed_from_join(raw_text, joined_text):
    assert ARTEFACT_URL_PREFIX in raw_text
    assert "http" not in joined_text


def test_header_fields(directive):
    assert directive["code"] == "CT-CCHC-LC-2021"
    assert directive["kind"] == "Chỉ thị"
    assert directive["number"] is None
    assert directive["issued_date"] is None
    assert directive["signer"] == "Trần Tiến Dũng"


def test_title_and_preamble_come_from_text(directive, joined_text):
    assert directive["title"] in joined_text
    assert directive["preamble"] in joined_text
    assert directive["preamble"].startswith("Những năm qua")
    assert directive["preamble"].endswith("Chủ tịch UBND tỉnh yêu cầu:")


def test_section_and_task_counts(directive):
    sections = directive["sections"]
    assert len(sections) == 8
    assert [s["ordinal"] for s in sections] == list(range(1, 9))
    assert [len(s["tasks"]) for s in sections] == TASKS_PER_SECTION
    assert sum(len(s["tasks"]) for s in sections) == 40
    for s in sections:
        assert [t["ordinal"] for t in s["tasks"]] == list(range(1, len(s["tasks"]) + 1))


def test_section_headings_in_text(directive, joined_text):
    for s in directive["sections"]:
        assert s["label"] == f"{s['ordinal']}."
        assert s["heading"] == s["heading"].strip()
        assert f"{s['label']} {s['heading']}" in joined_text


def test_task_texts_occur_in_source(directive, joined_text):
    for section, task in all_tasks(directive):
        text = task["text"]
        assert text, (section["ordinal"], task["ordinal"])
        assert not text.startswith("-"), (section["ordinal"], task["ordinal"])
        assert "http" not in text, (section["ordinal"], task["ordinal"])
        assert text in joined_text, (section["ordinal"], task["ordinal"], text[:80])


def test_no_task_after_closing(directive, joined_text):
    closing = joined_text.index("Yêu cầu Thủ trưởng")
    for section, task in all_tasks(directive):
        assert joined_text.index(task["text"]) < closing, (
            section["ordinal"],
            task["ordinal"],
        )


def test_codes_exist(directive, org_codes):
    for section, task in all_tasks(directive):
        for code in task["partners"]:
            assert code in org_codes, (section["ordinal"], task["ordinal"], code)
    for section in directive["sections"]:
        assert section["lead"] == "ALL" or section["lead"] in org_codes, section["lead"]
    for target in directive["targets"]:
        assert target["owner"] == "ALL" or target["owner"] in org_codes, target["code"]


def test_area_cadence_due(directive):
    for section, task in all_tasks(directive):
        key = (section["ordinal"], task["ordinal"])
        assert task["area"] in AREAS, key
        assert task["cadence"] in CADENCES, key
        if task["due_date"] is not None:
            assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", task["due_date"]), key
            dt.date.fromisoformat(task["due_date"])


def test_targets(directive, joined_text):
    targets = directive["targets"]
    assert len(targets) >= 12
    codes = [t["code"] for t in targets]
    assert len(set(codes)) == len(codes)
    task_keys = {f"{s['ordinal']}.{t['ordinal']}" for s, t in all_tasks(directive)}
    for t in targets:
        assert t["kind"] in TARGET_KINDS, t["code"]
        assert t["source"] in joined_text, t["code"]
        assert t["task"] in task_keys, t["code"]
        assert t["period_type"] in {"year", "quarter"}, t["code"]
        assert t["scope"] in {"province", "per_body"}, t["code"]
        if t["kind"] in {"at_least", "at_most", "exactly"}:
            assert isinstance(t["value"], (int, float)), t["code"]
        if t["kind"] in {"better_than_previous", "rank", "done"}:
            assert t["value"] is None, t["code"]
        if t["kind"] == "better_than_previous":
            assert t["direction"] in {"higher", "lower"}, t["code"]
        if t["kind"] == "rank":
            assert t["direction"] == "lower", t["code"]


def test_organizations(orgs):
    section_1 = [r for r in orgs if r["in_section_1"] == "yes"]
    assert len(section_1) == 28
    codes = [r["code"] for r in orgs]
    assert len(set(codes)) == len(codes)
    external = [r for r in orgs if r["code"] == "BUUDIEN"]
    assert len(external) == 1
    assert external[0]["kind"] == "external"
    assert external[0]["in_section_1"] == "no"
