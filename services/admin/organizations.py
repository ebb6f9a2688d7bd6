"""Bodies (cơ quan, đơn vị): add, rename, deactivate or reactivate. Never deleted, so that
history stays true (the districts abolished in 2025 keep their reports)."""

import re
from dataclasses import dataclass

from sqlalchemy import func
from sqlmodel import Session, col, select

from models import Assignment, Organization, OrgKind, User, pk
from services.accounts import users
from services.core import audit, validation
from services.core.actor import Actor
from services.core.errors import InvalidInput, StaleUpdate
from services.core.optimistic import update_if_unchanged
from services.core.permissions import Action, require
from services.core.query import found_where, ids
from services.importing.body_names import fold

CODE_RE = re.compile(r"^[A-Z0-9][A-Z0-9_-]{1,19}$")
_FIELDS = ["code", "name", "kind", "active", "sort_order", "note"]


@dataclass(frozen=True)
class BodyRow:
    code: str
    name: str
    kind: str
    active: bool
    assignments: int
    users: int


def list_bodies(session: Session) -> list[BodyRow]:
    """Every body with its assignment and account counts: three queries."""
    orgs = session.exec(
        select(Organization).order_by(col(Organization.sort_order), col(Organization.code))
    ).all()
    assignments = dict(
        session.exec(
            select(col(Assignment.organization_id), func.count()).group_by(
                col(Assignment.organization_id)
            )
        ).all()
    )
    users = dict(
        session.exec(
            select(col(User.organization_id), func.count()).group_by(col(User.organization_id))
        ).all()
    )
    return [
        BodyRow(
            o.code,
            o.name,
            o.kind,
            o.active,
            int(assignments.get(pk(o), 0)),
            int(users.get(o.id, 0)),
        )
        for o in orgs
    ]


def get_body(session: Session, code: str) -> Organization:
    statement = select(Organization).where(Organization.code == (code or "").strip().upper())
    return found_where(session, statement, "err.org_unknown", value=code)


def _clean_name(name: str) -> str:
    name = validation.clean(name, one_line=True)
    if not name:
        raise InvalidInput("err.org_name_empty")
    if len(name) > 200:
        raise InvalidInput("err.text_too_long", n=200, start=name[:40])
    return name


def _name_taken(session: Session, name: str, *, other_than: int | None = None) -> str | None:
    """The code of another body written the same way (case, diacritics, Ủy/Uỷ aside)."""
    wanted = fold(name)
    for org in session.exec(select(Organization)):
        if org.id != other_than and fold(org.name) == wanted:
            return org.code
    return None


def create_body(
    session: Session, *, actor: Actor, code: str, name: str, kind: str, note: str = ""
) -> Organization:
    require(actor, Action.ADMINISTER)
    code = (code or "").strip().upper()
    if not CODE_RE.match(code):
        raise InvalidInput("err.org_code_format", value=code)
    if session.exec(select(Organization).where(Organization.code == code)).first():
        raise InvalidInput("err.org_code_taken", value=code)
    name = _clean_name(name)
    if kind not in {k.value for k in OrgKind}:
        raise InvalidInput("err.org_kind_unknown", value=kind)
    if taken := _name_taken(session, name):
        raise InvalidInput("err.org_name_taken", value=name, other=taken)
    last = session.exec(select(func.max(Organization.sort_order))).one() or 0
    org = Organization(
        code=code, name=name, kind=kind, sort_order=int(last) + 1, note=validation.clean(note)[:500]
    )
    audit.created(session, actor, org, entity="organization", fields=_FIELDS)
    return org


def rename_body(
    session: Session, *, actor: Actor, code: str, name: str, expected_name: str | None = None
) -> Organization:
    """`expected_name` is the name the form showed: if someone renamed the body meanwhile,
    StaleUpdate instead of overwriting their change."""
    require(actor, Action.ADMINISTER)
    org = get_body(session, code)
    name = _clean_name(name)
    if expected_name is not None and org.name != expected_name:
        raise StaleUpdate("err.stale_admin", what=org.name)
    if taken := _name_taken(session, name, other_than=org.id):
        raise InvalidInput("err.org_name_taken", value=name, other=taken)
    if name == org.name:
        return org
    before = audit.snapshot(org, ["name"])
    shown = org.name if expected_name is None else expected_name
    if not update_if_unchanged(session, org, expected={"name": shown}, changes={"name": name}):
        raise StaleUpdate("err.stale_admin", what=org.name)
    audit.changed(
        session,
        actor,
        org,
        action="rename",
        entity="organization",
        before=before,
        after=audit.snapshot(org, ["name"]),
    )
    return org


def set_body_active(session: Session, *, actor: Actor, code: str, active: bool) -> Organization:
    """Deactivate (or bring back) a body. Its assignments and reports stay as they were; it
    is left out of new fan-outs and imports, no new account can belong to it, and its
    accounts can neither sign in nor report: their open sign-ins end at once."""
    require(actor, Action.ADMINISTER)
    org = get_body(session, code)
    if org.active == active:
        return org
    before = audit.snapshot(org, ["active"])
    org.active = active
    session.add(org)
    session.flush()
    if not active:
        users.end_sessions(
            session, ids(session.exec(select(col(User.id)).where(User.organization_id == org.id)))
        )
    audit.changed(
        session,
        actor,
        org,
        action="activate" if active else "deactivate",
        entity="organization",
        before=before,
        after=audit.snapshot(org, ["active"]),
    )
    return org
