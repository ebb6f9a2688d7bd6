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
    "users.create_user",
    "users.update_user",
    "users.set_user_active",
    "users.reset_password",
    "accounts.change_password",
    "accounts.sign_out",
    "accounts.unlock_sign_in",
    "organizations.create_body",
    "organizations.rename_body",
    "organizations.set_body_active",
    "directive_admin.update_directive",
    "directive_admin.set_directive_open",
    "directive_admin.add_task",
    "directive_admin.update_task",
    "directive_admin.remove_task",
    "directive_admin.add_assignment",
    "directive_admin.remove_assignment",
    "period_admin.set_current_period",
    "reporting.submit_report",
    "figures.submit_figure",
    "proposals.give_direction",
    "importer.save",
    "backup.backup_to_file",
    "backup.restore_from_file",
    "seed.seed_reference",
    "demo.seed_demo",
    "scale.build",
]


def _function(path: str):
    module, name = path.split(".")
    return getattr(importlib.import_module(f"services.{module}"), name)


@pytest.mark.parametrize("path", WRITERS)
def test_a_writing_service_requires_its_actor_by_keyword(path):
    actor = inspect.signature(_function(path)).parameters.get("actor")
    assert actor is not None, f"{path} does not say who acts"
    assert actor.kind is inspect.Parameter.KEYWORD_ONLY, path
    assert actor.default is inspect.Parameter.empty, f"{path} defaults its actor"


def test_no_service_defaults_an_actor():
    defaults = []
    for info in pkgutil.iter_modules(services.__path__):
        module = importlib.import_module(f"services.{info.name}")
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
