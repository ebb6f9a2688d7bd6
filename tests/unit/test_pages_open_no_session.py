"""Issue 12, item 4: a page never opens a database session. It reads through the cached
loaders (components/loaders.py) or components.read.read, and writes through
components.write.write. import-linter (pyproject) forbids pages/ to import models.db, sqlmodel
and sqlalchemy; this test also catches what it cannot see: the session factory taken by name
from the models package (`from models import session_scope`) or from components.read."""

import ast
from pathlib import Path

import pytest

from tests.conftest import ROOT

PAGES = sorted((ROOT / "pages").glob("*.py"))
SESSION_MODULES = ("models.db", "sqlmodel", "sqlalchemy")
SESSION_NAMES = {"session_scope", "get_engine", "build_engine", "Session", "session"}


def session_openers(path: Path) -> list[str]:
    """Each import in `path` that hands it a way to open a session, as "line: what"."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [
                f"{node.lineno}: import {a.name}"
                for a in node.names
                if a.name.startswith(SESSION_MODULES)
            ]
        elif isinstance(node, ast.ImportFrom) and node.module:
            if node.module.startswith(SESSION_MODULES):
                found.append(f"{node.lineno}: from {node.module} import ...")
            found += [
                f"{node.lineno}: from {node.module} import {a.name}"
                for a in node.names
                if a.name in SESSION_NAMES
            ]
        elif isinstance(node, ast.Attribute) and node.attr in {"commit", "session_scope"}:
            found.append(f"{node.lineno}: .{node.attr}")
    return found


def test_the_pages_are_all_checked():
    assert len(PAGES) >= 11


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_a_page_opens_no_session(page: Path):
    assert session_openers(page) == []


def test_the_check_sees_each_way_of_opening_a_session(tmp_path: Path):
    """The check is not blind: each way a page used to open one is found."""
    page = tmp_path / "page.py"
    page.write_text(
        "from models import session_scope\n"
        "from components.read import session\n"
        "from sqlmodel import Session\n"
        "import sqlalchemy.orm\n"
        "from models.db import get_engine\n"
        "s.commit()\n",
        encoding="utf-8",
    )
    lines = {int(found.split(":")[0]) for found in session_openers(page)}
    assert lines == {1, 2, 3, 4, 5, 6}
