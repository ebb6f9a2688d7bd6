"""What one sign-in costs the server, in Chromium on a warm server: one bcrypt check, the page
runs the sign-in needs (the click's run, and the cookie component's report that writes the
cookie), and the server's CPU seconds, printed (README › Benchmark)."""

import json
import os
import time
from pathlib import Path

from playwright.sync_api import Page, expect

from tests.conftest import ROOT
from tests.e2e.conftest import streamlit_server

SCRIPT = ROOT / "tests" / "e2e" / "counting_app.py"
AUTH_COOKIE = "cchc_laichau_auth"
TICKS = os.sysconf("SC_CLK_TCK")


def _counts(path: Path) -> dict:
    return json.loads(path.read_text()) if path.exists() else {}


def _cpu_s(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICKS  # utime + stime


def _quiet(path: Path, page: Page, still_s: float = 2.0) -> dict:
    """The counts once no run has started for `still_s` seconds."""
    last, since = _counts(path), time.monotonic()
    while time.monotonic() - since < still_s:
        page.wait_for_timeout(200)
        now = _counts(path)
        if now.get("runs") != last.get("runs"):
            last, since = now, time.monotonic()
    return last


def _sign_in(page: Page, url: str, count_file: Path) -> tuple[int, int, float]:
    """Sign in as the leader; (bcrypt checks, page runs, server CPU s) from the click on."""
    page.goto(url)
    expect(page.get_by_label("Tên đăng nhập")).to_be_visible(timeout=60_000)
    page.get_by_label("Tên đăng nhập").fill("lanhdao")
    page.get_by_label("Mật khẩu").fill("laichau2021")
    before = _quiet(count_file, page)
    cpu_before = _cpu_s(before["pid"])
    page.get_by_role("button", name="Đăng nhập").click()
    expect(page.get_by_role("heading", name="Tổng quan")).to_be_visible(timeout=60_000)
    for _ in range(120):
        if AUTH_COOKIE in {c["name"] for c in page.context.cookies()}:
            break
        page.wait_for_timeout(250)
    after = _quiet(count_file, page)
    return (
        after.get("checks", 0) - before.get("checks", 0),
        after["runs"] - before["runs"],
        _cpu_s(after["pid"]) - cpu_before,
    )


def test_one_sign_in_is_one_password_check_and_few_runs(demo_sqlite_url, browser, tmp_path):
    count_file = tmp_path / "counts.json"
    with streamlit_server(
        demo_sqlite_url, tmp_path, script=SCRIPT, COUNT_FILE=str(count_file)
    ) as url:
        figures = []
        for _ in range(3):  # the first warms the server up (imports, caches)
            context = browser.new_context(viewport={"width": 1280, "height": 720})
            figures.append(_sign_in(context.new_page(), url, count_file))
            context.close()
    for n, (checks, runs, cpu) in enumerate(figures):
        print(f"\nsign-in {n + 1}: {checks} bcrypt check(s), {runs} page run(s), {cpu:.2f} s CPU")
    for checks, runs, _ in figures:
        assert checks == 1
        assert runs <= 1, runs
