"""Entry point: page config, the sign-in gate, this role's page list, st.navigation."""

import streamlit as st
from sqlalchemy.exc import OperationalError, ProgrammingError

from components import ui
from components.auth import sign_out_button, signed_in_actor
from components.ui import t
from config import get_settings
from models import Role
from services.auth import Actor

PAGES = {  # key -> (file, url path, icon)
    "overview": ("pages/overview.py", "tong-quan", ":material/dashboard:"),
    "my_tasks": ("pages/my_tasks.py", "nhiem-vu", ":material/assignment:"),
    "directive": ("pages/directive.py", "chi-thi", ":material/description:"),
    "body": ("pages/body.py", "don-vi", ":material/apartment:"),
    "targets": ("pages/targets.py", "chi-tieu", ":material/flag:"),
    "figures": ("pages/figures.py", "so-lieu", ":material/edit_note:"),
    "proposals": ("pages/proposals.py", "kien-nghi", ":material/gavel:"),
    "audit": ("pages/audit.py", "nhat-ky", ":material/history:"),
    "briefing": ("pages/briefing.py", "trinh-chieu", ":material/slideshow:"),
    "import_directive": ("pages/import_directive.py", "nhap-van-ban", ":material/upload_file:"),
    "admin": ("pages/admin.py", "quan-tri", ":material/admin_panel_settings:"),
}
# The page list follows the role: a page that is not in it cannot be opened by its URL either.
ROLE_PAGES = {
    Role.LEADER: ["overview", "directive", "body", "targets", "proposals", "briefing"],
    Role.SECRETARIAT: [
        "overview",
        "directive",
        "body",
        "targets",
        "my_tasks",
        "figures",
        "audit",
        "briefing",
        "import_directive",
        "admin",
    ],
    Role.BODY: ["my_tasks", "overview", "directive", "body", "targets", "figures"],
    Role.VIEWER: ["overview", "directive", "body", "targets", "briefing"],
}


def _language_switch() -> None:
    choice = st.sidebar.radio(
        t("app.language"),
        ["vi", "en"],
        horizontal=True,
        key="lang_choice",
        format_func=lambda code: {"vi": "Tiếng Việt", "en": "English"}[code],
        index=0 if ui.lang() == "vi" else 1,
    )
    st.session_state["lang"] = choice


def gate() -> Actor:
    """The frame of every page: sign-in, language, who is signed in, sign-out. Stops the run
    while nobody is signed in."""
    st.session_state.setdefault("lang", get_settings().language)
    try:
        actor = signed_in_actor()
    except (OperationalError, ProgrammingError) as err:
        st.error(
            t("app.db_not_ready")
            if "no such table" in str(err).lower() or "does not exist" in str(err).lower()
            else t("app.db_unreachable", url=get_settings().database_url.split("@")[-1])
        )
        st.stop()
    if actor is None:
        st.stop()
    st.session_state["actor"] = actor
    _language_switch()
    st.sidebar.markdown(
        t(
            "app.signed_in_as",
            name=st.session_state.get("name", actor.username),
            role=t(f"role.{actor.role}"),
        )
    )
    sign_out_button()
    return actor


def page_setup() -> None:
    """Page config and the layout CSS: the first thing every run draws."""
    st.set_page_config(page_title="CCHC Lai Châu", page_icon="🏛️", layout="wide")
    # Static layout CSS only (never user text): a tighter top, so the overview fits one screen.
    st.markdown(
        """<style>
        [data-testid="stMainBlockContainer"] {padding-top: 2.2rem; padding-bottom: 2rem;}
        h1 {font-size: 2rem !important; padding-top: 0 !important;}
        [data-testid="stMetricValue"] {font-size: 1.9rem;}
        [data-testid="stMetricLabel"] p {font-size: 0.85rem; white-space: normal;}
        [data-testid="stMetricLabel"] div {overflow: visible; white-space: normal;}
        </style>""",
        unsafe_allow_html=True,
    )


def role_pages(actor: Actor, folder: str = "", home: str | None = None) -> list:
    """This role's pages, the first one the home page at "/". `folder` is where the page files
    are when the main script is elsewhere; `home` replaces the home page's file (both for
    benchmarks/floor_page.py).

    Streamlit serves the default page only at "/", never at its own address, so a link to
    /tong-quan said "page not found" while the overview was the default: the home page is
    also listed, hidden, at its own address."""
    keys = ROLE_PAGES[Role(actor.role)]
    files = {key: folder + PAGES[key][0] for key in keys} | ({keys[0]: home} if home else {})

    def page(key: str, **kw: object) -> st.Page:
        return st.Page(files[key], title=t(f"page.{key}"), icon=PAGES[key][2], **kw)

    return [
        page(keys[0], url_path="trang-chu", default=True),
        *(page(key, url_path=PAGES[key][1]) for key in keys[1:]),
        page(keys[0], url_path=PAGES[keys[0]][1], visibility="hidden"),
    ]


def main() -> None:
    page_setup()
    st.navigation(role_pages(gate())).run()


if __name__ == "__main__":  # as Streamlit runs it; benchmarks/floor_page.py imports the rest
    main()
