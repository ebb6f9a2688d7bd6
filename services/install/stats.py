"""Counts of what the database holds, for manage.py stats and the tests."""

from sqlalchemy import func
from sqlmodel import Session, select

from models import (
    Assignment,
    AssignmentRole,
    AuditEvent,
    DirectionNote,
    Directive,
    Measurement,
    Organization,
    ProgressReport,
    Section,
    Target,
    Task,
    User,
)

COUNTED = {
    "directives": Directive,
    "sections": Section,
    "tasks": Task,
    "organizations": Organization,
    "assignments": Assignment,
    "targets": Target,
    "users": User,
    "reports": ProgressReport,
    "directions": DirectionNote,
    "measurements": Measurement,
    "audit_events": AuditEvent,
}


def database_counts(session: Session) -> dict[str, int]:
    counts = {
        name: int(session.exec(select(func.count()).select_from(table)).one())
        for name, table in COUNTED.items()
    }
    counts["lead_assignments"] = int(
        session.exec(
            select(func.count())
            .select_from(Assignment)
            .where(Assignment.role == AssignmentRole.LEAD)
        ).one()
    )
    counts["partner_assignments"] = counts["assignments"] - counts["lead_assignments"]
    return counts
