"""The body list as every screen, the importer and the command line read it."""

from dataclasses import dataclass

from sqlmodel import Session, col, select

from models import Organization, OrgKind


@dataclass(frozen=True)
class BodyRef:
    """A body as plain data: what lists show and the importer matches names against."""

    code: str
    name: str
    kind: str
    active: bool = True
    sort_order: int = 0


def list_bodies(session: Session) -> list[BodyRef]:
    """Every body, active ones first, in the directive's order."""
    rows = session.exec(
        select(Organization).order_by(
            col(Organization.active).desc(), col(Organization.sort_order), col(Organization.code)
        )
    )
    return [BodyRef(o.code, o.name, o.kind, o.active, o.sort_order) for o in rows]


KIND_ORDER = (
    OrgKind.PROVINCIAL,
    OrgKind.COMMUNE,
    OrgKind.SPECIAL_ZONE,
    OrgKind.DISTRICT,
    OrgKind.EXTERNAL,
)


def kinds_in_use(session: Session) -> list[str]:
    """The kinds of the bodies the directives address (outside partners aside), in the order
    a filter lists them: the province's own, then communes and wards, special zones, districts."""
    found = set(session.exec(select(Organization.kind).distinct()).all())
    return [k.value for k in KIND_ORDER if k.value in found and k != OrgKind.EXTERNAL]
