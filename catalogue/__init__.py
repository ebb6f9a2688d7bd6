"""The one text catalogue: every user-facing string, Vietnamese first, then English, split by
area of work into the modules of this package.

Plain data and one function, no Streamlit, below the services: manage.py, the services'
errors and the pages all read it. English counts take their plural from the number:
"{n} {n|report|reports}" (Vietnamese nouns do not change).
"""

import re
from typing import Any

from catalogue import (
    admin,
    auth,
    briefing,
    cli,
    common,
    errors,
    import_tables,
    importing,
    notices,
    overview,
    periodic_report,
    reorganize,
    reporting,
)

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

TEXTS: dict[str, tuple[str, str]] = {
    **common.TEXTS,
    **auth.TEXTS,
    **errors.TEXTS,
    **overview.TEXTS,
    **reporting.TEXTS,
    **briefing.TEXTS,
    **importing.TEXTS,
    **import_tables.TEXTS,
    **admin.TEXTS,
    **cli.TEXTS,
    **periodic_report.TEXTS,
    **reorganize.TEXTS,
    **notices.TEXTS,
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
