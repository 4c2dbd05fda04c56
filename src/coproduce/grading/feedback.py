"""A learner's own feedback, and a certificate of completion, as escaped HTML.

Built from nbgrader's gradebook (marks, the trainer's comments) and the exercise files. Only the
one learner's results are read. Which option was right and the "why" text are only shown for
questions the learner answered, as in the learner app; hidden tests and solutions never appear.
"""

from __future__ import annotations

import html
from datetime import datetime
from pathlib import Path

from coproduce.content.branding import logo_data_uri
from coproduce.content.course import CourseContent
from coproduce.content.feedback_words import FeedbackText
from coproduce.content.formats import day, number
from coproduce.content.language import page_attributes
from coproduce.content.loader import load_course
from coproduce.content.model import KnowledgeCheck
from coproduce.content.plurals import plural
from coproduce.grading.paths import grading_root
from coproduce.grading.results import ExerciseResult, LearnerResult, learner_result, session_results
from coproduce.text.clean import clean_line

CERTIFICATE_FILE = "certificate.html"


def feedback_html(
    course_root: Path,
    session_code: str,
    learner_id: str,
    content: CourseContent | None = None,
) -> str | None:
    """The "My feedback" panel for one learner in one session; None until they are graded."""
    content = content or load_course(course_root)
    result = _result(content, session_code, learner_id)
    if result is None or not result.exercises:
        return None
    words = content.interface.feedback
    language = content.course.language
    parts = [
        '<section class="cp-feedback" aria-labelledby="cp-feedback-title">',
        f'<h2 id="cp-feedback-title">{html.escape(words.heading)}</h2>',
        _p(words.scored.format(**_marks(result.score, result.max_score, language))),
    ]
    if result.waiting:
        waiting = plural(words.waiting, result.waiting, language)
        parts.append(_p(waiting.format(count=number(result.waiting, language))))
    parts += [_exercise(item, words, language) for item in result.exercises]
    if result.completed:
        parts.append(_p(words.completed))
    parts.append("</section>")
    return "".join(parts)


def _exercise(item: ExerciseResult, words: FeedbackText, language: str) -> str:
    exercise = item.exercise
    parts = [f"<article><h3>{html.escape(exercise.title)}</h3>"]
    if not item.answered:
        parts.append(_p(words.not_answered))
    if item.score is None:
        parts.append(_p(words.not_marked))
    else:
        parts.append(_p(words.marks.format(**_marks(item.score, item.max_score, language))))
    if item.answered and isinstance(exercise, KnowledgeCheck):
        chosen = [
            exercise.options[choice - 1]
            for choice in item.chosen or []
            if 1 <= choice <= len(exercise.options)
        ]
        for option in chosen:
            parts.append(_p(words.chose.format(option=option.text)))
            parts.append(_p(option.feedback))
        parts.append(_p(words.why.format(explanation=exercise.explanation)))
    if item.comment:
        parts.append(_p(words.from_trainer.format(comment=item.comment)))
    parts.append("</article>")
    return "".join(parts)


def _marks(score: float, total: float, language: str) -> dict[str, str]:
    """Marks written the language's way ("2.5" in English), by Babel."""
    return {"score": number(score, language), "total": number(total, language)}


def certificate_html(
    course_root: Path,
    session_code: str,
    learner_id: str,
    display_name: str = "",
    content: CourseContent | None = None,
) -> str | None:
    """A one-page certificate (a whole HTML page that prints well) if the learner completed."""
    content = content or load_course(course_root)
    result = _result(content, session_code, learner_id)
    if result is None or not result.completed:
        return None
    return _certificate(content, result, display_name)


def write_certificates(content: CourseContent, folder: Path, session_code: str) -> int:
    """Put a certificate beside nbgrader's feedback for each learner who completed."""
    written = 0
    for result in session_results(content, folder, session_code):
        target = folder / "feedback" / result.learner_id / result.session
        if result.completed and target.is_dir():
            (target / CERTIFICATE_FILE).write_text(
                _certificate(content, result, ""), encoding="utf-8"
            )
            written += 1
    return written


def _result(content: CourseContent, session_code: str, learner_id: str) -> LearnerResult | None:
    try:
        return learner_result(content, grading_root(content.root), session_code, learner_id)
    except LookupError:
        return None


def _certificate(content: CourseContent, result: LearnerResult, display_name: str) -> str:
    course = content.course
    brand = course.branding
    words = content.interface.certificate
    esc = html.escape
    name = clean_line(display_name, 60)
    who = (
        f'<p class="name">{esc(name)}</p>'
        if name
        else f'<p class="name blank" aria-label="{esc(words.name_blank)}">&nbsp;</p>'
    )
    when = _date(result.submitted_at, course.language)
    organisation = brand.organisation or brand.name
    logo = logo_data_uri(content.root, brand.logo)
    logo_tag = ""
    if logo:
        alt = words.logo.format(organisation=organisation)
        logo_tag = f'<img class="logo" src="{esc(logo)}" alt="{esc(alt)}">'
    outcomes = "".join(f"<li>{esc(outcome)}</li>" for outcome in course.outcomes)
    return f"""<!DOCTYPE html>
<html {page_attributes(course.language)}>
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{esc(words.title.format(course=course.title))}</title>
<style>
@page {{ size: A4 landscape; margin: 12mm; }}
* {{ box-sizing: border-box; }}
body {{ margin: 0; font-family: system-ui, sans-serif; color: {brand.text_colour};
  background: {brand.background_colour}; line-height: 1.5; overflow-wrap: anywhere; }}
main {{ max-width: 270mm; margin: 0 auto; padding: 14mm 18mm; text-align: center;
  border: 3mm solid {brand.primary_colour}; outline: 1mm solid {brand.accent_colour};
  outline-offset: -6mm; page-break-inside: avoid; break-inside: avoid; }}
h1 {{ color: {brand.primary_colour}; font-size: 2.2rem; margin: 0.2em 0; }}
.course {{ font-size: 1.6rem; font-weight: bold; margin: 0.3em 0; }}
.name {{ font-size: 1.8rem; margin: 0.4em auto; min-height: 1.6em; max-width: 70%;
  border-bottom: 1px solid {brand.text_colour}; }}
ul {{ display: inline-block; text-align: start; margin: 0.5em auto; }}
.logo {{ max-height: 22mm; max-width: 60mm; }}
footer {{ margin-top: 1em; font-size: 0.95rem; }}
@media print {{ body {{ -webkit-print-color-adjust: exact; print-color-adjust: exact; }} }}
</style>
</head>
<body>
<main>
{logo_tag}
<h1>{esc(words.heading)}</h1>
<p>{esc(words.intro)}</p>
{who}
<p>{esc(words.took_part)}</p>
<p class="course">{esc(course.title)}</p>
<p>{esc(words.covered)}</p>
<ul>{outcomes}</ul>
<footer><p>{esc(organisation)}{" · " + esc(when) if when else ""}</p></footer>
</main>
</body>
</html>
"""


def _date(moment: datetime | None, language: str) -> str:
    """The day it was handed in, written by Babel in the course's language (content/formats)."""
    return day(moment, language) if moment else ""


def _p(text: str) -> str:
    return f"<p>{html.escape(text)}</p>"
