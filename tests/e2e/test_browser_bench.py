"""`manage.py bench --browser 1` keeps working (make test runs it; the figures at N = 1 and
N = 8 are in the README). It starts its own servers and its own Chromium."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import CHROMIUM, IN_CI, ROOT, TEST_COOKIE_SECRET

KEYS = (
    "browser_blank_cpu_s",
    "sign_in_form_cpu_s",
    "sign_in_cpu_s",
    "browser_overview_cpu_s",
    "browser_overview_p50_s",
    "browser_overview_p95_s",
    "browser_report_cpu_s",
    "browser_body_cpu_s",
    "browser_body_p50_s",
)


def test_the_browser_benchmark_runs_at_one_session(tmp_path: Path):
    if not Path(CHROMIUM).exists():
        if IN_CI:
            pytest.fail(f"Chromium not found at {CHROMIUM}")
        pytest.skip(f"Chromium not found at {CHROMIUM}")
    out = tmp_path / "bench-browser-1.json"
    done = subprocess.run(
        [sys.executable, "manage.py", "bench", "--browser", "1", "--json", str(out)],
        cwd=ROOT,
        env={
            **os.environ,
            "COOKIE_SECRET": TEST_COOKIE_SECRET,
            "DATABASE_URL": f"sqlite:///{tmp_path / 'base.db'}",
        },
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    result = json.loads(out.read_text())
    print(json.dumps(result, indent=1))
    assert result["browser_sessions"] == 1
    for key in KEYS:
        assert result[key] > 0, result  # every phase measured something
    assert result["sign_in_cpu_s"] > result["browser_blank_cpu_s"], result  # bcrypt at least
    assert result["peak_rss_mb_app"] > 50
    assert result["peak_rss_mb_app_other"] > 50  # the second process, on the same database
    # a report through one process reaches the overview open on the other (how soon, <= 1 s as
    # a target, is for the README: a loaded machine's wall clock is no test)
    assert result["cross_process_freshness_s"] is not None, result
    assert 0 <= result["cross_process_freshness_s"] <= result["cross_process_on_screen_s"]
