"""Thông báo: one's own notices, newest first; open one (it is marked read) or mark them read."""

import streamlit as st

from components import notices_ui
from components.page import guard, start
from components.ui import show_flash, t
from services.core import permissions
from services.core.permissions import Action

actor = guard("notices")
start("page.notices")
show_flash(notices_ui.SLOT)
st.caption(t("ntc.caption"))
rows = notices_ui.load(actor, limit=notices_ui.SHOWN)
unread = notices_ui.unread_count(actor.id, actor.username, actor.role)
top = st.columns([3, 2], vertical_alignment="center")
top[0].markdown(t("ntc.unread", n=unread))
if unread and top[1].button(t("ntc.mark_all_read"), key="ntc_all_read"):
    notices_ui.mark_read(actor, None)
    st.rerun()
notices_ui.own_email(actor)
if permissions.can(actor, Action.ADMINISTER):
    notices_ui.office_tools(actor)
if not rows:
    st.info(t("ntc.none"))
for notice in rows:
    notices_ui.draw(actor, notice, key="ntc")
