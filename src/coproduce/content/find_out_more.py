"""The "Find out more" list of a module's sources, in the app, the static site and the workbook.

A link starts a new browser tab (the learner app must not be left behind) with
rel="noopener noreferrer", and its name is the source's title, so a screen reader says where it
goes. How each source is written and punctuated is the catalogue's (`find_out_more:`).
"""

from __future__ import annotations

import html
from collections.abc import Sequence

from coproduce.content.interface import FindOutMoreText
from coproduce.content.references import Reference


def find_out_more_html(
    references: Sequence[Reference], words: FindOutMoreText, *, on_paper: bool = False
) -> str:
    """The "Find out more" list, in the catalogue's words and punctuation; '' for a module
    without sources.

    `words.new_tab` is read out after each link's title (it is hidden from sight, not from a
    screen reader). `on_paper`: print each web address too, since paper cannot follow a link.
    """
    if not references:
        return ""
    items = "".join(_item(reference, words, on_paper) for reference in references)
    return f'<h3>{html.escape(words.heading)}</h3><ul class="cp-find-out-more">{items}</ul>'


def _item(reference: Reference, words: FindOutMoreText, on_paper: bool) -> str:
    # The catalogue's texts are escaped; the slots are filled with markup made safe here.
    title = html.escape(reference.title)
    if reference.url:
        address = html.escape(reference.url, quote=True)
        hidden = f'<span class="cp-visually-hidden"> ({html.escape(words.new_tab)})</span>'
        title = f'<a href="{address}" target="_blank" rel="noopener noreferrer">{title}{hidden}</a>'
        if on_paper:
            title += f' <span class="cp-web-address">{html.escape(reference.url)}</span>'
    who = html.escape(reference.who)
    if reference.year:
        source = html.escape(words.source).format(title=title, who=who, year=reference.year)
    else:
        source = html.escape(words.undated_source).format(title=title, who=who)
    if reference.about:
        about = html.escape(reference.about)
        source = html.escape(words.about).format(source=source, about=about)
    return f"<li>{source}</li>"
