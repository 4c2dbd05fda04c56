"""Cells for a CSV file that a spreadsheet will open: text that starts like a formula stays text.

Excel, LibreOffice and Google Sheets run a cell that starts with `=`, `+`, `-` or `@` (a tab, a
carriage return or a NUL before them counts too) as a formula, so a learner's name such as
`=HYPERLINK(...)` would become a live link, or worse, on the trainer's machine. OWASP's advice:
put a single quote in front; spreadsheets read it as "this is text" and show the rest unchanged.
"""

from __future__ import annotations

# The fullwidth forms too: some spreadsheets in East Asian locales read them as the plain ones.
FORMULA_STARTS = frozenset("=+-@\t\r\n\x00\uff1d\uff0b\uff0d\uff20")


def spreadsheet_safe(cell: str) -> str:
    """`cell` with a leading single quote if a spreadsheet would take it for a formula."""
    return f"'{cell}" if cell[:1] in FORMULA_STARTS else cell


def spreadsheet_row(row: dict[str, object]) -> dict[str, object]:
    """Text that would start a formula gets a leading quote; numbers and flags stay as they are."""
    return {
        name: spreadsheet_safe(value) if isinstance(value, str) else value
        for name, value in row.items()
    }
