"""Issue 12, item 5: the administration page runs only the open tab, and so only its queries
(st.tabs ran every tab's body on every run: five tabs' lists for one). The open tab is in the
address (?tab=), so a link opens it, and it stays open when the language changes."""

from collections import Counter
from collections.abc import Callable, Iterator

import pytest

from services.accounts import users
from services.admin import directives, organizations
from services.core import periods
from services.read import outline
from tests.markdown_text import shown
from tests.pages.conftest import sign_in

# One list each tab shows, and the service that reads it.
LISTS: dict[str, tuple[object, str]] = {
    "bodies": (organizations, "list_bodies"),
    "accounts": (users, "list_users"),
    "directives": (outline, "list_directives"),
    "tasks": (directives, "tasks_of"),
    "periods": (periods, "list_periods"),
}


@pytest.fixture
def reads(app_env, monkeypatch: pytest.MonkeyPatch) -> Iterator[Counter]:
    """How many times each tab's list was read from the database."""
    counted: Counter = Counter()
    for name, (module, function) in LISTS.items():
        real = getattr(module, function)

        def counting(*args, _real: Callable = real, _name: str = name, **kwargs):
            counted[_name] += 1
            return _real(*args, **kwargs)

        monkeypatch.setattr(module, function, counting)
    yield counted


def bold(at) -> str:
    return "\n".join(shown(m.value) for m in at.markdown)


def test_the_first_tab_alone_runs(reads):
    at = sign_in("vanphong")
    reads.clear()
    at.switch_page("pages/admin.py").run()
    assert not at.exception
    assert [tab.label for tab in at.tabs] == [
        "Cơ quan, đơn vị",
        "Tài khoản",
        "Văn bản, nhiệm vụ",
        "Kỳ báo cáo",
        "Sao lưu",
        "Tổ chức lại",
    ]
    assert "Thêm cơ quan, đơn vị" in bold(at)
    assert "Thêm tài khoản" not in bold(at)
    assert set(reads) == {"bodies"}


def test_the_address_opens_a_tab_and_it_stays_open_in_english(reads):
    at = sign_in("vanphong")
    reads.clear()
    at.query_params["tab"] = "Tài khoản"
    at.switch_page("pages/admin.py").run()
    assert not at.exception
    assert "Thêm tài khoản" in bold(at)
    assert "Thêm cơ quan, đơn vị" not in bold(at)
    assert reads["accounts"] == 1 and not {"directives", "tasks", "periods"} & set(reads)
    at.sidebar.radio[0].set_value("en").run()
    assert not at.exception
    assert "Add an account" in bold(at)
    assert "Add a body" not in bold(at)


def test_the_tasks_tab_reads_its_lists_again_only_after_a_write(reads, app_env):
    """A second run with nothing written reads nothing again (the loaders keep the lists); a
    committed change to a task drops them (components.loaders, models.changes)."""
    at = sign_in("vanphong")
    reads.clear()
    at.query_params["tab"] = "Văn bản, nhiệm vụ"
    at.switch_page("pages/admin.py").run()
    assert not at.exception
    assert reads["directives"] == 1 and reads["tasks"] == 1
    assert not {"accounts", "periods"} & set(reads)
    at.run()
    assert reads["directives"] == 1 and reads["tasks"] == 1
    task_id, text = first_task(app_env)
    try:
        set_text(app_env, task_id, text + " (đã sửa)")
        at.run()
        assert reads["tasks"] == 2
        assert text + " (đã sửa)" in [a.value for a in at.text_area]
    finally:
        set_text(app_env, task_id, text)


def first_task(url: str) -> tuple[int, str]:
    from sqlmodel import select

    from models import Section, Task, session_scope
    from models.db import get_engine

    with session_scope(get_engine(url)) as s:
        task = s.exec(select(Task).join(Section).order_by(Section.ordinal, Task.ordinal)).first()
        return task.id, task.text


def set_text(url: str, task_id: int, text: str) -> None:
    from models import Task, session_scope
    from models.db import get_engine

    with session_scope(get_engine(url)) as s:
        s.get(Task, task_id).text = text
