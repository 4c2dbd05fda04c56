"""The base of every content shape: unknown keys are errors, values are frozen and trimmed."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, PrivateAttr


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)

    # How the words learners' answers are kept by (roles, expense types) read in another
    # language, by list: set from a translation beside the file (content/translations.py),
    # never from the file itself, so answers stay keyed by the source's words.
    _shown: dict[str, dict[str, str]] = PrivateAttr(default_factory=dict)

    def shown(self, key: str, word: str) -> str:
        """`word`, one of the list `key` answers are kept by, in the page's language."""
        return self._shown.get(key, {}).get(word, word)

    def shown_all(self, key: str, words: list[str]) -> list[str]:
        return [self.shown(key, word) for word in words]
