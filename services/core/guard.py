"""Checks every writing service shares, beyond the role (services.core.permissions).

What may still be written to: an actor is checked as its account stands in the database now,
not as a session remembered it (require_current_account); a closed directive and a
deactivated body take no new reports, figures or directions (require_directive_open,
require_body_active)."""

from sqlmodel import Session, col, select

from models import Directive, Organization, Section, Task, User
from services.core.actor import Actor
from services.core.errors import InvalidInput, PermissionDenied


def require_current_account(session: Session, actor: Actor) -> None:
    """The actor's account is active, belongs to an active body (if any), and still has the
    role and body the actor was given. The command line's SYSTEM (no id) has no account."""
    if actor.id is None:
        return
    user = session.get(User, actor.id)
    if user is None or not user.active:
        raise PermissionDenied("err.account_inactive")
    if (user.role, user.organization_id) != (actor.role, actor.organization_id):
        raise PermissionDenied("err.account_changed")
    if user.organization_id is not None:
        org = session.get(Organization, user.organization_id)
        if org is not None and not org.active:
            raise PermissionDenied("err.own_body_inactive", name=org.name)


def require_body_active(session: Session, organization_id: int | None) -> None:
    if organization_id is None:
        return
    org = session.get(Organization, organization_id)
    if org is not None and not org.active:
        raise InvalidInput("err.body_inactive_writes", name=org.name)


def require_directive_open(
    session: Session, *, directive_id: int | None = None, task_id: int | None = None
) -> None:
    """The directive (given, or the one the task belongs to) is open."""
    if directive_id is not None:
        directive = session.get(Directive, directive_id)
    else:
        directive = session.exec(
            select(Directive)
            .join(Section, col(Section.directive_id) == col(Directive.id))
            .join(Task, col(Task.section_id) == col(Section.id))
            .where(col(Task.id) == task_id)
        ).first()
    if directive is not None and not directive.is_open:
        raise InvalidInput("err.directive_closed", title=directive.title[:120])
