"""The catalogue: every key the code uses exists in both languages, each enum value has one
label, and English counts agree with their number."""

import ast
import re
from dataclasses import dataclass, field
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


@dataclass
class AuditVocabulary:
    actions: set[str] = field(default_factory=set)
    entities: set[str] = field(default_factory=set)
    fields: set[str] = field(default_factory=set)


def _strings(node: ast.AST) -> set[str]:
    """The string literals an expression can be: itself, either branch of a conditional, the
    items of a list or tuple."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return {node.value}
    if isinstance(node, ast.IfExp):
        return _strings(node.body) | _strings(node.orelse)
    if isinstance(node, ast.List | ast.Tuple):
        return {v for e in node.elts for v in _strings(e)}
    return set()


def _keys(node: ast.AST) -> set[str]:
    """The literal keys of a dict literal."""
    if not isinstance(node, ast.Dict):
        return set()
    return {v for k in node.keys if k is not None for v in _strings(k)}


def _logs_as_json(tree: ast.AST) -> bool:
    """The module gives an `as_json()` to the log as its before or after."""
    return any(
        isinstance(n, ast.keyword)
        and n.arg in ("before", "after")
        and any(getattr(c, "attr", "") == "as_json" for c in ast.walk(n.value))
        for n in ast.walk(tree)
    )


def _assigned(node: ast.Assign, vocabulary: AuditVocabulary) -> None:
    for target in node.targets:
        name = target.id if isinstance(target, ast.Name) else ""
        if name == "action":
            vocabulary.actions |= _strings(node.value)
        elif name.upper().endswith("FIELDS"):
            vocabulary.fields |= _strings(node.value)
        elif name in ("before", "after"):
            vocabulary.fields |= _keys(node.value)


def _called(node: ast.Call, vocabulary: AuditVocabulary, *, install: bool) -> None:
    for kw in node.keywords:
        if kw.arg in ("action", "verbs"):
            vocabulary.actions |= _strings(kw.value)
        elif kw.arg == "entity":
            vocabulary.entities |= _strings(kw.value)
        elif kw.arg in ("before", "after"):
            vocabulary.fields |= _keys(kw.value)
        elif kw.arg == "fields":
            vocabulary.fields |= _strings(kw.value)
    name = getattr(node.func, "attr", getattr(node.func, "id", ""))
    positional = {"_record": 2, "finish": 2, "_sign_in_event": 2}
    if name in positional and len(node.args) > positional[name]:
        vocabulary.actions |= _strings(node.args[positional[name]])
    if name == "switched" and len(node.args) > 3:
        vocabulary.fields |= _strings(node.args[3])
    if name == "add" and install and node.args:  # what the seed counts
        vocabulary.fields |= _strings(node.args[0])


def _audit_vocabulary() -> AuditVocabulary:
    """The actions, entities and fields the services write to the audit log, read from their
    code: `action=`/`entity=` literals and `action = …` (either branch of a conditional too),
    the `verbs` and the flag of audit.switched, the action a few helpers take positionally,
    reorganize_<kind>; the keys of dict literals given as (or named) `before`/`after`, lists
    named *FIELDS or given as `fields=`, what an `as_json` given to the log returns, and what
    the seed counts (`result.add`)."""
    vocabulary = AuditVocabulary(actions={f"reorganize_{k.value}" for k in enums.SuccessionKind})
    for path in sorted((ROOT / "services").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        as_json = _logs_as_json(tree)
        for node in ast.walk(tree):
            if isinstance(node, ast.Assign):
                _assigned(node, vocabulary)
            elif isinstance(node, ast.Call):
                _called(node, vocabulary, install=path.parent.name == "install")
            elif isinstance(node, ast.FunctionDef) and node.name == "as_json" and as_json:
                for returned in ast.walk(node):
                    if isinstance(returned, ast.Return) and returned.value is not None:
                        vocabulary.fields |= _keys(returned.value)
    return vocabulary


def test_every_field_the_audit_log_keeps_has_its_words():
    fields = _audit_vocabulary().fields
    assert {"percent", "role", "lead_assignments", "failures", "successors", "active"} <= fields
    assert sorted(f for f in fields if f"au.field.{f}" not in TEXTS) == []


def test_every_action_and_entity_of_the_audit_log_has_its_words():
    vocabulary = _audit_vocabulary()
    actions, entities = vocabulary.actions, vocabulary.entities
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
