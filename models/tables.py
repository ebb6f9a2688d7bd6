"""SQLModel tables: the directive as written, who must do what, and what was reported.

Enumerated columns hold the string values of models.enums; services validate them.
Times are timezone-aware UTC (SQLModel's UTCDateTime); pages show them in Asia/Ho_Chi_Minh.
"""

from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import JSON, Column, Index, Text, UniqueConstraint, text
from sqlmodel import Field, SQLModel


def utcnow() -> datetime:
    return datetime.now(UTC)


class Organization(SQLModel, table=True):
    """A body the directive addresses (sở, ban, ngành; huyện, thành phố) or an outside partner.
    Never deleted: a body that ceases to exist is deactivated so history stays true."""

    id: int | None = Field(default=None, primary_key=True)
    code: str = Field(max_length=20, unique=True, index=True)
    name: str = Field(max_length=200)
    kind: str = Field(max_length=20)  # OrgKind
    active: bool = True
    sort_order: int = 0
    note: str = Field(default="", max_length=500)
    # Reorganisation (services/admin/reorganize.py): the first day the body existed (None: from
    # the start of the records) and the first day it no longer does (None: still exists).
    started_on: date | None = None
    ended_on: date | None = None


class Succession(SQLModel, table=True):
    """One body taking over from another on a day (merge, split). Append-only history."""

    __table_args__ = (UniqueConstraint("predecessor_id", "successor_id"),)

    id: int | None = Field(default=None, primary_key=True)
    predecessor_id: int = Field(foreign_key="organization.id", index=True)
    successor_id: int = Field(foreign_key="organization.id", index=True)
    kind: str = Field(max_length=10)  # SuccessionKind
    effective_on: date
    created_at: datetime = Field(default_factory=utcnow)


class OrganizationName(SQLModel, table=True):
    """A name a body had before it was renamed: shown for days before `valid_until`."""

    __tablename__ = "organization_name"

    id: int | None = Field(default=None, primary_key=True)
    organization_id: int = Field(foreign_key="organization.id", index=True)
    name: str = Field(max_length=200)
    valid_from: date | None = None
    valid_until: date  # the first day of the next name


class AssignmentLink(SQLModel, table=True):
    """A predecessor's open assignment taken over by a successor's on a day: `move` when the
    successor's assignment was made for it (it carries the predecessor's state), `merge` when
    the successor already had the task (the two become one, both histories shown)."""

    __tablename__ = "assignment_link"
    __table_args__ = (UniqueConstraint("from_assignment_id"),)

    id: int | None = Field(default=None, primary_key=True)
    from_assignment_id: int = Field(foreign_key="assignment.id")
    to_assignment_id: int = Field(foreign_key="assignment.id", index=True)
    kind: str = Field(max_length=10)  # "move" or "merge"
    effective_on: date


class Directive(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    code: str = Field(max_length=40, unique=True)
    kind: str = Field(max_length=40)  # Chỉ thị, Kế hoạch, Quyết định...
    number: str | None = Field(default=None, max_length=60)
    title: str = Field(max_length=500)
    issued_date: date | None = None
    issuer: str = Field(default="", max_length=200)
    signer: str = Field(default="", max_length=200)
    preamble: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    original_text: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    is_open: bool = True
    created_at: datetime = Field(default_factory=utcnow)


class Section(SQLModel, table=True):
    __table_args__ = (UniqueConstraint("directive_id", "ordinal"),)

    id: int | None = Field(default=None, primary_key=True)
    directive_id: int = Field(foreign_key="directive.id", index=True)
    ordinal: int
    label: str = Field(max_length=20)  # "1.", "II.", as written
    heading: str = Field(max_length=500)


class Task(SQLModel, table=True):
    __table_args__ = (UniqueConstraint("section_id", "ordinal"),)

    id: int | None = Field(default=None, primary_key=True)
    section_id: int = Field(foreign_key="section.id", index=True)
    ordinal: int
    text: str = Field(sa_column=Column(Text, nullable=False))
    area: str = Field(max_length=30)  # ReformArea
    cadence: str = Field(max_length=20)  # Cadence
    due_date: date | None = Field(default=None, index=True)  # the notices read the near ones


class Assignment(SQLModel, table=True):
    """One body's share of one task. Its status columns mirror its latest ProgressReport,
    kept here so that roll-ups never scan the report history."""

    __table_args__ = (
        UniqueConstraint("task_id", "organization_id"),
        Index("ix_assignment_org_role", "organization_id", "role"),
        # The notices (services/notices/generate.py) find the few assignments they are about
        # through these rather than by reading every assignment: a task's partners, a near
        # deadline set on the assignment, a recurring task not reported in the period.
        Index("ix_assignment_role_task", "role", "task_id"),
        Index("ix_assignment_due_date_override", "due_date_override"),
        Index("ix_assignment_last_period", "last_period"),
    )

    id: int | None = Field(default=None, primary_key=True)
    task_id: int = Field(foreign_key="task.id", index=True)
    organization_id: int = Field(foreign_key="organization.id")
    role: str = Field(max_length=10)  # AssignmentRole
    status: str = Field(default="not_started", max_length=20)  # Status
    stuck: bool = False  # vướng mắc: needs a leader
    percent: int = 0
    due_date_override: date | None = None
    completed_on: date | None = None
    last_period: str | None = Field(default=None, max_length=10)  # e.g. 2022-Q1
    last_reported_at: datetime | None = None
    version: int = 0  # optimistic locking: each accepted report adds one
    # Reorganisation: the first day this body holds the assignment (None: from the start) and
    # the first day it no longer does (None: still holds it). Views as of a day read only the
    # assignments held that day, so history keeps the structure it had.
    held_from: date | None = None
    held_until: date | None = None


class ProgressReport(SQLModel, table=True):
    __table_args__ = (
        Index("ix_report_assignment_created", "assignment_id", "created_at"),
        # The notices read the reports of the last days, and the proposals still waiting for a
        # direction, oldest first (a partial index: only the reports that carry one; a query
        # uses it when it writes the same condition, `proposals <> ''`, as a literal).
        Index("ix_report_created", "created_at"),
        Index(
            "ix_report_with_proposals",
            "created_at",
            "id",
            sqlite_where=text("proposals <> ''"),
            postgresql_where=text("proposals <> ''"),
        ),
        # the leaders' weekly digest names the tasks completed in the week, latest first
        Index(
            "ix_report_done",
            "created_at",
            "id",
            sqlite_where=text("status = 'done'"),
            postgresql_where=text("status = 'done'"),
        ),
    )

    id: int | None = Field(default=None, primary_key=True)
    assignment_id: int = Field(foreign_key="assignment.id")
    period: str = Field(max_length=10, index=True)
    status: str = Field(max_length=20)
    stuck: bool = False
    percent: int
    result: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    difficulties: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    proposals: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    evidence_number: str = Field(default="", max_length=200)
    evidence_date: date | None = None
    evidence_link: str = Field(default="", max_length=1000)
    author_id: int | None = Field(default=None, foreign_key="user.id")
    on_behalf: bool = False  # entered by the secretariat for the body
    created_at: datetime = Field(default_factory=utcnow)


class DirectionNote(SQLModel, table=True):
    """A leader's answer (ý kiến chỉ đạo) to the proposal in a progress report."""

    __tablename__ = "direction"

    id: int | None = Field(default=None, primary_key=True)
    report_id: int = Field(foreign_key="progressreport.id", index=True)
    text: str = Field(sa_column=Column(Text, nullable=False))
    author_id: int | None = Field(default=None, foreign_key="user.id")
    closed: bool = False
    created_at: datetime = Field(default_factory=utcnow)


class Target(SQLModel, table=True):
    __table_args__ = (UniqueConstraint("directive_id", "code"),)

    id: int | None = Field(default=None, primary_key=True)
    directive_id: int = Field(foreign_key="directive.id", index=True)
    code: str = Field(max_length=20)
    name: str = Field(max_length=300)
    unit: str = Field(default="", max_length=20)
    kind: str = Field(max_length=30)  # TargetKind
    direction: str | None = Field(default=None, max_length=10)  # Direction
    value: float | None = None
    period_type: str = Field(max_length=10)  # PeriodType
    scope: str = Field(max_length=10)  # TargetScope
    owner_id: int | None = Field(default=None, foreign_key="organization.id")  # None: every body
    task_id: int | None = Field(default=None, foreign_key="task.id")
    source_text: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))


class Measurement(SQLModel, table=True):
    __table_args__ = (Index("ix_measurement_target_period", "target_id", "period"),)

    id: int | None = Field(default=None, primary_key=True)
    target_id: int = Field(foreign_key="target.id")
    organization_id: int | None = Field(default=None, foreign_key="organization.id")
    period: str = Field(max_length=10)  # 2022 or 2022-Q1
    value: float
    note: str = Field(default="", max_length=2000)
    source: str = Field(default="", max_length=500)
    author_id: int | None = Field(default=None, foreign_key="user.id")
    created_at: datetime = Field(default_factory=utcnow)


class User(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    username: str = Field(max_length=50, unique=True, index=True)
    display_name: str = Field(max_length=200)
    password_hash: str = Field(max_length=100)
    role: str = Field(max_length=20)  # Role
    organization_id: int | None = Field(default=None, foreign_key="organization.id")
    active: bool = True
    created_at: datetime = Field(default_factory=utcnow)
    # Where notices are e-mailed (services/notices/mail.py); None: in the app only.
    email: str | None = Field(default=None, max_length=254)
    # Carried in the sign-in cookie and checked on every run: adding one ends every sign-in
    # of this user (sign-out, a new password, a new role or body, deactivation).
    session_epoch: int = Field(default=0, sa_column_kwargs={"server_default": "0"})


class SignInThrottle(SQLModel, table=True):
    """Failed sign-in attempts of one account name (known or not) or one client address, and
    until when further attempts are refused (services/throttle.py)."""

    __tablename__ = "sign_in_throttle"

    kind: str = Field(primary_key=True, max_length=10)  # "account" or "address"
    key: str = Field(primary_key=True, max_length=100)
    failures: int = Field(default=0, sa_column_kwargs={"server_default": "0"})
    last_failure_at: datetime | None = None
    blocked_until: datetime | None = None


class ReportingPeriod(SQLModel, table=True):
    """A quarter bodies report on. Exactly one is current; reports for later ones are refused."""

    id: int | None = Field(default=None, primary_key=True)
    code: str = Field(max_length=10, unique=True)  # 2022-Q4
    starts_on: date
    ends_on: date
    report_deadline: date
    is_current: bool = False
    # Closed by the secretariat (services/notices/cycle.py): reports for it are refused.
    closed_at: datetime | None = None


class Notice(SQLModel, table=True):
    """Something a user should know (services/notices): once per recipient, kind, subject and
    occasion, so that generating again creates nothing new. The text is built when shown, in
    the reader's language, from the catalogue key "ntc.<kind>" and `params`."""

    __tablename__ = "notice"
    __table_args__ = (
        UniqueConstraint("user_id", "kind", "subject", "occasion", name="uq_notice_once"),
        Index("ix_notice_user_read", "user_id", "read_at"),
        Index("ix_notice_unsent", "emailed_at", "user_id"),
    )

    id: int | None = Field(default=None, primary_key=True)
    user_id: int = Field(foreign_key="user.id")
    kind: str = Field(max_length=30)  # NoticeKind
    subject: str = Field(max_length=60)  # what it is about: "direction:12", "assignment:40"
    occasion: str = Field(default="", max_length=30)  # "d7", "overdue-2", "2022-W48", a day
    params: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    link: str = Field(default="", max_length=300)  # a path of the app: /chi-thi?task=1.11&...
    created_at: datetime = Field(default_factory=utcnow)
    read_at: datetime | None = None
    emailed_at: datetime | None = None
    # Sending (services/notices/mail.py): a runner claims a notice until `claimed_until`, so
    # that two runners never send it twice; a refused send waits until `next_attempt_at`.
    claim: str | None = Field(default=None, max_length=40)
    claimed_until: datetime | None = None
    attempts: int = Field(default=0, sa_column_kwargs={"server_default": "0"})
    next_attempt_at: datetime | None = None


class PeriodResult(SQLModel, table=True):
    """A body's reporting for a closed period, kept when the period closes: how many of its
    assignments were to be reported on, and how many were reported by the deadline or later."""

    __tablename__ = "period_result"
    __table_args__ = (UniqueConstraint("period_id", "organization_id"),)

    id: int | None = Field(default=None, primary_key=True)
    period_id: int = Field(foreign_key="reportingperiod.id", index=True)
    organization_id: int = Field(foreign_key="organization.id")
    expected: int = 0
    on_time: int = 0
    late: int = 0


class AuditEvent(SQLModel, table=True):
    """Append-only: services insert, nothing updates or deletes."""

    __tablename__ = "audit_event"

    id: int | None = Field(default=None, primary_key=True)
    at: datetime = Field(default_factory=utcnow, index=True)
    user_id: int | None = Field(default=None, foreign_key="user.id")
    username: str = Field(default="system", max_length=50)
    action: str = Field(max_length=50)
    entity: str = Field(max_length=50)
    entity_id: int | None = None
    organization_id: int | None = Field(default=None, index=True)  # the body concerned, if any
    before: dict[str, Any] | None = Field(default=None, sa_column=Column(JSON))
    after: dict[str, Any] | None = Field(default=None, sa_column=Column(JSON))


class AppSetting(SQLModel, table=True):
    """Installation-wide facts, e.g. whether the database holds demo data."""

    __tablename__ = "app_setting"

    key: str = Field(primary_key=True, max_length=50)
    value: str = Field(default="", max_length=500)
