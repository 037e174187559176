"""sitemap.xml: the address of every public HTML page of the build.

It is written when Pelican has finished, from the pages in the output folder,
so it lists what every plugin wrote, even pages a rebuild left as they were.
It leaves out the 404 page, the editorial report and the pages of drafts.

The output of 10,000 services has 20,000 folders. A rebuild looks at each folder's
inode and modification time, which change when a file in it is written (atomically,
by rename), added or removed, and reads again only the folders that changed
(`FolderListings`). `TreeRecord` keeps every folder in the order the walk met it:
when each is as it was, or holds the same names, the tree is the last build's, and
the sitemap, made from that tree and the same addresses and dates, is the one on disk.
"""

import os
import re
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
        self.walked = {}  # every folder the walk met, in its order: (inode, mtime_ns or None if unsettled, listing)

    def listing(self, root, folder):
        path = root + folder
        stat = os.stat(path)
        kept = self.kept.get(folder)
        if (isinstance(kept, list) and len(kept) == 4 and kept[0] == stat.st_ino and kept[1] == stat.st_mtime_ns
                and isinstance(kept[2], list) and isinstance(kept[3], list)):
            self.listings[folder] = kept
            self.walked[folder] = (stat.st_ino, stat.st_mtime_ns, kept[2], kept[3])
            return kept[2], kept[3]
        self.read += 1
        subfolders, names = read_folder(path)
        if settled(stat):
            self.listings[folder] = [stat.st_ino, stat.st_mtime_ns, subfolders, names]
            self.walked[folder] = (stat.st_ino, stat.st_mtime_ns, subfolders, names)
        else:
            self.unsettled.add(folder)
            self.walked[folder] = (stat.st_ino, None, subfolders, names)
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


def read_folder(path):
    """The subfolders and HTML files of the folder at `path`."""
    subfolders, names = [], []
    with os.scandir(path) as entries:
        for entry in entries:
            # As os.walk: a link to a folder is not followed.
            if entry.is_dir() and not entry.is_symlink():
                subfolders.append(entry.name)
            elif entry.name.endswith(".html") and not entry.is_dir():
                names.append(entry.name)
    return subfolders, names


def settled(stat):
    return stat.st_mtime_ns < time.time_ns() - SETTLED_NS


class TreeRecord:
    """Every folder a walk met, in its order, with its inode, modification time (None when it
    changed too recently to be trusted) and listing, and `sitemap`, the key and file stamp of the
    sitemap made from them: what write_sitemap keeps, as flat lists (the same listings as a dict
    of 20,000 folders took three times as long to read back)."""

    def __init__(self, folders, stamps, listings, sitemap):
        self.folders, self.stamps, self.listings, self.sitemap = folders, stamps, listings, sitemap
        self.read = []  # (index, os.stat) of each folder `unchanged` read again

    @classmethod
    def from_walk(cls, walked, sitemap):
        """From a FolderListings' `walked`."""
        stamps = [part for inode, mtime, _, _ in walked.values() for part in (inode, mtime)]
        return cls(list(walked), stamps, [(subfolders, names) for _, _, subfolders, names in walked.values()], sitemap)

    @classmethod
    def from_data(cls, data, output, without_pages):
        """The record an earlier build saved for `output`, or None when there is none, it is not of the
        shape `to_data` gives, or a folder one of its listings names (but those of `without_pages`) is
        not in it: a record that does not hold the whole tree could not tell that it is unchanged."""
        try:
            if data["output"] != output:
                return None
            folders, stamps, (shapes, indices), sitemap = data["folders"], data["stamps"], data["listings"], data["sitemap"]
            shapes = [(list(subfolders), list(names)) for subfolders, names in shapes]
            # Each check takes the types of a whole list at once (`map`, a set): a check a value in
            # Python was most of reading the record back (20,000 folders and 40,000 stamps).
            if not (len(stamps) == 2 * len(folders) == 2 * len(indices) and folders and folders[0] == ""
                    and set(map(type, indices)) <= {int} and (not indices or 0 <= min(indices) <= max(indices) < len(shapes))
                    and all(isinstance(name, str) for shape in shapes for part in shape for name in part)
                    and set(map(type, stamps)) <= _STAMP_TYPES
                    and _are_folders(folders[1:])):
                return None
            listings = [shapes[index] for index in indices]
            known = set(folders)
            pruned = {os.path.normpath(folder).replace(os.sep, "/") for folder in without_pages}
            if any(f"{folder}{name}/" not in known and f"{folder}{name}" not in pruned
                   for folder, (subfolders, _) in zip(folders, listings) for name in subfolders):
                return None
            return cls(folders, stamps, listings, sitemap)
        except (KeyError, TypeError, ValueError):
            return None

    def to_data(self, output):
        """As JSON data; equal listings are kept once (each service's folder holds the same names as the next)."""
        shapes, indices = {}, []
        for subfolders, names in self.listings:
            indices.append(shapes.setdefault((tuple(subfolders), tuple(names)), len(shapes)))
        return {"output": output, "folders": self.folders, "stamps": self.stamps,
                "listings": [[[list(subfolders), list(names)] for subfolders, names in shapes], indices],
                "sitemap": self.sitemap}

    def unchanged(self, root):
        """Whether every folder under `root` (with its final separator) is as this record has it: its
        inode and modification time as kept, or read again and holding the same names. A folder gone
        is a change."""
        stamps, stat, read = self.stamps, os.stat, self.read
        for index, folder in enumerate(self.folders):
            try:
                found = stat(root + folder)
            except OSError:
                return False
            if found.st_ino != stamps[2 * index] or found.st_mtime_ns != stamps[2 * index + 1]:
                if not _same_names(read_folder(root + folder), self.listings[index]):
                    return False
                read.append((index, found))
        return True

    def kept(self):
        """The listings as FolderListings takes them, for a walk; a folder too recent to trust is left out (read again)."""
        stamps = self.stamps
        return {folder: [stamps[2 * index], stamps[2 * index + 1], *self.listings[index]]
                for index, folder in enumerate(self.folders) if stamps[2 * index + 1] is not None}

    def stale(self):
        """Whether new stamps are worth saving: more than one folder in STALE_SHARE was read again for nothing."""
        return len(self.read) * STALE_SHARE > len(self.folders)

    def restamp(self):
        """Take the stamps of the folders `unchanged` read again (no time while too recent to trust)."""
        for index, found in self.read:
            self.stamps[2 * index] = found.st_ino
            self.stamps[2 * index + 1] = found.st_mtime_ns if settled(found) else None


def _same_names(listing, other):
    return all(sorted(mine) == sorted(theirs) for mine, theirs in zip(listing, other))


class KnownListings:
    """FolderListings' `listing`, from a TreeRecord found unchanged: no folder is looked at again."""

    def __init__(self, record):
        self._listings = dict(zip(record.folders, record.listings))

    def listing(self, root, folder):
        return self._listings[folder]


def sitemap_xml(pages, lastmod=None):
    """`pages`: (address, path) pairs; `lastmod`: {path: "YYYY-MM-DD"} where known."""
    lastmod = lastmod or {}
    lines = ['<?xml version="1.0" encoding="UTF-8"?>', '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">']
    for address, path in pages:
        when = f"<lastmod>{lastmod[path]}</lastmod>" if path in lastmod else ""
        lines.append(f"  <url><loc>{escape(address)}</loc>{when}</url>")
    lines.append("</urlset>")
    return "\n".join(lines) + "\n"


# What a stamp may be: an inode or a time (int), or None for a folder too recent to trust.
_STAMP_TYPES = {int, type(None)}
# A folder below the output as a record names it: a relative path ending in "/", each part not
# empty, "." or "..".
_FOLDER = re.compile(r"(?:(?!\.\.?/)[^/]+/)+")


def _are_folders(folders):
    """Whether each of `folders` is a folder below the output (_FOLDER). A record is data a pull
    request's build could write: a folder of another type or outside the output makes the record
    count as missing."""
    return set(map(type, folders)) <= {str} and all(map(_FOLDER.fullmatch, folders))

