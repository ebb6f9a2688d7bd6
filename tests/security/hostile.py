"""A demo database in which every text a body, a leader or the secretariat can type, and every
field an imported document carries, holds Markdown and HTML that would fetch a picture from
an outside server, show a link, fake a badge, or draw a formula or an emoji, if anything drew
it as markup.

Each text starts with its own marker ("ZQresult", "ZQorg", ...), so a test can tell which
field it is looking at and check that every field was shown somewhere. The outside server is
`base`: a local HTTP server in the browser test, which records every request.

Everything is written through the services, as the pages would, except the fields of the
seeded directive that only an import fills (a section heading, a target's name, unit and
sentence): those are set in SQL, standing for a document that carried them, so
that the default view of every page shows them too. The imported directive (number 2) gets
them through the real import.
"""

from dataclasses import dataclass, replace

from sqlalchemy import text
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from models import (
    Assignment,
    Cadence,
    Organization,
    ProgressReport,
    ReformArea,
    Section,
    Target,
    Task,
    User,
    session_scope,
)
from models.db import build_engine
from services.accounts import users
from services.admin import directives, organizations
from services.core.actor import SYSTEM, Actor
from services.importing import importer
from services.install import demo
from services.reporting import figures, proposals
from services.reporting import reports as reporting
from services.reporting.reports import ReportInput
from tests.conftest import migrate

MARK = "ZQ"


def payload(tag: str, base: str, limit: int = 200) -> str:
    """The marker, then as many hostile pieces as fit in `limit` characters, the worst first."""
    pieces = [
        f"![{tag}]({base}/{tag}.png)",  # a picture fetched from outside
        ":red-background[**KHẨN**]",  # a badge that is not the app's
        f"<img src={base}/{tag}.gif>",  # raw HTML
        f"[{tag}]({base}/{tag})",  # a link
        "$x^2$",  # LaTeX
        ":smile: :streamlit:",  # shortcodes
        "-> www.zq.example zq@zq.example",  # an arrow and links made of bare addresses
    ]
    out = MARK + tag
    for piece in pieces:
        if len(out) + 1 + len(piece) <= limit:
            out += " " + piece
    return out


def plan_text(base: str) -> str:
    """A plan (kế hoạch) whose title, preamble, headings, tasks and target sentence are
    hostile; its header is the real shape, so the parser reads it as any other."""

    def h(tag: str) -> str:
        return payload(tag, base)

    return f"""ỦY BAN NHÂN DÂN                    CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
TỈNH LAI CHÂU                           Độc lập - Tự do - Hạnh phúc
Số: 77/KH-UBND                    Lai Châu, ngày 20 tháng 01 năm 2022

KẾ HOẠCH
{h("imptitle")}

{h("imppreamble")} như sau:
I. {h("impcontext")}
1. {h("impheading")}
- Sở Tư pháp chủ trì {h("imptask")}; phấn đấu đạt trên 50% {h("imptarget")}.
- Văn phòng UBND tỉnh chủ trì {h("imptasktwo")}.
II. TỔ CHỨC THỰC HIỆN
1. Sở Nội vụ
- Theo dõi, đôn đốc {h("imptaskthree")}.
Nơi nhận:                                         TM. ỦY BAN NHÂN DÂN
- Lưu: VT.
                                                    Giàng A Tính
"""


@dataclass(frozen=True)
class Hostile:
    url: str
    base: str
    org_code: str  # the body whose name, account and report are hostile
    org_id: int
    task_label: str  # its hostile task in directive 1
    task_id: int
    assignment_id: int
    report_id: int  # answered by a hostile direction
    waiting_id: int  # a later report whose hostile proposal waits
    evidence_link: str  # the report's evidence link: a link by design (a button, http(s) only)
    target_code: str  # directive 1's target with a hostile name, unit and sentence
    figure_target_id: int  # the target STP entered a hostile figure for
    imported_directive_id: int
    imported_target_code: str
    markers: frozenset[str]  # every field's marker


def _actor(s: Session, username: str) -> Actor:
    return Actor.of(s.exec(select(User).where(User.username == username)).one())


def _stp_reports(engine: Engine, assignment_id: int, *, percent: int, **texts: str) -> int:
    """STP, the hostile body, reports on `assignment_id` in the current period: the id."""
    with session_scope(engine) as s:
        fresh = s.get(Assignment, assignment_id)
        report = reporting.submit_report(
            s,
            actor=_actor(s, "stp"),
            assignment_id=fresh.id,
            expected_version=fresh.version,
            data=ReportInput(
                period=reporting.reading(s).current_period,
                status="in_progress",
                percent=percent,
                **texts,
            ),
        )
        return report.id


def build(url: str, base: str) -> Hostile:
    """Migrate `url`, seed the demo, and make every text field hostile (see the module)."""
    migrate(url)
    engine = build_engine(url)
    markers: set[str] = set()

    def h(tag: str, limit: int = 200) -> str:
        markers.add(MARK + tag)
        return payload(tag, base, limit)

    try:
        with session_scope(engine) as s:
            demo.seed_demo(s, actor=SYSTEM, password="laichau2021")
        with session_scope(engine) as s:
            office = _actor(s, "vanphong")
            org = s.exec(select(Organization).where(Organization.code == "STP")).one()
            organizations.rename_body(s, actor=office, code="STP", name=h("org"))
            users.update_user(
                s,
                actor=office,
                username="stp",
                role="body",
                organization_code="STP",
                display_name=h("user"),
            )
            users.update_user(
                s, actor=office, username="lanhdao", role="leader", display_name=h("leader")
            )
            directives.update_directive(
                s,
                actor=office,
                directive_id=1,
                kind=h("kind", 40),
                number=h("number", 60),
                issued_date=None,
                title=h("title", 500),
                issuer=h("issuer"),
                signer=h("signer"),
            )
            first = s.exec(select(Section).where(Section.directive_id == 1, Section.ordinal == 1))
            task = directives.add_task(
                s,
                actor=office,
                section_id=first.one().id,
                text=h("task", 2000),
                area=ReformArea.LEADERSHIP.value,
                cadence=Cadence.CONTINUOUS.value,
                lead_codes=["STP"],
            )
            assignment = s.exec(select(Assignment).where(Assignment.task_id == task.id)).one()
            task_label = f"1.{task.ordinal}"
            org_id = org.id
        evidence_link = f"{base}/ZQlink?x=![i]({base}/link.png)"
        report_id = _stp_reports(
            engine,
            assignment.id,
            percent=40,
            result=h("result", 2000),
            difficulties=h("difficulties", 2000),
            proposals=h("proposals", 2000),
            evidence_number=h("evidence"),
            evidence_link=evidence_link,
        )
        with session_scope(engine) as s:
            proposals.give_direction(
                s, actor=_actor(s, "lanhdao"), report_id=report_id, text=h("direction", 2000)
            )
        # a second proposal, still waiting for a direction
        waiting_id = _stp_reports(
            engine, assignment.id, percent=45, result=h("later", 2000), proposals=h("waiting", 2000)
        )
        with session_scope(engine) as s:
            body = _actor(s, "stp")
            fig = figures.targets_for(s, actor=body, organization_id=org_id)[0]
            figures.submit_figure(
                s,
                actor=body,
                data=figures.FigureInput(
                    target_id=fig.id,
                    period=figures.figure_periods(s, period_type=fig.period_type)[0],
                    value=1 if fig.kind == "done" else "50",
                    organization_id=org_id,
                    note=h("note", 2000),
                    source=h("source"),
                ),
            )
        with session_scope(engine) as s:  # what only a document carries, for directive 1
            target = s.exec(
                select(Target).where(Target.directive_id == 1).order_by(Target.code)
            ).first()
            target_code = target.code
            s.execute(
                text("UPDATE target SET name = :n, unit = :u, source_text = :t WHERE id = :i"),
                {"n": h("targetname"), "u": h("unit", 24), "t": h("targetsource"), "i": target.id},
            )
            s.execute(
                text("UPDATE section SET heading = :h WHERE directive_id = 1 AND ordinal = 1"),
                {"h": h("heading")},
            )
        with session_scope(engine) as s:  # the real import, edited in the preview
            parsed = importer.parse_pasted(s, plan_text(base))
            parsed = replace(
                parsed,
                kind=h("impkind", 40),
                number=h("impnumber", 60),
                issuer=h("impissuer"),
                signer=h("impsigner"),
                sections=[replace(x, label=x.label) for x in parsed.sections],
            )
            for tag in ("imptitle", "imppreamble", "impheading", "imptask", "imptarget"):
                markers.add(MARK + tag)
            result = importer.save(s, actor=_actor(s, "vanphong"), parsed=parsed)
            imported_id = result.directive_id
        with Session(engine) as s:
            imported_target = s.exec(
                select(Target).where(Target.directive_id == imported_id).order_by(Target.code)
            ).first()
            assert imported_target is not None and MARK in imported_target.name
            assert s.get(ProgressReport, report_id) is not None
            assert MARK in s.get(Task, task.id).text
        return Hostile(
            url=url,
            base=base,
            org_code="STP",
            org_id=org_id,
            task_label=task_label,
            task_id=task.id,
            assignment_id=assignment.id,
            report_id=report_id,
            waiting_id=waiting_id,
            evidence_link=evidence_link,
            target_code=target_code,
            figure_target_id=fig.id,
            imported_directive_id=imported_id,
            imported_target_code=imported_target.code,
            markers=frozenset(markers),
        )
    finally:
        engine.dispose()
