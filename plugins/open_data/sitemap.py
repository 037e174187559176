"""sitemap.xml: the address of every public HTML page of the build.

It is written when Pelican has finished, from the pages in the output folder,
so it lists what every plugin wrote, even pages a rebuild left as they were.
It leaves out the 404 page, the editorial report and the pages of drafts.
"""

import os
import time
from xml.sax.saxutils import escape

NEVER_LISTED = ("404.html", "editorial/")
# A folder's listing is kept (FolderListings) only once its modification time is this much in
# the past: a file system that counts it in whole (or two) seconds shows no change made within one.
SETTLED_NS = 2_000_000_000
# The listings are saved again when more than one folder in this many was read again for nothing.
STALE_SHARE = 20


def page_addresses(output, base, not_public=(), without_pages=(), listings=None):
    """Sorted (address, relative path) of every public HTML page under `output`. `without_pages`:
    folders (relative to `output`) known to hold no page, not walked (the Open Referral feed's
    10,000 folders at 10,000 services). `listings`: a FolderListings whose kept listings stand for
    the folders that did not change (a rebuild rewrites a few of 20,000)."""
    skipped = tuple(NEVER_LISTED) + tuple(not_public)
    pruned = {os.path.normpath(folder).replace(os.sep, "/") for folder in without_pages}
    listings = listings if listings is not None else FolderListings()
    root = os.path.join(os.path.normpath(output), "")  # with its final separator
    pages = []
    folders = [""]  # relative to `root`, each with its final "/" but the root itself
    while folders:
        folder = folders.pop()
        subfolders, names = listings.listing(root, folder)
        folders.extend(f"{folder}{name}/" for name in subfolders if f"{folder}{name}" not in pruned)
        for name in names:
            relative = folder + name
            if relative.startswith(skipped):
                continue
            path = relative[: -len("index.html")] if relative == "index.html" or relative.endswith("/index.html") else relative
            pages.append((f"{base}/{path}", path))
    return sorted(pages)


class FolderListings:
    """Each output folder's subfolders and HTML files, by its inode and modification time (a file
    written there, atomically, by rename, or removed changes it), so a folder that did not change
    is not read again. `kept`: {folder: [inode, mtime_ns, subfolders, names]} an earlier build made."""

    def __init__(self, kept=None):
        self.kept = kept if isinstance(kept, dict) else {}
        self.listings = {}  # what this build found, for the next
        self.read = 0  # folders read in this build (the others were kept)
        self.unsettled = set()  # folders read in this build and changed too recently to keep

    def listing(self, root, folder):
        path = root + folder
        stat = os.stat(path)
        kept = self.kept.get(folder)
        if (isinstance(kept, list) and len(kept) == 4 and kept[0] == stat.st_ino and kept[1] == stat.st_mtime_ns
                and isinstance(kept[2], list) and isinstance(kept[3], list)):
            self.listings[folder] = kept
            return kept[2], kept[3]
        self.read += 1
        subfolders, names = [], []
        with os.scandir(path) as entries:
            for entry in entries:
                # As os.walk: a link to a folder is not followed.
                if entry.is_dir() and not entry.is_symlink():
                    subfolders.append(entry.name)
                elif entry.name.endswith(".html") and not entry.is_dir():
                    names.append(entry.name)
        if stat.st_mtime_ns < time.time_ns() - SETTLED_NS:
            self.listings[folder] = [stat.st_ino, stat.st_mtime_ns, subfolders, names]
        else:
            self.unsettled.add(folder)
        return subfolders, names

    def changed(self):
        """Whether the listings are worth saving: a folder is new, gone or holds other names than its
        kept listing says, or many folders were read again though they hold the same names (their
        key changed: a page written again). A folder read again but changed too recently to keep
        does not count. Pages written by every build change a few folders' keys each time: saving
        the 2 MB of listings of 10,000 services again for that alone cost more than reading those
        few folders again in the next build."""
        kept, same_names = self.kept, 0
        if self.listings.keys() - kept.keys() or kept.keys() - self.listings.keys() - self.unsettled:
            return True
        for folder, listing in self.listings.items():
            old = kept[folder]
            if old is listing:
                continue
            if not isinstance(old, list) or old[2:] != listing[2:]:
                return True
            same_names += 1
        return same_names * STALE_SHARE > len(self.listings)


def sitemap_xml(pages, lastmod=None):
    """`pages`: (address, path) pairs; `lastmod`: {path: "YYYY-MM-DD"} where known."""
    lastmod = lastmod or {}
    lines = ['<?xml version="1.0" encoding="UTF-8"?>', '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">']
    for address, path in pages:
        when = f"<lastmod>{lastmod[path]}</lastmod>" if path in lastmod else ""
        lines.append(f"  <url><loc>{escape(address)}</loc>{when}</url>")
    lines.append("</urlset>")
    return "\n".join(lines) + "\n"
