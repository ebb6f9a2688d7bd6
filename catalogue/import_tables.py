"""Texts of reading task tables (a plan's appendix in a Word table or an Excel sheet)."""

TEXTS: dict[str, tuple[str, str]] = {
    "err.import_xlsx_bomb": (
        "Tệp Excel (.xlsx) giải nén ra quá lớn hoặc nén bất thường, có thể là tệp độc hại: "
        "không đọc. Không lưu gì.",
        "The Excel file (.xlsx) unpacks to too much or is packed abnormally, possibly a "
        "malicious file: it was not read. Nothing was saved.",
    ),
    "err.import_sheet_too_large": (
        "Bảng tính quá lớn ({rows} dòng, {cols} cột; tối đa {max_rows} dòng, {max_cols} cột): "
        "hãy chỉ giữ bảng nhiệm vụ. Không lưu gì.",
        "The sheet is too large ({rows} rows, {cols} columns; at most {max_rows} rows and "
        "{max_cols} columns): keep only the task table. Nothing was saved.",
    ),
    "err.import_table_no_task_column": (
        "Bảng có cột cơ quan chủ trì hoặc thời gian nhưng không có cột nội dung nhiệm vụ nhận "
        'ra được (ví dụ "Nội dung nhiệm vụ"): hãy đặt tên cột rồi đọc lại. Không lưu gì.',
        "The table has a lead body or deadline column but no task column that can be "
        'recognised (such as "Nội dung nhiệm vụ"): name the column and read it again. '
        "Nothing was saved.",
    ),
    "err.import_xlsx_no_table": (
        'Bảng tính không có bảng nhiệm vụ (dòng tiêu đề có cột "Nội dung nhiệm vụ" và '
        '"Cơ quan chủ trì" hoặc "Thời gian hoàn thành"). Không lưu gì.',
        'The spreadsheet holds no task table (a header row with a "Nội dung nhiệm vụ" column '
        'and a "Cơ quan chủ trì" or "Thời gian hoàn thành" column). Nothing was saved.',
    ),
    "imp.col_timing": ("Thời hạn (như văn bản ghi)", "Deadline (as written)"),
    "imp.recurrence.quarterly": ("hằng quý", "quarterly"),
    "imp.recurrence.half_yearly": ("6 tháng", "half-yearly"),
    "imp.recurrence.monthly": ("hằng tháng", "monthly"),
    "imp.unknown_bodies": (
        "Có {n} tên giống cơ quan, đơn vị nhưng không có trong danh mục (chưa được gán cho "
        "nhiệm vụ nào). Thêm vào danh mục thì văn bản được đọc lại để gán:",
        "{n} {n|name looks|names look} like a body but {n|is|are} not in the body list (not "
        "assigned to any task). Adding one reads the document again to assign it:",
    ),
    "imp.unknown_add": ("Thêm vào danh mục", "Add to the body list"),
    "imp.unknown_added": (
        "Đã thêm {name} (mã {code}) vào danh mục cơ quan và đọc lại văn bản.",
        "{name} (code {code}) was added to the body list and the document read again.",
    ),
    "err.import_old_excel": (
        "Tệp Excel 97-2003 (.xls) chưa đọc được: mở bằng Excel và lưu thành .xlsx. Không lưu gì.",
        "Excel 97-2003 files (.xls) cannot be read: open it in Excel and save it as .xlsx. "
        "Nothing was saved.",
    ),
}
