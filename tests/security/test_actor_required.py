"""Item 16 (second half): every service that writes names who acts, keyword-only and with no
default; nothing silently acts as the system."""

import importlib
import inspect
import pkgutil

import pytest

import services
from services.core.actor import SYSTEM

# Services that write and take the acting user. Every function of the services package that
# takes an `actor` at all is checked too (below), so a new one cannot slip a default in.
WRITERS = [
    "services.accounts.users.create_user",
    "services.accounts.users.update_user",
    "services.accounts.users.set_user_active",
    "services.accounts.users.reset_password",
    "services.accounts.own.change_password",
    "services.accounts.own.sign_out",
    "services.accounts.own.unlock_sign_in",
    "services.admin.organizations.create_body",
    "services.admin.organizations.rename_body",
    "services.admin.organizations.set_body_active",
    "services.admin.directives.update_directive",
    "services.admin.directives.set_directive_open",
    "services.admin.directives.add_task",
    "services.admin.directives.update_task",
    "services.admin.directives.remove_task",
    "services.admin.directives.add_assignment",
    "services.admin.directives.remove_assignment",
    "services.admin.periods.set_current_period",
    "services.reporting.reports.submit_report",
    "services.reporting.figures.submit_figure",
    "services.reporting.proposals.give_direction",
    "services.importing.importer.save",
    "services.admin.backup.backup_to_file",
    "services.admin.backup.restore_from_file",
    "services.install.seed.seed_reference",
    "services.install.demo.seed_demo",
    "benchmarks.scale.build",
]


def _function(path: str):
    module, _, name = path.rpartition(".")
    return getattr(importlib.import_module(module), name)


@pytest.mark.parametrize("path", WRITERS)
def test_a_writing_service_requires_its_actor_by_keyword(path):
    actor = inspect.signature(_function(path)).parameters.get("actor")
    assert actor is not None, f"{path} does not say who acts"
    assert actor.kind is inspect.Parameter.KEYWORD_ONLY, path
    assert actor.default is inspect.Parameter.empty, f"{path} defaults its actor"


def test_no_service_defaults_an_actor():
    defaults = []
    for info in pkgutil.walk_packages(services.__path__, prefix="services."):
        module = importlib.import_module(info.name)
        for name, fn in inspect.getmembers(module, inspect.isfunction):
            if fn.__module__ != module.__name__:
                continue
            actor = inspect.signature(fn).parameters.get("actor")
            if actor is not None and actor.default is not inspect.Parameter.empty:
                defaults.append(f"{info.name}.{name}")
    assert not defaults


def test_creating_an_account_without_saying_who_is_refused(seeded):
    from models import session_scope
    from services.accounts import users

    with pytest.raises(TypeError), session_scope(seeded) as s:
        users.create_user(  # type: ignore[call-arg]
            s, username="canbo.x", display_name="", password="mat-khau-dai", role="viewer"
        )
    with session_scope(seeded) as s:  # the command line says it is the system
        assert users.create_user(
            s,
            username="canbo.x",
            display_name="",
            password="mat-khau-dai",
            role="viewer",
            actor=SYSTEM,
        ).id
