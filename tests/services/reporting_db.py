"""A demo database per backend, shared by the tests of one module (seeding takes seconds), and
helpers to find the rows those tests act on. Tests that write read fresh versions and count
rows before and after, so their order does not matter."""

import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from models import (
    Assignment,
    AuditEvent,
    DirectionNote,
    Measurement,
    Organization,
    ProgressReport,
    Target,
    User,
    session_scope,
)
from models.db import build_engine
from services.accounts import users
from services.core.actor import SYSTEM, Actor
from tests.conftest import _postgres_schema_url, migrate


def demo_engine(url: str) -> Engine:
    """Migrate the database at `url` and seed the demo into it; its engine."""
    from services.install import demo

    migrate(url)
    engine = build_engine(url)
    with session_scope(engine) as s:
        demo.seed_demo(s, actor=SYSTEM, password="laichau2021")
    return engine


BACKENDS = ["sqlite", "postgresql"]


def demo_database(backend: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Engine]:
    """For a module-scoped fixture: `yield from demo_database(request.param, tmp_path_factory)`.
    PostgreSQL runs in its own schema and is skipped (failed in CI) when unreachable."""
    if backend == "sqlite":
        path: Path = tmp_path_factory.mktemp("reporting") / "demo.db"
        engine = demo_engine(f"sqlite:///{path}")
        yield engine
        engine.dispose()
    else:
        for url in _postgres_schema_url():
            engine = demo_engine(url)
            yield engine
            engine.dispose()


def actor(engine: Engine, username: str) -> Actor:
    with session_scope(engine) as s:
        return Actor.of(s.exec(select(User).where(User.username == username)).one())


def new_account(session: Session, username: str, **fields: object) -> User:
    """`users.create_user` of the plainest valid account: a viewer with no display name and a
    good password, made by the installation (SYSTEM); `fields` change any of these."""
    plain: dict[str, object] = {
        "display_name": "",
        "password": "mat-khau-dai",
        "role": "viewer",
        "actor": SYSTEM,
    }
    return users.create_user(session, username=username, **{**plain, **fields})


def usernames(engine: Engine, statement: Any) -> set[str]:
    """The usernames a query of User.username finds."""
    with session_scope(engine) as s:
        return set(s.exec(statement))


def org_id(engine: Engine, code: str) -> int:
    with session_scope(engine) as s:
        return s.exec(select(Organization.id).where(Organization.code == code)).one()


def assignment_of(engine: Engine, code: str, *, role: str = "lead") -> tuple[int, int]:
    """(id, version) of one of body `code`'s assignments, the first by id."""
    with session_scope(engine) as s:
        a = s.exec(
            select(Assignment)
            .join(Organization, Organization.id == Assignment.organization_id)
            .where(Organization.code == code, Assignment.role == role)
            .order_by(Assignment.id)
        ).first()
        return a.id, a.version


def version_of(engine: Engine, assignment_id: int) -> int:
    with session_scope(engine) as s:
        return s.get(Assignment, assignment_id).version


def target_id(engine: Engine, code: str) -> int:
    with session_scope(engine) as s:
        return s.exec(select(Target.id).where(Target.code == code)).one()


def counts(engine: Engine) -> dict[str, int]:
    with session_scope(engine) as s:
        return {
            name: s.exec(select(func.count()).select_from(table)).one()
            for name, table in {
                "reports": ProgressReport,
                "figures": Measurement,
                "directions": DirectionNote,
                "audit": AuditEvent,
            }.items()
        }


def race(threads: int, work: Callable[[int], object]) -> tuple[list[object], float]:
    """Run `work(i)` in `threads` threads released together; their outcomes (a return value
    or the exception raised) and the seconds it took."""
    barrier = threading.Barrier(threads)
    outcomes: list[object] = [None] * threads

    def run(i: int) -> None:
        barrier.wait()
        try:
            outcomes[i] = work(i)
        except Exception as err:  # the outcome is the point
            outcomes[i] = err

    started = [threading.Thread(target=run, args=(i,)) for i in range(threads)]
    start = time.perf_counter()
    for th in started:
        th.start()
    for th in started:
        th.join(timeout=120)
    return outcomes, time.perf_counter() - start
