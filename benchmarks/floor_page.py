"""The benchmark's floor: the app exactly as the leader gets it (page config, sign-in gate,
sidebar, this role's page list), except that the home page is benchmarks/blank_page.py,
which draws only the page frame. The overview's ratio to it is the cost of the overview."""

import streamlit as st

from app import gate, navigate, page_setup, role_pages
from config import ROOT

page_setup()
menu = st.sidebar.container()
actor = gate()
blank = str(ROOT / "benchmarks" / "blank_page.py")
navigate(actor, role_pages(actor, folder=f"{ROOT}/", home=blank), menu)
