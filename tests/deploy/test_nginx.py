"""As deployed: Debian's nginx with the site `manage.py nginx-site` renders from deploy/, over
https (a self-signed certificate made here with openssl), in front of two app processes on a
fresh PostgreSQL schema, driven by Chromium.

nginx runs unprivileged (as the test's user, or as `nobody` when the tests run as root) with
its own prefix, pid, logs and temp folders. Nothing is installed here: without nginx the test
is skipped on a developer's machine and fails in CI (`make browser` installs it there)."""

import os
import pwd
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from config import Settings
from models import session_scope
from models.db import build_engine
from tests.conftest import IN_CI, ROOT, TEST_COOKIE_SECRET, _postgres_schema_url, migrate, serving
from tests.e2e.conftest import _free_port

NGINX = os.environ.get("NGINX", shutil.which("nginx") or "/usr/sbin/nginx")
PASSWORD = "laichau2021"
PROPOSAL = "Đề nghị bổ sung biên chế (qua nginx)"
NODE_COOKIE = "cchc_node"
AUTH_COOKIE = "cchc_laichau_auth"
# A name of its own (Chromium resolves *.localhost to this machine), not 127.0.0.1 or localhost,
# which Streamlit accepts as a websocket's Origin whatever Host nginx passes on.
HOST = "cchc.localhost"
IMPORT_MAX_MB = Settings.model_fields["import_max_mb"].default  # the site adds 1 MB for the form


@pytest.fixture(scope="module")
def nginx_bin() -> str:
    if not Path(NGINX).exists():
        message = f"nginx not found at {NGINX} (make browser installs it)"
        if IN_CI:
            pytest.fail(message)
        pytest.skip(message)
    return NGINX


@pytest.fixture(scope="module")
def pg_demo() -> Iterator[str]:
    """A fresh PostgreSQL schema holding the demo."""
    from services.admin.periods import set_current_period
    from services.core import clock, periods
    from services.core.actor import SYSTEM
    from services.install import demo

    for url in _postgres_schema_url():
        migrate(url)
        engine = build_engine(url)
        with session_scope(engine) as s:
            demo.seed_demo(s, actor=SYSTEM, password=PASSWORD)
        with session_scope(engine) as s:  # today's quarter: a report made now counts today
            set_current_period(s, actor=SYSTEM, code=periods.quarter_of(clock.today()))
        engine.dispose()
        yield url


def _wait_port(port: int, timeout_s: float = 20) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)
    pytest.fail(f"nothing listens on {port}")


@contextmanager
def _app_process(db_url: str, port: int, log: Path, https_port: int) -> Iterator[subprocess.Popen]:
    """One app process as the systemd unit starts it (`streamlit run app.py` in the project's
    folder, so with its .streamlit/config.toml), behind the site at https://HOST:https_port."""
    env = {
        **os.environ,
        "DATABASE_URL": db_url,
        "COOKIE_SECRET": TEST_COOKIE_SECRET,
        "TRUSTED_PROXIES": "127.0.0.1",
        "APP_BASE_URL": f"https://{HOST}:{https_port}",
    }
    with log.open("w") as out:
        proc = subprocess.Popen(
            [
                *(sys.executable, "-m", "streamlit", "run", "app.py"),
                *("--server.address", "127.0.0.1", "--server.port", str(port)),
                *("--server.headless", "true"),
            ],
            cwd=ROOT,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    with serving(proc, f"http://127.0.0.1:{port}/_stcore/health", log, tries=240):
        yield proc


class Site:
    def __init__(self, base: str, prefix: Path, apps: dict[int, subprocess.Popen]) -> None:
        self.base, self.prefix, self.apps = base, prefix, apps

    def log(self) -> str:
        return (self.prefix / "logs" / "cchc.access.log").read_text(encoding="utf-8")

    def upstreams_of(self, node: str) -> set[str]:
        """The app processes that answered the requests of the browser holding `node`."""
        return set(re.findall(rf"up=(\S+) node={node}\b", self.log())) - {"-"}

    def websocket_upgraded(self, node: str) -> bool:
        return bool(re.search(rf'"GET /_stcore/stream HTTP/1.1" 101 .* node={node}\b', self.log()))


@pytest.fixture(scope="module")
def site(nginx_bin: str, pg_demo: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    # Outside pytest's private temp folder, so that `nobody` can reach it when we are root.
    prefix = Path(tempfile.mkdtemp(prefix="cchc-nginx-"))
    run_as: dict = {}
    for sub in ("logs", "tmp", "tls"):
        (prefix / sub).mkdir()
    subprocess.run(
        [
            *("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2"),
            *("-subj", f"/CN={HOST}", "-addext", f"subjectAltName=DNS:{HOST}"),
            *("-keyout", str(prefix / "tls" / "cchc.key")),
            *("-out", str(prefix / "tls" / "cchc.crt")),
        ],
        check=True,
        capture_output=True,
    )
    http_port, https_port = _free_port(), _free_port()
    logs = tmp_path_factory.mktemp("deploy_apps")
    with ExitStack() as stack:
        apps = {}
        for n in (1, 2):
            port = _free_port()
            apps[port] = stack.enter_context(
                _app_process(pg_demo, port, logs / f"app{n}.log", https_port)
            )
        app_ports = list(apps)
        subprocess.run(
            [
                *(sys.executable, str(ROOT / "manage.py"), "nginx-site"),
                *("--server-name", HOST, "--ports", ",".join(map(str, app_ports))),
                *("--cert", str(prefix / "tls" / "cchc.crt")),
                *("--key", str(prefix / "tls" / "cchc.key")),
                *("--http-port", str(http_port), "--https-port", str(https_port)),
                *("--log-dir", str(prefix / "logs"), "--out", str(prefix / "cchc.conf")),
            ],
            check=True,
            cwd=ROOT,
        )
        temp = prefix / "tmp"
        (prefix / "nginx.conf").write_text(
            f"""daemon off;
worker_processes 1;
pid {prefix}/nginx.pid;
error_log {prefix}/logs/error.log;
events {{ worker_connections 256; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    client_body_temp_path {temp}/body;
    proxy_temp_path {temp}/proxy;
    fastcgi_temp_path {temp}/fastcgi;
    uwsgi_temp_path {temp}/uwsgi;
    scgi_temp_path {temp}/scgi;
    access_log {prefix}/logs/access.log;
    include {prefix}/cchc.conf;
}}
""",
            encoding="utf-8",
        )
        if os.geteuid() == 0:  # never nginx as root: as nobody, who owns the prefix
            nobody = pwd.getpwnam("nobody")
            for path in [prefix, *prefix.rglob("*")]:
                os.chown(path, nobody.pw_uid, nobody.pw_gid)
            run_as = {"user": nobody.pw_uid, "group": nobody.pw_gid, "extra_groups": []}
        command = [nginx_bin, "-p", str(prefix), "-c", str(prefix / "nginx.conf")]
        checked = subprocess.run(
            [*command, "-t"], capture_output=True, text=True, check=False, **run_as
        )
        assert checked.returncode == 0, checked.stderr
        proc = subprocess.Popen(command, stderr=subprocess.STDOUT, **run_as)
        try:
            _wait_port(https_port)
            yield Site(f"https://{HOST}:{https_port}", prefix, apps)
        finally:
            proc.terminate()
            proc.wait(timeout=20)
            print((prefix / "logs" / "error.log").read_text(encoding="utf-8")[-3000:])
            shutil.rmtree(prefix, ignore_errors=True)


def _new_context(browser) -> BrowserContext:
    return browser.new_context(ignore_https_errors=True, viewport={"width": 1600, "height": 1000})


def _watch_csp(page: Page) -> list[str]:
    """Every Content-Security-Policy violation the page (or a frame of it) reports."""
    violations: list[str] = []
    page.on(
        "console",
        lambda msg: (
            violations.append(msg.text)
            if "Content Security Policy" in msg.text or "Content-Security-Policy" in msg.text
            else None
        ),
    )
    return violations


def _node(context: BrowserContext) -> str:
    nodes = [c["value"] for c in context.cookies() if c["name"] == NODE_COOKIE]
    assert len(nodes) == 1, context.cookies()
    return nodes[0]


def _sign_in(page: Page, base: str, username: str) -> None:
    page.goto(base)
    page.get_by_label("Tên đăng nhập").fill(username)
    page.get_by_label("Mật khẩu").fill(PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()


def _signed_in_cookie(page: Page, csp: list[str]) -> None:
    for _ in range(120):
        if AUTH_COOKIE in {c["name"] for c in page.context.cookies()}:
            return
        page.wait_for_timeout(250)
    pytest.fail(f"the sign-in cookie was never written; CSP: {csp}; {page.context.cookies()}")


def _proposals_waiting(page: Page) -> str:
    tile = page.locator("[data-testid='stMetric']", has_text="Kiến nghị chờ chỉ đạo")
    return tile.locator("[data-testid='stMetricValue']").inner_text()


def test_through_nginx(site: Site, browser) -> None:
    # --- a leader signs in through nginx; the headers are there; no CSP violation ---
    leader_ctx = _new_context(browser)
    leader = leader_ctx.new_page()
    csp = _watch_csp(leader)
    response = leader.goto(site.base)
    assert response is not None and response.ok
    headers = response.headers
    policy = headers["content-security-policy"]
    assert "frame-ancestors 'none'" in policy and "script-src 'self'" in policy, policy
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["referrer-policy"] == "same-origin"
    assert headers["x-frame-options"] == "DENY"
    assert "max-age=" in headers["strict-transport-security"]

    _sign_in(leader, site.base, "lanhdao")
    expect(leader.get_by_role("heading", name="Tổng quan")).to_be_visible(timeout=60_000)
    _signed_in_cookie(leader, csp)
    before = _proposals_waiting(leader)
    assert leader.locator("[data-testid='stException']").count() == 0

    # every request of this browser, page, assets and websocket, went to one process
    leader_node = _node(leader_ctx)
    leader_app = site.upstreams_of(leader_node)
    assert len(leader_app) == 1, leader_app

    # --- a body's browser that nginx sends to the other process ---
    for _ in range(16):
        body_ctx = _new_context(browser)
        body = body_ctx.new_page()
        body_csp = _watch_csp(body)
        body.goto(site.base)
        expect(body.get_by_label("Tên đăng nhập")).to_be_visible(timeout=60_000)
        body_app = site.upstreams_of(_node(body_ctx))
        if body_app != leader_app:
            break
        body_ctx.close()
    else:
        pytest.fail("16 new browsers all landed on the leader's process")
    assert len(body_app) == 1, body_app
    print(f"\nleader on {leader_app}, body on {body_app}")

    _sign_in(body, site.base, "stp")
    expect(body.get_by_role("heading", name="Nhiệm vụ của đơn vị")).to_be_visible(timeout=60_000)
    form = body.locator("[data-testid='stMain'] [data-testid='stForm']").first
    form.get_by_role("textbox", name="Kết quả thực hiện").fill("Đã công khai 15 thủ tục")
    form.get_by_role("textbox", name="Kiến nghị, đề xuất").fill(PROPOSAL)
    form.get_by_role("button", name="Gửi báo cáo").click()
    expect(body.get_by_text("Đã ghi báo cáo nhiệm vụ")).to_be_visible(timeout=60_000)
    written = time.monotonic()

    # --- the leader's overview, on the other process, shows it at its next run ---
    tile = leader.locator("[data-testid='stMetric']", has_text="Kiến nghị chờ chỉ đạo")
    freshness = shown = None
    while freshness is None and time.monotonic() - written < 10:
        asked = time.monotonic()
        leader.locator("body").press("r")  # Streamlit's key for "run the page again"
        while time.monotonic() - asked < 2:
            if tile.count() and _proposals_waiting(leader) != before:
                freshness, shown = asked - written, time.monotonic() - written
                break
            leader.wait_for_timeout(20)
    assert freshness is not None, "the report never reached the other process's overview"
    print(
        f"cross_process_freshness_s={freshness:.3f} (the leader's page, run again that long"
        f" after the write, showed it; on screen {shown:.2f} s after the write)"
    )
    assert freshness <= 1.0  # a run started up to 1 s after the write shows it (no 30 s wait)
    assert int(_proposals_waiting(leader)) == int(before) + 1

    # --- an upload over the import limit is refused by nginx, a small one reaches the app ---
    put = "size => fetch('/_stcore/upload_file/x/y', {method: 'PUT', body: new Uint8Array(size)})"
    too_big = body.evaluate(f"({put})({(IMPORT_MAX_MB + 2) * 1024 * 1024}).then(r => r.status)")
    assert too_big == 413
    assert body.evaluate(f"({put})(1024).then(r => r.status)") != 413  # reaches the app

    # the pages rendered under the policy, the component frames too
    assert csp == [] and body_csp == [], csp + body_csp
    body_node = _node(body_ctx)
    for ctx in (leader_ctx, body_ctx):
        ctx.close()  # nginx logs a websocket when it closes
    time.sleep(1)
    for node, app in ((leader_node, leader_app), (body_node, body_app)):
        assert site.websocket_upgraded(node), site.log()[-2000:]
        assert site.upstreams_of(node) == app  # the page, its assets, its websocket: one process


def test_a_process_down_its_browsers_go_on_at_the_other_signed_in(site: Site, browser) -> None:
    """Last in this file: it stops the app processes."""
    context = _new_context(browser)
    page = context.new_page()
    _sign_in(page, site.base, "lanhdao")
    expect(page.get_by_role("heading", name="Tổng quan")).to_be_visible(timeout=60_000)
    _signed_in_cookie(page, [])
    waiting = _proposals_waiting(page)
    node = _node(context)
    (address,) = site.upstreams_of(node)
    port = int(address.rsplit(":", 1)[1])
    site.apps[port].kill()  # as a crash would
    site.apps[port].wait(timeout=20)

    started = time.monotonic()
    page.reload()  # nginx sends the browser to the other process, which knows it by its cookie
    expect(page.get_by_role("heading", name="Tổng quan")).to_be_visible(timeout=60_000)
    print(f"\nback on the overview {time.monotonic() - started:.2f} s after the reload")
    assert page.get_by_label("Mật khẩu", exact=True).count() == 0  # still signed in
    assert _proposals_waiting(page) == waiting  # nothing lost
    assert site.upstreams_of(node) == {address, *(f"127.0.0.1:{p}" for p in site.apps if p != port)}

    # no process at all: nginx's own page, in Vietnamese, with the same headers; no traceback
    for other in site.apps.values():
        other.terminate()
        other.wait(timeout=20)
    response = page.goto(site.base)
    assert response is not None and response.status == 503
    assert "frame-ancestors 'none'" in response.headers["content-security-policy"]
    expect(page.get_by_text("Hệ thống đang khởi động lại hoặc bảo trì")).to_be_visible()
    context.close()
