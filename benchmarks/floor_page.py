"""The benchmark's floor: the app's own frame (page config, sign-in gate, sidebar) around a
page that shows nothing, so the overview's ratio to it is the cost of the overview itself."""

import streamlit as st

from app import gate


def _blank() -> None:
    st.title("Trang trống")


gate()
st.navigation([st.Page(_blank, title="Trang trống", url_path="trang-trong")]).run()
