"""The technique cards: one printable card per power-sharing technique, from course/techniques.yml.

Two cards to a printed page (one, when a card is long), each with its own headings and a
numbered list of steps, never split across pages. The same cards go in the facilitator pack.
"""

from __future__ import annotations

import html

from coproduce.content.branding import logo_data_uri
from coproduce.content.course import CourseContent
from coproduce.content.pack_words import PackText
from coproduce.content.page import html_page
from coproduce.content.techniques import Technique, TechniqueCards

CARDS_FILENAME = "technique-cards.html"

CARD_CSS = """
.technique-card { border: 2px solid var(--primary); border-radius: 6px; padding: .25rem 1rem .5rem;
  margin: 1rem 0; break-inside: avoid; page-break-inside: avoid; }
.technique-card .card-name { margin: .5rem 0 .25rem; color: var(--primary); }
.technique-card .card-label { font-size: 1.05rem; margin: .75rem 0 .25rem; }
.technique-card p, .technique-card ol { margin: 0 0 .5rem; }
.technique-card ol { padding-inline-start: 1.5rem; }
.technique-card .card-minutes { font-weight: 600; }
@media print {
  html { font-size: 11pt; }
  .technique-card { border: 1.5pt dashed #000; color: #000; line-height: 1.35;
    padding: .1rem .8rem .3rem; }
  .technique-card .card-label { font-size: 1rem; margin: .4rem 0 .1rem; }
  .technique-card p, .technique-card ol { margin: 0 0 .3rem; }
  .technique-card .card-name { color: #000; }
  .technique-card a { color: #000; }
  .card-deck .technique-card { margin: 0 0 6mm; }
  .card-deck .technique-card:nth-of-type(odd) { break-before: page; page-break-before: always; }
}
"""


def minutes_text(cards: TechniqueCards, technique: Technique, words: PackText) -> str:
    """'About 40 minutes (30 to write, 10 to sort the ideas)': the cards file's own words,
    joined by the catalogue's `card_timing`."""
    text = cards.words.minutes.format(minutes=technique.minutes)
    if not technique.timing:
        return text
    return words.card_timing.format(minutes=text, timing=technique.timing)


def _source(technique: Technique) -> str:
    text = html.escape(technique.source)
    if not technique.url:
        return f"<p>{text}</p>"
    address = html.escape(technique.url, quote=True)
    return f'<p>{text} <a href="{address}">{html.escape(technique.url)}</a></p>'


def card_html(cards: TechniqueCards, technique: Technique, level: int, packs: PackText) -> str:
    """One card; its name is a heading at `level`, its labels one level below."""
    words = cards.words
    name_id = f"technique-{technique.id}"
    label = level + 1
    steps = "".join(f"<li>{html.escape(step)}</li>" for step in technique.steps)

    def part(title: str, body: str) -> str:
        return f'<h{label} class="card-label">{html.escape(title)}</h{label}>{body}'

    return (
        f'<article class="technique-card" id="{name_id}" aria-labelledby="{name_id}-name">'
        f'<h{level} class="card-name" id="{name_id}-name">{html.escape(technique.name)}</h{level}>'
        f'<p class="card-minutes">{html.escape(minutes_text(cards, technique, packs))}</p>'
        + part(words.when, f"<p>{html.escape(technique.when)}</p>")
        + part(words.steps, f"<ol>{steps}</ol>")
        + part(words.online, f"<p>{html.escape(technique.online)}</p>")
        + part(words.source, _source(technique))
        + "</article>"
    )


def cards_section(content: CourseContent) -> str:
    """The cards as a section of the facilitator pack, on a new page; '' without a cards file.
    The pack's page takes CARD_CSS as its extra styles."""
    cards = content.techniques
    if cards is None:
        return ""
    return (
        f'<section class="module card-pack" id="technique-cards">'
        f"<h2>{html.escape(cards.words.heading)}</h2><p>{html.escape(cards.words.intro)}</p>"
        + "".join(
            card_html(cards, technique, 3, content.interface.packs)
            for technique in cards.techniques
        )
        + "</section>"
    )


def technique_cards(content: CourseContent) -> str:
    """The cards on their own: a page to print and cut out."""
    cards = content.techniques
    if cards is None:
        raise ValueError("this course has no technique cards (course/techniques.yml)")
    course = content.course
    packs = content.interface.packs
    contents = "".join(
        f'<li><a href="#technique-{technique.id}">{html.escape(technique.name)}</a>: '
        f"{html.escape(minutes_text(cards, technique, packs))}</li>"
        for technique in cards.techniques
    )
    body = (
        f"<p>{html.escape(cards.words.intro)}</p><ul>{contents}</ul>"
        '<div class="card-deck">'
        + "".join(card_html(cards, technique, 2, packs) for technique in cards.techniques)
        + "</div>"
    )
    logo = logo_data_uri(content.root, course.branding.logo)
    title = packs.cards_title.format(cards=cards.words.heading, course=course.title)
    return html_page(
        course, title, body, extra_css=CARD_CSS, logo=logo, logo_alt=content.interface.page.logo_alt
    )
