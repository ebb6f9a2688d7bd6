"""Roll-ups: pure functions over plain rows (services.overview.AssignmentState), so each
figure is testable without a database and every figure on a page comes from the same rows."""

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import date
from typing import Generic, TypeVar

from models import Status, Timeliness
from services.read.snapshot import AssignmentState


@dataclass(frozen=True)
class Headline:
    tasks: int
    assignments: int
    mean_percent: float
    done: int
    by_timeliness: dict[str, int]
    stuck: int
    bodies: int
    bodies_not_reported: int
    proposals_waiting: int

    @property
    def done_by_deadline(self) -> int:
        """Done on time plus done late: the assignments done as the overview's tiles and the
        report's appendix count them (a recurring task marked done counts as reported)."""
        return self.by_timeliness["done_on_time"] + self.by_timeliness["done_late"]


K = TypeVar("K", str, int)  # a group's key: an area's code, a section's ordinal


@dataclass(frozen=True)
class GroupProgress(Generic[K]):
    key: K
    assignments: int
    done: int
    mean_percent: float
    by_timeliness: dict[str, int]


@dataclass(frozen=True)
class BodyScore:
    rank: int
    organization_id: int
    code: str
    name: str
    kind: str
    assignments: int
    done: int
    mean_percent: float
    overdue: int
    not_reported: int
    stuck: int
    health: str  # red, amber, green


def _mean(values: list[int]) -> float:
    """Unrounded: screens round once, when they show it."""
    return sum(values) / len(values) if values else 0.0


def _timeliness(rows: Iterable[AssignmentState]) -> dict[str, int]:
    counts = Counter(r.timeliness.value for r in rows)
    return {t.value: counts.get(t.value, 0) for t in Timeliness}


def headline(
    rows: list[AssignmentState], *, reported_body_ids: set[int], proposals_waiting: int
) -> Headline:
    bodies = {r.organization_id for r in rows}
    return Headline(
        tasks=len({r.task_id for r in rows}),
        assignments=len(rows),
        mean_percent=_mean([r.percent for r in rows]),
        done=sum(r.status == Status.DONE for r in rows),
        by_timeliness=_timeliness(rows),
        stuck=sum(r.stuck for r in rows),
        bodies=len(bodies),
        bodies_not_reported=len(bodies - reported_body_ids),
        proposals_waiting=proposals_waiting,
    )


def group_progress(
    rows: list[AssignmentState], key: Callable[[AssignmentState], K]
) -> list[GroupProgress[K]]:
    groups: dict[K, list[AssignmentState]] = defaultdict(list)
    for r in rows:
        groups[key(r)].append(r)
    return [
        GroupProgress(
            k,
            len(g),
            sum(r.status == Status.DONE for r in g),
            _mean([r.percent for r in g]),
            _timeliness(g),
        )
        for k, g in groups.items()
    ]


def body_health(*, overdue: int, not_reported: int, assignments: int, mean_percent: float) -> str:
    """Red: something is overdue. Amber: most of its work unreported this period, or under
    half done on average. Green otherwise."""
    if overdue:
        return "red"
    if (assignments and not_reported * 2 > assignments) or mean_percent < 50:
        return "amber"
    return "green"


def scorecard(rows: list[AssignmentState]) -> list[BodyScore]:
    """Every body in scope, the most overdue first, then the least done."""
    groups: dict[int, list[AssignmentState]] = defaultdict(list)
    for r in rows:
        groups[r.organization_id].append(r)
    scores = []
    for org_id, g in groups.items():
        first = g[0]
        overdue = sum(r.timeliness == Timeliness.OVERDUE for r in g)
        not_reported = sum(r.timeliness == Timeliness.NOT_REPORTED for r in g)
        mean = _mean([r.percent for r in g])
        scores.append(
            BodyScore(
                rank=0,  # once sorted
                organization_id=org_id,
                code=first.organization_code,
                name=first.organization_name,
                kind=first.organization_kind,
                assignments=len(g),
                done=sum(r.status == Status.DONE for r in g),
                mean_percent=mean,
                overdue=overdue,
                not_reported=not_reported,
                stuck=sum(r.stuck for r in g),
                health=body_health(
                    overdue=overdue,
                    not_reported=not_reported,
                    assignments=len(g),
                    mean_percent=mean,
                ),
            )
        )
    scores.sort(key=lambda s: (-s.overdue, s.mean_percent, -s.not_reported, s.code))
    return [replace(s, rank=i) for i, s in enumerate(scores, 1)]


def overdue(rows: list[AssignmentState], as_of: date) -> list[tuple[AssignmentState, int]]:
    """(row, days overdue), the longest overdue first."""
    late = [
        (r, (as_of - r.due_date).days)
        for r in rows
        if r.timeliness == Timeliness.OVERDUE and r.due_date
    ]
    return sorted(late, key=lambda x: (-x[1], x[0].task_label, x[0].organization_code))


def stuck(rows: list[AssignmentState]) -> list[AssignmentState]:
    return sorted(
        (r for r in rows if r.stuck),
        key=lambda r: (r.section_ordinal, r.task_label, r.organization_code),
    )
