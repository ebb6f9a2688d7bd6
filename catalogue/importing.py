"""Reading a directive or plan from a file."""

TEXTS: dict[str, tuple[str, str]] = {
    "imp.col_area": ("Lĩnh vực", "Area"),
    "imp.col_bodies": ("Cơ quan chủ trì", "Lead bodies"),
    "imp.col_bodies_help": (
        "“Các sở, ban, ngành; UBND các huyện, thành phố” đã được mở rộng thành từng đơn vị.",
        "“All departments and districts” has been expanded into each body.",
    ),
    "imp.col_cadence": ("Tính chất", "Cadence"),
    "imp.col_direction": ("Hướng", "Direction"),
    "imp.col_due": ("Hạn", "Due"),
    "imp.col_heading": ("Tên mục", "Heading"),
    "imp.col_include": ("Nhập", "Import"),
    "imp.col_include_help": ("Có nhập mục này không", "Whether to import this section"),
    "imp.col_kind": ("Loại", "Kind"),
    "imp.col_label": ("Số mục", "Label"),
    "imp.col_leads": ("Chủ trì riêng", "Own leads"),
    "imp.col_leads_help": (
        "Chỉ điền khi nhiệm vụ có cơ quan chủ trì khác với cơ quan chủ trì của mục.",
        "Only when the task's lead differs from its section's.",
    ),
    "imp.col_partners": ("Phối hợp", "Partners"),
    "imp.col_section": ("Mục", "Section"),
    "imp.col_target": ("Câu chỉ tiêu", "Target sentence"),
    "imp.col_task": ("Nhiệm vụ", "Task"),
    "imp.col_tasks": ("Số nhiệm vụ", "Tasks"),
    "imp.col_text": ("Nội dung", "Text"),
    "imp.col_value": ("Giá trị", "Value"),
    "imp.date": ("Ngày ban hành", "Issued on"),
    "imp.discard": ("Bỏ, làm lại", "Discard"),
    "imp.file": ("Tệp văn bản", "Document file"),
    "imp.file_help": (
        ".txt, .docx, .xlsx (bảng nhiệm vụ) hoặc .pdf có lớp chữ (không nhận bản quét), "
        "dưới {mb} MB.",
        ".txt, .docx, .xlsx (a task table) or a PDF with a text layer (not a scan), under {mb} MB.",
    ),
    "imp.full_text": (
        "Toàn văn các nhiệm vụ như đã đọc (để đối chiếu)",
        "Every task in full, as read (to check against)",
    ),
    "imp.intro": (
        "Đọc chỉ thị, kế hoạch từ tệp (.txt, .docx, .xlsx, .pdf có lớp chữ) hoặc văn bản dán "
        "vào; kiểm tra, sửa bản xem trước rồi lưu một lần. Chưa bấm Lưu thì chưa ghi "
        "gì.",
        "Read a directive or plan from a file (.txt, .docx, .xlsx, a PDF with a text layer) or "
        "pasted text; check and correct the preview, then save it in one go. Nothing is "
        "written before you press Save.",
    ),
    "imp.issuer": ("Cơ quan ban hành", "Issued by"),
    "imp.kind": ("Loại văn bản", "Kind"),
    "imp.no_number": ("(chưa có số)", "(no number)"),
    "imp.no_targets": ("Không thấy câu chỉ tiêu nào.", "No target sentence was found."),
    "imp.no_tasks": (
        "Không tìm thấy nhiệm vụ nào (không có mục 1., I., a), gạch đầu dòng...). Có "
        "thể thêm nhiệm vụ vào bảng dưới, hoặc kiểm tra lại tệp.",
        "No task was found (no 1., I., a), dash items...). You can add tasks in the "
        "table below, or check the file.",
    ),
    "imp.number": ("số {number}", "no. {number}"),
    "imp.number_label": ("Số, ký hiệu", "Number"),
    "imp.orphans": (
        "{n} nhiệm vụ chưa có cơ quan chủ trì: chọn ở cột “Cơ quan chủ trì” của mục "
        "hoặc “Chủ trì riêng” của nhiệm vụ (có thể lưu rồi giao sau).",
        "{n} {n|task has|tasks have} no lead body: choose one for the section or the task (or save "
        "now and assign later).",
    ),
    "imp.paste": ("Dán toàn văn văn bản vào đây", "Paste the whole text here"),
    "imp.preamble": ("Phần mở đầu (không phải nhiệm vụ)", "Preamble (not tasks)"),
    "imp.preview": ("Bản xem trước: kiểm tra và sửa trước khi lưu", "Preview: check and correct"),
    "imp.read": ("Đọc văn bản", "Read the document"),
    "imp.reading": ("Đang đọc văn bản…", "Reading the document…"),
    "imp.save": ("Lưu vào hệ thống", "Save"),
    "imp.saved": (
        "Đã nhập văn bản mã {code}: {sections} mục, {tasks} nhiệm vụ, {leads} lượt giao "
        "chủ trì, {partners} lượt phối hợp, {targets} chỉ tiêu.",
        "Imported as {code}: {sections} sections, {tasks} tasks, {leads} lead "
        "assignments, {partners} partner assignments, {targets} targets.",
    ),
    "imp.saving": ("Đang lưu…", "Saving…"),
    "imp.sections": ("Các mục và cơ quan chủ trì", "Sections and their lead bodies"),
    "imp.sections_help": (
        "Bỏ dấu “Nhập” ở mục không phải nhiệm vụ (mục đích, yêu cầu...). Cơ "
        "quan chủ trì của mục được giao mọi nhiệm vụ trong mục.",
        "Untick “Import” for sections that are not tasks (aims, "
        "requirements...). A section's lead bodies are assigned every task in "
        "it.",
    ),
    "imp.signer": ("Người ký", "Signed by"),
    "imp.source": ("Đọc từ: {name}", "Read from: {name}"),
    "imp.summary": (
        "**{kind}** {number} · ngày {day} · {sections} mục · {tasks} nhiệm vụ · "
        "{targets} chỉ tiêu đề xuất",
        "**{kind}** {number} · dated {day} · {sections} sections · {tasks} tasks · "
        "{targets} proposed targets",
    ),
    "imp.tab_file": ("Tải tệp lên", "Upload a file"),
    "imp.tab_paste": ("Dán văn bản", "Paste the text"),
    "imp.targets": ("Chỉ tiêu đề xuất", "Proposed targets"),
    "imp.targets_help": (
        "Các câu có con số (100%, trên 30%, từ 2% trở lên) hoặc “nâng, giảm tỷ "
        "lệ”. Bỏ dấu “Nhập” ở câu không phải chỉ tiêu.",
        "Sentences with a figure (100%, above 30%, 2% or more) or “raise, reduce "
        "the rate”. Untick “Import” for those that are no target.",
    ),
    "imp.tasks": ("Nhiệm vụ", "Tasks"),
    "imp.tasks_help": (
        "Sửa trực tiếp trong bảng; thêm dòng ở cuối bảng, xóa dòng bằng ô chọn đầu "
        "dòng. Lĩnh vực, tính chất và hạn là đề xuất từ câu chữ: hãy kiểm tra.",
        "Edit in the table; add rows at its end, delete rows with the box at their "
        "start. Area, cadence and deadline are guessed from the wording: check "
        "them.",
    ),
    "imp.title": ("Trích yếu (tên văn bản)", "Title"),
}
