"""Counts of what the database holds, for manage.py stats and the tests."""

from sqlalchemy import func
from sqlmodel import Session, select

import models

# what `manage.py stats` counts, by the name it gives each table
COUNTED = {
    "directives": models.Directive,
    "sections": models.Section,
    "tasks": models.Task,
    "organizations": models.Organization,
    "assignments": models.Assignment,
    "targets": models.Target,
    "users": models.User,
    "reports": models.ProgressReport,
    "directions": models.DirectionNote,
    "measurements": models.Measurement,
    "audit_events": models.AuditEvent,
}


def database_counts(session: Session) -> dict[str, int]:
    counts = {
        name: int(session.exec(select(func.count()).select_from(table)).one())
        for name, table in COUNTED.items()
    }
    counts["lead_assignments"] = int(
        session.exec(
            select(func.count())
            .select_from(models.Assignment)
            .where(models.Assignment.role == models.AssignmentRole.LEAD)
        ).one()
    )
    counts["partner_assignments"] = counts["assignments"] - counts["lead_assignments"]
    return counts
