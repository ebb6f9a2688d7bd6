"""Entry point: page config, the sign-in gate, this role's page list, st.navigation.
The page list follows the role (services.permissions.ROLE_PAGES): a page that is not in it
cannot be opened by its URL either, and each page file checks it again (components.page.guard)
however it was reached."""

import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from components import notices_ui
from components.page import freeze_the_libraries, gate, gated
from components.ui import t
from services.core.actor import Actor
from services.core.permissions import ROLE_PAGES

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
    "report": ("pages/report.py", "bao-cao", ":material/article:"),
    "import_directive": ("pages/import_directive.py", "nhap-van-ban", ":material/upload_file:"),
    "admin": ("pages/admin.py", "quan-tri", ":material/admin_panel_settings:"),
    "notices": ("pages/notices.py", "thong-bao", ":material/notifications:"),
}


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
    keys = ROLE_PAGES[actor.role]
    files = {key: folder + PAGES[key][0] for key in keys} | ({keys[0]: home} if home else {})

    def page(key: str, **kw: object) -> st.Page:
        return st.Page(files[key], title=t(f"page.{key}"), icon=PAGES[key][2], **kw)

    return [
        page(keys[0], url_path="trang-chu", default=True),
        *(page(key, url_path=PAGES[key][1]) for key in keys[1:]),
        page(keys[0], url_path=PAGES[keys[0]][1], visibility="hidden"),
    ]


def navigate(actor: Actor, pages: list, menu: DeltaGenerator) -> None:
    """Run the page the address asks for among `pages`, and list them in `menu`.

    The menu is drawn with st.page_link, not by st.navigation: .streamlit/config.toml turns
    Streamlit's own sidebar list off (client.showSidebarNavigation), because on a freshly
    started server, before anyone has signed in, that list showed every file of pages/."""
    with gated(actor):  # the page's guard knows the gate passed this actor in this run
        chosen = st.navigation(pages, position="hidden")
        notices_page = next((p for p in pages if p.url_path == PAGES["notices"][1]), None)
        for page in pages:
            if page is notices_page:  # "Thông báo (3)": the unread count beside it
                menu.page_link(page, label=notices_ui.menu_label(actor))
            elif page.visibility != "hidden":
                menu.page_link(page)
        chosen.run()
    freeze_the_libraries()


def main() -> None:
    page_setup()
    menu = st.sidebar.container()  # at the top of the sidebar, filled once the role is known
    actor = gate()
    navigate(actor, role_pages(actor), menu)


if __name__ == "__main__":  # as Streamlit runs it; benchmarks/floor_page.py imports the rest
    main()
