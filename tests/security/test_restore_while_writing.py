"""Restoring while bodies send reports loses no acknowledged report (SQLite; PostgreSQL is
restored with pg_restore).

What "never lost" means here. A write is acknowledged when its unit of work committed without
an error (what the page then tells the body). Restores k = 1..R run while writers write; each
keeps a safety copy P_k of the database it replaced. The database is, in turn, D_0 (before the
first restore), D_1, ..., D_R (after the last), and P_k is D_(k-1) as it was when restore k
replaced it. So every acknowledged write is in exactly one of P_1, ..., P_R, D_R:
- acknowledged before restore k began (and after restore k-1 ended): in P_k;
- acknowledged after the last restore ended: in D_R;
- acknowledged while restore k ran: in P_k (it committed before the swap took the lock) or in
  a later one (it waited for the swap); never in none.
Before the fix the safety copy was taken, then the swap waited for the write lock: a report
committed in between was in neither."""

import shutil
import sqlite3
import threading
import time
from contextlib import closing
from pathlib import Path

import pytest
from sqlalchemy.exc import OperationalError

from models import Assignment, session_scope
from models.db import build_engine
from services.admin import backup
from services.core.errors import StaleUpdate
from services.reporting import reports as reporting
from services.reporting.reports import ReportInput
from tests.security.restore_db import OFFICE, clone, make_demo
from tests.services.reporting_db import actor, assignment_of

WRITERS = ("stp", "snv", "syt", "stc")
RESTORES = 3  # within the safety copies kept (5), so none is pruned before it is read
MARK = "ghi-khi-khoi-phuc"


@pytest.fixture
def live(tmp_path_factory, tmp_path) -> Path:
    folder = tmp_path_factory.mktemp("demo-writing")
    make_demo(folder / "cchc.db")
    return clone(folder / "cchc.db", tmp_path / "data" / "cchc.db")


def markers(db: Path) -> set[str]:
    with closing(sqlite3.connect(f"file:{db}?mode=ro", uri=True)) as conn:
        rows = conn.execute("SELECT result FROM progressreport WHERE result LIKE ?", (f"{MARK}%",))
        return {r[0] for r in rows}


def test_no_acknowledged_report_is_lost_while_restoring(live, tmp_path):
    url = f"sqlite:///{live}"
    good = tmp_path / "sao-luu.db"
    backup.backup_to_file(url, good, actor=OFFICE)
    engine = build_engine(url)
    people = {u: actor(engine, u) for u in WRITERS}
    targets = {u: assignment_of(engine, u.upper())[0] for u in WRITERS}
    acknowledged: list[tuple[float, str]] = []
    refused = {"stale": 0, "locked": 0}
    lock = threading.Lock()
    stop = threading.Event()
    errors: list[BaseException] = []

    def write(username: str) -> None:
        n = 0
        while not stop.is_set():
            n += 1
            marker = f"{MARK} {username} {n}"
            try:
                with session_scope(engine) as s:
                    version = s.get(Assignment, targets[username]).version
                    reporting.submit_report(
                        s,
                        actor=people[username],
                        assignment_id=targets[username],
                        expected_version=version,
                        data=ReportInput(
                            period="2022-Q4", status="in_progress", percent=50, result=marker
                        ),
                    )
            except StaleUpdate:
                with lock:
                    refused["stale"] += 1
                continue
            except OperationalError:  # "database is locked": not acknowledged, sent again
                with lock:
                    refused["locked"] += 1
                continue
            except BaseException as err:
                errors.append(err)
                return
            with lock:
                acknowledged.append((time.monotonic(), marker))

    def acknowledged_count() -> int:
        with lock:
            return len(acknowledged)

    threads = [threading.Thread(target=write, args=(u,)) for u in WRITERS]
    for th in threads:
        th.start()
    windows: list[tuple[float, float, Path]] = []
    try:
        for _ in range(RESTORES):
            floor = acknowledged_count() + 2 * len(WRITERS)
            while acknowledged_count() < floor and not errors:
                time.sleep(0.01)
            copy = tmp_path / "lan-nay.db"
            shutil.copyfile(good, copy)
            start = time.monotonic()
            result = backup.restore_from_file(url, copy, actor=OFFICE)
            windows.append((start, time.monotonic(), result.previous_copy))
        floor = acknowledged_count() + 2 * len(WRITERS)
        while acknowledged_count() < floor and not errors:
            time.sleep(0.01)
    finally:
        stop.set()
        for th in threads:
            th.join(timeout=120)
        engine.dispose()
    assert not errors, errors

    copies = [markers(previous) for _, _, previous in windows]
    final = markers(live)
    where = {}
    for at, marker in acknowledged:
        found = [k for k, kept in enumerate([*copies, final]) if marker in kept]
        assert len(found) == 1, f"{marker} acknowledged but found in {found} (lost if empty)"
        where[marker] = found[0]
        # outside a restore's window, the epoch is known exactly
        for k, (start, _end, _) in enumerate(windows):
            if (k == 0 or windows[k - 1][1] < at) and at < start:
                assert found == [k], (marker, found, k)
        if at > windows[-1][1]:
            assert found == [len(windows)], (marker, found)
    epochs = set(where.values())
    assert epochs == set(range(RESTORES + 1)), epochs  # writes landed around every restore
    print(
        f"\n{len(acknowledged)} acknowledged reports during {RESTORES} restores, none lost; "
        f"refused and sent again: {refused['stale']} stale, {refused['locked']} locked; "
        f"restores took {', '.join(f'{e - s:.2f}s' for s, e, _ in windows)}"
    )
