"""What the services refuse, one sentence each (DomainError codes)."""

TEXTS: dict[str, tuple[str, str]] = {
    "err.account_changed": (
        "Quyền hoặc đơn vị của tài khoản bạn vừa được thay đổi; hãy đăng nhập "
        "lại. Không có gì được ghi.",
        "Your account's role or body has just changed; sign in again. Nothing was saved.",
    ),
    "err.account_inactive": (
        "Tài khoản của bạn đã ngừng hoạt động; không có gì được ghi.",
        "Your account is inactive; nothing was saved.",
    ),
    "err.account_not_found": (
        "Không tìm thấy tài khoản đang hoạt động của bạn.",
        "Your active account was not found.",
    ),
    "err.address_format": (
        "“{value}” không phải là một địa chỉ IP.",
        "“{value}” is not an IP address.",
    ),
    "err.adm_period_unknown": ("Không có kỳ báo cáo “{value}”.", "There is no period “{value}”."),
    "err.area_unknown": (
        "Lĩnh vực “{value}” (nhiệm vụ {label}) không có trong danh mục.",
        "Area “{value}” (task {label}) is not in the list.",
    ),
    "err.assignment_exists": (
        "{name} đã được giao nhiệm vụ này.",
        "{name} is already assigned to this task.",
    ),
    "err.assignment_has_reports": (
        "Đơn vị đã gửi {n} báo cáo cho nhiệm vụ này: không bỏ giao được, để giữ lịch sử.",
        "The body has sent {n} {n|report|reports} on this task: the assignment stays, to "
        "keep the history.",
    ),
    "err.assignment_not_found": (
        "Không tìm thấy nhiệm vụ được giao (mã {id}).",
        "Assignment {id} was not found.",
    ),
    "err.assignment_role_unknown": (
        "Vai trò giao việc “{value}” không có: chọn chủ trì hoặc phối hợp.",
        "Assignment role “{value}” does not exist: choose lead or partner.",
    ),
    "err.assignment_unknown": ("Không có lượt giao số {value}.", "There is no assignment {value}."),
    "err.backup_memory": (
        "CSDL trong bộ nhớ không sao lưu được.",
        "An in-memory database cannot be backed up.",
    ),
    "err.backup_no_folder": ("Thư mục “{path}” không có.", "Folder “{path}” does not exist."),
    "err.backup_postgres": (
        "CSDL đang dùng PostgreSQL: sao lưu bằng công cụ của PostgreSQL, ví "
        'dụ pg_dump -Fc -f cchc.dump "$DATABASE_URL", và khôi phục bằng '
        'pg_restore --clean -d "$DATABASE_URL" cchc.dump.',
        "The database is PostgreSQL: back it up with PostgreSQL's own tools, "
        'e.g. pg_dump -Fc -f cchc.dump "$DATABASE_URL", and restore with '
        'pg_restore --clean -d "$DATABASE_URL" cchc.dump.',
    ),
    "err.backup_same_file": (
        "Không ghi bản sao lưu đè lên chính CSDL đang dùng ({path}).",
        "The backup cannot overwrite the database in use ({path}).",
    ),
    "err.backup_schema_differs": (
        "CSDL đang dùng có {kind} “{object}” không đúng cấu trúc phiên "
        "bản {version} do phần mềm tạo ra, nên không sao lưu; hãy báo "
        "bộ phận kỹ thuật kiểm tra CSDL.",
        "The database in use has a {kind} “{object}” that does not "
        "match what this software creates at schema version {version}, "
        "so no backup was made; ask your technical staff to check the "
        "database.",
    ),
    "err.body_inactive_writes": (
        "Đơn vị “{name}” đã ngừng hoạt động: không nhận báo cáo hay số "
        "liệu mới cho đơn vị này; không có gì được ghi.",
        "The body “{name}” is inactive: it takes no new reports or figures; nothing was saved.",
    ),
    "err.body_needs_org": (
        "Tài khoản vai trò Đơn vị phải gắn với một cơ quan, đơn vị (--org MÃ).",
        "A body account needs a body (--org CODE).",
    ),
    "err.cadence_unknown": (
        "Tính chất “{value}” (nhiệm vụ {label}) không có trong danh mục.",
        "Cadence “{value}” (task {label}) is not in the list.",
    ),
    "err.date_in_future": (
        "Ngày ban hành {day} ở tương lai.",
        "The issue date {day} is in the future.",
    ),
    "err.date_range": (
        "“Từ ngày” {first} sau “Đến ngày” {last}: hãy chọn lại khoảng ngày.",
        "“From” {first} is after “To” {last}: choose the days again.",
    ),
    "err.deadline_before_period": (
        "Hạn báo cáo {day} trước ngày bắt đầu kỳ ({start}).",
        "The report deadline {day} is before the period starts ({start}).",
    ),
    "err.demo_not_empty": (
        "Không nạp dữ liệu minh họa: CSDL này đã có {rows} bản ghi, mà dữ liệu "
        "minh họa chỉ được nạp vào một CSDL trống.",
        "Demo data not loaded: this database already holds {rows} rows, and "
        "demo data only goes into an empty database.",
    ),
    "err.difficulties_too_long": (
        "Khó khăn, vướng mắc dài {length} ký tự, quá giới hạn {n} ký tự: hãy rút gọn.",
        "The difficulties are {length} characters long, over the limit of {n}: shorten them.",
    ),
    "err.direction_required": ("Hãy ghi nội dung ý kiến chỉ đạo.", "Write the direction."),
    "err.direction_too_long": (
        "Ý kiến chỉ đạo dài {length} ký tự, quá giới hạn {n} ký tự: hãy rút gọn.",
        "The direction is {length} characters long, over the limit of {n}: shorten it.",
    ),
    "err.directive_closed": (
        "Văn bản “{title}” đã đóng (kết thúc theo dõi): không nhận báo cáo, "
        "số liệu hay ý kiến chỉ đạo mới; không có gì được ghi.",
        "The directive “{title}” is closed (follow-up over): it takes no new "
        "reports, figures or directions; nothing was saved.",
    ),
    "err.directive_unknown": ("Không có văn bản số {value}.", "There is no directive {value}."),
    "err.done_below_100": (
        "Trạng thái Hoàn thành nhưng tiến độ mới {percent}%. Sửa tiến độ thành "
        "100%, hoặc đánh dấu ô xác nhận trong biểu mẫu rồi gửi lại.",
        "The status is Done but progress is {percent}%. Set progress to 100%, "
        "or tick the confirmation box in the form and send again.",
    ),
    "err.evidence_date_future": (
        "Ngày văn bản {value} ở tương lai: kiểm tra lại ngày ban hành.",
        "The document date {value} is in the future: check the date of issue.",
    ),
    "err.evidence_number_too_long": (
        "Số văn bản dài {length} ký tự, quá giới hạn {n} ký tự.",
        "The document number is {length} characters long, over the limit of {n}.",
    ),
    "err.figure_done": (
        "Chỉ tiêu này chỉ nhận Đã thực hiện (1) hoặc Chưa thực hiện (0), không phải “{value}”.",
        "This target takes Done (1) or Not done (0) only, not “{value}”.",
    ),
    "err.figure_needs_body": (
        "Chỉ tiêu này tính theo từng đơn vị: hãy chọn đơn vị.",
        "This target is per body: choose the body.",
    ),
    "err.figure_negative": (
        "Số liệu không được là số âm: “{value}”.",
        "A figure cannot be negative: “{value}”.",
    ),
    "err.figure_not_number": (
        "“{value}” không phải là số. Ghi số, ví dụ 12,5 hoặc 12.5.",
        "“{value}” is not a number. Write a number, e.g. 12.5.",
    ),
    "err.figure_percent": (
        "Tỷ lệ phải từ 0 đến 100 (%), không phải “{value}”.",
        "A percentage must be from 0 to 100, not “{value}”.",
    ),
    "err.figure_period_year": (
        "Chỉ tiêu này tính theo năm: ghi kỳ dạng 2022, không phải “{value}”.",
        "This target is yearly: write the period as 2022, not “{value}”.",
    ),
    "err.figure_rank": (
        "Thứ hạng phải là số nguyên dương (1, 2, 3…), không phải “{value}”.",
        "A rank must be a positive whole number (1, 2, 3…), not “{value}”.",
    ),
    "err.import_binary": (
        "Tệp không phải văn bản (.txt), Word (.docx) hay PDF: không đọc được. Không lưu gì.",
        "The file is not text (.txt), Word (.docx) or PDF: it cannot be read. Nothing was saved.",
    ),
    "err.import_docx_bomb": (
        "Tệp Word (.docx) giải nén ra quá lớn hoặc nén bất thường, có thể là "
        "tệp độc hại: không đọc. Không lưu gì.",
        "The Word file (.docx) unpacks to too much or is packed abnormally, "
        "perhaps a malicious file: it is not read. Nothing was saved.",
    ),
    "err.import_docx_empty": (
        "Tệp Word (.docx) không có chữ nào. Không lưu gì.",
        "The Word file (.docx) holds no text. Nothing was saved.",
    ),
    "err.import_duplicate": (
        "{kind} “{what}” đã có trong hệ thống: không nhập lần nữa. Không lưu gì.",
        "{kind} “{what}” is already in the system: it is not imported twice. Nothing was saved.",
    ),
    "err.import_duplicate_label": (
        "Hai nhiệm vụ cùng số thứ tự {label}: sửa lại cho khác nhau. Chưa lưu gì.",
        "Two tasks share the number {label}: make them different. Nothing was saved.",
    ),
    "err.import_empty": (
        "Tệp hoặc đoạn văn bản trống: không có gì để đọc. Không lưu gì.",
        "The file or text is empty: nothing to read. Nothing was saved.",
    ),
    "err.import_file_missing": ("Không tìm thấy tệp “{path}”.", "File “{path}” not found."),
    "err.import_no_kind": (
        "Chưa có loại văn bản (Chỉ thị, Kế hoạch...): điền vào rồi lưu lại. Chưa lưu gì.",
        "The document's kind (Chỉ thị, Kế hoạch...) is missing: fill it in and "
        "save again. Nothing was saved.",
    ),
    "err.import_no_tasks": (
        "Không tìm thấy nhiệm vụ nào trong văn bản (không có mục 1., I., a), "
        "gạch đầu dòng...). Không lưu gì.",
        "No task was found in the text (no 1., I., a), dash items...). Nothing was saved.",
    ),
    "err.import_no_title": (
        "Chưa có trích yếu (tên) văn bản: điền vào rồi lưu lại. Chưa lưu gì.",
        "The document's title is missing: fill it in and save again. Nothing was saved.",
    ),
    "err.import_old_word": (
        "Tệp Word 97-2003 (.doc) chưa đọc được: mở bằng Word và lưu thành .docx. Không lưu gì.",
        "Word 97-2003 files (.doc) cannot be read: open it in Word and save "
        "as .docx. Nothing was saved.",
    ),
    "err.import_pdf_encrypted": (
        "Tệp PDF có mật khẩu: không đọc được. Không lưu gì.",
        "The PDF is password-protected: it cannot be read. Nothing was saved.",
    ),
    "err.import_pdf_heavy": (
        "Tệp PDF quá nặng để đọc (nội dung các trang vượt giới hạn xử lý, có "
        "thể là tệp độc hại): hãy dùng tệp Word hoặc dán văn bản. Không lưu "
        "gì.",
        "The PDF is too heavy to read (its pages' content exceeds the "
        "processing limit, perhaps a malicious file): use the Word file or "
        "paste the text. Nothing was saved.",
    ),
    "err.import_pdf_no_text": (
        "Tệp PDF ({pages} trang) không có lớp chữ (có thể là bản quét): "
        "hãy dùng bản PDF gốc, tệp Word hoặc dán văn bản. Không lưu gì.",
        "The PDF ({pages} pages) has no text layer (probably a scan): use "
        "the original PDF, the Word file, or paste the text. Nothing was "
        "saved.",
    ),
    "err.import_pdf_pages": (
        "Tệp PDF có {pages} trang, quá {limit} trang: hãy tách phần cần nhập "
        "thành tệp nhỏ hơn. Không lưu gì.",
        "The PDF has {pages} pages, more than {limit}: split off the part to "
        "import. Nothing was saved.",
    ),
    "err.import_task_empty": (
        "Nhiệm vụ {label} chưa có nội dung. Chưa lưu gì.",
        "Task {label} has no text. Nothing was saved.",
    ),
    "err.import_text_too_long": (
        "Văn bản quá dài ({n} ký tự, tối đa {limit}): hãy tách phần cần "
        "nhập thành văn bản ngắn hơn. Không lưu gì.",
        "The text is too long ({n} characters, at most {limit}): split "
        "off the part to import. Nothing was saved.",
    ),
    "err.import_too_large": (
        "Tệp quá lớn ({mb} MB): chỉ nhận tệp dưới {limit} MB. Không lưu gì.",
        "The file is too large ({mb} MB): files must be under {limit} MB. Nothing was saved.",
    ),
    "err.import_too_many_tasks": (
        "Văn bản có {n} nhiệm vụ, quá {limit} nhiệm vụ cho một lần "
        "nhập: hãy tách thành nhiều văn bản. Không lưu gì.",
        "The text holds {n} tasks, more than {limit} for one import: "
        "split it into several documents. Nothing was saved.",
    ),
    "err.import_unreadable": (
        "Tệp {kind} bị hỏng hoặc không đúng định dạng: không đọc được. Không lưu gì.",
        "The {kind} file is damaged or not what its name says: it cannot be "
        "read. Nothing was saved.",
    ),
    "err.last_secretariat": (
        "Đây là tài khoản Văn phòng cuối cùng còn hoạt động: phải còn ít nhất một người quản trị.",
        "This is the last active secretariat account: someone must still be able to administer.",
    ),
    "err.link_scheme": (
        "Liên kết “{value}” không hợp lệ: chỉ nhận địa chỉ bắt đầu bằng http:// hoặc https://.",
        "Link “{value}” is invalid: only addresses starting with http:// or https:// are taken.",
    ),
    "err.link_too_long": (
        "Liên kết văn bản dài quá {n} ký tự.",
        "The document link is longer than {n} characters.",
    ),
    "err.note_too_long": (
        "Ghi chú dài {length} ký tự, quá giới hạn {n} ký tự: hãy rút gọn.",
        "The note is {length} characters long, over the limit of {n}: shorten it.",
    ),
    "err.org_code_format": (
        "Mã “{value}” không hợp lệ: 2–20 ký tự chữ in hoa không dấu, số, _ hoặc -.",
        "Code “{value}” is invalid: 2-20 upper-case letters, digits, _ or -.",
    ),
    "err.org_code_taken": (
        "Đã có cơ quan, đơn vị mã “{value}”. Không thêm gì.",
        "There is already a body with code “{value}”. Nothing was added.",
    ),
    "err.org_inactive": (
        "Cơ quan, đơn vị “{value}” đã ngừng hoạt động.",
        "Body “{value}” is inactive.",
    ),
    "err.org_kind_unknown": (
        "Loại đơn vị “{value}” không có: chọn cấp tỉnh, cấp huyện hoặc bên ngoài.",
        "Body kind “{value}” does not exist: choose provincial, district or external.",
    ),
    "err.org_name_empty": ("Chưa có tên cơ quan, đơn vị.", "The body's name is missing."),
    "err.org_name_taken": (
        "Tên “{value}” trùng với đơn vị mã {other}.",
        "The name “{value}” is already used by body {other}.",
    ),
    "err.org_not_found": ("Không tìm thấy cơ quan, đơn vị (mã {id}).", "Body {id} was not found."),
    "err.org_only_for_body": (
        "Chỉ tài khoản vai trò Đơn vị mới gắn với cơ quan, đơn vị.",
        "Only a body account belongs to a body.",
    ),
    "err.org_unknown": (
        "Không có cơ quan, đơn vị mã “{value}”.",
        "There is no body with code “{value}”.",
    ),
    "err.own_body_inactive": (
        "Đơn vị “{name}” của tài khoản này đã ngừng hoạt động; không có gì được ghi.",
        "This account's body “{name}” is inactive; nothing was saved.",
    ),
    "err.password_common": (
        "Mật khẩu này nằm trong danh sách mật khẩu phổ biến nhất, rất dễ bị "
        "dò ra; hãy chọn mật khẩu khác.",
        "This password is among the most common ones and easily guessed; choose another.",
    ),
    "err.password_control": (
        "Mật khẩu có ký tự điều khiển hoặc ký tự ẩn, không gõ lại được; hãy chọn mật khẩu khác.",
        "The password holds a control or invisible character that cannot be "
        "typed again; choose another.",
    ),
    "err.password_current_wrong": (
        "Mật khẩu hiện tại không đúng; mật khẩu chưa được đổi.",
        "The current password is wrong; the password was not changed.",
    ),
    "err.password_demo": (
        "Mật khẩu này là mật khẩu của bản minh họa, ai cũng biết; không dùng "
        "được trên hệ thống thật.",
        "This is the demo's published password; it cannot be used on a real installation.",
    ),
    "err.password_guessable": (
        "Mật khẩu quá dễ đoán (dãy số, dãy phím, từ thông dụng, tên cơ "
        "quan…). Hãy dùng một câu ngắn hoặc ghép vài từ không liên quan, "
        "có thể thêm chữ số.",
        "The password is too easy to guess (digits or keys in a row, "
        "common words, the office's names…). Use a short sentence or a few "
        "unrelated words, perhaps with digits.",
    ),
    "err.password_is_username": (
        "Mật khẩu không được trùng với tên đăng nhập.",
        "The password cannot be the username.",
    ),
    "err.password_long": (
        "Mật khẩu dài quá {n} byte (chữ có dấu tính 2–3 byte mỗi chữ); hãy chọn mật khẩu ngắn hơn.",
        "The password is longer than {n} bytes (a Vietnamese letter with marks "
        "takes 2–3); choose a shorter one.",
    ),
    "err.password_mismatch": (
        "Hai lần nhập mật khẩu mới không khớp; mật khẩu chưa được đổi.",
        "The two new passwords do not match; the password was not changed.",
    ),
    "err.password_same": (
        "Mật khẩu mới phải khác mật khẩu hiện tại.",
        "The new password must differ from the current one.",
    ),
    "err.password_short": (
        "Mật khẩu phải có ít nhất {n} ký tự.",
        "The password needs at least {n} characters.",
    ),
    "err.password_spaces": (
        "Mật khẩu không được bắt đầu hoặc kết thúc bằng dấu cách.",
        "The password cannot begin or end with a space.",
    ),
    "err.percent_range": (
        "Tiến độ phải là số nguyên từ 0 đến 100 (%), không phải “{value}”.",
        "Progress must be a whole number from 0 to 100 (%), not “{value}”.",
    ),
    "err.period_after_current": (
        "Kỳ {value} sau kỳ báo cáo hiện tại ({current}): chỉ báo cáo cho "
        "kỳ hiện tại hoặc các kỳ trước.",
        "Period {value} is after the current reporting period "
        "({current}): report for the current period or an earlier one.",
    ),
    "err.period_before_last": (
        "Nhiệm vụ đã có báo cáo kỳ {last}: không gửi báo cáo cho kỳ {value} trước đó.",
        "This task already has a report for {last}: no report for the earlier period {value}.",
    ),
    "err.period_format": (
        "Kỳ báo cáo “{value}” không hợp lệ: ghi theo dạng 2022-Q1 (quý) hoặc 2022 (năm).",
        "Reporting period “{value}” is invalid: write 2022-Q1 (quarter) or 2022 (year).",
    ),
    "err.period_future": (
        "Kỳ {value} chưa bắt đầu (hôm nay là {today}): không báo cáo trước cho kỳ tương lai.",
        "Period {value} has not begun (today is {today}): no reports for a future period.",
    ),
    "err.period_quarter": (
        "Báo cáo theo quý: ghi kỳ dạng 2022-Q4, không phải “{value}”.",
        "Reports are by quarter: write the period as 2022-Q4, not “{value}”.",
    ),
    "err.period_quarter_only": (
        "Kỳ báo cáo hiện tại phải là một quý (ví dụ 2022-Q4), không phải “{value}”.",
        "The current reporting period must be a quarter (e.g. 2022-Q4), not “{value}”.",
    ),
    "err.period_range": (
        "Khoảng kỳ báo cáo từ {first} đến {last} không hợp lệ.",
        "The period range {first} to {last} is invalid.",
    ),
    "err.period_unknown": (
        "Kỳ {value} chưa được Văn phòng UBND tỉnh mở để báo cáo.",
        "Period {value} has not been opened for reporting by the office.",
    ),
    "err.period_year": (
        "Năm của kỳ “{value}” không hợp lý.",
        "The year of period “{value}” is not plausible.",
    ),
    "err.perm_audit": (
        "Chỉ Văn phòng UBND tỉnh mới xem được nhật ký thay đổi.",
        "Only the Provincial People's Committee's office may read the audit log.",
    ),
    "err.perm_direct": (
        "Chỉ Lãnh đạo UBND tỉnh mới cho ý kiến chỉ đạo; không có gì được ghi.",
        "Only the Provincial People's Committee's leaders give directions; nothing was saved.",
    ),
    "err.perm_figure": (
        "Tài khoản của bạn không có quyền nhập số liệu; không có gì được ghi.",
        "Your account may not enter figures; nothing was saved.",
    ),
    "err.perm_other_body": (
        "Bạn chỉ được báo cáo và nhập số liệu cho đơn vị của mình; không có gì được ghi.",
        "You may report and enter figures for your own body only; nothing was saved.",
    ),
    "err.perm_read": ("Bạn không có quyền xem nội dung này.", "You may not see this."),
    "err.perm_report": (
        "Tài khoản của bạn không có quyền gửi báo cáo tiến độ; không có gì được ghi.",
        "Your account may not send progress reports; nothing was saved.",
    ),
    "err.permission": ("Bạn không có quyền thực hiện thao tác này.", "You may not do this."),
    "err.proposal_not_found": (
        "Không tìm thấy kiến nghị (báo cáo mã {id}).",
        "Proposal (report {id}) was not found.",
    ),
    "err.proposals_too_long": (
        "Kiến nghị, đề xuất dài {length} ký tự, quá giới hạn {n} ký tự: hãy rút gọn.",
        "The proposals are {length} characters long, over the limit of {n}: shorten them.",
    ),
    "err.restore_damaged": (
        "Tệp “{name}” bị hỏng (kiểm tra toàn vẹn không đạt): không khôi phục. "
        "CSDL hiện tại giữ nguyên.",
        "“{name}” is damaged (integrity check failed): nothing restored. The "
        "current database is kept.",
    ),
    "err.restore_failed": (
        "Khôi phục không thành công ({detail}): CSDL hiện tại giữ nguyên.",
        "The restore failed ({detail}): the current database is kept.",
    ),
    "err.restore_foreign_keys": (
        "Tệp “{name}” có dữ liệu trỏ tới bản ghi không tồn tại (bảng "
        "{table}): không khôi phục. CSDL hiện tại giữ nguyên.",
        "“{name}” has rows pointing to records that do not exist (table "
        "{table}): nothing restored. The current database is kept.",
    ),
    "err.restore_missing": ("Không tìm thấy tệp “{path}”.", "File “{path}” not found."),
    "err.restore_no_space": (
        "Không đủ chỗ trống trên đĩa để khôi phục “{name}” (cần khoảng "
        "{need} MB, còn {free} MB): không khôi phục. CSDL hiện tại giữ "
        "nguyên.",
        "Not enough free disk space to restore “{name}” (about {need} MB "
        "needed, {free} MB free): nothing restored. The current database is "
        "kept.",
    ),
    "err.restore_not_db": (
        "Tệp “{name}” không phải CSDL SQLite: không khôi phục. CSDL hiện tại giữ nguyên.",
        "“{name}” is not an SQLite database: nothing restored. The current database is kept.",
    ),
    "err.restore_not_ours": (
        "Tệp “{name}” không phải bản sao lưu của ứng dụng này: không khôi "
        "phục. CSDL hiện tại giữ nguyên.",
        "“{name}” is not a backup of this application: nothing restored. The "
        "current database is kept.",
    ),
    "err.restore_schema_changed": (
        "Tệp “{name}” có {kind} “{object}” khác với cấu trúc phiên bản "
        "{version} do phần mềm tạo ra: không khôi phục. CSDL hiện tại "
        "giữ nguyên.",
        "“{name}” has a {kind} “{object}” that differs from what this "
        "software creates at schema version {version}: nothing "
        "restored. The current database is kept.",
    ),
    "err.restore_schema_extra": (
        "Tệp “{name}” có {kind} “{object}” mà phần mềm không tạo ra ở "
        "phiên bản cấu trúc {version}: không khôi phục. CSDL hiện tại "
        "giữ nguyên.",
        "“{name}” has a {kind} “{object}” that this software does not "
        "create at schema version {version}: nothing restored. The "
        "current database is kept.",
    ),
    "err.restore_schema_missing": (
        "Tệp “{name}” thiếu {kind} “{object}” của cấu trúc phiên bản "
        "{version}: không khôi phục. CSDL hiện tại giữ nguyên.",
        "“{name}” lacks the {kind} “{object}” of schema version "
        "{version}: nothing restored. The current database is kept.",
    ),
    "err.restore_sidecar": (
        "Bên cạnh tệp “{name}” còn tệp “{sidecar}”, nên đây chưa phải một bản "
        "sao lưu trọn vẹn (hãy sao lưu bằng trang Quản trị hoặc manage.py "
        "backup): không khôi phục. CSDL hiện tại giữ nguyên.",
        "“{sidecar}” lies beside “{name}”, so it is not a finished backup "
        "(make one with the Administration page or manage.py backup): nothing "
        "restored. The current database is kept.",
    ),
    "err.restore_too_big": (
        "Tệp “{name}” lớn hơn giới hạn {limit} MB cho một bản sao lưu "
        "(RESTORE_MAX_MB): không khôi phục. CSDL hiện tại giữ nguyên.",
        "“{name}” is larger than the {limit} MB allowed for a backup "
        "(RESTORE_MAX_MB): nothing restored. The current database is kept.",
    ),
    "err.restore_unknown_version": (
        "Tệp “{name}” có phiên bản cấu trúc {version} mà phần mềm này "
        "không biết (có thể từ bản mới hơn): không khôi phục. CSDL "
        "hiện tại giữ nguyên.",
        "“{name}” has schema version {version}, unknown to this "
        "software (perhaps from a newer one): nothing restored. The "
        "current database is kept.",
    ),
    "err.result_required": (
        "Khi thay đổi trạng thái, hãy ghi Kết quả thực hiện.",
        "When the status changes, write the result.",
    ),
    "err.result_too_long": (
        "Kết quả thực hiện dài {length} ký tự, quá giới hạn {n} ký tự: hãy "
        "rút gọn (văn bản đầy đủ có thể gửi kèm qua liên kết).",
        "The result is {length} characters long, over the limit of {n}: "
        "shorten it (link the full document instead).",
    ),
    "err.role_unknown": (
        "Vai trò “{value}” không có. Chọn một trong: {allowed}.",
        "Role “{value}” does not exist. Choose one of: {allowed}.",
    ),
    "err.section_unknown": ("Không có mục số {value}.", "There is no section {value}."),
    "err.self_deactivate": (
        "Không thể tự khóa tài khoản đang đăng nhập.",
        "You cannot deactivate the account you are signed in with.",
    ),
    "err.source_too_long": (
        "Nguồn số liệu dài {length} ký tự, quá giới hạn {n} ký tự.",
        "The source is {length} characters long, over the limit of {n}.",
    ),
    "err.stale_admin": (
        "Người khác vừa sửa mục này (“{what}”): tải lại trang để xem bản mới rồi "
        "sửa lại. Chưa lưu gì.",
        "Someone else has just changed this (“{what}”): reload the page to see "
        "it, then edit again. Nothing was saved.",
    ),
    "err.stale_report": (
        "Báo cáo chưa được ghi: {who} đã cập nhật nhiệm vụ này lúc {at} (kỳ "
        "{period}, tiến độ {percent}%) sau khi bạn mở biểu mẫu. Nội dung bạn "
        "nhập vẫn còn trong biểu mẫu: xem báo cáo mới nhất rồi gửi lại.",
        "Your report was not saved: {who} updated this task at {at} (period "
        "{period}, {percent}%) after you opened the form. What you typed is "
        "still in the form: look at the latest report, then send again.",
    ),
    "err.stale_report_unknown": (
        "Báo cáo chưa được ghi: nhiệm vụ này vừa được cập nhật sau khi "
        "bạn mở biểu mẫu. Nội dung bạn nhập vẫn còn trong biểu mẫu: xem "
        "lại rồi gửi lại.",
        "Your report was not saved: this task was updated after you "
        "opened the form. What you typed is still in the form: check, "
        "then send again.",
    ),
    "err.status_unknown": (
        "Trạng thái “{value}” không hợp lệ: chọn Chưa triển khai, Đang thực hiện hoặc Hoàn thành.",
        "Status “{value}” is invalid: choose Not started, In progress or Done.",
    ),
    "err.target_kind_unknown": (
        "Loại chỉ tiêu “{value}” không có trong danh mục.",
        "Target kind “{value}” is not in the list.",
    ),
    "err.target_needs_value": (
        "Chỉ tiêu “{text}” cần một con số (ví dụ 30 cho “trên 30%”).",
        "Target “{text}” needs a number (e.g. 30 for “above 30%”).",
    ),
    "err.target_not_found": ("Không tìm thấy chỉ tiêu (mã {id}).", "Target {id} was not found."),
    "err.task_area_unknown": (
        "Lĩnh vực “{value}” không có trong danh mục.",
        "Area “{value}” is not in the list.",
    ),
    "err.task_cadence_unknown": (
        "Tính chất “{value}” không có trong danh mục.",
        "Cadence “{value}” is not in the list.",
    ),
    "err.task_has_reports": (
        "Nhiệm vụ đã có {n} báo cáo: không xóa được, để giữ lịch sử. Có thể đóng văn bản.",
        "The task has {n} {n|report|reports}: it cannot be removed, to keep the "
        "history. You can close the directive instead.",
    ),
    "err.task_label": (
        "“{value}” không phải số hiệu nhiệm vụ (viết như 1.11).",
        "“{value}” is not a task number (write it like 1.11).",
    ),
    "err.task_text_empty": ("Nhiệm vụ chưa có nội dung.", "The task has no text."),
    "err.task_unknown": ("Không có nhiệm vụ số {value}.", "There is no task {value}."),
    "err.text_too_long": (
        "Nội dung quá dài (tối đa {n} ký tự): “{start}…”. Chưa lưu gì.",
        "Too long (at most {n} characters): “{start}…”. Nothing was saved.",
    ),
    "err.user_unknown": ("Không có tài khoản “{value}”.", "There is no account “{value}”."),
    "err.username_format": (
        "Tên đăng nhập “{value}” không hợp lệ: 2–50 ký tự chữ thường không dấu, số, . _ -",
        "Username “{value}” is invalid: 2-50 characters, lower-case letters, digits, . _ -",
    ),
    "err.username_taken": (
        "Tên đăng nhập “{value}” đã có người dùng. Không tạo tài khoản nào.",
        "Username “{value}” is taken. No account was created.",
    ),
}
