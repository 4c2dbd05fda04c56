"""The languages course.yml names: the course's own (`language:`), those a learner may choose
(`languages:`) and the trainer app's (`trainer_language:`). See docs/languages.md."""

from __future__ import annotations

from typing import Any

from pydantic import Field, model_validator

from coproduce.content.strict import Strict


class CourseLanguages(Strict):
    # The language of the learners' pages and the course's words: a tag such as en, cy or ur,
    # with its catalogue course/interface.<tag>.yml (docs/languages.md).
    language: str = "en"
    # The languages a learner may choose on the join page, the default first; each has its
    # catalogue, and each module may have its content in it (content.<tag>.md). Without it the
    # course is offered in `language` alone, and the join page offers no choice.
    languages: list[str] = Field(default_factory=list)
    # The trainer app's language, when the trainers read another than the learners' default.
    trainer_language: str | None = None

    @model_validator(mode="before")
    @classmethod
    def _default_language_first(cls, data: Any) -> Any:
        """`languages: [cy, en]` alone makes Welsh the default (`language: cy`)."""
        if isinstance(data, dict) and "language" not in data:
            offered = data.get("languages")
            if isinstance(offered, list) and offered and isinstance(offered[0], str):
                data = {**data, "language": offered[0]}
        return data

    @model_validator(mode="after")
    def _languages_agree(self) -> CourseLanguages:
        if self.languages and self.languages[0] != self.language:
            raise ValueError(
                f"language: is the default, '{self.language}', so languages: must list it "
                f"first (it starts with '{self.languages[0]}')"
            )
        if len(set(self.languages)) != len(self.languages):
            raise ValueError("languages: names a language twice")
        return self

    @property
    def offered_languages(self) -> list[str]:
        """The languages a learner may choose, the default first: `language` alone unless
        `languages:` lists more."""
        return list(self.languages) or [self.language]

    @property
    def trainers_language(self) -> str:
        """The trainer app's language: `trainer_language`, or the course's default."""
        return self.trainer_language or self.language
