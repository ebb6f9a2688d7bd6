"""Fixtures of the security tests (the browser is tests/conftest.py's): a local HTTP server that
records every request made to it, and waiting for a page to be drawn."""

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from playwright.sync_api import Page

from tests.pages.conftest import (
    app_env,  # noqa: F401  (the demo database, for AppTest)
    clear_process_state,
)


@pytest.fixture(autouse=True)
def _fresh_app_state() -> Iterator[None]:
    """Each test starts and ends without another test's settings, engines and caches."""
    clear_process_state()
    yield
    clear_process_state()


# One demo account of each role, and every query parameter any page reads plus one none does.
USERS = {"leader": "lanhdao", "secretariat": "vanphong", "body": "stp", "viewer": "xem"}
LINK_PARAMS = ["org", "task", "section", "target", "assignment", "slide", "zq"]


class Recorder:
    """A web server on 127.0.0.1 that answers 404 to everything and remembers each request."""

    def __init__(self) -> None:
        self.requests: list[str] = []
        recorder = self

        class Handler(BaseHTTPRequestHandler):
            def _record(self) -> None:
                recorder.requests.append(f"{self.command} {self.path}")
                self.send_response(404)
                self.end_headers()

            do_GET = do_POST = do_HEAD = do_OPTIONS = _record

            def log_message(self, *args: object) -> None:
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()


@pytest.fixture(scope="module")
def recorder() -> Iterator[Recorder]:
    r = Recorder()
    yield r
    r.close()


def settled(page: Page) -> None:
    """Wait until the script run is over: no skeleton, nothing stale, no running indicator;
    then a moment for pictures a page might ask for."""
    page.wait_for_function(
        """() => !document.querySelector("[data-testid='stSkeleton']")
              && !document.querySelector("[data-stale='true']")
              && !document.querySelector("[data-testid='stStatusWidget']")""",
        timeout=60_000,
    )
    page.wait_for_timeout(600)
