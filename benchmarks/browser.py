"""manage.py bench --browser N: N Chromium sessions at once against real servers (`streamlit
run`, as deployed: no file watching), on a fresh demo installation (SQLite, or a new schema of
the PostgreSQL in DATABASE_URL).

Phases, each with the N sessions at the same moment: a blank Streamlit page (a server of its
own running benchmarks/blank_browser_page.py), the sign-in form, signing in as the leader (from
the click until the overview is on screen and the cookie written), opening the overview again
(a new page, signed in by the cookie), and N bodies each sending a report. For each: server
CPU seconds per session (read from /proc, the server's idle CPU subtracted) and seconds to the
rendered page (p50, p95); then each server's peak RSS. Chromium: Debian's (CHROMIUM).
"""

import asyncio
import json
import os
import secrets
import socket
import statistics
import subprocess  # nosec B404  # starts our own app servers for the benchmark
import sys
import tempfile
import time
import urllib.request
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from playwright.async_api import Browser, Page, async_playwright
from sqlmodel import col, select

from benchmarks import scale
from benchmarks.run import PASSWORD, Say, _migrate, fresh_database
from config import ROOT, get_settings
from models import Role, User
from models.db import build_engine, session_scope
from services.core.actor import SYSTEM

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
BLANK = ROOT / "benchmarks" / "blank_browser_page.py"
TICKS = os.sysconf("SC_CLK_TCK")
AUTH_COOKIE = get_settings().cookie_name


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _cpu_s(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICKS


def _peak_rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


@contextmanager
def _server(script: Path, db_url: str, log: Path) -> Iterator[tuple[str, int]]:
    port = _free_port()
    env = {
        **os.environ,
        "DATABASE_URL": db_url,
        "COOKIE_SECRET": os.environ.get("COOKIE_SECRET") or secrets.token_urlsafe(48),
        # Every session comes from this machine's address and signs in as the same leader:
        # the sign-in throttle counts an attempt until it succeeds, and would make more than
        # three at once wait (as it should for a stranger's flood).
        "SIGN_IN_ADDRESS_FREE": "1000",
        "SIGN_IN_ACCOUNT_FREE": "1000",
    }
    with log.open("w") as out:
        proc = subprocess.Popen(  # nosec B603  # a fixed argument list, no shell
            [
                *(sys.executable, "-m", "streamlit", "run", str(script)),
                *("--server.address", "127.0.0.1", "--server.port", str(port)),
                *("--server.headless", "true", "--server.fileWatcherType", "none"),
            ],
            cwd=ROOT,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(240):
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=1):  # nosec B310  # our own http://127.0.0.1 server
                    break
            except OSError:
                time.sleep(0.5)
        else:
            raise RuntimeError(f"{script.name} did not start: {log.read_text()[-2000:]}")
        yield url, proc.pid
    finally:
        proc.terminate()
        proc.wait(timeout=30)


async def _sign_in_form(page: Page, url: str) -> None:
    await page.goto(url)
    await page.get_by_label("Tên đăng nhập").wait_for(timeout=120_000)


async def _sign_in(page: Page, url: str) -> None:
    """From the form on screen: the name, the password, one click, until the overview is on
    screen and the browser holds the sign-in cookie."""
    await page.get_by_label("Tên đăng nhập").fill("lanhdao")
    await page.get_by_label("Mật khẩu").fill(PASSWORD)
    await page.get_by_role("button", name="Đăng nhập").click()
    await page.get_by_role("heading", name="Tổng quan").wait_for(timeout=120_000)
    for _ in range(1200):
        if AUTH_COOKIE in {c["name"] for c in await page.context.cookies()}:
            return
        await page.wait_for_timeout(50)
    raise RuntimeError("the sign-in cookie was never written")


async def _visit(page: Page, url: str) -> None:
    await _sign_in_form(page, url)
    await _sign_in(page, url)
    await page.get_by_role("button", name="Đăng xuất").click()
    await page.get_by_label("Tên đăng nhập").wait_for(timeout=120_000)
    for _ in range(1200):
        if AUTH_COOKIE not in {c["name"] for c in await page.context.cookies()}:
            return
        await page.wait_for_timeout(50)


async def _body_signed_in(page: Page, url: str, username: str) -> None:
    await _sign_in_form(page, url)
    await page.get_by_label("Tên đăng nhập").fill(username)
    await page.get_by_label("Mật khẩu").fill(PASSWORD)
    await page.get_by_role("button", name="Đăng nhập").click()
    await page.get_by_role("heading", name="Nhiệm vụ của đơn vị").wait_for(timeout=120_000)


async def _report(page: Page, url: str) -> None:
    """The body's first report form: a result, one click, until the page says it is saved."""
    form = page.locator("[data-testid='stMain'] [data-testid='stForm']").first
    await form.get_by_role("textbox", name="Kết quả thực hiện").fill("Đã thực hiện (đo tải)")
    await form.get_by_role("button", name="Gửi báo cáo").click()
    await page.get_by_text("Đã ghi báo cáo nhiệm vụ").wait_for(timeout=120_000)


async def _overview(page: Page, url: str) -> None:
    await page.goto(f"{url}/tong-quan")
    await page.locator("[data-testid='stMetric']").first.wait_for(timeout=120_000)


async def _blank(page: Page, url: str) -> None:
    await page.goto(url)
    await page.get_by_role("heading", name="Trang trống").wait_for(timeout=120_000)


_IDLE: dict[int, float] = {}


async def _idle_rate(pid: int) -> float:
    """The idle server's own CPU per second (its pollers), measured once, 3 s after the warm-up:
    measured before each phase it would also count what the last phase left running."""
    if pid not in _IDLE:
        await asyncio.sleep(2)
        idle_from, idle_cpu = time.monotonic(), _cpu_s(pid)
        await asyncio.sleep(3)
        _IDLE[pid] = (_cpu_s(pid) - idle_cpu) / (time.monotonic() - idle_from)
    return _IDLE[pid]


async def _phase(
    pages: list[Page], url: str, pid: int, action: Callable[[Page, str], Awaitable[None]]
) -> dict:
    """Every page does `action` at once: CPU s per session, p50/p95 s to the rendered page."""
    idle_rate = await _idle_rate(pid)

    async def timed(page: Page) -> float:
        start = time.monotonic()
        await action(page, url)
        return time.monotonic() - start

    await asyncio.sleep(2)  # what the last phase left running ends
    start, cpu = time.monotonic(), _cpu_s(pid)
    seconds = sorted(await asyncio.gather(*(timed(p) for p in pages)))
    await asyncio.sleep(1.5)  # what the server still does for these pages (reruns, reports)
    used = _cpu_s(pid) - cpu - idle_rate * (time.monotonic() - start)
    return {
        "cpu_s": round(max(used, 0.0) / len(pages), 3),
        "p50_s": round(statistics.median(seconds), 3),
        "p95_s": round(seconds[min(len(seconds) - 1, int(0.95 * len(seconds)))], 3),
    }


async def _measure(
    n: int, app: tuple[str, int], blank: tuple[str, int], body_users: list[str], say: Say
) -> dict:
    async with async_playwright() as p:
        browser: Browser = await p.chromium.launch(
            executable_path=CHROMIUM, args=["--headless", "--no-sandbox", "--disable-gpu"]
        )
        warm = await (await browser.new_context()).new_page()  # imports and caches, once
        await _sign_in_form(warm, app[0])
        await _sign_in(warm, app[0])
        await _blank(warm, blank[0])
        await warm.context.close()
        contexts = [await browser.new_context() for _ in range(n)]
        pages = [await c.new_page() for c in contexts]
        say(f"{n} session(s): each browser visits once and signs out (its cache, as a person's)")
        await asyncio.gather(*(_visit(page, app[0]) for page in pages))
        say(f"{n} session(s): a blank page")
        blank_phase = await _phase(pages, blank[0], blank[1], _blank)
        say(f"{n} session(s): the sign-in form")
        form = await _phase(pages, app[0], app[1], _sign_in_form)
        say(f"{n} session(s): signing in")
        sign_in = await _phase(pages, app[0], app[1], _sign_in)
        say(f"{n} session(s): the overview")
        overview = await _phase(pages, app[0], app[1], _overview)
        say(f"{n} session(s): bodies sign in, then each sends a report")
        bodies = [await (await browser.new_context()).new_page() for _ in range(n)]
        pairs = zip(bodies, body_users, strict=True)
        await asyncio.gather(*(_body_signed_in(tab, app[0], who) for tab, who in pairs))
        report = await _phase(bodies, app[0], app[1], _report)
        await browser.close()
    return {
        "browser_sessions": n,
        "browser_blank_cpu_s": blank_phase["cpu_s"],
        "browser_blank_p50_s": blank_phase["p50_s"],
        "browser_blank_p95_s": blank_phase["p95_s"],
        "sign_in_form_cpu_s": form["cpu_s"],
        "sign_in_cpu_s": sign_in["cpu_s"],
        "sign_in_p50_s": sign_in["p50_s"],
        "sign_in_p95_s": sign_in["p95_s"],
        "browser_overview_cpu_s": overview["cpu_s"],
        "browser_overview_p50_s": overview["p50_s"],
        "browser_overview_p95_s": overview["p95_s"],
        "browser_overview_ratio": round(overview["cpu_s"] / blank_phase["cpu_s"], 2)
        if blank_phase["cpu_s"]
        else None,
        "browser_report_cpu_s": report["cpu_s"],
        "browser_report_p50_s": report["p50_s"],
        "browser_report_p95_s": report["p95_s"],
        "peak_rss_mb_app": round(_peak_rss_mb(app[1])),
    }


def run(n: int, *, json_path: Path | None = None, say: Say = print) -> dict:
    url, cleanup = fresh_database(get_settings().database_url)
    try:
        _migrate(url)
        engine = build_engine(url)
        with session_scope(engine) as s:
            scale.build(s, 1, actor=SYSTEM, password=PASSWORD)
        with session_scope(engine) as s:  # N body accounts, one per session
            body_users = list(
                s.exec(
                    select(User.username)
                    .where(User.role == Role.BODY, col(User.active))
                    .order_by(User.username)
                    .limit(n)
                )
            )
        engine.dispose()
        if len(body_users) < n:
            raise ValueError(f"the demo has {len(body_users)} body accounts, fewer than {n}")
        logs = Path(tempfile.mkdtemp(prefix="cchc-bench-browser-"))
        with (
            _server(ROOT / "app.py", url, logs / "app.log") as app,
            _server(BLANK, url, logs / "blank.log") as blank,
        ):
            result = asyncio.run(_measure(n, app, blank, body_users, say))
    finally:
        cleanup()
    for key, value in result.items():
        say(f"{key:26} {value}")
    if json_path is not None:
        json_path.parent.mkdir(parents=True, exist_ok=True)
        json_path.write_text(json.dumps(result, indent=2), encoding="utf-8")
    return result
