"""The briefing's slides as HTML for a projector: big type, high contrast, one message each.
Every piece of text is escaped with html_text (names, headings and proposals are typed by
people or carried by documents), and kept on one line: Streamlit reads this HTML inside
Markdown, and a blank line would end the HTML and let the rest be read as Markdown.

A slide holds at most ROWS rows of a list: a longer list continues on following slides titled
"… (tiếp theo)", so nothing is cut and nothing runs off a 1024x768 projector (measured in
Chromium by tests/e2e/test_briefing.py at 1024x768, 1280x720 and 1920x1080)."""

from dataclasses import dataclass

from catalogue import t
from render import charts
from render.fmt import fmt_datetime, html_text, verdict_text
from services.read.briefing import SLIDES, Briefing

# Sizes at 1920x1080; the CSS scales them down with the window, never below the floor.
CSS = """
<style>
.slide {background:#ffffff; color:#111; border:3px solid #b71c1c; border-radius:10px;
        padding:14px 28px 10px 28px; min-height:80vh; box-sizing:border-box;
        display:flex; flex-direction:column;}
.slide-head {border-bottom:3px solid #b71c1c; margin-bottom:10px; padding-bottom:4px;}
.slide-title {font-size:max(44px, 2.6vw); font-weight:700; color:#b71c1c; line-height:1.15;}
.slide-meta, .slide-text, .slide table {font-size:max(28px, 1.6vw); line-height:1.35;}
.slide-meta {color:#333; text-align:right; margin-top:auto; padding-top:6px;}
.slide-figures {display:flex; gap:20px; flex-wrap:wrap; margin:8px 0 14px 0;}
.slide-tile {flex:1 1 0; min-width:180px; border:2px solid #ccc; border-radius:10px;
             padding:8px 16px;}
.slide-figure {font-size:max(72px, 4.6vw); font-weight:800; line-height:1.05;}
.slide-label {font-size:max(28px, 1.5vw); color:#222; line-height:1.2;}
.slide table {border-collapse:collapse; width:100%;}
.slide th {text-align:left; border-bottom:3px solid #444; padding:4px 10px;}
.slide td {border-bottom:1px solid #bbb; padding:4px 10px; vertical-align:top;}
.slide td.num, .slide th.num {text-align:right;} .slide td.num {white-space:nowrap;}
.tone-red {color:#b00020;} .tone-green {color:#0b6b2b;} .tone-amber {color:#8a5a00;}
.tone-gray {color:#555;}
.slide-chart svg {width:100%; height:auto; max-height:56vh;}
.slide-demo {font-size:max(28px, 1.4vw); color:#8a5a00; font-weight:700;}
</style>
"""
# Rows of each list on one slide: what fits 1024x768 and 1280x720 at the sizes above with the
# cells' texts clipped as in content() (a row of three lines at most at 1024 px wide).
ROWS = {"bodies": 6, "overdue": 3, "targets": 5, "proposals": 3, "detail": 3}
TONE = {
    "met": "green",
    "partial": "amber",
    "not_met": "red",
    "no_data": "gray",
    "red": "red",
    "amber": "amber",
    "green": "green",
}


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def frame(b: Briefing, lang: str, number: int, total: int, title: str, body: str) -> str:
    made = fmt_datetime(b.made_at)
    meta = t("br.meta", lang, day=b.as_of.strftime("%d/%m/%Y"), made=made, n=number, total=total)
    demo = f'<div class="slide-demo">{html_text(t("br.demo", lang))}</div>' if b.demo else ""
    return (
        f'<div class="slide"><div class="slide-head"><div class="slide-title">{html_text(title)}'
        f'</div></div>{demo}{body}<div class="slide-meta">{html_text(meta)}</div></div>'
    )


def tiles(items: list[tuple[str, str, str]]) -> str:
    """(figure, label, tone) boxes."""
    cells = "".join(
        f'<div class="slide-tile"><div class="slide-figure tone-{tone}">{html_text(fig)}</div>'
        f'<div class="slide-label">{html_text(label)}</div></div>'
        for fig, label, tone in items
    )
    return f'<div class="slide-figures">{cells}</div>'


def table(
    headers: list[str],
    rows: list[list[str]],
    numeric: set[int] = frozenset(),
    tones: list[str] | None = None,
) -> str:
    head = "".join(
        f'<th class="{"num" if i in numeric else ""}">{html_text(h)}</th>'
        for i, h in enumerate(headers)
    )
    body = []
    for r, row in enumerate(rows):
        tone = f' class="tone-{tones[r]}"' if tones else ""
        cells = "".join(
            f'<td class="{"num" if i in numeric else ""}">{html_text(str(c))}</td>'
            for i, c in enumerate(row)
        )
        body.append(f"<tr{tone}>{cells}</tr>")
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"


def text(line: str) -> str:
    return f'<div class="slide-text">{html_text(line)}</div>'


def _listing(title: str, rows: list, columns: list[str], none: str, lang: str) -> tuple:
    """A slide content that lists rows under their column headings (catalogue keys), or says
    in one line (`none`) that there is nothing to list."""
    headings = [t(column, lang) for column in columns] if rows else []
    return title, rows, headings, [], [] if rows else [t(none, lang)], None


def content(b: Briefing, key: str, lang: str) -> tuple:
    """(title, rows, headers, figures, lines, tones) of one slide: what the page draws as HTML
    and the PPTX as shapes, defined once. The sections slide is a chart, drawn by each."""
    d, h = b.data, b.data.headline
    tl = h.by_timeliness
    if key == "overall":
        figures = [
            (f"{h.mean_percent:.0f}%", t("ov.mean_percent", lang), "gray"),
            (str(tl["overdue"]), t("tl.overdue", lang), "red" if tl["overdue"] else "green"),
            (str(h.stuck), t("ov.stuck", lang), "amber" if h.stuck else "green"),
            (str(h.proposals_waiting), t("ov.proposals_waiting", lang), "amber"),
        ]
        lines = [
            t(
                "br.timeliness",
                lang,
                on_time=tl["done_on_time"],
                late=tl["done_late"],
                going=tl["in_progress_on_time"],
                overdue=tl["overdue"],
            ),
            t(
                "br.reporting",
                lang,
                reported=tl["reported"],
                missing=tl["not_reported"],
                silent=h.bodies_not_reported,
                bodies=h.bodies,
            ),
        ]
        return t("br.overall", lang), [], [], figures, lines, None
    if key == "sections":
        return t("br.sections", lang), [], [], [], [], None
    if key == "bodies":
        top = d.scorecard
        return (
            t("br.bodies", lang),
            [[s.rank, s.name, s.overdue, f"{s.mean_percent:.0f}%", s.not_reported] for s in top],
            [
                t("col.rank", lang),
                t("col.body", lang),
                t("col.overdue", lang),
                t("col.mean_percent", lang),
                t("col.not_reported", lang),
            ],
            [],
            [],
            [TONE[s.health] for s in top],
        )
    if key == "overdue":
        rows = [
            [r.organization_name, r.task_label, _clip(r.task_text, 70), days]
            for r, days in d.overdue
        ]
        return _listing(
            t("br.overdue", lang, n=len(d.overdue), stuck=len(d.stuck)),
            rows,
            ["col.body", "col.task", "col.task_text", "col.days_overdue"],
            "br.none_overdue",
            lang,
        )
    if key == "targets":
        return (
            t("br.targets", lang),
            [[s.code, _clip(s.name, 70), verdict_text(s.verdict, lang)] for s in d.targets],
            [t("col.code", lang), t("col.target", lang), t("col.assessment", lang)],
            [],
            [],
            [TONE[s.verdict.status] for s in d.targets],
        )
    if key == "proposals":
        oldest = sorted(d.proposals, key=lambda p: -p.days_waiting)
        rows = [
            [p.organization_name, p.task_label, _clip(p.proposals, 80), p.days_waiting]
            for p in oldest
        ]
        return _listing(
            t("br.proposals", lang, n=len(d.proposals)),
            rows,
            ["col.body", "col.task", "col.proposal", "col.days_waiting"],
            "br.none_waiting",
            lang,
        )
    detail = b.detail
    if detail is None:
        return t("br.detail", lang, name="–"), [], [], [], [t("ov.none", lang)], None
    if detail.kind == "section":
        return (
            t("br.detail", lang, name=_clip(detail.title, 60)),
            [
                [
                    x.label,
                    _clip(x.text, 70),
                    f"{x.done}/{x.assignments}",
                    f"{x.mean_percent:.0f}%",
                    x.overdue,
                ]
                for x in detail.tasks
            ],
            [
                t("col.task", lang),
                t("col.task_text", lang),
                t("col.done", lang),
                t("col.percent", lang),
                t("col.overdue", lang),
            ],
            [],
            [],
            None,
        )
    s = detail.body.score
    figures = (
        [
            (f"{s.rank}/{detail.body.peers}", t("col.rank", lang), TONE[s.health]),
            (f"{s.mean_percent:.0f}%", t("ov.mean_percent", lang), "gray"),
            (str(s.overdue), t("col.overdue", lang), "red" if s.overdue else "green"),
            (
                str(s.not_reported),
                t("col.not_reported", lang),
                "amber" if s.not_reported else "green",
            ),
        ]
        if s
        else []
    )
    lines = [f"{st.code}: {verdict_text(v, lang)}" for st, v in detail.body.targets[:4]]
    return t("br.detail", lang, name=detail.title), [], [], figures, lines, None


NUMERIC = {"bodies": {0, 2, 3, 4}, "overdue": {3}, "proposals": {3}, "detail": {2, 3, 4}}


@dataclass(frozen=True)
class Slide:
    """One slide as shown: a kind of SLIDES and its share of that kind's list."""

    key: str
    title: str
    rows: list[list]
    headers: list[str]
    figures: list[tuple[str, str, str]]
    lines: list[str]
    tones: list[str] | None


def deck(b: Briefing, lang: str) -> list[Slide]:
    """Every slide in order: each kind of SLIDES, its list cut into pages of ROWS rows, the
    pages after the first titled "… (tiếp theo)". The page and the PPTX both show these."""
    out: list[Slide] = []
    for key in SLIDES:
        title, rows, headers, figures, lines, tones = content(b, key, lang)
        per = ROWS.get(key, max(len(rows), 1))
        starts = range(0, len(rows), per) if rows else range(1)
        for page, start in enumerate(starts):
            out.append(
                Slide(
                    key,
                    title if page == 0 else t("br.continued", lang, title=title),
                    rows[start : start + per],
                    headers,
                    figures if page == 0 else [],
                    lines if page == 0 else [],
                    tones[start : start + per] if tones else None,
                )
            )
    return out


def slide_body(b: Briefing, slide: Slide, lang: str) -> str:
    """The HTML body of one slide."""
    if slide.key == "sections":
        # vl-convert's SVG escapes the labels it draws; on one line, like every slide's HTML
        svg = charts.to_svg(charts.sections_for_slides(b, lang)).replace("\n", " ")
        return f'<div class="slide-chart">{svg}</div>'
    body = tiles(slide.figures) if slide.figures else ""
    body += "".join(text(line) for line in slide.lines)
    if slide.headers:
        body += table(
            slide.headers, slide.rows, numeric=NUMERIC.get(slide.key, set()), tones=slide.tones
        )
    return body
