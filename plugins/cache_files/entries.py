"""A build cache kept one entry a row, so a rebuild reads, encodes and writes only what it needs.

Each cache is one SQLite file in CACHE_PATH holding a single table: a row per
entry, `key -> (fingerprint, value)`, the value as the JSON text data.py makes
of it. An entry is read (and decoded, and checked) only when a build asks for
its key; a save writes only the entries made in this build and deletes the
rows no key of this build used, in one transaction, so a build that stops
leaves the file as it was (SQLite's journal rolls a half-made save back).
A file that does not exist yet is made in a temporary file and renamed into
place, as `write_atomic` does. The gets of a build share one read transaction,
from the first to the save; another build saving into the same file meanwhile
waits for it (at most BUSY_SECONDS, then its save is skipped with a warning).
A caller that knows the keys it will ask for, in order (a generator asking
for every service's entry), says so with `expect`: their rows are then read
READ_AHEAD a query, not one a query, holding only that many rows' text.

Each row carries the fingerprint it was made under (the code, settings and
templates every entry depends on): a build uses only rows of its own
fingerprint and drops the others when it saves, so a changed fingerprint
throws the whole cache away, and two builds with different settings sharing
a CACHE_PATH never read each other's entries.

A cache is data, never code. The file is used only when its table is exactly
the one this code makes (no trigger, view or other table: SQLite runs those,
so a file from elsewhere could hold them) and its `user_version` is LAYOUT;
any other file, or one SQLite cannot read, is ignored and replaced by the next
save. A row whose value is not JSON of the right shape counts as missing.
"""

import json
import logging
import os
import sqlite3
import tempfile
from pathlib import Path

from .data import CacheMismatch, from_data, to_data

logger = logging.getLogger(__name__)

LAYOUT = 1  # the file's `PRAGMA user_version`; another number is another layout, and is ignored
TABLE = "CREATE TABLE entries (key TEXT PRIMARY KEY, fingerprint TEXT NOT NULL, value TEXT NOT NULL) WITHOUT ROWID"
# Saving a build only waits this long for another build's save into the same file.
BUSY_SECONDS = 30
# Rows read in one query when the keys a build will ask for are known (EntryStore.expect):
# a query a key was most of reading a cache (1.4 s of 50,000 reads at 10,000 services).
READ_AHEAD = 500


def _expected_schema():
    """What `sqlite_master` holds in a file this code made, read from SQLite itself."""
    with sqlite3.connect(":memory:") as db:
        db.execute(TABLE)
        return sorted(db.execute("SELECT type, name, tbl_name, sql FROM sqlite_master"))


SCHEMA = _expected_schema()


class EntryStore:
    """One cache file: `get(key)` gives a kept value (or None), `put(key, value)` keeps a new one,
    and `save()` leaves the file holding exactly the entries this build used or made.

    `kinds` are the classes a value may be built of (data.py); `check` says whether a
    decoded value has the shape the caller keeps (a value that has not counts as missing);
    `stored_as` turns a value put into what is written, when the row is written (so a
    build does not hold the text of every new entry until it saves). With `text=True` a value
    is a str kept as it is: written as the row's text and given back undecoded, for a caller
    whose values are already JSON text (read as JSON of a str, it was decoded twice)."""

    def __init__(self, path, fingerprint, kinds=None, check=None, label="cache_files", stored_as=None, text=False):
        self.path = Path(path)
        self.fingerprint = fingerprint
        self.kinds = kinds or {}
        self.check = check
        self.label = label
        self.stored_as = stored_as or (lambda value: value)
        self.text = text
        self.used = set()  # keys whose row is kept as it is
        self.made = {}  # key -> value made in this build, written by save()
        self.misses = 0  # keys asked for and not found
        self._saved = False
        self._reading = False  # in the read transaction that the first get() begins and save() ends
        self._expected = {}  # key -> its place among the keys expect() was given
        self._order = []  # those keys, in the order they will be asked for
        self._ahead = {}  # key -> value text of the rows read ahead and not asked for yet
        self._read_until = 0  # the expected keys before this place have been read ahead (found or not)
        self._db = self._open()

    def _open(self):
        """The file's connection when it is a cache of this layout, else None."""
        if not self.path.is_file():
            return None
        db = None
        try:
            db = sqlite3.connect(self.path, isolation_level=None, timeout=BUSY_SECONDS)
            if (db.execute("PRAGMA user_version").fetchone()[0] == LAYOUT
                    and sorted(db.execute("SELECT type, name, tbl_name, sql FROM sqlite_master")) == SCHEMA):
                return db
        except sqlite3.Error:
            pass
        if db is not None:
            db.close()
        return None

    def get(self, key, keep=True):
        """The value kept under `key` by a build with this fingerprint, or None. With
        `keep=False` the row is not kept for it (save() drops it unless another key keeps it):
        for reading what an earlier build kept under a key this build no longer has."""
        value = self._read(key)
        if value is None:
            self.misses += 1
        elif keep:
            self.used.add(key)
        return value

    def keep(self, keys):
        """Keep the rows of `keys` as they are without reading them: for a build that knows
        they are still right (their keys say what they are made of) and does not need them,
        such as the cards of listings not written again."""
        self.used.update(key for key in keys if key is not None)

    def expect(self, keys):
        """Say which keys get() will be asked for, in order: their rows are then read READ_AHEAD
        a query, and only READ_AHEAD rows' text is held at a time. A key not given is read alone."""
        self._order = [key for key in dict.fromkeys(keys) if key is not None]
        self._expected = {key: place for place, key in enumerate(self._order)}
        self._ahead = {}
        self._read_until = 0

    def _read(self, key):
        if self._db is None or key is None:
            return None
        text = self._ahead.pop(key, None)
        if text is None:
            try:
                text = self._text(key)
            except sqlite3.Error:
                self._close()  # damaged after all: what was read stays valid, the rest is built again
                return None
        if type(text) is not str:  # none, or a BLOB: SQLite keeps one in a TEXT column of a planted file
            return None
        if self.text:
            return text if self.check is None or self.check(text) else None
        try:
            value = from_data(json.loads(text), self.kinds)
        except (TypeError, ValueError, CacheMismatch, RecursionError):
            return None
        return value if self.check is None or self.check(value) else None

    def _text(self, key):
        """The value text of `key`'s row of this fingerprint (None if there is none), with the rows
        of the next expected keys when `key` is one of them."""
        if not self._reading:
            # One read transaction for every get: a statement outside one takes and drops
            # SQLite's lock each time (half the time of reading 10,000 rows).
            self._db.execute("BEGIN")
            self._reading = True
        place = self._expected.get(key)
        if place is not None and place < self._read_until:
            # Its rows were read ahead and it was not among them: it has no row. Asking again
            # would read the next READ_AHEAD rows once for every missing key (every key, when
            # the fingerprint changed).
            return None
        if place is None:
            row = self._db.execute("SELECT value FROM entries WHERE key = ? AND fingerprint = ?",
                                   (key, self.fingerprint)).fetchone()
            return row and row[0]
        keys = self._order[place:place + READ_AHEAD]
        self._read_until = place + len(keys)
        self._ahead = dict(self._db.execute(
            f"SELECT key, value FROM entries WHERE fingerprint = ? AND key IN ({','.join('?' * len(keys))})",
            (self.fingerprint, *keys)))
        return self._ahead.pop(key, None)

    def put(self, key, value):
        if key is not None:  # None is no key (a service without a file digest): nothing is kept
            self.made[key] = value

    def save(self):
        """Write this build's new entries and delete the rows it did not use, in one
        transaction. Nothing is written when nothing changed. Problems are logged.
        A store is saved once: the first call writes, later ones do nothing."""
        if self._saved:
            return
        self._saved = True
        try:
            if self._db is None:
                self._replace()
            else:
                self._update()
        except (OSError, sqlite3.Error) as error:
            logger.warning("%s: could not save the build cache in %s: %s", self.label, self.path.parent, error)
        finally:
            self._close()
            # A store lives as long as its generator, to the end of the build: what it wrote
            # (a full build's every checked file, about 190 MB at 100,000 services) is let go now.
            self.made, self.used = {}, set()

    def _update(self):
        db = self._db
        if self._reading:
            db.execute("COMMIT")
            self._reading = False
        db.execute("BEGIN IMMEDIATE")
        try:
            kept = self.used | self.made.keys()
            gone = [(key,) for (key,) in db.execute("SELECT key FROM entries") if key not in kept]
            if not gone and not self.made:
                db.execute("ROLLBACK")  # nothing changed: the file is left as it is
                return
            db.executemany("DELETE FROM entries WHERE key = ?", gone)
            db.executemany("INSERT OR REPLACE INTO entries VALUES (?, ?, ?)", self._rows())
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise

    def _replace(self):
        """A new file with this build's entries, renamed over whatever was there."""
        if not self.made and not self.path.exists():
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        descriptor, temporary = tempfile.mkstemp(dir=self.path.parent, prefix=f".{self.path.name}.", suffix=".tmp")
        os.close(descriptor)
        try:
            db = sqlite3.connect(temporary, isolation_level=None)
            try:
                db.execute("PRAGMA journal_mode = OFF")  # a new file: a stopped build leaves only the temporary one
                db.execute("BEGIN")
                db.execute(TABLE)
                db.execute(f"PRAGMA user_version = {LAYOUT}")
                db.executemany("INSERT INTO entries VALUES (?, ?, ?)", self._rows())
                db.execute("COMMIT")
            finally:
                db.close()
            os.chmod(temporary, 0o644)
            os.replace(temporary, self.path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise

    def _rows(self):
        for key, value in self.made.items():
            value = self.stored_as(value)
            yield key, self.fingerprint, value if self.text else json.dumps(
                to_data(value), ensure_ascii=False, separators=(",", ":"))

    def _close(self):
        if self._db is not None:
            self._db.close()  # a read transaction still open ends with it
            self._db = None
            self._reading = False


def stored_entries(path, kinds=None, text=False):
    """{key: value} of every row a cache file holds, whatever its fingerprint (for tests and
    for looking into a cache by hand); {} when the file is not a cache of this layout.
    `text=True` gives the values of an EntryStore(text=True) as they are."""
    store = EntryStore(path, None, kinds)
    if store._db is None:
        return {}
    try:
        rows = store._db.execute("SELECT key, value FROM entries ORDER BY key").fetchall()
    finally:
        store._close()
    return {key: value if text else from_data(json.loads(value), store.kinds) for key, value in rows}
