"""Small text helpers shared by pages and exports (no Streamlit)."""

from collections import Counter
from datetime import date, datetime
from zoneinfo import ZoneInfo

from components.i18n import t

VN_TZ = ZoneInfo("Asia/Ho_Chi_Minh")


def fmt_date(day: date | None) -> str:
    return day.strftime("%d/%m/%Y") if day else ""


def fmt_datetime(moment: datetime | None) -> str:
    return moment.astimezone(VN_TZ).strftime("%d/%m/%Y %H:%M") if moment else ""


def verdict_text(verdict, lang: str = "vi") -> str:
    return t(verdict.reason, lang, **verdict.params)


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
