#!/usr/bin/env python
"""Command line over the same services the pages use.

python manage.py init-db            apply migrations (alembic upgrade head)
python manage.py seed [--demo | --demo-if-empty]
                                    load the directive, bodies, targets (and, into an empty
                                    database only, the demo)
python manage.py create-user ...    add an account
python manage.py unlock NAME        lift an account's sign-in wait (--address IP: an address's)
python manage.py stats --json       counts of what the database holds
python manage.py import-directive FILE [--dry-run] [--json]
                                    read a plan (.txt .docx .xlsx .pdf; - stdin) and save it
python manage.py reorganize merge|split|rename ...
                                    bodies change from a day (--dry-run shows what would move)
python manage.py report --period 2022-Q4 [--org CODE] --out FILE.docx
                                    the periodic CCHC report as an editable Word document
python manage.py backup FILE        a consistent copy of the SQLite database
python manage.py restore FILE       replace the database with a verified backup
python manage.py notify [--now "DD/MM/YYYY HH:MM"] [--dry-run] [--json]
                                    make the notices due and e-mail the waiting ones
python manage.py nginx-site ...     the nginx site for N app processes (deploy/, docs/DEPLOY.md)
"""

import argparse
import getpass
import json
import os
import re
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError, ProgrammingError

from catalogue import t
from config import ROOT, get_settings
from services.core import clock
from services.core.errors import DomainError
from services.read import bodies as body_list

if TYPE_CHECKING:
    from sqlmodel import Session

    from services.importing.parser import ParsedDirective
    from services.read.bodies import BodyRef

EXIT_INVALID = 2


def _lang() -> str:
    return os.environ.get("LANGUAGE_UI", get_settings().language)


def _say(key: str, **params: object) -> None:
    print(t(key, _lang(), **params))


def _safe_url() -> str:
    return make_url(get_settings().database_url).render_as_string(hide_password=True)


def cmd_init_db(_: argparse.Namespace) -> int:
    from alembic import command
    from alembic.config import Config

    cfg = Config(str(ROOT / "alembic.ini"))
    cfg.set_main_option("script_location", str(ROOT / "migrations"))
    command.upgrade(cfg, "head")
    _say("cli.db_ready")
    return 0


def cmd_seed(args: argparse.Namespace) -> int:
    from models import session_scope
    from services.core.actor import SYSTEM
    from services.install import demo, seed

    password = get_settings().demo_password
    with session_scope() as session:
        if args.demo:
            result, is_demo = demo.seed_demo(session, actor=SYSTEM, password=password), True
        elif args.demo_if_empty:
            result, is_demo = demo.seed_demo_if_empty(session, actor=SYSTEM, password=password)
        else:
            result, is_demo = seed.seed_reference(session, actor=SYSTEM), False
    if result.changed:
        added = [f"{t(f'au.field.{k}', _lang())} {n}" for k, n in result.added.items()]
        _say("cli.seed_added", what=", ".join(added))  # in the audit log's words
    else:
        _say("cli.seed_nothing")
    if is_demo:
        _say("cli.demo_accounts", password=password)
    elif args.demo_if_empty:
        _say("cli.seed_no_demo")
    return 0


def cmd_create_user(args: argparse.Namespace) -> int:
    from models import session_scope
    from services.accounts import users
    from services.core.actor import SYSTEM

    password = args.password if args.password is not None else os.environ.get("NEW_USER_PASSWORD")
    if password is None:
        password = getpass.getpass(t("cli.password_prompt", _lang()))
        if password != getpass.getpass(t("cli.password_again", _lang())):
            _say("cli.password_mismatch")
            return EXIT_INVALID
    with session_scope() as session:
        user = users.create_user(
            session,
            username=args.username,
            display_name=args.name or "",
            password=password,
            role=args.role,
            organization_code=args.org,
            actor=SYSTEM,
        )
        _say("cli.user_created", username=user.username, role=t(f"role.{user.role}", _lang()))
    return 0


def cmd_unlock(args: argparse.Namespace) -> int:
    from models import session_scope
    from services.accounts import own
    from services.core.actor import SYSTEM

    if (args.username is None) == (args.address is None):
        _say("cli.unlock_what")
        return EXIT_INVALID
    with session_scope() as session:
        lifted = own.unlock_sign_in(
            session, actor=SYSTEM, username=args.username, address=args.address
        )
    _say("cli.unlocked" if lifted else "cli.not_locked", who=args.username or args.address)
    return 0


def cmd_stats(args: argparse.Namespace) -> int:
    from models import session_scope
    from services.install.stats import database_counts

    with session_scope() as session:
        counts = database_counts(session)
    if args.json:
        print(json.dumps(counts, sort_keys=True))
    else:
        for k, v in sorted(counts.items()):
            print(f"{k:22} {v}")
    return 0


def cmd_import_directive(args: argparse.Namespace) -> int:
    from models import session_scope
    from services.core.actor import SYSTEM
    from services.core.errors import InvalidInput
    from services.importing import importer

    if args.file == "-":
        data = sys.stdin.buffer.read()
    else:
        path = Path(args.file)
        if not path.is_file():
            raise InvalidInput("err.import_file_missing", path=args.file)
        data = path.read_bytes()
    with session_scope() as session:
        parsed = importer.parse_document(session, data, args.file)
        body_refs = body_list.list_bodies(session)
    if args.json:
        print(json.dumps(importer.as_json(parsed, body_refs), ensure_ascii=False))
    else:
        _print_summary(parsed, body_refs)
    say = _say_err if args.json else _say
    if parsed.task_count == 0:
        say("cli.import_no_tasks")
        return 0
    if args.dry_run:
        say("cli.import_dry_run")
        return 0
    with session_scope() as session:
        result = importer.save(session, actor=SYSTEM, parsed=parsed)
    say("cli.import_saved", **result.counts())
    return 0


def _say_err(key: str, **params: object) -> None:
    print(t(key, _lang(), **params), file=sys.stderr)


def _print_summary(parsed: "ParsedDirective", bodies: "list[BodyRef]") -> None:
    names = {b.code: b.name for b in bodies}
    lang = _lang()
    print(
        t(
            "cli.import_head",
            lang,
            kind=parsed.kind or "?",
            number=t("imp.number", lang, number=parsed.number)
            if parsed.number
            else t("imp.no_number", lang),
            day=parsed.issued_date.strftime("%d/%m/%Y") if parsed.issued_date else "—",
            title=parsed.title or "—",
        )
    )
    for s in parsed.sections:
        who = ", ".join(names.get(c, c) for c in s.bodies[:3])
        if len(s.bodies) > 3:
            who += t("cli.import_more", lang, n=len(s.bodies) - 3)
        print(
            t(
                "cli.import_section",
                lang,
                label=s.label,
                heading=s.heading if len(s.heading) <= 70 else s.heading[:69] + "…",
                tasks=len(s.tasks),
                bodies=who or "—",
            )
        )
        if not s.include:
            print(t("cli.import_skipped", lang))
    print(
        t(
            "cli.import_totals",
            lang,
            sections=len(parsed.sections),
            tasks=parsed.task_count,
            targets=len(parsed.targets),
        )
    )


@contextmanager
def _transaction(*, dry_run: bool) -> "Iterator[Session]":
    """One unit of work that a dry run rolls back: committed at the end, or rolled back (on
    --dry-run, or any error)."""
    from sqlmodel import Session

    from models import get_engine

    with Session(get_engine(), expire_on_commit=False) as session:
        try:
            yield session
            if dry_run:
                session.rollback()
            else:
                session.commit()
        except BaseException:
            session.rollback()
            raise


def cmd_reorganize(args: argparse.Namespace) -> int:
    """merge, split or rename bodies from a day, in one transaction (rolled back on --dry-run,
    which prints the same numbers)."""
    from services.admin import reorganize
    from services.core.actor import SYSTEM
    from services.core.errors import InvalidInput
    from services.core.periods import parse_day

    if args.operation == "apply":
        return _apply_body_file(args)
    on = parse_day(args.on)

    def codes(text: str) -> list[str]:
        return [c for c in (text or "").split(",") if c.strip()]

    plan: dict[str, str] = {}
    if args.operation == "split" and args.plan:
        path = Path(args.plan)
        if not path.is_file():
            raise InvalidInput("err.reorg_plan_file", path=args.plan, line=0)
        plan = reorganize.read_plan(path.read_bytes(), name=args.plan)
    with _transaction(dry_run=args.dry_run) as session:
        if args.operation == "merge":
            outcome = reorganize.merge(
                session,
                actor=SYSTEM,
                sources=codes(args.sources),
                into=(args.new_code or args.into) if args.new_name else args.into,
                on=on,
                new_name=args.new_name,
                new_kind=args.kind,
                accounts=args.accounts,
            )
        elif args.operation == "split":
            outcome = reorganize.split(
                session,
                actor=SYSTEM,
                source=args.source,
                into=codes(args.into),
                on=on,
                plan=plan,
                accounts=args.accounts,
                accounts_to=args.accounts_to,
            )
        else:
            outcome = reorganize.rename(
                session, actor=SYSTEM, code=args.code, name=args.name, on=on
            )
    say = _say_err if args.json else _say
    if args.json:
        print(json.dumps(outcome.as_json(), ensure_ascii=False))
    else:
        say(
            "cli.reorg_done",
            kind=t(f"succession.{outcome.kind}", _lang()),
            day=on.strftime("%d/%m/%Y"),
            moved=outcome.moved_assignments,
            merged=outcome.merged_assignments,
            closed=", ".join(outcome.closed_bodies) or "-",
            moved_accounts=len(outcome.accounts["moved"]),
            stopped_accounts=len(outcome.accounts["deactivated"]),
        )
    if args.dry_run:
        say("cli.reorg_dry_run")
    return 0


def _apply_body_file(args: argparse.Namespace) -> int:
    """manage.py reorganize apply FILE: the body list from a file, in one transaction."""
    from services.admin import body_file
    from services.core.actor import SYSTEM
    from services.core.errors import InvalidInput

    path = Path(args.file)
    if not path.is_file():
        raise InvalidInput("err.import_file_missing", path=args.file)
    lines = body_file.read_body_file(path.read_bytes(), name=args.file)
    with _transaction(dry_run=args.dry_run) as session:
        outcome = body_file.apply_body_file(session, actor=SYSTEM, lines=lines)
    summary = outcome.as_json()
    say = _say_err if args.json else _say
    if args.json:
        print(json.dumps(summary, ensure_ascii=False))
    else:
        say(
            "cli.body_file_done",
            **outcome.counts(),
            closed=", ".join(summary["closed_bodies"]) or "-",
        )
    if args.dry_run:
        say("cli.reorg_dry_run")
    return 0


def cmd_backup(args: argparse.Namespace) -> int:
    from services.admin import backup
    from services.core.actor import SYSTEM

    facts = backup.backup_to_file(get_settings().database_url, args.file, actor=SYSTEM)
    _say("cli.backup_done", **_copy_facts(args.file, facts.counts), mb=f"{facts.size / 1e6:.1f}")
    return 0


def _copy_facts(file: str, counts: dict[str, int]) -> dict[str, object]:
    """What the backup and restore messages say of a copy: where it is and what it holds."""
    return {
        "path": str(Path(file).resolve()),
        "directives": counts.get("directive", 0),
        "tasks": counts.get("task", 0),
        "users": counts.get("user", 0),
    }


def cmd_restore(args: argparse.Namespace) -> int:
    from services.admin import backup
    from services.core.actor import SYSTEM

    result = backup.restore_from_file(get_settings().database_url, args.file, actor=SYSTEM)
    _say(
        "cli.restore_done",
        **_copy_facts(args.file, result.facts.counts),
        previous=str(result.previous_copy),
    )
    return 0


def cmd_export(args: argparse.Namespace) -> int:

    from models import Directive, session_scope
    from render import exports
    from services.core import periods
    from services.core.errors import NotFound
    from services.read import briefing, outline, snapshot

    out = Path(args.out)
    with session_scope() as session:
        directive_id = args.directive
        if directive_id is None:
            found = outline.list_directives(session)
            if not found:
                raise NotFound("ov.no_directive")
            directive_id = found[0].id
        elif session.get(Directive, directive_id) is None:
            raise NotFound("cli.export_no_directive", value=directive_id)
        if args.as_of:
            day = periods.parse_day(args.as_of)
        else:
            current = periods.current_period(session)
            day = min(current.ends_on, clock.today()) if current else clock.today()
        f = snapshot.frozen(directive_id, day)

        def show(share: float, step: str) -> None:
            print(f"  {share:4.0%} {step}", file=sys.stderr)

        if args.format == "pptx":
            content = exports.build_pptx(briefing.build(session, f), _lang(), show)
        else:
            content = exports.build_xlsx(briefing.workbook(session, f), _lang(), show)
    out.write_bytes(content)
    _say("cli.export_done", path=str(out), size=len(content))
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    from models import session_scope
    from render import report_docx
    from services.core import periods
    from services.core.actor import SYSTEM
    from services.core.errors import InvalidInput
    from services.read import periodic_report

    out = Path(args.out)
    with session_scope() as session:
        facts = periodic_report.build(
            session,
            actor=SYSTEM,
            period=args.period,
            organization_code=args.org,
            directive_id=args.directive,
            cutoff=periods.parse_day(args.as_of) if args.as_of else None,
        )
        content = report_docx.build_docx(facts, _lang())
    # Written whole to a temporary file beside the target, then renamed: a file that cannot be
    # written leaves nothing behind, neither a partial file nor a temporary one.
    partial = out.with_name(f".{out.name}.partial")
    try:
        partial.write_bytes(content)
        partial.replace(out)
    except OSError as err:
        partial.unlink(missing_ok=True)
        raise InvalidInput("err.report_unwritable", path=str(out)) from err
    _say(
        "cli.report_done",
        period=facts.period.code,
        who=facts.organization_name or t("pr.province", _lang()),
        path=str(out),
        size=len(content),
    )
    return 0


def cmd_notify(args: argparse.Namespace) -> int:
    from models import get_engine
    from services.notices import runner

    settings = get_settings()
    now = runner.parse_moment(args.now) if args.now is not None else None
    result = runner.notify(get_engine(), settings, now=now, dry_run=args.dry_run)
    if args.json:
        print(json.dumps(result.as_dict()))
    elif args.dry_run:
        _say("cli.notify_dry_run", created=result.created, queued=result.queued)
    else:
        _say("cli.notify_done", **result.as_dict())
        if not settings.smtp_configured:
            _say("cli.notify_no_smtp")
    if result.failed:
        # the server is down or refusing: not an error of the run (cron would mail it every
        # 15 minutes); the notices wait, are retried with backoff and are never lost
        print(
            t("cli.notify_failed", _lang(), failed=result.failed, queued=result.queued),
            file=sys.stderr,
        )
    return 0


def cmd_bench(args: argparse.Namespace) -> int:
    from benchmarks import run

    if args.browser:
        from benchmarks import browser

        browser.run(args.browser, json_path=Path(args.json) if args.json else None)
        return 0

    result = run.run(
        args.scale,
        seconds=args.seconds,
        writes=args.writes,
        json_path=Path(args.json) if args.json else None,
    )
    return 0 if result["lost_writes"] == 0 and result["concurrent_errors"] == 0 else 1


NGINX_TEMPLATE = ROOT / "deploy" / "nginx" / "cchc.conf.template"


def render_nginx_site(values: dict[str, str], template: Path = NGINX_TEMPLATE) -> str:
    """The template with each {{NAME}} replaced by its value; a name without a value is an
    error, never an empty string in a server's configuration."""
    text = template.read_text(encoding="utf-8")
    missing = sorted(set(re.findall(r"{{([A-Z_]+)}}", text)) - values.keys())
    if missing:
        raise ValueError(f"no value for {', '.join(missing)}")
    return re.sub(r"{{([A-Z_]+)}}", lambda m: values[m.group(1)], text)


# The pages with inline scripts the browser runs: Streamlit's own page and the sign-in cookie's
# component frame. The site's Content-Security-Policy allows exactly these scripts by their
# hashes (render the site again after upgrading either package).
INLINE_SCRIPT_PAGES = (
    ("streamlit", "static/index.html"),
    ("extra_streamlit_components", "CookieManager/frontend/build/index.html"),
)


def inline_script_hashes() -> list[str]:
    """CSP source expressions ('sha256-…') of the inline scripts of INLINE_SCRIPT_PAGES."""
    import base64
    import hashlib
    from importlib.util import find_spec

    found = []
    for package, page in INLINE_SCRIPT_PAGES:
        spec = find_spec(package)
        if spec is None or not spec.submodule_search_locations:
            raise RuntimeError(f"{package} is not installed: its inline scripts cannot be hashed")
        html = (Path(spec.submodule_search_locations[0]) / page).read_text(encoding="utf-8")
        for script in re.findall(r"<script(?![^>]*\bsrc=)[^>]*>(.*?)</script>", html, re.S):
            digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest())
            found.append(f"'sha256-{digest.decode('ascii')}'")
    return found


def cmd_nginx_site(args: argparse.Namespace) -> int:
    ports = [int(p) for p in args.ports.split(",") if p.strip()]
    site = render_nginx_site(
        {
            "SERVER_NAME": args.server_name,
            "UPSTREAM_SERVERS": "\n".join(
                f"    server 127.0.0.1:{port} max_fails=1 fail_timeout=5s;" for port in ports
            ),
            "HTTP_PORT": str(args.http_port),
            "HTTPS_PORT": str(args.https_port),
            "HTTPS_SUFFIX": "" if args.https_port == 443 else f":{args.https_port}",
            "TLS_CERT": args.cert,
            "TLS_KEY": args.key,
            "LOG_DIR": args.log_dir,
            "SCRIPT_HASHES": " ".join(inline_script_hashes()),
            # the file, plus 1 MB for the multipart form around it
            "MAX_BODY_MB": str(get_settings().import_max_mb + 1),
        }
    )
    if args.out:
        Path(args.out).write_text(site, encoding="utf-8")
    else:
        sys.stdout.write(site)
    return 0


def _command(
    sub: "argparse._SubParsersAction[argparse.ArgumentParser]",
    name: str,
    func: Callable[[argparse.Namespace], int],
    *,
    help: str,
) -> argparse.ArgumentParser:
    """The subcommand `name`, which runs `func`."""
    p = sub.add_parser(name, help=help)
    p.set_defaults(func=func)
    return p


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="manage.py", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    sub = parser.add_subparsers(dest="command", required=True)
    _command(sub, "init-db", cmd_init_db, help="apply migrations")
    p = _command(sub, "seed", cmd_seed, help="load the directive (idempotent)")
    demo_choice = p.add_mutually_exclusive_group()
    demo_choice.add_argument(
        "--demo", action="store_true", help="the demo installation, into an empty database only"
    )
    demo_choice.add_argument(
        "--demo-if-empty",
        action="store_true",
        help="the demo on an empty database, else only the directive (what make run does)",
    )
    p = _command(sub, "create-user", cmd_create_user, help="add an account")
    p.add_argument("username")
    p.add_argument("--role", required=True, help="leader, secretariat, body, viewer")
    p.add_argument("--org", help="body code, for the body role (e.g. SNV)")
    p.add_argument("--name", help="display name")
    p.add_argument("--password", help="else NEW_USER_PASSWORD, else asked twice")
    p = _command(
        sub, "unlock", cmd_unlock, help="lift the sign-in wait of an account or an address"
    )
    p.add_argument("username", nargs="?", help="the account's name")
    p.add_argument("--address", help="a client's IP address instead")
    p = _command(sub, "stats", cmd_stats, help="counts")
    p.add_argument("--json", action="store_true")
    p = _command(
        sub,
        "import-directive",
        cmd_import_directive,
        help="read a directive from its text and save it",
    )
    p.add_argument(
        "file", help=".txt, .docx, .xlsx (a task table) or .pdf (with a text layer); - reads stdin"
    )
    p.add_argument("--dry-run", action="store_true", help="parse and show, save nothing")
    p.add_argument("--json", action="store_true", help="print the parsed directive as JSON")
    p = sub.add_parser("reorganize", help="merge, split or rename bodies from a day")
    ops = p.add_subparsers(dest="operation", required=True)

    def common(q: argparse.ArgumentParser) -> None:
        q.add_argument("--on", required=True, help="the effective date, dd/mm/yyyy")
        q.add_argument("--dry-run", action="store_true", help="show what would move, write nothing")
        q.add_argument("--json", action="store_true", help="print what moved as JSON")
        q.set_defaults(func=cmd_reorganize)

    q = ops.add_parser("merge", help="SRC1,SRC2,... end; DEST takes over")
    q.add_argument("sources", help="codes of the bodies merged, comma-separated")
    q.add_argument("--into", required=True, help="the successor's code (existing, or new)")
    q.add_argument("--new-name", help="the new successor's name (makes a new body)")
    q.add_argument("--new-code", help="the new successor's code (default: --into)")
    q.add_argument("--kind", help="the new successor's kind (default: the first source's)")
    q.add_argument("--accounts", default="move", choices=["move", "deactivate"])
    common(q)
    q = ops.add_parser("split", help="SRC ends; its open work goes to A,B,... by a plan")
    q.add_argument("source", help="the code of the body split")
    q.add_argument("--into", required=True, help="the successors' codes, comma-separated")
    q.add_argument("--plan", help="CSV: task label, successor code (one line per open task)")
    q.add_argument("--accounts", default="move", choices=["move", "deactivate"])
    q.add_argument("--accounts-to", help="the successor that takes the accounts (default: first)")
    common(q)
    q = ops.add_parser("rename", help="a body's new name from a day (the old kept for before)")
    q.add_argument("code")
    q.add_argument("--name", required=True)
    common(q)
    q = ops.add_parser("apply", help="the body list from a CSV or .xlsx file, in one transaction")
    q.add_argument("file", help="CSV: code,name,kind,predecessors,effective_on[,source]")
    q.add_argument("--dry-run", action="store_true", help="show what would change, write nothing")
    q.add_argument("--json", action="store_true", help="print what changed as JSON")
    q.set_defaults(func=cmd_reorganize)
    p = _command(sub, "backup", cmd_backup, help="a consistent copy of the SQLite database")
    p.add_argument("file", help="where to write the copy")
    p = _command(
        sub, "restore", cmd_restore, help="replace the SQLite database with a verified backup"
    )
    p.add_argument("file", help="a backup made by manage.py backup or the admin page")
    p = _command(
        sub, "export", cmd_export, help="the briefing (pptx) or the office's spreadsheet (xlsx)"
    )
    p.add_argument("--format", choices=["pptx", "xlsx"], required=True)
    p.add_argument("--out", required=True, help="the file to write")
    p.add_argument("--as-of", help="the day to freeze the figures at (dd/mm/yyyy)")
    p.add_argument("--directive", type=int, help="directive id (default: the first)")
    p = _command(
        sub, "report", cmd_report, help="the periodic CCHC report as a Word document (DOCX)"
    )
    p.add_argument("--period", required=True, help="2022-Q4, 2022-H1 or 2022")
    p.add_argument("--org", help="a body's code (default: the province's report)")
    p.add_argument("--directive", type=int, help="directive id (default: the first)")
    p.add_argument("--as-of", help="the cut-off day inside the period (dd/mm/yyyy)")
    p.add_argument("--out", required=True, help="the .docx file to write")
    p = _command(sub, "notify", cmd_notify, help="make the notices due and e-mail the waiting ones")
    p.add_argument("--now", help='the moment to run at, "DD/MM/YYYY HH:MM" (Vietnam time)')
    p.add_argument("--dry-run", action="store_true", help="count, write and send nothing")
    p.add_argument("--json", action="store_true", help="print the counts as JSON")
    p = _command(
        sub, "bench", cmd_bench, help="build a fresh installation at a scale and measure it"
    )
    p.add_argument("--scale", type=int, default=1, help="1 is the demo; 100 is ~40,000 tasks")
    p.add_argument("--json", help="also write the results to this file")
    p.add_argument("--seconds", type=float, default=10, help="length of the contention run")
    p.add_argument("--writes", type=int, default=500, help="single writes to time")
    p.add_argument(
        "--browser", type=int, metavar="N", help="N Chromium sessions at once (benchmarks/browser)"
    )
    p = _command(
        sub,
        "nginx-site",
        cmd_nginx_site,
        help="the nginx site for N app processes (docs/DEPLOY.md)",
    )
    p.add_argument("--server-name", required=True, help="the name people open, e.g. cchc.example")
    p.add_argument("--ports", default="8501,8502", help="the app processes' ports, comma-separated")
    p.add_argument("--cert", default="/etc/ssl/certs/cchc.crt", help="TLS certificate (chain)")
    p.add_argument("--key", default="/etc/ssl/private/cchc.key", help="its private key")
    p.add_argument("--http-port", type=int, default=80)
    p.add_argument("--https-port", type=int, default=443)
    p.add_argument("--log-dir", default="/var/log/nginx")
    p.add_argument("--out", help="write here instead of standard output")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    handler: Callable[[argparse.Namespace], int] = args.func
    try:
        return handler(args)
    except DomainError as err:
        for one in getattr(err, "problems", None) or [err]:  # a file's problems, one a line
            print(t(one.code, _lang(), **one.params), file=sys.stderr)
        return EXIT_INVALID
    except (OperationalError, ProgrammingError) as err:
        if _looks_unmigrated(err):
            print(t("app.db_not_ready", _lang()), file=sys.stderr)
        else:
            print(t("app.db_unreachable", _lang(), url=_safe_url()), file=sys.stderr)
        return 1


def _looks_unmigrated(err: Exception) -> bool:
    text = str(err).lower()
    return "no such table" in text or ("does not exist" in text and "relation" in text)


if __name__ == "__main__":
    sys.exit(main())
