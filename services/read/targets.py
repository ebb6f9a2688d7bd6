"""Targets: is each one met, and why, in words a leader can repeat.

`judge` is the pure rule; `statuses` reads the figures in one query and applies it.
"""

import operator
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import partial
from typing import TypedDict

from sqlmodel import Session, col, select

from models import (
    Measurement,
    Organization,
    PeriodType,
    Section,
    Target,
    TargetKind,
    TargetScope,
    Task,
    pk,
)
from services.core import clock, periods
from services.core.labels import task_label
from services.core.rows import from_row
from services.read.snapshot import Filters, filters_as_of

MET, NOT_MET, PARTIAL, NO_DATA = "met", "not_met", "partial", "no_data"
# A target compared with its value: the comparison that meets it, the sentence if it is met,
# the sentence if it is missed.
_COMPARED: dict[TargetKind, tuple[Callable[[float, float], bool], str, str]] = {
    TargetKind.AT_LEAST: (operator.ge, "tg.at_least_met", "tg.at_least_missed"),
    TargetKind.AT_MOST: (operator.le, "tg.at_most_met", "tg.at_most_missed"),
    TargetKind.EXACTLY: (operator.ge, "tg.exactly_met", "tg.exactly_missed"),
}
PARTIAL_SHARE = 0.8  # a per-body target met by at least this share of bodies is amber


@dataclass(frozen=True)
class Verdict:
    status: str
    reason: str  # catalogue key
    params: dict[str, float | str | None] = field(default_factory=dict)


@dataclass(frozen=True)
class TargetStatus:
    target_id: int
    code: str
    name: str
    unit: str
    kind: str
    scope: str
    owner_code: str | None
    task_label: str | None
    period: str  # the period judged
    value: float | None
    verdict: Verdict
    bodies: dict[str, Verdict] = field(default_factory=dict)  # per-body targets: code -> verdict


def judge(
    *,
    kind: str,
    direction: str | None,
    target: float | None,
    value: float | None,
    previous: float | None,
    unit: str,
    period: str,
) -> Verdict:
    """One figure against its target. `previous` is the figure of the period before."""
    if value is None:
        return Verdict(NO_DATA, "tg.no_data", {"period": period})
    # numbers stay numbers: the edge writes them for the reader's language ("35,7" / "35.7")
    p: dict[str, float | str | None] = {
        "v": value,
        "t": target,
        "u": unit,
        "prev": previous,
        "period": period,
    }
    if kind in _COMPARED:
        if target is None:  # the importer refuses these; before, comparing raised a TypeError
            raise ValueError(f"a target of kind {kind} needs a value")
        holds, met, missed = _COMPARED[TargetKind(kind)]
        return Verdict(MET, met, p) if holds(value, target) else Verdict(NOT_MET, missed, p)
    if kind == TargetKind.DONE:
        return (
            Verdict(MET, "tg.done_met", p) if value >= 1 else Verdict(NOT_MET, "tg.done_missed", p)
        )
    if previous is None:
        return Verdict(NO_DATA, "tg.no_baseline", p)
    if kind == TargetKind.RANK:  # lower is better
        p["d"] = abs(previous - value)
        if value < previous:
            return Verdict(MET, "tg.rank_up", p)
        return Verdict(NOT_MET, "tg.rank_same" if value == previous else "tg.rank_down", p)
    # better than the previous period
    better = value < previous if direction == "lower" else value > previous
    if better:
        return Verdict(MET, "tg.better_lower" if direction == "lower" else "tg.better_higher", p)
    return Verdict(NOT_MET, "tg.not_better", p)


def judged_period(period_type: str, as_of_period: str) -> str:
    """The last period that should have a figure by the as-of period: this quarter for a
    quarterly target; for a yearly one this year once its last quarter is reached, else last
    year."""
    year, quarter = periods.parse(as_of_period)
    if period_type == PeriodType.QUARTER:
        return as_of_period if quarter else f"{year}-Q4"
    return str(year if quarter in (None, 4) else year - 1)


def statuses(session: Session, f: Filters, *, today: date | None = None) -> list[TargetStatus]:
    """Every target of the directive in scope, judged as of the filters' period."""
    cutoff = clock.end_of_day(filters_as_of(f, today))
    query = (
        select(Target, Section.ordinal, Task.ordinal, Organization.code)
        .outerjoin(Task, col(Task.id) == col(Target.task_id))
        .outerjoin(Section, col(Section.id) == col(Task.section_id))
        .outerjoin(Organization, col(Organization.id) == col(Target.owner_id))
        .where(Target.directive_id == f.directive_id)
        .order_by(Target.code)
    )
    if f.area:
        query = query.where(Task.area == f.area)
    targets = session.exec(query).all()
    if not targets:
        return []
    figures = _figures(session, [pk(t) for t, *_ in targets], cutoff, f)
    # a body that had ceased to exist by the as-of day is judged no more (its figures stay
    # with it for the periods before): services.admin.reorganize
    ended = set(
        session.exec(
            select(Organization.code).where(
                col(Organization.ended_on).is_not(None),
                col(Organization.ended_on) <= filters_as_of(f, today),
            )
        ).all()
    )
    out = []
    for target, sec, task_ord, owner in targets:
        period = judged_period(target.period_type, f.period)
        previous_period = periods.shift(period, -1)
        mine = figures.get(pk(target), {})
        judge_target = partial(
            judge,
            kind=target.kind,
            direction=target.direction,
            target=target.value,
            unit=target.unit,
        )
        if target.scope == TargetScope.PER_BODY:
            bodies = {
                code: judge_target(
                    value=by_period.get(period),
                    previous=by_period.get(previous_period),
                    period=period,
                )
                for code, by_period in mine.items()
                if code is not None and code not in ended
            }
            verdict = _aggregate(bodies, period)
            value = None
        else:
            by_period = mine.get(None, {})
            value = by_period.get(period)
            verdict = judge_target(
                value=value, previous=by_period.get(previous_period), period=period
            )
            bodies = {}
        out.append(
            from_row(
                TargetStatus,
                target,
                target_id=pk(target),
                owner_code=owner,
                task_label=task_label(sec, task_ord) if sec else None,
                period=period,
                value=value,
                verdict=verdict,
                bodies=bodies,
            )
        )
    return out


def _aggregate(bodies: dict[str, Verdict], period: str) -> Verdict:
    total = len(bodies)
    met = sum(v.status == MET for v in bodies.values())
    missing = sum(v.status == NO_DATA for v in bodies.values())
    params: dict[str, float | str | None] = {
        "met": met,
        "total": total,
        "missing": missing,
        "period": period,
    }
    if total == 0 or missing == total:
        return Verdict(NO_DATA, "tg.no_data", {"period": period})
    if met == total:
        return Verdict(MET, "tg.bodies_all", params)
    status = PARTIAL if met / total >= PARTIAL_SHARE else NOT_MET
    return Verdict(status, "tg.bodies_some", params)


def _figures(
    session: Session, target_ids: list[int], cutoff: datetime, f: Filters
) -> dict[int, dict[str | None, dict[str, float]]]:
    """target -> body code (None: province-wide) -> period -> latest value by the cutoff."""
    query = (
        select(Measurement.target_id, Organization.code, Measurement.period, Measurement.value)
        .outerjoin(Organization, col(Organization.id) == col(Measurement.organization_id))
        .where(col(Measurement.target_id).in_(target_ids), col(Measurement.created_at) <= cutoff)
        .order_by(col(Measurement.created_at), col(Measurement.id))
    )
    if f.org_kind:
        query = query.where(
            (col(Measurement.organization_id).is_(None)) | (col(Organization.kind) == f.org_kind)
        )
    if f.organization_id:
        query = query.where(
            (col(Measurement.organization_id).is_(None))
            | (Measurement.organization_id == f.organization_id)
        )
    out: dict[int, dict[str | None, dict[str, float]]] = defaultdict(lambda: defaultdict(dict))
    for target_id, code, period, value in session.exec(query):
        out[target_id][code][period] = value  # later rows overwrite: the latest figure wins
    return out


class SeriesPoint(TypedDict):
    body: str | None  # None: province-wide
    period: str
    value: float


def series(
    session: Session, target_id: int, f: Filters, *, today: date | None = None
) -> list[SeriesPoint]:
    """A target's figures by period (and body), as known by the as-of day."""
    cutoff = clock.end_of_day(filters_as_of(f, today))
    figures = _figures(session, [target_id], cutoff, f).get(target_id, {})
    return [
        {"body": code, "period": period, "value": value}
        for code, by_period in figures.items()
        for period, value in sorted(by_period.items())
    ]


def source_of(session: Session, target_id: int) -> str:
    target = session.get(Target, target_id)
    return target.source_text if target else ""


def value_of(session: Session, target_id: int) -> float | None:
    target = session.get(Target, target_id)
    return target.value if target else None


class TargetRow(TypedDict):
    code: str
    name: str
    unit: str
    kind: str
    value: float | None
    body: str  # the body's name for a per-body target's row, else ""
    figures: dict[str, float]  # period -> figure


@dataclass(frozen=True)
class TargetTable:
    """Every target's figures by period, for a spreadsheet: one row per target (and per body
    for a per-body target)."""

    periods: list[str]
    rows: list[TargetRow]


def table(session: Session, f: Filters, *, today: date | None = None) -> TargetTable:
    cutoff = clock.end_of_day(filters_as_of(f, today))
    found = session.exec(
        select(Target).where(Target.directive_id == f.directive_id).order_by(Target.code)
    ).all()
    figures = _figures(session, [pk(t) for t in found], cutoff, f)
    names = dict(session.exec(select(Organization.code, Organization.name)).all())
    all_periods: set[str] = set()
    rows: list[TargetRow] = []
    for target in found:
        by_body = sorted(
            figures.get(pk(target), {}).items(), key=lambda kv: (kv[0] is not None, kv[0] or "")
        )
        for code, by_period in by_body or [(None, {})]:  # a target without figures: one row
            all_periods |= set(by_period)
            rows.append(
                {
                    "code": target.code,
                    "name": target.name,
                    "unit": target.unit,
                    "kind": target.kind,
                    "value": target.value,
                    "body": names.get(code, "") if code else "",
                    "figures": by_period,
                }
            )
    return TargetTable(periods=sorted(all_periods), rows=rows)
