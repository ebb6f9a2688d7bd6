"""The catalogue: every key the code uses exists in both languages, each enum value has one
label, and English counts agree with their number."""

import ast
import re
from enum import StrEnum
from pathlib import Path

import pytest

import catalogue
from catalogue import ENUM_PREFIXES, TEXTS, t
from models import enums
from tests.conftest import ROOT

# Enums whose values are never shown as such (they choose code paths or phrases).
NOT_SHOWN = {"PeriodType"}
KEY = re.compile(r"^[a-z_]+(\.[a-z0-9_]+)+$")


def _code_files() -> list[Path]:
    folders = ["app.py", "manage.py", "components", "pages", "render", "services", "benchmarks"]
    out: list[Path] = []
    for name in folders:
        path = ROOT / name
        out += [path] if path.is_file() else sorted(path.rglob("*.py"))
    return out


def _literal_keys() -> set[str]:
    """String literals in the code that have the shape of a catalogue key and the prefix of
    one (a file name such as "app.py" is not a key)."""
    prefixes = {k.split(".")[0] for k in TEXTS}
    found = set()
    for path in _code_files():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                value = node.value
                if KEY.match(value) and value.split(".")[0] in prefixes:
                    found.add(value)
    return found


def test_every_key_the_code_names_exists():
    # file names, and prefixes a key is built from ("err.restore_schema_" + how)
    skip = {
        k
        for k in _literal_keys()
        if k.endswith((".py", ".txt", ".json", ".csv", ".db", ".log", "_"))
    }
    missing = sorted(k for k in _literal_keys() - skip if k not in TEXTS)
    assert missing == []


def test_both_languages_are_written_and_have_the_same_placeholders():
    for key, (vi, en) in TEXTS.items():
        assert vi.strip() and en.strip(), key
        fields = lambda s: set(re.findall(r"\{(\w+)", re.sub(r"\{\w+\|[^{}]*\}", "", s)))  # noqa: E731
        assert fields(vi) == fields(en), key


def test_each_enum_value_has_one_label_under_one_prefix():
    shown = {
        name: cls
        for name, cls in vars(enums).items()
        if isinstance(cls, type) and issubclass(cls, StrEnum) and cls is not StrEnum
    }
    assert set(shown) - NOT_SHOWN == set(ENUM_PREFIXES)
    for name, prefix in ENUM_PREFIXES.items():
        for value in shown[name]:
            assert f"{prefix}.{value.value}" in TEXTS, (name, value)
    assert len(set(ENUM_PREFIXES.values())) == len(ENUM_PREFIXES)


def test_no_area_module_repeats_a_key():
    seen: dict[str, str] = {}
    for area, texts in catalogue.AREAS.items():
        for key in texts:
            assert key not in seen, (key, seen.get(key), area)
            seen[key] = area


@pytest.mark.parametrize(("n", "words"), [(1, "1 report"), (2, "2 reports"), (0, "0 reports")])
def test_english_counts_take_their_plural(n, words):
    assert f"sent {words} on" in t("err.assignment_has_reports", "en", n=n)
    assert f"đã gửi {n} báo cáo" in t("err.assignment_has_reports", "vi", n=n)


def _audit_words() -> tuple[set[str], set[str]]:
    """The actions and entities the services write to the audit log, read from their code:
    the `action=` and `entity=` literals and `action = …` (either branch of a conditional
    too), the `verbs` of audit.switched, the action a few helpers take positionally, and
    reorganize_<kind>."""
    actions: set[str] = {f"reorganize_{kind.value}" for kind in enums.SuccessionKind}
    entities: set[str] = set()
    positional = {"_record": 2, "finish": 2, "_sign_in_event": 2}

    def strings(node: ast.AST) -> set[str]:
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            return {node.value}
        if isinstance(node, ast.IfExp):
            return strings(node.body) | strings(node.orelse)
        if isinstance(node, ast.Tuple):
            return {v for e in node.elts for v in strings(e)}
        return set()

    for path in sorted((ROOT / "services").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Assign) and any(
                isinstance(target, ast.Name) and target.id == "action" for target in node.targets
            ):
                actions |= strings(node.value)
            if not isinstance(node, ast.Call):
                continue
            for kw in node.keywords:
                if kw.arg in ("action", "verbs"):
                    actions |= strings(kw.value)
                elif kw.arg == "entity":
                    entities |= strings(kw.value)
            name = getattr(node.func, "attr", getattr(node.func, "id", ""))
            if name in positional and len(node.args) > positional[name]:
                actions |= strings(node.args[positional[name]])
    return actions, entities


def _audit_fields() -> set[str]:
    """The fields the services write into the audit log's before/after, read from their code:
    the keys of dict literals given as (or named) `before`/`after`, the lists named *FIELDS or
    given as `fields=`, what an `as_json` given as `before`/`after` returns, the flag of
    audit.switched and what the seed counts (`result.add`)."""
    found: set[str] = set()

    def strings(node: ast.AST) -> set[str]:
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            return {node.value}
        if isinstance(node, ast.List | ast.Tuple):
            return {v for e in node.elts for v in strings(e)}
        return set()

    def keys(node: ast.AST) -> set[str]:
        if not isinstance(node, ast.Dict):
            return set()
        return {v for k in node.keys if k is not None for v in strings(k)}

    def logs_as_json(tree: ast.AST) -> bool:
        return any(
            isinstance(n, ast.keyword)
            and n.arg in ("before", "after")
            and any(getattr(c, "attr", "") == "as_json" for c in ast.walk(n.value))
            for n in ast.walk(tree)
        )

    for path in sorted((ROOT / "services").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef) and node.name == "as_json" and logs_as_json(tree):
                for returned in ast.walk(node):
                    if isinstance(returned, ast.Return) and returned.value is not None:
                        found |= keys(returned.value)
            if isinstance(node, ast.Assign):
                for target in node.targets:
                    if isinstance(target, ast.Name) and target.id.upper().endswith("FIELDS"):
                        found |= strings(node.value)
                    if isinstance(target, ast.Name) and target.id in ("before", "after"):
                        found |= keys(node.value)
            if not isinstance(node, ast.Call):
                continue
            for kw in node.keywords:
                if kw.arg in ("before", "after"):
                    found |= keys(kw.value)
                elif kw.arg == "fields":
                    found |= strings(kw.value)
            name = getattr(node.func, "attr", getattr(node.func, "id", ""))
            if name == "switched" and len(node.args) > 3:
                found |= strings(node.args[3])
            if name == "add" and path.parent.name == "install" and node.args:
                found |= strings(node.args[0])
    return found


def test_every_field_the_audit_log_keeps_has_its_words():
    fields = _audit_fields()
    assert {"percent", "role", "lead_assignments", "failures", "successors", "active"} <= fields
    assert sorted(f for f in fields if f"au.field.{f}" not in TEXTS) == []


def test_every_action_and_entity_of_the_audit_log_has_its_words():
    actions, entities = _audit_words()
    assert {
        "report",
        "reorganize_merge",
        "restore",
        "sign_in_failed",
        "sign_in_refused",
        "close",
    } <= actions
    assert {"organization", "task", "database"} <= entities
    assert sorted(a for a in actions if f"au.action.{a}" not in TEXTS) == []
    assert sorted(e for e in entities if f"au.entity.{e}" not in TEXTS) == []
