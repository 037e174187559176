"""sitemap.xml: the address of every public HTML page of the build.

It is written when Pelican has finished, from the pages in the output folder,
so it lists what every plugin wrote, even pages a rebuild left as they were.
It leaves out the 404 page, the editorial report and the pages of drafts.
"""

import os
from xml.sax.saxutils import escape

NEVER_LISTED = ("404.html", "editorial/")


def page_addresses(output, base, not_public=(), without_pages=()):
    """Sorted (address, relative path) of every public HTML page under `output`. `without_pages`:
    folders (relative to `output`) known to hold no page, not walked (the Open Referral feed's
    10,000 folders at 10,000 services)."""
    skipped = tuple(NEVER_LISTED) + tuple(not_public)
    pages = []
    root = os.path.join(os.path.normpath(output), "")  # with its final separator
    pruned = {os.path.normpath(os.path.join(root, folder)) for folder in without_pages}
    for directory, subdirs, names in os.walk(root):
        subdirs[:] = sorted(name for name in subdirs if os.path.join(directory, name) not in pruned)
        # os.walk gives paths that start with `root`: cutting it off is os.path.relpath's answer
        # without its cost, which a site of 10,000 services paid for every page.
        folder = os.path.join(directory[len(root):], "").replace(os.sep, "/") if directory != root else ""
        for name in names:
            if not name.endswith(".html"):
                continue
            relative = folder + name
            if relative.startswith(skipped):
                continue
            path = relative[: -len("index.html")] if relative == "index.html" or relative.endswith("/index.html") else relative
            pages.append((f"{base}/{path}", path))
    return sorted(pages)


def sitemap_xml(pages, lastmod=None):
    """`pages`: (address, path) pairs; `lastmod`: {path: "YYYY-MM-DD"} where known."""
    lastmod = lastmod or {}
    lines = ['<?xml version="1.0" encoding="UTF-8"?>', '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">']
    for address, path in pages:
        when = f"<lastmod>{lastmod[path]}</lastmod>" if path in lastmod else ""
        lines.append(f"  <url><loc>{escape(address)}</loc>{when}</url>")
    lines.append("</urlset>")
    return "\n".join(lines) + "\n"
