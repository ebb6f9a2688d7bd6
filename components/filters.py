"""The filters every leadership page shares (directive, as-of period, reform area, kind of
body), kept in st.session_state so that moving between pages keeps them."""

import streamlit as st

from components import loaders
from components.ui import t
from models import OrgKind, ReformArea
from render.fmt import distinct_labels
from services.read.snapshot import Filters


def sidebar_filters(*, with_kind: bool = True) -> Filters | None:
    """Draw the filters in the sidebar; None when there is nothing to show yet."""
    options = loaders.filter_options()
    if not options["directives"] or not options["periods"]:
        st.info(t("ov.no_directive"))
        return None
    names = distinct_labels(dict(options["directives"]), 60)
    periods = options["periods"]
    current = options["current"] or periods[-1]
    side = st.sidebar
    directive_id = side.selectbox(
        t("f.directive"), list(names), key="f_directive", format_func=names.get
    )
    if st.session_state.get("f_period") not in periods:
        st.session_state["f_period"] = current
    # a link may name a period (the Đơn vị page's link to a predecessor's history): taken once,
    # so that choosing another period afterwards is not undone on the next run
    linked = (st.query_params.get("period") or "").strip()
    if linked in periods and st.session_state.get("f_period_link") != linked:
        st.session_state["f_period"] = linked
        st.session_state["f_period_link"] = linked
    period = side.selectbox(t("f.period"), periods, key="f_period")
    areas = [None] + [a.value for a in ReformArea]
    area = side.selectbox(
        t("f.area"),
        areas,
        key="f_area",
        format_func=lambda a: t("f.all") if a is None else t(f"area.{a}"),
    )
    kind = None
    if with_kind:
        kinds = [
            None,
            *(options.get("kinds") or [OrgKind.PROVINCIAL.value, OrgKind.DISTRICT.value]),
        ]
        kind = side.selectbox(
            t("f.kind"),
            kinds,
            key="f_kind",
            format_func=lambda k: t("f.all") if k is None else t(f"kind.{k}"),
        )
    return Filters(directive_id=directive_id, period=period, area=area, org_kind=kind)
