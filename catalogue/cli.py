"""The command line."""

TEXTS: dict[str, tuple[str, str]] = {
    "cli.backup_done": (
        "Đã sao lưu vào {path} ({mb} MB): {directives} văn bản, {tasks} nhiệm vụ, "
        "{users} tài khoản.",
        "Backed up to {path} ({mb} MB): {directives} directives, {tasks} tasks, {users} accounts.",
    ),
    "cli.db_ready": (
        "Đã cập nhật cấu trúc CSDL lên phiên bản mới nhất.",
        "Database schema is up to date.",
    ),
    "cli.demo_accounts": (
        "Tài khoản demo (CHỈ DÙNG THỬ): lanhdao, vanphong, xem và mã đơn vị "
        "viết thường; mật khẩu: {password}",
        "Demo accounts (DEMO ONLY): lanhdao, vanphong, xem and each body's code "
        "in lower case; password: {password}",
    ),
    "cli.export_bad_date": (
        "Ngày “{value}” không hợp lệ: ghi dd/mm/yyyy hoặc yyyy-mm-dd.",
        "Date “{value}” is invalid: write dd/mm/yyyy or yyyy-mm-dd.",
    ),
    "cli.export_done": ("Đã ghi {path} ({size} byte).", "Wrote {path} ({size} bytes)."),
    "cli.export_no_directive": ("Không có văn bản số {value}.", "There is no directive {value}."),
    "cli.import_dry_run": (
        "Chạy thử (--dry-run): không lưu gì.",
        "Dry run (--dry-run): nothing was saved.",
    ),
    "cli.import_head": (
        "{kind} {number}, ngày {day}: {title}",
        "{kind} {number}, dated {day}: {title}",
    ),
    "cli.import_more": (" và {n} đơn vị khác", " and {n} more"),
    "cli.import_no_tasks": (
        "Không tìm thấy nhiệm vụ nào trong văn bản: không lưu gì.",
        "No task was found in the text: nothing was saved.",
    ),
    "cli.import_saved": (
        "Đã nhập văn bản mã {code}: {sections} mục, {tasks} nhiệm vụ, {leads} "
        "lượt giao chủ trì, {partners} lượt phối hợp, {targets} chỉ tiêu.",
        "Imported as {code}: {sections} sections, {tasks} tasks, {leads} lead "
        "assignments, {partners} partner assignments, {targets} targets.",
    ),
    "cli.import_section": (
        "  {label} {heading} — {tasks} nhiệm vụ — {bodies}",
        "  {label} {heading} — {tasks} tasks — {bodies}",
    ),
    "cli.import_skipped": (
        "    (không nhập mục này: mục đích, yêu cầu, không phải nhiệm vụ)",
        "    (this section is not imported: aims and requirements, not tasks)",
    ),
    "cli.import_totals": (
        "Tổng: {sections} mục, {tasks} nhiệm vụ, {targets} chỉ tiêu đề xuất.",
        "Total: {sections} sections, {tasks} tasks, {targets} proposed targets.",
    ),
    "cli.not_locked": (
        "{who} không bị tạm dừng đăng nhập; không có gì thay đổi.",
        "{who} is not waiting to sign in; nothing changed.",
    ),
    "cli.password_again": ("Nhập lại mật khẩu: ", "Password again: "),
    "cli.password_mismatch": ("Hai lần nhập mật khẩu không khớp.", "The passwords do not match."),
    "cli.password_prompt": ("Mật khẩu: ", "Password: "),
    "cli.restore_done": (
        "Đã khôi phục từ {path}: {directives} văn bản, {tasks} nhiệm vụ, {users} "
        "tài khoản. CSDL trước khi khôi phục được giữ ở {previous}.",
        "Restored from {path}: {directives} directives, {tasks} tasks, {users} "
        "accounts. The database as it was before is kept at {previous}.",
    ),
    "cli.seed_added": ("Đã thêm: {what}", "Added: {what}"),
    "cli.seed_no_demo": (
        "CSDL đã có dữ liệu nên không nạp dữ liệu minh họa; chỉ bổ sung văn bản, "
        "đơn vị và chỉ tiêu còn thiếu.",
        "The database already holds data, so no demo data was loaded; only the "
        "missing directive, bodies and targets were added.",
    ),
    "cli.seed_nothing": (
        "Dữ liệu đã có đủ: không thêm gì.",
        "Everything is already there: nothing added.",
    ),
    "cli.unlock_what": (
        "Cho biết tên tài khoản hoặc --address ĐỊA_CHỈ_IP.",
        "Give an account name or --address IP_ADDRESS.",
    ),
    "cli.unlocked": ("Đã mở khóa đăng nhập cho {who}.", "Sign-in unlocked for {who}."),
    "cli.user_created": (
        "Đã tạo tài khoản {username} ({role}).",
        "Created account {username} ({role}).",
    ),
}
