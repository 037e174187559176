"""Remember work between builds, so that changing one service rebuilds in seconds.

Two things are kept in CACHE_PATH: each provider file's checked result, keyed
by its path and the file's bytes (`service_directory.sqlite`, a row a file, read
only when asked for and written only when new: localoffer.cache_files.entries;
a row is the checked result as data, a newline, and its field lines as JSON text),
and a key for each service page and listing written
(`service_directory-pages.json`), so an unchanged page is not rendered again. A service page's
key is the digest of its file and pictures with what every service page is made of: the
templates `service.html` reaches and the content pages as menu links (page_inputs.py). A
listing's key is its template closure, those menu links, its address and title, and the id
and file digest of every service on it, in order: a listing shows its own services' cards
and the council's vocabularies (settings) and nothing else of other services; if a listing
template starts to show more, that must join its key in generator.py. Both parts are thrown
away whenever anything every entry depends on changes: the plugins' code, the settings or
the build date. The templates and content/ are not in that fingerprint: no check reads them,
and a change to them rewrites the pages whose keys hold them and checks no file again. The
output is the same with or without the cache.

The pages part says what is on disk, so it is removed when read (and written
again at the end): a build killed after writing some pages leaves no record
claiming the old pages are still there, and the next build writes every page.
"""

import dataclasses
import json
import logging
import os
from collections.abc import Mapping
from pathlib import Path

from localoffer.cache_files import load_json, save_json
from localoffer.cache_files.data import CacheMismatch, from_data, to_data
from localoffer.cache_files.entries import EntryStore
from localoffer.written_yaml.problems import Problem

from .validate import CheckedFile

CACHE_FILE = "service_directory.sqlite"
OLD_CACHE_FILE = "service_directory.json"  # the whole-file layout before, removed when this one is saved
PAGES_FILE = "service_directory-pages.json"
FORMAT = 3
LISTING = "listing:"  # the prefix of a listing's entry among the pages written
KINDS = {"CheckedFile": CheckedFile, "Problem": Problem}

logger = logging.getLogger(__name__)


class BuildCache:
    def __init__(self, cache_path, fingerprint, enabled=True):
        self.path = Path(cache_path) / CACHE_FILE
        self.pages_path = Path(cache_path) / PAGES_FILE
        self.fingerprint = fingerprint
        self.enabled = enabled
        self.pages = {}  # save_as -> key of what was written there
        self.previous_pages = {}
        self.checked = EntryStore(self.path, fingerprint, label="service_directory", stored_as=_row_text,
                                  text=True) if enabled else None
        if enabled:
            self._load()

    def _load(self):
        pages = load_json(self.pages_path, consume=True)
        if _is_pages(pages):
            if pages["format"] == FORMAT and pages["fingerprint"] == self.fingerprint:
                self.previous_pages = pages["pages"]
            else:
                # Pages written under other settings or templates may still be on
                # disk; they are rewritten, but still removed if their service goes.
                self.previous_pages = {save_as: None for save_as in pages["pages"]}

    def expect(self, paths):
        """The provider files get_checked will be asked for, in order (EntryStore.expect)."""
        if self.enabled:
            self.checked.expect([str(path) for path in paths])

    def get_checked(self, path, file_sha):
        text = self.checked.get(str(path)) if self.enabled else None
        if text is None:
            return None
        # A row is the (sha, CheckedFile) as cache_files.data writes it, a newline, and the
        # file's lines as JSON text (_row_text): the lines are read only if a message asks
        # for one, and kept apart they are not a string inside the JSON, whose every quote
        # was escaped and unescaped again (a quarter of decoding a row).
        head, _, lines = text.partition("\n")
        try:
            entry = from_data(json.loads(head), KINDS)
        except (TypeError, ValueError, CacheMismatch, RecursionError):
            return None
        if not (_is_checked(entry) and entry[0] == file_sha):
            return None
        checked = entry[1]
        # The path is kept as text and made a Path again from the one asked for (it is the
        # row's key): decoding a Path was a third of reading a row back. A row naming
        # another file, or holding its lines inside (not this layout), counts as missing.
        if checked.path != str(path) or checked.lines is not None:
            return None
        checked.path = path if isinstance(path, Path) else Path(path)
        checked.lines = LazyLines(lines)
        return checked

    def put_checked(self, path, file_sha, checked):
        if self.enabled:
            # The lines are kept as JSON text, decoded only if a message asks for a line.
            lines = checked.lines.text if isinstance(checked.lines, LazyLines) else json.dumps(checked.lines)
            self.checked.put(str(path), (file_sha, dataclasses.replace(checked, path=str(checked.path), lines=None), lines))

    def page_is_current(self, save_as, key, output_path):
        return (
            self.enabled
            and self.previous_pages.get(save_as) == key
            # os.path, not pathlib: two Path objects a page were most of this, 10,000 times a build.
            and os.path.isfile(os.path.join(output_path, save_as))
        )

    def record_page(self, save_as, key):
        self.pages[save_as] = key

    def listing_is_current(self, save_as, key, output_path):
        """Whether a listing (A to Z, a category, need, area or age) written before still holds `key`;
        its key is recorded either way. Listings are kept apart from service pages: a listing an
        earlier build wrote is never removed as a gone service's page."""
        self.record_page(LISTING + save_as, key)
        return (self.enabled and self.previous_pages.get(LISTING + save_as) == key
                and os.path.isfile(os.path.join(output_path, save_as)))

    def stale_pages(self):
        """Pages an earlier build wrote for services that are gone now."""
        return sorted(save_as for save_as in set(self.previous_pages) - set(self.pages) if not save_as.startswith(LISTING))

    def save(self, current_files):
        """Keep the checked files of this build (the files asked for: a removed file's entry
        goes) and the pages it wrote. `current_files` is kept for the callers' sake."""
        if not self.enabled:
            return
        self.checked.save()
        Path(self.path.parent / OLD_CACHE_FILE).unlink(missing_ok=True)
        try:
            save_json(self.pages_path, {"format": FORMAT, "fingerprint": self.fingerprint, "pages": self.pages})
        except OSError as error:
            logger.warning("service_directory: could not save the build cache in %s: %s", self.path.parent, error)


class LazyLines(Mapping):
    """A checked file's `lines` (loader.field_lines) as the cache keeps them, JSON text decoded
    when first read. Only a message that names a line reads them (easy_read's findings,
    which are themselves kept), so a rebuild decodes almost none: decoding every file's
    lines was about a third of reading the cache back. Text that is not a map of lines
    reads as no lines (the messages then name no line)."""

    def __init__(self, text):
        self.text = text
        self._lines = None

    def _decoded(self):
        if self._lines is None:
            try:
                lines = json.loads(self.text)
            except (ValueError, RecursionError):
                lines = None
            ok = isinstance(lines, dict) and all(isinstance(line, int) for line in lines.values())
            self._lines = lines if ok else {}
        return self._lines

    def __getitem__(self, key):
        return self._decoded()[key]

    def __iter__(self):
        return iter(self._decoded())

    def __len__(self):
        return len(self._decoded())


def _is_pages(stored):
    return (isinstance(stored, dict) and isinstance(stored.get("pages"), dict)
            and all(isinstance(key, str) and isinstance(value, (str, type(None))) for key, value in stored["pages"].items()))


def _row_text(value):
    """A row of the checks cache: (sha, CheckedFile without its lines) as data.py writes it, then a
    newline (JSON text holds none of its own), then the lines' JSON text as it is."""
    file_sha, checked, lines = value
    return json.dumps(to_data((file_sha, checked)), ensure_ascii=False, separators=(",", ":")) + "\n" + lines


def _is_checked(entry):
    """(sha of the file's bytes, CheckedFile), as put_checked keeps it."""
    return (isinstance(entry, tuple) and len(entry) == 2 and isinstance(entry[0], str) and isinstance(entry[1], CheckedFile)
            and all(isinstance(problem, Problem) for problem in entry[1].problems))
