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
    """Sign in as the leader; (bcrypt checks, page runs, server CPU s) from the click until
    the server is quiet again, less what the idle server burns in that time (its pollers)."""
    page.goto(url)
    expect(page.get_by_label("Tên đăng nhập")).to_be_visible(timeout=60_000)
    page.get_by_label("Tên đăng nhập").fill("lanhdao")
    page.get_by_label("Mật khẩu").fill("laichau2021")
    before = _quiet(count_file, page)
    pid = before["pid"]
    idle_cpu, idle_from = _cpu_s(pid), time.monotonic()
    page.wait_for_timeout(3000)
    idle_rate = (_cpu_s(pid) - idle_cpu) / (time.monotonic() - idle_from)
    cpu_before, clicked = _cpu_s(pid), time.monotonic()
    page.get_by_role("button", name="Đăng nhập").click()
    expect(page.get_by_role("heading", name="Tổng quan")).to_be_visible(timeout=60_000)
    for _ in range(120):
        if AUTH_COOKIE in {c["name"] for c in page.context.cookies()}:
            break
        page.wait_for_timeout(250)
    after = _quiet(count_file, page)
    cpu = _cpu_s(pid) - cpu_before - idle_rate * (time.monotonic() - clicked)
    print(f"\n(idle server: {idle_rate:.3f} s CPU per second)")
    return after.get("checks", 0) - before.get("checks", 0), after["runs"] - before["runs"], cpu


def test_one_sign_in_is_one_password_check_and_few_runs(demo_sqlite_url, browser, tmp_path):
    count_file = tmp_path / "counts.json"
    with streamlit_server(
        demo_sqlite_url, tmp_path, script=SCRIPT, COUNT_FILE=str(count_file)
    ) as url:
        figures = []
        # One browser, as a person's: its cache keeps Streamlit's scripts after the first visit.
        # The first sign-in warms the server up (imports, caches); each next one starts from a
        # browser signed out.
        context = browser.new_context(viewport={"width": 1280, "height": 720})
        page = context.new_page()
        for _ in range(3):
            figures.append(_sign_in(page, url, count_file))
            page.get_by_role("button", name="Đăng xuất").click()
            expect(page.get_by_label("Tên đăng nhập")).to_be_visible(timeout=60_000)
            for _ in range(120):  # the cookie's deletion reported
                if AUTH_COOKIE not in {c["name"] for c in context.cookies()}:
                    break
                page.wait_for_timeout(250)
        context.close()
    for n, (checks, runs, cpu) in enumerate(figures):
        print(f"\nsign-in {n + 1}: {checks} bcrypt check(s), {runs} page run(s), {cpu:.2f} s CPU")
    for checks, runs, _ in figures:
        assert checks == 1
        assert runs <= 1, runs
