"""Small text helpers shared by pages and exports (no Streamlit)."""

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
