"""The import and administration pages through Streamlit's AppTest, on a private copy of the
demo database (these tests write)."""

import sqlite3
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest
from sqlalchemy import func
from sqlmodel import Session, select

from app import PAGES
from models import Directive, Organization, Task
from models.db import build_engine
from services.core.permissions import ROLE_PAGES
from tests.conftest import ROOT, TEST_COOKIE_SECRET
from tests.markdown_text import shown
from tests.pages.conftest import sign_in

KE_HOACH = (ROOT / "tests" / "fixtures" / "ke-hoach-cchc-2022.txt").read_text(encoding="utf-8")


@pytest.fixture
def own_db(demo_sqlite_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    from config import get_settings
    from models.db import get_engine

    source = demo_sqlite_url.removeprefix("sqlite:///")
    copy = tmp_path / "own.db"
    with closing(sqlite3.connect(source)) as src, closing(sqlite3.connect(copy)) as dst:
        src.backup(dst)
    url = f"sqlite:///{copy}"
    monkeypatch.setenv("DATABASE_URL", url)
    monkeypatch.setenv("COOKIE_SECRET", TEST_COOKIE_SECRET)
    get_settings.cache_clear()
    get_engine.cache_clear()
    yield url
    get_settings.cache_clear()
    get_engine.cache_clear()


def count(url: str, table) -> int:
    engine = build_engine(url)
    try:
        with Session(engine) as s:
            return int(s.exec(select(func.count()).select_from(table)).one())
    finally:
        engine.dispose()


def button(at, key: str):
    return next(b for b in at.button if b.key == key)


@pytest.mark.parametrize(
    ("role", "username"),
    [("leader", "lanhdao"), ("secretariat", "vanphong"), ("body", "snv"), ("viewer", "xem")],
)
def test_a_page_outside_a_roles_list_cannot_be_opened(own_db, role, username):
    """Every page a role may not open is not in its page list, so not reachable by its URL
    either (the browser's side: tests/security/test_legacy_pages.py)."""
    at = sign_in(username)
    for key, (path, _, _) in PAGES.items():
        if key in ROLE_PAGES[role]:
            at.switch_page(path).run()
            assert not at.exception and not at.error, (role, key)
        else:
            with pytest.raises(ValueError, match="Could not find a navigation page"):
                at.switch_page(path)


def test_only_the_secretariat_gets_the_import_and_admin_pages(own_db):
    at = sign_in("vanphong")
    at.switch_page("pages/admin.py").run()
    assert not at.exception
    assert [t.value for t in at.title] == ["Quản trị"]
    assert [tab.label for tab in at.tabs][:5] == [
        "Cơ quan, đơn vị",
        "Tài khoản",
        "Văn bản, nhiệm vụ",
        "Kỳ báo cáo",
        "Sao lưu",
    ]


def test_paste_preview_and_save_a_plan(own_db):
    before = count(own_db, Directive)
    at = sign_in("vanphong")
    at.switch_page("pages/import_directive.py").run()
    assert [t.value for t in at.title] == ["Nhập văn bản"]
    at.text_area[0].input(KE_HOACH)
    button(at, "imp_read_paste").click().run()
    assert not at.exception
    markdown = "\n".join(shown(m.value) for m in at.markdown)
    assert "**Kế hoạch** số 15/KH-UBND · ngày 20/01/2022 · 8 mục · 14 nhiệm vụ" in markdown
    assert [ti.value for ti in at.text_input][:2] == ["Kế hoạch", "15/KH-UBND"]
    assert any("chưa có cơ quan chủ trì" in w.value for w in at.warning)
    assert count(own_db, Directive) == before  # nothing written by reading
    button(at, "imp_save").click().run()
    assert not at.exception and not at.error
    assert any("Đã nhập văn bản mã 15/KH-UBND" in shown(s.value) for s in at.success)
    assert count(own_db, Directive) == before + 1
    # the same plan again is refused, and says so
    at.text_area[0].input(KE_HOACH)
    button(at, "imp_read_paste").click().run()
    button(at, "imp_save").click().run()
    assert any("đã có trong hệ thống" in e.value for e in at.error)
    assert count(own_db, Directive) == before + 1


def test_empty_paste_is_one_clear_message(own_db):
    at = sign_in("vanphong")
    at.switch_page("pages/import_directive.py").run()
    button(at, "imp_read_paste").click().run()
    assert not at.exception
    assert [e.value for e in at.error] == [
        "Tệp hoặc đoạn văn bản trống: không có gì để đọc. Không lưu gì."
    ]


def test_admin_adds_a_body_and_refuses_a_bad_code(own_db):
    before = count(own_db, Organization)
    at = sign_in("vanphong")
    at.switch_page("pages/admin.py").run()
    form_inputs = {ti.label: ti for ti in at.text_input}
    form_inputs["Mã"].input("a b")
    form_inputs["Tên"].input("Ban Quản lý dự án")
    next(b for b in at.button if b.label == "Thêm").click().run()
    assert any("Mã “A B” không hợp lệ" in e.value for e in at.error)
    assert count(own_db, Organization) == before
    form_inputs = {ti.label: ti for ti in at.text_input}
    form_inputs["Mã"].input("BQLDA")
    form_inputs["Tên"].input("Ban Quản lý dự án")
    next(b for b in at.button if b.label == "Thêm").click().run()
    assert not at.exception
    assert any("Đã thêm đơn vị BQLDA" in s.value for s in at.success)
    assert count(own_db, Organization) == before + 1


def test_admin_shows_the_tasks_of_the_directive(own_db):
    at = sign_in("vanphong")
    at.query_params["tab"] = "Văn bản, nhiệm vụ"  # only the open tab runs
    at.switch_page("pages/admin.py").run()
    assert not at.exception
    assert count(own_db, Task) == 40
    captions = "\n".join(c.value for c in at.caption)
    assert "8 mục · 40 nhiệm vụ · đang theo dõi" in captions


def test_a_body_named_but_not_listed_is_added_in_one_click_and_the_text_read_again(own_db):
    before = count(own_db, Organization)
    plan = (
        "KẾ HOẠCH\nCải cách hành chính năm 2025\nI. NHIỆM VỤ\n"
        "1. Sở Dân tộc và Tôn giáo\n- Rà soát thủ tục hành chính về tín ngưỡng, tôn giáo.\n"
    )
    at = sign_in("vanphong")
    at.switch_page("pages/import_directive.py").run()
    at.text_area[0].input(plan)
    button(at, "imp_read_paste").click().run()
    assert not at.exception
    assert any("không có trong danh mục" in w.value for w in at.warning)
    assert "Sở Dân tộc và Tôn giáo" in [x.value for x in at.text]
    add = next(b for b in at.button if b.key and b.key.startswith("imp_add_"))
    add.click().run()
    assert not at.exception and not at.error
    assert count(own_db, Organization) == before + 1
    assert any("Đã thêm Sở Dân tộc và Tôn giáo" in shown(s.value) for s in at.success)
    assert not any("không có trong danh mục" in w.value for w in at.warning)
    assert not any("chưa có cơ quan chủ trì" in w.value for w in at.warning)  # now assigned
