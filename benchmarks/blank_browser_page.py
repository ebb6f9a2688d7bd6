"""A blank Streamlit page with one heading, served as the app is (manage.py bench --browser):
what any Streamlit page costs the server, the floor of browser_overview_ratio. Like the app
(components.page.freeze_the_libraries), it takes the libraries loaded by its first run out of
the garbage collection Streamlit runs after every run, once per process, so that the ratio
compares like with like."""

import gc

import streamlit as st

st.set_page_config(page_title="CCHC Lai Châu", layout="wide")
st.title("Trang trống")  # a benchmark's page, never shown to a user


@st.cache_resource(show_spinner=False)  # this script runs anew each time; asking
def _freeze() -> bool:  # gc.get_freeze_count() would walk every frozen object each run
    gc.collect()
    gc.freeze()
    return True


_freeze()
