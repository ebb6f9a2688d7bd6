"""app.py as Streamlit runs it, profiled (cProfile, CPU time of each thread) while the file
PROFILE_FILE + ".on" exists: each run of the script (the script runner's thread) adds up in
PROFILE_FILE, the server's event loop (websocket, static files, components; the main thread) in
PROFILE_FILE with the suffix ".main". `BENCH_PROFILE=out.pstats manage.py bench --browser 1`
serves the app through this script and switches it on for the sign-in phase only (a warm
sign-in); read them with `python -m pstats out.pstats`."""

import cProfile
import os
import pstats
import threading
import time
from pathlib import Path

import streamlit as st
from streamlit.runtime import Runtime

from app import gate, navigate, page_setup, role_pages
from config import ROOT

PROFILE_FILE = Path(os.environ["PROFILE_FILE"])
MAIN_FILE = PROFILE_FILE.with_suffix(".main")
SWITCH = PROFILE_FILE.with_name(PROFILE_FILE.name + ".on")
_LOCK: threading.Lock = getattr(cProfile, "_bench_lock", None) or threading.Lock()
cProfile._bench_lock = _LOCK  # type: ignore[attr-defined]  # one lock for every run


def _dump(profile: cProfile.Profile, path: Path) -> None:
    with _LOCK:
        stats = pstats.Stats(profile)
        if path.exists():
            stats.add(str(path))
        stats.dump_stats(str(path))


def _watch_switch() -> None:
    """Once per process: the event loop's thread profiled while the switch file exists."""
    loop = Runtime.instance()._get_async_objs().eventloop  # Streamlit's loop
    profile: cProfile.Profile | None = None
    while True:
        time.sleep(0.05)
        if SWITCH.exists() and profile is None:
            profile = cProfile.Profile(time.thread_time)
            loop.call_soon_threadsafe(profile.enable)
        elif not SWITCH.exists() and profile is not None:
            done, stopped = profile, threading.Event()

            def stop(done: cProfile.Profile = done, stopped: threading.Event = stopped) -> None:
                done.disable()
                stopped.set()

            loop.call_soon_threadsafe(stop)
            stopped.wait(10)
            _dump(done, MAIN_FILE)
            profile = None


def _main() -> None:
    page_setup()
    menu = st.sidebar.container()
    actor = gate()
    navigate(actor, role_pages(actor, folder=f"{ROOT}/"), menu)


if not getattr(cProfile, "_bench_watching", False):
    cProfile._bench_watching = True  # type: ignore[attr-defined]
    threading.Thread(target=_watch_switch, daemon=True).start()

if SWITCH.exists():
    run_profile = cProfile.Profile(time.thread_time)
    run_profile.enable()
    try:
        _main()
    finally:
        run_profile.disable()
        _dump(run_profile, PROFILE_FILE)
else:
    _main()
