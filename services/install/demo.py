"""The demo installation: accounts for every role and a reproducible history of reports and
figures from 2021-Q3 to 2022-Q4. Demo only: every screen that shows it says so."""

import random
from datetime import date, datetime, timedelta

from sqlalchemy import func
from sqlmodel import Session, SQLModel, col, select

from models import (
    Assignment,
    Cadence,
    DirectionNote,
    Directive,
    Measurement,
    Organization,
    ProgressReport,
    Role,
    Section,
    Status,
    Target,
    TargetScope,
    Task,
    User,
    pk,
)
from seed_data import demo as plan
from services.accounts.users import create_user
from services.admin import reorganize
from services.core import clock, periods
from services.core.actor import Actor, hash_password
from services.core.errors import InvalidInput
from services.core.labels import task_label
from services.core.permissions import Action, require
from services.install import seed
from services.reporting.reports import apply_report

DEMO_KEY = "demo"


def is_demo(session: Session) -> bool:
    return seed.get_setting(session, DEMO_KEY) == "1"


def rows_held(session: Session) -> int:
    """Rows in the app's tables (the schema revision aside): 0 is an empty database."""
    return sum(
        int(session.exec(select(func.count()).select_from(table)).one())
        for table in SQLModel.metadata.sorted_tables
    )


def seed_demo(session: Session, *, actor: Actor, password: str) -> seed.SeedResult:
    """The demo installation: the reference seed, accounts for every role sharing
    `password`, and a made-up history that moves the current period back to 2022-Q4.
    `actor`: the secretariat (the command line's SYSTEM).

    Only into an empty database. A database holding anything at all is refused, even one
    holding only the reference seed and no account: that is how a real installation starts
    (`manage.py seed`, then `create-user`), and the demo's published password, invented
    reports and old period must never land in one. A database that already is the demo gets
    the reference seed's missing rows and nothing else."""
    require(actor, Action.ADMINISTER)
    if is_demo(session):
        return seed.seed_reference(session, actor=actor)
    if rows := rows_held(session):
        raise InvalidInput("err.demo_not_empty", rows=rows)
    # the reference seed's first period is the demo's last quarter, not today's: the demo's
    # periods are its own, with no empty one from the day it was installed among them
    first_day = periods.bounds(plan.LAST_QUARTER)[0]
    result = seed.seed_reference(session, actor=actor, today=first_day)
    _seed_accounts(session, password, result, actor)
    quarters = periods.quarters_between(plan.FIRST_QUARTER, plan.LAST_QUARTER)
    seed.ensure_periods(session, quarters, current=plan.LAST_QUARTER)
    rng = random.Random(plan.DEMO_SEED)  # nosec B311  # repeatable demo data, not a secret
    _seed_history(session, rng, quarters, result)
    _seed_figures(session, rng, quarters, result)
    _merge(session, actor, result)
    seed.set_setting(session, DEMO_KEY, "1")
    return result.finish(session, actor, "seed_demo")  # an empty database: always added rows


def seed_demo_if_empty(
    session: Session, *, actor: Actor, password: str
) -> tuple[seed.SeedResult, bool]:
    """What `make run` does: the demo on an empty database (or the demo already there),
    else only the reference seed. True when the database is the demo."""
    if is_demo(session) or not rows_held(session):
        return seed_demo(session, actor=actor, password=password), True
    return seed.seed_reference(session, actor=actor), False


def _seed_accounts(session: Session, password: str, result: seed.SeedResult, actor: Actor) -> None:
    taken = set(session.exec(select(User.username)).all())
    shared_hash = hash_password(password)  # one bcrypt hash: every demo account shares it
    accounts: list[tuple[str, str, Role, str | None]] = [
        ("lanhdao", "Lãnh đạo UBND tỉnh (demo)", Role.LEADER, None),
        ("vanphong", "Văn phòng UBND tỉnh (demo)", Role.SECRETARIAT, None),
        ("xem", "Người xem (demo)", Role.VIEWER, None),
    ]
    for org in session.exec(select(Organization).order_by(col(Organization.sort_order))):
        if org.active:
            accounts.append((org.code.lower(), f"{org.name} (demo)", Role.BODY, org.code))
    for username, name, role, org_code in accounts:
        if username in taken:
            continue
        user = create_user(
            session,
            username=username,
            display_name=name,
            password_hash=shared_hash,
            role=role,
            organization_code=org_code,
            actor=actor,
        )
        # A reserved domain (RFC 2606): a demo's e-mail never reaches anyone.
        user.email = f"{username}@demo.invalid"
        result.add("users")


def _merged_by(code: str, quarter: str) -> bool:
    """`code` had been merged into another body before `quarter` began (the demo's merger)."""
    return code in plan.MERGED and periods.bounds(quarter)[0] >= date.fromisoformat(plan.MERGED_ON)


def _merge(session: Session, actor: Actor, result: seed.SeedResult) -> None:
    """The demo's one merger, through the same service as the administration page: the merged
    body's open work and accounts go to its successor from the merger's day."""
    reorganize.merge(
        session,
        actor=actor,
        sources=plan.MERGED,
        into=plan.MERGED_INTO,
        on=date.fromisoformat(plan.MERGED_ON),
    )
    result.add("mergers")


def _at(day: date) -> datetime:
    """09:00 in Vietnam on `day`, as UTC."""
    return clock.at(day, 9)


def _seed_history(
    session: Session, rng: random.Random, quarters: list[str], result: seed.SeedResult
) -> None:
    users = {u.organization_id: u for u in session.exec(select(User).where(User.role == Role.BODY))}
    leader = session.exec(select(User).where(User.username == "lanhdao")).one()
    orgs = {o.id: o for o in session.exec(select(Organization))}
    diligence = {
        oid: plan.LAGGARDS.get(o.code, round(rng.uniform(0.72, 0.98), 2)) for oid, o in orgs.items()
    }
    # A body sends its quarterly report or not; a report covers most of its tasks.
    sent = {
        (oid, q): rng.random() < (d * 0.85 if i == 0 else d)
        for oid, d in sorted(diligence.items())
        for i, q in enumerate(quarters)
    }
    rows = session.exec(
        select(Assignment, Task, Section)
        .join(Task, col(Task.id) == col(Assignment.task_id))
        .join(Section, col(Section.id) == col(Task.section_id))
        .join(Directive, col(Directive.id) == col(Section.directive_id))
        .order_by(col(Assignment.id))
    ).all()
    for assignment, task, section in rows:
        label = task_label(section.ordinal, task.ordinal)
        if label in plan.DUE_DATE_OVERRIDES:
            assignment.due_date_override = date.fromisoformat(plan.DUE_DATE_OVERRIDES[label])
        d = diligence[assignment.organization_id]
        org_code = orgs[assignment.organization_id].code
        author = users.get(assignment.organization_id)
        progress = 0
        for index, quarter in enumerate(quarters):
            if not sent[assignment.organization_id, quarter] or rng.random() > 0.92:
                continue  # no report on this task this quarter
            if _merged_by(org_code, quarter):
                continue  # the body had joined its successor by then
            end = periods.bounds(quarter)[1]
            day = end - timedelta(days=rng.randint(0, 20))
            progress = _next_progress(rng, progress, d, task.cadence, quarter)
            status = Status.DONE if progress >= 100 else Status.IN_PROGRESS
            stuck = status != Status.DONE and rng.random() < 0.11 * (1.25 - d)
            report = ProgressReport(
                assignment_id=pk(assignment),
                period=quarter,
                status=status,
                stuck=stuck,
                percent=progress,
                result=rng.choice(plan.RESULTS),
                difficulties=rng.choice(plan.DIFFICULTIES) if stuck else "",
                proposals=rng.choice(plan.PROPOSALS) if stuck else "",
                evidence_number=f"{rng.randint(10, 480)}/BC-{org_code}",
                evidence_date=day - timedelta(days=rng.randint(0, 5)),
                author_id=author.id if author else None,
                created_at=_at(day),
            )
            session.add(report)
            apply_report(assignment, report, reported_at=report.created_at)
            result.add("reports")
            if stuck and index < len(quarters) - 1 and rng.random() < 0.7:
                session.flush()
                session.add(
                    DirectionNote(
                        report_id=pk(report),
                        text=rng.choice(plan.DIRECTIONS),
                        author_id=leader.id,
                        closed=rng.random() < 0.5,
                        created_at=_at(day + timedelta(days=rng.randint(7, 25))),
                    )
                )
                result.add("directions")
        session.add(assignment)
    session.flush()


def _next_progress(rng: random.Random, progress: int, d: float, cadence: str, quarter: str) -> int:
    if cadence == Cadence.ANNUAL and quarter.endswith("Q1"):
        progress = 0  # a new year's round
    step = int(rng.randint(6, 26) * (0.5 + d) * (1.5 if cadence == Cadence.ONCE else 1.0))
    progress = min(100, progress + step)
    if cadence in (Cadence.CONTINUOUS, Cadence.PERIODIC):
        progress = min(progress, 95)  # continuous work is never "done"
    return progress


def _seed_figures(
    session: Session, rng: random.Random, quarters: list[str], result: seed.SeedResult
) -> None:
    targets = {t.code: t for t in session.exec(select(Target))}
    owners = {
        u.organization_id: u.id for u in session.exec(select(User).where(User.role == Role.BODY))
    }
    bodies = session.exec(
        select(Organization)
        .where(Organization.kind != "external")
        .order_by(col(Organization.sort_order))
    ).all()
    for code, values in plan.PROVINCE_FIGURES.items():
        target = targets[code]
        for period, value in values.items():
            session.add(
                Measurement(
                    target_id=pk(target),
                    period=period,
                    value=value,
                    source="Báo cáo (demo)",
                    author_id=owners.get(target.owner_id),
                    created_at=_at(periods.bounds(period)[1])
                    if period != "2020"
                    else _at(date(2021, 3, 1)),
                )
            )
            result.add("measurements")
    for code, (start, step, spread) in plan.PER_BODY_SHAPES.items():
        target = targets[code]
        assert target.scope == TargetScope.PER_BODY  # nosec B101  # the plan's own consistency
        for body in bodies:
            lag = plan.LAGGARDS.get(body.code)
            value = start + rng.uniform(-spread, spread) / 2 - (spread if lag else 0)
            for quarter in quarters:
                value += step + rng.uniform(-abs(step), abs(step))
                if lag and rng.random() > lag + 0.3:
                    continue  # a lagging body misses some figures
                if _merged_by(body.code, quarter):
                    continue  # its successor reports from then on
                session.add(
                    Measurement(
                        target_id=pk(target),
                        organization_id=body.id,
                        period=quarter,
                        value=round(min(100.0, max(0.0, value)), 1),
                        source="Báo cáo quý (demo)",
                        author_id=owners.get(body.id),
                        created_at=_at(periods.bounds(quarter)[1]),
                    )
                )
                result.add("measurements")
    session.flush()
