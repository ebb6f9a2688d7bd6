"""The benchmark's floor: the app exactly as the leader gets it (page config, sign-in gate,
sidebar, this role's page list), except that the home page is benchmarks/blank_page.py,
which draws only the page frame. The overview's ratio to it is the cost of the overview."""

import streamlit as st

from app import gate, page_setup, role_pages
from config import ROOT

page_setup()
blank = str(ROOT / "benchmarks" / "blank_page.py")
st.navigation(role_pages(gate(), folder=f"{ROOT}/", home=blank)).run()
