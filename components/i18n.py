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
    "auth.error": ("Không đăng nhập được: {detail}", "Could not sign in: {detail}"),
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
    "col.percent": ("Tiến độ bình quân (%)", "Average progress (%)"),
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
    # --- overview, directive, body and target pages (issue 3)
    # --- reporting, figures, proposals, audit, sign-in hardening (issue 4)
    # --- briefing and exports (issue 5)
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
        "Tên “{value}” trùng với đơn vị mã {code}.",
        "The name “{value}” is already used by body {code}.",
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
    "err.adm_password_long": (
        "Mật khẩu dài quá {n} byte.",
        "The password is longer than {n} bytes.",
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
}


def t(key: str, lang: str = "vi", /, **params: Any) -> str:
    """The text for `key` in `lang` (Vietnamese when unknown), with {params} filled in.
    A missing key shows itself, so a gap is visible rather than silent."""
    pair = TEXTS.get(key)
    if pair is None:
        return key
    text = pair[1] if lang == "en" else pair[0]
    return text.format(**params) if params else text
