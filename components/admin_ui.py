"""The administration page's tabs, one function each (pages/admin.py runs only the open one):
bodies, accounts, directives and their tasks, reporting periods, backups. Every button calls
one service through components.write, which checks nothing itself: the service checks the
permission, refuses bad input with a sentence and writes an audit event."""

import tempfile
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pandas as pd
import streamlit as st
from sqlmodel import Session

import catalogue
from components import loaders
from components.read import read
from components.ui import choose, error, fmt_date, fmt_datetime, lang, plain, t
from components.write import write
from config import get_settings
from models import AssignmentRole, Cadence, OrgKind, ReformArea, Role
from render.fmt import shorten
from services.accounts import own as accounts
from services.accounts import users
from services.admin import backup, organizations
from services.admin import directives as directive_admin
from services.admin import periods as period_admin
from services.core.actor import Actor
from services.core.errors import DomainError
from services.notices import addresses

SLOT = "admin"  # where pages/admin.py shows the message of the last write
AREAS = [a.value for a in ReformArea]
CADENCES = [c.value for c in Cadence]
KINDS = [k.value for k in OrgKind]
ROLES = [r.value for r in Role]


def _save(action: Callable[[Session], object], done: str) -> None:
    """One administration write; `done` is shown at the top of the page after the rerun."""
    write(action, slot=SLOT, done=done)


def _table(rows: list[dict], name: str, height: int | None = None) -> None:
    """One of the administration lists; a fresh table when the language changes (its column
    names do)."""
    st.dataframe(
        pd.DataFrame(rows),
        hide_index=True,
        width="stretch",
        height=height or "auto",
        key=f"adm_{name}_{lang()}",
    )


def bodies() -> tuple[dict[str, str], list[str], Callable[[str | None], str]]:
    """The bodies' names by code, the active ones' codes, and "CODE — name" for a picker."""
    rows = loaders.admin_bodies()
    names = {b.code: b.name for b in rows}
    active = [b.code for b in rows if b.active]

    def label(code: str | None) -> str:
        return f"{code} — {names.get(code, '')}" if code else "—"

    return names, active, label


def bodies_tab(actor: Actor) -> None:
    """The bodies: the list, one to add, one to rename, stop or resume."""
    body_rows = loaders.admin_bodies()
    body_names, _, body_label = bodies()
    _table(
        [
            {
                t("adm.col_code"): b.code,
                t("adm.col_name"): b.name,
                t("adm.col_kind"): t(f"kind.{b.kind}"),
                t("adm.col_status"): t("adm.active") if b.active else t("adm.inactive"),
                t("adm.col_assignments"): b.assignments,
                t("adm.col_users"): b.users,
            }
            for b in body_rows
        ],
        "bodies",
        height=300,
    )
    add_col, edit_col = st.columns(2)
    with add_col.form("adm_body_add", clear_on_submit=False):
        st.markdown(f"**{t('adm.body_add')}**")
        code = st.text_input(t("adm.col_code"), max_chars=20, help=t("adm.code_help"))
        name = st.text_input(t("adm.col_name"), max_chars=200)
        kind = st.selectbox(t("adm.col_kind"), KINDS, format_func=lambda k: t(f"kind.{k}"))
        if st.form_submit_button(t("adm.add"), type="primary"):
            _save(
                lambda s: organizations.create_body(
                    s, actor=actor, code=code, name=name, kind=kind
                ),
                t("adm.body_added", code=code.strip().upper()),
            )
    with edit_col.form("adm_body_edit"):
        st.markdown(f"**{t('adm.body_edit')}**")
        chosen = st.selectbox(t("adm.body"), list(body_names), format_func=body_label)
        new_name = st.text_input(t("adm.new_name"), help=t("adm.new_name_help"))
        rename, stop, resume = st.columns(3)
        if rename.form_submit_button(t("adm.rename")):
            _save(
                lambda s: organizations.rename_body(
                    s,
                    actor=actor,
                    code=chosen,
                    name=new_name,
                    expected_name=body_names.get(chosen),
                ),
                t("adm.body_renamed", code=chosen),
            )
        for column, active, label, done in (
            (stop, False, "adm.body_stop", "adm.body_deactivated"),
            (resume, True, "adm.body_resume", "adm.body_activated"),
        ):
            if column.form_submit_button(t(label)):
                _save(
                    lambda s, active=active: organizations.set_body_active(
                        s, actor=actor, code=chosen, active=active
                    ),
                    t(done, code=chosen),
                )
    st.caption(t("adm.bodies_note"))


def accounts_tab(actor: Actor) -> None:
    """The accounts: the list, one to add, one to edit or reset; the sign-in waits."""
    _, active_codes, body_label = bodies()
    user_rows = loaders.accounts()
    _table(
        [
            {
                t("adm.col_username"): u.username,
                t("adm.col_display"): u.display_name,
                t("adm.col_role"): t(f"role.{u.role}"),
                t("adm.body"): u.organization_name or "",
                t("adm.col_status"): t("adm.active") if u.active else t("adm.inactive"),
            }
            for u in user_rows
        ],
        "users",
        height=300,
    )
    by_name = {u.username: u for u in user_rows}
    add_col, edit_col = st.columns(2)
    with add_col.form("adm_user_add"):
        st.markdown(f"**{t('adm.user_add')}**")
        account = {  # named as create_user takes them
            "username": st.text_input(t("adm.col_username"), help=t("adm.username_help")),
            "display_name": st.text_input(t("adm.col_display")),
            "role": st.selectbox(t("adm.col_role"), ROLES, format_func=lambda r: t(f"role.{r}")),
            "organization_code": st.selectbox(
                t("adm.body_for_role"), [None, *active_codes], format_func=body_label
            ),
        }
        email = st.text_input(t("ntc.email"), help=t("ntc.email_help"))
        password = st.text_input(t("auth.password"), type="password")
        again = st.text_input(t("adm.password_again"), type="password")
        if st.form_submit_button(t("adm.add"), type="primary"):
            if password != again:
                st.error(t("cli.password_mismatch"))
            else:
                _save(
                    lambda s: addresses.set_email(  # one unit of work: both or neither
                        s,
                        actor=actor,
                        username=users.create_user(
                            s, actor=actor, password=password, **account
                        ).username,
                        email=email,
                    ),
                    t("adm.user_added", username=account["username"].strip().lower()),
                )
    with edit_col:
        who = st.selectbox(
            t("adm.user"),
            list(by_name),
            format_func=lambda n: f"{n} — {by_name[n].display_name}",
            key="adm_user_pick",
        )
        current = by_name[who] if who else None
        if current is not None:
            with st.form(f"adm_user_edit_{who}"):
                st.markdown(f"**{t('adm.user_edit')}**")
                new_display = st.text_input(t("adm.col_display"), current.display_name)
                new_role = st.selectbox(
                    t("adm.col_role"),
                    ROLES,
                    index=ROLES.index(current.role),
                    format_func=lambda r: t(f"role.{r}"),
                )
                codes = [None, *active_codes]
                if current.organization_code and current.organization_code not in codes:
                    codes.append(current.organization_code)
                new_org = st.selectbox(
                    t("adm.body_for_role"),
                    codes,
                    index=codes.index(current.organization_code),
                    format_func=body_label,
                )
                save, toggle = st.columns(2)
                if save.form_submit_button(t("adm.save"), type="primary"):
                    _save(
                        lambda s: users.update_user(
                            s,
                            actor=actor,
                            username=who,
                            role=new_role,
                            organization_code=new_org,
                            display_name=new_display,
                        ),
                        t("adm.user_saved", username=who),
                    )
                if toggle.form_submit_button(
                    t("adm.deactivate") if current.active else t("adm.activate")
                ):
                    _save(
                        lambda s: users.set_user_active(
                            s, actor=actor, username=who, active=not current.active
                        ),
                        t(
                            "adm.user_deactivated" if current.active else "adm.user_activated",
                            username=who,
                        ),
                    )
            address = read(addresses.email_of, actor=actor, username=who)
            with st.form(f"adm_user_email_{who}"):
                st.markdown(f"**{t('ntc.email')}**")
                new_address = st.text_input(t("ntc.email"), address, help=t("ntc.email_help"))
                if st.form_submit_button(t("ntc.email_save")):
                    _save(
                        lambda s: addresses.set_email(
                            s, actor=actor, username=who, email=new_address
                        ),
                        t("ntc.email_saved") if new_address.strip() else t("ntc.email_removed"),
                    )
            with st.form(f"adm_user_pw_{who}", clear_on_submit=True):
                st.markdown(f"**{t('adm.reset_password')}**")
                new_pw = st.text_input(t("adm.new_password"), type="password")
                new_pw2 = st.text_input(t("adm.password_again"), type="password")
                if st.form_submit_button(t("adm.reset")):
                    if new_pw != new_pw2:
                        st.error(t("cli.password_mismatch"))
                    else:
                        _save(
                            lambda s: users.reset_password(
                                s, actor=actor, username=who, new_password=new_pw
                            ),
                            t("adm.password_reset", username=who),
                        )
    # Sign-in waits (services/throttle.py): an account or an address that typed wrong
    # passwords too often waits a while; the secretariat can lift the wait at once.
    waits = read(accounts.sign_in_waits, actor=actor)  # who is waiting now, not a minute ago
    st.markdown(f"**{t('adm.sign_in_waits')}**")
    if not waits:
        st.caption(t("adm.no_sign_in_waits"))
    else:
        _table(
            [
                {
                    t("adm.col_wait_kind"): t(f"adm.wait_kind.{w.kind}"),
                    t("adm.col_wait_key"): w.key,
                    t("adm.col_failures"): w.failures,
                    t("adm.col_until"): fmt_datetime(w.until),
                }
                for w in waits
            ],
            "waits",
        )
        by_key = {f"{w.kind}:{w.key}": w for w in waits}
        with st.form("adm_unlock"):
            chosen_wait = st.selectbox(
                t("adm.unlock_which"),
                list(by_key),
                format_func=lambda k: f"{t(f'adm.wait_kind.{by_key[k].kind}')}: {by_key[k].key}",
            )
            if st.form_submit_button(t("adm.unlock")):
                w = by_key[chosen_wait]
                _save(
                    lambda s: accounts.unlock_sign_in(
                        s,
                        actor=actor,
                        username=w.key if w.kind == "account" else None,
                        address=w.key if w.kind == "address" else None,
                    ),
                    t("adm.unlocked", who=w.key),
                )


def _task_inputs(
    text: str, area: str, cadence: str, due: date | None, *, height: int
) -> dict[str, Any]:
    """A task's text, area, cadence and due date, as the edit and the add forms ask them: named
    as the services take them."""
    text = st.text_area(t("imp.col_text"), text, height=height)
    c1, c2, c3 = st.columns(3)
    area = c1.selectbox(
        t("imp.col_area"), AREAS, index=AREAS.index(area), format_func=lambda v: t(f"area.{v}")
    )
    cadence = c2.selectbox(
        t("imp.col_cadence"),
        CADENCES,
        index=CADENCES.index(cadence),
        format_func=lambda v: t(f"cadence.{v}"),
    )
    due = c3.date_input(t("imp.col_due"), value=due, format="DD/MM/YYYY")
    return {"text": text, "area": area, "cadence": cadence, "due_date": due}


def _directive_inputs(d: Any) -> dict[str, Any]:
    """A directive's facts as its form asks them, named as update_directive takes them."""
    c1, c2, c3 = st.columns([1, 1, 1])
    kind = c1.text_input(t("imp.kind"), d.kind)
    number = c2.text_input(t("imp.number_label"), d.number or "")
    issued = c3.date_input(t("imp.date"), value=d.issued_date, format="DD/MM/YYYY")
    title = st.text_area(t("imp.title"), d.title, height=80)
    c4, c5 = st.columns(2)
    issuer = c4.text_input(t("imp.issuer"), d.issuer)
    signer = c5.text_input(t("imp.signer"), d.signer)
    return {
        "kind": kind,
        "number": number,
        "issued_date": issued,
        "title": title,
        "issuer": issuer,
        "signer": signer,
    }


def directives_tab(actor: Actor) -> None:
    """A directive's facts and its tasks, each task's bodies; a task to add."""
    _, active_codes, body_label = bodies()
    directives = loaders.directives()
    if not directives:
        st.info(t("adm.no_directive"))
    else:
        d = choose(
            t("adm.directive"),
            directives,
            ident=lambda d: d.id,
            describe=lambda d: (
                f"{d.kind} {d.number or t('imp.no_number')} — {d.title[:90]}"
                + ("" if d.is_open else f" ({t('adm.closed')})")
            ),
            key="adm_directive",
        )
        st.caption(
            t(
                "adm.directive_facts",
                code=d.code,
                sections=d.sections,
                tasks=d.tasks,
                state=t("adm.open") if d.is_open else t("adm.closed"),
            )
        )
        with st.form(f"adm_directive_{d.id}"):
            facts = _directive_inputs(d)
            save, toggle = st.columns([1, 1])
            if save.form_submit_button(t("adm.save"), type="primary"):
                _save(
                    lambda s: directive_admin.update_directive(
                        s, actor=actor, directive_id=d.id, **facts
                    ),
                    t("adm.directive_saved"),
                )
            if toggle.form_submit_button(t("adm.close") if d.is_open else t("adm.reopen")):
                _save(
                    lambda s: directive_admin.set_directive_open(
                        s, actor=actor, directive_id=d.id, is_open=not d.is_open
                    ),
                    t("adm.directive_closed" if d.is_open else "adm.directive_opened"),
                )

        task_rows = loaders.directive_tasks(d.id)
        section_rows = loaders.sections(d.id)
        st.markdown(f"#### {t('imp.tasks')}")
        _table(
            [
                {
                    t("adm.col_task"): r.label,
                    t("imp.col_text"): r.text,
                    t("imp.col_area"): t(f"area.{r.area}"),
                    t("imp.col_cadence"): t(f"cadence.{r.cadence}"),
                    t("imp.col_due"): fmt_date(r.due_date),
                    t("adm.col_leads"): len(r.leads),
                    t("imp.col_partners"): ", ".join(r.partners),
                }
                for r in task_rows
            ],
            "tasks",
            height=280,
        )
        edit_col, add_col = st.columns(2)
        with edit_col:
            task = choose(
                t("adm.task"),
                task_rows,
                ident=lambda r: r.id,
                describe=lambda r: f"{r.label} {r.text[:70]}",
                key="adm_task_pick",
            )
            if task is not None:
                with st.form(f"adm_task_{task.id}"):
                    st.markdown(f"**{t('adm.task_edit', label=task.label)}**")
                    fields = _task_inputs(
                        task.text, task.area, task.cadence, task.due_date, height=150
                    )
                    sure = st.checkbox(t("adm.remove_sure"))
                    save, remove = st.columns(2)
                    if save.form_submit_button(t("adm.save"), type="primary"):
                        _save(
                            lambda s: directive_admin.update_task(
                                s, actor=actor, task_id=task.id, expected_text=task.text, **fields
                            ),
                            t("adm.task_saved", label=task.label),
                        )
                    if remove.form_submit_button(t("adm.remove")):
                        if not sure:
                            st.warning(t("adm.remove_confirm"))
                        else:
                            _save(
                                lambda s: directive_admin.remove_task(
                                    s, actor=actor, task_id=task.id
                                ),
                                t("adm.task_removed", label=task.label),
                            )
                assigned = loaders.task_assignments(task.id)
                st.markdown(f"**{t('adm.assignments', label=task.label)}**")
                _table(
                    [
                        {
                            t("adm.body"): a.name,
                            t("adm.col_role"): t(f"role_in_task.{a.role}"),
                            t("adm.col_reports"): a.reports,
                        }
                        for a in assigned
                    ],
                    "assignments",
                    height=200,
                )
                with st.form(f"adm_assign_{task.id}"):
                    c1, c2 = st.columns([3, 1])
                    new_body = c1.selectbox(t("adm.body"), active_codes, format_func=body_label)
                    new_role = c2.selectbox(
                        t("adm.col_role"),
                        [r.value for r in AssignmentRole],
                        format_func=lambda r: t(f"role_in_task.{r}"),
                    )
                    by_assignment = {a.id: a for a in assigned}
                    drop = st.selectbox(
                        t("adm.assignment_remove"),
                        [None, *by_assignment],
                        format_func=lambda i: (
                            "—"
                            if i is None
                            else by_assignment[i].code
                            + f" ({t('role_in_task.' + by_assignment[i].role)})"
                        ),
                    )
                    add_b, drop_b = st.columns(2)
                    if add_b.form_submit_button(t("adm.assign")):
                        _save(
                            lambda s: directive_admin.add_assignment(
                                s,
                                actor=actor,
                                task_id=task.id,
                                organization_code=new_body,
                                role=new_role,
                            ),
                            t("adm.assigned", code=new_body, label=task.label),
                        )
                    if drop_b.form_submit_button(t("adm.unassign")) and drop is not None:
                        _save(
                            lambda s: directive_admin.remove_assignment(
                                s, actor=actor, assignment_id=drop
                            ),
                            t("adm.unassigned", code=by_assignment[drop].code, label=task.label),
                        )
        with add_col, st.form(f"adm_task_add_{d.id}", clear_on_submit=True):
            st.markdown(f"**{t('adm.task_add')}**")
            sections = {x.id: f"{x.label} {shorten(x.heading, 60)}" for x in section_rows}
            section_id = st.selectbox(
                t("imp.col_section"), list(sections), format_func=sections.get
            )
            fields = _task_inputs("", AREAS[0], Cadence.CONTINUOUS, None, height=120)
            leads = st.multiselect(
                t("imp.col_leads"),
                active_codes,
                format_func=body_label,
                placeholder=t("adm.choose_bodies"),
            )
            if st.form_submit_button(t("adm.add"), type="primary"):
                _save(
                    lambda s: directive_admin.add_task(
                        s, actor=actor, section_id=section_id, lead_codes=leads, **fields
                    ),
                    t("adm.task_added"),
                )


def periods_tab(actor: Actor) -> None:
    """The reporting periods: which is current, each one's deadline."""
    period_rows = loaders.periods_newest_first()
    _table(
        [
            {
                t("adm.col_period"): p.code,
                t("adm.col_starts"): fmt_date(p.starts_on),
                t("adm.col_ends"): fmt_date(p.ends_on),
                t("adm.col_deadline"): fmt_date(p.report_deadline),
                t("adm.col_current"): "✔" if p.is_current else "",
            }
            for p in period_rows
        ],
        "periods",
        height=250,
    )
    current_code = next((p.code for p in period_rows if p.is_current), "")
    c1, c2 = st.columns(2)
    with c1.form("adm_period_current"):
        st.markdown(f"**{t('adm.period_current')}**")
        code = st.text_input(t("adm.col_period"), current_code, help=t("adm.period_help"))
        if st.form_submit_button(t("adm.save"), type="primary"):
            _save(
                lambda s: period_admin.set_current_period(s, actor=actor, code=code),
                t("adm.period_set", code=code.strip().upper()),
            )
    with c2.form("adm_period_deadline"):
        st.markdown(f"**{t('adm.period_deadline')}**")
        codes = [p.code for p in period_rows]
        which = st.selectbox(
            t("adm.col_period"),
            codes,
            index=codes.index(current_code) if current_code in codes else 0,
        )
        known = next((p.report_deadline for p in period_rows if p.code == which), None)
        deadline = st.date_input(t("adm.col_deadline"), value=known, format="DD/MM/YYYY")
        if st.form_submit_button(t("adm.save"), type="primary") and which and deadline:
            _save(
                lambda s: period_admin.set_report_deadline(
                    s, actor=actor, code=which, deadline=deadline
                ),
                t("adm.deadline_set", code=which, day=fmt_date(deadline)),
            )


def _backup_and_restore(actor: Actor, url: str) -> None:
    st.markdown(f"**{t('adm.backup')}**")
    st.caption(t("adm.backup_help"))
    if st.button(t("adm.backup_make"), key="adm_backup_make"):
        try:
            data, facts = backup.backup_bytes(url, actor=actor)
        except DomainError as err:
            error(err)
        else:
            st.session_state["adm_backup"] = (backup.backup_file_name(), data, facts)
    ready = st.session_state.get("adm_backup")
    if ready:
        name, data, facts = ready
        st.download_button(
            t("adm.backup_download", name=name, mb=f"{len(data) / 1_000_000:.1f}"),
            data=data,
            file_name=name,
            mime="application/vnd.sqlite3",
            type="primary",
            key="adm_backup_download",
        )
        st.caption(
            t(
                "adm.backup_facts",
                directives=facts.counts.get("directive", 0),
                tasks=facts.counts.get("task", 0),
                users=facts.counts.get("user", 0),
            )
        )
    st.divider()
    st.markdown(f"**{t('adm.restore')}**")
    st.warning(t("adm.restore_warning"), icon=":material/warning:")
    restore_file = st.file_uploader(
        t("adm.restore_file"), type=["db", "sqlite", "sqlite3"], key="adm_restore_file"
    )
    sure = st.checkbox(t("adm.restore_sure"), key="adm_restore_sure")
    if not st.button(
        t("adm.restore_do"), key="adm_restore_do", disabled=not (restore_file and sure)
    ):
        return
    live = backup.sqlite_file(url)
    with tempfile.TemporaryDirectory(dir=live.parent) as folder:
        upload_path = Path(folder) / Path(restore_file.name).name
        upload_path.write_bytes(restore_file.getvalue())
        try:
            result = backup.restore_from_file(url, upload_path, actor=actor)
        except DomainError as err:
            error(err)
            return
    st.session_state.pop("adm_backup", None)
    st.success(
        t(
            "adm.restored",
            directives=result.facts.counts.get("directive", 0),
            tasks=result.facts.counts.get("task", 0),
            previous=result.previous_copy.name,
        ),
        icon=":material/check_circle:",
    )


def backup_tab(actor: Actor) -> None:
    """A backup to download, a restore from one (SQLite only: else one sentence)."""
    database_url = get_settings().database_url
    try:
        backup.sqlite_file(database_url)
    except DomainError as err:
        st.info(plain(t(err.code)), icon=":material/info:")  # it quotes "$DATABASE_URL"
    else:
        _backup_and_restore(actor, database_url)


def keep_open_tab_across_languages(key: str, label_keys: list[str]) -> None:
    """The open tab is known by its label; after a change of language, the same tab by its
    label in the new language (rather than the first one)."""
    chosen = st.session_state.get(key)
    if chosen is None:
        return
    for label_key in label_keys:
        if chosen in {catalogue.t(label_key, code) for code in catalogue.LANGUAGES}:
            st.session_state[key] = t(label_key)
            return
