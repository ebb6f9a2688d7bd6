"""Chỉ thị: the directive as written, section by section."""

import streamlit as st

from components.loaders import directive_outline
from components.page import start
from components.ui import fmt_date, t

start("page.directive")
data = directive_outline()
if data is None:
    st.info(t("ov.no_directive"))
    st.stop()
head = data["directive"]
st.markdown(
    f"**{head['kind']}** {head['number'] or t('dir.no_number')} · "
    f"{t('dir.issued')}: {fmt_date(head['issued_date']) or t('dir.no_date')}"
)
st.markdown(f"#### {head['title']}")
st.caption(f"{head['issuer']} · {t('dir.signer')}: {head['signer']}")
for section in data["sections"]:
    with st.expander(
        f"{section.label} {section.heading} ({len(section.tasks)})", expanded=section.ordinal == 1
    ):
        for task in section.tasks:
            meta = [
                t(f"area.{task.area}"),
                t(f"cadence.{task.cadence}"),
                t("dir.leads", n=task.leads),
            ]
            if task.due_date:
                meta.append(t("dir.due", day=fmt_date(task.due_date)))
            if task.partners:
                meta.append(t("dir.partners", names=", ".join(task.partners)))
            st.markdown(f"**{task.label}** {task.text}")
            st.caption(" · ".join(meta))
