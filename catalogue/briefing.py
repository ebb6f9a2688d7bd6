"""The briefing slides and the exported files."""

TEXTS: dict[str, tuple[str, str]] = {
    "br.as_of": ("Số liệu tính đến ngày", "Figures as of"),
    "br.auto": ("Tự chuyển trang", "Advance automatically"),
    "br.bodies": ("Các đơn vị chậm nhất", "Bodies most behind"),
    "br.continued": ("{title} (tiếp theo)", "{title} (continued)"),
    "br.demo": (
        "DỮ LIỆU MINH HỌA (demo), không phải số liệu thật",
        "DEMO DATA, not the province's real figures",
    ),
    "br.detail": ("Chi tiết: {name}", "Detail: {name}"),
    "br.detail_choice": ("Trang chi tiết: mục hoặc đơn vị", "Detail slide: a section or a body"),
    "br.download_pptx": ("Tải PPTX", "Download PPTX"),
    "br.download_xlsx": ("Tải XLSX", "Download XLSX"),
    "br.exit": ("Thoát trình chiếu", "Leave the briefing"),
    "br.interval": ("Số giây mỗi trang", "Seconds per slide"),
    "br.keys": (
        "Mỗi trang một nội dung; số liệu là ảnh chụp tại ngày đã chọn.",
        "One message per slide; figures are frozen at the chosen day.",
    ),
    "br.make_pptx": ("Tạo tệp trình chiếu (PPTX)", "Make slides (PPTX)"),
    "br.make_xlsx": ("Tạo báo cáo Excel (XLSX)", "Make spreadsheet (XLSX)"),
    "br.making": ("Đang tạo tệp…", "Making the file…"),
    "br.meta": (
        "Số liệu đến {day} · lập lúc {made} · {n}/{total}",
        "Figures as of {day} · made {made} · {n}/{total}",
    ),
    "br.next": ("Tiếp ▶", "Next ▶"),
    "br.no_slide": (
        "Không có trang trình chiếu “{value}” (có {total} trang); đang hiển thị trang 1.",
        "There is no slide “{value}” (there are {total}); showing slide 1.",
    ),
    "br.none_overdue": ("Không có nhiệm vụ quá hạn.", "Nothing is overdue."),
    "br.none_waiting": ("Không có kiến nghị nào đang chờ.", "No proposal is waiting."),
    "br.overall": ("Tiến độ chung thực hiện Chỉ thị", "Overall progress"),
    "br.overdue": ("Quá hạn: {n} lượt · vướng mắc: {stuck} lượt", "Overdue: {n} · stuck: {stuck}"),
    "br.prev": ("◀ Trước", "◀ Previous"),
    "br.proposals": ("Kiến nghị chờ chỉ đạo: {n}", "Proposals waiting: {n}"),
    "br.reporting": (
        "Nhiệm vụ thường xuyên: {reported} lượt đã báo cáo kỳ này, {missing} lượt "
        "chưa; {silent}/{bodies} đơn vị chưa gửi báo cáo kỳ này",
        "Continuous tasks: {reported} reported this period, {missing} not; {silent} "
        "of {bodies} bodies sent no report this period",
    ),
    "br.sections": ("Tiến độ theo mục của Chỉ thị", "Progress by section"),
    "br.settings": ("Tùy chọn trình chiếu, tải tệp", "Options and files"),
    "br.targets": ("Các chỉ tiêu của Chỉ thị", "The directive's targets"),
    "br.timeliness": (
        "Hoàn thành đúng hạn {on_time} · hoàn thành quá hạn {late} · đang thực hiện "
        "trong hạn {going} · quá hạn chưa hoàn thành {overdue}",
        "Done on time {on_time} · done late {late} · in progress on time {going} · "
        "overdue {overdue}",
    ),
    "xl.as_of": ("Số liệu tính đến ngày {day}", "Figures as of {day}"),
    "xl.by_body": ("Theo cơ quan, đơn vị", "By body"),
    "xl.detail_title": ("CHI TIẾT KẾT QUẢ THỰC HIỆN NHIỆM VỤ", "TASK-BY-TASK PROGRESS"),
    "xl.difficulties": ("Khó khăn, vướng mắc, kiến nghị", "Difficulties and proposals"),
    "xl.evidence": ("Văn bản minh chứng", "Evidence"),
    "xl.kind": ("Loại chỉ tiêu", "Kind"),
    "xl.lead": ("Cơ quan chủ trì", "Lead body"),
    "xl.no": ("STT", "No."),
    "xl.partners": ("Cơ quan phối hợp", "Partner bodies"),
    "xl.sheet_detail": ("Chi tiết", "Detail"),
    "xl.sheet_summary": ("Tổng hợp", "Summary"),
    "xl.sheet_targets": ("Chỉ tiêu", "Targets"),
    "xl.summary_title": ("TỔNG HỢP KẾT QUẢ THỰC HIỆN CHỈ THỊ", "SUMMARY OF PROGRESS"),
    "xl.target_value": ("Mục tiêu", "Target"),
    "xl.targets_title": ("KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU", "TARGETS BY PERIOD"),
    "xl.unit": ("Đơn vị tính", "Unit"),
}
