"""The tracker and "You said, we did" are written again only when what they are made of changed.

Both pages were rendered in every build, a fifth of a second of a rebuild in which
nothing changed. A page is made of: the plugins' code, the settings and the build
date (which works out each project's status); its template and every template that
one reaches (cache_files.templates); its own YAML file; and, of the other content
pages, what the menu, the footer and the section's menu show: each page's title and
address, and the section's items (their `Order` counts). The key holds exactly those.
`tests/test_coproduction_build.py` checks that the templates of these pages read
nothing else from `local_offer`: a template that starts to show more (a count of
services, say) must add it to `page_key` here.

The keys of the pages written are kept in CACHE_PATH/coproduction-pages.json
(cache_files.pages.WrittenPages), removed when read and saved again once the pages
are queued, as service_directory keeps its own: a page whose rendering failed has
been removed (safe_build), so a stopped build never leaves a kept key beside an old page.
"""

import json
from pathlib import Path

from localoffer.cache_files import digest, package_digest, settings_digest
from localoffer.cache_files.pages import WrittenPages
from localoffer.cache_files.templates import templates_digest

PAGES_FILE = "coproduction-pages.json"


def file_bytes(path):
    try:
        return Path(path).read_bytes()
    except OSError:
        return b"(no such file)"


def page_key(generator, template, section, source):
    """What the page rendered from `template` is made of (see above). `source`: the path of the
    YAML file it shows; `section`: the section's menu as published."""
    settings = generator.settings
    pages = sorted((str(page.title), str(page.url)) for page in generator.context.get("pages", []))
    return digest(
        package_digest(), settings_digest(settings), generator.today.isoformat(),
        templates_digest(generator.env, f"{template}.html"),
        file_bytes(source),
        json.dumps([pages, section], sort_keys=True),
    )


def written_pages(settings, output_path):
    """The keys of the pages an earlier build wrote (`COPRODUCTION_CACHE`)."""
    return WrittenPages(Path(settings["CACHE_PATH"]) / PAGES_FILE, output_path, "coproduction",
                        enabled=settings["COPRODUCTION_CACHE"])
