"""Forms that write: a progress report, a figure, a direction, one's own password. Each form
returns what was typed (or None until it is submitted); the page hands it to a service.

What people type is shown with st.text (no Markdown, no HTML) or, inside Markdown, escaped
with `plain` (render.fmt), so that "<script>" or "**" typed into a report is shown as
typed.
"""

from collections.abc import Callable
from datetime import date

import streamlit as st

from components.ui import fmt_date, fmt_datetime, t
from models import Status, TargetKind
from render.fmt import plain
from services.core.validation import TEXT_LIMIT
from services.reporting.figures import FigureTarget
from services.reporting.reports import AssignmentRow, ReportInput, ReportView


def short(text: str, limit: int = 90) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


# --- one message that survives a rerun --------------------------------------------------------


def flash(slot: str, kind: str, message: str) -> None:
    st.session_state[f"flash_{slot}"] = (kind, message)


def show_flash(slot: str) -> None:
    kind, message = st.session_state.pop(f"flash_{slot}", (None, None))
    if kind == "success":
        st.success(message, icon=":material/check_circle:")
    elif kind == "error":
        st.error(message, icon=":material/error:")


# --- progress report --------------------------------------------------------------------------


def _report_keys(assignment_id: int) -> tuple[int, Callable[[str], str]]:
    generation = st.session_state.setdefault(f"rf_gen_{assignment_id}", 0)
    return generation, lambda name: f"rf_{assignment_id}_{generation}_{name}"


def report_form_version(row: AssignmentRow) -> int:
    """The assignment's version when this form was opened: kept until the report is accepted,
    so that a report from a form opened before someone else's is refused."""
    generation, _ = _report_keys(row.assignment_id)
    return st.session_state.setdefault(f"rf_ver_{row.assignment_id}_{generation}", row.version)


def adopt_latest_version(row: AssignmentRow) -> None:
    """Keep what was typed, but work from the assignment's latest version."""
    generation, _ = _report_keys(row.assignment_id)
    st.session_state[f"rf_ver_{row.assignment_id}_{generation}"] = row.version


def report_accepted(assignment_id: int) -> None:
    """Start a fresh, empty form (with the new version) for the next report."""
    st.session_state[f"rf_gen_{assignment_id}"] = (
        st.session_state.get(f"rf_gen_{assignment_id}", 0) + 1
    )
    st.session_state.pop(f"rf_confirm_{assignment_id}", None)


def ask_to_confirm_done(assignment_id: int) -> None:
    st.session_state[f"rf_confirm_{assignment_id}"] = True


def report_form(
    row: AssignmentRow, periods: list[str], *, today: date
) -> tuple[ReportInput, int] | None:
    """The report form for one assignment; (what was typed, the version it was opened with)
    once submitted."""
    version = report_form_version(row)
    _, key = _report_keys(row.assignment_id)
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
        result = st.text_area(
            t("rp.result"), key=key("result"), help=t("rp.result_help", n=limit), height=110
        )
        c1, c2 = st.columns(2)
        difficulties = c1.text_area(
            t("rp.difficulties"), key=key("difficulties"), help=t("rp.text_help", n=limit)
        )
        proposals = c2.text_area(
            t("rp.proposals"), key=key("proposals"), help=t("rp.proposals_help", n=limit)
        )
        c1, c2, c3 = st.columns([1, 1, 2])
        evidence_number = c1.text_input(
            t("rp.evidence_number"), key=key("evidence_number"), placeholder="15/KH-SNV"
        )
        evidence_date = c2.date_input(
            t("rp.evidence_date"),
            value=None,
            min_value=date(2000, 1, 1),
            max_value=today,
            format="DD/MM/YYYY",
            key=key("evidence_date"),
        )
        evidence_link = c3.text_input(
            t("rp.evidence_link"), key=key("evidence_link"), placeholder="https://"
        )
        confirm = False
        if st.session_state.get(f"rf_confirm_{row.assignment_id}"):
            confirm = st.checkbox(t("rp.confirm_done"), key=key("confirm"))
        submitted = st.form_submit_button(t("rp.submit"), type="primary")
    if not submitted:
        return None
    return (
        ReportInput(
            period=period or "",
            status=status,
            percent=percent,
            result=result,
            difficulties=difficulties,
            proposals=proposals,
            evidence_number=evidence_number,
            evidence_date=evidence_date,
            evidence_link=evidence_link,
            confirm_done_below_100=confirm,
        ),
        version,
    )


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
        for label, text in (
            ("rp.result", report.result),
            ("rp.difficulties", report.difficulties),
            ("rp.proposals", report.proposals),
        ):
            if text:
                st.markdown(f"**{t(label)}**")
                st.text(text)
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


def direction_form(report_id: int) -> tuple[str, bool] | None:
    key = f"df_{report_id}_{st.session_state.get(f'df_gen_{report_id}', 0)}"
    with st.form(key):
        text = st.text_area(t("pp.direction"), key=f"{key}_text", height=120)
        closed = st.checkbox(t("pp.close"), key=f"{key}_closed", help=t("pp.close_help"))
        submitted = st.form_submit_button(t("pp.submit"), type="primary")
    return (text, closed) if submitted else None


def direction_accepted(report_id: int) -> None:
    st.session_state[f"df_gen_{report_id}"] = st.session_state.get(f"df_gen_{report_id}", 0) + 1


# --- one's own password -----------------------------------------------------------------------


def change_password_form() -> tuple[str, str, str] | None:
    key = f"pw_{st.session_state.get('pw_gen', 0)}"
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


def password_changed() -> None:
    st.session_state["pw_gen"] = st.session_state.get("pw_gen", 0) + 1
