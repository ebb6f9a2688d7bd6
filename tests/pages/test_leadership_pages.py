"""The leadership pages through AppTest on the demo database: tiles equal SQL counts,
filters change them, and links with query parameters open the right detail."""

import pytest
from sqlalchemy import text
from sqlmodel import Session

from models.db import get_engine
from tests.conftest import TEST_COOKIE_SECRET
from tests.markdown_text import shown
from tests.pages.conftest import sign_in


def sql(query: str) -> int:
    with Session(get_engine()) as s:
        return int(s.execute(text(query)).scalar_one())


def tiles(at) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


# the assignments held on 31/12/2022 (the demo's Sở GTVT handed its own to Sở Xây dựng on
# 01/10/2022: the demo's merger)
HELD = "(a.held_until IS NULL OR a.held_until > '2022-12-31')"
OVERDUE = (
    "SELECT COUNT(*) FROM assignment a JOIN task t ON t.id = a.task_id "
    f"JOIN organization o ON o.id = a.organization_id WHERE {HELD} AND a.status <> 'done' AND "
    "COALESCE(a.due_date_override, t.due_date) < '2022-12-31' {extra}"
)


def test_overview_tiles_equal_the_database(app_env):
    at = sign_in("lanhdao")
    assert not at.exception
    got = tiles(at)
    assert got["Nhiệm vụ"] == str(sql("SELECT COUNT(*) FROM task"))
    assert got["Lượt giao cho đơn vị"] == str(
        sql(f"SELECT COUNT(*) FROM assignment a WHERE {HELD}")
    )
    assert got["Quá hạn chưa hoàn thành"] == str(sql(OVERDUE.format(extra="")))
    waiting = sql(
        "SELECT COUNT(*) FROM progressreport r WHERE r.proposals <> '' AND NOT EXISTS "
        "(SELECT 1 FROM direction d WHERE d.report_id = r.id)"
    )
    assert got["Kiến nghị chờ chỉ đạo"] == str(waiting)
    subheaders = [h.value for h in at.subheader]
    assert {"Tiến độ theo mục", "Đơn vị chậm nhất", "Chỉ tiêu"} <= set(subheaders)


def test_body_kind_filter_changes_the_tiles(app_env):
    at = sign_in("lanhdao")
    at.sidebar.selectbox(key="f_kind").set_value("district").run()
    assert not at.exception
    got = tiles(at)
    districts = sql(
        "SELECT COUNT(*) FROM assignment a JOIN organization o ON "
        f"o.id = a.organization_id WHERE o.kind = 'district' AND {HELD}"
    )
    assert got["Lượt giao cho đơn vị"] == str(districts)
    assert got["Quá hạn chưa hoàn thành"] == str(
        sql(OVERDUE.format(extra="AND o.kind = 'district'"))
    )
    # every row of the scorecard is a district
    scorecard = next(df for df in at.dataframe if "Hạng" in df.value.columns)
    names = set(scorecard.value["Đơn vị"])
    assert names and all(n.startswith(("Huyện", "Thành phố")) for n in names)


def test_area_filter_changes_the_tiles(app_env):
    at = sign_in("lanhdao")
    at.sidebar.selectbox(key="f_area").set_value("tthc").run()
    got = tiles(at)
    assert got["Nhiệm vụ"] == str(sql("SELECT COUNT(*) FROM task WHERE area = 'tthc'"))


def test_an_earlier_period_is_read_from_history(app_env):
    at = sign_in("lanhdao")
    at.sidebar.selectbox(key="f_period").set_value("2021-Q4").run()
    assert not at.exception
    assert any("31/12/2021" in c.value for c in at.caption)
    assert tiles(at)["Quá hạn chưa hoàn thành"] == "0"  # nothing was due by then


def test_deep_link_opens_a_body(app_env):
    at = sign_in("lanhdao")
    at.query_params["org"] = "HMT"
    at.switch_page("pages/body.py").run()
    assert not at.exception
    body_select = next(s for s in at.selectbox if s.label == "Đơn vị")
    assert body_select.value == "HMT"
    assert any("Xếp thứ" in m.value for m in at.markdown)


def test_deep_link_opens_a_task_grid_and_an_assignment(app_env):
    assignment = sql(
        "SELECT a.id FROM assignment a JOIN task t ON t.id = a.task_id JOIN section s "
        "ON s.id = t.section_id JOIN organization o ON o.id = a.organization_id "
        "WHERE s.ordinal = 1 AND t.ordinal = 11 AND o.code = 'SNV'"
    )
    at = sign_in("lanhdao")
    at.query_params["task"] = "1.11"
    at.query_params["assignment"] = str(assignment)
    at.query_params["period"] = "2022-Q4"
    at.switch_page("pages/directive.py").run()
    assert not at.exception
    heads = [shown(h.value) for h in at.subheader]
    assert any(h.startswith("Nhiệm vụ 1.11") for h in heads)
    assert any("Sở Nội vụ" in h and "1.11" in h for h in heads)
    grid = at.dataframe[0].value
    assert len(grid) == 27  # the 28 bodies of section 1, SGTVT merged into SXD (demo, 2022-Q4)


def test_deep_link_opens_a_target_and_bad_links_say_so(app_env):
    at = sign_in("lanhdao")
    at.query_params["target"] = "CT04"
    at.switch_page("pages/targets.py").run()
    assert not at.exception
    assert any(h.value.startswith("CT04") for h in at.subheader)
    at = sign_in("lanhdao")
    at.query_params["target"] = "XX99"
    at.switch_page("pages/targets.py").run()
    assert any("XX99" in w.value for w in at.warning)


@pytest.fixture
def two_directives(tmp_path, monkeypatch) -> str:
    """The demo and a second directive whose title begins with the same 60 characters."""
    from benchmarks import scale
    from config import get_settings
    from models import session_scope
    from models.db import build_engine
    from services.core.actor import SYSTEM
    from tests.conftest import migrate

    url = f"sqlite:///{tmp_path / 'two.db'}"
    migrate(url)
    engine = build_engine(url)
    with session_scope(engine) as s:
        scale.build(s, 2, actor=SYSTEM, password="laichau2021")
    engine.dispose()
    monkeypatch.setenv("DATABASE_URL", url)
    monkeypatch.setenv("COOKIE_SECRET", TEST_COOKIE_SECRET)
    get_settings.cache_clear()
    get_engine.cache_clear()
    return url


def test_two_directives_titled_alike_can_each_be_chosen(two_directives):
    at = sign_in("lanhdao")
    box = at.sidebar.selectbox(key="f_directive")
    assert len(set(box.options)) == 2, box.options  # the labels as shown: two, not one
    second = sql("SELECT MAX(id) FROM directive")
    box.set_value(second).run()
    assert not at.exception
    at.run()  # and it stays chosen on the next run
    assert at.sidebar.selectbox(key="f_directive").value == second
    assert tiles(at)["Lượt giao cho đơn vị"] == str(
        sql(
            "SELECT COUNT(*) FROM assignment a JOIN task t ON t.id = a.task_id JOIN section s "
            f"ON s.id = t.section_id WHERE s.directive_id = {second}"
        )
    )


def test_a_bodys_account_opens_the_body_page_on_its_own_body(app_env):
    at = sign_in("snv")
    at.switch_page("pages/body.py").run()
    assert not at.exception
    body_select = next(s for s in at.selectbox if s.label == "Đơn vị")
    assert body_select.value == "SNV"


def test_switching_to_english_changes_every_word_at_once(app_env):
    at = sign_in("lanhdao")
    at.sidebar.radio[0].set_value("en").run()
    assert not at.exception
    assert at.sidebar.radio[0].label == "Language"
    for key in ("f_area", "f_kind"):
        assert at.sidebar.selectbox(key=key).options[0] == "All"
    assert "Overview" in [t.value for t in at.title]
    at.sidebar.radio[0].set_value("vi").run()
    assert at.sidebar.radio[0].label == "Ngôn ngữ"
    assert at.sidebar.selectbox(key="f_area").options[0] == "Tất cả"
