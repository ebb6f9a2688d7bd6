"""Thông báo: one's own notices, newest first; open one (it is marked read) or mark them read."""

import streamlit as st

from components import notices_ui
from components.page import guard, start
from components.ui import t

actor = guard("notices")
start("page.notices")
st.caption(t("ntc.caption"))
rows = notices_ui.load(actor)
unread = [n.id for n in rows if not n.read]
top = st.columns([3, 2], vertical_alignment="center")
top[0].markdown(t("ntc.unread", n=len(unread)))
if unread and top[1].button(t("ntc.mark_all_read"), key="ntc_all_read"):
    notices_ui.mark_read(actor, None)
    st.rerun()
if not rows:
    st.info(t("ntc.none"))
for notice in rows:
    notices_ui.draw(actor, notice, key="ntc")
