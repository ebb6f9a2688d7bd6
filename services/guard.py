"""Who may administer: the secretariat (Văn phòng UBND tỉnh) runs bodies, accounts,
directives, reporting periods, imports and backups. Every administrative service calls this
before it reads its input, so the command line, the pages and the tests share one rule."""

from models import Role
from services.auth import Actor
from services.errors import PermissionDenied


def require_secretariat(actor: Actor | None) -> None:
    if actor is None or actor.role != Role.SECRETARIAT:
        raise PermissionDenied("err.permission")
