"""Domain vocabularies, stored as plain strings: SQLite and PostgreSQL agree, no enum types."""

from enum import StrEnum


class OrgKind(StrEnum):
    PROVINCIAL = "provincial"  # sở, ban, ngành tỉnh
    DISTRICT = "district"  # huyện, thị xã, thành phố (abolished from 1 July 2025)
    COMMUNE = "commune"  # xã, phường (the local tier from 1 July 2025)
    SPECIAL_ZONE = "special_zone"  # đặc khu (island zones, from 1 July 2025)
    EXTERNAL = "external"


class SuccessionKind(StrEnum):
    MERGE = "merge"  # sáp nhập / hợp nhất
    SPLIT = "split"  # chia tách
    RENAME = "rename"  # đổi tên


class Role(StrEnum):
    LEADER = "leader"
    SECRETARIAT = "secretariat"
    BODY = "body"
    VIEWER = "viewer"


class AssignmentRole(StrEnum):
    LEAD = "lead"
    PARTNER = "partner"


class Status(StrEnum):
    NOT_STARTED = "not_started"  # Chưa triển khai
    IN_PROGRESS = "in_progress"  # Đang thực hiện
    DONE = "done"  # Hoàn thành


class Cadence(StrEnum):
    ONCE = "once"
    ANNUAL = "annual"
    PERIODIC = "periodic"
    CONTINUOUS = "continuous"


class ReformArea(StrEnum):
    LEADERSHIP = "chi_dao_dieu_hanh"
    INSTITUTIONS = "the_che"
    PROCEDURES = "tthc"
    APPARATUS = "to_chuc_bo_may"
    CIVIL_SERVICE = "cong_vu"
    PUBLIC_FINANCE = "tai_chinh_cong"
    DIGITAL_GOVERNMENT = "chinh_quyen_so"


class TargetKind(StrEnum):
    AT_LEAST = "at_least"
    AT_MOST = "at_most"
    EXACTLY = "exactly"
    BETTER_THAN_PREVIOUS = "better_than_previous"
    RANK = "rank"  # lower is better
    DONE = "done"  # 1 = done, 0 = not done


class Direction(StrEnum):
    HIGHER = "higher"
    LOWER = "lower"


class PeriodType(StrEnum):
    YEAR = "year"
    QUARTER = "quarter"


class TargetScope(StrEnum):
    PROVINCE = "province"
    PER_BODY = "per_body"


class Timeliness(StrEnum):
    """How Vietnamese leadership reads a task's progress (the Government Office's four classes),
    plus the two states of a task with no deadline in the current period."""

    DONE_ON_TIME = "done_on_time"  # hoàn thành đúng hạn
    DONE_LATE = "done_late"  # hoàn thành quá hạn
    IN_PROGRESS_ON_TIME = "in_progress_on_time"  # đang thực hiện trong hạn
    OVERDUE = "overdue"  # quá hạn chưa hoàn thành
    REPORTED = "reported"  # continuous/recurring: reported in the current period
    NOT_REPORTED = "not_reported"  # continuous/recurring: not reported in the current period


class NoticeKind(StrEnum):
    """What a notice tells (services/notices); its text is the catalogue key "ntc.<kind>"."""

    DIRECTION = "direction"  # a leader's direction on the body's report
    CLOSED = "closed"  # a leader answered and closed the body's proposal
    LEAD_REPORT = "lead_report"  # the lead body reported on a task where this body is partner
    DUE = "due"  # a dated task due in 7, 3 or 1 days
    OVERDUE = "overdue"  # a dated task past its deadline (once, then weekly)
    PERIOD_DEADLINE = "period_deadline"  # the period's deadline approaching, tasks unreported
    PERIOD_OPENED = "period_opened"  # a new reporting period opened
    MISSED = "missed"  # secretariat: a body missed the period's deadline
    DIGEST = "digest"  # leaders: the weekly digest
    CHASE = "chase"  # the secretariat's reminder to a body
