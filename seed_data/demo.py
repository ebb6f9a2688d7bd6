"""Ingredients of the demo history: who lags, what they write, the figures' shapes.

Demo only. services/demo.py turns these into reports and measurements with a seeded
random generator, so every demo database is the same.
"""

DEMO_SEED = 2021
FIRST_QUARTER = "2021-Q3"
LAST_QUARTER = "2022-Q4"  # the demo's current period
# One merger, so that the demo shows what a reorganisation does (demo only, not history): Sở
# Giao thông vận tải joins Sở Xây dựng, as the two departments did across Vietnam in 2025. It is
# dated on the first day of the demo's current quarter because the app refuses a change dated in
# a period already closed; the 2025 date would fall after the demo's last quarter.
MERGED = ("SGTVT",)
MERGED_INTO = "SXD"
MERGED_ON = "2022-10-01"
# Three bodies that lag, so the overview has a story to tell.
LAGGARDS = {"HMT": 0.35, "HNN": 0.42, "BQLKKT": 0.5}
# Deadlines an office would set for one-off work the directive leaves undated (demo only):
# task label -> ISO date.
DUE_DATE_OVERRIDES = {
    "1.11": "2022-06-30",
    "1.13": "2023-03-31",
    "3.3": "2023-03-31",
    "7.4": "2022-09-30",
}

RESULTS = [
    "Đã ban hành kế hoạch triển khai và tổ chức quán triệt đến toàn thể công chức, viên chức.",
    "Đã rà soát, cập nhật quy trình nội bộ; kết quả được công khai trên cổng thông tin của đơn vị.",
    "Tổ chức 02 hội nghị tập huấn; 100% công chức bộ phận một cửa tham gia.",
    "Hoàn thành rà soát, đề xuất sửa đổi 03 văn bản; đang chờ cấp có thẩm quyền xem xét.",
    "Đã triển khai, kết quả đạt khoảng một nửa khối lượng theo kế hoạch năm.",
    "Đã kiểm tra 04 đơn vị trực thuộc; ban hành thông báo kết luận kiểm tra.",
    "Đã số hóa hồ sơ, kết quả giải quyết TTHC phát sinh trong kỳ.",
    "Tiếp tục duy trì thực hiện; không phát sinh vướng mắc trong kỳ.",
]
DIFFICULTIES = [
    "Hạ tầng công nghệ thông tin tại các xã vùng sâu còn thiếu, đường truyền không ổn định.",
    "Biên chế công chức chuyên trách còn thiếu, kiêm nhiệm nhiều việc.",
    "Kinh phí bố trí cho nhiệm vụ chưa đáp ứng yêu cầu.",
    "Phần mềm một cửa điện tử chưa kết nối đầy đủ với Cổng Dịch vụ công quốc gia.",
]
PROPOSALS = [
    "Đề nghị UBND tỉnh bổ sung kinh phí nâng cấp hạ tầng CNTT trong năm.",
    "Đề nghị Sở Nội vụ hướng dẫn việc bố trí công chức bộ phận một cửa.",
    "Đề nghị gia hạn thời gian hoàn thành đến hết quý sau.",
    "Đề nghị Sở Thông tin và Truyền thông hỗ trợ kỹ thuật kết nối phần mềm.",
]
DIRECTIONS = [
    "Giao Sở Tài chính chủ trì, tham mưu bố trí kinh phí; báo cáo UBND tỉnh trước ngày 30.",
    "Đồng ý. Giao Sở Nội vụ hướng dẫn đơn vị trong tháng.",
    "Không gia hạn; yêu cầu đơn vị tập trung hoàn thành đúng tiến độ.",
    "Giao Sở Thông tin và Truyền thông hỗ trợ, hoàn thành kết nối trong quý.",
]

# Province-wide figures by period (demo). Per-body figures are generated from these shapes:
# code -> (start, step per quarter, spread).
PROVINCE_FIGURES: dict[str, dict[str, float]] = {
    "CT01": {"2021": 28.6, "2022": 35.7},
    "CT06": {
        "2021-Q3": 3.1,
        "2021-Q4": 3.4,
        "2022-Q1": 3.3,
        "2022-Q2": 4.0,
        "2022-Q3": 4.6,
        "2022-Q4": 5.2,
    },
    "CT07": {"2021": 100.0, "2022": 100.0},
    "CT08": {"2021": 96.0, "2022": 100.0},
    "CT09": {"2021": 88.0},
    "CT10": {"2021": 5.3, "2022": 1.4},
    "CT11": {"2020": 41, "2021": 38, "2022": 30},
    "CT12": {"2021": 93.0, "2022": 100.0},
    "CT13": {"2021": 1},
}
PER_BODY_SHAPES = {
    "CT02": (94.0, 1.5, 6.0),
    "CT03": (22.0, 3.0, 12.0),
    "CT04": (7.0, -0.8, 4.0),
    "CT05": (88.0, 2.5, 14.0),
}
