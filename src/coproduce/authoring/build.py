"""`coproduce build`: the facilitator pack, the learner workbook, a static site, and PDFs."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from coproduce.authoring.builders.facilitator_pack import facilitator_pack
from coproduce.authoring.builders.learner_workbook import learner_workbook
from coproduce.authoring.builders.pdf import find_chromium, print_to_pdf
from coproduce.authoring.builders.static_site import write_static_site
from coproduce.authoring.builders.technique_cards import CARDS_FILENAME, technique_cards
from coproduce.content.loader import load_course

Progress = Callable[[str], None]


def build_all(root: Path, out: Path, progress: Progress = print, pdf: bool = True) -> list[Path]:
    """Write everything to `out`; report each step through `progress`."""
    chromium = find_chromium() if pdf else None
    steps = 0
    step = 0

    def done(message: str) -> None:
        nonlocal step
        step += 1
        progress(f"[{step}/{steps}] {message}")

    content = load_course(root)
    # The pack and the workbook, the technique cards when the course has them: each written,
    # and printed when Chromium is installed; besides them, the check and the site.
    printable = 2 if content.techniques is None else 3
    steps = 2 + printable * (2 if chromium else 1)
    done("checked the course content")
    out.mkdir(parents=True, exist_ok=True)
    pack = out / "facilitator-pack.html"
    pack.write_text(facilitator_pack(content), encoding="utf-8")
    done(f"wrote {pack.name}")
    workbook = out / "learner-workbook.html"
    workbook.write_text(learner_workbook(content), encoding="utf-8")
    done(f"wrote {workbook.name}")
    site = write_static_site(content, out / "site")
    done(f"wrote the static site: {len(site)} pages in site/")
    written = [pack, workbook, *site]
    pages = [pack, workbook]
    if content.techniques is not None:
        cards = out / CARDS_FILENAME
        cards.write_text(technique_cards(content), encoding="utf-8")
        done(f"wrote {cards.name}: {len(content.techniques.techniques)} technique cards")
        written.append(cards)
        pages.append(cards)
    if chromium:
        for page in pages:
            pdf_path = page.with_suffix(".pdf")
            print_to_pdf(page, pdf_path, chromium)
            written.append(pdf_path)
            done(f"printed {pdf_path.name}")
    else:
        progress("Chromium is not installed, so no PDFs were made (the HTML prints well).")
    return written
