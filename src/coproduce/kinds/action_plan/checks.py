"""The action plan: clean the learner's answers and build the one HTML file they take away.

Plain functions, no widgets. Every piece of learner text is escaped here, so the file can
never run anything a learner (or anyone else) typed.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from coproduce.content.activity_words import ActionPlanText
from coproduce.content.formats import day as written_day
from coproduce.content.language import page_attributes
from coproduce.content.model import PlanQuestion
from coproduce.text.clean import clean_text

MAX_ANSWER_CHARS = 2000
PLAN_FILENAME = "my-action-plan.html"
_LANGUAGE = re.compile(r"^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$")
_ISO_DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")


@dataclass(frozen=True)
class PlanEntry:
    """One heading and the learner's words under it."""

    heading: str
    text: str


def parse_date(raw: object) -> date | None:
    """A date saved as 'YYYY-MM-DD', or None for anything else."""
    if not isinstance(raw, str) or not _ISO_DATE.match(raw):
        return None
    try:
        return date.fromisoformat(raw)
    except ValueError:
        return None


def format_date(day: date, language: str = "en") -> str:
    """A date as people write it in the course's language, by Babel: '31 March 2027',
    '31 Mawrth 2027' in Welsh (content/formats.py)."""
    return written_day(day, language)


def clean_answers(raw: object, questions: Sequence[PlanQuestion]) -> dict[str, str]:
    """Saved answers made safe: known questions only, text cleaned and capped, dates as ISO."""
    found = raw if isinstance(raw, dict) else {}
    answers: dict[str, str] = {}
    for question in questions:
        value = found.get(question.id)
        if question.kind == "date":
            day = parse_date(value)
            answers[question.id] = day.isoformat() if day else ""
        else:
            answers[question.id] = clean_text(value, MAX_ANSWER_CHARS).text
    return answers


def plan_entries(
    questions: Sequence[PlanQuestion], answers: Mapping[str, str], language: str = "en"
) -> list[PlanEntry]:
    """Each question with the learner's answer; a date reads as '31 March 2027'."""
    entries = []
    for question in questions:
        text = answers.get(question.id, "")
        if question.kind == "date":
            day = parse_date(text)
            text = format_date(day, language) if day else ""
        entries.append(PlanEntry(question.label, text))
    return entries


def reflection_entries(
    exercises: Mapping[str, Any], answers: Mapping[str, Any], order: Sequence[str] = ()
) -> list[PlanEntry]:
    """This learner's own reflections, in course order, headed by each reflection's prompt.

    Skipped or empty reflections are left out; so is anything that is not a reflection.
    """
    ids = [*order, *(exercise_id for exercise_id in exercises if exercise_id not in order)]
    entries = []
    for exercise_id in dict.fromkeys(ids):
        exercise = exercises.get(exercise_id)
        answer = answers.get(exercise_id)
        if getattr(exercise, "kind", None) != "reflection" or not isinstance(answer, dict):
            continue
        if answer.get("skipped") is True:
            continue
        limit = getattr(exercise, "max_chars", MAX_ANSWER_CHARS)
        text = clean_text(answer.get("text"), limit).text.strip()
        if text:
            entries.append(PlanEntry(str(getattr(exercise, "prompt", "")), text))
    return entries


def _language(raw: str) -> str:
    return raw if _LANGUAGE.match(raw) else "en"


def _words(text: str, not_written: str) -> str:
    """Learner text as escaped paragraphs; line breaks are kept by the page's CSS."""
    if not text.strip():
        return f'<p class="empty">{html.escape(not_written)}</p>'
    blocks = [block.strip("\n") for block in re.split(r"\n\s*\n", text) if block.strip()]
    return "".join(f'<p dir="auto">{html.escape(block)}</p>' for block in blocks)


def _section(entries: Sequence[PlanEntry], not_written: str) -> str:
    return "".join(
        f'<section class="entry"><h3 dir="auto">{html.escape(entry.heading)}</h3>'
        f"{_words(entry.text, not_written)}</section>"
        for entry in entries
    )


PLAN_CSS = """
html { font-size: 125%; }
body {
  margin: 0 auto; max-width: 42em; padding: 1.5rem 1.25rem 3rem;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif;
  line-height: 1.6; color: #1a1a1a; background: #ffffff;
}
h1 { font-size: 1.8rem; line-height: 1.25; margin: 0 0 0.5rem; }
h2 { font-size: 1.4rem; margin: 2rem 0 0.5rem; border-bottom: 2px solid #1a1a1a; }
h3 { font-size: 1.1rem; margin: 1.25rem 0 0.25rem; }
p { margin: 0 0 0.75rem; white-space: pre-wrap; overflow-wrap: anywhere; }
.meta { color: #333333; }
.empty { font-style: italic; color: #333333; }
@media print {
  html { font-size: 14pt; }
  body { max-width: none; padding: 0; }
  h2, h3 { break-after: avoid; page-break-after: avoid; }
  .entry { break-inside: avoid; page-break-inside: avoid; }
}
"""


def build_plan_html(
    *,
    title: str,
    course_title: str,
    language: str,
    plan: Sequence[PlanEntry],
    reflections: Sequence[PlanEntry] | None,
    made_on: date,
    words: ActionPlanText,
) -> str:
    """One self-contained page to keep or print: no scripts, no links out, all text escaped;
    its own words are the course's (`action_plan:`)."""
    esc = html.escape
    made = words.made_on.format(date=format_date(made_on, language))
    meta = f"{words.from_course.format(course=course_title)} {made}"
    parts = [
        "<!DOCTYPE html>",
        f"<html {page_attributes(_language(language))}>",
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{html.escape(title)}: {html.escape(course_title)}</title>",
        f"<style>{PLAN_CSS}</style>",
        "</head>",
        "<body>",
        "<main>",
        f"<h1>{html.escape(title)}</h1>",
        f'<p class="meta">{esc(meta)}</p>',
        f"<h2>{esc(words.will_do)}</h2>",
        _section(plan, words.not_written),
    ]
    if reflections is not None:
        parts.append(f"<h2>{esc(words.notes_heading)}</h2>")
        parts.append(f'<p class="meta">{esc(words.notes_intro)}</p>')
        if reflections:
            parts.append(_section(reflections, words.not_written))
        else:
            parts.append(f'<p class="empty">{esc(words.no_notes)}</p>')
    parts += ["</main>", "</body>", "</html>", ""]
    return "\n".join(parts)
