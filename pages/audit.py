"""Nhật ký: who changed what, for the secretariat; filter by body, user and day; CSV."""

from datetime import date

import streamlit as st

from components import report_tables
from components.filters import EVERY_BODY, body_names
from components.page import guard, start
from components.read import read
from components.ui import ALL, error, t, worded
from render import audit as audit_csv
from services.core.errors import DomainError
from services.read import audit_log

actor = guard("audit")
start("page.audit")
try:
    users = read(audit_log.usernames, actor=actor)
    names = read(audit_log.names, actor=actor)
except DomainError as err:
    error(err)
    st.stop()

bodies = body_names(with_all=True)
user_names: dict[str, str] = {ALL: t("au.all_users")} | {u: report_tables.who(u) for u in users}
c1, c2, c3, c4 = st.columns([2, 1, 1, 1])
body_choice = c1.selectbox(
    t("rp.body"), list(bodies), format_func=bodies.get, key=worded("au_body")
)
user_choice = c2.selectbox(
    t("au.user"), list(user_names), format_func=user_names.get, key=worded("au_user")
)
date_from = c3.date_input(
    t("au.from"), value=None, format="DD/MM/YYYY", min_value=date(2000, 1, 1), key="au_from"
)
date_to = c4.date_input(
    t("au.to"), value=None, format="DD/MM/YYYY", min_value=date(2000, 1, 1), key="au_to"
)

try:
    rows = read(
        audit_log.events,
        actor=actor,
        filters=audit_log.AuditFilters(
            None if body_choice == EVERY_BODY else body_choice,
            user_choice or None,
            date_from,
            date_to,
        ),
    )
except DomainError as err:
    error(err)
    st.stop()

left, right = st.columns([3, 1])
left.caption(
    t("au.count_max", n=len(rows))
    if len(rows) >= audit_log.MAX_ROWS
    else t("au.count", n=len(rows))
)
right.download_button(
    t("au.download"),
    data=audit_csv.to_csv(rows),
    file_name="nhat-ky-cchc.csv",
    mime="text/csv",
    width="stretch",
    disabled=not rows,
)
if rows:
    report_tables.audit_events(rows, names)
