"""Bodies change (merge, split, rename) on the seeded demo, SQLite and PostgreSQL: history
before the day reads exactly as before, the successor carries the open work after it, nothing
is lost, bad input writes nothing."""

from datetime import date

import pytest
from sqlalchemy import func
from sqlmodel import Session, select

from models import (
    Assignment,
    AuditEvent,
    DirectionNote,
    Directive,
    Measurement,
    Organization,
    ProgressReport,
    Role,
    Status,
    User,
)
from render import tables
from services.admin import reorganize
from services.core.actor import Actor
from services.core.errors import DomainError, PermissionDenied
from services.install.seed import ensure_periods
from services.read import outline, screens, succession
from services.read import snapshot as snap
from services.read.snapshot import Filters

ON = date(2025, 3, 1)
LATER = "2025-Q2"


@pytest.fixture
def office(seeded):
    with Session(seeded, expire_on_commit=False) as s:
        secretariat = s.exec(select(User).where(User.role == Role.SECRETARIAT)).first()
        directive = s.exec(select(Directive)).one()
        # the periods of 2025 exist (the current one stays 2022-Q4)
        ensure_periods(s, ["2025-Q1", LATER], current="2022-Q4")
        s.commit()
        yield s, Actor.of(secretariat), directive.id


def counts(s: Session) -> dict[str, int]:
    return {
        table.__name__: int(s.exec(select(func.count()).select_from(table)).one())
        for table in (ProgressReport, Measurement, DirectionNote, Organization)
    }


def org(s: Session, code: str) -> Organization:
    return s.exec(select(Organization).where(Organization.code == code)).one()


def open_tasks(s: Session, code: str) -> dict[int, Assignment]:
    return {
        a.task_id: a
        for a in s.exec(
            select(Assignment).where(
                Assignment.organization_id == org(s, code).id, Assignment.status != Status.DONE
            )
        )
    }


def test_merge_keeps_2022_and_moves_open_work(office):
    s, actor, directive_id = office
    q4 = Filters(directive_id=directive_id, period="2022-Q4")
    before = screens.leadership_overview(s, q4)
    before_trend = screens.trend(s, q4, ["2022-Q3", "2022-Q4"])
    before_counts = counts(s)
    open_hmt, open_hnn = open_tasks(s, "HMT"), open_tasks(s, "HNN")
    hmt_users = [
        u.username for u in s.exec(select(User).where(User.organization_id == org(s, "HMT").id))
    ]

    out = reorganize.merge(
        s,
        actor=actor,
        sources=["HMT", "HNN"],
        into="MTNN",
        on=ON,
        new_name="Khu vực Mường Tè - Nậm Nhùn",
        accounts="move",
    )
    s.commit()

    # what moved: HMT's open work makes the new body's assignments, HNN's same tasks join them
    assert out.moved_assignments == len(set(open_hmt) | set(open_hnn))
    assert out.merged_assignments == len(set(open_hmt) & set(open_hnn))
    assert out.closed_bodies == ["HMT", "HNN"]
    assert set(hmt_users) <= set(out.accounts["moved"])
    # the overview for 2022-Q4 is exactly what it was, figure for figure
    assert screens.leadership_overview(s, q4) == before
    assert screens.trend(s, q4, ["2022-Q3", "2022-Q4"]) == before_trend
    # nothing lost, nothing deleted
    assert counts(s) == {**before_counts, "Organization": before_counts["Organization"] + 1}
    hmt = org(s, "HMT")
    assert hmt.ended_on == ON and not hmt.active
    # after the day the successor carries the open work, with HMT's state
    later = Filters(directive_id=directive_id, period=LATER)
    rows = snap.snapshot(s, later).rows
    codes = {r.organization_code for r in rows}
    assert "MTNN" in codes and not {"HMT", "HNN"} & codes
    mine = {r.task_id: r for r in rows if r.organization_code == "MTNN"}
    assert set(mine) == set(open_hmt) | set(open_hnn)
    for task_id, a in open_hmt.items():
        assert (mine[task_id].status, mine[task_id].percent) == (a.status, a.percent)
    # rebuilt from history, the later view agrees with the live one
    rebuilt = snap.snapshot(s, later, from_history=True).rows
    assert [(r.assignment_id, r.status, r.percent) for r in rebuilt] == [
        (r.assignment_id, r.status, r.percent) for r in rows
    ]
    # the note the later overview shows for the successor
    note = succession.notes_on(s, date(2025, 6, 30))[org(s, "MTNN").id]
    assert note.names == ["Huyện Mường Tè", "Huyện Nậm Nhùn"] and note.effective_on == ON
    assert [p.code for p in succession.predecessors(s, org(s, "MTNN").id)] == ["HMT", "HNN"]
    # the later overview says so beside the successor; its Đơn vị page links the predecessors
    data = screens.leadership_overview(s, later)
    frame = tables.scorecard(data.scorecard, "vi", data.notes)
    assert list(frame[frame.code == "MTNN"]["Ghi chú"]) == [
        "gồm Huyện Mường Tè, Huyện Nậm Nhùn (sáp nhập từ 01/03/2025)"
    ]
    # 2022-Q4 carries the demo's own merger note (SGTVT into SXD) and nothing of this one
    assert [n.names for n in before.notes.values()] == [["Sở Giao thông vận tải"]]
    body = screens.body_detail(s, later, "MTNN")
    assert [p.code for p in body.predecessors] == ["HMT", "HNN"]
    assert [x.code for x in screens.body_detail(s, q4, "HMT").successors] == ["MTNN"]
    # per-body targets: the closed bodies are judged in 2022-Q4 as before, no more in 2025
    judged_then = {c for st in before.targets for c in st.bodies}
    judged_later = {c for st in data.targets for c in st.bodies}
    assert {"HMT", "HNN"} <= judged_then and not {"HMT", "HNN"} & judged_later
    event = s.exec(  # the demo's own merger (SGTVT into SXD) has its event too
        select(AuditEvent).where(
            AuditEvent.action == "reorganize_merge", AuditEvent.entity_id == org(s, "MTNN").id
        )
    ).one()
    assert event.after["moved_assignments"] == out.moved_assignments


def test_merge_into_existing_body_merges_histories(office):
    s, actor, _ = office
    both = set(open_tasks(s, "HTU")) & set(open_tasks(s, "HTNU"))
    out = reorganize.merge(
        s, actor=actor, sources=["HTNU"], into="HTU", on=ON, accounts="deactivate"
    )
    s.commit()
    assert out.merged_assignments == len(both) and out.moved_assignments == len(
        set(open_tasks(s, "HTNU")) - both
    )
    assert all(
        not u.active for u in s.exec(select(User).where(User.organization_id == org(s, "HTNU").id))
    )
    assert out.accounts["deactivated"] and not out.accounts["moved"]


def test_split_follows_the_plan(office):
    s, actor, directive_id = office
    reorganize.merge(
        s, actor=actor, sources=["HPT"], into="XA1", on=ON, new_name="Xã Một", new_kind="commune"
    )
    with pytest.raises(DomainError) as gap:
        reorganize.split(s, actor=actor, source="HSH", into=["XA1", "TPLC"], on=ON, plan={})
    assert "chưa giao nhiệm vụ" in str(gap.value)
    held = open_tasks(s, "HSH")
    labels = {
        r.task_id: r.task_label
        for r in snap.snapshot(s, Filters(directive_id=directive_id, period="2022-Q4")).rows
    }
    plan = {labels[t]: ("XA1" if i % 2 else "TPLC") for i, t in enumerate(sorted(held))}
    out = reorganize.split(s, actor=actor, source="HSH", into=["XA1", "TPLC"], on=ON, plan=plan)
    s.commit()
    assert out.moved_assignments + out.merged_assignments == len(held)
    later = snap.snapshot(s, Filters(directive_id=directive_id, period=LATER)).rows
    for task_id in held:
        holders = {r.organization_code for r in later if r.task_id == task_id}
        assert plan[labels[task_id]] in holders and "HSH" not in holders


def test_rename_keeps_the_old_name_for_earlier_days(office):
    s, actor, directive_id = office
    reorganize.rename(s, actor=actor, code="SNV", name="Sở Nội vụ (mới)", on=ON)
    s.commit()
    q4 = snap.snapshot(
        s, Filters(directive_id=directive_id, period="2022-Q4", organization_id=org(s, "SNV").id)
    )
    later = snap.snapshot(
        s, Filters(directive_id=directive_id, period=LATER, organization_id=org(s, "SNV").id)
    )
    assert {r.organization_name for r in q4.rows} == {"Sở Nội vụ"}
    assert {r.organization_name for r in later.rows} == {"Sở Nội vụ (mới)"}


@pytest.mark.parametrize(
    ("call", "words"),
    [
        (dict(sources=["HMT"], into="HMT", on=ON), "chính nó"),
        (dict(sources=["XYZ"], into="HMT", on=ON), "XYZ"),
        (dict(sources=["HMT"], into="HNN", on=date(2022, 1, 1)), "kỳ báo cáo đã khóa"),
        (dict(sources=["HMT"], into="NEW", on=ON), "NEW"),
        (dict(sources=["HMT"], into="HNN", on=ON, accounts="drop"), "drop"),
    ],
)
def test_bad_input_writes_nothing(office, call, words):
    s, actor, _ = office
    before = counts(s), int(s.exec(select(func.count()).select_from(AuditEvent)).one())
    with pytest.raises(DomainError) as err:
        reorganize.merge(s, actor=actor, **call)
    s.rollback()
    assert words in str(err.value) and "\n" not in str(err.value)
    assert (counts(s), int(s.exec(select(func.count()).select_from(AuditEvent)).one())) == before


def test_closed_successor_and_cycle_are_refused(office):
    s, actor, _ = office
    reorganize.merge(s, actor=actor, sources=["HMT"], into="HNN", on=ON)
    with pytest.raises(DomainError) as closed:
        reorganize.merge(s, actor=actor, sources=["HTU"], into="HMT", on=ON)
    assert "HMT" in str(closed.value)
    with pytest.raises(DomainError) as cycle:
        reorganize.merge(s, actor=actor, sources=["HNN"], into="HMT", on=date(2025, 4, 1))
    assert "HNN" in str(cycle.value) or "HMT" in str(cycle.value)


def test_only_the_secretariat_reorganises(office):
    s, _, _ = office
    leader = Actor.of(s.exec(select(User).where(User.role == Role.LEADER)).first())
    with pytest.raises(PermissionDenied):
        reorganize.merge(s, actor=leader, sources=["HMT"], into="HNN", on=ON)


def test_a_day_before_the_body_existed_is_refused(office):
    s, actor, _ = office
    reorganize.merge(s, actor=actor, sources=["HMT"], into="MT2", on=ON, new_name="Mường Tè mới")
    with pytest.raises(DomainError) as err:
        reorganize.merge(s, actor=actor, sources=["MT2"], into="HNN", on=date(2025, 2, 1))
    assert "trước khi đơn vị MT2 được thành lập (01/03/2025)" in str(err.value)
    with pytest.raises(DomainError) as gone:
        reorganize.rename(s, actor=actor, code="HMT", name="Tên khác", on=date(2025, 6, 1))
    assert "đã ngừng tồn tại từ ngày 01/03/2025" in str(gone.value)


def test_the_demo_shows_one_merger(office):
    """The demo's labelled merger (README): Sở Giao thông vận tải joins Sở Xây dựng from
    01/10/2022, the first day of the demo's current quarter, through the same service."""
    s, _, directive_id = office
    sgtvt, sxd = org(s, "SGTVT"), org(s, "SXD")
    assert (sgtvt.ended_on, sgtvt.active, sxd.active) == (date(2022, 10, 1), False, True)
    assert [x.code for x in succession.predecessors(s, sxd.id)] == ["SGTVT"]

    def held(table, period: str) -> int:
        query = select(func.count()).select_from(table)
        if table is ProgressReport:
            query = query.join(Assignment).where(Assignment.organization_id == sgtvt.id)
        else:
            query = query.where(Measurement.organization_id == sgtvt.id)
        return int(s.exec(query.where(table.period == period)).one())

    # its history stays its own up to the day, and nothing is written for it after
    assert held(ProgressReport, "2022-Q3") > 0 and held(Measurement, "2022-Q3") > 0
    assert held(ProgressReport, "2022-Q4") == 0 and held(Measurement, "2022-Q4") == 0
    # its account works for its successor now
    assert s.exec(select(User).where(User.username == "sgtvt")).one().organization_id == sxd.id
    # 2022-Q3 ranks it among the bodies; 2022-Q4 ranks its successor, with the note
    q3, q4 = (
        screens.leadership_overview(s, Filters(directive_id=directive_id, period=p))
        for p in ("2022-Q3", "2022-Q4")
    )
    then = tables.scorecard(q3.scorecard, "vi", q3.notes)
    now = tables.scorecard(q4.scorecard, "vi", q4.notes)
    assert "SGTVT" in set(then.code) and "SGTVT" not in set(now.code)
    assert list(now[now.code == "SXD"]["Ghi chú"]) == [
        "gồm Sở Giao thông vận tải (sáp nhập từ 01/10/2022)"
    ]
    # every task it left unfinished is Sở Xây dựng's in 2022-Q4
    left_open = {
        a.task_id
        for a in s.exec(select(Assignment).where(Assignment.organization_id == sgtvt.id))
        if a.status != Status.DONE
    }
    rows = snap.snapshot(s, Filters(directive_id=directive_id, period="2022-Q4")).rows
    assert left_open and left_open <= {r.task_id for r in rows if r.organization_code == "SXD"}
    # the directive's outline counts today's bodies: section 1's tasks have 27 leads, not 28
    first = outline.outline(s, directive_id=directive_id)[0]
    assert {task.leads for task in first.tasks} == {27}
