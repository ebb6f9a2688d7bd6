"""Forms that write: a progress report, a figure, a direction, one's own password. Each form
returns what was typed (or None until it is submitted); the page hands it to a service.

What people type is shown with st.text (no Markdown, no HTML) or, inside Markdown, escaped
with `plain` (render.fmt), so that "<script>" or "**" typed into a report is shown as
typed.
"""

from collections.abc import Callable
from datetime import date

import streamlit as st

from components.ui import fmt_date, fmt_datetime, form_key, t
from models import Status, TargetKind
from render.fmt import plain
from services.core.validation import TEXT_LIMIT
from services.reporting.figures import FigureTarget
from services.reporting.reports import AssignmentRow, ReportInput, ReportView

# --- progress report --------------------------------------------------------------------------


def report_form_name(assignment_id: int) -> str:
    """The report form of one assignment (components.write starts it afresh once accepted)."""
    return f"rf_{assignment_id}"


def _report_key(assignment_id: int) -> Callable[[str], str]:
    current = form_key(report_form_name(assignment_id))
    return lambda name: f"{current}_{name}"


def report_form_version(row: AssignmentRow) -> int:
    """The assignment's version when this form was opened: kept until the report is accepted
    (a fresh form then takes the new one), so that a report from a form opened before someone
    else's is refused."""
    return st.session_state.setdefault(_report_key(row.assignment_id)("version"), row.version)


def adopt_latest_version(row: AssignmentRow) -> None:
    """Keep what was typed, but work from the assignment's latest version."""
    st.session_state[_report_key(row.assignment_id)("version")] = row.version


def ask_to_confirm_done(assignment_id: int) -> None:
    """The form shows the "done below 100%" box until it is accepted."""
    st.session_state[_report_key(assignment_id)("confirm_asked")] = True


def report_form(
    row: AssignmentRow, periods: list[str], *, today: date
) -> tuple[ReportInput, int] | None:
    """The report form for one assignment; (what was typed, the version it was opened with)
    once submitted."""
    version = report_form_version(row)
    key = _report_key(row.assignment_id)
    statuses = [s.value for s in Status]
    with st.form(key("form")):
        c1, c2, c3 = st.columns([1, 1, 1])
        period = c1.selectbox(t("rp.period"), periods, key=key("period"))
        status = c2.selectbox(
            t("rp.status"),
            statuses,
            index=statuses.index(row.status) if row.status in statuses else 0,
            format_func=lambda s: t(f"status.{s}"),
            key=key("status"),
        )
        percent = c3.number_input(
            t("rp.percent"),
            min_value=0,
            max_value=100,
            value=row.percent,
            step=5,
            key=key("percent"),
        )
        limit = f"{TEXT_LIMIT:,}".replace(",", ".")
        texts = {  # what the body writes, named as ReportInput takes it
            "result": st.text_area(
                t("rp.result"), key=key("result"), help=t("rp.result_help", n=limit), height=110
            )
        }
        c1, c2 = st.columns(2)
        texts["difficulties"] = c1.text_area(
            t("rp.difficulties"), key=key("difficulties"), help=t("rp.text_help", n=limit)
        )
        texts["proposals"] = c2.text_area(
            t("rp.proposals"), key=key("proposals"), help=t("rp.proposals_help", n=limit)
        )
        c1, c2, c3 = st.columns([1, 1, 2])
        evidence = {  # the document that shows the work, named as ReportInput takes it
            "evidence_number": c1.text_input(
                t("rp.evidence_number"), key=key("evidence_number"), placeholder="15/KH-SNV"
            ),
            "evidence_date": c2.date_input(
                t("rp.evidence_date"),
                value=None,
                min_value=date(2000, 1, 1),
                max_value=today,
                format="DD/MM/YYYY",
                key=key("evidence_date"),
            ),
            "evidence_link": c3.text_input(
                t("rp.evidence_link"), key=key("evidence_link"), placeholder="https://"
            ),
        }
        confirm = False
        if st.session_state.get(key("confirm_asked")):
            confirm = st.checkbox(t("rp.confirm_done"), key=key("confirm"))
        submitted = st.form_submit_button(t("rp.submit"), type="primary")
    if not submitted:
        return None
    return (
        ReportInput(
            period=period or "",
            status=status,
            percent=percent,
            **texts,
            **evidence,
            confirm_done_below_100=confirm,
        ),
        version,
    )


def report_texts(result: str, difficulties: str, proposals: str) -> None:
    """What a report says, each part under its label, as typed (parts left empty are skipped)."""
    for label, text in (
        ("rp.result", result),
        ("rp.difficulties", difficulties),
        ("rp.proposals", proposals),
    ):
        if text:
            st.markdown(f"**{t(label)}**")
            st.text(text)


def report_card(report: ReportView, *, show_body: bool = False) -> None:
    """One report as a reader sees it; every typed text through st.text."""
    with st.container(border=True):
        head = [
            f"**{plain(report.period)}**",
            t(f"status.{report.status}"),
            f"{report.percent}%",
        ]
        if report.stuck:
            head.append(f":orange[{t('status.stuck')}]")
        if show_body:
            head.insert(0, plain(report.organization_name))
        st.markdown(" · ".join(head))
        by = t("rp.by", who=report.author or "—", at=fmt_datetime(report.created_at))
        if report.on_behalf:
            by += " · " + t("rp.on_behalf")
        st.caption(by)
        report_texts(report.result, report.difficulties, report.proposals)
        evidence = [x for x in (report.evidence_number, fmt_date(report.evidence_date)) if x]
        if evidence:
            st.caption(t("rp.evidence") + ": " + plain(" · ".join(evidence)))
        if report.evidence_link.lower().startswith(("http://", "https://")):  # checked on entry
            st.link_button(t("rp.open_link"), report.evidence_link, icon=":material/open_in_new:")
        elif report.evidence_link:
            st.text(report.evidence_link)
        for note in report.directions:
            st.info(
                t(
                    "rp.direction_head",
                    who=note.author or "—",
                    at=fmt_datetime(note.created_at),
                )
                + (" · " + t("pp.closed") if note.closed else ""),
                icon=":material/campaign:",
            )
            st.text(note.text)


# --- figures ----------------------------------------------------------------------------------


def figure_form(target: FigureTarget, periods: list[str], *, form_key: str) -> dict | None:
    """The figure form for one target; a dict of what was typed once submitted."""
    with st.form(form_key):
        c1, c2 = st.columns([1, 2])
        period = c1.selectbox(t("fg.period"), periods, key=f"{form_key}_period")
        if target.kind == TargetKind.DONE:
            value = c2.radio(
                t("fg.value_done"),
                [1, 0],
                format_func=lambda v: t("fg.done_yes") if v else t("fg.done_no"),
                horizontal=True,
                key=f"{form_key}_value",
            )
        else:
            label = t("fg.value", unit=target.unit) if target.unit else t("fg.value_plain")
            value = c2.text_input(
                label,
                key=f"{form_key}_value",
                placeholder=t("fg.value_hint"),
                help=t("fg.rank_help") if target.kind == TargetKind.RANK else t("fg.value_help"),
            )
        source = st.text_input(
            t("fg.source"), key=f"{form_key}_source", placeholder=t("fg.source_hint")
        )
        note = st.text_area(t("fg.note"), key=f"{form_key}_note", height=80)
        submitted = st.form_submit_button(t("fg.submit"), type="primary")
    if not submitted:
        return None
    return {"period": period or "", "value": value, "source": source, "note": note}


# --- directions -------------------------------------------------------------------------------


def direction_form_name(report_id: int) -> str:
    return f"df_{report_id}"


def direction_form(report_id: int) -> tuple[str, bool] | None:
    key = form_key(direction_form_name(report_id))
    with st.form(key):
        text = st.text_area(t("pp.direction"), key=f"{key}_text", height=120)
        closed = st.checkbox(t("pp.close"), key=f"{key}_closed", help=t("pp.close_help"))
        submitted = st.form_submit_button(t("pp.submit"), type="primary")
    return (text, closed) if submitted else None


# --- one's own password -----------------------------------------------------------------------


PASSWORD_FORM = "pw"  # nosec B105  # the password form's widget-key prefix, not a password


def change_password_form() -> tuple[str, str, str] | None:
    key = form_key(PASSWORD_FORM)
    with st.form(key):
        current = st.text_input(
            t("auth.current_password"), type="password", autocomplete="current-password"
        )
        new = st.text_input(t("auth.new_password"), type="password", autocomplete="new-password")
        repeat = st.text_input(
            t("auth.repeat_password"), type="password", autocomplete="new-password"
        )
        submitted = st.form_submit_button(t("auth.change_submit"))
    return (current, new, repeat) if submitted else None
