"""manage.py bench --browser N: N Chromium sessions at once against real servers (`streamlit
run`, as deployed: no file watching), on a fresh demo installation (SQLite, or a new schema of
the PostgreSQL in DATABASE_URL).

Phases, each with the N sessions at the same moment: a blank Streamlit page (a server of its
own running benchmarks/blank_browser_page.py), the sign-in form, signing in as the leader (from
the click until the overview is on screen and the cookie written), opening the overview again
(a new page, signed in by the cookie), N bodies each sending a report, and the leaders opening
the page of the body that reported (its reports on screen). For each: server CPU seconds per
session (read from /proc, the server's idle CPU subtracted) and seconds to the rendered page
(p50, p95); then each server's peak RSS.

Then `cross_process_freshness_s`: a second app process on the same database (on SQLite the same
file; its change feed polls PRAGMA data_version, on PostgreSQL LISTEN/NOTIFY), a leader's
overview open on it, one more body sending a report with a proposal through the first process:
how long after the write a run of the leader's page (Streamlit's "r") first shows the count of
proposals waiting one higher, as tests/deploy/test_nginx.py measures it through nginx. Before
it, today's quarter becomes the current period (as an office moves it on, and as that test
does): the demo's current quarter, 2022-Q4, is read as it stood on its last day, 31/12/2022, so
no report sent today can move its overview, in either process.
Chromium: Debian's (CHROMIUM).
"""

import asyncio
import json
import os
import re
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
from models import Organization, Role, User
from models.db import build_engine, session_scope
from services.admin.periods import set_current_period
from services.core import clock, periods
from services.core.actor import SYSTEM

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
BLANK = ROOT / "benchmarks" / "blank_browser_page.py"
# BENCH_PROFILE=out.pstats: the app served by benchmarks/profiled_app.py, its runs during the
# sign-in phase profiled into that file (python -m pstats out.pstats)
PROFILE = Path(os.environ["BENCH_PROFILE"]).resolve() if os.environ.get("BENCH_PROFILE") else None
TICKS = os.sysconf("SC_CLK_TCK")
# the demo's Sở Tư pháp: its first report form, for today's quarter once it is current, with a
# proposal moves the overview's "proposals waiting" (as in tests/deploy/test_nginx.py)
FRESHNESS_BODY = "stp"
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
def _server(script: Path, db_url: str, log: Path, **extra: str) -> Iterator[tuple[str, int]]:
    port = _free_port()
    env = {
        **os.environ,
        **extra,
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


def _body_page(codes: dict[int, str]) -> Callable[[Page, str], Awaitable[None]]:
    """Each leader's page opens the page of one body that reported, to its last section."""

    async def open_it(page: Page, url: str) -> None:
        await page.goto(f"{url}/don-vi?org={codes[id(page)]}")
        await page.get_by_role("heading", name="Báo cáo gần đây").wait_for(timeout=120_000)

    return open_it


async def _proposals_waiting(page: Page) -> str:
    tile = page.locator("[data-testid='stMetric']", has_text="Kiến nghị chờ chỉ đạo")
    return await tile.locator("[data-testid='stMetricValue']").inner_text()


async def _freshness(
    browser: Browser, writer_url: str, reader_url: str, username: str
) -> tuple[float, float] | str:
    """A write through one process, a leader's overview on the other: seconds from the write
    (the writer's page saying it is saved) to the start of the first run of the leader's page
    that shows it, and to the new count on the leader's screen; or, when no run in 15 s showed
    it, what both processes' overviews showed."""
    body = await (await browser.new_context()).new_page()
    await _body_signed_in(body, writer_url, username)
    form = body.locator("[data-testid='stMain'] [data-testid='stForm']").first
    # the quarter the report is for (the form's first choice), and the leader's overview on it
    chosen = await form.locator("[data-testid='stSelectbox']").first.evaluate(
        "e => e.textContent + ' ' + [...e.querySelectorAll('input')].map(i => i.value).join(' ')"
    )
    found = re.search(r"\d{4}(-Q[1-4]|-H[12])?", chosen)
    if found is None:
        raise RuntimeError(f"no period in the report form's first choice: {chosen!r}")
    period = found.group(0)
    leader = await (await browser.new_context()).new_page()
    await _sign_in_form(leader, reader_url)
    await _sign_in(leader, reader_url)
    await leader.goto(f"{reader_url}/tong-quan?period={period}")
    tile = leader.locator("[data-testid='stMetric']", has_text="Kiến nghị chờ chỉ đạo")
    await tile.wait_for(timeout=120_000)
    before = int(await _proposals_waiting(leader))
    await form.get_by_role("textbox", name="Kết quả thực hiện").fill("Đã thực hiện (đo tải)")
    await form.get_by_role("textbox", name="Kiến nghị, đề xuất").fill("Đề nghị (đo tải)")
    await form.get_by_role("button", name="Gửi báo cáo").click()
    await body.get_by_text("Đã ghi báo cáo nhiệm vụ").wait_for(timeout=120_000)
    written = time.monotonic()
    while time.monotonic() - written < 15:
        asked = time.monotonic()
        # the page run again: Streamlit's key "r" (the same session), and after 3 s of that a
        # new page view (as a reload: a new session, signed in by the cookie)
        if asked - written < 3:
            await leader.locator("body").press("r")
        else:
            await leader.goto(f"{reader_url}/tong-quan?period={period}")
        while time.monotonic() - asked < 2:
            if await tile.count() and int(await _proposals_waiting(leader)) > before:
                shown = time.monotonic() - written
                await leader.context.close()
                await body.context.close()
                return round(asked - written, 3), round(shown, 3)
            await leader.wait_for_timeout(20)
    await leader.goto(f"{writer_url}/tong-quan?period={period}")
    await tile.wait_for(timeout=120_000)
    return (
        "not seen in 15 s: proposals waiting in the other process"
        f" {before} before the write, {await _proposals_waiting(leader)} in the writer's"
        f" (quarter {period})"
    )


def _today_current(db_url: str) -> str:
    """Today's quarter made the current period, through the service an administrator uses: a
    commit both servers hear through their change feed, as they would the office's."""
    engine = build_engine(db_url)
    try:
        with session_scope(engine) as s:
            code = set_current_period(s, actor=SYSTEM, code=periods.quarter_of(clock.today())).code
    finally:
        engine.dispose()
    return code


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
    db_url: str,
    n: int,
    app: tuple[str, int],
    other: tuple[str, int],
    blank: tuple[str, int],
    bodies_: list[tuple[str, str]],
    say: Say,
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
        switch = PROFILE.with_name(PROFILE.name + ".on") if PROFILE else None
        if switch:
            for old in (PROFILE, PROFILE.with_suffix(".main")):
                old.unlink(missing_ok=True)
            switch.touch()
        sign_in = await _phase(pages, app[0], app[1], _sign_in)
        if switch:
            switch.unlink()
            await asyncio.sleep(1)  # the server's event loop stops its profile
            say(f"the sign-in phase profiled in {PROFILE} and {PROFILE.with_suffix('.main')}")
        say(f"{n} session(s): the overview")
        overview = await _phase(pages, app[0], app[1], _overview)
        say(f"{n} session(s): bodies sign in, then each sends a report")
        bodies = [await (await browser.new_context()).new_page() for _ in range(n)]
        pairs = zip(bodies, bodies_[:n], strict=True)
        await asyncio.gather(*(_body_signed_in(tab, app[0], who) for tab, (who, _) in pairs))
        report = await _phase(bodies, app[0], app[1], _report)
        say(f"{n} session(s): the page of the body that reported")
        codes = {id(page): code for page, (_, code) in zip(pages, bodies_, strict=False)}
        body_page = await _phase(pages, app[0], app[1], _body_page(codes))
        current = _today_current(db_url)
        say(f"{current} current: a report through one process, the overview on the other")
        await asyncio.sleep(2)  # both servers have heard of it (the feed: within about 1 s)
        fresh = await _freshness(browser, app[0], other[0], FRESHNESS_BODY)
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
        "browser_body_cpu_s": body_page["cpu_s"],
        "browser_body_p50_s": body_page["p50_s"],
        "browser_body_p95_s": body_page["p95_s"],
        **(
            {"cross_process_freshness_s": fresh[0], "cross_process_on_screen_s": fresh[1]}
            if isinstance(fresh, tuple)
            else {"cross_process_freshness_s": None, "cross_process_freshness_missing": fresh}
        ),
        "peak_rss_mb_app": round(_peak_rss_mb(app[1])),
        "peak_rss_mb_app_other": round(_peak_rss_mb(other[1])),
    }


def run(n: int, *, json_path: Path | None = None, say: Say = print) -> dict:
    url, cleanup = fresh_database(get_settings().database_url)
    try:
        _migrate(url)
        engine = build_engine(url)
        with session_scope(engine) as s:
            scale.build(s, 1, actor=SYSTEM, password=PASSWORD)
        with session_scope(engine) as s:  # N body accounts, one per session; FRESHNESS_BODY
            body_users = [
                (username, code)
                for username, code in s.exec(
                    select(User.username, Organization.code)
                    .join(Organization, col(Organization.id) == col(User.organization_id))
                    .where(User.role == Role.BODY, col(User.active))
                    .where(User.username != FRESHNESS_BODY)
                    .order_by(User.username)
                    .limit(n)
                )
            ]
        engine.dispose()
        if len(body_users) < n:
            raise ValueError(f"the demo has {len(body_users)} body accounts, fewer than {n}")
        logs = Path(tempfile.mkdtemp(prefix="cchc-bench-browser-"))
        with (
            _server(
                ROOT / "benchmarks" / "profiled_app.py" if PROFILE else ROOT / "app.py",
                url,
                logs / "app.log",
                **({"PROFILE_FILE": str(PROFILE)} if PROFILE else {}),
            ) as app,
            _server(ROOT / "app.py", url, logs / "app-other.log") as other,
            _server(BLANK, url, logs / "blank.log") as blank,
        ):
            result = asyncio.run(_measure(url, n, app, other, blank, body_users, say))
    finally:
        cleanup()
    for key, value in result.items():
        say(f"{key:26} {value}")
    if json_path is not None:
        json_path.parent.mkdir(parents=True, exist_ok=True)
        json_path.write_text(json.dumps(result, indent=2), encoding="utf-8")
    return result
