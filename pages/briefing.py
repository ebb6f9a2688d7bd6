"""Trình chiếu: the overview's answers as slides for a projector, frozen at a chosen day,
with PPTX and XLSX to carry. ?slide=N opens a slide directly."""

import time
from collections.abc import Callable
from typing import Any

import streamlit as st

from components import loaders
from components.page import bad_link, guard, link_number
from components.ui import lang, t, worded
from render import exports, slides
from services.core import clock, periods
from services.read.snapshot import Filters

actor = guard("briefing")
st.html(
    """<style>
    [data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"],
    [data-testid="stHeader"], [data-testid="stToolbar"], [data-testid="stDecoration"]
    {display: none !important;}
    [data-testid="stMainBlockContainer"] {padding: 0.8rem 1.2rem 1rem 1.2rem; max-width: 100%;}
    </style>"""
)
st.html(slides.CSS)  # styles only: no room taken above the slide

options = loaders.filter_options()
if not options["directives"] or not options["periods"]:
    st.info(t("ov.no_directive"))
    st.stop()
directive_id = st.session_state.get("f_directive", options["directives"][0][0])
current = options["current"] or options["periods"][-1]
period_end = min(periods.bounds(current)[1], clock.today())
day = st.session_state.get("br_day", period_end)
f = Filters(directive_id=directive_id, period=periods.quarter_of(day), as_of=day)
detail = st.session_state.get("br_detail", "section:1")
kind, _, value = detail.partition(":")
b = loaders.briefing(
    f, int(value) if kind == "section" else None, value if kind == "body" else None
)

shown = slides.deck(b, lang())  # as many slides as the lists need
total = len(shown)
if "slide" not in st.session_state:
    sent, wanted = link_number("slide")
    st.session_state["slide"] = wanted - 1 if wanted and wanted <= total else 0
    if sent and not (wanted and wanted <= total):
        bad_link("br.no_slide", sent, total=total)


def _move(step: int) -> None:
    st.session_state["slide"] = (st.session_state["slide"] + step) % total
    st.session_state["br_last_move"] = time.monotonic()


auto = st.session_state.get("br_auto", False)
interval = st.session_state.get("br_interval", 20)


def _export_button(
    column: Any,
    keys: tuple[str, str, str],
    build: Callable[[Callable[[float, str], object]], bytes],
    *,
    file_name: str,
    mime: str,
) -> None:
    """A button that makes the file with a progress bar, then the button that downloads it;
    `keys`: the two buttons' catalogue keys and where the session keeps the file between runs."""
    make, download, kept = keys
    if column.button(t(make), width="stretch"):
        bar = st.progress(0.0, text=t("br.making"))
        st.session_state[kept] = build(lambda share, _: bar.progress(share))
    if st.session_state.get(kept):
        column.download_button(
            t(download),
            st.session_state[kept],
            file_name=file_name,
            mime=mime,
            width="stretch",
        )


@st.fragment(run_every=interval if auto else None)
def show_slide() -> None:
    if auto and time.monotonic() - st.session_state.get("br_last_move", 0.0) >= interval:
        _move(1)
    index = st.session_state["slide"] = st.session_state["slide"] % total  # lists may shrink
    slide = shown[index]
    body = slides.slide_body(b, slide, lang())
    st.markdown(
        slides.frame(b, lang(), index + 1, total, slide.title, body), unsafe_allow_html=True
    )


show_slide()

left, counter, right, rest = st.columns([1, 1, 1, 6], vertical_alignment="center")
left.button(t("br.prev"), on_click=_move, args=(-1,), width="stretch", key="br_prev")
counter.markdown(f"**{st.session_state['slide'] + 1}/{total}**")
right.button(
    t("br.next"), on_click=_move, args=(1,), width="stretch", type="primary", key="br_next"
)
with rest, st.expander(t("br.settings")):
    st.date_input(
        t("br.as_of"), key="br_day", value=period_end, max_value=clock.today(), format="DD/MM/YYYY"
    )
    sections = [f"section:{s.ordinal}" for s, _ in b.data.sections]
    bodies = [f"body:{b.code}" for b in loaders.bodies() if b.kind != "external"]
    names = {f"body:{b.code}": b.name for b in loaders.bodies()}
    labels = {f"section:{s.ordinal}": f"{s.label} {s.heading}" for s, _ in b.data.sections}
    st.selectbox(
        t("br.detail_choice"),
        sections + bodies,
        key=worded("br_detail"),
        format_func=lambda k: labels.get(k) or names.get(k, k),
    )
    st.toggle(t("br.auto"), key="br_auto")
    st.select_slider(
        t("br.interval"), options=[10, 15, 20, 30, 45, 60], key="br_interval", value=20
    )
    pptx_col, xlsx_col, exit_col = st.columns(3)
    _export_button(
        pptx_col,
        ("br.make_pptx", "br.download_pptx", "br_pptx"),
        lambda progress: exports.build_pptx(b, lang(), progress),
        file_name=f"trinh-chieu-cchc-{day:%Y%m%d}.pptx",
        mime="application/vnd.openxmlformats-officedocument.presentationml.presentation",
    )
    _export_button(
        xlsx_col,
        ("br.make_xlsx", "br.download_xlsx", "br_xlsx"),
        lambda progress: exports.build_xlsx(loaders.workbook(f), lang(), progress),
        file_name=f"bao-cao-cchc-{day:%Y%m%d}.xlsx",
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    if exit_col.button(t("br.exit"), width="stretch"):
        st.switch_page("pages/overview.py")
if actor.role:
    st.caption(t("br.keys"))
