"""manage.py bench: build an installation at a scale into a fresh database, then measure
`manage.py notify` on it (and on a scale-1 database built beside it, for the ratio), the pages,
the queries behind the overview, writes alone and under contention, the exports, and memory.
Ratios and counts, measured in one run: this machine is shared, so no test relies on a
wall-clock limit."""

import json
import logging
import os
import random
import resource
import secrets
import statistics
import tempfile
import threading
import time
import tracemalloc
import uuid
from collections.abc import Callable
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

from sqlalchemy import create_engine, delete, func, text
from sqlalchemy.engine import Engine, make_url
from sqlmodel import Session, SQLModel, col, select

from benchmarks import scale
from config import ROOT, get_settings
from models import Assignment, AuditEvent, Directive, ProgressReport, User
from models.db import build_engine, get_engine, normalise_url, session_scope
from services.core import periods
from services.core.actor import SYSTEM, Actor
from services.core.errors import StaleUpdate
from services.read import briefing, screens, targets
from services.read import snapshot as overview
from services.reporting.reports import ReportInput, submit_report

PASSWORD = "laichau2021"  # nosec B105  # the demo accounts' published password
Say = Callable[[str], None]


def _migrate(url: str) -> None:
    from alembic import command
    from alembic.config import Config

    cfg = Config(str(ROOT / "alembic.ini"))
    cfg.set_main_option("script_location", str(ROOT / "migrations"))
    cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    command.upgrade(cfg, "head")


def fresh_database(base_url: str) -> tuple[str, Callable[[], None]]:
    """A new empty database: a temporary SQLite file, or a new schema in PostgreSQL."""
    if make_url(normalise_url(base_url)).get_backend_name() == "sqlite":
        folder = tempfile.mkdtemp(prefix="cchc-bench-")
        return f"sqlite:///{folder}/bench.db", lambda: None
    admin = create_engine(normalise_url(base_url))
    schema = f"bench_{uuid.uuid4().hex[:8]}"
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    sep = "&" if "?" in base_url else "?"

    def drop() -> None:
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()

    return f"{normalise_url(base_url)}{sep}options=-csearch_path%3D{schema}", drop


def _timed(
    fn: Callable[[], object], repeat: int = 3, before: Callable[[], object] | None = None
) -> float:
    """The median of `repeat` runs, in seconds; `before` runs untimed before each."""
    runs = []
    for _ in range(repeat):
        if before:
            before()
        start = time.perf_counter()
        fn()
        runs.append(time.perf_counter() - start)
    return statistics.median(runs)


def _point_app_at(url: str) -> None:
    os.environ["DATABASE_URL"] = url
    os.environ.setdefault("COOKIE_SECRET", secrets.token_urlsafe(48))
    get_settings.cache_clear()
    get_engine.cache_clear()


def measure_pages(engine: Engine, say: Say) -> dict:
    """The floor and the overview, each run five times after the same event:
    - after a report is written through the app's path (its commit drops what the loaders
      kept, as in the app) and the overview kept ready has been rebuilt: the page as the leader
      opens it a moment after a body reports (overview_page_s, the headline);
    - with nothing kept (loaders.forget()): the first viewer after a restart (cold);
    - again at once: the next viewer (warm).
    One script cache for the process, as the server keeps: AppTest would otherwise compile
    every script on every run, which a server does once."""
    from streamlit.runtime.scriptrunner import script_cache
    from streamlit.testing.v1 import AppTest, app_test, local_script_runner

    for noisy in (  # AppTest runs with no server: each cache and thread says so on every run
        "streamlit.runtime.caching.cache_data_api",
        "streamlit.runtime.scriptrunner_utils.script_run_context",
    ):  # a filter, not a level: Streamlit sets its loggers' levels again as it runs
        logging.getLogger(noisy).addFilter(lambda record: record.levelno >= logging.ERROR)
    from components import loaders  # after: its caches say so as they are declared

    shared = script_cache.ScriptCache()
    app_test.ScriptCache = local_script_runner.ScriptCache = lambda: shared

    blank = _signed_in(
        AppTest.from_file(str(ROOT / "benchmarks" / "floor_page.py"), default_timeout=600)
    )
    overview = _signed_in(AppTest.from_file(str(ROOT / "app.py"), default_timeout=600))
    if overview.exception or not overview.metric or blank.exception:
        raise RuntimeError(f"a page did not render: {overview.exception or blank.exception}")
    actor = _secretariat(engine)
    with Session(engine) as s:
        ids = _open_work(s)
    writes = iter(range(10**6))

    def write() -> None:
        n = next(writes)
        with session_scope(engine) as s:
            aid = ids[n % len(ids)]
            version = s.get(Assignment, aid).version
            submit_report(
                s, actor=actor, assignment_id=aid, expected_version=version, data=_report(n)
            )
        if not loaders.OVERVIEW.settle():
            raise RuntimeError("the overview was not rebuilt within 30 s of a write")

    built_by_viewer = 0

    def opened_after_write(page) -> Callable[[], None]:
        def run() -> None:
            nonlocal built_by_viewer
            built = loaders.OVERVIEW.builds
            page.run()
            built_by_viewer += loaders.OVERVIEW.builds - built

        return run

    out = {}
    for name, page in (("blank", blank), ("overview", overview)):
        out[f"{name}_s"] = _timed(opened_after_write(page), repeat=5, before=write)
    for kind, before in (("_cold", loaders.forget), ("_warm", None)):
        for name, page in (("blank", blank), ("overview", overview)):
            out[f"{name}{kind}_s"] = _timed(page.run, repeat=5, before=before)
    say(
        "blank page / overview (s): after a write {blank_s:.4f} / {overview_s:.4f}; "
        "first viewer after a restart {blank_cold_s:.4f} / {overview_cold_s:.4f}; "
        "next viewer {blank_warm_s:.4f} / {overview_warm_s:.4f}".format(**out)
        + f" (overview views a viewer had to build after a write: {built_by_viewer})"
    )
    return {
        "blank_page_s": round(out["blank_s"], 4),
        "overview_page_s": round(out["overview_s"], 4),
        "overview_ratio": round(out["overview_s"] / out["blank_s"], 2),
        "overview_cold_s": round(out["overview_cold_s"], 4),
        "overview_cold_ratio": round(out["overview_cold_s"] / out["blank_cold_s"], 2),
        "overview_warm_s": round(out["overview_warm_s"], 4),
        "overview_warm_ratio": round(out["overview_warm_s"] / out["blank_warm_s"], 2),
        "overview_built_by_viewer_after_write": built_by_viewer,
    }


def _signed_in(at):
    """Sign in through the form as the leader, as a person would; then drop the cookie
    write the run asked for, as a browser's report would (AppTest has no browser, so the
    cookie writer would otherwise stay on every measured run)."""
    from components.auth import COOKIE_TODO

    at.run()
    at.text_input[0].input("lanhdao")
    at.text_input[1].input(PASSWORD)
    at.button[0].click()
    at.run()
    del at.session_state[COOKIE_TODO]
    return at


def measure_queries(engine: Engine, say: Say) -> dict:
    with Session(engine) as s:
        directive_id = s.exec(select(Directive.id).order_by(Directive.id)).first()
        current = periods.current_period(s)
        f = overview.Filters(directive_id=directive_id, period=current.code)
        codes = [p.code for p in periods.list_periods(s)]
        calls = {
            "snapshot": lambda: overview.snapshot(s, f),
            "snapshot_from_history": lambda: overview.snapshot(s, f, from_history=True),
            "waiting_proposals": lambda: overview.waiting_proposals(s, f),
            "bodies_reported": lambda: overview.bodies_reported(s, f),
            "target_statuses": lambda: targets.statuses(s, f),
            "trend": lambda: screens.trend(s, f, codes),
            "leadership_overview": lambda: screens.leadership_overview(s, f),
            "body_detail": lambda: screens.body_detail(s, f, "HMT"),
        }
        out = {name: round(_timed(call) * 1000, 1) for name, call in calls.items()}
    say("queries (ms): " + ", ".join(f"{k} {v}" for k, v in out.items()))
    return out


def _secretariat(engine: Engine) -> Actor:
    with Session(engine) as s:
        return Actor.of(s.exec(select(User).where(User.username == "vanphong")).one())


def _report(n: int) -> ReportInput:
    return ReportInput(
        period="2022-Q4",
        status="in_progress",
        percent=n % 100,
        result=f"Báo cáo đo hiệu năng số {n}",
    )


def _open_work(session: Session) -> list[int]:
    """The assignments a body can still report on: not done, and held by a body today (not
    one handed to a successor: the demo's merged Sở GTVT takes no more reports)."""
    return list(
        session.exec(
            select(Assignment.id)
            .where(Assignment.status != "done", col(Assignment.held_until).is_(None))
            .order_by(col(Assignment.id))
        )
    )


def measure_writes(engine: Engine, say: Say, count: int = 500) -> dict:
    actor = _secretariat(engine)
    with Session(engine) as s:
        ids = _open_work(s)
    rng = random.Random(7)  # nosec B311  # a repeatable workload, not a secret
    times = []
    for n in range(count):
        aid = rng.choice(ids)
        start = time.perf_counter()
        with session_scope(engine) as s:
            version = s.get(Assignment, aid).version
            submit_report(
                s, actor=actor, assignment_id=aid, expected_version=version, data=_report(n)
            )
        times.append(time.perf_counter() - start)
    times.sort()
    p50 = times[len(times) // 2] * 1000
    p95 = times[int(len(times) * 0.95)] * 1000
    say(f"{count} writes: p50 {p50:.1f} ms, p95 {p95:.1f} ms")
    return {"write_p50_ms": round(p50, 2), "write_p95_ms": round(p95, 2)}


def measure_contention(
    engine: Engine, say: Say, *, writers: int = 16, seconds: float = 10, hot: int = 20
) -> dict:
    """`writers` threads report on a few hot assignments for `seconds`: every accepted write
    must be in the database with its audit event, every refusal a stale-form message."""
    actor = _secretariat(engine)
    with Session(engine) as s:
        ids = _open_work(s)[:hot]
        reports_before = s.exec(select(func.count()).select_from(ProgressReport)).one()
        audit_before = s.exec(select(func.count()).select_from(AuditEvent)).one()
    accepted, stale, errors = [0] * writers, [0] * writers, [0] * writers
    deadline = time.monotonic() + seconds

    def writer(i: int) -> None:
        rng = random.Random(i)  # nosec B311  # a repeatable workload, not a secret
        n = 0
        while time.monotonic() < deadline:
            aid = rng.choice(ids)
            n += 1
            try:
                with Session(engine) as s:
                    version = s.get(Assignment, aid).version
                with session_scope(engine) as s:
                    submit_report(
                        s, actor=actor, assignment_id=aid, expected_version=version, data=_report(n)
                    )
                accepted[i] += 1
            except StaleUpdate:
                stale[i] += 1
            except Exception:
                errors[i] += 1

    threads = [threading.Thread(target=writer, args=(i,)) for i in range(writers)]
    start = time.perf_counter()
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    elapsed = time.perf_counter() - start
    with Session(engine) as s:
        reports_after = s.exec(select(func.count()).select_from(ProgressReport)).one()
        audit_after = s.exec(select(func.count()).select_from(AuditEvent)).one()
    done = sum(accepted)
    out = {
        "concurrent_writes_per_s": round(done / elapsed, 1),
        "concurrent_accepted": done,
        "concurrent_stale": sum(stale),
        "concurrent_errors": sum(errors),
        "lost_writes": done - (reports_after - reports_before),
        "audit_mismatch": done - (audit_after - audit_before),
    }
    say(f"{writers} writers for {seconds:.0f} s: {out}")
    return out


def measure_exports(engine: Engine, say: Say) -> dict:
    from render import exports, report_docx
    from services.read import periodic_report

    with Session(engine) as s:
        directive_id = s.exec(select(Directive.id).order_by(Directive.id)).first()
        current = periods.current_period(s)
        f = replace(overview.frozen(directive_id, current.ends_on))
        xlsx = _timed(lambda: exports.build_xlsx(briefing.workbook(s, f)), repeat=1)
        pptx = _timed(lambda: exports.build_pptx(briefing.build(s, f)), repeat=1)
        # the province's periodic report for the current period, facts and Word file
        docx = _timed(
            lambda: report_docx.build_docx(
                periodic_report.build(s, actor=SYSTEM, period=current.code)
            ),
            repeat=1,
        )
    say(f"exports: xlsx {xlsx:.2f} s, pptx {pptx:.2f} s, report docx {docx:.2f} s")
    return {
        "export_xlsx_s": round(xlsx, 3),
        "export_pptx_s": round(pptx, 3),
        "report_docx_s": round(docx, 3),
    }


class _NotifyRun:
    """`manage.py notify` on one database as it was built, three days before its current
    period ends: prepared once (a dry run under tracemalloc: the peak of what it allocates in
    Python, rows, notices, statements, not the database's own memory in C; it also compiles
    the statements as a server that has run it before would have them), then timed as often as
    asked, each time a first run on the same data (the notices it made are deleted after)."""

    def __init__(self, engine: Engine) -> None:
        from config import Settings
        from services.core import clock
        from services.notices import runner

        self.engine, self.runner = engine, runner
        with Session(engine) as s:
            current = periods.current_period(s)
        self.moment = clock.at(current.ends_on - timedelta(days=3), 8, 0)
        self.settings = Settings(database_url=str(engine.url), smtp_host="", mail_from="")
        os.sync()  # the build's writes go to disk now, not during the timed commits
        tracemalloc.start()
        runner.notify(engine, self.settings, now=self.moment, dry_run=True)
        self.added_mb = tracemalloc.get_traced_memory()[1] / 2**20
        tracemalloc.stop()
        self.runs: list[float] = []
        self.created: set[int] = set()

    def once(self, *, keep: bool = False) -> None:
        from models import Notice

        with Session(self.engine) as s:
            last = s.exec(select(func.max(Notice.id))).one() or 0
        start = time.perf_counter()
        self.created.add(self.runner.notify(self.engine, self.settings, now=self.moment).created)
        self.runs.append(time.perf_counter() - start)
        if not keep:
            with session_scope(self.engine) as s:
                s.exec(delete(Notice).where(col(Notice.id) > last))

    def result(self) -> dict:
        """The median of the timed runs, and then one more run: it must create nothing."""
        if len(self.created) != 1:
            raise RuntimeError(f"the same notify made different numbers of notices: {self.created}")
        start = time.perf_counter()
        again = self.runner.notify(self.engine, self.settings, now=self.moment)
        return {
            "s": statistics.median(self.runs),
            "created": next(iter(self.created)),
            "again_s": time.perf_counter() - start,
            "again": again.created,
            "added_mb": self.added_mb,
        }


def measure_notify(
    engine: Engine, say: Say, reference: Engine | None = None, repeat: int = 5
) -> dict:
    """`manage.py notify` in the app only (no SMTP: the e-mails are the server's time) on the
    database as built and, above scale 1, on a scale-1 database built in the same run
    (`reference`). The runs alternate between the two (this one, the reference, this one, …),
    so that a burst of load on this shared machine falls on both alike, and `notify_ratio`
    compares the medians of `repeat` runs each."""
    this = _NotifyRun(engine)
    base = _NotifyRun(reference) if reference is not None else this
    for n in range(repeat):
        this.once(keep=n == repeat - 1)
        if base is not this:
            base.once(keep=n == repeat - 1)
    mine, theirs = this.result(), base.result() if base is not this else None
    theirs = theirs or mine
    say(
        f"notify: {mine['created']} notices in {mine['s']:.3f} s "
        f"(scale 1: {theirs['created']} in {theirs['s']:.3f} s, "
        f"ratio {mine['s'] / theirs['s']:.2f}); again {mine['again']} in {mine['again_s']:.3f} s; "
        f"{mine['added_mb']:.1f} MB allocated at the peak (scale 1: {theirs['added_mb']:.1f})"
    )
    return {
        "notify_s": round(mine["s"], 4),
        "notices_created": mine["created"],
        "notify_again_s": round(mine["again_s"], 4),
        "notices_created_again": mine["again"],
        "notify_s_scale1": round(theirs["s"], 4),
        "notices_created_scale1": theirs["created"],
        "notify_ratio": round(mine["s"] / theirs["s"], 2),
        "notify_added_mb": round(mine["added_mb"], 1),
        "notify_added_mb_scale1": round(theirs["added_mb"], 1),
    }


def notify_in_one_run(engine: Engine, base_url: str, scale_n: int, say: Say) -> dict:
    """measure_notify on the database just built and, above scale 1, on a scale-1 database
    built beside it for the purpose (then dropped)."""
    if scale_n == 1:
        return measure_notify(engine, say)
    url, cleanup = fresh_database(base_url)
    try:
        say("scale 1 beside it, for notify_ratio")
        reference, _, _ = build(url, 1, lambda line: None)
        try:
            return measure_notify(engine, say, reference)
        finally:
            reference.dispose()
    finally:
        cleanup()


def build(url: str, scale_n: int, say: Say) -> tuple[Engine, dict[str, int], float]:
    """Migrate the empty database at `url` and build the installation at `scale_n` in it, then
    refresh the planner's statistics: the engine, the rows added and the seconds it took."""
    _migrate(url)
    engine = build_engine(url)
    start = time.perf_counter()
    with session_scope(engine) as s:
        added = scale.build(
            s,
            scale_n,
            actor=SYSTEM,
            password=PASSWORD,
            progress=lambda share, what: say(f"  {share:4.0%} {what}"),
        )
    build_s = time.perf_counter() - start
    # The planner's statistics, and on PostgreSQL the visibility map, as autovacuum would
    # refresh them within a minute of a bulk load: without the statistics PostgreSQL picked a
    # plan 100x slower for the body page's query right after the build; without the map a
    # count over an index still reads the table (the week's reports at scale 100: 27 ms, 3 ms
    # after VACUUM). Only this installation's tables: other schemas are not ours.
    if engine.dialect.name == "postgresql":
        tables = ", ".join(f'"{name}"' for name in SQLModel.metadata.tables)
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.exec_driver_sql(f"VACUUM ANALYZE {tables}")
    else:
        with engine.begin() as conn:
            conn.exec_driver_sql("ANALYZE")
    return engine, added, build_s


def run(
    scale_n: int,
    *,
    seconds: float = 10,
    writes: int = 500,
    json_path: Path | None = None,
    say: Say = print,
) -> dict:
    base = get_settings().database_url
    url, cleanup = fresh_database(base)
    backend = make_url(normalise_url(url)).get_backend_name()
    try:
        say(f"scale {scale_n} on {backend}: building a fresh database")
        engine, added, build_s = build(url, scale_n, say)
        with Session(engine) as s:
            counts = {
                "directives": s.exec(select(func.count()).select_from(Directive)).one(),
                "assignments": s.exec(select(func.count()).select_from(Assignment)).one(),
                "reports": s.exec(select(func.count()).select_from(ProgressReport)).one(),
            }
        say(f"built in {build_s:.1f} s: {counts}")
        _point_app_at(url)
        result = {"scale": scale_n, "backend": backend, "build_s": round(build_s, 1), **counts}
        # first, on the database as built (and a scale-1 one built the same way): what is due
        # then depends on the build alone, not on the reports the measures below write
        result |= notify_in_one_run(engine, base, scale_n, say)
        result |= measure_pages(engine, say)
        result["queries_ms"] = measure_queries(engine, say)
        result |= measure_writes(engine, say, writes)
        result |= measure_contention(engine, say, seconds=seconds)
        result |= measure_exports(engine, say)
        result["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
        result["added"] = added
        engine.dispose()
    finally:
        get_engine.cache_clear()
        cleanup()
    if json_path:
        json_path.parent.mkdir(parents=True, exist_ok=True)
        json_path.write_text(json.dumps(result, indent=2, ensure_ascii=False), encoding="utf-8")
    _table(result, say)
    return result


KEYS = [
    "scale",
    "blank_page_s",
    "overview_page_s",
    "overview_ratio",
    "write_p50_ms",
    "write_p95_ms",
    "concurrent_writes_per_s",
    "lost_writes",
    "export_xlsx_s",
    "export_pptx_s",
    "report_docx_s",
    "notify_s",
    "notices_created",
    "notify_s_scale1",
    "notices_created_scale1",
    "notify_ratio",
    "notify_added_mb",
    "peak_rss_mb",
]


def _table(result: dict, say: Say) -> None:
    width = max(len(k) for k in KEYS)
    say("-" * (width + 14))
    for key in KEYS:
        say(f"{key:<{width}}  {result[key]}")
