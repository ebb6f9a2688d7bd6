"""The periodic CCHC report (báo cáo định kỳ): the Word document, its page and its command."""

TEXTS: dict[str, tuple[str, str]] = {
    # refusals
    "err.report_period_format": (
        "“{value}” không phải là một kỳ báo cáo: viết quý 2022-Q4, 6 tháng 2022-H1 hoặc năm 2022.",
        "“{value}” is not a report period: write a quarter 2022-Q4, a half-year 2022-H1 "
        "or a year 2022.",
    ),
    "err.report_period_future": (
        "Kỳ {value} chưa bắt đầu (hôm nay là {today}): chưa thể lập báo cáo cho kỳ này.",
        "Period {value} has not started (today is {today}): no report can be made for it yet.",
    ),
    "err.report_cutoff_outside": (
        "Ngày chốt số liệu {day} nằm ngoài kỳ báo cáo ({start} – {end}).",
        "The cut-off day {day} is outside the report period ({start} – {end}).",
    ),
    "err.report_no_body": (
        "Không có cơ quan, đơn vị có mã “{value}”.",
        "There is no body with the code “{value}”.",
    ),
    "err.perm_periodic_report": (
        "Bạn chỉ được lập báo cáo định kỳ của cơ quan, đơn vị mình.",
        "You may draft only your own body's periodic report.",
    ),
    "err.report_unwritable": (
        "Không ghi được tệp “{path}” (thư mục không có hoặc không được phép ghi); "
        "không có tệp nào được tạo.",
        "Cannot write the file “{path}” (no such folder, or not allowed to write there); "
        "no file was made.",
    ),
    "cli.report_done": (
        "Đã lập báo cáo {period} ({who}): {path} ({size} byte).",
        "Report {period} ({who}) written: {path} ({size} bytes).",
    ),
    # the periods, as a title says them
    "pr.span_quarter": ("quý {roman} năm {year}", "quarter {roman} of {year}"),
    "pr.span_half1": ("6 tháng đầu năm {year}", "the first half of {year}"),
    "pr.span_half2": ("6 tháng cuối năm {year}", "the second half of {year}"),
    "pr.span_year": ("năm {year}", "the year {year}"),
    # the header block
    "pr.nation": (
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "SOCIALIST REPUBLIC OF VIETNAM",
    ),
    "pr.motto": ("Độc lập - Tự do - Hạnh phúc", "Independence - Freedom - Happiness"),
    "pr.province_committee": ("ỦY BAN NHÂN DÂN", "PEOPLE'S COMMITTEE"),
    "pr.province_name": ("TỈNH LAI CHÂU", "OF LAI CHAU PROVINCE"),
    "pr.province_short": ("UBND TỈNH LAI CHÂU", "LAI CHAU PROVINCIAL PEOPLE'S COMMITTEE"),
    "pr.province_in_text": (
        "Ủy ban nhân dân tỉnh Lai Châu",
        "Lai Chau Provincial People's Committee",
    ),
    "pr.district_committee": ("ỦY BAN NHÂN DÂN", "PEOPLE'S COMMITTEE OF"),
    "pr.number": ("Số: …/BC-{sign}", "No.: …/BC-{sign}"),
    "pr.place_date": ("Lai Châu, ngày …  tháng …  năm …", "Lai Chau, … …"),
    "pr.title": ("BÁO CÁO", "REPORT"),
    "pr.subtitle": (
        "Kết quả thực hiện công tác cải cách hành chính {span}",
        "Results of administrative reform work in {span}",
    ),
    "pr.to_ministry": ("Kính gửi: Bộ Nội vụ.", "To: the Ministry of Home Affairs."),
    "pr.to_province": (
        "Kính gửi: Ủy ban nhân dân tỉnh Lai Châu (qua Sở Nội vụ).",
        "To: Lai Chau Provincial People's Committee (through the Department of Home Affairs).",
    ),
    "pr.demo": (
        "DỮ LIỆU MINH HỌA (demo): không phải số liệu thật, không dùng để gửi.",
        "DEMO DATA: not real figures, not to be sent.",
    ),
    "pr.opening": (
        "Thực hiện {directive}, {who} báo cáo kết quả thực hiện công tác cải cách hành chính "
        "{span} (số liệu tính đến ngày {cutoff}) như sau:",
        "Pursuant to {directive}, {who} reports on its administrative reform work in {span} "
        "(figures as of {cutoff}) as follows:",
    ),
    "pr.note": ("Ghi chú cho Văn phòng: {text}", "Note for the secretariat: {text}"),
    "pr.note_opening": (
        "kiểm tra căn cứ, bổ sung văn bản của Bộ Nội vụ, Tỉnh ủy nếu có.",
        "check the grounds; add the ministry's and the party committee's documents if any.",
    ),
    "pr.note_results": (
        "các đoạn dưới đây trích nguyên văn kết quả các cơ quan, đơn vị đã báo cáo; "
        "tổng hợp, biên tập lại trước khi trình ký.",
        "the paragraphs below quote the bodies' reported results verbatim; summarise and edit "
        "them before signing.",
    ),
    "pr.note_assessment": (
        "đây là các số liệu máy tổng hợp, chưa phải nhận định của lãnh đạo; "
        "viết lại phần đánh giá.",
        "these are figures the system compiled, not a leader's judgement; rewrite the assessment.",
    ),
    "pr.note_next": (
        "bổ sung nhiệm vụ trọng tâm theo chỉ đạo của lãnh đạo.",
        "add the priorities the leaders set.",
    ),
    "pr.note_proposals": (
        "chọn, biên tập các kiến nghị cần gửi cấp trên.",
        "choose and edit the proposals to send up.",
    ),
    "pr.note_signer": (
        "[quyền hạn, chức vụ, chữ ký, họ tên người ký]",
        "[authority, title, signature, name of the signer]",
    ),
    # part I
    "pr.h1": ("I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH", "I. DIRECTION AND MANAGEMENT"),
    "pr.h1_plans": (
        "1. Ban hành kế hoạch, văn bản chỉ đạo",
        "1. Plans and documents issued",
    ),
    "pr.plans": (
        "Trong kỳ, các cơ quan, đơn vị đã gửi {reports} lượt báo cáo tiến độ, viện dẫn {docs} "
        "văn bản (kế hoạch, báo cáo, văn bản chỉ đạo) làm minh chứng.",
        "In the period the bodies sent {reports} progress reports citing {docs} documents "
        "(plans, reports, instructions) as evidence.",
    ),
    "pr.h1_inspection": (
        "2. Công tác kiểm tra cải cách hành chính",
        "2. Inspection of administrative reform",
    ),
    "pr.no_inspection_target": (
        "Không có chỉ tiêu kiểm tra gắn với nhiệm vụ chỉ đạo, điều hành.",
        "No inspection target is attached to a leadership task.",
    ),
    "pr.target_line": (
        "Chỉ tiêu {code} “{name}”: {verdict}.",
        "Target {code} “{name}”: {verdict}.",
    ),
    "pr.h1_tasks": (
        "3. Thông tin, tuyên truyền và các nhiệm vụ chỉ đạo, điều hành",
        "3. Communication and the other leadership tasks",
    ),
    "pr.h1_reporting": ("4. Chế độ thông tin, báo cáo", "4. Reporting"),
    "pr.reporting": (
        "{reported}/{bodies} cơ quan, đơn vị đã gửi báo cáo {quarter}; {assignments}/{total} "
        "lượt nhiệm vụ có báo cáo kết quả trong kỳ ({rate}%).",
        "{reported} of {bodies} bodies sent a report for {quarter}; {assignments} of {total} "
        "assignments have a result reported in the period ({rate}%).",
    ),
    # part II
    "pr.h2": (
        "II. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH",
        "II. RESULTS BY REFORM AREA",
    ),
    "pr.area_the_che": ("Cải cách thể chế", "Institutional reform"),
    "pr.area_tthc": ("Cải cách thủ tục hành chính", "Administrative procedure reform"),
    "pr.area_to_chuc_bo_may": (
        "Cải cách tổ chức bộ máy hành chính nhà nước",
        "Reform of the state administrative apparatus",
    ),
    "pr.area_cong_vu": ("Cải cách chế độ công vụ", "Civil service reform"),
    "pr.area_tai_chinh_cong": ("Cải cách tài chính công", "Public finance reform"),
    "pr.area_chinh_quyen_so": (
        "Xây dựng và phát triển chính quyền điện tử, chính quyền số",
        "E-government and digital government",
    ),
    "pr.area_summary": (
        "{tasks} nhiệm vụ, {assignments} lượt giao: hoàn thành đúng hạn {on_time}, hoàn thành "
        "quá hạn {late}, đang thực hiện trong hạn {going}, quá hạn chưa hoàn thành {overdue}; "
        "nhiệm vụ thường xuyên đã báo cáo {reported}, chưa báo cáo {not_reported}.",
        "{tasks} tasks, {assignments} assignments: done on time {on_time}, done late {late}, "
        "in progress on time {going}, overdue {overdue}; recurring reported {reported}, not "
        "reported {not_reported}.",
    ),
    "pr.area_empty": (
        "Trong kỳ không có nhiệm vụ thuộc lĩnh vực này.",
        "There is no task of this area in the period.",
    ),
    "pr.task_heading": ("Nhiệm vụ {label}: {text}", "Task {label}: {text}"),
    "pr.task_summary": (
        "{reported}/{assignments} cơ quan, đơn vị đã báo cáo kết quả trong kỳ.",
        "{reported} of {assignments} bodies reported a result in the period.",
    ),
    "pr.task_done": (
        "{reported}/{assignments} cơ quan, đơn vị đã báo cáo kết quả trong kỳ; {done} đã hoàn "
        "thành.",
        "{reported} of {assignments} bodies reported a result in the period; {done} done.",
    ),
    "pr.result_none": ("(không ghi kết quả)", "(no result written)"),
    "pr.evidence": ("văn bản số {number}", "document no. {number}"),
    "pr.evidence_date": ("ngày {day}", "of {day}"),
    "pr.silent": ("Chưa báo cáo trong kỳ: {names}.", "No report in the period: {names}."),
    # part III
    "pr.h3": ("III. ĐÁNH GIÁ CHUNG", "III. OVERALL ASSESSMENT"),
    "pr.h3_good": ("1. Ưu điểm", "1. Strengths"),
    "pr.good_summary": (
        "{done} lượt nhiệm vụ đã hoàn thành, trong đó {on_time} lượt đúng hạn; tiến độ bình quân "
        "{mean}%; {reported}/{bodies} cơ quan, đơn vị đã gửi báo cáo {quarter}.",
        "{done} assignments done, {on_time} of them on time; mean progress {mean}%; {reported} "
        "of {bodies} bodies reported for {quarter}.",
    ),
    "pr.targets_met": (
        "Chỉ tiêu đạt ({n}/{total}):",
        "Targets met ({n} of {total}):",
    ),
    "pr.h3_bad": ("2. Tồn tại, hạn chế và nguyên nhân", "2. Shortcomings and causes"),
    "pr.bad_summary": (
        "{overdue} lượt nhiệm vụ quá hạn chưa hoàn thành; {stuck} lượt vướng mắc cần lãnh đạo "
        "cho ý kiến; {not_reported} lượt nhiệm vụ thường xuyên chưa báo cáo kỳ này.",
        "{overdue} assignments overdue; {stuck} stuck awaiting a leader; {not_reported} "
        "recurring assignments not reported this period.",
    ),
    "pr.targets_missed": (
        "Chỉ tiêu chưa đạt ({n}/{total}):",
        "Targets missed ({n} of {total}):",
    ),
    "pr.silent_bodies": (
        "Cơ quan, đơn vị chưa gửi báo cáo {quarter}: {names}.",
        "Bodies that sent no report for {quarter}: {names}.",
    ),
    "pr.all_reported": (
        "Tất cả cơ quan, đơn vị đã gửi báo cáo {quarter}.",
        "Every body reported for {quarter}.",
    ),
    "pr.causes": (
        "Nguyên nhân, khó khăn do các cơ quan, đơn vị nêu:",
        "Causes and difficulties the bodies gave:",
    ),
    "pr.cause": ("{name} (nhiệm vụ {label}): {text}", "{name} (task {label}): {text}"),
    # part IV
    "pr.h4": ("IV. PHƯƠNG HƯỚNG, NHIỆM VỤ KỲ TỚI", "IV. TASKS FOR THE NEXT PERIOD"),
    "pr.h4_due": (
        "1. Nhiệm vụ đến hạn trong {span}",
        "1. Tasks due in {span}",
    ),
    "pr.next_due": (
        "Nhiệm vụ {label} (hạn {day}, {bodies} lượt chưa hoàn thành): {text}",
        "Task {label} (due {day}, {bodies} assignments not done): {text}",
    ),
    "pr.next_none": (
        "Không có nhiệm vụ có thời hạn trong kỳ tới.",
        "No task falls due in the next period.",
    ),
    "pr.h4_recurring": (
        "2. Tiếp tục thực hiện các nhiệm vụ thường xuyên",
        "2. Recurring tasks that go on",
    ),
    "pr.recurring": ("Nhiệm vụ {label} ({cadence}): {text}", "Task {label} ({cadence}): {text}"),
    "pr.h4_overdue": (
        "3. Tập trung hoàn thành {n} lượt nhiệm vụ quá hạn (Phụ lục III).",
        "3. Finish the {n} overdue assignments (Appendix III).",
    ),
    # part V
    "pr.h5": ("V. ĐỀ XUẤT, KIẾN NGHỊ", "V. PROPOSALS"),
    "pr.proposal": (
        "{name} (nhiệm vụ {label}, nêu ngày {day}, đã chờ {days} ngày): {text}",
        "{name} (task {label}, raised {day}, waiting {days} days): {text}",
    ),
    "pr.proposals_none": (
        "Không có kiến nghị nào đang chờ ý kiến chỉ đạo.",
        "No proposal is waiting for a direction.",
    ),
    "pr.closing": (
        "Trên đây là báo cáo kết quả thực hiện công tác cải cách hành chính {span} của {who}.",
        "This is {who}'s report on its administrative reform work in {span}.",
    ),
    "pr.recipients": ("Nơi nhận:", "Recipients:"),
    "pr.recipient_ministry": ("- Bộ Nội vụ;", "- Ministry of Home Affairs;"),
    "pr.recipient_province": ("- UBND tỉnh (qua Sở Nội vụ);", "- Provincial committee (via DoHA);"),
    "pr.recipient_leaders": ("- Lãnh đạo UBND tỉnh;", "- The committee's leaders;"),
    "pr.recipient_archive": ("- Lưu: VT.", "- Archive."),
    "pr.signer_province": ("TM. ỦY BAN NHÂN DÂN", "ON BEHALF OF THE COMMITTEE"),
    "pr.signer_body": ("THỦ TRƯỞNG CƠ QUAN", "HEAD OF THE BODY"),
    # appendices
    "pr.appendix": ("Phụ lục {n}", "Appendix {n}"),
    "pr.appendix_of": (
        "(Kèm theo Báo cáo số …/BC-{sign} ngày … của {who})",
        "(Attached to report no. …/BC-{sign} of … by {who})",
    ),
    "pr.app_bodies": (
        "KẾT QUẢ THỰC HIỆN NHIỆM VỤ THEO CƠ QUAN, ĐƠN VỊ {span_upper}",
        "RESULTS BY BODY, {span_upper}",
    ),
    "pr.app_targets": ("KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU", "THE TARGETS"),
    "pr.app_overdue": ("CÁC NHIỆM VỤ QUÁ HẠN CHƯA HOÀN THÀNH", "OVERDUE TASKS"),
    "pr.col_no": ("STT", "No."),
    "pr.col_body": ("Cơ quan, đơn vị", "Body"),
    "pr.col_tasks": ("Số nhiệm vụ", "Tasks"),
    "pr.col_on_time": ("Hoàn thành đúng hạn", "Done on time"),
    "pr.col_late": ("Hoàn thành quá hạn", "Done late"),
    "pr.col_going": ("Đang thực hiện", "In progress"),
    "pr.col_overdue": ("Quá hạn", "Overdue"),
    "pr.col_not_reported": ("Chưa báo cáo kỳ này", "Not reported this period"),
    "pr.col_rate": ("Tỷ lệ báo cáo trong kỳ (%)", "Reported in the period (%)"),
    "pr.col_total": ("Tổng cộng", "Total"),
    "pr.col_code": ("Mã", "Code"),
    "pr.col_target": ("Chỉ tiêu", "Target"),
    "pr.col_period": ("Kỳ", "Period"),
    "pr.col_figure": ("Số liệu", "Figure"),
    "pr.col_verdict": ("Đánh giá", "Verdict"),
    "pr.col_task": ("Nhiệm vụ", "Task"),
    "pr.col_text": ("Nội dung", "Content"),
    "pr.col_due": ("Hạn", "Due"),
    "pr.col_days": ("Số ngày quá hạn", "Days overdue"),
    "pr.col_percent": ("Tiến độ (%)", "Progress (%)"),
    "pr.none_rows": ("Không có.", "None."),
    "pr.page": ("Trang", "Page"),
    # the page
    "page.report": ("Báo cáo định kỳ", "Periodic report"),
    "pr.page_title": ("Báo cáo định kỳ công tác cải cách hành chính", "Periodic CCHC report"),
    "pr.page_intro": (
        "Bản dự thảo báo cáo theo mẫu văn bản hành chính (Nghị định 30/2020/NĐ-CP), lập từ số "
        "liệu trong hệ thống; Văn phòng biên tập các đoạn được tô vàng trước khi trình ký.",
        "A draft in the official document form (Decree 30/2020), made from the figures in the "
        "system; the secretariat edits the highlighted paragraphs before signing.",
    ),
    "pr.period_kind": ("Loại kỳ", "Kind of period"),
    "pr.kind_quarter": ("Quý", "Quarter"),
    "pr.kind_half": ("6 tháng", "Half-year"),
    "pr.kind_year": ("Năm", "Year"),
    "pr.period": ("Kỳ báo cáo", "Report period"),
    "pr.who": ("Báo cáo của", "Report of"),
    "pr.province": ("Toàn tỉnh (UBND tỉnh)", "The province"),
    "pr.cutoff": ("Ngày chốt số liệu", "Cut-off day"),
    "pr.cutoff_help": (
        "Để trống: cuối kỳ. Ví dụ Bộ Nội vụ tính quý III từ 15/6 đến 14/9.",
        "Empty: the period's end. The ministry counts e.g. Q3 as 15/6 to 14/9.",
    ),
    "pr.preview": ("Xem trước", "Preview"),
    "pr.download": ("Tải báo cáo (DOCX)", "Download the report (DOCX)"),
    "pr.figures": ("Số liệu chính", "Key figures"),
    "pr.fig_tasks": ("Lượt nhiệm vụ", "Assignments"),
    "pr.fig_done": ("Đã hoàn thành", "Done"),
    "pr.fig_overdue": ("Quá hạn", "Overdue"),
    "pr.fig_bodies": ("Đơn vị đã báo cáo", "Bodies reported"),
    "pr.fig_targets": ("Chỉ tiêu đạt", "Targets met"),
    "pr.fig_proposals": ("Kiến nghị chờ", "Proposals waiting"),
    "pr.outline": ("Đề mục", "Headings"),
}
