"""The catalogue is complete: every key in both languages, every key the code uses exists."""

import re
from pathlib import Path

from catalogue import TEXTS, t

ROOT = Path(__file__).resolve().parents[2]
CODE_DIRS = ["app.py", "manage.py", "components", "pages", "services"]
CALLERS = r"(?:\bt|InvalidInput|PermissionDenied|StaleUpdate|NotFound|_say|coming_soon|start)"
KEY_USE = re.compile(CALLERS + r"""\(\s*["']([a-z_]+\.[a-z_0-9]+)["']""")


def test_every_entry_has_both_languages():
    for key, (vi, en) in TEXTS.items():
        assert vi.strip() and en.strip(), key
        assert vi != en or key.startswith("app.title"), f"{key} is not translated"


def test_every_key_used_in_code_exists():
    used = set()
    for name in CODE_DIRS:
        path = ROOT / name
        files = [path] if path.is_file() else list(path.rglob("*.py"))
        for f in files:
            used |= set(KEY_USE.findall(f.read_text(encoding="utf-8")))
    assert used, "the pattern found no key: the test would prove nothing"
    missing = sorted(k for k in used if k not in TEXTS)
    assert not missing


def test_parameters_are_filled_and_missing_keys_show_themselves():
    assert t("err.password_short", "vi", n=8) == "Mật khẩu phải có ít nhất 8 ký tự."
    assert t("err.password_short", "en", n=8).startswith("The password")
    assert t("no.such.key") == "no.such.key"
