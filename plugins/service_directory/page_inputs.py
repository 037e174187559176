"""What in content/ a service page depends on, for the build cache's fingerprint.

A service page shows the Markdown pages in content/pages only as links in its
menu and footer: each page's title and address. Hashing the whole of content/
meant that correcting a typo in the privacy notice rewrote every service page
(10,000 of them in a regional directory). So the Markdown pages count by
those links alone, and every other file in content/ (the SEND glossary, the
co-production files) counts whole, as before. Adding, removing or renaming a
page, or changing its title, still rewrites every service page.

If a template used by service pages starts to show more of a content page
than its title and address, that must be added to `page_links` here.
"""

import json
from pathlib import Path

from localoffer.cache_files import digest


def page_links(pages):
    return sorted((str(page.title), str(page.url)) for page in pages)


def content_digest(settings, pages):
    root = Path(settings["PATH"])
    page_folders = [root / folder for folder in settings.get("PAGE_PATHS") or []]
    parts = []
    for path in sorted(root.rglob("*")):
        in_pages = path.suffix == ".md" and any(folder in path.parents for folder in page_folders)
        if path.is_file() and not in_pages:
            parts += [path.relative_to(root).as_posix(), path.read_bytes()]
    return digest(*parts, json.dumps(page_links(pages)))
