"""Rewrite a passage in plain words, with reading ease, sentence length and jargon shown live."""

from __future__ import annotations

import html
import threading
from typing import Any

from coproduce.content.model import JargonBuster
from coproduce.kinds.common import light_widgets as light
from coproduce.kinds.common.frame import (
    ExerciseContext,
    SaveAnswer,
    count_message,
    exercise_frame,
    paragraphs,
)
from coproduce.kinds.common.live_message import LiveMessage
from coproduce.kinds.jargon_buster.checks import (
    PlainScore,
    build_matcher,
    jargon_message,
    quoted_longest,
    reading_ease_message,
    score_text,
    sentence_message,
    whole,
)
from coproduce.text.clean import clean_text

SAVE_AFTER_QUIET_SECONDS = 1.0


class JargonBusterView:
    """The textarea starts with the passage, so the learner edits rather than starts from blank."""

    def __init__(self, exercise: JargonBuster, save: SaveAnswer, context: ExerciseContext) -> None:
        self.exercise = exercise
        self._save = save
        self._timer: threading.Timer | None = None
        self._lock = threading.Lock()
        self._context = context
        self.words = words = context.content.interface.jargon_buster
        glossary = context.content.glossary
        self.matcher = build_matcher(glossary)
        self.start = score_text(exercise.passage, self.matcher)
        passage = [part.strip() for part in exercise.passage.split("\n\n")]
        intro = light.HTML(
            paragraphs([exercise.prompt])
            + paragraphs([words.passage_label], "cp-jargon-label")
            + f'<blockquote class="cp-jargon-passage">{paragraphs(passage)}</blockquote>'
        )
        self.text = light.Textarea(
            value=clean_text(exercise.passage, exercise.max_chars).text,
            description=words.box_label,
            rows=8,
            layout=light.full_width(),
            style=light.wide_label(light.Textarea),
            classes=["cp-textarea"],
        )
        self.count = light.HTML()
        self.figures = light.HTML(classes=["cp-jargon-figures"])
        self.advice = light.HTML(classes=["cp-jargon-advice"])
        self.status = LiveMessage()
        self._show(self.text.value)
        self.text.observe(self._on_text, "value")
        self.widget = exercise_frame(
            exercise.title,
            [intro, self.text, self.count, self.status, self.figures, self.advice],
            classes=["cp-jargon"],
        )

    def _on_text(self, change: dict[str, Any]) -> None:
        self._show(change["new"])
        with self._lock:
            if self._timer is not None:
                self._timer.cancel()
            self._timer = threading.Timer(SAVE_AFTER_QUIET_SECONDS, self.save_now)
            self._timer.daemon = True
            self._timer.start()

    def _show(self, raw: object) -> None:
        """Recount and redraw the figures and advice for the text as it is now."""
        text = raw if isinstance(raw, str) else ""
        self.count.value = paragraphs(
            [count_message(self._context, len(text), self.exercise.max_chars)], "cp-count"
        )
        score = score_text(clean_text(text, self.exercise.max_chars).text, self.matcher)
        self.figures.value = self._figures_table(score)
        self.advice.value = self._advice(score)

    def _figures_table(self, score: PlainScore) -> str:
        exercise, start = self.exercise, self.start
        mine = score.words > 0
        words = self.words
        rows = [
            (
                words.ease_row,
                whole(start.reading_ease),
                whole(score.reading_ease) if mine else "-",
                words.or_more.format(aim=whole(exercise.target_reading_ease)),
            ),
            (
                words.sentence_row,
                whole(start.words_per_sentence),
                whole(score.words_per_sentence) if mine else "-",
                words.or_fewer.format(aim=exercise.target_sentence_words),
            ),
            (
                words.glossary_row,
                len(start.jargon),
                len(score.jargon) if mine else "-",
                words.as_few,
            ),
        ]
        body = "".join(
            f'<tr><th scope="row">{html.escape(label)}</th><td>{html.escape(str(before))}</td>'
            f"<td>{html.escape(str(now))}</td><td>{html.escape(aim)}</td></tr>"
            for label, before, now, aim in rows
        )
        head = "".join(
            f'<th scope="col">{html.escape(text)}</th>'
            for text in (words.measure, words.passage, words.yours, words.aim)
        )
        return (
            f'<table class="cp-jargon-table"><caption>{html.escape(words.caption)}</caption>'
            f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
        )

    def _advice(self, score: PlainScore) -> str:
        exercise, words, language = self.exercise, self.words, self._context.language
        parts = paragraphs(
            [
                reading_ease_message(
                    score, exercise.target_reading_ease, exercise.target_sentence_words, words
                ),
                sentence_message(score, exercise.target_sentence_words, words, language),
            ]
        )
        longest = quoted_longest(score, exercise.target_sentence_words)
        if longest:
            parts += paragraphs([words.longest.format(sentence=longest)], "cp-jargon-quote")
        parts += paragraphs([jargon_message(score, words, language)])
        if score.words and score.jargon:
            items = "".join(
                f"<li><strong>{html.escape(found.written)}</strong>: "
                f"{html.escape(words.try_instead.format(plain=found.plain))} "
                f"<span>{html.escape(found.explanation)}</span></li>"
                for found in score.jargon
            )
            parts += f'<ul class="cp-jargon-list">{items}</ul>'
        return parts

    def save_now(self) -> None:
        cleaned = clean_text(self.text.value, self.exercise.max_chars)
        problem = self._save(self.exercise.id, {"text": cleaned.text})
        if problem:
            self.status.html = paragraphs([problem], "cp-note")
            return
        score = score_text(cleaned.text, self.matcher)
        words = self.words
        summary = words.saved
        if score.words:
            summary = words.saved_ease.format(ease=whole(score.reading_ease))
        if cleaned.was_cut:
            summary = words.saved_cut.format(max_chars=self.exercise.max_chars)
        self.status.html = paragraphs([summary], "cp-saved")

    def restore(self, answer: dict[str, Any]) -> None:
        raw = answer.get("text") if isinstance(answer, dict) else None
        if not isinstance(raw, str):
            return
        with self._lock:
            if self._timer is not None:
                self._timer.cancel()
                self._timer = None
        text = clean_text(raw, self.exercise.max_chars).text
        self.text.unobserve(self._on_text, "value")
        self.text.value = text
        self.text.observe(self._on_text, "value")
        self._show(text)
