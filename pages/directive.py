"""Chỉ thị: sections and tasks as written; a task's grid of bodies; an assignment's history.

The URL carries the choice (?section=1, ?task=1.5, &assignment=123), so a link can be shared.
"""

import streamlit as st

from components import loaders
from components.filters import sidebar_filters
from components.page import bad_link, guard, link_number, link_value, start
from components.ui import fmt_date, fmt_datetime, lang, picked_row, plain, t
from render import tables

guard("directive")
start("page.directive")
f = sidebar_filters(with_kind=False)
if f is None:
    st.stop()
data = loaders.directive_outline(f.directive_id)
head = data["directive"]
st.markdown(f"#### {plain(head['kind'])} {plain(head['title'])}")
st.caption(
    f"{t('dir.number')}: {plain(head['number']) or t('dir.no_number')} · "
    f"{t('dir.issued')}: {fmt_date(head['issued_date']) or t('dir.no_date')} · "
    f"{plain(head['issuer'])} · {t('dir.signer')}: {plain(head['signer'])}"
)

sections = {s.ordinal: s for s in data["sections"]}
if not sections:
    st.write(t("ov.none"))
    st.stop()
tasks = {task.label: task for s in data["sections"] for task in s.tasks}
section_of = {task.label: s.ordinal for s in data["sections"] for task in s.tasks}
task_label = link_value("task")
if task_label and task_label not in tasks:
    bad_link("dir.no_task", task_label)
    task_label = ""
wanted, number = link_number("section")
if task_label:
    section_no = section_of[task_label]
elif number in sections:
    section_no = number
else:
    if wanted:
        bad_link("dir.no_section", wanted)
    section_no = next(iter(sections))


def _show_history(assignment_id: int, body: str, label: str) -> None:
    st.subheader(t("dir.history", body=body, label=label))
    history = loaders.report_history(assignment_id)
    if not history:
        st.write(t("dir.no_reports"))
    for item in history:
        r = item["report"]
        with st.container(border=True):
            stuck = f" · {t('status.stuck')}" if r.stuck else ""
            st.markdown(
                f"**{plain(r.period)}** · {t(f'status.{r.status}')} · {r.percent}%{stuck}"
                f" · {fmt_datetime(r.created_at)}"
            )
            for key, text in [
                ("col.result", r.result),
                ("col.difficulties", r.difficulties),
                ("col.proposal", r.proposals),
            ]:
                if text:
                    st.caption(t(key))
                    st.text(text)  # as typed: never rendered as markup
            evidence = " ".join(x for x in [r.evidence_number, fmt_date(r.evidence_date)] if x)
            if evidence:
                st.caption(t("dir.evidence", doc=evidence))
            if r.evidence_link:
                st.link_button(t("dir.evidence_link"), r.evidence_link)
            for d in item["directions"]:
                state = t("dir.closed" if d.closed else "dir.open")
                st.info(t("dir.direction", day=fmt_datetime(d.created_at), state=state))
                st.text(d.text)


if task_label:
    task = tasks[task_label]
    if st.button(t("dir.back", n=section_no)):
        st.query_params.clear()
        st.query_params["section"] = str(section_no)
        st.rerun()
    with st.container(border=True):
        st.markdown(f"**{plain(task.label)}** {plain(task.text)}")
    _, grid = loaders.task_grid(f, task_label)
    st.subheader(t("dir.grid", label=task_label, period=f.period))
    st.caption(t("dir.grid_summary", done=sum(r.status == "done" for r in grid), total=len(grid)))
    frame = tables.assignments(grid, by="body", lang=lang())
    picked = picked_row(frame, key="grid")
    sent, chosen = link_number("assignment")
    if picked is not None:
        chosen = int(frame.iloc[picked]["assignment"])
        sent = str(chosen)
        st.query_params["assignment"] = sent
    match = [r for r in grid if r.assignment_id == chosen]
    if match:
        _show_history(match[0].assignment_id, match[0].organization_name, task_label)
    elif sent:
        bad_link("dir.no_assignment", sent)
    st.stop()

ordinals = list(sections)
picked = st.selectbox(
    t("dir.choose_section"),
    ordinals,
    index=ordinals.index(section_no),
    format_func=lambda o: f"{sections[o].label} {sections[o].heading}",
)
if picked != section_no:
    st.query_params.clear()
    st.query_params["section"] = str(picked)
progress = loaders.task_progress(f)
for task in sections[picked].tasks:
    meta = [t(f"area.{task.area}"), t(f"cadence.{task.cadence}"), t("dir.leads", n=task.leads)]
    if task.due_date:
        meta.append(t("dir.due", day=fmt_date(task.due_date)))
    if task.partners:
        meta.append(t("dir.partners", names=", ".join(task.partners)))
    g = progress.get(task.label)
    with st.container(border=True):
        text_col, side = st.columns([6, 1.3])
        text_col.markdown(f"**{plain(task.label)}** {plain(task.text)}")
        text_col.caption(" · ".join(meta))
        if g:
            side.caption(
                t(
                    "dir.task_summary",
                    done=g.done,
                    total=g.assignments,
                    overdue=g.by_timeliness["overdue"],
                    missing=g.by_timeliness["not_reported"],
                )
            )
        if side.button(t("dir.open_task"), key=f"open_{task.label}"):
            st.query_params.clear()
            st.query_params["task"] = task.label
            st.rerun()
