"""How a task is named in every list, report and export: its section's number and its own
place in the section, "1.11" (the 11th task of section 1), as officials cite the directive."""

import re

from services.core.errors import InvalidInput

_LABEL = re.compile(r"^\s*(\d{1,4})\.(\d{1,4})\s*$")


def task_label(section_ordinal: int, task_ordinal: int) -> str:
    return f"{section_ordinal}.{task_ordinal}"


def parse_task_label(label: str) -> tuple[int, int]:
    """(section, task) of a label such as "1.11"; InvalidInput for anything else."""
    m = _LABEL.match(label or "")
    if m is None:
        raise InvalidInput("err.task_label", value=(label or "")[:20])
    return int(m.group(1)), int(m.group(2))


def label_order(label: str) -> tuple[int, int]:
    """A sort key that puts "1.2" before "1.11"."""
    return parse_task_label(label)
