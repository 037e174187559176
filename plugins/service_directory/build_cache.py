"""Remember work between builds, so that changing one service rebuilds in seconds.

Two things are kept in CACHE_PATH: each provider file's checked result, keyed
by its path and the file's bytes (`service_directory.sqlite`, a row a file, read
only when asked for and written only when new: localoffer.cache_files.entries),
and a key for each service page and listing written
(`service_directory-pages.json`), so an unchanged page is not rendered again.

A checked file's row is three lines of JSON text (_row_text): a head (`CheckRow`: the
digest of the file's bytes, what `os.stat` said of the file then, its problems, its
pictures' names and stamps, and the facts every build reads of its service:
service.service_facts), the file's data, and the line of each field. A rebuild reads
the heads; the data is decoded only when something reads it (a page being written,
the editorial report) and the lines only when a message names a line. A file whose
`os.stat` (inode, size, modification and change times) is the one its row kept is
not read again to work out its digest: any write changes what `os.stat` says, except
one in the same tick of the file system's clock as the write before it, so a stat is
kept only for a file last changed STAT_TRUSTED_AFTER seconds before its build began
(git's answer to a "racily clean" file); a newer one is read, and stamped by a later build.

A service page's key is the digest of its file and pictures with what every service
page is made of: the templates `service.html` reaches and the content pages as menu
links (page_inputs.py). A listing's key is its template closure, those menu links, its
address and title, and the id and file digest of every service on it, in order: a
listing shows its own services' cards and the council's vocabularies (settings) and
nothing else of other services; if a listing template starts to show more, that must
join its key in generator.py. Both parts are thrown away whenever anything every entry
depends on changes: the plugins' code, the settings or the build date. The templates
and content/ are not in that fingerprint: no check reads them, and a change to them
rewrites the pages whose keys hold them and checks no file again. The output is the
same with or without the cache.

The pages part says what is on disk, so it is removed when read (and written
again at the end): a build killed after writing some pages leaves no record
claiming the old pages are still there, and the next build writes every page.
"""

import datetime
import json
import logging
import os
import stat as stat_kinds
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from localoffer.cache_files import load_json, save_json
from localoffer.cache_files.data import CacheMismatch, from_data, to_data
from localoffer.cache_files.entries import EntryStore
from localoffer.written_yaml.problems import ERROR, Problem

from .validate import CheckedFile, picture_names

CACHE_FILE = "service_directory.sqlite"
OLD_CACHE_FILE = "service_directory.json"  # the whole-file layout before, removed when this one is saved
PAGES_FILE = "service_directory-pages.json"
FORMAT = 3
LISTING = "listing:"  # the prefix of a listing's entry among the pages written
KINDS = {"CheckedFile": CheckedFile, "Problem": Problem}
# A file's stat is kept only when the file last changed at least this long before the build began:
# a write in the same tick of the file system's clock as the one before it (a second on some file
# systems, two on FAT) leaves the same stat, so a newer file could change again unseen.
STAT_TRUSTED_AFTER = 2

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

    def get_row(self, path, recheck=None):
        """The `KeptCheck` of the file at `path`, whatever its bytes now, or None. `recheck()`
        checks the file again: a kept result whose data turns out not to decode takes the data
        of that check (the row's digest said they are of the same bytes)."""
        text = self.checked.get(str(path)) if self.enabled else None
        if text is None:
            return None
        head, _, rest = text.partition("\n")
        data, newline, lines = rest.partition("\n")
        row = read_head(head) if newline else None
        # A row naming another file, or of another shape, counts as missing.
        if row is None or row.path != str(path):
            return None
        checked = KeptCheckedFile(path if isinstance(path, Path) else Path(path), row, data, LazyLines(lines), recheck)
        return KeptCheck(row.sha, row.stat, checked)

    def get_checked(self, path, file_sha):
        """The kept CheckedFile of the file at `path` when its bytes have the digest `file_sha`, else None."""
        kept = self.get_row(path)
        return kept.checked if kept is not None and kept.sha == file_sha else None

    def put_checked(self, path, file_sha, checked, facts=None, stat=None, recheck=None, keep_data=True):
        """Keep `checked`, the result of the file whose bytes have the digest `file_sha`, with its
        service's `facts` (service.service_facts; None when it has no service) and the file's
        `stat` when it may be trusted (file_stat, trusted_stat).

        Returns the file as a rebuild will read it back (a KeptCheckedFile on the row's own text,
        which the store holds until it is saved), or None when the cache is off. A build holds
        that instead of `checked`: the file's data and lines as dicts were about 6 KB a service
        held to the end of the build. With `keep_data=False` not even the data's text is held,
        and the data is checked again (`recheck()`) if anything reads it."""
        if not self.enabled:
            return None
        if isinstance(checked, KeptCheckedFile) and not checked.decoded:
            data = checked.data_text  # as it was read: not decoded and encoded again
        else:
            data = _json(to_data(checked.data))
        # The lines are kept as JSON text, decoded only if a message asks for a line.
        lines = checked.lines.text if isinstance(checked.lines, LazyLines) else json.dumps(checked.lines)
        row = CheckRow(file_sha, stat, str(checked.path), checked.display_path, checked.problems, checked.pictures,
                       picture_names(checked.data) if not isinstance(checked, KeptCheckedFile) else checked.picture_names,
                       facts)
        self.checked.put(str(path), (row, data, lines))
        return KeptCheckedFile(checked.path, row, data if keep_data else None, LazyLines(lines), recheck)

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

    def save_checks(self):
        """Keep the checked files of this build (the files asked for: a removed file's entry goes),
        once every file is checked: the rows' text is let go then, where keeping it to the end of
        the build held every checked file's text (about 4.7 KB a service in a full build) while
        the other generators made their contexts. A file checked again after this (a kept row
        whose data turns out not to decode) is checked again by the next build too."""
        if self.enabled:
            self.checked.save()
            Path(self.path.parent / OLD_CACHE_FILE).unlink(missing_ok=True)

    def gone_listings(self):
        """Listing pages an earlier build wrote that this one did not record (a listing that shrank by a
        page); not one this build wrote as a service's page."""
        gone = set(self.previous_pages) - set(self.pages)
        return sorted(key[len(LISTING):] for key in gone if key.startswith(LISTING) and key[len(LISTING):] not in self.pages)

    def save(self, current_files):
        """Keep the checked files of this build (unless save_checks did) and the pages it wrote.
        `current_files` is kept for the callers' sake."""
        if not self.enabled:
            return
        self.save_checks()  # a store is saved once: nothing more when save_checks was called
        try:
            save_json(self.pages_path, {"format": FORMAT, "fingerprint": self.fingerprint, "pages": self.pages})
        except OSError as error:
            logger.warning("service_directory: could not save the build cache in %s: %s", self.path.parent, error)
        # The generator keeps its cache to the end of the build: what was saved is let go now.
        self.pages, self.previous_pages = {}, {}


@dataclass
class CheckRow:
    """The head of a checked file's row: what a rebuild reads of every file."""

    sha: str  # the digest of the file's bytes (ProviderChecker.file_digest)
    stat: list  # file_stat of the file then, or None when it was not to be trusted
    path: str
    display_path: str
    problems: list
    pictures: list  # the pictures' stamps (validate.picture_stamps)
    picture_names: list  # the names they are stamps of (validate.picture_names)
    facts: dict  # service.service_facts of a file the checks accepted, else None


# The facts a row keeps, and the type of each (service.service_facts).
FACTS = {"id": str, "name": str, "summary": str, "status": str, "categories": list, "needs": list,
         "areas": list, "age_min": int, "age_max": int, "last_reviewed": str}


@dataclass
class KeptCheck:
    """A kept row: the file's digest and stat then, and its CheckedFile."""

    sha: str
    stat: list
    checked: "KeptCheckedFile"


class KeptCheckedFile(CheckedFile):
    """A CheckedFile read back from the cache, or kept in it by this build (put_checked). Its data
    (all the provider wrote) is JSON text until something reads it: a rebuild reads only its head
    (CheckRow), and its service is made from the facts there (`facts`). Data that does not decode
    to what the row says it is (a damaged row), or that was let go (`data_text` None), is made
    again by checking the file again, when there is a `recheck`."""

    def __init__(self, path, row, data_text, lines, recheck=None):
        self.path, self.display_path, self.problems, self.pictures = path, row.display_path, row.problems, row.pictures
        self.lines = lines
        self.picture_names = row.picture_names
        self.facts = row.facts
        self.data_text = data_text
        self.decoded = False
        self._recheck = recheck
        self._data = None

    @property
    def data(self):
        if not self.decoded:
            self._data = self._decoded_data()
            # The text goes once decoded: a build that reads every file's data held both.
            self.decoded, self.data_text = True, None
        return self._data

    @data.setter
    def data(self, value):
        self._data, self.decoded, self.data_text = value, True, None

    def _decoded_data(self):
        if self.data_text is None and self._recheck is not None:
            return self._checked_again()
        try:
            data = from_data(json.loads(self.data_text), KINDS)
        except (TypeError, ValueError, CacheMismatch, RecursionError):
            data = _DAMAGED
        # A file the checks accepted has its data as a dict, and its service's facts say so.
        if data is _DAMAGED or (self.facts is not None and not isinstance(data, dict)) or not isinstance(data, (dict, type(None))):
            if self._recheck is None:
                raise CacheMismatch(f"the kept data of {self.display_path} could not be read")
            return self._checked_again()
        return data

    def _checked_again(self):
        again = self._recheck()
        self.lines = again.lines
        return again.data

    @property
    def ok(self):
        # The generator keeps the facts of every file the checks accepted (_are_facts: none with an
        # error), and a row without facts holds an error (_is_row): the kept data is never read to say so.
        return self.facts is not None

    @property
    def status(self):
        return self.facts["status"] if self.facts is not None else super().status


_DAMAGED = object()


def file_stat(path):
    """What os.stat says of a provider file that changes when its bytes do, or None when it is not a
    regular file (which the checks never read: read_bounded refuses a link)."""
    try:
        found = os.lstat(path)
    except (OSError, ValueError):
        return None
    if not stat_kinds.S_ISREG(found.st_mode):
        return None
    return [found.st_ino, found.st_size, found.st_mtime_ns, found.st_ctime_ns]


def trusted_stat(stat, build_started_ns):
    """`stat` when the file it is of last changed STAT_TRUSTED_AFTER seconds before the build began,
    so that a later change must change it; else None. The change time is used: a write moves it
    (and no one can set it back, as `touch` sets the modification time back)."""
    if stat is None or stat[3] >= build_started_ns - STAT_TRUSTED_AFTER * 1_000_000_000:
        return None
    return stat


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
    """A row of the checks cache: its head (head_text), the file's data as data.py writes it, and the
    lines' JSON text as it is, each on its own line (JSON text holds no newline of its own)."""
    row, data, lines = value
    return head_text(row) + "\n" + data + "\n" + lines


def head_text(row):
    """A CheckRow as the JSON text of a list of its fields in order, the facts as a list of their
    values in FACTS' order, the problems as data.py writes them: without a name for each field and
    fact, a rebuild decodes 10,000 heads in about half the time."""
    facts = None if row.facts is None else [row.facts[key] for key in _FACT_KEYS]
    return _json([row.sha, row.stat, row.path, row.display_path, to_data(row.problems), row.pictures,
                  row.picture_names, facts])


def read_head(text):
    """The CheckRow of a head's text (head_text), or None when it is not one of the shape put_checked keeps."""
    try:
        fields = json.loads(text)
        if type(fields) is not list or len(fields) != 8:
            return None
        fields[4] = from_data(fields[4], KINDS)
    except (TypeError, ValueError, CacheMismatch, RecursionError):
        return None
    facts = fields[7]
    if facts is not None:
        if type(facts) is not list or len(facts) != len(_FACT_KEYS):
            return None
        fields[7] = dict(zip(_FACT_KEYS, facts))
    row = CheckRow(*fields)
    return row if _is_row(row) else None


def _json(data):
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def _is_row(row):
    """A CheckRow of the shape put_checked keeps. (Each list's items are checked by their set of
    types: a loop in Python for each item was a tenth of a rebuild's reading of the rows.)"""
    if not (type(row) is CheckRow and type(row.sha) is str and type(row.path) is str
            and type(row.display_path) is str and _all_of(row.problems, Problem)
            and _all_of(row.pictures, str) and _all_of(row.picture_names, str)):
        return False
    if row.stat is not None and not (type(row.stat) is list and len(row.stat) == 4 and _all_of(row.stat, int)):
        return False
    if row.facts is None:
        # A file the checks left out: it has an error to say why (a row claiming otherwise is not one put_checked keeps).
        return any(problem.severity == ERROR for problem in row.problems)
    return _are_facts(row.facts, row.problems)


def _all_of(items, kind):
    return type(items) is list and (not items or set(map(type, items)) == {kind})


_FACT_KEYS = list(FACTS)
_FACT_TYPES = tuple(FACTS.values())


def _are_facts(facts, problems):
    """Facts as service.service_facts makes them (its keys, each of its type), of a file with no error."""
    if not (type(facts) is dict and list(facts) == _FACT_KEYS and tuple(map(type, facts.values())) == _FACT_TYPES):
        return False
    terms = facts["categories"] + facts["needs"] + facts["areas"]
    if terms and set(map(type, terms)) != {str}:
        return False
    if facts["status"] not in ("published", "draft", "closed") or any(p.severity == ERROR for p in problems):
        return False
    try:
        datetime.date.fromisoformat(facts["last_reviewed"])
    except ValueError:
        return False
    return True
