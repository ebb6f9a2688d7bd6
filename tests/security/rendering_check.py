"""Does any element of an AppTest run draw hostile text (tests/security/hostile.py) as markup?

Every string of every element's protobuf message is looked at. Those Streamlit draws as
plain text (st.text, select-box and multiselect options, tables, charts, input values and
placeholders, ids) are listed in PLAIN; every other string is taken to be drawn as Markdown,
so a new kind of element is checked strictly until someone has looked at it. In Markdown:

- what is left once the backslash escapes are removed (`masked`) must hold none of the
  hostile syntax (a picture, a link, a badge, bold, raw HTML, a formula);
- what the escapes read as (`unescaped`) must hold none of what Streamlit looks for after
  the escapes are read (emoji and logo shortcodes, "->", bare www. and e-mail links,
  addresses of the outside server).

An st.markdown with unsafe_allow_html (the briefing's slides) must hold no raw tag from the
hostile text and no blank line (which would end the HTML and let Markdown in).
"""

import re
from collections.abc import Iterator

from google.protobuf.message import Message
from streamlit.testing.v1 import AppTest

from tests.markdown_text import masked
from tests.security.hostile import MARK

# (message, field) pairs, or a field name for any message, whose text Streamlit does not
# draw as Markdown (or does not draw at all).
PLAIN_FIELDS = {
    "id",
    "form_id",
    "type",
    "icon",
    "format",
    "autocomplete",
    "default",
    "value",
    "min",
    "max",
    "url",
    "page",
    "page_script_hash",
    "theme",
    "selection_mode",
    "component_name",
    "json_args",
    "tag",
    "spec",
    "columns",
    "column_order",
    "styles",
    "uuid",
    "placeholder",
    "accept_new_options",
}
PLAIN = {
    ("Text", "body"),  # st.text
    ("Selectbox", "options"),  # drawn as plain text: Chromium shows "\*" for an escaped "*"
    ("Selectbox", "raw_value"),  # the chosen option, drawn the same way
    ("MultiSelect", "options"),
    ("MultiSelect", "raw_values"),
    ("Metric", "body"),  # the figure of a tile
    ("Slider", "options"),  # select_slider: numbers here
    ("ArrowNamedDataSet", "name"),
    ("Code", "code_text"),
    ("Json", "body"),
}
SOURCE_SIGNS = ["![", "](", ":red-background[", "**KHẨN", "<img", "$x^2$"]
_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")


def text_signs(base: str) -> list[str]:
    return [":smile:", ":streamlit:", " -> ", "www.zq", "zq@zq", base]


def strings(message: Message, name: str = "") -> Iterator[tuple[str, str, str]]:
    """(message name, field name, text) of every string in `message`, nested ones too."""
    for field, value in message.ListFields():
        values = value if isinstance(value, list | tuple) or _repeated(value) else [value]
        for item in values:
            if isinstance(item, Message):
                yield from strings(item)
            elif isinstance(item, str):
                yield message.DESCRIPTOR.name, field.name, item


def _repeated(value: object) -> bool:
    return hasattr(value, "__len__") and not isinstance(value, str | bytes | Message)


def _markdown_strings(at: AppTest) -> Iterator[tuple[str, str, str, bool]]:
    """(element, field, text, allow_html) for every string drawn as Markdown."""
    for node in at._tree:
        proto = getattr(node, "proto", None)
        if not isinstance(proto, Message):
            continue
        allow_html = bool(getattr(proto, "allow_html", False))
        for message, field, text in strings(proto):
            if field in PLAIN_FIELDS or (message, field) in PLAIN:
                continue
            yield type(node).__name__, f"{message}.{field}", text, allow_html


def violations(at: AppTest, where: str, base: str) -> list[str]:
    """What an AppTest run draws as markup out of hostile text, described for a reader."""
    found = []
    for element, field, text, allow_html in _markdown_strings(at):
        if MARK not in text and base not in text:
            continue
        if allow_html:
            bad = [s for s in ("<img", "<a ") if s in text]
            bad += ["a blank line"] if re.search(r"\n\s*\n", text.strip()) else []
        else:
            bad = [s for s in SOURCE_SIGNS if s in masked(text)]
            bad += [s for s in text_signs(base) if s in _ESCAPE.sub(r"\1", text)]
        if bad:
            found.append(f"{where}: {element} {field} draws {bad} from {text[:160]!r}")
    return found


def shown_markers(at: AppTest) -> set[str]:
    """The hostile fields' markers anywhere on screen, tables included."""
    seen = set()
    for node in at._tree:
        proto = getattr(node, "proto", None)
        if isinstance(proto, Message):
            for _, _, text in strings(proto):
                seen |= set(re.findall(MARK + r"[a-z]+", text))
    for frame in at.dataframe:
        for column in frame.value.columns:
            for cell in frame.value[column]:
                seen |= set(re.findall(MARK + r"[a-z]+", str(cell)))
    return seen
