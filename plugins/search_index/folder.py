"""The data folder as the last build left it, known without reading its files.

At 10,000 services the data folder holds about 5,600 files, and a rebuild after
one provider changed makes a few of them again: reading every file to compare
it with its new bytes, and rendering every result-store page to have those
bytes, were most of the search's share of that rebuild. So
`CACHE_PATH/search_index-files.json` keeps, for each file the last build left,
the digest of its bytes (terms.file_digest), what `os.stat` said of it then
(inode, size, modification and change times, in nanoseconds) and, for a store
page, the key of the cards it was made of. A file whose `os.stat` still says
the same holds the same bytes: writing one (ours by rename, so a new inode, or
anyone's in place) or removing it changes what `os.stat` says, and the change
time cannot be set back. A file that does not match is read and hashed, and a
file that differs is written again, so a file someone deleted or edited is
restored by the next build.

The record is data: an entry of any other shape counts as missing, and a record
made for another data folder is ignored. It needs no removing while a build
writes: a file written since it was saved has another inode, so the record no
longer vouches for it.
"""

import json
import logging
import os
import stat as stat_kinds
from pathlib import Path

from localoffer.cache_files import write_atomic

from .terms import bytes_digest

logger = logging.getLogger(__name__)

FILES_RECORD = "search_index-files.json"
FORMAT = 1


def _stat(path):
    """What os.stat says of a file that changes when its bytes do, or None when it is not a file."""
    try:
        stat = os.stat(path)
    except OSError:
        return None
    return [stat.st_ino, stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns] if stat_kinds.S_ISREG(stat.st_mode) else None


class DataFolder:
    """The files of the data folder `folder`, checked against the record in `cache_path`
    (none when `enabled` is false: then every file is read to compare)."""

    def __init__(self, cache_path, folder, made_of=None, enabled=True):
        self.folder = Path(folder)
        self._root = os.fspath(self.folder.resolve()) + os.sep
        self.path = Path(cache_path) / FILES_RECORD if enabled else None
        self.made_of = made_of  # what the files are made of besides the services (generator.py)
        self._same_making = False  # whether the last build's files were made of it too
        self._old = self._load() if enabled else {}
        self._new = {}  # path -> [digest, *stat, key] for the next build, as this build checked or wrote it
        self._keys = {}  # store page path -> the key of its cards in this build

    def _load(self):
        # Plain JSON, read without cache_files.data's walk over every value (5,600 entries), and
        # each entry checked here instead.
        try:
            with open(self.path, encoding="utf-8") as handle:
                stored = json.load(handle)
        except (OSError, ValueError, RecursionError):
            return {}
        if not (isinstance(stored, dict) and stored.get("format") == FORMAT and stored.get("folder") == self._root
                and isinstance(stored.get("files"), dict)):
            return {}
        self._same_making = self.made_of is not None and stored.get("madeOf") == self.made_of
        # A path that climbs out of the folder is no file of it.
        return {path: entry for path, entry in stored["files"].items()
                if _is_entry(entry) and not path.startswith("/") and ".." not in path.split("/")}

    def holds(self, path, digest):
        """Whether the file at `path` (under the folder) holds bytes of `digest`: by its stat when
        the record vouches for it, else by reading it."""
        full = self._root + path
        stat = _stat(full)
        if stat is None:
            return False
        entry = self._old.get(path)
        if entry is not None and entry[1:5] == stat:
            found = entry[0]
        else:
            try:
                with open(full, "rb") as handle:
                    found = bytes_digest(handle.read())
            except OSError:
                return False
        if found != digest:
            return False
        self._new[path] = [digest, *stat, None]
        return True

    def unchanged(self):
        """Whether every file the record names is still as the last build left it (by stat alone:
        for a build that leaves the folder as it is). False without a record."""
        if not self._old:
            return False
        return all(entry[1:5] == _stat(self._root + path) for path, entry in self._old.items())

    def page(self, path, key):
        """The digest of the store page at `path` when the last build made it of the cards of `key`
        and it is still on disk as written, else None (the page is to be made)."""
        self._keys[path] = key
        entry = self._old.get(path)
        if key is None or entry is None or entry[5] != key or not self.holds(path, entry[0]):
            return None
        return entry[0]

    def kept_texts(self, prefix):
        """{path: text} of the files under `prefix` the last build made, when it made them of the
        same things and they still hold its bytes; else None."""
        if not self._same_making:
            return None
        texts = {}
        for path, entry in self._old.items():
            if path.startswith(prefix):
                if not self.holds(path, entry[0]):
                    return None
                try:
                    with open(self._root + path, encoding="utf-8") as handle:
                        texts[path] = handle.read()
                except (OSError, ValueError):
                    return None
        return texts

    def write(self, files, digests):
        """Make the folder hold exactly `files` ({path: text}, each of digest `digests[path]`) and
        the files of `digests` not among them (files the last build wrote, checked unchanged):
        write the files whose bytes differ, the manifest last (a browser that reads it finds
        every file it names), then remove any file an older build left behind."""
        for path in sorted(files, key=lambda path: (path == "manifest.json", path)):
            digest = digests[path]
            if not self.holds(path, digest):
                # holds() read and hashed a file it could not vouch for: other bytes or no file, so
                # write without reading it again to compare.
                write_atomic(self._root + path, files[path].encode("utf-8"))
                stat = _stat(self._root + path)
                if stat is not None:
                    self._new[path] = [digest, *stat, None]
                else:
                    self._new.pop(path, None)
        for path, key in self._keys.items():
            if path in self._new:
                self._new[path][5] = key
        self._new = {path: entry for path, entry in self._new.items() if path in digests}
        self._remove_others(set(digests))

    def _remove_others(self, wanted):
        """Remove the files and emptied folders below the folder that are not `wanted`."""
        def walk(folder, prefix):
            empty = True
            with os.scandir(folder) as entries:
                found = list(entries)
            for entry in sorted(found, key=lambda entry: entry.name):
                relative = prefix + entry.name
                if entry.is_dir(follow_symlinks=False):
                    if walk(entry.path, relative + "/"):
                        os.rmdir(entry.path)
                    else:
                        empty = False
                elif relative in wanted:
                    empty = False
                else:
                    os.unlink(entry.path)
            return empty
        if os.path.isdir(self._root):
            walk(self._root, "")

    def save(self):
        """Keep the record of the files this build left, for the next build."""
        if self.path is None:
            return
        try:
            write_atomic(self.path, json.dumps({"format": FORMAT, "folder": self._root, "madeOf": self.made_of,
                                                "files": dict(sorted(self._new.items()))}, separators=(",", ":")))
        except OSError as error:
            logger.warning("search_index: could not save the build cache in %s: %s", self.path.parent, error)


def _is_entry(entry):
    """[digest, inode, size, mtime_ns, ctime_ns, store page key or None], as write() keeps it."""
    return (type(entry) is list and len(entry) == 6 and type(entry[0]) is str and type(entry[1]) is int
            and type(entry[2]) is int and type(entry[3]) is int and type(entry[4]) is int
            and (entry[5] is None or type(entry[5]) is str))
