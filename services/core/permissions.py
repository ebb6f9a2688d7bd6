"""Who may do what: the one place the rules live. Services call `require` before any write;
pages may call `can` to decide whether to draw a form, but the service decides.

- leader: reads everything; answers proposals with directions.
- secretariat: reads everything; reports and enters figures on behalf of any body; reads the
  audit log.
- body: reads everything; reports on and enters figures for its own body only.
- viewer: reads only.

The periodic CCHC report (Action.PERIODIC_REPORT): the secretariat drafts the province's or any
body's; a body its own only; leaders and viewers download any.

The secretariat (Văn phòng UBND tỉnh) alone administers: bodies, accounts, directives,
reporting periods, imports and backups. Every administrative service calls
`require(actor, Action.ADMINISTER)` before it reads its input.

Which screens a role may open (ROLE_PAGES) lives here too: app.py lists them to st.navigation
and every page file checks them first (components.page.guard).
"""

from enum import StrEnum

from models import Role
from services.core.actor import Actor
from services.core.errors import PermissionDenied


class Action(StrEnum):
    READ = "read"
    REPORT = "report"  # a progress report on an assignment
    FIGURE = "figure"  # a figure (measurement) for a target
    DIRECT = "direct"  # a leader's direction on a proposal
    READ_AUDIT = "read_audit"
    ADMINISTER = "administer"  # bodies, accounts, directives, periods, imports, backups
    PERIODIC_REPORT = (
        "periodic_report"  # draft the periodic CCHC report (the province's or a body's)
    )


# Actions a role may take on any body's data.
_ANY_BODY: dict[str, set[Action]] = {
    Role.LEADER: {Action.READ, Action.DIRECT, Action.PERIODIC_REPORT},
    Role.SECRETARIAT: {
        Action.READ,
        Action.REPORT,
        Action.FIGURE,
        Action.READ_AUDIT,
        Action.ADMINISTER,
        Action.PERIODIC_REPORT,
    },
    Role.BODY: {Action.READ},
    Role.VIEWER: {Action.READ, Action.PERIODIC_REPORT},
}
# Actions a role may take on its own body's data only.
_OWN_BODY: dict[str, set[Action]] = {
    Role.BODY: {Action.REPORT, Action.FIGURE, Action.PERIODIC_REPORT},
}
_REFUSAL = {
    Action.READ: "err.perm_read",
    Action.REPORT: "err.perm_report",
    Action.FIGURE: "err.perm_figure",
    Action.DIRECT: "err.perm_direct",
    Action.READ_AUDIT: "err.perm_audit",
    Action.ADMINISTER: "err.permission",
    Action.PERIODIC_REPORT: "err.perm_periodic_report",
}


def can(actor: Actor | None, action: Action, *, organization_id: int | None = None) -> bool:
    """Whether `actor` may take `action` on data of the body `organization_id` (None: data
    that belongs to no body in particular)."""
    if actor is None:
        return False
    if action in _ANY_BODY.get(actor.role, set()):
        return True
    return (
        action in _OWN_BODY.get(actor.role, set())
        and actor.organization_id is not None
        and organization_id == actor.organization_id
    )


def require(actor: Actor | None, action: Action, *, organization_id: int | None = None) -> None:
    """PermissionDenied, with a sentence that says why, unless `can`."""
    if can(actor, action, organization_id=organization_id):
        return
    if (
        actor is not None
        and action in _OWN_BODY.get(actor.role, set())
        and actor.organization_id is not None
    ):
        raise PermissionDenied("err.perm_other_body")
    raise PermissionDenied(_REFUSAL[action])


def writes_for_any_body(actor: Actor | None) -> bool:
    """The secretariat reports and enters figures for every body (recorded as on behalf)."""
    return actor is not None and Action.REPORT in _ANY_BODY.get(actor.role, set())


# The screens (app.PAGES keys) each role may open, its home page first. A page that is not in
# the list is neither listed nor reachable by its address.
ROLE_PAGES: dict[str, list[str]] = {
    Role.LEADER: [
        "overview",
        "directive",
        "body",
        "targets",
        "proposals",
        "briefing",
        "report",
        "notices",
    ],
    Role.SECRETARIAT: [
        "overview",
        "directive",
        "body",
        "targets",
        "my_tasks",
        "figures",
        "audit",
        "briefing",
        "report",
        "import_directive",
        "admin",
        "notices",
    ],
    Role.BODY: [
        "my_tasks",
        "overview",
        "directive",
        "body",
        "targets",
        "figures",
        "report",
        "notices",
    ],
    Role.VIEWER: ["overview", "directive", "body", "targets", "briefing", "report", "notices"],
}


def may_open(actor: Actor | None, page: str) -> bool:
    """Whether `actor` may open the screen `page`."""
    return actor is not None and page in ROLE_PAGES.get(actor.role, [])
