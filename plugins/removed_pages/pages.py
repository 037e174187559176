"""Remove the pages a previous build wrote for Markdown files that are gone.

Pelican writes every content page on every build but never deletes one, so a
page removed or renamed in content/pages (or its easy-read twin) would stay in
the output of a rebuild, and the tree would differ from a clean build's. Each
build lists the addresses of its content pages in CACHE_PATH; the next build
into the same folder removes those it no longer writes. Services remove their
own pages (service_directory, easy_read); nothing else is touched.
"""

import json
import logging
from pathlib import Path

from pelican.generators import PagesGenerator

from localoffer.cache_files.pages import remove_page

logger = logging.getLogger(__name__)

RECORD = "content_pages.json"
_built = {}  # settings id -> the save_as of every content page this build writes


def note_content_pages(generators):
    """After every generator read its content: the pages Pelican's pages generator will write
    (easy-read twins are hidden pages by then)."""
    for generator in generators:
        if isinstance(generator, PagesGenerator):
            pages = [*generator.pages, *generator.hidden_pages, *generator.draft_pages]
            pages += [translation for page in list(pages) for translation in getattr(page, "translations", [])]
            _built[id(generator.settings)] = sorted({page.save_as for page in pages if page.save_as})


def remove_pages_no_longer_built(pelican):
    settings = pelican.settings
    built = _built.pop(id(settings), None)
    if built is None:
        return
    output = Path(settings["OUTPUT_PATH"]).resolve()
    record = Path(settings["CACHE_PATH"]) / RECORD
    before = _read(record)
    if before.get("output") == str(output):
        for save_as in sorted(set(before.get("pages", [])) - set(built)):
            remove_page(output, save_as, "removed_pages", "whose Markdown page is gone")
    try:
        record.parent.mkdir(parents=True, exist_ok=True)
        record.write_text(json.dumps({"output": str(output), "pages": built}, indent=0), encoding="utf-8")
    except OSError as error:
        logger.warning("removed_pages: could not save %s: %s", record, error)


def _read(record):
    try:
        stored = json.loads(record.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return stored if isinstance(stored, dict) else {}
