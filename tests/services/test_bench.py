"""`manage.py bench --scale 1` keeps working (SQLite and PostgreSQL). It is not a timed test:
it checks the JSON's shape and the counts that must hold whatever the machine's speed."""

import json
import os
import subprocess
import sys

import pytest

from benchmarks.run import KEYS
from tests.conftest import IN_CI, PG_URL, ROOT, TEST_COOKIE_SECRET


def _postgres_ok() -> bool:
    from sqlalchemy import create_engine, text

    from models.db import normalise_url

    try:
        with create_engine(normalise_url(PG_URL)).connect() as conn:
            conn.execute(text("SELECT 1"))
        return True
    except Exception:
        return False


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_bench_scale_1_runs_and_loses_nothing(backend, tmp_path):
    if backend == "postgresql" and not _postgres_ok():
        if IN_CI:
            pytest.fail(f"PostgreSQL at {PG_URL} is not reachable")
        pytest.skip("PostgreSQL is not reachable")
    base = f"sqlite:///{tmp_path / 'unused.db'}" if backend == "sqlite" else PG_URL
    out = tmp_path / "bench.json"
    env = {
        **os.environ,
        "DATABASE_URL": base,
        "COOKIE_SECRET": TEST_COOKIE_SECRET,
        "PYTHONPATH": str(ROOT),
    }
    done = subprocess.run(
        [
            sys.executable,
            str(ROOT / "manage.py"),
            "bench",
            "--scale",
            "1",
            "--seconds",
            "1",
            "--writes",
            "20",
            "--json",
            str(out),
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
        cwd=ROOT,
    )
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    result = json.loads(out.read_text(encoding="utf-8"))
    assert set(result) >= set(KEYS)  # every figure the table prints
    assert result["scale"] == 1 and result["backend"] == backend
    assert (result["directives"], result["assignments"]) == (1, 398)
    assert result["lost_writes"] == 0 and result["audit_mismatch"] == 0
    assert result["notices_created"] > 0 and result["notices_created_again"] == 0
    # after each write the overview was rebuilt in the background, never by the viewer
    assert result["overview_built_by_viewer_after_write"] == 0
    assert result["concurrent_errors"] == 0 and result["concurrent_accepted"] > 0
    assert all(v > 0 for k, v in result.items() if k.endswith("_s") and k != "build_s")
