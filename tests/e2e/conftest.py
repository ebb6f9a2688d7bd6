"""A real `streamlit run` on a free port over the demo database (Chromium: tests/conftest.py)."""

import os
import socket
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.conftest import ROOT, TEST_COOKIE_SECRET, serving


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def streamlit_server(
    db_url: str, log_dir: Path, script: Path = ROOT / "app.py", **env: str
) -> Iterator[str]:
    """`streamlit run app.py` (or `script`) on a free port over `db_url`, in the project's
    folder (so with its .streamlit/config.toml); its address once it answers."""
    port = _free_port()
    full_env = {**os.environ, "DATABASE_URL": db_url, "COOKIE_SECRET": TEST_COOKIE_SECRET, **env}
    log = log_dir / "streamlit.log"
    with log.open("w") as out:
        proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "streamlit",
                "run",
                str(script),
                "--server.port",
                str(port),
                "--server.address",
                "127.0.0.1",
                "--server.headless",
                "true",
                "--server.fileWatcherType",
                "none",
            ],
            cwd=ROOT,
            env=full_env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    url = f"http://127.0.0.1:{port}"
    with serving(proc, f"{url}/_stcore/health", log):
        yield url


@pytest.fixture(scope="session")
def server(demo_sqlite_url: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with streamlit_server(demo_sqlite_url, tmp_path_factory.mktemp("server")) as url:
        yield url
