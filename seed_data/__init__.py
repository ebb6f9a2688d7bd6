"""The real directive in structured form (directive.json), its source text, the bodies
(organizations.csv), and the reproducible demo history (demo.py)."""

import csv
import json
from pathlib import Path
from typing import Any

SEED_DIR = Path(__file__).resolve().parent
DIRECTIVE_JSON = SEED_DIR / "directive.json"
DIRECTIVE_TEXT = SEED_DIR / "chi-thi-cchc-lai-chau.txt"
ORGANIZATIONS_CSV = SEED_DIR / "organizations.csv"
# "ALL" in directive.json: every body that section 1 addresses (provincial and district).
ALL_BODIES = "ALL"


def load_directive() -> dict[str, Any]:
    directive: dict[str, Any] = json.loads(DIRECTIVE_JSON.read_text(encoding="utf-8"))
    return directive


def load_directive_text() -> str:
    return DIRECTIVE_TEXT.read_text(encoding="utf-8")


def load_organizations() -> list[dict[str, str]]:
    with ORGANIZATIONS_CSV.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))
