"""The import preview: a parsed directive as three editable tables (sections, tasks, targets)
and back. Plain conversions, so the page stays thin; the rules are in services.importer.

A task's section is the section's place in the list (sections are edited, not added), and a
task keeps a hidden key so that a target still points at it after rows were added, removed
or renumbered.
"""

import math
from dataclasses import replace
from datetime import date
from typing import Any

import pandas as pd
import streamlit as st

import catalogue
from components.ui import fmt_date, lang, t
from models import Cadence, Direction, ReformArea, TargetKind
from render.fmt import plain, shorten
from services.importing.parser import ParsedDirective, ParsedSection, ParsedTask, ProposedTarget
from services.read.bodies import BodyRef

AREAS = [a.value for a in ReformArea]
CADENCES = [c.value for c in Cadence]
TARGET_KINDS = [k.value for k in TargetKind]
DIRECTIONS = [d.value for d in Direction]


# The task table's columns: the row's key (hidden), then what the editor shows, in order.
TASK_COLUMNS = ["key", "section", "text", "area", "cadence", "due", "timing", "leads", "partners"]


def section_choice(parsed: ParsedDirective) -> dict[int, str]:
    return {
        n: f"{s.label or n} {shorten(s.heading, 40)}".strip()
        for n, s in enumerate(parsed.sections, start=1)
    }


# ----------------------------------------------------------------------------- to tables


def sections_frame(parsed: ParsedDirective) -> pd.DataFrame:
    return pd.DataFrame(
        [
            {
                "include": s.include,
                "label": s.label,
                "heading": s.heading,
                "bodies": list(s.bodies),
                "tasks": len(s.tasks),
            }
            for s in parsed.sections
        ],
        columns=["include", "label", "heading", "bodies", "tasks"],
    )


def timing_shown(task: ParsedTask) -> str:
    """What the deadline was read from, for checking: a table's cell as written ("Quý
    II/2025") and a periodic task's period ("hằng quý")."""
    parts = [task.timing] if task.timing else []
    if task.recurrence:
        period = t(f"imp.recurrence.{task.recurrence}")
        if period.lower() not in task.timing.lower():
            parts.append(period)
    return " · ".join(parts)


def tasks_frame(parsed: ParsedDirective) -> pd.DataFrame:
    rows = []
    for n, s in enumerate(parsed.sections, start=1):
        for task in s.tasks:
            rows.append(
                {
                    "key": task.label,
                    "section": n,
                    "text": task.text,
                    "area": task.area,
                    "cadence": task.cadence,
                    "due": task.due_date,
                    "timing": timing_shown(task),
                    "leads": list(task.leads),
                    "partners": list(task.partners),
                }
            )
    frame = pd.DataFrame(
        rows,
        columns=TASK_COLUMNS,
    )
    frame["due"] = pd.to_datetime(frame["due"])  # a date column, even when every cell is empty
    return frame


def targets_frame(parsed: ParsedDirective) -> pd.DataFrame:
    return pd.DataFrame(
        [
            {
                "include": True,
                "text": x.text,
                "kind": x.kind,
                "value": x.value,
                "direction": x.direction,
                "task": x.task_label,
            }
            for x in parsed.targets
        ],
        columns=["include", "text", "kind", "value", "direction", "task"],
    )


# ----------------------------------------------------------------------------- editors


def _editor(frame: pd.DataFrame, key: str, num_rows: str = "fixed", **options: Any) -> Any:
    """An editable table of the parsed directive, the way every part of the preview shows it."""
    return st.data_editor(
        frame,
        key=key,
        hide_index=True,
        placeholder="—",
        num_rows=num_rows,
        width="stretch",
        **options,
    )


def _bodies_column(label: str, names: dict[str, str], **options: Any) -> Any:
    """A column of body codes picked from the active bodies, shown by their names."""
    return st.column_config.MultiselectColumn(
        label, options=list(names), format_func=lambda code: names.get(code, code), **options
    )


def _enum_column(label: str, values: list[str], prefix: str, **options: Any) -> Any:
    """A column whose cells take one value of an enum, each shown by its label (`prefix.value`
    in the catalogue)."""
    return st.column_config.SelectboxColumn(
        label, options=values, format_func=lambda v: t(f"{prefix}.{v}"), **options
    )


def edit_sections(parsed: ParsedDirective, bodies: list[BodyRef], key: str) -> pd.DataFrame:
    names = {b.code: b.name for b in bodies if b.active}
    return _editor(
        sections_frame(parsed),
        key,
        column_config={
            "include": st.column_config.CheckboxColumn(
                t("imp.col_include"), help=t("imp.col_include_help"), width="small"
            ),
            "label": st.column_config.TextColumn(t("imp.col_label"), width="small"),
            "heading": st.column_config.TextColumn(t("imp.col_heading"), width="large"),
            "bodies": _bodies_column(
                t("imp.col_bodies"), names, width="large", help=t("imp.col_bodies_help")
            ),
            "tasks": st.column_config.NumberColumn(
                t("imp.col_tasks"), disabled=True, width="small"
            ),
        },
    )


def edit_tasks(parsed: ParsedDirective, bodies: list[BodyRef], key: str) -> pd.DataFrame:
    names = {b.code: b.name for b in bodies if b.active}
    sections = section_choice(parsed)
    return _editor(
        tasks_frame(parsed),
        key,
        num_rows="dynamic",
        column_order=TASK_COLUMNS[1:],  # all but the row's key
        column_config={
            "section": st.column_config.SelectboxColumn(
                t("imp.col_section"),
                options=list(sections),
                format_func=lambda n: sections.get(n, str(n)),
                required=True,
                default=1 if sections else None,
                width="medium",
            ),
            "text": st.column_config.TextColumn(t("imp.col_text"), width="large", required=True),
            "area": _enum_column(
                t("imp.col_area"),
                AREAS,
                "area",
                required=True,
                default=ReformArea.LEADERSHIP.value,
            ),
            "cadence": _enum_column(
                t("imp.col_cadence"),
                CADENCES,
                "cadence",
                required=True,
                default=Cadence.CONTINUOUS.value,
                width="small",
            ),
            "due": st.column_config.DateColumn(
                t("imp.col_due"), format="DD/MM/YYYY", width="small"
            ),
            "timing": st.column_config.TextColumn(
                t("imp.col_timing"), disabled=True, width="small"
            ),
            "leads": _bodies_column(t("imp.col_leads"), names, help=t("imp.col_leads_help")),
            "partners": _bodies_column(t("imp.col_partners"), names),
        },
    )


def edit_targets(parsed: ParsedDirective, key: str) -> pd.DataFrame:
    tasks = {x.label: f"{x.label} {shorten(x.text, 40)}" for s in parsed.sections for x in s.tasks}
    return _editor(
        targets_frame(parsed),
        key,
        column_config={
            "include": st.column_config.CheckboxColumn(t("imp.col_include"), width="small"),
            "text": st.column_config.TextColumn(t("imp.col_target"), width="medium"),
            "kind": _enum_column(t("imp.col_kind"), TARGET_KINDS, "tgk", required=True),
            "value": st.column_config.NumberColumn(t("imp.col_value"), format="%g", width="small"),
            "direction": _enum_column(
                t("imp.col_direction"), DIRECTIONS, "direction", width="small"
            ),
            "task": st.column_config.SelectboxColumn(
                t("imp.col_task"),
                options=list(tasks),
                format_func=lambda k: tasks.get(k, k),
            ),
        },
    )


# ----------------------------------------------------------------------------- back


def _list(value: object) -> list[str]:
    if isinstance(value, list | tuple):
        return [str(v) for v in value]
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return []
    return list(value) if hasattr(value, "__iter__") and not isinstance(value, str) else []


def _text(value: object) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    return str(value)


def _date(value: object) -> date | None:
    if value is None or value is pd.NaT:
        return None
    if isinstance(value, pd.Timestamp):
        return value.date()
    if isinstance(value, date):
        return value
    return None


def _number(value: object) -> float | None:
    if value is None:
        return None
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    return None if math.isnan(number) else number


def rebuild(
    parsed: ParsedDirective,
    *,
    head: dict[str, object],
    sections: pd.DataFrame,
    tasks: pd.DataFrame,
    targets: pd.DataFrame,
) -> ParsedDirective:
    """The directive as the office left it in the preview. Empty new rows are dropped; the
    service checks the rest and refuses what is wrong, before writing anything."""
    rebuilt: list[ParsedSection] = []
    for n, row in enumerate(sections.to_dict("records"), start=1):
        original = parsed.sections[n - 1]
        rebuilt.append(
            replace(
                original,
                include=bool(row["include"]),
                label=_text(row["label"]).strip(),
                heading=_text(row["heading"]).strip(),
                bodies=_list(row["bodies"]),
                tasks=[],
            )
        )
    fresh = 0
    for row in tasks.to_dict("records"):
        text = _text(row["text"]).strip()
        section = row.get("section")
        if not text:
            continue
        if section is None or _number(section) is None:
            section = 1
        index = min(max(int(section), 1), len(rebuilt)) - 1
        key = _text(row.get("key"))
        if not key:
            fresh += 1
            key = f"+{fresh}"
        rebuilt[index].tasks.append(
            ParsedTask(
                label=key,
                text=text,
                area=_text(row["area"]) or ReformArea.LEADERSHIP.value,
                cadence=_text(row["cadence"]) or Cadence.CONTINUOUS.value,
                due_date=_date(row["due"]),
                leads=_list(row["leads"]),
                partners=_list(row["partners"]),
                timing=_text(row.get("timing")),
            )
        )
    kept_keys = {task.label for s in rebuilt if s.include for task in s.tasks}
    proposed = []
    for row in targets.to_dict("records"):
        if not row["include"] or not _text(row["text"]).strip():
            continue
        original = next((x for x in parsed.targets if x.text == row["text"]), None)
        task_key = _text(row["task"])
        proposed.append(
            ProposedTarget(
                text=_text(row["text"]).strip(),
                kind=_text(row["kind"]),
                value=_number(row["value"]),
                direction=_text(row["direction"]) or None,
                unit=original.unit if original else "%",
                task_label=task_key if task_key in kept_keys else "",
                period_type=original.period_type if original else "year",
            )
        )
    return replace(
        parsed,
        kind=_text(head.get("kind")).strip() or None,
        number=_text(head.get("number")).strip() or None,
        issued_date=_date(head.get("issued_date")),
        title=_text(head.get("title")).strip(),
        issuer=_text(head.get("issuer")).strip(),
        signer=_text(head.get("signer")).strip(),
        sections=rebuilt,
        targets=proposed,
    )


def full_text(parsed: ParsedDirective) -> None:
    """Every task in full, section by section, as the preview's tables cut long text."""
    for s in parsed.sections:
        st.markdown(f"**{plain(s.label)} {plain(s.heading)}**")
        for task in s.tasks:
            st.markdown(f"- {plain(task.text)}")


def summary(parsed: ParsedDirective) -> str:
    return t(  # t escapes what the document carried
        "imp.summary",
        kind=parsed.kind or "?",
        number=catalogue.t("imp.number", lang(), number=parsed.number)
        if parsed.number
        else catalogue.t("imp.no_number", lang()),
        day=fmt_date(parsed.issued_date) or "—",
        sections=len(parsed.sections),
        tasks=parsed.task_count,
        targets=len(parsed.targets),
    )
