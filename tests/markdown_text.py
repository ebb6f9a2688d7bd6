"""What a reader sees of a Markdown source that the app escaped with components.ui_text.plain:
backslash escapes read, the invisible word joiners dropped. Tests compare this, not the
source, with the words they expect on screen."""

import re

_ESCAPED = re.compile(r"\\([!-/:-@\[-`{-~])")  # CommonMark: any ASCII punctuation
WORD_JOINER = "\u2060"


def shown(source: str) -> str:
    """The text a Markdown `source` shows, as far as escapes and word joiners go."""
    return _ESCAPED.sub(r"\1", source).replace(WORD_JOINER, "")


def masked(source: str) -> str:
    """`source` with every backslash escape replaced by two NULs: what is left of the
    punctuation is what Markdown reads as syntax."""
    return _ESCAPED.sub("\0\0", source)
