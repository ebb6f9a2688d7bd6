"""Nhập văn bản: read a directive (or plan) from its file or pasted text, correct the preview,
save it in one go. Only the secretariat sees this page."""

import streamlit as st

from components import import_preview as preview
from components import loaders
from components.page import guard, start
from components.read import read
from components.ui import error, form_generation, reset_form, show_flash, t
from components.write import write
from config import get_settings
from services.core.errors import DomainError
from services.importing import importer
from services.importing.reader import MAX_BYTES

actor = guard("import_directive")
start("page.import_directive")
st.caption(t("imp.intro"))
show_flash("import")

DRAFT = "imp_draft"
FORM = "imp"  # the upload, the pasted text and the preview start afresh together
generation = form_generation(FORM)
bodies = loaders.bodies()

source_tab, paste_tab = st.tabs([t("imp.tab_file"), t("imp.tab_paste")])
with source_tab:
    upload = st.file_uploader(
        t("imp.file"),
        type=["txt", "docx", "xlsx", "pdf"],
        key=f"imp_file_{generation}",
        help=t("imp.file_help", mb=MAX_BYTES // 1_000_000),
        # what the reader takes (and what the nginx site lets through), said once, the same
        max_upload_size=min(get_settings().import_max_mb, MAX_BYTES // 1_000_000),
    )
    read_file = st.button(t("imp.read"), type="primary", key="imp_read_file", disabled=not upload)
with paste_tab:
    pasted = st.text_area(t("imp.paste"), height=220, key=f"imp_paste_{generation}")
    read_paste = st.button(t("imp.read"), type="primary", key="imp_read_paste")

if read_file or read_paste:
    bar = st.progress(0.0, text=t("imp.reading"))
    try:
        if read_file and upload is not None:
            parsed = read(
                importer.parse_document,
                upload.getvalue(),
                upload.name,
                on_progress=lambda f: bar.progress(min(f, 1.0), text=t("imp.reading")),
            )
            source = upload.name
            st.session_state["imp_raw"] = (upload.getvalue(), upload.name)
        else:
            parsed = read(importer.parse_pasted, pasted)
            source = t("imp.tab_paste")
            st.session_state["imp_raw"] = (pasted, None)
        st.session_state[DRAFT] = parsed
        st.session_state["imp_source"] = source
        reset_form(FORM)
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
if parsed.unknown_bodies and "imp_raw" in st.session_state:
    st.warning(t("imp.unknown_bodies", n=len(parsed.unknown_bodies)))
    for i, (name, kind) in enumerate(parsed.unknown_bodies):
        name_col, kind_col, add_col = st.columns([4, 1, 1])
        name_col.text(name)
        kind_col.text(t(f"kind.{kind}"))
        if add_col.button(t("imp.unknown_add"), key=f"imp_add_{form_generation(FORM)}_{i}"):
            raw, filename = st.session_state["imp_raw"]

            def read_again(_code: str, raw=raw, filename=filename) -> None:
                """The same text read again, now that the body is known."""
                st.session_state[DRAFT] = (
                    read(importer.parse_pasted, raw)
                    if filename is None
                    else read(importer.parse_document, raw, filename)
                )

            write(
                lambda s, name=name, kind=kind: importer.add_named_body(
                    s, actor=actor, name=name, kind=kind
                ),
                slot="import",
                done=lambda code, name=name: t("imp.unknown_added", name=name, code=code),
                form=FORM,  # the preview's widgets show the new reading
                then=read_again,
            )


def _forget_draft() -> None:
    """The preview and the text it was read from go."""
    st.session_state.pop(DRAFT, None)
    st.session_state.pop("imp_raw", None)


g = form_generation(FORM)
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
    _forget_draft()
    reset_form(FORM)
    st.rerun()
if save_col.button(t("imp.save"), type="primary", key="imp_save"):
    bar = st.progress(0.0, text=t("imp.saving"))
    write(
        lambda s: importer.save(
            s,
            actor=actor,
            parsed=draft,
            on_progress=lambda f: bar.progress(min(f, 1.0), text=t("imp.saving")),
        ),
        slot="import",
        done=lambda result: t("imp.saved", **result.counts()),
        form=FORM,
        then=lambda _: _forget_draft(),
    )
    bar.empty()  # refused: the sentence is shown, the preview stays
