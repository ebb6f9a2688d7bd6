"""The one text catalogue: every user-facing string, Vietnamese first, then English, split by
area of work into the data files of this package (catalogue/<area>.toml: a translator edits
text, not code).

Plain data and one function, no Streamlit, below the services: manage.py, the services'
errors and the pages all read it. English counts take their plural from the number:
"{n} {n|report|reports}" (Vietnamese nouns do not change).
"""

import re
import tomllib
from importlib.resources import files
from typing import Any

LANGUAGES = ("vi", "en")

# The one key prefix of each enum of models.enums whose values are shown: "status.done".
ENUM_PREFIXES = {
    "Role": "role",
    "Status": "status",
    "Timeliness": "tl",
    "ReformArea": "area",
    "Cadence": "cadence",
    "OrgKind": "kind",
    "AssignmentRole": "role_in_task",
    "TargetKind": "tgk",
    "Direction": "direction",
    "SuccessionKind": "succession",
    "TargetScope": "scope",
    "NoticeKind": "ntc_kind",
}
_PLURAL = re.compile(r"\{(\w+)\|([^|{}]*)\|([^{}]*)\}")


def _read_areas() -> dict[str, dict[str, tuple[str, str]]]:
    """Each area's texts from its file, catalogue/<area>.toml: data a translator edits, not
    code. A key is a table with `vi` and `en`."""
    areas: dict[str, dict[str, tuple[str, str]]] = {}
    for item in sorted(files(__name__).iterdir(), key=lambda item: item.name):
        if item.name.endswith(".toml"):
            data = tomllib.loads(item.read_text(encoding="utf-8"))
            areas[item.name.removesuffix(".toml")] = {
                key: (pair["vi"], pair["en"]) for key, pair in data.items()
            }
    return areas


AREAS = _read_areas()  # area -> its texts; tests check that no key stands in two areas
TEXTS: dict[str, tuple[str, str]] = {
    key: pair for texts in AREAS.values() for key, pair in texts.items()
}


def t(key: str, lang: str = "vi", /, **params: Any) -> str:
    """The text for `key` in `lang` (Vietnamese when unknown), with {params} filled in.
    A missing key shows itself, so a gap is visible rather than silent."""
    pair = TEXTS.get(key)
    if pair is None:
        return key
    text = pair[1] if lang == "en" else pair[0]
    if not params:
        return text
    text = _PLURAL.sub(
        lambda m: m.group(2) if str(params.get(m.group(1))) == "1" else m.group(3), text
    )
    return text.format(**params)
