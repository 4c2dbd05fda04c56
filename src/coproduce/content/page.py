"""A self-contained, printable HTML page in the course's colours."""

from __future__ import annotations

import html

from coproduce.content.language import page_attributes
from coproduce.content.model import Course

PRINT_CSS = """
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif;
  color: var(--text); background: var(--background); line-height: 1.5; margin: 0;
  overflow-wrap: anywhere; }
main { max-width: 46rem; margin: 0 auto; padding: 1.5rem; }
header.banner { background: var(--primary); color: #fff; padding: 1rem 1.5rem; }
header.banner p { margin: 0; }
header.banner h1 { margin: .25rem 0 0; }
h1, h2, h3 { line-height: 1.25; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #555; padding: .4rem .6rem; text-align: start; vertical-align: top; }
th { background: #eef2f8; }
.module { break-before: page; page-break-before: always; }
.write-here { border: 1px solid #555; border-radius: 4px; min-height: 8rem; margin: .5rem 0 1rem; }
.write-line { border-bottom: 1px solid #555; height: 2.2rem; }
.box { display: inline-block; width: 1em; height: 1em; border: 2px solid #333;
  margin-inline-end: .5em; vertical-align: -0.15em; }
.meta { color: #333; }
a { color: var(--primary); }
.cp-visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden;
  clip-path: inset(50%); white-space: nowrap; }
.cp-find-out-more li { margin-bottom: .4rem; }
@media print {
  header.banner { background: none; color: #000; border-bottom: 3px solid #000; }
  main { max-width: none; padding: 0; }
  a { color: #000; }
  @page { margin: 18mm; }
}
"""


def html_page(
    course: Course,
    title: str,
    body: str,
    extra_css: str = "",
    logo: str = "",
    logo_alt: str = "{organisation}",
) -> str:
    """A whole page; `logo` is a data: URI (see branding.logo_data_uri) or ''. `logo_alt` is
    the catalogue's text for it (`page: logo_alt`), with {organisation} to fill in."""
    brand = course.branding
    colours = (
        f":root {{ --primary: {brand.primary_colour}; --text: {brand.text_colour};"
        f" --background: {brand.background_colour}; }}"
    )
    organisation = brand.organisation or brand.name
    return (
        f"<!DOCTYPE html>\n<html {page_attributes(course.language)}>\n<head>\n"
        '<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{html.escape(title)}</title>\n"
        f"<style>{colours}{PRINT_CSS}{extra_css}</style>\n</head>\n<body>\n"
        f'<header class="banner">{_logo(logo, logo_alt.format(organisation=organisation))}'
        f"<p>{html.escape(organisation)}</p>"
        f"<h1>{html.escape(title)}</h1></header>\n"
        f"<main>\n{body}\n</main>\n</body>\n</html>\n"
    )


def _logo(logo: str, alt_text: str) -> str:
    if not logo:
        return ""
    alt = html.escape(alt_text, quote=True)
    return f'<img src="{html.escape(logo)}" alt="{alt}" style="float:inline-end;max-height:3rem">'


def bullet_list(items: list[str]) -> str:
    return "<ul>" + "".join(f"<li>{html.escape(item)}</li>" for item in items) + "</ul>"
