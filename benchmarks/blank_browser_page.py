"""A blank Streamlit page with one heading, served as the app is (manage.py bench --browser):
what any Streamlit page costs the server, the floor of browser_overview_ratio."""

import streamlit as st

st.set_page_config(page_title="CCHC Lai Châu", layout="wide")
st.title("Trang trống")  # a benchmark's page, never shown to a user
