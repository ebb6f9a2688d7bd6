"""Notices, reminders and e-mail, chasing the bodies that have not reported, closing a period."""

TEXTS: dict[str, tuple[str, str]] = {
    "page.notices": ("Thông báo", "Notices"),
    # What each kind of notice is (a short label) ...
    "ntc_kind.direction": ("Ý kiến chỉ đạo", "Direction"),
    "ntc_kind.closed": ("Kiến nghị đã trả lời", "Proposal answered"),
    "ntc_kind.lead_report": ("Báo cáo của đơn vị chủ trì", "Lead body's report"),
    "ntc_kind.due": ("Sắp đến hạn", "Due soon"),
    "ntc_kind.overdue": ("Quá hạn", "Overdue"),
    "ntc_kind.period_deadline": ("Hạn báo cáo kỳ", "Period deadline"),
    "ntc_kind.period_opened": ("Kỳ báo cáo mới", "New period"),
    "ntc_kind.missed": ("Chưa báo cáo đúng hạn", "Missed the deadline"),
    "ntc_kind.digest": ("Tổng hợp tuần", "Weekly digest"),
    "ntc_kind.chase": ("Nhắc báo cáo", "Reminder to report"),
    # ... and what it says.
    "ntc.direction": (
        "{who} cho ý kiến chỉ đạo về báo cáo kỳ {period} của nhiệm vụ {task}: {text}",
        "{who} gave a direction on the {period} report on task {task}: {text}",
    ),
    "ntc.closed": (
        "{who} đã trả lời và khép lại kiến nghị kỳ {period} của nhiệm vụ {task}: {text}",
        "{who} answered and closed the {period} proposal on task {task}: {text}",
    ),
    "ntc.lead_report": (
        "Đơn vị chủ trì {lead} đã báo cáo nhiệm vụ {task} kỳ {period} ({percent}%).",
        "The lead body {lead} reported on task {task} for {period} ({percent}%).",
    ),
    "ntc.due": (
        "Nhiệm vụ {task} đến hạn ngày {due}: còn {days} ngày.",
        "Task {task} is due on {due}: {days} {days|day|days} left.",
    ),
    "ntc.overdue": (
        "Nhiệm vụ {task} đã quá hạn {days} ngày (hạn {due}) mà chưa hoàn thành.",
        "Task {task} is {days} {days|day|days} past its deadline ({due}) and not done.",
    ),
    "ntc.period_deadline": (
        "Hạn báo cáo kỳ {period} là ngày {deadline}: đơn vị còn {n} nhiệm vụ chưa báo cáo.",
        "The {period} reports are due on {deadline}: {n} {n|task is|tasks are} not reported yet.",
    ),
    "ntc.period_opened": (
        "Kỳ báo cáo {period} đã mở; hạn báo cáo ngày {deadline}.",
        "The reporting period {period} is open; reports are due on {deadline}.",
    ),
    "ntc.missed": (
        "{body} chưa báo cáo {n} nhiệm vụ kỳ {period}; hạn ngày {deadline} đã qua.",
        "{body} has not reported on {n} {n|task|tasks} for {period}; the deadline {deadline} "
        "has passed.",
    ),
    "ntc.digest": (
        "Tổng hợp tuần: {moved} báo cáo mới trong 7 ngày qua, {overdue} nhiệm vụ quá hạn, "
        "{waiting} kiến nghị chờ chỉ đạo.",
        "This week: {moved} new {moved|report|reports} in the last 7 days, {overdue} overdue "
        "{overdue|task|tasks}, {waiting} {waiting|proposal|proposals} waiting for a direction.",
    ),
    "ntc.chase": (
        "Văn phòng UBND tỉnh đề nghị đơn vị báo cáo kỳ {period} (hạn ngày {deadline}).",
        "The Provincial People's Committee Office asks the body to report for {period} "
        "(due on {deadline}).",
    ),
    "ntc.chase_message": ("Lời nhắn: {message}", "Message: {message}"),
    # The Thông báo page.
    "ntc.unread": ("{n} chưa đọc", "{n} unread"),
    "ntc.none": ("Chưa có thông báo nào.", "No notices yet."),
    "ntc.mark_read": ("Đánh dấu đã đọc", "Mark as read"),
    "ntc.mark_all_read": ("Đánh dấu tất cả đã đọc", "Mark all as read"),
    "ntc.marked": ("Đã đánh dấu {n} thông báo là đã đọc.", "{n} {n|notice|notices} marked read."),
    "ntc.open": ("Mở", "Open"),
    "ntc.new": ("Mới", "New"),
    "ntc.read": ("Đã đọc", "Read"),
    "ntc.caption": (
        "Mới nhất ở trên. Thông báo được tạo tự động (nhắc hạn, kỳ báo cáo, chỉ đạo, "
        "trả lời kiến nghị) và gửi thư điện tử nếu tài khoản có địa chỉ.",
        "Newest first. Notices are made automatically (deadlines, periods, directions, "
        "answers) and e-mailed when the account has an address.",
    ),
    "ntc.landing_title": ("Mới: chỉ đạo và trả lời kiến nghị", "New: directions and answers"),
    "ntc.landing_more": ("Xem tất cả thông báo", "See all notices"),
    # E-mail.
    "ntc.mail_subject": (
        "[CCHC Lai Châu] {n} thông báo mới",
        "[CCHC Lai Châu] {n} new {n|notice|notices}",
    ),
    "ntc.mail_greeting": ("Kính gửi {name},", "Dear {name},"),
    "ntc.mail_intro": (
        "Hệ thống theo dõi Chỉ thị CCHC tỉnh Lai Châu có {n} thông báo mới cho anh/chị:",
        "The Lai Châu reform follow-up system has {n} new {n|notice|notices} for you:",
    ),
    "ntc.mail_open": ("Xem tại: {link}", "Open: {link}"),
    "ntc.mail_footer": (
        "Thư này được gửi tự động; xem mọi thông báo tại trang Thông báo: {link}",
        "This message was sent automatically; every notice is on the Notices page: {link}",
    ),
    # The profile's e-mail address.
    "ntc.email": ("Thư điện tử", "E-mail"),
    "ntc.email_help": (
        "Địa chỉ nhận thông báo qua thư điện tử; để trống nếu chỉ xem trong ứng dụng.",
        "Where notices are e-mailed; leave empty to see them in the app only.",
    ),
    "ntc.email_saved": ("Đã lưu địa chỉ thư điện tử.", "E-mail address saved."),
    "ntc.email_removed": ("Đã bỏ địa chỉ thư điện tử.", "E-mail address removed."),
    "ntc.email_save": ("Lưu địa chỉ", "Save the address"),
    "err.email_invalid": (
        "“{value}” không phải địa chỉ thư điện tử hợp lệ (ví dụ: ten@laichau.gov.vn).",
        "“{value}” is not a valid e-mail address (e.g. name@laichau.gov.vn).",
    ),
    "err.notify_now": (
        "“{value}” không phải thời điểm dạng NGÀY/THÁNG/NĂM GIỜ:PHÚT (ví dụ 05/01/2023 08:00).",
        "“{value}” is not a moment written DD/MM/YYYY HH:MM (e.g. 05/01/2023 08:00).",
    ),
    "col.on_time_rate": ("Đúng hạn {period} (%)", "On time {period} (%)"),
    "cli.notify_done": (
        "Thông báo: {created} mới, {emailed} thư đã gửi, {failed} thư chưa gửi được, "
        "{queued} thông báo chờ gửi thư.",
        "Notices: {created} new, {emailed} {emailed|e-mail|e-mails} sent, {failed} not sent, "
        "{queued} waiting to be e-mailed.",
    ),
    "cli.notify_dry_run": (
        "Chạy thử: sẽ tạo {created} thông báo; {queued} thông báo chờ gửi thư. Không ghi, "
        "không gửi gì.",
        "Dry run: {created} {created|notice|notices} would be made; {queued} waiting to be "
        "e-mailed. Nothing written or sent.",
    ),
    "cli.notify_no_smtp": (
        "Chưa cấu hình SMTP (SMTP_HOST, MAIL_FROM): thông báo chỉ hiện trong ứng dụng.",
        "SMTP is not configured (SMTP_HOST, MAIL_FROM): notices are in the app only.",
    ),
    "cli.notify_failed": (
        "Máy chủ thư chưa nhận {failed} thư; {queued} thông báo đang chờ, được giữ lại và sẽ "
        "gửi lại ở lần chạy sau.",
        "The mail server did not take {failed} {failed|message|messages}; {queued} "
        "{queued|notice is|notices are} waiting, kept and sent again on a later run.",
    ),
    "err.period_closed": (
        "Kỳ {value} đã khóa: không nhận thêm báo cáo cho kỳ này, hãy báo cáo vào kỳ hiện tại.",
        "{value} is closed: no more reports for it; report for the current period instead.",
    ),
    "err.no_current_period": (
        "Chưa có kỳ báo cáo hiện tại; Văn phòng cần mở một kỳ trước.",
        "There is no current reporting period; the office must open one first.",
    ),
    "err.chase_none": (
        "Chưa chọn đơn vị nào để nhắc.",
        "No body is selected to remind.",
    ),
    "err.chase_message_too_long": (
        "Lời nhắn dài {length} ký tự, quá {n} ký tự cho phép.",
        "The message is {length} characters long, over the {n} allowed.",
    ),
    "err.close_not_current": (
        "Chỉ khóa được kỳ hiện tại chưa khóa ({current}), không phải “{value}”.",
        "Only the current, open period ({current}) can be closed, not “{value}”.",
    ),
    "err.grace_range": (
        "Số ngày “{value}” không hợp lệ: từ 0 đến {most} ngày.",
        "“{value}” days is not allowed: from 0 to {most} days.",
    ),
    "ntc.grace": (
        "Tự khóa kỳ sau hạn báo cáo (ngày; để trống: chỉ khóa bằng tay)",
        "Close the period by itself this many days after its deadline (empty: by hand only)",
    ),
    "ntc.grace_save": ("Lưu", "Save"),
    "ntc.grace_saved": ("Đã lưu.", "Saved."),
    # Chasing and closing a period.
    "ntc.chase_title": ("Nhắc đơn vị chưa báo cáo", "Remind bodies that have not reported"),
    "ntc.chase_bodies": ("Đơn vị chưa báo cáo kỳ {period}", "Bodies not reported for {period}"),
    "ntc.chase_one": (
        "{code} chưa gửi báo cáo nào cho kỳ {period}.",
        "{code} has sent no report for {period}.",
    ),
    "ntc.chase_message_input": ("Lời nhắn thêm (không bắt buộc)", "An added sentence (optional)"),
    "ntc.chase_send": ("Gửi nhắc nhở", "Send the reminder"),
    "ntc.chase_sent": (
        "Đã nhắc {n} đơn vị; {skipped} đơn vị đã được nhắc hôm nay.",
        "{n} {n|body|bodies} reminded; {skipped} already reminded today.",
    ),
    "ntc.all_reported": (
        "Mọi đơn vị đã báo cáo kỳ {period}.",
        "Every body has reported for {period}.",
    ),
    "ntc.close_title": ("Khóa kỳ báo cáo", "Close the reporting period"),
    "ntc.close_help": (
        "Khóa kỳ {period}: không nhận thêm báo cáo cho kỳ này, lưu tỷ lệ báo cáo đúng hạn "
        "của từng đơn vị, mở kỳ {next} và thông báo cho các đơn vị.",
        "Close {period}: no more reports for it, each body's on-time rate is kept, {next} "
        "opens and the bodies are told.",
    ),
    "ntc.close_button": ("Khóa kỳ {period} và mở kỳ {next}", "Close {period} and open {next}"),
    "ntc.closed_done": (
        "Đã khóa kỳ {period} và mở kỳ {next}; {n} thông báo đã tạo.",
        "{period} closed and {next} opened; {n} {n|notice|notices} made.",
    ),
    "ntc.on_time_line": (
        "Báo cáo đúng hạn kỳ {period}: {percent}% ({on_time}/{expected} nhiệm vụ; {late} muộn)",
        "On-time reporting {period}: {percent}% ({on_time}/{expected} tasks; {late} late)",
    ),
}
