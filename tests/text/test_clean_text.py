"""One cleaning for learner text: no control codes, no direction overrides, NFC, one kind of
line break. What people write (any script, emoji, markup as text) is kept."""

from __future__ import annotations

import unicodedata

import pytest

from coproduce.text.clean import clean_line, clean_text

BIDI_CONTROLS = [chr(code) for code in [*range(0x202A, 0x202F), *range(0x2066, 0x206A)]]


@pytest.mark.parametrize("control", BIDI_CONTROLS)
def test_direction_embeddings_overrides_and_isolates_are_dropped(control: str) -> None:
    assert clean_text(f"the {control}words around it").text == "the words around it"


def test_an_override_left_open_cannot_reverse_what_follows() -> None:
    assert clean_text("txt.exe\u202egnp.").text == "txt.exegnp."


def test_plain_direction_marks_are_kept_for_right_to_left_writers() -> None:
    text = "\u05e9\u05dc\u05d5\u05dd (\u05e2\u05d5\u05dc\u05dd)\u200f and \u200eLTR\u061c"
    assert clean_text(text).text == text


@pytest.mark.parametrize("code", [*range(0x00, 0x09), *range(0x0B, 0x0D), *range(0x0E, 0x20)])
def test_c0_controls_other_than_tab_and_newline_are_dropped(code: int) -> None:
    assert clean_text(f"a{chr(code)}b").text == "ab"


@pytest.mark.parametrize("code", range(0x7F, 0xA0))
def test_delete_and_c1_controls_are_dropped(code: int) -> None:
    assert clean_text(f"a{chr(code)}b").text == "ab"


def test_tabs_and_line_breaks_are_kept_and_every_line_end_becomes_a_newline() -> None:
    assert clean_text("one\ttwo\r\nthree\rfour\nfive").text == "one\ttwo\nthree\nfour\nfive"


def test_text_is_normalised_to_nfc_after_the_controls_go() -> None:
    # "e", a control, then a combining acute accent: one "é" once the control is gone.
    cleaned = clean_text("caf" + "e\u200b\u0301").text
    assert cleaned == "caf\u00e9" and unicodedata.is_normalized("NFC", cleaned)


def test_anything_but_a_string_is_no_text_and_a_cap_is_optional() -> None:
    assert clean_text(None).text == "" and clean_text(12).text == ""
    assert clean_text("x" * 5000).text == "x" * 5000
    cut = clean_text("x" * 5000, 10)
    assert cut.text == "x" * 10 and cut.was_cut


def test_a_line_is_cleaned_the_same_way_then_put_on_one_line() -> None:
    assert clean_line("  Sam\u202e \n\t Jones\x07  ", 40) == "Sam Jones"
    assert clean_line("a" * 50 + " b", 50) == "a" * 50
    assert clean_line(["not", "text"], 40) == ""
