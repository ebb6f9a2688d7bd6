"""Báo cáo định kỳ: the periodic CCHC report (the province's or a body's) for a quarter, a
half-year or a year, previewed by its headings and figures and downloaded as an editable Word
document. The secretariat chooses the province or any body, a body gets its own, leaders and
viewers download any (services.read.periodic_report.choices says which)."""

import streamlit as st

from components import loaders
from components.page import guard, start
from components.ui import ALL, error, lang, plain, t, worded
from render import report_docx
from render.fmt import first_upper, number
from services.core.errors import DomainError
from services.read.periodic_report import report_period

actor = guard("report")
start("page.report")
st.caption(t("pr.page_intro"))

options = loaders.filter_options()
offer = loaders.report_choices(actor)
if not options["directives"] or not offer.quarters or not offer.bodies:
    st.info(t("ov.no_directive"))
    st.stop()
directive_id = st.session_state.get("f_directive", options["directives"][0][0])

kind_col, period_col, who_col, cutoff_col = st.columns([1, 1, 2, 1])
kinds = {"quarter": offer.quarters, "half": offer.halves, "year": offer.years}
kind = kind_col.selectbox(
    t("pr.period_kind"),
    [k for k, codes in kinds.items() if codes],
    format_func=lambda k: t(f"pr.kind_{k}"),
    key=worded("pr_kind"),
)
period = period_col.selectbox(
    t("pr.period"),
    kinds[kind],
    format_func=lambda code: first_upper(report_docx.period_words(report_period(code), lang())),
    key=worded(f"pr_period_{kind}"),
)
names = {code or ALL: name for code, name in offer.bodies}  # ALL: the province's own report
who = (
    who_col.selectbox(
        t("pr.who"),
        list(names),
        format_func=lambda code: names[code] or t("pr.province"),
        key=worded("pr_who"),
    )
    or None
)
cutoff = cutoff_col.date_input(
    t("pr.cutoff"), value=None, format="DD/MM/YYYY", help=t("pr.cutoff_help"), key="pr_cutoff"
)

try:
    facts = loaders.periodic_report_facts(actor, period, who, directive_id, cutoff)
    content = loaders.periodic_report_docx(actor, period, who, directive_id, cutoff, lang())
except DomainError as err:
    error(err)
    st.stop()

h = facts.headline
whose = (facts.organization_code or "tinh").lower()
st.download_button(
    t("pr.download"),
    content,
    file_name=f"bao-cao-cchc-{facts.period.code}-{whose}.docx",
    mime="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    type="primary",
    icon=":material/download:",
    key="pr_download",
)
st.subheader(t("pr.figures"))
cols = st.columns(6)
for col, (label, value) in zip(
    cols,
    [
        ("pr.fig_tasks", str(h.assignments)),
        ("pr.fig_done", str(h.done_by_deadline)),
        ("pr.fig_overdue", str(h.by_timeliness["overdue"])),
        ("pr.fig_bodies", f"{h.bodies - h.bodies_not_reported}/{h.bodies}"),
        ("pr.fig_targets", f"{len(facts.targets_met)}/{len(facts.targets)}"),
        ("pr.fig_proposals", str(len(facts.proposals))),
    ],
    strict=True,
):
    col.metric(t(label), value)
mean = number(round(h.mean_percent, 1), lang())
st.caption(f"{t('br.as_of')} {facts.cutoff:%d/%m/%Y} · {t('ov.mean_percent')}: {mean}%")
st.subheader(t("pr.outline"))
for level, text in report_docx.preview(facts, lang()):
    if level == 1:
        st.markdown(f"**{plain(text)}**")
    else:
        st.text(text)
