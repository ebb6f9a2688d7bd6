"""manage.py as an operator uses it: real processes, real databases."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
KEYS = [
    "directives",
    "sections",
    "tasks",
    "organizations",
    "assignments",
    "lead_assignments",
    "targets",
    "users",
    "reports",
    "measurements",
]


def manage(
    url: str, *args: str, stdin: str | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess:
    env = {**os.environ, "DATABASE_URL": url, "PYTHONPATH": str(ROOT), **(env or {})}
    return subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), *args],
        env=env,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=300,
        cwd=ROOT,
    )


def stats(url: str) -> dict:
    out = manage(url, "stats", "--json")
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout)


def test_init_seed_stats(db_url):
    # db_url is already migrated; init-db again must be a no-op
    assert manage(db_url, "init-db").returncode == 0
    assert manage(db_url, "seed").returncode == 0
    first = stats(db_url)
    assert all(isinstance(first[k], int) for k in KEYS)
    assert (first["sections"], first["tasks"], first["lead_assignments"], first["users"]) == (
        8,
        40,
        391,
        0,
    )
    assert first["organizations"] >= 29 and first["targets"] >= 12
    again = manage(db_url, "seed")
    assert "không thêm gì" in again.stdout
    assert stats(db_url) == first


def test_seed_demo_prints_the_demo_password(db_url):
    out = manage(db_url, "seed", "--demo")
    assert out.returncode == 0 and "laichau2021" in out.stdout and "DÙNG THỬ" in out.stdout
    assert stats(db_url)["users"] == 32


def test_create_user_and_its_refusals(db_url):
    manage(db_url, "seed")
    ok = manage(
        db_url,
        "create-user",
        "canbo1",
        "--role",
        "body",
        "--org",
        "STP",
        "--password",
        "mot-mat-khau",
    )
    assert ok.returncode == 0, ok.stderr
    before = stats(db_url)
    for args, words in [
        (["canbo1", "--role", "viewer", "--password", "mot-mat-khau"], "đã có người dùng"),
        (["canbo2", "--role", "body", "--org", "XYZ", "--password", "mot-mat-khau"], "“XYZ”"),
        (["canbo3", "--role", "chief", "--password", "mot-mat-khau"], "Vai trò"),
        (["canbo4", "--role", "viewer", "--password", "ngan"], "ít nhất 8 ký tự"),
    ]:
        out = manage(db_url, "create-user", *args)
        assert out.returncode == 2 and words in out.stderr, (args, out.stderr)
        assert "Traceback" not in out.stderr
    assert stats(db_url) == before


@pytest.mark.parametrize(
    "url",
    [
        "postgresql://nobody@127.0.0.1:1/none",
        "sqlite:////nonexistent-dir/forbidden/x.db",
    ],
)
def test_unreachable_database_is_one_clear_line(url):
    if url.startswith("sqlite") and os.geteuid() == 0:
        url = "sqlite:////proc/cchc/x.db"  # root can create any directory, but not in /proc
    out = manage(url, "stats", "--json")
    assert out.returncode == 1
    lines = [line for line in out.stderr.strip().splitlines() if line]
    assert len(lines) == 1 and "Không kết nối được cơ sở dữ liệu" in lines[0], out.stderr
