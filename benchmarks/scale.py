"""A reproducible installation at scale, for the benchmark: scale 1 is the demo; scale N adds
N-1 more directives shaped like the seed (40 tasks, section 1 fanned out to the 28 bodies),
six quarterly reports per assignment and a figure for every target, body and period.
Rows go in with bulk inserts; each assignment's stored state is its last report's."""

import random
from collections.abc import Callable
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import insert
from sqlmodel import Session, select

import seed_data
from models import (
    Assignment,
    AssignmentRole,
    Directive,
    Measurement,
    Organization,
    ProgressReport,
    Status,
    TargetScope,
)
from seed_data import demo as plan
from services.core import periods
from services.core.actor import Actor
from services.core.timeliness import completion_day
from services.install import demo, seed

Progress = Callable[[float, str], None]
BATCH = 5_000


def build(
    session: Session,
    scale: int,
    *,
    actor: Actor,
    password: str,
    progress: Progress | None = None,
) -> dict[str, int]:
    """Seed the demo, then add directives up to `scale`; returns counts added."""
    say = progress or (lambda share, what: None)
    demo.seed_demo(session, actor=actor, password=password)
    session.flush()
    data = seed_data.load_directive()
    orgs = {o.code: o for o in session.exec(select(Organization))}
    section_one = seed.section_one(orgs)
    quarters = periods.quarters_between(plan.FIRST_QUARTER, plan.LAST_QUARTER)
    rng = random.Random(plan.DEMO_SEED + scale)  # nosec B311  # repeatable demo data
    added = {"directives": 0, "assignments": 0, "reports": 0, "measurements": 0}
    for k in range(2, scale + 1):
        _copy(session, data, k, orgs, section_one, quarters, rng, added)
        say((k - 1) / max(scale - 1, 1), f"directive {k}/{scale}")
    return added


def _copy(session, data, k, orgs, section_one, quarters, rng, added) -> None:
    directive = Directive(
        code=f"{data['code']}-B{k:03d}",
        kind=data["kind"],
        title=f"{data['title']} (bench {k})",
        issuer=data["issuer"],
        signer=data["signer"],
    )
    session.add(directive)
    session.flush()
    added["directives"] += 1
    rows, plans, task_ids = [], [], {}
    for s in data["sections"]:
        section = seed.section_row(directive.id, s)
        session.add(section)
        session.flush()
        leads = section_one if s["lead"] == seed_data.ALL_BODIES else [orgs[s["lead"]]]
        for t in s["tasks"]:
            task = seed.task_row(section.id, t)
            session.add(task)
            session.flush()
            task_ids[f"{s['ordinal']}.{t['ordinal']}"] = task.id
            bodies = [(o, AssignmentRole.LEAD) for o in leads] + [
                (orgs[c], AssignmentRole.PARTNER)
                for c in t["partners"]
                if orgs[c].id not in {o.id for o in leads}
            ]
            for org, role in bodies:
                history = _history(rng, quarters)
                last = history[-1]
                reported = _at(last["day"])
                state = {
                    "task_id": task.id,
                    "organization_id": org.id,
                    "role": role,
                    "status": last["status"],
                    "stuck": last["stuck"],
                    "percent": last["percent"],
                    "last_period": last["period"],
                    "last_reported_at": reported,
                    "version": len(history),
                    "completed_on": _first_done(history),
                }
                rows.append(state)
                plans.append(history)
    ids = (
        session.execute(
            insert(Assignment).returning(Assignment.id, sort_by_parameter_order=True), rows
        )
        .scalars()
        .all()
    )
    added["assignments"] += len(ids)
    reports = [
        {
            "assignment_id": aid,
            "period": h["period"],
            "status": h["status"],
            "stuck": h["stuck"],
            "percent": h["percent"],
            "result": "Đã triển khai theo kế hoạch (bench).",
            "difficulties": "",
            "proposals": "Đề nghị hỗ trợ kinh phí (bench)." if h["stuck"] else "",
            "evidence_number": f"{rng.randint(1, 400)}/BC",
            "evidence_link": "",
            "on_behalf": False,
            "created_at": _at(h["day"]),
        }
        for aid, history in zip(ids, plans, strict=True)
        for h in history
    ]
    for i in range(0, len(reports), BATCH):
        session.execute(insert(ProgressReport), reports[i : i + BATCH])
    added["reports"] += len(reports)
    _targets_and_figures(
        session, data, directive.id, orgs, section_one, task_ids, quarters, rng, added
    )


def _history(rng: random.Random, quarters: list[str]) -> list[dict]:
    out, percent = [], 0
    for q in quarters:
        percent = min(100, percent + rng.randint(5, 25))
        status = Status.DONE if percent == 100 else Status.IN_PROGRESS
        out.append(
            {
                "period": q,
                "percent": percent,
                "status": status,
                "stuck": status != Status.DONE and rng.random() < 0.05,
                "day": periods.bounds(q)[1] - timedelta(days=rng.randint(0, 20)),
            }
        )
    return out


def _first_done(history: list[dict]) -> date | None:
    done = [h for h in history if h["status"] == Status.DONE]
    return completion_day(_at(done[0]["day"]), done[0]["period"]) if done else None


def _at(day: date) -> datetime:
    return datetime.combine(day, time(2, 0), tzinfo=UTC)


def _targets_and_figures(
    session,
    data,
    directive_id,
    orgs,
    section_one,
    task_ids,
    quarters,
    rng,
    added,
) -> None:
    figures = []
    for tg in data["targets"]:
        target = seed.target_row(directive_id, tg, orgs, task_ids[tg["task"]])
        session.add(target)
        session.flush()
        slots = (
            quarters
            if tg["period_type"] == "quarter"
            else sorted({str(periods.year_of(q)) for q in quarters})
        )
        bodies = [o.id for o in section_one] if tg["scope"] == TargetScope.PER_BODY else [None]
        for body in bodies:
            for p in slots:
                figures.append(
                    {
                        "target_id": target.id,
                        "organization_id": body,
                        "period": p,
                        "value": round(rng.uniform(0, 100), 1),
                        "note": "",
                        "source": "bench",
                        "created_at": _at(periods.bounds(p)[1]),
                    }
                )
    session.execute(insert(Measurement), figures)
    added["measurements"] += len(figures)
