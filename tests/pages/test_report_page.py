"""Báo cáo định kỳ through AppTest on the demo database, for each role: who may draft which
report, the figures the preview shows, the Word file it offers."""

import io

import pytest
from docx import Document
from sqlmodel import Session

from components import loaders
from models.db import get_engine
from services.core.actor import SYSTEM
from services.read import periodic_report
from tests.pages.conftest import sign_in


def open_report(username: str):
    at = sign_in(username)
    at.switch_page("pages/report.py").run()
    assert not at.exception
    return at


def tiles(at) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def facts(period: str, org: str | None = None):
    with Session(get_engine()) as s:
        return periodic_report.build(s, actor=SYSTEM, period=period, organization_code=org)


@pytest.mark.parametrize("username", ["vanphong", "lanhdao", "xem"])
def test_the_office_leaders_and_viewers_get_the_provinces_report_and_any_bodys(app_env, username):
    at = open_report(username)
    expected = facts("2022-Q4")
    got = tiles(at)
    assert got["Lượt nhiệm vụ"] == str(expected.headline.assignments)
    assert got["Quá hạn"] == str(expected.headline.by_timeliness["overdue"])
    assert got["Kiến nghị chờ"] == str(len(expected.proposals))
    who = at.selectbox(key="pr_who")
    assert who.options[0] == "Toàn tỉnh (UBND tỉnh)" and len(who.options) > 20
    headings = [t.value for t in at.text] + [m.value for m in at.markdown]
    assert any("Cải cách thủ tục hành chính" in h for h in headings)
    assert any("III" in h and "ĐÁNH GIÁ CHUNG" in h for h in headings)
    # a body's report, chosen from the list
    who.set_value("HMT").run()
    assert not at.exception
    assert tiles(at)["Lượt nhiệm vụ"] == str(facts("2022-Q4", "HMT").headline.assignments)
    # a half-year
    at.selectbox(key="pr_kind").set_value("half").run()
    at.selectbox(key="pr_period_half").set_value("2022-H1").run()
    assert not at.exception
    assert tiles(at)["Lượt nhiệm vụ"] == str(facts("2022-H1", "HMT").headline.assignments)


def test_a_body_gets_its_own_report_only_and_downloads_it(app_env):
    at = open_report("stp")
    who = at.selectbox(key="pr_who")
    assert who.options == ["Sở Tư pháp"]
    expected = facts("2022-Q4", "STP")
    assert tiles(at)["Lượt nhiệm vụ"] == str(expected.headline.assignments)
    # the file the download button offers is the body's report (the loader it is drawn from)
    actor = at.session_state["actor"]
    content = loaders.periodic_report_docx(
        actor, "2022-Q4", "STP", expected.directive_id, None, "vi"
    )
    doc = Document(io.BytesIO(content))
    assert doc.tables[0].cell(1, 0).text == "Số: …/BC-STP"
    names = {r[1] for r in ([c.text for c in row.cells] for row in doc.tables[2].rows)}
    assert names == {"Cơ quan, đơn vị", "Sở Tư pháp", "Tổng cộng"}
    assert at.get("download_button")


def test_the_period_picker_names_periods_as_an_official_writes_them(app_env):
    at = open_report("vanphong")
    shown = [box.value for box in at.selectbox]  # the chosen values, as the page formats them
    options = [option for box in at.selectbox for option in box.options]
    assert "Quý IV năm 2022" in options, options  # the Roman numeral stays in capitals
    assert not any("Quý iv" in o or "Quý ii" in o for o in options), shown
