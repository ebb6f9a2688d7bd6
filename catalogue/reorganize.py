"""Bodies change: merge, split, rename with succession (services/admin/reorganize.py)."""

TEXTS: dict[str, tuple[str, str]] = {
    # the kinds of succession
    "succession.merge": ("Sáp nhập", "Merge"),
    "succession.split": ("Chia tách", "Split"),
    "succession.rename": ("Đổi tên", "Rename"),
    # what the services refuse
    "err.reorg_accounts_choice": (
        "Cách xử lý tài khoản “{value}” không có: chọn chuyển sang đơn vị mới hoặc ngừng.",
        "Account handling “{value}” does not exist: choose move or deactivate.",
    ),
    "err.reorg_before_rename": (
        "Đơn vị {body} đã đổi tên từ ngày {day}: ngày hiệu lực phải sau ngày đó.",
        "Body {body} was renamed on {day}: the effective date must be after it.",
    ),
    "err.reorg_before_start": (
        "Ngày {day} trước khi đơn vị {body} được thành lập ({start}).",
        "{day} is before body {body} existed ({start}).",
    ),
    "err.reorg_closed_body": (
        "Đơn vị {body} đã ngừng tồn tại từ ngày {day}.",
        "Body {body} ceased to exist on {day}.",
    ),
    "err.reorg_closed_period": (
        "Ngày {day} thuộc kỳ báo cáo đã khóa: ngày hiệu lực phải từ {start} (kỳ {period}).",
        "{day} falls in a closed reporting period: the effective date must be on or after "
        "{start} (period {period}).",
    ),
    "err.reorg_cycle": (
        "Đơn vị {body} đã được {successor} tiếp nhận trước đây: sáp nhập ngược sẽ tạo vòng lặp.",
        "Body {body} was already taken over by {successor}: merging back would make a cycle.",
    ),
    "err.reorg_into_itself": (
        "Không thể sáp nhập đơn vị {body} vào chính nó.",
        "Body {body} cannot be merged into itself.",
    ),
    "err.reorg_new_exists": (
        "Mã {body} đã có: bỏ tên mới để sáp nhập vào đơn vị này, hoặc chọn mã khác.",
        "Code {body} already exists: leave out the new name to merge into it, or choose "
        "another code.",
    ),
    "err.reorg_no_source": (
        "Chưa chọn đơn vị nào để sáp nhập.",
        "No body was chosen to merge.",
    ),
    "err.reorg_no_successor": (
        "Chưa chọn đơn vị tiếp nhận.",
        "No successor was chosen.",
    ),
    "err.reorg_plan_body": (
        "Phương án giao nhiệm vụ {label} cho {body}, không phải đơn vị tiếp nhận.",
        "The plan gives task {label} to {body}, which is not a successor.",
    ),
    "err.reorg_plan_gap": (
        "Phương án chưa giao nhiệm vụ {label} đang dở của {body} cho đơn vị nào.",
        "The plan leaves {body}'s open task {label} with nobody.",
    ),
    "err.reorg_plan_file": (
        "Tệp phương án {path} không đọc được: mỗi dòng ghi mã nhiệm vụ và mã đơn vị (dòng {line}).",
        "The plan file {path} cannot be read: each line holds a task label and a body code "
        "(line {line}).",
    ),
    "err.reorg_plan_task": (
        "Đơn vị {body} không có nhiệm vụ {label} đang thực hiện.",
        "Body {body} holds no task {label}.",
    ),
    "err.reorg_same_name": (
        "Đơn vị {body} đã mang tên này.",
        "Body {body} already has this name.",
    ),
    "err.reorg_successor_closed": (
        "Đơn vị tiếp nhận {body} đã ngừng hoạt động.",
        "The successor {body} is closed.",
    ),
    "err.reorg_task_given_up": (
        "Đơn vị {body} đã chuyển giao nhiệm vụ {label} trước đây, không nhận lại được.",
        "Body {body} handed task {label} over before and cannot take it back.",
    ),
    # the body list from a file
    "err.body_file_header": (
        "Tệp {path} thiếu dòng tiêu đề với các cột code, name, kind.",
        "The file {path} lacks a header naming the columns code, name, kind.",
    ),
    "err.body_file_line": (
        "Tệp {path}, dòng {line}: ngày “{value}” không hợp lệ (ghi dd/mm/yyyy).",
        "The file {path}, line {line}: the date “{value}” is invalid (write dd/mm/yyyy).",
    ),
    "err.body_file_formula": (
        "Tệp {path}, dòng {line}: ô “{value}” là công thức; danh sách đơn vị chỉ nhận chữ.",
        "The file {path}, line {line}: the cell “{value}” is a formula; a body list takes "
        "text only.",
    ),
    "err.body_file_blank": (
        "Tệp {path}, dòng {line}: thiếu mã hoặc tên đơn vị.",
        "The file {path}, line {line}: the body's code or name is missing.",
    ),
    "err.body_file_long": (
        "Tệp {path} có hơn {n} dòng.",
        "The file {path} has more than {n} lines.",
    ),
    "err.body_file_no_day": (
        "Dòng {line} (đơn vị {body}): thay đổi cần ngày hiệu lực.",
        "Line {line} (body {body}): a change needs an effective date.",
    ),
    "err.body_file_split": (
        "Dòng {line}: đơn vị {body} đã có đơn vị tiếp nhận ở dòng khác; chia tách cần phương án "
        "giao từng nhiệm vụ (lệnh reorganize split --plan hoặc trang Quản trị).",
        "Line {line}: body {body} already has a successor on another line; a split needs a plan "
        "of who takes each task (reorganize split --plan, or the administration page).",
    ),
    "cli.body_file_done": (
        "Danh sách đơn vị: thêm {created}, đổi tên {renamed}, giữ nguyên {unchanged}; "
        "{moved} nhiệm vụ chuyển sang, {merged} nhập chung; đơn vị ngừng: {closed}.",
        "Body list: {created} added, {renamed} renamed, {unchanged} unchanged; {moved} "
        "{moved|assignment|assignments} moved, {merged} merged; bodies closed: {closed}.",
    ),
    # the command line
    "cli.reorg_dry_run": (
        "Chạy thử (--dry-run): không ghi gì.",
        "Dry run (--dry-run): nothing was written.",
    ),
    "cli.reorg_done": (
        "{kind} từ {day}: {moved} nhiệm vụ chuyển sang, {merged} nhiệm vụ nhập chung; "
        "đơn vị ngừng: {closed}; tài khoản chuyển: {moved_accounts}, ngừng: {stopped_accounts}.",
        "{kind} from {day}: {moved} {moved|assignment|assignments} moved, {merged} merged; "
        "bodies closed: {closed}; accounts moved: {moved_accounts}, deactivated: "
        "{stopped_accounts}.",
    ),
    # history
    "reorg.note_merged": (
        "gồm {names} (sáp nhập từ {day})",
        "includes {names} (merged on {day})",
    ),
    "reorg.note_split": (
        "tiếp nhận một phần {names} (chia tách từ {day})",
        "took over part of {names} (split on {day})",
    ),
    "reorg.ended_into": (
        "Đơn vị đã ngừng từ {day}; công việc chuyển cho: ",
        "This body ceased on {day}; its work passed to: ",
    ),
    "reorg.predecessors": (
        "Lịch sử các đơn vị tiền thân (trước {day}): ",
        "History of the predecessor bodies (before {day}): ",
    ),
    "reorg.col_note": ("Ghi chú", "Note"),
    "reorg.former_name": ("Tên trước ngày {day}: {name}", "Name before {day}: {name}"),
    # the administration page
    "reorg.tab": ("Tổ chức lại", "Reorganise"),
    "reorg.help": (
        "Sáp nhập, chia tách hoặc đổi tên đơn vị từ một ngày. Báo cáo, số liệu và ý kiến chỉ "
        "đạo trước ngày đó giữ nguyên ở đơn vị cũ; nhiệm vụ đang dở chuyển sang đơn vị tiếp "
        "nhận; đơn vị cũ ngừng hoạt động, không bị xóa.",
        "Merge, split or rename bodies from a day. Reports, figures and directions before it "
        "stay with the old body; open tasks pass to the successor; the old body is closed, "
        "never deleted.",
    ),
    "reorg.operation": ("Thao tác", "Operation"),
    "reorg.sources": ("Đơn vị bị sáp nhập", "Bodies merged"),
    "reorg.source": ("Đơn vị chia tách", "Body split"),
    "reorg.into": ("Đơn vị tiếp nhận", "Successor"),
    "reorg.into_new": ("Thành lập đơn vị mới", "A new body"),
    "reorg.new_code": ("Mã đơn vị mới", "New body's code"),
    "reorg.new_name": ("Tên đơn vị mới", "New body's name"),
    "reorg.successors": ("Các đơn vị tiếp nhận", "Successors"),
    "reorg.on": ("Ngày hiệu lực", "Effective date"),
    "reorg.accounts": ("Tài khoản của đơn vị cũ", "The old body's accounts"),
    "reorg.accounts_move": ("Chuyển sang đơn vị tiếp nhận", "Move to the successor"),
    "reorg.accounts_deactivate": ("Ngừng hoạt động", "Deactivate"),
    "reorg.rename_code": ("Đơn vị đổi tên", "Body renamed"),
    "reorg.rename_name": ("Tên mới", "New name"),
    "reorg.plan": ("Phương án giao nhiệm vụ đang dở", "Who takes each open task"),
    "reorg.preview": ("Xem trước", "Preview"),
    "reorg.preview_head": (
        "Nếu xác nhận: {moved} nhiệm vụ chuyển sang, {merged} nhiệm vụ nhập chung, "
        "{closed} đơn vị ngừng hoạt động, {accounts} tài khoản {verb}.",
        "If confirmed: {moved} {moved|assignment|assignments} move, {merged} merge, "
        "{closed} {closed|body|bodies} close, {accounts} {accounts|account|accounts} {verb}.",
    ),
    "reorg.verb_move": ("chuyển sang", "move"),
    "reorg.verb_deactivate": ("ngừng", "deactivated"),
    "reorg.apply": ("Xác nhận tổ chức lại", "Confirm the reorganisation"),
    "reorg.applied": (
        "Đã tổ chức lại: {moved} nhiệm vụ chuyển sang, {merged} nhập chung.",
        "Reorganised: {moved} {moved|assignment|assignments} moved, {merged} merged.",
    ),
    "reorg.file": (
        "Danh sách đơn vị từ tệp (CSV hoặc Excel .xlsx)",
        "The body list from a file (CSV or Excel .xlsx)",
    ),
    "reorg.file_help": (
        "Mỗi dòng: code, name, kind, predecessors (mã đơn vị tiền thân), effective_on "
        "(dd/mm/yyyy), source. Đơn vị mới được thêm, tên khác được đổi, đơn vị tiền thân được "
        "sáp nhập từ ngày hiệu lực; tất cả trong một lần ghi.",
        "One line each: code, name, kind, predecessors (codes), effective_on (dd/mm/yyyy), "
        "source. New bodies are added, other names renamed, predecessors merged from the "
        "effective date; all in one write.",
    ),
    "reorg.file_preview": (
        "Nếu xác nhận: thêm {created} đơn vị, đổi tên {renamed}, giữ nguyên {unchanged}; "
        "{moved} nhiệm vụ chuyển sang, {merged} nhập chung; {closed} đơn vị ngừng hoạt động.",
        "If confirmed: {created} {created|body|bodies} added, {renamed} renamed, {unchanged} "
        "unchanged; {moved} {moved|assignment|assignments} move, {merged} merge; {closed} "
        "{closed|body|bodies} close.",
    ),
    "reorg.file_applied": (
        "Đã áp dụng danh sách đơn vị: thêm {created}, đổi tên {renamed}, ngừng {closed}.",
        "Body list applied: {created} added, {renamed} renamed, {closed} closed.",
    ),
    "reorg.col_task": ("Nhiệm vụ", "Task"),
    "reorg.col_from": ("Từ đơn vị", "From"),
    "reorg.col_to": ("Sang đơn vị", "To"),
    "reorg.col_effect": ("Kết quả", "Effect"),
    "reorg.effect_move": ("chuyển sang", "moves"),
    "reorg.effect_merge": ("nhập vào nhiệm vụ sẵn có", "merges with the existing one"),
    "reorg.effect_stays": ("đã hoàn thành, giữ ở đơn vị cũ", "done, stays with the old body"),
}
