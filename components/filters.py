"""The filters every leadership page shares (directive, as-of period, reform area, kind of
body), kept in st.session_state so that moving between pages keeps them; the body a reporting
page is for."""

import streamlit as st

from components import loaders
from components.ui import ALL, t, worded
from models import OrgKind, ReformArea
from render.fmt import distinct_labels
from services.core import permissions
from services.core.actor import Actor
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
    # the labels are read now, in this run's language (a format_func that read the language
    # when called would label an earlier run's choices in the language of the moment)
    areas = {ALL: t("f.all")} | {a.value: t(f"area.{a.value}") for a in ReformArea}
    area = side.selectbox(t("f.area"), list(areas), key=worded("f_area"), format_func=areas.get)
    kind = ALL
    if with_kind:
        codes = options.get("kinds") or [OrgKind.PROVINCIAL.value, OrgKind.DISTRICT.value]
        kinds = {ALL: t("f.all")} | {k: t(f"kind.{k}") for k in codes}
        kind = side.selectbox(t("f.kind"), list(kinds), key=worded("f_kind"), format_func=kinds.get)
    return Filters(
        directive_id=directive_id, period=period, area=area or None, org_kind=kind or None
    )


EVERY_BODY = 0  # no body has id 0


def body_names(*, with_all: bool = False) -> dict[int, str]:
    """The bodies that report, "CODE — name" by id (first "every body", EVERY_BODY, when
    `with_all`)."""
    names: dict[int, str] = {EVERY_BODY: t("rp.all_bodies")} if with_all else {}
    return names | {oid: f"{code} — {name}" for oid, code, name in loaders.reporting_bodies()}


def reporting_body(actor: Actor, *, key: str, help_key: str) -> tuple[int, str]:
    """(id, name) of the body a reporting page is for: the secretariat picks one and writes on
    its behalf; anyone else has their own. One sentence and a stop when there is none."""
    organization_id: int | None
    if permissions.writes_for_any_body(actor):
        names = body_names()
        organization_id = st.selectbox(
            t("rp.body"), list(names), format_func=names.get, key=key, help=t(help_key)
        )
    else:
        organization_id = actor.organization_id
    if organization_id is None:
        st.info(t("mt.no_body"))
        st.stop()
    name = next((n for oid, _, n in loaders.reporting_bodies() if oid == organization_id), "")
    return organization_id, name
