"""Thông báo: one's own notices, newest first; open one (it is marked read) or mark them read."""

import streamlit as st

from components import notices_ui
from components.page import guard, start
from components.ui import error, session, t
from models import session_scope
from services.core import permissions
from services.core.errors import DomainError
from services.core.permissions import Action
from services.notices import addresses

actor = guard("notices")
start("page.notices")
st.caption(t("ntc.caption"))
rows = notices_ui.load(actor, limit=notices_ui.SHOWN)
unread = notices_ui.unread_count(actor.id, actor.username, actor.role)
top = st.columns([3, 2], vertical_alignment="center")
top[0].markdown(t("ntc.unread", n=unread))
if unread and top[1].button(t("ntc.mark_all_read"), key="ntc_all_read"):
    notices_ui.mark_read(actor, None)
    st.rerun()
# One's own e-mail address, where these notices are also sent (when the office set up SMTP).
with st.expander(t("ntc.email"), icon=":material/mail:"):
    with session() as s:
        address = addresses.email_of(s, actor=actor, username=actor.username)
    with st.form("ntc_own_email"):
        typed = st.text_input(t("ntc.email"), address, help=t("ntc.email_help"))
        if st.form_submit_button(t("ntc.email_save")):
            try:
                with session_scope() as s:
                    addresses.set_email(s, actor=actor, username=actor.username, email=typed)
            except DomainError as err:
                error(err)
            else:
                st.success(t("ntc.email_saved") if typed.strip() else t("ntc.email_removed"))
if permissions.can(actor, Action.ADMINISTER):
    notices_ui.office_tools(actor)
if not rows:
    st.info(t("ntc.none"))
for notice in rows:
    notices_ui.draw(actor, notice, key="ntc")
