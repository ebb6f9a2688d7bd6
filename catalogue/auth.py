"""Signing in, signing out, one's own password."""

TEXTS: dict[str, tuple[str, str]] = {
    "auth.body_inactive": (
        "Đơn vị “{name}” đã ngừng hoạt động nên tài khoản của đơn vị không "
        "đăng nhập được nữa. Liên hệ Văn phòng UBND tỉnh.",
        "The body “{name}” is inactive, so its accounts can no longer sign in. "
        "Contact the provincial office.",
    ),
    "auth.change_password": ("Đổi mật khẩu", "Change password"),
    "auth.change_submit": ("Lưu mật khẩu mới", "Save the new password"),
    "auth.current_password": ("Mật khẩu hiện tại", "Current password"),
    "auth.demo_hint": (
        "Tài khoản minh họa (chỉ dùng cho demo): lanhdao, vanphong, xem, hoặc mã "
        "đơn vị viết thường (snv, stp, tplc, ...).",
        "Demo accounts (demo only): lanhdao, vanphong, xem, or a body's code in "
        "lower case (snv, stp, tplc, ...).",
    ),
    "auth.failed": ("Tên đăng nhập hoặc mật khẩu không đúng.", "Wrong username or password."),
    "auth.logout": ("Đăng xuất", "Sign out"),
    "auth.new_password": (
        "Mật khẩu mới (ít nhất 8 ký tự, khó đoán)",
        "New password (8 characters or more, hard to guess)",
    ),
    "auth.password": ("Mật khẩu", "Password"),
    "auth.password_changed": (
        "Đã đổi mật khẩu. Lần đăng nhập sau dùng mật khẩu mới.",
        "Password changed. Use the new one next time you sign in.",
    ),
    "auth.repeat_password": ("Nhập lại mật khẩu mới", "New password again"),
    "auth.secret_default": (
        "Không khởi động: COOKIE_SECRET đang là giá trị mặc định, ai cũng "
        "đoán được. Đặt một chuỗi ngẫu nhiên từ 32 ký tự trở lên (hoặc bỏ "
        "trống để hệ thống tự tạo) rồi chạy lại.",
        "Not starting: COOKIE_SECRET is a default value anyone can guess. Set "
        "a random string of 32 characters or more (or leave it empty to have "
        "one generated), then start again.",
    ),
    "auth.secret_short": (
        "Không khởi động: COOKIE_SECRET ngắn hơn 32 ký tự. Đặt một chuỗi ngẫu "
        "nhiên từ 32 ký tự trở lên (hoặc bỏ trống để hệ thống tự tạo) rồi chạy "
        "lại.",
        "Not starting: COOKIE_SECRET is shorter than 32 characters. Set a "
        "random string of 32 characters or more (or leave it empty to have one "
        "generated), then start again.",
    ),
    "auth.secret_weak": (
        "Không khởi động: COOKIE_SECRET dễ đoán (lặp lại, theo thứ tự, theo bàn "
        "phím hoặc ghép từ thông dụng). Đặt một chuỗi ngẫu nhiên, ví dụ kết quả "
        'của python -c "import secrets; print(secrets.token_urlsafe(48))" (hoặc '
        "bỏ trống để hệ thống tự tạo) rồi chạy lại.",
        "Not starting: COOKIE_SECRET is guessable (repeated, in sequence, along "
        "the keyboard or made of common words). Set a random string, e.g. the "
        'output of python -c "import secrets; print(secrets.token_urlsafe(48))" '
        "(or leave it empty to have one generated), then start again.",
    ),
    "auth.submit": ("Đăng nhập", "Sign in"),
    "auth.username": ("Tên đăng nhập", "Username"),
    "auth.wait": (
        "Đăng nhập tạm dừng vì đã nhập sai nhiều lần. Vui lòng thử lại sau {seconds} giây.",
        "Signing in is paused after too many wrong attempts. Try again in {seconds} seconds.",
    ),
}
