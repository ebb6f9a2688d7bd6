"""Quản trị: the secretariat runs the system here: bodies, accounts, directives and their
tasks, reporting periods, backups, reorganising bodies (components/admin_ui.py and
components/reorganize_ui.py, one function per tab).

Only the open tab runs, and so only its queries: the tabs track which one is open and keep
it in the address (?tab=Tài khoản), so a link opens it and a reload keeps it."""

import streamlit as st

from components import admin_ui
from components.page import guard, start
from components.reorganize_ui import reorganize_tab
from components.ui import show_flash, t

actor = guard("admin")  # the secretariat only (ROLE_PAGES); the services refuse too
start("page.admin")
show_flash(admin_ui.SLOT)

TABS = {
    "adm.tab_bodies": admin_ui.bodies_tab,
    "adm.tab_users": admin_ui.accounts_tab,
    "adm.tab_directives": admin_ui.directives_tab,
    "adm.tab_periods": admin_ui.periods_tab,
    "adm.tab_backup": admin_ui.backup_tab,
    "reorg.tab": reorganize_tab,
}
admin_ui.keep_open_tab_across_languages("tab", list(TABS))
tabs = st.tabs([t(key) for key in TABS], key="tab", bind="query-params")
for tab, draw in zip(tabs, TABS.values(), strict=True):
    if tab.open:
        with tab:
            draw(actor)
