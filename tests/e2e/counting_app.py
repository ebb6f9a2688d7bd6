"""app.py as Streamlit runs it, counting: every run of the script and every bcrypt check of
this server process are added up in the JSON file COUNT_FILE, with the process id (its CPU time
is read from /proc). For tests/e2e/test_sign_in_cost.py."""

import json
import os
import threading
from pathlib import Path

import bcrypt
import streamlit as st

from app import gate, navigate, page_setup, role_pages
from config import ROOT

COUNT_FILE = Path(os.environ["COUNT_FILE"])
_LOCK = getattr(bcrypt, "_count_lock", None) or threading.Lock()
bcrypt._count_lock = _LOCK  # type: ignore[attr-defined]  # one lock for every run


def bump(key: str) -> None:
    with _LOCK:
        data = json.loads(COUNT_FILE.read_text()) if COUNT_FILE.exists() else {}
        data[key] = data.get(key, 0) + 1
        data["pid"] = os.getpid()
        part = COUNT_FILE.with_suffix(".part")
        part.write_text(json.dumps(data))
        os.replace(part, COUNT_FILE)  # the test never reads half a file


if not getattr(bcrypt.checkpw, "counted", False):  # once per process: this file runs each time
    real_checkpw = bcrypt.checkpw

    def counting_checkpw(password: bytes, hashed_password: bytes) -> bool:
        bump("checks")
        return real_checkpw(password, hashed_password)

    counting_checkpw.counted = True  # type: ignore[attr-defined]
    bcrypt.checkpw = counting_checkpw

bump("runs")
page_setup()
menu = st.sidebar.container()
actor = gate()
navigate(actor, role_pages(actor, folder=f"{ROOT}/"), menu)
