"""Plural forms come from Babel's CLDR rules, per language; a catalogue picks its form by them."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from coproduce.content.errors import ContentError
from coproduce.content.language import page_attributes, text_direction
from coproduce.content.loader import load_course
from coproduce.content.plurals import categories, plural

WORDS = {"one": "1 word", "other": "{count} words"}
WELSH = {
    "zero": "dim geiriau",
    "one": "un gair",
    "two": "dau air",
    "few": "tri gair",
    "many": "chwe gair",
    "other": "{count} gair",
}
ARABIC = {
    "zero": "لا كلمات",
    "one": "كلمة واحدة",
    "two": "كلمتان",
    "few": "{count} كلمات",
    "many": "{count} كلمة",
    "other": "{count} كلمة",
}


@pytest.mark.parametrize(("count", "form"), [(0, "other"), (1, "one"), (2, "other"), (21, "other")])
def test_english_has_one_and_other(count: int, form: str) -> None:
    assert plural(WORDS, count, "en") == WORDS[form]
    assert categories("en") == {"one", "other"}


@pytest.mark.parametrize(
    ("count", "form"),
    [(0, "zero"), (1, "one"), (2, "two"), (3, "few"), (6, "many"), (4, "other"), (11, "other")],
)
def test_welsh_has_six_forms(count: int, form: str) -> None:
    assert plural(WELSH, count, "cy") == WELSH[form]
    assert categories("cy") == {"zero", "one", "two", "few", "many", "other"}


@pytest.mark.parametrize(
    ("count", "form"),
    [(0, "zero"), (1, "one"), (2, "two"), (3, "few"), (10, "few"), (11, "many"), (100, "other")],
)
def test_arabic_has_six_forms_on_other_numbers(count: int, form: str) -> None:
    assert plural(ARABIC, count, "ar") == ARABIC[form]


def test_a_plain_text_serves_every_number_and_a_missing_form_gives_other() -> None:
    assert plural("Joined: {count}", 1, "cy") == "Joined: {count}"
    assert plural({"one": "un", "other": "llawer"}, 2, "cy") == "llawer"


def test_text_direction_follows_the_language() -> None:
    assert [text_direction(tag) for tag in ("en", "cy", "ar", "ur", "he", "fa")] == [
        "ltr",
        "ltr",
        "rtl",
        "rtl",
        "rtl",
        "rtl",
    ]
    assert text_direction("not a language") == "ltr"
    assert page_attributes("ur") == 'lang="ur" dir="rtl"'
    assert text_direction("ar-XB") == "rtl"  # a region Babel lacks: its language's direction
    assert categories("en-XA") == {"one", "other"}
    assert page_attributes('"><script>') == 'lang="en" dir="ltr"'


def test_the_trainer_count_of_who_joined_is_a_plural_of_the_catalogue() -> None:
    words = load_course(Path(__file__).resolve().parents[2]).interface.trainer.joined
    assert isinstance(words, dict)
    assert plural(words, 1, "en").format(total=1) == "1 person joined."
    assert plural(words, 3, "en").format(total=3) == "3 people joined."


def _set_language(course: Path, language: str) -> None:
    path = course / "course" / "course.yml"
    text = path.read_text(encoding="utf-8")
    assert "\nlanguage: en\n" in text
    path.write_text(text.replace("\nlanguage: en\n", f"\nlanguage: {language}\n"), "utf-8")


def test_a_language_without_its_catalogue_is_an_error_not_english(course_dir: Path) -> None:
    _set_language(course_dir, "pl")
    with pytest.raises(ContentError) as raised:
        load_course(course_dir)
    report = str(raised.value)
    assert "course.yml:" in report and "course/interface.pl.yml" in report


def test_the_pages_speak_the_catalogue_of_the_course_language(course_dir: Path) -> None:
    source = yaml.safe_load((course_dir / "course" / "interface.yml").read_text("utf-8"))
    source["join"]["button"] = "Dołącz"
    source["trainer"]["joined"] = {
        "one": "{total} osoba dołączyła.",
        "few": "{total} osoby dołączyły.",
        "many": "{total} osób dołączyło.",
        "other": "{total} osoby dołączyło.",
    }
    (course_dir / "course" / "interface.pl.yml").write_text(
        yaml.safe_dump(source, allow_unicode=True), "utf-8"
    )
    _set_language(course_dir, "pl")
    words = load_course(course_dir).interface
    assert words.join.button == "Dołącz"
    assert plural(words.trainer.joined, 5, "pl").format(total=5) == "5 osób dołączyło."


def test_a_plural_text_needs_its_other_form(course_dir: Path) -> None:
    path = course_dir / "course" / "interface.yml"
    text = path.read_text(encoding="utf-8")
    old = '    other: "{total} people joined."\n'
    assert old in text
    path.write_text(text.replace(old, '    many: "{total} people joined."\n'), "utf-8")
    with pytest.raises(ContentError, match="needs an 'other' form"):
        load_course(course_dir)
