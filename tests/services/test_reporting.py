"""Reports, figures, directions, the audit log and one's own account, through the services:
what a user would notice. Bad input gets its Vietnamese sentence and writes nothing."""

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlmodel import select

from models import Assignment, AuditEvent, Measurement, ProgressReport, User, session_scope
from render import audit as audit_csv
from services.accounts import own as accounts
from services.core.actor import check_password
from services.core.errors import InvalidInput, StaleUpdate
from services.read import audit_log
from services.reporting import figures, proposals
from services.reporting import reports as reporting
from services.reporting.reports import ReportInput, Urgency
from tests.services.reporting_db import (
    actor,
    assignment_of,
    counts,
    org_id,
    target_id,
    version_of,
)

GOOD = ReportInput(
    period="2022-Q4",
    status="in_progress",
    percent=70,
    result="Đã ban hành Kế hoạch 15/KH-STP",
    evidence_number="15/KH-STP",
    evidence_date=date(2022, 11, 20),
    evidence_link="https://stp.laichau.gov.vn/ke-hoach-15",
)


def submit(engine, data: ReportInput, *, code="STP", username="stp", version=None):
    assignment_id, current = assignment_of(engine, code)
    with session_scope(engine) as s:
        return reporting.submit_report(
            s,
            actor=actor(engine, username),
            assignment_id=assignment_id,
            expected_version=current if version is None else version,
            data=data,
        )


def test_a_report_becomes_the_assignments_state_with_one_audit_event(db):
    assignment_id, version = assignment_of(db, "STP")
    before = counts(db)
    report = submit(db, GOOD)
    with session_scope(db) as s:
        a = s.get(Assignment, assignment_id)
        assert (a.status, a.percent, a.last_period, a.version) == (
            "in_progress",
            70,
            "2022-Q4",
            version + 1,
        )
        assert a.last_reported_at is not None and not a.stuck
        stored = s.get(ProgressReport, report.id)
        assert stored.evidence_number == "15/KH-STP" and stored.on_behalf is False
        event = s.exec(select(AuditEvent).order_by(AuditEvent.id.desc())).first()
    assert counts(db) == {
        **before,
        "reports": before["reports"] + 1,
        "audit": before["audit"] + 1,
    }
    assert event.action == "report" and event.username == "stp"
    assert event.entity == "assignment" and event.entity_id == assignment_id
    assert event.organization_id == org_id(db, "STP")
    assert event.before["version"] == version and event.after["version"] == version + 1
    assert event.after["percent"] == 70 and event.after["report_id"] == report.id


def test_difficulties_or_proposals_mark_the_task_stuck_until_done(db):
    submit(db, replace(GOOD, proposals="Đề nghị bổ sung kinh phí"))
    assignment_id, _ = assignment_of(db, "STP")
    with session_scope(db) as s:
        assert s.get(Assignment, assignment_id).stuck
    submit(db, replace(GOOD, status="done", percent=100, result="Xong", proposals=""))
    with session_scope(db) as s:
        a = s.get(Assignment, assignment_id)
        assert a.status == "done" and not a.stuck and a.completed_on == date(2022, 12, 31)


def test_done_below_100_needs_a_confirmation(db):
    done = replace(GOOD, status="done", percent=90, result="Cơ bản hoàn thành")
    with pytest.raises(InvalidInput) as err:
        submit(db, done)
    assert "Trạng thái Hoàn thành nhưng tiến độ mới 90%" in str(err.value)
    report = submit(db, replace(done, confirm_done_below_100=True))
    assert report.status == "done" and report.percent == 90


LONG = "x" * 5001
BAD_INPUT = [
    ({"percent": 101}, "Tiến độ phải là số nguyên từ 0 đến 100 (%), không phải “101”."),
    ({"percent": -1}, "Tiến độ phải là số nguyên từ 0 đến 100"),
    ({"percent": "bảy mươi"}, "Tiến độ phải là số nguyên từ 0 đến 100"),
    ({"percent": 50.5}, "Tiến độ phải là số nguyên"),
    ({"status": "done", "percent": 80}, "Trạng thái Hoàn thành nhưng tiến độ mới 80%"),
    ({"status": "not_started", "result": "  "}, "Khi thay đổi trạng thái, hãy ghi Kết quả"),
    ({"status": "finished"}, "Trạng thái “finished” không hợp lệ"),
    ({"period": "2027-Q1"}, "Kỳ 2027-Q1 chưa bắt đầu"),
    ({"period": "2026-Q4"}, "Kỳ 2026-Q4 sau kỳ báo cáo hiện tại (2022-Q4)"),
    ({"period": "2020-Q1"}, "Kỳ 2020-Q1 chưa được Văn phòng UBND tỉnh mở để báo cáo."),
    ({"period": "Q4/2022"}, "Kỳ báo cáo “Q4/2022” không hợp lệ"),
    ({"period": "2022"}, "Báo cáo theo quý: ghi kỳ dạng 2022-Q4"),
    ({"result": LONG}, "Kết quả thực hiện dài 5001 ký tự, quá giới hạn 5.000 ký tự"),
    ({"difficulties": LONG}, "Khó khăn, vướng mắc dài 5001 ký tự"),
    ({"proposals": LONG}, "Kiến nghị, đề xuất dài 5001 ký tự"),
    ({"evidence_number": "1" * 201}, "Số văn bản dài 201 ký tự"),
    (
        {"evidence_link": "javascript:alert(1)"},
        "chỉ nhận địa chỉ bắt đầu bằng http:// hoặc https://",
    ),
    ({"evidence_link": "ftp://stp.gov.vn/a.pdf"}, "http:// hoặc https://"),
    ({"evidence_link": "stp.laichau.gov.vn"}, "http:// hoặc https://"),
    ({"evidence_link": "https://a b.vn"}, "http:// hoặc https://"),
    ({"evidence_date": date(2099, 1, 1)}, "Ngày văn bản 01/01/2099 ở tương lai"),
]


@pytest.mark.parametrize(("change", "words"), BAD_INPUT, ids=[str(c)[:40] for c, _ in BAD_INPUT])
def test_bad_input_gets_a_vietnamese_sentence_and_writes_nothing(db, change, words):
    assignment_id, version = assignment_of(db, "STP")
    before = counts(db)
    with pytest.raises(InvalidInput) as err:
        submit(db, replace(GOOD, **change))
    assert words in str(err.value)
    assert counts(db) == before
    assert version_of(db, assignment_id) == version


def test_a_period_before_the_last_report_is_refused(db):
    submit(db, GOOD)  # 2022-Q4
    with pytest.raises(InvalidInput) as err:
        submit(db, replace(GOOD, period="2022-Q2"))
    assert "Nhiệm vụ đã có báo cáo kỳ 2022-Q4: không gửi báo cáo cho kỳ 2022-Q2" in str(err.value)


def test_a_stale_form_is_refused_saying_who_reported_and_nothing_is_written(db):
    assignment_id, opened_at = assignment_of(db, "STP")
    submit(db, GOOD, username="vanphong")  # someone else reports first
    before = counts(db)
    with pytest.raises(StaleUpdate) as err:
        submit(db, replace(GOOD, percent=75), version=opened_at)
    message = str(err.value)
    assert message.startswith("Báo cáo chưa được ghi: Văn phòng UBND tỉnh (demo) đã cập nhật")
    assert "(kỳ 2022-Q4, tiến độ 70%)" in message and "Nội dung bạn nhập vẫn còn" in message
    assert counts(db) == before
    assert version_of(db, assignment_id) == opened_at + 1


def test_typed_html_is_stored_as_typed_and_control_characters_are_dropped(db):
    text = '<script>alert("x")</script> **đậm** [link](javascript:alert(1))\x00'
    report = submit(db, replace(GOOD, result=text))
    with session_scope(db) as s:
        assert s.get(ProgressReport, report.id).result == text.removesuffix("\x00")


def test_the_office_reports_on_behalf_of_a_body(db):
    report = submit(db, GOOD, code="HMT", username="vanphong")
    with session_scope(db) as s:
        event = s.exec(select(AuditEvent).order_by(AuditEvent.id.desc())).first()
    assert report.on_behalf is True and event.after["on_behalf"] is True
    assert event.organization_id == org_id(db, "HMT")


# --- reading -------------------------------------------------------------------------------


def test_a_bodys_assignments_come_most_urgent_first(db):
    with session_scope(db) as s:
        rows = reporting.body_assignments(
            s, actor=actor(db, "hmt"), organization_id=org_id(db, "HMT")
        )
    order = [list(Urgency).index(r.urgency) for r in rows]
    assert rows and order == sorted(order)
    overdue = [r for r in rows if r.urgency == Urgency.OVERDUE]
    assert all(r.due_date and r.status != "done" for r in overdue)


def test_a_partner_sees_the_leads_reports_on_the_same_task(db):
    partner_id, _ = assignment_of(db, "BUUDIEN", role="partner")  # 5.4, led by Sở TT&TT
    with session_scope(db) as s:
        lead = s.exec(
            select(Assignment).where(
                Assignment.task_id == s.get(Assignment, partner_id).task_id,
                Assignment.role == "lead",
            )
        ).one()
    with session_scope(db) as s:
        reporting.submit_report(
            s,
            actor=actor(db, "stttt"),
            assignment_id=lead.id,
            expected_version=lead.version,
            data=replace(GOOD, result="Sở TT&TT đã ký kết với Bưu điện tỉnh"),
        )
    with session_scope(db) as s:
        seen = reporting.reports_of_lead(s, actor=actor(db, "buudien"), assignment_id=partner_id)
    assert seen[0].organization_code == "STTTT"
    assert seen[0].result == "Sở TT&TT đã ký kết với Bưu điện tỉnh"


def test_report_periods_stop_at_the_current_one_and_at_the_last_report():
    codes = ["2022-Q4", "2022-Q3", "2022-Q2"]
    assert reporting.report_periods(codes, last_period=None) == codes
    assert reporting.report_periods(codes, last_period="2022-Q3") == ["2022-Q4", "2022-Q3"]


def test_open_periods_are_the_current_one_and_before(db):
    with session_scope(db) as s:
        codes = reporting.open_periods(s)
    assert codes[0] == "2022-Q4" and "2026-Q4" not in codes and codes[-1] == "2021-Q3"


# --- directions ----------------------------------------------------------------------------


def test_a_leaders_direction_answers_the_proposal_and_the_body_sees_it(db):
    submit(db, replace(GOOD, proposals="Đề nghị hỗ trợ kinh phí số hóa"))
    leader = actor(db, "lanhdao")
    with session_scope(db) as s:
        waiting = proposals.waiting(s, actor=leader, organization_id=org_id(db, "STP"))
    mine = next(p for p in waiting if p.proposals == "Đề nghị hỗ trợ kinh phí số hóa")
    with session_scope(db) as s:
        proposals.give_direction(
            s, actor=leader, report_id=mine.report_id, text="Giao Sở Tài chính bố trí", closed=True
        )
    with session_scope(db) as s:
        still = proposals.waiting(s, actor=leader)
        done = proposals.answered(s, actor=leader)
        seen = reporting.reports_on_assignment(
            s, actor=actor(db, "stp"), assignment_id=mine.assignment_id
        )
    assert mine.report_id not in {p.report_id for p in still}
    assert done[0].report_id == mine.report_id and done[0].closed
    assert seen[0].directions[0].text == "Giao Sở Tài chính bố trí"


@pytest.mark.parametrize(
    ("text", "words"),
    [("   ", "Hãy ghi nội dung ý kiến chỉ đạo."), (LONG, "Ý kiến chỉ đạo dài 5001 ký tự")],
)
def test_a_direction_needs_text_of_a_sensible_length(db, text, words):
    with session_scope(db) as s:
        report_id = s.exec(select(ProgressReport.id).where(ProgressReport.proposals != "")).first()
    before = counts(db)
    with session_scope(db) as s, pytest.raises(InvalidInput) as err:
        proposals.give_direction(s, actor=actor(db, "lanhdao"), report_id=report_id, text=text)
    assert words in str(err.value) and counts(db) == before


# --- figures -------------------------------------------------------------------------------


def figure(engine, target_code, value, *, period="2022-Q4", body="STP", username="stp"):
    with session_scope(engine) as s:
        return figures.submit_figure(
            s,
            actor=actor(engine, username),
            data=figures.FigureInput(
                target_id=target_id(engine, target_code),
                organization_id=org_id(engine, body) if body else None,
                period=period,
                value=value,
            ),
        )


def test_a_figure_is_added_and_the_audit_keeps_the_value_it_replaces(db):
    first = figure(db, "CT02", "97,5")
    second = figure(db, "CT02", "98.5 %")
    assert (first.value, second.value) == (97.5, 98.5)
    with session_scope(db) as s:
        event = s.exec(select(AuditEvent).order_by(AuditEvent.id.desc())).first()
        latest = figures.latest(
            s,
            target_id=target_id(db, "CT02"),
            organization_id=org_id(db, "STP"),
            period="2022-Q4",
        )
    assert event.before["value"] == 97.5 and event.after["value"] == 98.5
    assert latest.id == second.id


def test_a_province_figure_is_stored_under_no_body(db):
    row = figure(db, "CT07", "100", period="2022", body=None)
    assert row.organization_id is None and row.period == "2022"


@pytest.mark.parametrize(
    ("code", "value", "period", "words"),
    [
        ("CT02", "abc", "2022-Q4", "“abc” không phải là số"),
        ("CT02", "", "2022-Q4", "“” không phải là số"),
        ("CT02", "1.234,5", "2022-Q4", "không phải là số"),
        ("CT02", "nan", "2022-Q4", "không phải là số"),
        ("CT02", "120", "2022-Q4", "Tỷ lệ phải từ 0 đến 100 (%), không phải “120”."),
        ("CT02", "-3", "2022-Q4", "Tỷ lệ phải từ 0 đến 100"),
        ("CT02", "50", "2022", "Báo cáo theo quý"),
        ("CT02", "50", "2027-Q1", "chưa bắt đầu"),
        ("CT07", "50", "2022-Q4", "Chỉ tiêu này tính theo năm"),
        ("CT07", "50", "2027", "Kỳ 2027 chưa bắt đầu"),
    ],
)
def test_bad_figures_are_refused_and_nothing_is_written(db, code, value, period, words):
    before = counts(db)
    body = "STP" if code == "CT02" else None
    with pytest.raises(InvalidInput) as err:
        figure(db, code, value, period=period, body=body)
    assert words in str(err.value) and counts(db) == before


RANK = "Thứ hạng phải là số nguyên dương"
DONE_ONLY = "Chỉ tiêu này chỉ nhận Đã thực hiện (1) hoặc Chưa thực hiện (0)"


@pytest.mark.parametrize(
    ("code", "value", "words"),
    [
        ("CT11", "30", None),
        ("CT11", "0", RANK),
        ("CT11", "2,5", RANK),
        ("CT13", "1", None),
        ("CT13", "2", DONE_ONLY),
        ("CT10", "5,3", None),
    ],
)
def test_figures_are_checked_by_the_targets_kind(db, code, value, words):
    owner = {"CT11": "snv", "CT13": "skhdt", "CT10": "skhdt"}[code]
    if words is None:
        assert figure(db, code, value, period="2022", body=None, username=owner)
        return
    with pytest.raises(InvalidInput) as err:
        figure(db, code, value, period="2022", body=None, username=owner)
    assert words in str(err.value)


def test_a_body_sees_the_targets_it_owns_and_the_per_body_ones(db):
    with session_scope(db) as s:
        codes = {
            t.code
            for t in figures.targets_for(
                s, actor=actor(db, "stp"), organization_id=org_id(db, "STP")
            )
        }
    assert codes == {"CT02", "CT03", "CT04", "CT05", "CT07", "CT08"}


# --- the audit log -------------------------------------------------------------------------


def test_the_audit_log_filters_by_body_user_and_day_and_downloads_as_csv(db):
    submit(db, GOOD, code="SNV", username="snv")
    office = actor(db, "vanphong")
    today = datetime.now(UTC).date()
    with session_scope(db) as s:
        by_body = audit_log.events(
            s, actor=office, filters=audit_log.AuditFilters(organization_id=org_id(db, "SNV"))
        )
        by_user = audit_log.events(s, actor=office, filters=audit_log.AuditFilters(username="snv"))
        today_only = audit_log.events(
            s,
            actor=office,
            filters=audit_log.AuditFilters(
                date_from=today - timedelta(days=1), date_to=today + timedelta(days=1)
            ),
        )
        long_ago = audit_log.events(
            s,
            actor=office,
            filters=audit_log.AuditFilters(date_from=date(2000, 1, 1), date_to=date(2000, 1, 2)),
        )
    assert by_body and all(r.organization_code == "SNV" for r in by_body)
    assert by_user and all(r.username == "snv" for r in by_user)
    assert today_only and not long_ago
    csv = audit_csv.to_csv(by_user).decode("utf-8-sig").splitlines()
    assert csv[0] == ",".join(audit_csv.CSV_COLUMNS)
    assert len(csv) == len(by_user) + 1 and ",snv,report,assignment," in csv[1]
    assert "percent: " in audit_csv.changes(by_user[0].before, by_user[0].after)


def test_an_upside_down_date_range_is_refused(db):
    with session_scope(db) as s, pytest.raises(InvalidInput) as err:
        audit_log.events(
            s,
            actor=actor(db, "vanphong"),
            filters=audit_log.AuditFilters(date_from=date(2022, 12, 2), date_to=date(2022, 12, 1)),
        )
    assert "“Từ ngày” 02/12/2022 sau “Đến ngày” 01/12/2022" in str(err.value)


# --- one's own account ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("current", "new", "repeat", "words"),
    [
        ("sai-mat-khau", "mat-khau-moi-1", "mat-khau-moi-1", "Mật khẩu hiện tại không đúng"),
        ("laichau2021", "mat-khau-moi-1", "mat-khau-moi-2", "không khớp"),
        ("laichau2021", "ngan", "ngan", "ít nhất 8 ký tự"),
        ("laichau2021", " co-dau-cach ", " co-dau-cach ", "dấu cách"),
        ("laichau2021", "laichau2021", "laichau2021", "phải khác mật khẩu hiện tại"),
    ],
)
def test_changing_ones_password_refuses_bad_input(db, current, new, repeat, words):
    before = counts(db)
    with session_scope(db) as s, pytest.raises(InvalidInput) as err:
        accounts.change_password(
            s, actor=actor(db, "tplc"), current=current, new=new, repeat=repeat
        )
    assert words in str(err.value) and counts(db) == before


def test_changing_ones_password(db):
    with session_scope(db) as s:
        accounts.change_password(
            s,
            actor=actor(db, "hsh"),
            current="laichau2021",
            new="mat-khau-moi-2026",
            repeat="mat-khau-moi-2026",
        )
    with session_scope(db) as s:
        user = s.exec(select(User).where(User.username == "hsh")).one()
        event = s.exec(select(AuditEvent).order_by(AuditEvent.id.desc())).first()
    assert check_password("mat-khau-moi-2026", user.password_hash)
    assert event.action == "change_password" and "hash" not in str(event.after)


def test_measurements_keep_their_history(db):
    """Entering a figure again adds a row: nothing a body entered is overwritten."""
    figure(db, "CT03", "40")
    figure(db, "CT03", "41")
    with session_scope(db) as s:
        rows = s.exec(
            select(Measurement).where(
                Measurement.target_id == target_id(db, "CT03"),
                Measurement.organization_id == org_id(db, "STP"),
                Measurement.period == "2022-Q4",
            )
        ).all()
    assert [r.value for r in rows][-2:] == [40.0, 41.0]
