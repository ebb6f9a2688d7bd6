"""Small text helpers shared by pages and exports (no Streamlit)."""

import html
import re
from collections import Counter
from datetime import date, datetime

from catalogue import t
from services.core import clock


def fmt_date(day: date | None) -> str:
    return day.strftime("%d/%m/%Y") if day else ""


def fmt_datetime(moment: datetime | None) -> str:
    return clock.local(moment).strftime("%d/%m/%Y %H:%M") if moment else ""


def number(value: float | None, lang: str = "vi") -> str:
    """A figure as the reader writes it: 35 / 35,7 in Vietnamese, 35.7 in English; – if none."""
    if value is None:
        return "–"
    if float(value).is_integer():
        return f"{value:.0f}"
    text = f"{value:.1f}"
    return text.replace(".", ",") if lang == "vi" else text


def verdict_text(verdict, lang: str = "vi") -> str:
    """A target's verdict in words, its figures written for the language."""
    params = {
        key: value if isinstance(value, str) else number(value, lang)
        for key, value in verdict.params.items()
    }
    return t(verdict.reason, lang, **params)


def timeliness_label(value, lang: str = "vi") -> str:
    return t(f"tl.{getattr(value, 'value', value)}", lang)


def shorten(text: str | None, limit: int) -> str:
    """One line of at most `limit` characters, cut with "…"."""
    text = " ".join((text or "").split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def distinct_labels(names: dict, limit: int) -> dict:
    """Short labels for a list to choose from, no two alike: Streamlit tells the options of a
    select box apart by their labels, so two directives whose titles begin alike would be one.
    A long name keeps its beginning and its end (where a year or a copy number often is);
    labels still alike get the record's number."""
    head = (limit - 1) * 2 // 3
    short = {
        key: name if len(name) <= limit else f"{name[:head]}…{name[-(limit - head - 1) :]}"
        for key, name in ((k, " ".join(n.split())) for k, n in names.items())
    }
    seen = Counter(short.values())
    return {k: label if seen[label] == 1 else f"{label} (#{k})" for k, label in short.items()}


# --- text from people, documents and the URL, inside Markdown or HTML -------------------------
#
# Streamlit draws st.markdown, st.caption, titles, alerts, toasts, metric labels, widget labels
# and help, tab and expander labels, radio and segmented-control options as Markdown (GitHub's,
# plus its own :colour[...] directives, badges, :emoji: and :material/...: shortcodes, $LaTeX$,
# "->" arrows, and links made of bare www. addresses and e-mail addresses). What a person typed
# or a document carried is data, never markup, so it goes through `plain` on its way in.
# (Select boxes, multiselects, st.text, tables and charts draw plain text: no escaping there.)

# Every ASCII character CommonMark lets one escape that Markdown, Streamlit's directives, LaTeX
# or HTML give a meaning to ("/", ",", ";", "?" and "%" mean nothing on their own).
_MARKDOWN_SPECIAL = re.compile(r"""([\\`*_{}\[\]()#+\-.!|<>~$:=&^"'@])""")
# Streamlit finds :smile:, :streamlit:, :material/x:, "->" and bare www. or e-mail links in the
# text *after* the escapes are read, so a backslash does not stop them: an invisible word
# joiner (U+2060) after the colon, between the arrow's two signs, after "www" and after "@" does.
_AFTER_ESCAPES = re.compile(r"(?<=:)(?=[\w+/-])|(?<=[<>~-])(?=[>=-])|(?<=www)(?=\.)|(?<=@)", re.I)
WORD_JOINER = "\u2060"


def plain(text: object) -> str:
    """`text` on one line, for any element Streamlit draws as Markdown: shown exactly as typed
    (no link, picture, badge, colour, emoji, formula or HTML can come out of it)."""
    one_line = " ".join(str(text if text is not None else "").split())
    return _MARKDOWN_SPECIAL.sub(r"\\\1", _AFTER_ESCAPES.sub(WORD_JOINER, one_line))


def html_text(text: object) -> str:
    """`text` on one line for HTML drawn with unsafe_allow_html (the briefing's slides): tags,
    entities and quotes escaped; one line, so the HTML block never ends and lets Markdown in;
    ":" and "$" as entities, so Streamlit finds no icon shortcode or formula in the source."""
    one_line = " ".join(str(text if text is not None else "").split())
    return html.escape(one_line, quote=True).replace(":", "&#58;").replace("$", "&#36;")


def first_upper(text: str) -> str:
    """The first letter in capitals, the rest as written ("quý IV năm 2022" → "Quý IV năm
    2022"; str.capitalize would write "Quý iv")."""
    return text[:1].upper() + text[1:]
