"""Issue 11, "keep what held": an import whose process is killed (kill -9) halfway through
saving leaves no partial directive, on SQLite and PostgreSQL; while it is half-written nobody
sees any of it, and the same import then succeeds.

(tests/services/test_import.py stops an import with an exception, which runs the rollback; here
the process is gone and only the database's own transaction can keep the promise.)
"""

import os
import signal
import subprocess
import sys
import time

from sqlalchemy import func, text
from sqlmodel import select

import seed_data
from models import Directive, Task, session_scope
from models.db import build_engine
from services.importing import importer
from tests.conftest import ROOT
from tests.services.test_import import OFFICE, add_bodies, counts

CHILD = """
import sys, time
sys.path.insert(0, {root!r})
from models import session_scope
from models.db import build_engine
from services.importing import importer
from services.core.actor import Actor

office = Actor(id=None, username="vanphong", role="secretariat")
engine = build_engine({url!r})


def pause_halfway(share):
    if share >= 0.5:
        with open({marker!r}, "w") as fh:  # sections, tasks and assignments are written
            fh.write(str(share))
        time.sleep(3600)  # until killed


with session_scope(engine) as s:
    parsed = importer.parse_pasted(s, open({source!r}, encoding="utf-8").read())
    importer.save(s, actor=office, parsed=parsed, on_progress=pause_halfway)
"""


def test_kill_9_in_the_middle_of_saving_leaves_no_partial_directive(db_url, tmp_path):
    engine = build_engine(db_url)
    add_bodies(engine)
    before = counts(engine)
    marker = tmp_path / "halfway"
    source = tmp_path / "chi-thi.txt"
    source.write_text(seed_data.load_directive_text(), encoding="utf-8")
    script = CHILD.format(root=str(ROOT), url=db_url, marker=str(marker), source=str(source))
    child = subprocess.Popen([sys.executable, "-c", script], stderr=subprocess.PIPE, text=True)
    try:
        while not marker.exists():
            assert child.poll() is None, child.stderr.read()
            time.sleep(0.05)
        assert float(marker.read_text()) < 1.0
        assert counts(engine) == before  # half-written: nobody sees any of it
        os.kill(child.pid, signal.SIGKILL)
        child.wait()
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
    assert child.returncode == -signal.SIGKILL
    engine.dispose()

    engine = build_engine(db_url)  # as the restarted server would
    assert counts(engine) == before
    if db_url.startswith("sqlite"):
        with session_scope(engine) as s:
            assert s.execute(text("PRAGMA integrity_check")).scalar_one() == "ok"
    with session_scope(engine) as s:  # the same import, again, in full
        parsed = importer.parse_pasted(s, seed_data.load_directive_text())
        result = importer.save(s, actor=OFFICE, parsed=parsed)
    with session_scope(engine) as s:
        assert s.exec(select(func.count()).select_from(Directive)).one() == 1
        assert result.tasks == 40
        assert s.exec(select(func.count()).select_from(Task)).one() == 40
    engine.dispose()
