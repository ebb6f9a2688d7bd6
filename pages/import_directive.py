"""Nhập văn bản: read a directive (or plan) from its file or pasted text, correct the preview,
save it in one go. Only the secretariat sees this page."""

import streamlit as st

from components import import_preview as preview
from components.admin_ui import flash, show_flash
from components.page import guard, start
from components.ui import error, session, t
from config import get_settings
from models import session_scope
from services.core.errors import DomainError
from services.importing import importer
from services.importing.reader import MAX_BYTES
from services.read import bodies as body_list

actor = guard("import_directive")
start("page.import_directive")
st.caption(t("imp.intro"))
show_flash("import")

DRAFT = "imp_draft"
generation = st.session_state.setdefault("imp_gen", 0)

with session() as s:
    bodies = body_list.list_bodies(s)

source_tab, paste_tab = st.tabs([t("imp.tab_file"), t("imp.tab_paste")])
with source_tab:
    upload = st.file_uploader(
        t("imp.file"),
        type=["txt", "docx", "pdf"],
        key=f"imp_file_{generation}",
        help=t("imp.file_help", mb=MAX_BYTES // 1_000_000),
        max_upload_size=get_settings().import_max_mb,
    )
    read_file = st.button(t("imp.read"), type="primary", key="imp_read_file", disabled=not upload)
with paste_tab:
    pasted = st.text_area(t("imp.paste"), height=220, key=f"imp_paste_{generation}")
    read_paste = st.button(t("imp.read"), type="primary", key="imp_read_paste")

if read_file or read_paste:
    bar = st.progress(0.0, text=t("imp.reading"))
    try:
        with session() as s:
            if read_file and upload is not None:
                parsed = importer.parse_document(
                    s,
                    upload.getvalue(),
                    upload.name,
                    on_progress=lambda f: bar.progress(min(f, 1.0), text=t("imp.reading")),
                )
                source = upload.name
            else:
                parsed = importer.parse_pasted(s, pasted)
                source = t("imp.tab_paste")
        st.session_state[DRAFT] = parsed
        st.session_state["imp_source"] = source
        st.session_state["imp_gen"] = generation + 1
        bar.empty()
        st.rerun()
    except DomainError as err:
        bar.empty()
        error(err)

parsed = st.session_state.get(DRAFT)
if parsed is None:
    st.stop()

st.divider()
st.subheader(t("imp.preview"))
st.markdown(preview.summary(parsed))
st.caption(t("imp.source", name=st.session_state.get("imp_source", "")))
if parsed.task_count == 0:
    st.warning(t("imp.no_tasks"))

g = st.session_state["imp_gen"]
left, right = st.columns([1, 3])
head = {
    "kind": left.text_input(t("imp.kind"), parsed.kind or "", key=f"imp_kind_{g}"),
    "number": left.text_input(t("imp.number_label"), parsed.number or "", key=f"imp_no_{g}"),
    "issued_date": left.date_input(
        t("imp.date"), value=parsed.issued_date, format="DD/MM/YYYY", key=f"imp_date_{g}"
    ),
    "title": right.text_area(t("imp.title"), parsed.title, height=110, key=f"imp_title_{g}"),
    "issuer": right.text_input(t("imp.issuer"), parsed.issuer, key=f"imp_issuer_{g}"),
    "signer": left.text_input(t("imp.signer"), parsed.signer, key=f"imp_signer_{g}"),
}
with st.expander(t("imp.preamble")):
    st.text(parsed.preamble or "—")

st.markdown(f"#### {t('imp.sections')}")
st.caption(t("imp.sections_help"))
sections = preview.edit_sections(parsed, bodies, key=f"imp_sections_{g}")
st.markdown(f"#### {t('imp.tasks')}")
st.caption(t("imp.tasks_help"))
tasks = preview.edit_tasks(parsed, bodies, key=f"imp_tasks_{g}")
with st.expander(t("imp.full_text")):
    preview.full_text(parsed)
st.markdown(f"#### {t('imp.targets')}")
if parsed.targets:
    st.caption(t("imp.targets_help"))
    targets = preview.edit_targets(parsed, key=f"imp_targets_{g}")
else:
    st.caption(t("imp.no_targets"))
    targets = preview.targets_frame(parsed)

draft = preview.rebuild(parsed, head=head, sections=sections, tasks=tasks, targets=targets)
orphans = [
    task.text
    for s in draft.sections
    if s.include and not s.bodies
    for task in s.tasks
    if not task.leads
]
if orphans:
    st.warning(t("imp.orphans", n=len(orphans)))

save_col, drop_col, _ = st.columns([1, 1, 3])
if drop_col.button(t("imp.discard"), key="imp_discard"):
    st.session_state.pop(DRAFT, None)
    st.session_state["imp_gen"] = g + 1
    st.rerun()
if save_col.button(t("imp.save"), type="primary", key="imp_save"):
    bar = st.progress(0.0, text=t("imp.saving"))
    try:
        with session_scope() as s:
            result = importer.save(
                s,
                actor=actor,
                parsed=draft,
                on_progress=lambda f: bar.progress(min(f, 1.0), text=t("imp.saving")),
            )
    except DomainError as err:
        bar.empty()
        error(err)
    else:
        st.session_state.pop(DRAFT, None)
        st.session_state["imp_gen"] = g + 1
        flash(
            "import",
            t(
                "imp.saved",
                code=result.code,
                sections=result.sections,
                tasks=result.tasks,
                leads=result.lead_assignments,
                partners=result.partner_assignments,
                targets=result.targets,
            ),
        )
        st.rerun()
