"""The one text catalogue: every user-facing string, Vietnamese first, then English.

Plain data and one function, no Streamlit, so manage.py and services' errors use it too.
"""

from typing import Any

LANGUAGES = ("vi", "en")

TEXTS: dict[str, tuple[str, str]] = {
    # --- application shell
    "app.title": ("Theo dõi Chỉ thị CCHC tỉnh Lai Châu", "Lai Châu administrative reform tracker"),
    "app.subtitle": (
        "Theo dõi thực hiện Chỉ thị về đẩy mạnh cải cách hành chính",
        "Following up the directive on stepping up administrative reform",
    ),
    "app.language": ("Ngôn ngữ", "Language"),
    "app.demo_banner": (
        "DỮ LIỆU MINH HỌA (demo): số liệu, báo cáo và tài khoản trên màn hình này là giả lập, "
        "không phải số liệu thật của tỉnh.",
        "DEMO DATA: the figures, reports and accounts on this screen are made up, not the "
        "province's real data.",
    ),
    "app.db_unreachable": (
        "Không kết nối được cơ sở dữ liệu ({url}). Kiểm tra DATABASE_URL và máy chủ CSDL.",
        "Cannot reach the database ({url}). Check DATABASE_URL and the database server.",
    ),
    "app.db_not_ready": (
        "Cơ sở dữ liệu chưa được khởi tạo. Chạy: python manage.py init-db && python manage.py seed",
        "The database is not initialised. Run: python manage.py init-db && python manage.py seed",
    ),
    "app.signed_in_as": ("Đăng nhập: **{name}** ({role})", "Signed in: **{name}** ({role})"),
    "app.as_of": ("Kỳ báo cáo hiện tại: {period}", "Current reporting period: {period}"),
    # --- sign-in
    "auth.form": ("Đăng nhập", "Sign in"),
    "auth.username": ("Tên đăng nhập", "Username"),
    "auth.password": ("Mật khẩu", "Password"),
    "auth.submit": ("Đăng nhập", "Sign in"),
    "auth.logout": ("Đăng xuất", "Sign out"),
    "auth.failed": ("Tên đăng nhập hoặc mật khẩu không đúng.", "Wrong username or password."),
    "auth.demo_hint": (
        "Tài khoản minh họa (chỉ dùng cho demo): lanhdao, vanphong, xem, hoặc mã đơn vị viết "
        "thường (snv, stp, tplc, ...).",
        "Demo accounts (demo only): lanhdao, vanphong, xem, or a body's code in lower case "
        "(snv, stp, tplc, ...).",
    ),
    # --- roles
    "role.leader": ("Lãnh đạo", "Leader"),
    "role.secretariat": ("Văn phòng (thư ký)", "Secretariat"),
    "role.body": ("Đơn vị", "Body"),
    "role.viewer": ("Người xem", "Viewer"),
    # --- pages
    "page.not_allowed": (
        "Tài khoản này không được mở trang này; hãy chọn một trang trong danh mục bên trái.",
        "This account may not open this page; choose one from the menu on the left.",
    ),
    "page.overview": ("Tổng quan", "Overview"),
    "page.directive": ("Chỉ thị", "Directive"),
    "page.body": ("Đơn vị", "Bodies"),
    "page.targets": ("Chỉ tiêu", "Targets"),
    "page.my_tasks": ("Nhiệm vụ của đơn vị", "Our tasks"),
    "page.figures": ("Số liệu", "Figures"),
    "page.proposals": ("Kiến nghị", "Proposals"),
    "page.audit": ("Nhật ký", "Audit log"),
    "page.briefing": ("Trình chiếu", "Briefing"),
    "page.coming": (
        "Màn hình này đang được xây dựng (xem các issue của dự án).",
        "This screen is being built (see the project's issues).",
    ),
    # --- overview (foundation figures)
    "ov.tasks": ("Nhiệm vụ", "Tasks"),
    "ov.assignments": ("Lượt giao cho đơn vị", "Body assignments"),
    "ov.bodies": ("Cơ quan, đơn vị", "Bodies"),
    "ov.targets": ("Chỉ tiêu", "Targets"),
    "ov.sections": ("Mục", "Sections"),
    "ov.no_directive": (
        "Chưa có chỉ thị nào. Chạy: python manage.py seed",
        "No directive yet. Run: python manage.py seed",
    ),
    "ov.read_on": ("số liệu tính đến ngày {day}", "figures as of {day}"),
    "ov.mean_percent": ("Tiến độ bình quân", "Average progress"),
    "ov.stuck": ("Đang vướng mắc", "Stuck"),
    "dir.no_number": ("(chưa có số)", "(no number)"),
    "dir.issued": ("Ngày ban hành", "Issued"),
    "dir.no_date": ("(chưa có)", "(not given)"),
    "dir.signer": ("Người ký", "Signed by"),
    "dir.leads": ("{n} đơn vị chủ trì", "{n} lead bodies"),
    "dir.due": ("Thời hạn {day}", "Due {day}"),
    "dir.partners": ("Phối hợp: {names}", "Partners: {names}"),
    "ov.section_table": ("Nhiệm vụ theo mục của Chỉ thị", "Tasks by section of the directive"),
    "col.section": ("Mục", "Section"),
    "col.heading": ("Giao cho", "Addressed to"),
    "col.tasks": ("Số nhiệm vụ", "Tasks"),
    "col.assignments": ("Lượt giao", "Assignments"),
    "col.done": ("Hoàn thành", "Done"),
    "col.percent": ("Tiến độ (%)", "Progress (%)"),
    # --- statuses and timeliness
    "status.not_started": ("Chưa triển khai", "Not started"),
    "status.in_progress": ("Đang thực hiện", "In progress"),
    "status.done": ("Hoàn thành", "Done"),
    "status.stuck": ("Vướng mắc", "Stuck"),
    "tl.done_on_time": ("Hoàn thành đúng hạn", "Done on time"),
    "tl.done_late": ("Hoàn thành quá hạn", "Done late"),
    "tl.in_progress_on_time": ("Đang thực hiện trong hạn", "In progress, on time"),
    "tl.overdue": ("Quá hạn chưa hoàn thành", "Overdue, not done"),
    "tl.reported": ("Đã báo cáo kỳ này", "Reported this period"),
    "tl.not_reported": ("Chưa báo cáo kỳ này", "Not reported this period"),
    # --- reform areas and cadences
    "area.chi_dao_dieu_hanh": ("Chỉ đạo, điều hành", "Direction and management"),
    "area.the_che": ("Cải cách thể chế", "Institutions"),
    "area.tthc": ("Cải cách TTHC", "Administrative procedures"),
    "area.to_chuc_bo_may": ("Tổ chức bộ máy", "Organisation of the apparatus"),
    "area.cong_vu": ("Công vụ, CBCCVC", "Civil service and staff"),
    "area.tai_chinh_cong": ("Tài chính công", "Public finance"),
    "area.chinh_quyen_so": ("Chính quyền điện tử, số", "E-/digital government"),
    "cadence.once": ("Một lần", "Once"),
    "cadence.annual": ("Hằng năm", "Annual"),
    "cadence.periodic": ("Định kỳ", "Periodic"),
    "cadence.continuous": ("Thường xuyên", "Continuous"),
    # --- errors (services raise these keys)
    "err.permission": ("Bạn không có quyền thực hiện thao tác này.", "You may not do this."),
    "err.period_format": (
        "Kỳ báo cáo “{value}” không hợp lệ: ghi theo dạng 2022-Q1 (quý) hoặc 2022 (năm).",
        "Reporting period “{value}” is invalid: write 2022-Q1 (quarter) or 2022 (year).",
    ),
    "err.period_range": (
        "Khoảng kỳ báo cáo từ {first} đến {last} không hợp lệ.",
        "The period range {first} to {last} is invalid.",
    ),
    "err.username_format": (
        "Tên đăng nhập “{value}” không hợp lệ: 2–50 ký tự chữ thường không dấu, số, . _ -",
        "Username “{value}” is invalid: 2-50 characters, lower-case letters, digits, . _ -",
    ),
    "err.username_taken": (
        "Tên đăng nhập “{value}” đã có người dùng. Không tạo tài khoản nào.",
        "Username “{value}” is taken. No account was created.",
    ),
    "err.role_unknown": (
        "Vai trò “{value}” không có. Chọn một trong: {allowed}.",
        "Role “{value}” does not exist. Choose one of: {allowed}.",
    ),
    "err.org_unknown": (
        "Không có cơ quan, đơn vị mã “{value}”.",
        "There is no body with code “{value}”.",
    ),
    "err.org_inactive": (
        "Cơ quan, đơn vị “{value}” đã ngừng hoạt động.",
        "Body “{value}” is inactive.",
    ),
    "err.body_needs_org": (
        "Tài khoản vai trò Đơn vị phải gắn với một cơ quan, đơn vị (--org MÃ).",
        "A body account needs a body (--org CODE).",
    ),
    "err.org_only_for_body": (
        "Chỉ tài khoản vai trò Đơn vị mới gắn với cơ quan, đơn vị.",
        "Only a body account belongs to a body.",
    ),
    "err.password_short": (
        "Mật khẩu phải có ít nhất {n} ký tự.",
        "The password needs at least {n} characters.",
    ),
    # --- command line
    "cli.db_ready": (
        "Đã cập nhật cấu trúc CSDL lên phiên bản mới nhất.",
        "Database schema is up to date.",
    ),
    "cli.seed_nothing": (
        "Dữ liệu đã có đủ: không thêm gì.",
        "Everything is already there: nothing added.",
    ),
    "cli.seed_added": ("Đã thêm: {what}", "Added: {what}"),
    "cli.seed_no_demo": (
        "CSDL đã có dữ liệu nên không nạp dữ liệu minh họa; chỉ bổ sung văn bản, đơn vị và chỉ "
        "tiêu còn thiếu.",
        "The database already holds data, so no demo data was loaded; only the missing "
        "directive, bodies and targets were added.",
    ),
    "err.demo_not_empty": (
        "Không nạp dữ liệu minh họa: CSDL này đã có {rows} bản ghi, mà dữ liệu minh họa chỉ "
        "được nạp vào một CSDL trống.",
        "Demo data not loaded: this database already holds {rows} rows, and demo data only "
        "goes into an empty database.",
    ),
    "cli.demo_accounts": (
        "Tài khoản demo (CHỈ DÙNG THỬ): lanhdao, vanphong, xem và mã đơn vị viết thường; "
        "mật khẩu: {password}",
        "Demo accounts (DEMO ONLY): lanhdao, vanphong, xem and each body's code in lower case; "
        "password: {password}",
    ),
    "cli.user_created": (
        "Đã tạo tài khoản {username} ({role}).",
        "Created account {username} ({role}).",
    ),
    "cli.password_prompt": ("Mật khẩu: ", "Password: "),
    "cli.password_again": ("Nhập lại mật khẩu: ", "Password again: "),
    "cli.password_mismatch": ("Hai lần nhập mật khẩu không khớp.", "The passwords do not match."),
    "cli.unlocked": ("Đã mở khóa đăng nhập cho {who}.", "Sign-in unlocked for {who}."),
    "cli.not_locked": (
        "{who} không bị tạm dừng đăng nhập; không có gì thay đổi.",
        "{who} is not waiting to sign in; nothing changed.",
    ),
    "cli.unlock_what": (
        "Cho biết tên tài khoản hoặc --address ĐỊA_CHỈ_IP.",
        "Give an account name or --address IP_ADDRESS.",
    ),
    # --- overview, directive, body and target pages (issue 3)
    "ov.lists": ("Danh sách", "List"),
    "tgp.mean": ("Bình quân các đơn vị", "Mean of the bodies"),
    "dir.number": ("Số", "Number"),
    "dir.back": ("← Về mục {n}", "← Back to section {n}"),
    "dir.no_assignment": (
        "Địa chỉ có lượt giao “{value}” không thuộc nhiệm vụ này; hãy chọn một đơn vị trong bảng.",
        "The address names an assignment “{value}” that is not in this task; pick a body in "
        "the table.",
    ),
    "dir.task_summary": (
        "Hoàn thành {done}/{total} · quá hạn {overdue} · chưa báo cáo {missing}",
        "Done {done}/{total} · overdue {overdue} · not reported {missing}",
    ),
    "col.result": ("Kết quả", "Result"),
    "health.red": ("Chậm", "Behind"),
    "health.amber": ("Cần chú ý", "Watch"),
    "health.green": ("Tốt", "Good"),
    "body.unknown": (
        "Không có đơn vị mã “{value}”; đang hiển thị đơn vị đầu danh sách.",
        "There is no body “{value}”; showing the first one.",
    ),
    "body.inactive": (
        "Đơn vị này đã ngừng hoạt động; số liệu được giữ nguyên.",
        "This body is inactive; its history is kept.",
    ),
    "body.rank": (
        "Xếp thứ **{rank}/{peers}** trong nhóm {kind} (chậm nhất xếp đầu).",
        "Ranked **{rank} of {peers}** among {kind} (most behind first).",
    ),
    "body.no_assignments": (
        "Đơn vị chưa được giao nhiệm vụ nào trong văn bản này.",
        "This body has no assignment in this directive.",
    ),
    "body.assignments": ("Nhiệm vụ được giao (kỳ {period})", "Assignments ({period})"),
    "body.reports": ("Báo cáo gần đây", "Recent reports"),
    "tgp.unknown": (
        "Không có chỉ tiêu mã “{value}”; đang hiển thị chỉ tiêu đầu danh sách.",
        "There is no target “{value}”; showing the first one.",
    ),
    "tgp.source": ("Câu trong Chỉ thị:", "The directive's sentence:"),
    "tgp.by_body": ("Từng đơn vị ({period})", "Each body ({period})"),
    "tgp.owner": ("Đơn vị chủ trì: {code}", "Owner: {code}"),
    "tgp.task": ("Nhiệm vụ {label}", "Task {label}"),
    "tgp.scope_province": ("Toàn tỉnh", "Province-wide"),
    "tgp.scope_per_body": ("Từng đơn vị báo cáo số liệu", "Reported by each body"),
    "tgk.at_least": ("Tối thiểu", "At least"),
    "tgk.at_most": ("Tối đa", "At most"),
    "tgk.exactly": ("Phải đạt", "Must reach"),
    "tgk.better_than_previous": ("Tốt hơn kỳ trước", "Better than last period"),
    "tgk.rank": ("Thứ hạng (càng nhỏ càng tốt)", "Rank (lower is better)"),
    "tgk.done": ("Thực hiện / chưa thực hiện", "Done or not"),
    "dir.choose_section": ("Mục của Chỉ thị", "Section of the directive"),
    "dir.no_section": (
        "Không có mục “{value}”; đang hiển thị mục đầu tiên.",
        "There is no section “{value}”; showing the first.",
    ),
    "dir.no_task": (
        "Không có nhiệm vụ “{value}” trong văn bản này; đang hiển thị mục đầu tiên.",
        "There is no task “{value}” in this directive; showing the first section.",
    ),
    "dir.open_task": ("Xem các đơn vị", "Bodies"),
    "dir.grid": ("Nhiệm vụ {label}: từng đơn vị, kỳ {period}", "Task {label}: each body, {period}"),
    "dir.grid_summary": (
        "{done}/{total} đơn vị đã hoàn thành. Chọn một dòng để xem lịch sử báo cáo.",
        "{done} of {total} bodies done. Choose a row to see its reports.",
    ),
    "dir.history": ("Lịch sử báo cáo: {body}, nhiệm vụ {label}", "Reports: {body}, task {label}"),
    "dir.no_reports": ("Chưa có báo cáo nào.", "No report yet."),
    "dir.evidence": ("Văn bản minh chứng: {doc}", "Evidence: {doc}"),
    "dir.evidence_link": ("Mở văn bản minh chứng", "Open the evidence"),
    "dir.direction": ("Ý kiến chỉ đạo ({day}, {state})", "Direction ({day}, {state})"),
    "dir.open": ("đang theo dõi", "open"),
    "dir.closed": ("đã đóng", "closed"),
    "tgp.province": ("Toàn tỉnh", "Province"),
    "tg.no_data": ("{period}: chưa có số liệu", "{period}: no figure"),
    "tg.no_baseline": (
        "{v}{u} ({period}); chưa có số liệu kỳ trước để so sánh",
        "{v}{u} ({period}); no earlier figure to compare with",
    ),
    "tg.at_least_met": ("{v}{u} ≥ {t}{u}: đạt", "{v}{u} ≥ {t}{u}: met"),
    "tg.at_least_missed": ("{v}{u} < {t}{u}: chưa đạt", "{v}{u} < {t}{u}: not met"),
    "tg.at_most_met": ("{v}{u} ≤ {t}{u}: đạt", "{v}{u} ≤ {t}{u}: met"),
    "tg.at_most_missed": ("{v}{u} > {t}{u}: chưa đạt", "{v}{u} > {t}{u}: not met"),
    "tg.exactly_met": ("{v}{u} = {t}{u}: đạt", "{v}{u} = {t}{u}: met"),
    "tg.exactly_missed": ("{v}{u} < {t}{u}: chưa đạt", "{v}{u} < {t}{u}: not met"),
    "tg.done_met": ("{period}: đã thực hiện, đạt", "{period}: done, met"),
    "tg.done_missed": ("{period}: chưa thực hiện", "{period}: not done"),
    "tg.rank_up": (
        "Hạng {v} (kỳ trước {prev}): tăng {d} bậc, đạt",
        "Rank {v} (before: {prev}): up {d} places, met",
    ),
    "tg.rank_same": (
        "Hạng {v}, không đổi so với kỳ trước: chưa đạt",
        "Rank {v}, unchanged: not met",
    ),
    "tg.rank_down": (
        "Hạng {v} (kỳ trước {prev}): giảm {d} bậc, chưa đạt",
        "Rank {v} (before: {prev}): down {d} places, not met",
    ),
    "tg.better_higher": ("{prev}{u} → {v}{u}: tăng, đạt", "{prev}{u} → {v}{u}: up, met"),
    "tg.better_lower": ("{prev}{u} → {v}{u}: giảm, đạt", "{prev}{u} → {v}{u}: down, met"),
    "tg.not_better": (
        "{prev}{u} → {v}{u}: không cải thiện, chưa đạt",
        "{prev}{u} → {v}{u}: no better, not met",
    ),
    "tg.bodies_all": ("{met}/{total} đơn vị đạt ({period})", "{met}/{total} bodies met ({period})"),
    "tg.bodies_some": (
        "{met}/{total} đơn vị đạt; {missing} chưa có số liệu ({period})",
        "{met}/{total} bodies met; {missing} without a figure ({period})",
    ),
    "tg.status.met": ("Đạt", "Met"),
    "tg.status.not_met": ("Chưa đạt", "Not met"),
    "tg.status.partial": ("Đạt một phần", "Partly met"),
    "tg.status.no_data": ("Chưa có số liệu", "No figure"),
    "kind.provincial": ("Sở, ban, ngành", "Provincial bodies"),
    "kind.district": ("Huyện, thành phố", "Districts"),
    "kind.external": ("Đơn vị phối hợp ngoài", "External partners"),
    "role_in_task.lead": ("Chủ trì", "Lead"),
    "role_in_task.partner": ("Phối hợp", "Partner"),
    "f.directive": ("Văn bản", "Directive"),
    "f.period": ("Tính đến kỳ", "As of period"),
    "f.area": ("Lĩnh vực CCHC", "Reform area"),
    "f.kind": ("Loại đơn vị", "Kind of body"),
    "f.all": ("Tất cả", "All"),
    "ov.bodies_not_reported": ("Đơn vị chưa báo cáo kỳ này", "Bodies not reported"),
    "ov.proposals_waiting": ("Kiến nghị chờ chỉ đạo", "Proposals waiting"),
    "ov.by_section": ("Tiến độ theo mục", "Progress by section"),
    "ov.by_area": ("Tiến độ theo lĩnh vực", "Progress by reform area"),
    "ov.scorecard": ("Đơn vị chậm nhất", "Bodies most behind"),
    "ov.share": ("Tỷ lệ lượt giao", "Share of assignments"),
    "ov.overdue_list": ("Quá hạn", "Overdue"),
    "ov.stuck_list": ("Vướng mắc", "Stuck"),
    "ov.proposal_list": ("Kiến nghị chờ chỉ đạo", "Proposals waiting"),
    "ov.trend": ("Xu hướng theo kỳ", "Trend by period"),
    "ov.full_scorecard": ("Bảng xếp hạng đầy đủ", "Full scorecard"),
    "ov.click_hint": (
        "Chọn một dòng hoặc một thanh để xem chi tiết.",
        "Choose a row or a bar to open its detail.",
    ),
    "ov.none": ("Không có.", "None."),
    "ov.history_note": (
        "Số liệu dựng lại từ lịch sử báo cáo tính đến ngày {day}.",
        "Figures rebuilt from the report history as of {day}.",
    ),
    "col.rank": ("Hạng", "Rank"),
    "col.body": ("Đơn vị", "Body"),
    "col.code": ("Mã", "Code"),
    "col.health": ("Mức", "Level"),
    "col.overdue": ("Quá hạn", "Overdue"),
    "col.not_reported": ("Chưa báo cáo", "Not reported"),
    "col.stuck": ("Vướng mắc", "Stuck"),
    "col.task": ("Nhiệm vụ", "Task"),
    "col.task_text": ("Nội dung nhiệm vụ", "Task"),
    "col.days_overdue": ("Số ngày quá hạn", "Days overdue"),
    "col.due": ("Thời hạn", "Due"),
    "col.proposal": ("Kiến nghị", "Proposal"),
    "col.difficulties": ("Khó khăn, vướng mắc", "Difficulties"),
    "col.days_waiting": ("Số ngày chờ", "Days waiting"),
    "col.raised_on": ("Ngày gửi", "Raised on"),
    "col.target": ("Chỉ tiêu", "Target"),
    "col.assessment": ("Đánh giá", "Assessment"),
    "col.status": ("Tình trạng", "Status"),
    "col.timeliness": ("Tiến độ so với thời hạn", "Timeliness"),
    "col.role": ("Vai trò", "Role"),
    "col.period": ("Kỳ", "Period"),
    "col.value": ("Giá trị", "Value"),
    "col.area": ("Lĩnh vực", "Area"),
    "col.last_report": ("Báo cáo gần nhất", "Last report"),
    "col.owner": ("Đơn vị chủ trì", "Owner"),
    "col.mean_percent": ("Tiến độ bình quân (%)", "Mean progress (%)"),
    "col.overdue_count": ("Số lượt quá hạn", "Overdue assignments"),
    # --- reporting, figures, proposals, audit, sign-in hardening (issue 4)
    "rp.open_link": ("Mở văn bản", "Open the document"),
    "au.entity.assignment": ("Nhiệm vụ được giao", "Assignment"),
    "au.entity.measurement": ("Số liệu", "Figure"),
    "au.entity.direction": ("Ý kiến chỉ đạo", "Direction"),
    "au.entity.user": ("Tài khoản", "Account"),
    "au.entity.database": ("Cơ sở dữ liệu", "Database"),
    "au.entity.sign_in": ("Đăng nhập", "Sign-in"),
    "fg.body_help": (
        "Văn phòng nhập số liệu thay cho đơn vị được chọn.",
        "The office enters figures for the chosen body.",
    ),
    "fg.caption": (
        "{body}: số liệu các chỉ tiêu đơn vị theo dõi và các chỉ tiêu mọi đơn vị đều báo cáo.",
        "{body}: figures for the targets it follows and those every body reports.",
    ),
    "fg.no_targets": (
        "Đơn vị không có chỉ tiêu nào phải báo cáo số liệu.",
        "The body has no targets to report figures for.",
    ),
    "fg.target": ("Chỉ tiêu", "Target"),
    "fg.goal": ("Mục tiêu", "Goal"),
    "fg.kind.at_least": ("từ {value}{unit} trở lên", "at least {value}{unit}"),
    "fg.kind.at_most": ("không quá {value}{unit}", "at most {value}{unit}"),
    "fg.kind.exactly": ("đạt {value}{unit}", "exactly {value}{unit}"),
    "fg.kind.better_than_previous": ("tốt hơn kỳ trước", "better than the previous period"),
    "fg.kind.rank": (
        "thứ hạng tốt hơn năm trước (số nhỏ hơn là tốt hơn)",
        "a better rank than last year (lower is better)",
    ),
    "fg.kind.done": ("tổ chức thực hiện trong năm", "done in the year"),
    "fg.period_type.year": ("báo cáo theo năm", "reported by year"),
    "fg.period_type.quarter": ("báo cáo theo quý", "reported by quarter"),
    "fg.scope_per_body": (
        "mỗi đơn vị báo cáo số liệu của mình",
        "each body reports its own figure",
    ),
    "fg.scope_province": (
        "số liệu toàn tỉnh, do {owner} báo cáo",
        "province-wide, reported by {owner}",
    ),
    "fg.on_behalf_note": (
        "Văn phòng đang nhập số liệu thay cho {body}.",
        "The office is entering figures for {body}.",
    ),
    "fg.period": ("Kỳ", "Period"),
    "fg.value": ("Giá trị ({unit})", "Value ({unit})"),
    "fg.value_plain": ("Giá trị", "Value"),
    "fg.value_hint": ("ví dụ 12,5", "e.g. 12.5"),
    "fg.value_help": (
        "Ghi số; dùng dấu phẩy hoặc dấu chấm thập phân đều được.",
        "A number; a decimal comma or point both work.",
    ),
    "fg.rank_help": ("Số nguyên dương: 1 là cao nhất.", "A positive whole number: 1 is the best."),
    "fg.value_done": ("Kết quả", "Result"),
    "fg.done_yes": ("Đã thực hiện", "Done"),
    "fg.done_no": ("Chưa thực hiện", "Not done"),
    "fg.source": ("Nguồn số liệu", "Source"),
    "fg.source_hint": (
        "ví dụ Báo cáo số 12/BC-STP ngày 05/01/2023",
        "e.g. Report 12/BC-STP of 05/01/2023",
    ),
    "fg.note": ("Ghi chú", "Note"),
    "fg.submit": ("Ghi số liệu", "Save figure"),
    "fg.saved": (
        "Đã ghi số liệu {code} kỳ {period}: {value}{unit}.",
        "Figure {code} for {period} saved: {value}{unit}.",
    ),
    "fg.read_only": (
        "Chỉ tiêu này do {owner} báo cáo; bạn chỉ xem được.",
        "{owner} reports this target; you can only read it.",
    ),
    "fg.recent": ("Số liệu đã nhập gần đây", "Recently entered figures"),
    "fg.none_yet": ("Chưa có số liệu nào.", "No figures yet."),
    "fg.province": ("Toàn tỉnh", "Province"),
    "fg.col.target": ("Chỉ tiêu", "Target"),
    "fg.col.body": ("Đơn vị", "Body"),
    "fg.col.period": ("Kỳ", "Period"),
    "fg.col.value": ("Giá trị", "Value"),
    "fg.col.source": ("Nguồn", "Source"),
    "fg.col.note": ("Ghi chú", "Note"),
    "fg.col.at": ("Thời điểm nhập", "Entered at"),
    "pp.tab_waiting": ("Chờ ý kiến chỉ đạo ({n})", "Waiting for a direction ({n})"),
    "pp.tab_answered": ("Đã cho ý kiến ({n})", "Answered ({n})"),
    "pp.none_waiting": (
        "Không có kiến nghị nào đang chờ ý kiến chỉ đạo.",
        "No proposal is waiting for a direction.",
    ),
    "pp.waiting_caption": (
        "Kiến nghị, đề xuất các đơn vị gửi kèm báo cáo tiến độ, mới nhất trước.",
        "Proposals the bodies sent with their progress reports, newest first.",
    ),
    "pp.col.sent": ("Ngày gửi", "Sent"),
    "pp.col.period": ("Kỳ", "Period"),
    "pp.col.body": ("Đơn vị", "Body"),
    "pp.col.task": ("Nhiệm vụ", "Task"),
    "pp.col.proposal": ("Kiến nghị, đề xuất", "Proposal"),
    "pp.col.answered": ("Ngày cho ý kiến", "Answered"),
    "pp.col.direction": ("Ý kiến chỉ đạo", "Direction"),
    "pp.col.by": ("Người cho ý kiến", "By"),
    "pp.col.closed": ("Đã đóng", "Closed"),
    "pp.choose": ("Chọn kiến nghị để cho ý kiến", "Choose a proposal to answer"),
    "pp.direction": ("Ý kiến chỉ đạo", "Direction"),
    "pp.close": ("Đóng kiến nghị (đã giải quyết xong)", "Close the proposal (settled)"),
    "pp.close_help": (
        "Để trống nếu đơn vị còn phải báo cáo tiếp về việc này.",
        "Leave unticked if the body should report back on it.",
    ),
    "pp.submit": ("Gửi ý kiến chỉ đạo", "Send the direction"),
    "pp.saved": (
        "Đã gửi ý kiến chỉ đạo cho {body} về nhiệm vụ {label}; đơn vị thấy ý kiến này trên trang "
        "nhiệm vụ của mình.",
        "Direction sent to {body} on task {label}; the body sees it on its tasks page.",
    ),
    "pp.closed": ("đã đóng", "closed"),
    "pp.none_answered": (
        "Chưa có kiến nghị nào được cho ý kiến.",
        "No proposal has been answered yet.",
    ),
    "au.all_users": ("Tất cả người dùng", "All users"),
    "au.user": ("Người thực hiện", "User"),
    "au.from": ("Từ ngày", "From"),
    "au.to": ("Đến ngày", "To"),
    "au.count": ("{n} sự kiện, mới nhất trước.", "{n} events, newest first."),
    "au.count_max": (
        "Hiển thị {n} sự kiện mới nhất; thu hẹp bộ lọc để xem các sự kiện cũ hơn.",
        "Showing the latest {n} events; narrow the filters to see older ones.",
    ),
    "au.download": ("Tải về CSV", "Download CSV"),
    "au.col.at": ("Thời điểm", "When"),
    "au.col.user": ("Người thực hiện", "User"),
    "au.col.action": ("Thao tác", "Action"),
    "au.col.entity": ("Đối tượng", "Record"),
    "au.col.body": ("Đơn vị", "Body"),
    "au.col.changes": ("Thay đổi", "Changes"),
    "au.action.report": ("Báo cáo tiến độ", "Progress report"),
    "au.action.figure": ("Nhập số liệu", "Figure"),
    "au.action.direction": ("Ý kiến chỉ đạo", "Direction"),
    "au.action.change_password": ("Đổi mật khẩu", "Password change"),
    "au.action.create": ("Tạo mới", "Created"),
    "au.action.seed": ("Nạp dữ liệu chỉ thị", "Directive loaded"),
    "au.action.seed_demo": ("Nạp dữ liệu minh họa", "Demo data loaded"),
    "au.action.sign_in": ("Đăng nhập", "Signed in"),
    "au.action.sign_in_failed": ("Đăng nhập sai", "Failed sign-in"),
    "au.action.sign_in_refused": (
        "Đăng nhập bị từ chối (đơn vị ngừng hoạt động)",
        "Sign-in refused (body inactive)",
    ),
    "au.action.sign_in_locked": ("Tạm dừng đăng nhập", "Sign-in paused"),
    "au.action.sign_in_unlocked": ("Mở khóa đăng nhập", "Sign-in unlocked"),
    "au.action.sign_out": ("Đăng xuất", "Signed out"),
    "auth.secret_default": (
        "Không khởi động: COOKIE_SECRET đang là giá trị mặc định, ai cũng đoán được. Đặt một "
        "chuỗi ngẫu nhiên từ 32 ký tự trở lên (hoặc bỏ trống để hệ thống tự tạo) rồi chạy lại.",
        "Not starting: COOKIE_SECRET is a default value anyone can guess. Set a random string of "
        "32 characters or more (or leave it empty to have one generated), then start again.",
    ),
    "auth.secret_short": (
        "Không khởi động: COOKIE_SECRET ngắn hơn 32 ký tự. Đặt một chuỗi ngẫu nhiên từ 32 ký tự "
        "trở lên (hoặc bỏ trống để hệ thống tự tạo) rồi chạy lại.",
        "Not starting: COOKIE_SECRET is shorter than 32 characters. Set a random string of 32 "
        "characters or more (or leave it empty to have one generated), then start again.",
    ),
    "auth.secret_weak": (
        "Không khởi động: COOKIE_SECRET dễ đoán (lặp lại, theo thứ tự, theo bàn phím hoặc ghép "
        'từ thông dụng). Đặt một chuỗi ngẫu nhiên, ví dụ kết quả của python -c "import secrets; '
        'print(secrets.token_urlsafe(48))" (hoặc bỏ trống để hệ thống tự tạo) rồi chạy lại.',
        "Not starting: COOKIE_SECRET is guessable (repeated, in sequence, along the keyboard or "
        'made of common words). Set a random string, e.g. the output of python -c "import '
        'secrets; print(secrets.token_urlsafe(48))" (or leave it empty to have one generated), '
        "then start again.",
    ),
    "auth.wait": (
        "Đăng nhập tạm dừng vì đã nhập sai nhiều lần. Vui lòng thử lại sau {seconds} giây.",
        "Signing in is paused after too many wrong attempts. Try again in {seconds} seconds.",
    ),
    "auth.body_inactive": (
        "Đơn vị “{name}” đã ngừng hoạt động nên tài khoản của đơn vị không đăng nhập được nữa. "
        "Liên hệ Văn phòng UBND tỉnh.",
        "The body “{name}” is inactive, so its accounts can no longer sign in. Contact the "
        "provincial office.",
    ),
    "auth.change_password": ("Đổi mật khẩu", "Change password"),
    "auth.current_password": ("Mật khẩu hiện tại", "Current password"),
    "auth.new_password": (
        "Mật khẩu mới (ít nhất 8 ký tự, khó đoán)",
        "New password (8 characters or more, hard to guess)",
    ),
    "auth.repeat_password": ("Nhập lại mật khẩu mới", "New password again"),
    "auth.change_submit": ("Lưu mật khẩu mới", "Save the new password"),
    "auth.password_changed": (
        "Đã đổi mật khẩu. Lần đăng nhập sau dùng mật khẩu mới.",
        "Password changed. Use the new one next time you sign in.",
    ),
    "rp.body": ("Đơn vị", "Body"),
    "rp.all_bodies": ("Tất cả đơn vị", "All bodies"),
    "mt.body_help": (
        "Văn phòng báo cáo thay cho đơn vị được chọn; báo cáo được ghi nhận là báo cáo thay.",
        "The office reports for the chosen body; the report is recorded as entered on its behalf.",
    ),
    "mt.no_body": (
        "Tài khoản này không gắn với đơn vị nào nên không có nhiệm vụ để báo cáo.",
        "This account belongs to no body, so it has no tasks to report on.",
    ),
    "mt.caption": (
        "{body} · Kỳ báo cáo hiện tại: {period} · tính đến ngày {day}",
        "{body} · Current reporting period: {period} · as of {day}",
    ),
    "mt.no_tasks": ("Đơn vị chưa được giao nhiệm vụ nào.", "The body has no assignments."),
    "mt.total": ("Nhiệm vụ được giao", "Assignments"),
    "mt.urgency.overdue": ("Quá hạn", "Overdue"),
    "mt.urgency.due_soon": ("Đến hạn trong 14 ngày", "Due within 14 days"),
    "mt.urgency.not_reported": ("Chưa báo cáo kỳ này", "Not reported this period"),
    "mt.urgency.in_progress": ("Đã báo cáo kỳ này", "Reported this period"),
    "mt.urgency.done": ("Hoàn thành", "Done"),
    "mt.col.attention": ("Cần chú ý", "Attention"),
    "mt.col.task": ("Nhiệm vụ", "Task"),
    "mt.col.text": ("Nội dung", "Text"),
    "mt.col.role": ("Vai trò", "Role"),
    "mt.col.status": ("Trạng thái", "Status"),
    "mt.col.percent": ("Tiến độ", "Progress"),
    "mt.col.due": ("Thời hạn", "Due"),
    "mt.col.last": ("Báo cáo gần nhất", "Last report"),
    "mt.role.lead": ("Chủ trì", "Lead"),
    "mt.role.partner": ("Phối hợp", "Partner"),
    "mt.choose": ("Chọn nhiệm vụ để xem và báo cáo", "Choose a task to see and report on"),
    "mt.task_head": ("Nhiệm vụ {label}", "Task {label}"),
    "mt.state": ("Hiện tại: {status}, {percent}%", "Now: {status}, {percent}%"),
    "mt.direction": (
        "Ý kiến chỉ đạo về kiến nghị kỳ {period} (ngày {day}):",
        "Direction on the proposal of {period} ({day}):",
    ),
    "mt.history": ("Các báo cáo trước ({n} gần nhất)", "Earlier reports (latest {n})"),
    "mt.lead_reports": ("Báo cáo của đơn vị chủ trì ({n})", "The lead body's reports ({n})"),
    "rp.form_head": ("Báo cáo tiến độ", "Progress report"),
    "rp.on_behalf_note": (
        "Văn phòng đang báo cáo thay cho {body}: báo cáo được ghi nhận là báo cáo thay.",
        "The office is reporting for {body}: the report is recorded as entered on its behalf.",
    ),
    "rp.changed_since_open": (
        "Nhiệm vụ này đã có báo cáo mới sau khi bạn mở biểu mẫu. Xem báo cáo mới nhất bên dưới; "
        "nội dung bạn đang nhập vẫn được giữ.",
        "This task has a newer report than when you opened the form. See the latest report "
        "below; what you are typing is kept.",
    ),
    "rp.adopt_latest": (
        "Đã xem: giữ nội dung đang nhập và gửi theo bản mới nhất",
        "Seen it: keep my text and send against the latest version",
    ),
    "rp.period": ("Kỳ báo cáo", "Reporting period"),
    "rp.status": ("Trạng thái", "Status"),
    "rp.percent": ("Tiến độ (%)", "Progress (%)"),
    "rp.result": ("Kết quả thực hiện", "Result"),
    "rp.result_help": (
        "Bắt buộc khi đổi trạng thái. Tối đa {n} ký tự.",
        "Required when the status changes. At most {n} characters.",
    ),
    "rp.difficulties": ("Khó khăn, vướng mắc", "Difficulties"),
    "rp.text_help": ("Tối đa {n} ký tự.", "At most {n} characters."),
    "rp.proposals": ("Kiến nghị, đề xuất", "Proposals"),
    "rp.proposals_help": (
        "Những việc cần Lãnh đạo UBND tỉnh cho ý kiến chỉ đạo. Tối đa {n} ký tự.",
        "What needs a direction from the provincial leaders. At most {n} characters.",
    ),
    "rp.evidence_number": ("Số văn bản", "Document number"),
    "rp.evidence_date": ("Ngày văn bản", "Document date"),
    "rp.evidence_link": ("Liên kết văn bản (http/https)", "Document link (http/https)"),
    "rp.evidence": ("Văn bản", "Document"),
    "rp.confirm_done": (
        "Xác nhận: nhiệm vụ đã hoàn thành dù tiến độ ghi dưới 100%",
        "Confirm: the task is done although progress is below 100%",
    ),
    "rp.submit": ("Gửi báo cáo", "Send report"),
    "rp.saved": (
        "Đã ghi báo cáo nhiệm vụ {label} kỳ {period}.",
        "Report on task {label} for {period} saved.",
    ),
    "rp.by": ("Người gửi: {who} · {at}", "By {who} · {at}"),
    "rp.on_behalf": ("Văn phòng báo cáo thay", "Entered by the office on the body's behalf"),
    "rp.direction_head": ("Ý kiến chỉ đạo của {who} ({at})", "Direction from {who} ({at})"),
    "err.perm_read": ("Bạn không có quyền xem nội dung này.", "You may not see this."),
    "err.perm_report": (
        "Tài khoản của bạn không có quyền gửi báo cáo tiến độ; không có gì được ghi.",
        "Your account may not send progress reports; nothing was saved.",
    ),
    "err.perm_figure": (
        "Tài khoản của bạn không có quyền nhập số liệu; không có gì được ghi.",
        "Your account may not enter figures; nothing was saved.",
    ),
    "err.perm_direct": (
        "Chỉ Lãnh đạo UBND tỉnh mới cho ý kiến chỉ đạo; không có gì được ghi.",
        "Only the Provincial People's Committee's leaders give directions; nothing was saved.",
    ),
    "err.perm_audit": (
        "Chỉ Văn phòng UBND tỉnh mới xem được nhật ký thay đổi.",
        "Only the Provincial People's Committee's office may read the audit log.",
    ),
    "err.perm_other_body": (
        "Bạn chỉ được báo cáo và nhập số liệu cho đơn vị của mình; không có gì được ghi.",
        "You may report and enter figures for your own body only; nothing was saved.",
    ),
    "err.assignment_not_found": (
        "Không tìm thấy nhiệm vụ được giao (mã {id}).",
        "Assignment {id} was not found.",
    ),
    "err.target_not_found": ("Không tìm thấy chỉ tiêu (mã {id}).", "Target {id} was not found."),
    "err.org_not_found": (
        "Không tìm thấy cơ quan, đơn vị (mã {id}).",
        "Body {id} was not found.",
    ),
    "err.proposal_not_found": (
        "Không tìm thấy kiến nghị (báo cáo mã {id}).",
        "Proposal (report {id}) was not found.",
    ),
    "err.account_not_found": (
        "Không tìm thấy tài khoản đang hoạt động của bạn.",
        "Your active account was not found.",
    ),
    "err.stale_report": (
        "Báo cáo chưa được ghi: {who} đã cập nhật nhiệm vụ này lúc {at} (kỳ {period}, tiến độ "
        "{percent}%) sau khi bạn mở biểu mẫu. Nội dung bạn nhập vẫn còn trong biểu mẫu: xem báo "
        "cáo mới nhất rồi gửi lại.",
        "Your report was not saved: {who} updated this task at {at} (period {period}, "
        "{percent}%) after you opened the form. What you typed is still in the form: look at the "
        "latest report, then send again.",
    ),
    "err.stale_report_unknown": (
        "Báo cáo chưa được ghi: nhiệm vụ này vừa được cập nhật sau khi bạn mở biểu mẫu. Nội dung "
        "bạn nhập vẫn còn trong biểu mẫu: xem lại rồi gửi lại.",
        "Your report was not saved: this task was updated after you opened the form. What you "
        "typed is still in the form: check, then send again.",
    ),
    "err.period_quarter": (
        "Báo cáo theo quý: ghi kỳ dạng 2022-Q4, không phải “{value}”.",
        "Reports are by quarter: write the period as 2022-Q4, not “{value}”.",
    ),
    "err.period_future": (
        "Kỳ {value} chưa bắt đầu (hôm nay là {today}): không báo cáo trước cho kỳ tương lai.",
        "Period {value} has not begun (today is {today}): no reports for a future period.",
    ),
    "err.period_after_current": (
        "Kỳ {value} sau kỳ báo cáo hiện tại ({current}): chỉ báo cáo cho kỳ hiện tại hoặc các "
        "kỳ trước.",
        "Period {value} is after the current reporting period ({current}): report for the "
        "current period or an earlier one.",
    ),
    "err.period_unknown": (
        "Kỳ {value} chưa được Văn phòng UBND tỉnh mở để báo cáo.",
        "Period {value} has not been opened for reporting by the office.",
    ),
    "err.period_before_last": (
        "Nhiệm vụ đã có báo cáo kỳ {last}: không gửi báo cáo cho kỳ {value} trước đó.",
        "This task already has a report for {last}: no report for the earlier period {value}.",
    ),
    "err.status_unknown": (
        "Trạng thái “{value}” không hợp lệ: chọn Chưa triển khai, Đang thực hiện hoặc Hoàn thành.",
        "Status “{value}” is invalid: choose Not started, In progress or Done.",
    ),
    "err.percent_range": (
        "Tiến độ phải là số nguyên từ 0 đến 100 (%), không phải “{value}”.",
        "Progress must be a whole number from 0 to 100 (%), not “{value}”.",
    ),
    "err.result_too_long": (
        "Kết quả thực hiện dài {length} ký tự, quá giới hạn {n} ký tự: hãy rút gọn (văn bản đầy "
        "đủ có thể gửi kèm qua liên kết).",
        "The result is {length} characters long, over the limit of {n}: shorten it (link the "
        "full document instead).",
    ),
    "err.difficulties_too_long": (
        "Khó khăn, vướng mắc dài {length} ký tự, quá giới hạn {n} ký tự: hãy rút gọn.",
        "The difficulties are {length} characters long, over the limit of {n}: shorten them.",
    ),
    "err.proposals_too_long": (
        "Kiến nghị, đề xuất dài {length} ký tự, quá giới hạn {n} ký tự: hãy rút gọn.",
        "The proposals are {length} characters long, over the limit of {n}: shorten them.",
    ),
    "err.evidence_number_too_long": (
        "Số văn bản dài {length} ký tự, quá giới hạn {n} ký tự.",
        "The document number is {length} characters long, over the limit of {n}.",
    ),
    "err.note_too_long": (
        "Ghi chú dài {length} ký tự, quá giới hạn {n} ký tự: hãy rút gọn.",
        "The note is {length} characters long, over the limit of {n}: shorten it.",
    ),
    "err.source_too_long": (
        "Nguồn số liệu dài {length} ký tự, quá giới hạn {n} ký tự.",
        "The source is {length} characters long, over the limit of {n}.",
    ),
    "err.direction_too_long": (
        "Ý kiến chỉ đạo dài {length} ký tự, quá giới hạn {n} ký tự: hãy rút gọn.",
        "The direction is {length} characters long, over the limit of {n}: shorten it.",
    ),
    "err.link_too_long": (
        "Liên kết văn bản dài quá {n} ký tự.",
        "The document link is longer than {n} characters.",
    ),
    "err.link_scheme": (
        "Liên kết “{value}” không hợp lệ: chỉ nhận địa chỉ bắt đầu bằng http:// hoặc https://.",
        "Link “{value}” is invalid: only addresses starting with http:// or https:// are taken.",
    ),
    "err.evidence_date_future": (
        "Ngày văn bản {value} ở tương lai: kiểm tra lại ngày ban hành.",
        "The document date {value} is in the future: check the date of issue.",
    ),
    "err.result_required": (
        "Khi thay đổi trạng thái, hãy ghi Kết quả thực hiện.",
        "When the status changes, write the result.",
    ),
    "err.done_below_100": (
        "Trạng thái Hoàn thành nhưng tiến độ mới {percent}%. Sửa tiến độ thành 100%, hoặc đánh "
        "dấu ô xác nhận trong biểu mẫu rồi gửi lại.",
        "The status is Done but progress is {percent}%. Set progress to 100%, or tick the "
        "confirmation box in the form and send again.",
    ),
    "err.figure_not_number": (
        "“{value}” không phải là số. Ghi số, ví dụ 12,5 hoặc 12.5.",
        "“{value}” is not a number. Write a number, e.g. 12.5.",
    ),
    "err.figure_percent": (
        "Tỷ lệ phải từ 0 đến 100 (%), không phải “{value}”.",
        "A percentage must be from 0 to 100, not “{value}”.",
    ),
    "err.figure_rank": (
        "Thứ hạng phải là số nguyên dương (1, 2, 3…), không phải “{value}”.",
        "A rank must be a positive whole number (1, 2, 3…), not “{value}”.",
    ),
    "err.figure_done": (
        "Chỉ tiêu này chỉ nhận Đã thực hiện (1) hoặc Chưa thực hiện (0), không phải “{value}”.",
        "This target takes Done (1) or Not done (0) only, not “{value}”.",
    ),
    "err.figure_negative": (
        "Số liệu không được là số âm: “{value}”.",
        "A figure cannot be negative: “{value}”.",
    ),
    "err.figure_needs_body": (
        "Chỉ tiêu này tính theo từng đơn vị: hãy chọn đơn vị.",
        "This target is per body: choose the body.",
    ),
    "err.figure_period_year": (
        "Chỉ tiêu này tính theo năm: ghi kỳ dạng 2022, không phải “{value}”.",
        "This target is yearly: write the period as 2022, not “{value}”.",
    ),
    "err.direction_required": (
        "Hãy ghi nội dung ý kiến chỉ đạo.",
        "Write the direction.",
    ),
    "err.date_range": (
        "“Từ ngày” {first} sau “Đến ngày” {last}: hãy chọn lại khoảng ngày.",
        "“From” {first} is after “To” {last}: choose the days again.",
    ),
    "err.password_current_wrong": (
        "Mật khẩu hiện tại không đúng; mật khẩu chưa được đổi.",
        "The current password is wrong; the password was not changed.",
    ),
    "err.password_mismatch": (
        "Hai lần nhập mật khẩu mới không khớp; mật khẩu chưa được đổi.",
        "The two new passwords do not match; the password was not changed.",
    ),
    "err.password_long": (
        "Mật khẩu dài quá {n} byte (chữ có dấu tính 2–3 byte mỗi chữ); hãy chọn mật khẩu ngắn hơn.",
        "The password is longer than {n} bytes (a Vietnamese letter with marks takes 2–3); "
        "choose a shorter one.",
    ),
    "err.password_spaces": (
        "Mật khẩu không được bắt đầu hoặc kết thúc bằng dấu cách.",
        "The password cannot begin or end with a space.",
    ),
    "err.password_control": (
        "Mật khẩu có ký tự điều khiển hoặc ký tự ẩn, không gõ lại được; hãy chọn mật khẩu khác.",
        "The password holds a control or invisible character that cannot be typed again; "
        "choose another.",
    ),
    "err.password_is_username": (
        "Mật khẩu không được trùng với tên đăng nhập.",
        "The password cannot be the username.",
    ),
    "err.password_demo": (
        "Mật khẩu này là mật khẩu của bản minh họa, ai cũng biết; không dùng được trên hệ thống "
        "thật.",
        "This is the demo's published password; it cannot be used on a real installation.",
    ),
    "err.password_common": (
        "Mật khẩu này nằm trong danh sách mật khẩu phổ biến nhất, rất dễ bị dò ra; hãy chọn mật "
        "khẩu khác.",
        "This password is among the most common ones and easily guessed; choose another.",
    ),
    "err.password_guessable": (
        "Mật khẩu quá dễ đoán (dãy số, dãy phím, từ thông dụng, tên cơ quan…). Hãy dùng một câu "
        "ngắn hoặc ghép vài từ không liên quan, có thể thêm chữ số.",
        "The password is too easy to guess (digits or keys in a row, common words, the office's "
        "names…). Use a short sentence or a few unrelated words, perhaps with digits.",
    ),
    "err.password_same": (
        "Mật khẩu mới phải khác mật khẩu hiện tại.",
        "The new password must differ from the current one.",
    ),
    # --- briefing and exports (issue 5)
    "br.prev": ("◀ Trước", "◀ Previous"),
    "br.no_slide": (
        "Không có trang trình chiếu “{value}” (có {total} trang); đang hiển thị trang 1.",
        "There is no slide “{value}” (there are {total}); showing slide 1.",
    ),
    "br.next": ("Tiếp ▶", "Next ▶"),
    "br.settings": ("Tùy chọn trình chiếu, tải tệp", "Options and files"),
    "br.as_of": ("Số liệu tính đến ngày", "Figures as of"),
    "br.detail_choice": ("Trang chi tiết: mục hoặc đơn vị", "Detail slide: a section or a body"),
    "br.auto": ("Tự chuyển trang", "Advance automatically"),
    "br.interval": ("Số giây mỗi trang", "Seconds per slide"),
    "br.make_pptx": ("Tạo tệp trình chiếu (PPTX)", "Make slides (PPTX)"),
    "br.make_xlsx": ("Tạo báo cáo Excel (XLSX)", "Make spreadsheet (XLSX)"),
    "br.download_pptx": ("Tải PPTX", "Download PPTX"),
    "br.download_xlsx": ("Tải XLSX", "Download XLSX"),
    "br.making": ("Đang tạo tệp…", "Making the file…"),
    "br.exit": ("Thoát trình chiếu", "Leave the briefing"),
    "br.keys": (
        "Mỗi trang một nội dung; số liệu là ảnh chụp tại ngày đã chọn.",
        "One message per slide; figures are frozen at the chosen day.",
    ),
    "xl.sheet_summary": ("Tổng hợp", "Summary"),
    "xl.sheet_detail": ("Chi tiết", "Detail"),
    "xl.sheet_targets": ("Chỉ tiêu", "Targets"),
    "xl.summary_title": ("TỔNG HỢP KẾT QUẢ THỰC HIỆN CHỈ THỊ", "SUMMARY OF PROGRESS"),
    "xl.detail_title": ("CHI TIẾT KẾT QUẢ THỰC HIỆN NHIỆM VỤ", "TASK-BY-TASK PROGRESS"),
    "xl.targets_title": ("KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU", "TARGETS BY PERIOD"),
    "xl.as_of": ("Số liệu tính đến ngày {day}", "Figures as of {day}"),
    "xl.by_body": ("Theo cơ quan, đơn vị", "By body"),
    "xl.no": ("STT", "No."),
    "xl.lead": ("Cơ quan chủ trì", "Lead body"),
    "xl.partners": ("Cơ quan phối hợp", "Partner bodies"),
    "xl.difficulties": ("Khó khăn, vướng mắc, kiến nghị", "Difficulties and proposals"),
    "xl.evidence": ("Văn bản minh chứng", "Evidence"),
    "xl.unit": ("Đơn vị tính", "Unit"),
    "xl.kind": ("Loại chỉ tiêu", "Kind"),
    "xl.target_value": ("Mục tiêu", "Target"),
    "cli.export_done": ("Đã ghi {path} ({size} byte).", "Wrote {path} ({size} bytes)."),
    "cli.export_bad_date": (
        "Ngày “{value}” không hợp lệ: ghi dd/mm/yyyy hoặc yyyy-mm-dd.",
        "Date “{value}” is invalid: write dd/mm/yyyy or yyyy-mm-dd.",
    ),
    "cli.export_no_directive": ("Không có văn bản số {value}.", "There is no directive {value}."),
    "br.meta": (
        "Số liệu đến {day} · lập lúc {made} · {n}/{total}",
        "Figures as of {day} · made {made} · {n}/{total}",
    ),
    "br.demo": (
        "DỮ LIỆU MINH HỌA (demo), không phải số liệu thật",
        "DEMO DATA, not the province's real figures",
    ),
    "br.overall": ("Tiến độ chung thực hiện Chỉ thị", "Overall progress"),
    "br.timeliness": (
        "Hoàn thành đúng hạn {on_time} · hoàn thành quá hạn {late} · "
        "đang thực hiện trong hạn {going} · quá hạn chưa hoàn thành {overdue}",
        "Done on time {on_time} · done late {late} · in progress on time {going} · "
        "overdue {overdue}",
    ),
    "br.reporting": (
        "Nhiệm vụ thường xuyên: {reported} lượt đã báo cáo kỳ này, {missing} lượt chưa; "
        "{silent}/{bodies} đơn vị chưa gửi báo cáo kỳ này",
        "Continuous tasks: {reported} reported this period, {missing} not; "
        "{silent} of {bodies} bodies sent no report this period",
    ),
    "br.sections": ("Tiến độ theo mục của Chỉ thị", "Progress by section"),
    "br.bodies": ("Các đơn vị chậm nhất", "Bodies most behind"),
    "br.overdue": ("Quá hạn: {n} lượt · vướng mắc: {stuck} lượt", "Overdue: {n} · stuck: {stuck}"),
    "br.none_overdue": ("Không có nhiệm vụ quá hạn.", "Nothing is overdue."),
    "br.targets": ("Các chỉ tiêu của Chỉ thị", "The directive's targets"),
    "br.proposals": ("Kiến nghị chờ chỉ đạo: {n}", "Proposals waiting: {n}"),
    "br.none_waiting": ("Không có kiến nghị nào đang chờ.", "No proposal is waiting."),
    "br.detail": ("Chi tiết: {name}", "Detail: {name}"),
    # --- importer, administration, backup (issue 6)
    "err.import_empty": (
        "Tệp hoặc đoạn văn bản trống: không có gì để đọc. Không lưu gì.",
        "The file or text is empty: nothing to read. Nothing was saved.",
    ),
    "err.import_too_large": (
        "Tệp quá lớn ({mb} MB): chỉ nhận tệp dưới {limit} MB. Không lưu gì.",
        "The file is too large ({mb} MB): files must be under {limit} MB. Nothing was saved.",
    ),
    "err.import_binary": (
        "Tệp không phải văn bản (.txt), Word (.docx) hay PDF: không đọc được. Không lưu gì.",
        "The file is not text (.txt), Word (.docx) or PDF: it cannot be read. Nothing was saved.",
    ),
    "err.import_old_word": (
        "Tệp Word 97-2003 (.doc) chưa đọc được: mở bằng Word và lưu thành .docx. Không lưu gì.",
        "Word 97-2003 files (.doc) cannot be read: open it in Word and save as .docx. "
        "Nothing was saved.",
    ),
    "err.import_unreadable": (
        "Tệp {kind} bị hỏng hoặc không đúng định dạng: không đọc được. Không lưu gì.",
        "The {kind} file is damaged or not what its name says: it cannot be read. "
        "Nothing was saved.",
    ),
    "err.import_docx_empty": (
        "Tệp Word (.docx) không có chữ nào. Không lưu gì.",
        "The Word file (.docx) holds no text. Nothing was saved.",
    ),
    "err.import_pdf_no_text": (
        "Tệp PDF ({pages} trang) không có lớp chữ (có thể là bản quét): hãy dùng bản PDF gốc, "
        "tệp Word hoặc dán văn bản. Không lưu gì.",
        "The PDF ({pages} pages) has no text layer (probably a scan): use the original PDF, "
        "the Word file, or paste the text. Nothing was saved.",
    ),
    "err.import_pdf_encrypted": (
        "Tệp PDF có mật khẩu: không đọc được. Không lưu gì.",
        "The PDF is password-protected: it cannot be read. Nothing was saved.",
    ),
    # --- import limits (issue 11, item 5): refused before the work is done
    "err.import_text_too_long": (
        "Văn bản quá dài ({n} ký tự, tối đa {limit}): hãy tách phần cần nhập thành văn bản "
        "ngắn hơn. Không lưu gì.",
        "The text is too long ({n} characters, at most {limit}): split off the part to import. "
        "Nothing was saved.",
    ),
    "err.import_docx_bomb": (
        "Tệp Word (.docx) giải nén ra quá lớn hoặc nén bất thường, có thể là tệp độc hại: không "
        "đọc. Không lưu gì.",
        "The Word file (.docx) unpacks to too much or is packed abnormally, perhaps a malicious "
        "file: it is not read. Nothing was saved.",
    ),
    "err.import_pdf_pages": (
        "Tệp PDF có {pages} trang, quá {limit} trang: hãy tách phần cần nhập thành tệp nhỏ hơn. "
        "Không lưu gì.",
        "The PDF has {pages} pages, more than {limit}: split off the part to import. "
        "Nothing was saved.",
    ),
    "err.import_pdf_heavy": (
        "Tệp PDF quá nặng để đọc (nội dung các trang vượt giới hạn xử lý, có thể là tệp độc "
        "hại): hãy dùng tệp Word hoặc dán văn bản. Không lưu gì.",
        "The PDF is too heavy to read (its pages' content exceeds the processing limit, perhaps "
        "a malicious file): use the Word file or paste the text. Nothing was saved.",
    ),
    "err.import_too_many_tasks": (
        "Văn bản có {n} nhiệm vụ, quá {limit} nhiệm vụ cho một lần nhập: hãy tách thành nhiều "
        "văn bản. Không lưu gì.",
        "The text holds {n} tasks, more than {limit} for one import: split it into several "
        "documents. Nothing was saved.",
    ),
    "err.import_file_missing": (
        "Không tìm thấy tệp “{path}”.",
        "File “{path}” not found.",
    ),
    "err.import_no_kind": (
        "Chưa có loại văn bản (Chỉ thị, Kế hoạch...): điền vào rồi lưu lại. Chưa lưu gì.",
        "The document's kind (Chỉ thị, Kế hoạch...) is missing: fill it in and save again. "
        "Nothing was saved.",
    ),
    "err.import_no_title": (
        "Chưa có trích yếu (tên) văn bản: điền vào rồi lưu lại. Chưa lưu gì.",
        "The document's title is missing: fill it in and save again. Nothing was saved.",
    ),
    "err.import_no_tasks": (
        "Không tìm thấy nhiệm vụ nào trong văn bản (không có mục 1., I., a), gạch đầu dòng...). "
        "Không lưu gì.",
        "No task was found in the text (no 1., I., a), dash items...). Nothing was saved.",
    ),
    "err.import_duplicate": (
        "{kind} “{what}” đã có trong hệ thống: không nhập lần nữa. Không lưu gì.",
        "{kind} “{what}” is already in the system: it is not imported twice. Nothing was saved.",
    ),
    "err.import_duplicate_label": (
        "Hai nhiệm vụ cùng số thứ tự {label}: sửa lại cho khác nhau. Chưa lưu gì.",
        "Two tasks share the number {label}: make them different. Nothing was saved.",
    ),
    "err.import_task_empty": (
        "Nhiệm vụ {label} chưa có nội dung. Chưa lưu gì.",
        "Task {label} has no text. Nothing was saved.",
    ),
    "err.text_too_long": (
        "Nội dung quá dài (tối đa {n} ký tự): “{start}…”. Chưa lưu gì.",
        "Too long (at most {n} characters): “{start}…”. Nothing was saved.",
    ),
    "err.area_unknown": (
        "Lĩnh vực “{value}” (nhiệm vụ {label}) không có trong danh mục.",
        "Area “{value}” (task {label}) is not in the list.",
    ),
    "err.cadence_unknown": (
        "Tính chất “{value}” (nhiệm vụ {label}) không có trong danh mục.",
        "Cadence “{value}” (task {label}) is not in the list.",
    ),
    "err.target_kind_unknown": (
        "Loại chỉ tiêu “{value}” không có trong danh mục.",
        "Target kind “{value}” is not in the list.",
    ),
    "err.target_needs_value": (
        "Chỉ tiêu “{text}” cần một con số (ví dụ 30 cho “trên 30%”).",
        "Target “{text}” needs a number (e.g. 30 for “above 30%”).",
    ),
    "cli.import_head": (
        "{kind} {number}, ngày {day}: {title}",
        "{kind} {number}, dated {day}: {title}",
    ),
    "imp.number": ("số {number}", "no. {number}"),
    "imp.no_number": ("(chưa có số)", "(no number)"),
    "cli.import_skipped": (
        "    (không nhập mục này: mục đích, yêu cầu, không phải nhiệm vụ)",
        "    (this section is not imported: aims and requirements, not tasks)",
    ),
    "cli.import_section": (
        "  {label} {heading} — {tasks} nhiệm vụ — {bodies}",
        "  {label} {heading} — {tasks} tasks — {bodies}",
    ),
    "cli.import_more": (" và {n} đơn vị khác", " and {n} more"),
    "cli.import_totals": (
        "Tổng: {sections} mục, {tasks} nhiệm vụ, {targets} chỉ tiêu đề xuất.",
        "Total: {sections} sections, {tasks} tasks, {targets} proposed targets.",
    ),
    "cli.import_no_tasks": (
        "Không tìm thấy nhiệm vụ nào trong văn bản: không lưu gì.",
        "No task was found in the text: nothing was saved.",
    ),
    "cli.import_dry_run": (
        "Chạy thử (--dry-run): không lưu gì.",
        "Dry run (--dry-run): nothing was saved.",
    ),
    "cli.import_saved": (
        "Đã nhập văn bản mã {code}: {sections} mục, {tasks} nhiệm vụ, {leads} lượt giao chủ "
        "trì, {partners} lượt phối hợp, {targets} chỉ tiêu.",
        "Imported as {code}: {sections} sections, {tasks} tasks, {leads} lead assignments, "
        "{partners} partner assignments, {targets} targets.",
    ),
    "err.org_name_empty": ("Chưa có tên cơ quan, đơn vị.", "The body's name is missing."),
    "err.org_code_format": (
        "Mã “{value}” không hợp lệ: 2–20 ký tự chữ in hoa không dấu, số, _ hoặc -.",
        "Code “{value}” is invalid: 2-20 upper-case letters, digits, _ or -.",
    ),
    "err.org_code_taken": (
        "Đã có cơ quan, đơn vị mã “{value}”. Không thêm gì.",
        "There is already a body with code “{value}”. Nothing was added.",
    ),
    "err.org_kind_unknown": (
        "Loại đơn vị “{value}” không có: chọn cấp tỉnh, cấp huyện hoặc bên ngoài.",
        "Body kind “{value}” does not exist: choose provincial, district or external.",
    ),
    "err.org_name_taken": (
        "Tên “{value}” trùng với đơn vị mã {other}.",
        "The name “{value}” is already used by body {other}.",
    ),
    "err.stale_admin": (
        "Người khác vừa sửa mục này (“{what}”): tải lại trang để xem bản mới rồi sửa lại. "
        "Chưa lưu gì.",
        "Someone else has just changed this (“{what}”): reload the page to see it, then edit "
        "again. Nothing was saved.",
    ),
    "err.user_unknown": ("Không có tài khoản “{value}”.", "There is no account “{value}”."),
    "err.last_secretariat": (
        "Đây là tài khoản Văn phòng cuối cùng còn hoạt động: phải còn ít nhất một người quản trị.",
        "This is the last active secretariat account: someone must still be able to administer.",
    ),
    "err.self_deactivate": (
        "Không thể tự khóa tài khoản đang đăng nhập.",
        "You cannot deactivate the account you are signed in with.",
    ),
    "err.account_inactive": (
        "Tài khoản của bạn đã ngừng hoạt động; không có gì được ghi.",
        "Your account is inactive; nothing was saved.",
    ),
    "err.account_changed": (
        "Quyền hoặc đơn vị của tài khoản bạn vừa được thay đổi; hãy đăng nhập lại. Không có gì "
        "được ghi.",
        "Your account's role or body has just changed; sign in again. Nothing was saved.",
    ),
    "err.own_body_inactive": (
        "Đơn vị “{name}” của tài khoản này đã ngừng hoạt động; không có gì được ghi.",
        "This account's body “{name}” is inactive; nothing was saved.",
    ),
    "err.body_inactive_writes": (
        "Đơn vị “{name}” đã ngừng hoạt động: không nhận báo cáo hay số liệu mới cho đơn vị này; "
        "không có gì được ghi.",
        "The body “{name}” is inactive: it takes no new reports or figures; nothing was saved.",
    ),
    "err.directive_closed": (
        "Văn bản “{title}” đã đóng (kết thúc theo dõi): không nhận báo cáo, số liệu hay ý kiến "
        "chỉ đạo mới; không có gì được ghi.",
        "The directive “{title}” is closed (follow-up over): it takes no new reports, figures or "
        "directions; nothing was saved.",
    ),
    "err.address_format": (
        "“{value}” không phải là một địa chỉ IP.",
        "“{value}” is not an IP address.",
    ),
    "err.directive_unknown": ("Không có văn bản số {value}.", "There is no directive {value}."),
    "err.date_in_future": (
        "Ngày ban hành {day} ở tương lai.",
        "The issue date {day} is in the future.",
    ),
    "err.task_text_empty": ("Nhiệm vụ chưa có nội dung.", "The task has no text."),
    "err.task_area_unknown": (
        "Lĩnh vực “{value}” không có trong danh mục.",
        "Area “{value}” is not in the list.",
    ),
    "err.task_cadence_unknown": (
        "Tính chất “{value}” không có trong danh mục.",
        "Cadence “{value}” is not in the list.",
    ),
    "err.section_unknown": ("Không có mục số {value}.", "There is no section {value}."),
    "err.task_label": (
        "“{value}” không phải số hiệu nhiệm vụ (viết như 1.11).",
        "“{value}” is not a task number (write it like 1.11).",
    ),
    "err.task_unknown": ("Không có nhiệm vụ số {value}.", "There is no task {value}."),
    "err.task_has_reports": (
        "Nhiệm vụ đã có {n} báo cáo: không xóa được, để giữ lịch sử. Có thể đóng văn bản.",
        "The task has {n} reports: it cannot be removed, to keep the history. You can close "
        "the directive instead.",
    ),
    "err.assignment_role_unknown": (
        "Vai trò giao việc “{value}” không có: chọn chủ trì hoặc phối hợp.",
        "Assignment role “{value}” does not exist: choose lead or partner.",
    ),
    "err.assignment_exists": (
        "{name} đã được giao nhiệm vụ này.",
        "{name} is already assigned to this task.",
    ),
    "err.assignment_unknown": ("Không có lượt giao số {value}.", "There is no assignment {value}."),
    "err.assignment_has_reports": (
        "Đơn vị đã gửi {n} báo cáo cho nhiệm vụ này: không bỏ giao được, để giữ lịch sử.",
        "The body has sent {n} reports on this task: the assignment stays, to keep the history.",
    ),
    "err.period_quarter_only": (
        "Kỳ báo cáo hiện tại phải là một quý (ví dụ 2022-Q4), không phải “{value}”.",
        "The current reporting period must be a quarter (e.g. 2022-Q4), not “{value}”.",
    ),
    "err.period_year": (
        "Năm của kỳ “{value}” không hợp lý.",
        "The year of period “{value}” is not plausible.",
    ),
    "err.adm_period_unknown": ("Không có kỳ báo cáo “{value}”.", "There is no period “{value}”."),
    "err.deadline_before_period": (
        "Hạn báo cáo {day} trước ngày bắt đầu kỳ ({start}).",
        "The report deadline {day} is before the period starts ({start}).",
    ),
    "err.backup_postgres": (
        "CSDL đang dùng PostgreSQL: sao lưu bằng công cụ của PostgreSQL, ví dụ "
        'pg_dump -Fc -f cchc.dump "$DATABASE_URL", và khôi phục bằng '
        'pg_restore --clean -d "$DATABASE_URL" cchc.dump.',
        "The database is PostgreSQL: back it up with PostgreSQL's own tools, e.g. "
        'pg_dump -Fc -f cchc.dump "$DATABASE_URL", and restore with '
        'pg_restore --clean -d "$DATABASE_URL" cchc.dump.',
    ),
    "err.backup_memory": (
        "CSDL trong bộ nhớ không sao lưu được.",
        "An in-memory database cannot be backed up.",
    ),
    "err.backup_same_file": (
        "Không ghi bản sao lưu đè lên chính CSDL đang dùng ({path}).",
        "The backup cannot overwrite the database in use ({path}).",
    ),
    "err.backup_no_folder": (
        "Thư mục “{path}” không có.",
        "Folder “{path}” does not exist.",
    ),
    "err.restore_missing": ("Không tìm thấy tệp “{path}”.", "File “{path}” not found."),
    "err.restore_not_db": (
        "Tệp “{name}” không phải CSDL SQLite: không khôi phục. CSDL hiện tại giữ nguyên.",
        "“{name}” is not an SQLite database: nothing restored. The current database is kept.",
    ),
    "err.restore_damaged": (
        "Tệp “{name}” bị hỏng (kiểm tra toàn vẹn không đạt): không khôi phục. CSDL hiện tại "
        "giữ nguyên.",
        "“{name}” is damaged (integrity check failed): nothing restored. The current database "
        "is kept.",
    ),
    "err.restore_not_ours": (
        "Tệp “{name}” không phải bản sao lưu của ứng dụng này: không khôi phục. CSDL hiện tại "
        "giữ nguyên.",
        "“{name}” is not a backup of this application: nothing restored. The current database "
        "is kept.",
    ),
    "err.restore_unknown_version": (
        "Tệp “{name}” có phiên bản cấu trúc {version} mà phần mềm này không biết (có thể từ "
        "bản mới hơn): không khôi phục. CSDL hiện tại giữ nguyên.",
        "“{name}” has schema version {version}, unknown to this software (perhaps from a "
        "newer one): nothing restored. The current database is kept.",
    ),
    "err.restore_schema_extra": (
        "Tệp “{name}” có {kind} “{object}” mà phần mềm không tạo ra ở phiên bản cấu trúc "
        "{version}: không khôi phục. CSDL hiện tại giữ nguyên.",
        "“{name}” has a {kind} “{object}” that this software does not create at schema version "
        "{version}: nothing restored. The current database is kept.",
    ),
    "err.restore_schema_missing": (
        "Tệp “{name}” thiếu {kind} “{object}” của cấu trúc phiên bản {version}: không khôi "
        "phục. CSDL hiện tại giữ nguyên.",
        "“{name}” lacks the {kind} “{object}” of schema version {version}: nothing restored. "
        "The current database is kept.",
    ),
    "err.restore_schema_changed": (
        "Tệp “{name}” có {kind} “{object}” khác với cấu trúc phiên bản {version} do phần mềm "
        "tạo ra: không khôi phục. CSDL hiện tại giữ nguyên.",
        "“{name}” has a {kind} “{object}” that differs from what this software creates at "
        "schema version {version}: nothing restored. The current database is kept.",
    ),
    "err.restore_foreign_keys": (
        "Tệp “{name}” có dữ liệu trỏ tới bản ghi không tồn tại (bảng {table}): không khôi "
        "phục. CSDL hiện tại giữ nguyên.",
        "“{name}” has rows pointing to records that do not exist (table {table}): nothing "
        "restored. The current database is kept.",
    ),
    "err.restore_too_big": (
        "Tệp “{name}” lớn hơn giới hạn {limit} MB cho một bản sao lưu (RESTORE_MAX_MB): không "
        "khôi phục. CSDL hiện tại giữ nguyên.",
        "“{name}” is larger than the {limit} MB allowed for a backup (RESTORE_MAX_MB): nothing "
        "restored. The current database is kept.",
    ),
    "err.restore_no_space": (
        "Không đủ chỗ trống trên đĩa để khôi phục “{name}” (cần khoảng {need} MB, còn {free} "
        "MB): không khôi phục. CSDL hiện tại giữ nguyên.",
        "Not enough free disk space to restore “{name}” (about {need} MB needed, {free} MB "
        "free): nothing restored. The current database is kept.",
    ),
    "err.restore_sidecar": (
        "Bên cạnh tệp “{name}” còn tệp “{sidecar}”, nên đây chưa phải một bản sao lưu trọn vẹn "
        "(hãy sao lưu bằng trang Quản trị hoặc manage.py backup): không khôi phục. CSDL hiện "
        "tại giữ nguyên.",
        "“{sidecar}” lies beside “{name}”, so it is not a finished backup (make one with the "
        "Administration page or manage.py backup): nothing restored. The current database is "
        "kept.",
    ),
    "err.backup_schema_differs": (
        "CSDL đang dùng có {kind} “{object}” không đúng cấu trúc phiên bản {version} do phần "
        "mềm tạo ra, nên không sao lưu; hãy báo bộ phận kỹ thuật kiểm tra CSDL.",
        "The database in use has a {kind} “{object}” that does not match what this software "
        "creates at schema version {version}, so no backup was made; ask your technical staff "
        "to check the database.",
    ),
    "err.restore_failed": (
        "Khôi phục không thành công ({detail}): CSDL hiện tại giữ nguyên.",
        "The restore failed ({detail}): the current database is kept.",
    ),
    "cli.backup_done": (
        "Đã sao lưu vào {path} ({mb} MB): {directives} văn bản, {tasks} nhiệm vụ, "
        "{users} tài khoản.",
        "Backed up to {path} ({mb} MB): {directives} directives, {tasks} tasks, {users} accounts.",
    ),
    "cli.restore_done": (
        "Đã khôi phục từ {path}: {directives} văn bản, {tasks} nhiệm vụ, {users} tài khoản. "
        "CSDL trước khi khôi phục được giữ ở {previous}.",
        "Restored from {path}: {directives} directives, {tasks} tasks, {users} accounts. The "
        "database as it was before is kept at {previous}.",
    ),
    # pages: import
    "page.import_directive": ("Nhập văn bản", "Import a directive"),
    "imp.intro": (
        "Đọc chỉ thị, kế hoạch từ tệp (.txt, .docx, .pdf có lớp chữ) hoặc văn bản dán vào; "
        "kiểm tra, sửa bản xem trước rồi lưu một lần. Chưa bấm Lưu thì chưa ghi gì.",
        "Read a directive or plan from a file (.txt, .docx, a PDF with a text layer) or pasted "
        "text; check and correct the preview, then save it in one go. Nothing is written "
        "before you press Save.",
    ),
    "imp.tab_file": ("Tải tệp lên", "Upload a file"),
    "imp.tab_paste": ("Dán văn bản", "Paste the text"),
    "imp.file": ("Tệp văn bản", "Document file"),
    "imp.file_help": (
        ".txt, .docx hoặc .pdf có lớp chữ (không nhận bản quét), dưới {mb} MB.",
        ".txt, .docx or a PDF with a text layer (not a scan), under {mb} MB.",
    ),
    "imp.paste": ("Dán toàn văn văn bản vào đây", "Paste the whole text here"),
    "imp.read": ("Đọc văn bản", "Read the document"),
    "imp.reading": ("Đang đọc văn bản…", "Reading the document…"),
    "imp.preview": ("Bản xem trước: kiểm tra và sửa trước khi lưu", "Preview: check and correct"),
    "imp.summary": (
        "**{kind}** {number} · ngày {day} · {sections} mục · {tasks} nhiệm vụ · "
        "{targets} chỉ tiêu đề xuất",
        "**{kind}** {number} · dated {day} · {sections} sections · {tasks} tasks · "
        "{targets} proposed targets",
    ),
    "imp.no_tasks": (
        "Không tìm thấy nhiệm vụ nào (không có mục 1., I., a), gạch đầu dòng...). Có thể thêm "
        "nhiệm vụ vào bảng dưới, hoặc kiểm tra lại tệp.",
        "No task was found (no 1., I., a), dash items...). You can add tasks in the table "
        "below, or check the file.",
    ),
    "imp.kind": ("Loại văn bản", "Kind"),
    "imp.number_label": ("Số, ký hiệu", "Number"),
    "imp.date": ("Ngày ban hành", "Issued on"),
    "imp.title": ("Trích yếu (tên văn bản)", "Title"),
    "imp.issuer": ("Cơ quan ban hành", "Issued by"),
    "imp.signer": ("Người ký", "Signed by"),
    "imp.preamble": ("Phần mở đầu (không phải nhiệm vụ)", "Preamble (not tasks)"),
    "imp.sections": ("Các mục và cơ quan chủ trì", "Sections and their lead bodies"),
    "imp.sections_help": (
        "Bỏ dấu “Nhập” ở mục không phải nhiệm vụ (mục đích, yêu cầu...). Cơ quan chủ trì của "
        "mục được giao mọi nhiệm vụ trong mục.",
        "Untick “Import” for sections that are not tasks (aims, requirements...). A section's "
        "lead bodies are assigned every task in it.",
    ),
    "imp.tasks": ("Nhiệm vụ", "Tasks"),
    "imp.tasks_help": (
        "Sửa trực tiếp trong bảng; thêm dòng ở cuối bảng, xóa dòng bằng ô chọn đầu dòng. "
        "Lĩnh vực, tính chất và hạn là đề xuất từ câu chữ: hãy kiểm tra.",
        "Edit in the table; add rows at its end, delete rows with the box at their start. "
        "Area, cadence and deadline are guessed from the wording: check them.",
    ),
    "imp.targets": ("Chỉ tiêu đề xuất", "Proposed targets"),
    "imp.targets_help": (
        "Các câu có con số (100%, trên 30%, từ 2% trở lên) hoặc “nâng, giảm tỷ lệ”. Bỏ dấu "
        "“Nhập” ở câu không phải chỉ tiêu.",
        "Sentences with a figure (100%, above 30%, 2% or more) or “raise, reduce the rate”. "
        "Untick “Import” for those that are no target.",
    ),
    "imp.no_targets": ("Không thấy câu chỉ tiêu nào.", "No target sentence was found."),
    "imp.col_include": ("Nhập", "Import"),
    "imp.col_include_help": ("Có nhập mục này không", "Whether to import this section"),
    "imp.col_label": ("Số mục", "Label"),
    "imp.col_heading": ("Tên mục", "Heading"),
    "imp.col_bodies": ("Cơ quan chủ trì", "Lead bodies"),
    "imp.col_bodies_help": (
        "“Các sở, ban, ngành; UBND các huyện, thành phố” đã được mở rộng thành từng đơn vị.",
        "“All departments and districts” has been expanded into each body.",
    ),
    "imp.col_tasks": ("Số nhiệm vụ", "Tasks"),
    "imp.col_section": ("Mục", "Section"),
    "imp.col_text": ("Nội dung", "Text"),
    "imp.col_area": ("Lĩnh vực", "Area"),
    "imp.col_cadence": ("Tính chất", "Cadence"),
    "imp.col_due": ("Hạn", "Due"),
    "imp.col_leads": ("Chủ trì riêng", "Own leads"),
    "imp.col_leads_help": (
        "Chỉ điền khi nhiệm vụ có cơ quan chủ trì khác với cơ quan chủ trì của mục.",
        "Only when the task's lead differs from its section's.",
    ),
    "imp.col_partners": ("Phối hợp", "Partners"),
    "imp.col_target": ("Câu chỉ tiêu", "Target sentence"),
    "imp.col_kind": ("Loại", "Kind"),
    "imp.col_value": ("Giá trị", "Value"),
    "imp.col_direction": ("Hướng", "Direction"),
    "imp.col_task": ("Nhiệm vụ", "Task"),
    "imp.kind.at_least": ("Tối thiểu (≥)", "At least (≥)"),
    "imp.kind.at_most": ("Tối đa (≤)", "At most (≤)"),
    "imp.kind.exactly": ("Đạt đúng (100%)", "Exactly (100%)"),
    "imp.kind.better_than_previous": ("Tốt hơn kỳ trước", "Better than last period"),
    "imp.kind.rank": ("Thứ hạng", "Rank"),
    "imp.kind.done": ("Hoàn thành/chưa", "Done or not"),
    "imp.direction.higher": ("Cao hơn là tốt", "Higher is better"),
    "imp.direction.lower": ("Thấp hơn là tốt", "Lower is better"),
    "imp.orphans": (
        "{n} nhiệm vụ chưa có cơ quan chủ trì: chọn ở cột “Cơ quan chủ trì” của mục hoặc "
        "“Chủ trì riêng” của nhiệm vụ (có thể lưu rồi giao sau).",
        "{n} tasks have no lead body: choose one for the section or the task (or save now and "
        "assign later).",
    ),
    "imp.source": ("Đọc từ: {name}", "Read from: {name}"),
    "imp.full_text": (
        "Toàn văn các nhiệm vụ như đã đọc (để đối chiếu)",
        "Every task in full, as read (to check against)",
    ),
    "imp.save": ("Lưu vào hệ thống", "Save"),
    "imp.saving": ("Đang lưu…", "Saving…"),
    "imp.discard": ("Bỏ, làm lại", "Discard"),
    "imp.saved": (
        "Đã nhập văn bản mã {code}: {sections} mục, {tasks} nhiệm vụ, {leads} lượt giao chủ "
        "trì, {partners} lượt phối hợp, {targets} chỉ tiêu.",
        "Imported as {code}: {sections} sections, {tasks} tasks, {leads} lead assignments, "
        "{partners} partner assignments, {targets} targets.",
    ),
    # pages: administration
    "page.admin": ("Quản trị", "Administration"),
    "adm.tab_bodies": ("Cơ quan, đơn vị", "Bodies"),
    "adm.tab_users": ("Tài khoản", "Accounts"),
    "adm.tab_directives": ("Văn bản, nhiệm vụ", "Directives and tasks"),
    "adm.tab_periods": ("Kỳ báo cáo", "Reporting periods"),
    "adm.tab_backup": ("Sao lưu", "Backup"),
    "adm.col_code": ("Mã", "Code"),
    "adm.col_name": ("Tên", "Name"),
    "adm.col_kind": ("Loại", "Kind"),
    "adm.col_status": ("Trạng thái", "Status"),
    "adm.col_assignments": ("Lượt giao", "Assignments"),
    "adm.col_users": ("Tài khoản", "Accounts"),
    "adm.kind.provincial": ("Cấp tỉnh", "Provincial"),
    "adm.kind.district": ("Cấp huyện", "District"),
    "adm.kind.external": ("Bên ngoài", "External"),
    "adm.active": ("Đang hoạt động", "Active"),
    "adm.inactive": ("Ngừng hoạt động", "Inactive"),
    "adm.body_add": ("Thêm cơ quan, đơn vị", "Add a body"),
    "adm.code_help": ("Chữ in hoa không dấu, ví dụ SNV", "Upper-case letters, e.g. SNV"),
    "adm.add": ("Thêm", "Add"),
    "adm.body_added": ("Đã thêm đơn vị {code}.", "Body {code} added."),
    "adm.body_edit": ("Đổi tên, ngừng hoặc mở lại hoạt động", "Rename, deactivate or reactivate"),
    "adm.body": ("Cơ quan, đơn vị", "Body"),
    "adm.new_name": ("Tên mới", "New name"),
    "adm.new_name_help": ("Chỉ cần khi đổi tên", "Only to rename"),
    "adm.rename": ("Đổi tên", "Rename"),
    "adm.body_stop": ("Ngừng hoạt động", "Deactivate"),
    "adm.body_resume": ("Mở lại hoạt động", "Reactivate"),
    "adm.body_renamed": ("Đã đổi tên đơn vị {code}.", "Body {code} renamed."),
    "adm.body_deactivated": (
        "Đã ngừng hoạt động đơn vị {code}; lịch sử báo cáo được giữ nguyên.",
        "Body {code} deactivated; its history is kept.",
    ),
    "adm.body_activated": ("Đã mở lại hoạt động đơn vị {code}.", "Body {code} reactivated."),
    "adm.bodies_note": (
        "Đơn vị không bao giờ bị xóa: đơn vị ngừng hoạt động (ví dụ huyện sau sắp xếp năm 2025) "
        "vẫn giữ nhiệm vụ và báo cáo cũ, nhưng không được giao việc mới.",
        "Bodies are never deleted: an inactive body (e.g. a district after the 2025 reform) "
        "keeps its tasks and reports, but gets no new work.",
    ),
    "adm.col_username": ("Tên đăng nhập", "Username"),
    "adm.col_display": ("Tên hiển thị", "Display name"),
    "adm.col_role": ("Vai trò", "Role"),
    "adm.user_add": ("Thêm tài khoản", "Add an account"),
    "adm.username_help": (
        "Chữ thường không dấu, số, . _ - (ví dụ canbo.snv)",
        "Lower-case letters, digits, . _ - (e.g. canbo.snv)",
    ),
    "adm.body_for_role": (
        "Đơn vị (chỉ cho vai trò Đơn vị)",
        "Body (for the body role only)",
    ),
    "adm.password_again": ("Nhập lại mật khẩu", "Password again"),
    "adm.user_added": ("Đã tạo tài khoản {username}.", "Account {username} created."),
    "adm.user": ("Tài khoản", "Account"),
    "adm.user_edit": ("Vai trò, đơn vị, tên hiển thị", "Role, body, display name"),
    "adm.save": ("Lưu", "Save"),
    "adm.deactivate": ("Khóa tài khoản", "Deactivate"),
    "adm.activate": ("Mở lại tài khoản", "Reactivate"),
    "adm.user_saved": ("Đã lưu tài khoản {username}.", "Account {username} saved."),
    "adm.user_deactivated": (
        "Đã khóa tài khoản {username}: không đăng nhập được nữa.",
        "Account {username} deactivated: it can no longer sign in.",
    ),
    "adm.user_activated": ("Đã mở lại tài khoản {username}.", "Account {username} reactivated."),
    "adm.reset_password": ("Đặt lại mật khẩu", "Reset the password"),
    "adm.new_password": ("Mật khẩu mới", "New password"),
    "adm.reset": ("Đặt lại", "Reset"),
    "adm.sign_in_waits": ("Tạm dừng đăng nhập", "Sign-in waits"),
    "adm.no_sign_in_waits": (
        "Không có tài khoản hay địa chỉ nào đang phải chờ đăng nhập.",
        "No account or address is waiting to sign in.",
    ),
    "adm.col_wait_kind": ("Loại", "Kind"),
    "adm.col_wait_key": ("Tài khoản / địa chỉ", "Account / address"),
    "adm.col_failures": ("Số lần sai liên tiếp", "Failures in a row"),
    "adm.col_until": ("Chờ đến", "Waits until"),
    "adm.wait_kind.account": ("Tài khoản", "Account"),
    "adm.wait_kind.address": ("Địa chỉ máy", "Address"),
    "adm.unlock_which": ("Mở khóa cho", "Unlock"),
    "adm.unlock": ("Mở khóa đăng nhập", "Unlock sign-in"),
    "adm.unlocked": ("Đã mở khóa đăng nhập cho {who}.", "Sign-in unlocked for {who}."),
    "adm.password_reset": (
        "Đã đặt lại mật khẩu cho {username}: báo cho người dùng qua kênh an toàn.",
        "Password reset for {username}: tell them through a safe channel.",
    ),
    "adm.no_directive": (
        "Chưa có văn bản nào: nhập ở trang “Nhập văn bản”.",
        "No directive yet: import one on the “Import a directive” page.",
    ),
    "adm.directive": ("Văn bản", "Directive"),
    "adm.open": ("đang theo dõi", "open"),
    "adm.closed": ("đã đóng", "closed"),
    "adm.directive_facts": (
        "Mã {code} · {sections} mục · {tasks} nhiệm vụ · {state}",
        "Code {code} · {sections} sections · {tasks} tasks · {state}",
    ),
    "adm.close": ("Đóng văn bản (thôi theo dõi)", "Close (stop following up)"),
    "adm.reopen": ("Mở lại văn bản", "Reopen"),
    "adm.directive_saved": ("Đã lưu thông tin văn bản.", "Directive saved."),
    "adm.directive_closed": ("Đã đóng văn bản.", "Directive closed."),
    "adm.directive_opened": ("Đã mở lại văn bản.", "Directive reopened."),
    "adm.col_task": ("STT", "No."),
    "adm.col_leads": ("Số đơn vị chủ trì", "Lead bodies"),
    "adm.task": ("Nhiệm vụ", "Task"),
    "adm.task_edit": ("Sửa nhiệm vụ {label}", "Edit task {label}"),
    "adm.remove_sure": (
        "Tôi muốn xóa nhiệm vụ này (chỉ xóa được khi chưa có báo cáo)",
        "I want to remove this task (only possible before any report)",
    ),
    "adm.remove": ("Xóa nhiệm vụ", "Remove the task"),
    "adm.remove_confirm": (
        "Đánh dấu ô xác nhận phía trên rồi bấm Xóa lần nữa.",
        "Tick the confirmation box above, then press Remove again.",
    ),
    "adm.task_saved": ("Đã lưu nhiệm vụ {label}.", "Task {label} saved."),
    "adm.task_removed": ("Đã xóa nhiệm vụ {label}.", "Task {label} removed."),
    "adm.assignments": ("Đơn vị được giao nhiệm vụ {label}", "Bodies assigned to task {label}"),
    "adm.col_reports": ("Số báo cáo", "Reports"),
    "adm.assign.lead": ("Chủ trì", "Lead"),
    "adm.assign.partner": ("Phối hợp", "Partner"),
    "adm.assignment_remove": ("Bỏ giao (chọn đơn vị)", "Unassign (choose a body)"),
    "adm.assign": ("Giao việc", "Assign"),
    "adm.unassign": ("Bỏ giao", "Unassign"),
    "adm.assigned": ("Đã giao nhiệm vụ {label} cho {code}.", "Task {label} assigned to {code}."),
    "adm.unassigned": (
        "Đã bỏ giao nhiệm vụ {label} cho {code}.",
        "Task {label} no longer assigned to {code}.",
    ),
    "adm.task_add": ("Thêm nhiệm vụ", "Add a task"),
    "adm.choose_bodies": ("Chọn đơn vị", "Choose bodies"),
    "adm.task_added": ("Đã thêm nhiệm vụ.", "Task added."),
    "adm.col_period": ("Kỳ", "Period"),
    "adm.col_starts": ("Từ ngày", "From"),
    "adm.col_ends": ("Đến ngày", "To"),
    "adm.col_deadline": ("Hạn báo cáo", "Report deadline"),
    "adm.col_current": ("Kỳ hiện tại", "Current"),
    "adm.period_current": ("Kỳ báo cáo hiện tại", "Current reporting period"),
    "adm.period_help": (
        "Một quý, ví dụ 2023-Q1; kỳ mới được tạo với hạn báo cáo 10 ngày sau khi hết quý.",
        "A quarter, e.g. 2023-Q1; a new one gets a deadline 10 days after the quarter ends.",
    ),
    "adm.period_set": ("Kỳ báo cáo hiện tại: {code}.", "Current reporting period: {code}."),
    "adm.period_deadline": ("Hạn báo cáo của kỳ", "A period's report deadline"),
    "adm.deadline_set": ("Hạn báo cáo kỳ {code}: {day}.", "Report deadline of {code}: {day}."),
    "adm.backup": ("Tải bản sao lưu", "Download a backup"),
    "adm.backup_help": (
        "Bản sao nhất quán của toàn bộ CSDL, tạo được ngay khi mọi người đang dùng. Cất giữ "
        "như tài liệu mật: trong đó có tài khoản và báo cáo.",
        "A consistent copy of the whole database, made while people keep working. Keep it as "
        "a confidential document: it holds accounts and reports.",
    ),
    "adm.backup_make": ("Tạo bản sao lưu", "Make a backup"),
    "adm.backup_download": ("Tải về {name} ({mb} MB)", "Download {name} ({mb} MB)"),
    "adm.backup_facts": (
        "Bản sao có {directives} văn bản, {tasks} nhiệm vụ, {users} tài khoản; đã kiểm tra "
        "toàn vẹn.",
        "The copy holds {directives} directives, {tasks} tasks, {users} accounts; its "
        "integrity was checked.",
    ),
    "adm.restore": ("Khôi phục từ bản sao lưu", "Restore from a backup"),
    "adm.restore_warning": (
        "Khôi phục thay toàn bộ dữ liệu hiện tại bằng dữ liệu trong bản sao lưu. Tệp được kiểm "
        "tra trước; CSDL hiện tại được giữ lại thành một tệp bên cạnh.",
        "A restore replaces all current data with the backup's. The file is checked first; "
        "the current database is kept as a file beside it.",
    ),
    "adm.restore_file": ("Tệp sao lưu (.db)", "Backup file (.db)"),
    "adm.restore_sure": (
        "Tôi hiểu dữ liệu hiện tại sẽ được thay bằng bản sao lưu",
        "I understand the current data will be replaced by the backup",
    ),
    "adm.restore_do": ("Khôi phục", "Restore"),
    "adm.restored": (
        "Đã khôi phục: {directives} văn bản, {tasks} nhiệm vụ. CSDL trước đó được giữ ở tệp "
        "{previous}.",
        "Restored: {directives} directives, {tasks} tasks. The previous database is kept as "
        "{previous}.",
    ),
}


def t(key: str, lang: str = "vi", /, **params: Any) -> str:
    """The text for `key` in `lang` (Vietnamese when unknown), with {params} filled in.
    A missing key shows itself, so a gap is visible rather than silent."""
    pair = TEXTS.get(key)
    if pair is None:
        return key
    text = pair[1] if lang == "en" else pair[0]
    return text.format(**params) if params else text
