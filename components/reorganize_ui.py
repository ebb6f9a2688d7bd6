"""The administration page's "Tổ chức lại" tab: merge, split or rename bodies from a day, or
apply a body list from a file. The preview runs the very change in a unit of work and rolls
it back, so what it shows is what the confirmation will write (services.admin.reorganize)."""

from collections.abc import Callable
from datetime import date
from functools import partial

import pandas as pd
import streamlit as st

from components.admin_ui import KINDS, SLOT, bodies
from components.read import read
from components.ui import lang, t, worded
from components.write import preview, write
from config import get_settings
from services.admin import body_file, reorganize
from services.core.actor import Actor

NEW_BODY = "__new__"


def _one_body(
    label: str, codes: list[str], body_label: Callable[[str | None], str], *, key: str
) -> str | None:
    """One active body to pick, none until the user picks it."""
    return st.selectbox(
        label,
        codes,
        format_func=body_label,
        index=None,
        placeholder=t("adm.choose_bodies"),
        key=key,
    )


def _accounts_choice(*, key: str) -> str:
    """What happens to the accounts of a body that closes: moved to its successor, or stopped."""
    return st.radio(
        t("reorg.accounts"),
        ["move", "deactivate"],
        format_func=lambda k: t(f"reorg.accounts_{k}"),
        horizontal=True,
        key=key,
    )


def reorganize_tab(actor: Actor) -> None:
    """Merge, split or rename; then the body list from a file."""
    _, active_codes, body_label = bodies()
    st.caption(t("reorg.help"))
    operation = st.segmented_control(
        t("reorg.operation"),
        ["merge", "split", "rename"],
        format_func=lambda k: t(f"succession.{k}"),
        default="merge",
        key=worded("reorg_op"),
    )
    on = st.date_input(
        t("reorg.on"), value=None, format="DD/MM/YYYY", min_value=date(2000, 1, 1), key="reorg_on"
    )
    choice = "move"
    call = None
    asked: tuple = ()  # what the preview was made for: a changed input needs a new preview
    if operation == "merge":
        sources = st.multiselect(
            t("reorg.sources"),
            active_codes,
            format_func=body_label,
            placeholder=t("adm.choose_bodies"),
            key="reorg_sources",
        )
        into = st.selectbox(
            t("reorg.into"),
            [NEW_BODY, *active_codes],
            format_func=lambda c: t("reorg.into_new") if c == NEW_BODY else body_label(c),
            index=None,
            placeholder=t("adm.choose_bodies"),
            key="reorg_into",
        )
        new_code = new_name = new_kind = ""
        if into == NEW_BODY:
            a, b, c = st.columns([1, 2, 1])
            new_code = a.text_input(t("reorg.new_code"), max_chars=20, key="reorg_new_code")
            new_name = b.text_input(t("reorg.new_name"), max_chars=200, key="reorg_new_name")
            new_kind = c.selectbox(
                t("adm.col_kind"),
                KINDS,
                format_func=lambda k: t(f"kind.{k}"),
                key=worded("reorg_kind"),
            )
        choice = _accounts_choice(key="reorg_accounts")
        asked = ("merge", on, tuple(sources), into, new_code, new_name, new_kind, choice)
        if sources and into and on:

            def call(s, sources=sources, into=into, on=on, choice=choice):
                fresh = into == NEW_BODY
                return reorganize.merge(
                    s,
                    actor=actor,
                    sources=sources,
                    into=new_code if fresh else into,
                    on=on,
                    new_name=new_name if fresh else None,
                    new_kind=new_kind if fresh else None,
                    accounts=choice,
                )
    elif operation == "split":
        source = _one_body(t("reorg.source"), active_codes, body_label, key="reorg_source")
        successors = st.multiselect(
            t("reorg.successors"),
            [c for c in active_codes if c != source],
            format_func=body_label,
            placeholder=t("adm.choose_bodies"),
            key="reorg_successors",
        )
        choice = _accounts_choice(key="reorg_split_accounts")
        plan: dict[str, str] = {}
        if source and len(successors) > 1:
            labels = read(reorganize.open_work, source)
            st.markdown(f"**{t('reorg.plan')}**")
            edited = st.data_editor(
                pd.DataFrame({"task": labels, "body": [successors[0]] * len(labels)}),
                column_config={
                    "task": st.column_config.TextColumn(t("reorg.col_task"), disabled=True),
                    "body": st.column_config.SelectboxColumn(
                        t("reorg.col_to"), options=successors, required=True
                    ),
                },
                hide_index=True,
                key=f"reorg_plan_{source}_{'_'.join(successors)}",
            )
            plan = {str(r["task"]): str(r["body"]) for r in edited.to_dict("records") if r["body"]}
        split = {"source": source, "into": successors, "on": on, "plan": plan, "accounts": choice}
        asked = ("split", split)
        if source and successors and on:
            call = partial(reorganize.split, actor=actor, **split)
    else:
        rename_code = _one_body(t("reorg.rename_code"), active_codes, body_label, key="reorg_code")
        rename_name = st.text_input(t("reorg.rename_name"), max_chars=200, key="reorg_name")
        asked = ("rename", on, rename_code, rename_name)
        if rename_code and rename_name and on:
            call = partial(
                reorganize.rename, actor=actor, code=rename_code, name=rename_name, on=on
            )

    if st.button(t("reorg.preview"), disabled=call is None, key="reorg_preview") and call:
        st.session_state["reorg_previewed"] = (asked, preview(call))
    made_for, previewed = st.session_state.get("reorg_previewed", ((), None))
    if previewed is not None and call is not None and made_for == asked:
        accounts_n = len(previewed.accounts["moved"]) + len(previewed.accounts["deactivated"])
        st.info(
            t(
                "reorg.preview_head",
                moved=previewed.moved_assignments,
                merged=previewed.merged_assignments,
                closed=len(previewed.closed_bodies),
                accounts=accounts_n,
                verb=t(f"reorg.verb_{choice}"),
            )
        )
        if previewed.rows:
            st.dataframe(
                pd.DataFrame(
                    [
                        {
                            t("reorg.col_task"): label,
                            t("reorg.col_from"): frm,
                            t("reorg.col_to"): to,
                            t("reorg.col_effect"): t(f"reorg.effect_{effect}"),
                        }
                        for label, frm, to, effect in previewed.rows
                    ]
                ),
                hide_index=True,
                width="stretch",
                height=250,
                key=f"reorg_rows_{lang()}",
            )
        if st.button(t("reorg.apply"), type="primary", key="reorg_apply"):
            st.session_state.pop("reorg_previewed", None)
            write(
                call,
                slot=SLOT,
                done=t(
                    "reorg.applied",
                    moved=previewed.moved_assignments,
                    merged=previewed.merged_assignments,
                ),
            )

    # the body list from a file: previewed the same way, applied in one transaction
    st.divider()
    st.markdown(f"**{t('reorg.file')}**")
    st.caption(t("reorg.file_help"))
    upload = st.file_uploader(
        t("reorg.file"),
        type=["csv", "xlsx"],
        key="reorg_file",
        max_upload_size=get_settings().import_max_mb,  # what the nginx site lets through
    )
    if upload is not None:
        data = upload.getvalue()

        def apply_file(s, data=data, name=upload.name):
            lines = body_file.read_body_file(data, name=name)
            return body_file.apply_body_file(s, actor=actor, lines=lines)

        planned = preview(apply_file)
        if planned is not None:
            summary = planned.as_json()
            st.info(
                t(
                    "reorg.file_preview",
                    **planned.counts(),
                    closed=len(summary["closed_bodies"]),
                )
            )
            if summary["created"] or summary["renamed"] or summary["closed_bodies"]:
                st.text(", ".join(summary["created"] + summary["renamed"]))  # codes, as typed
            if st.button(t("reorg.apply"), type="primary", key="reorg_file_apply"):
                write(
                    apply_file,
                    slot=SLOT,
                    done=t(
                        "reorg.file_applied",
                        created=len(summary["created"]),
                        renamed=len(summary["renamed"]),
                        closed=len(summary["closed_bodies"]),
                    ),
                )
