"""A library, not a Pelican plugin: what the plugins' build caches share.

service_directory, easy_read, search_index, open_data and editorial each keep
files in CACHE_PATH, keyed by digests of what their results depend on. These
are the digests, and the reading and writing of those files, in one place.

A cache is data, never code: it is JSON (see data.py for how the plugins'
results are written as JSON and checked when read back), so a cache file
that came from somewhere else (say, committed in a pull request) can at worst
be ignored. Anything that does not match what this code writes is ignored and
the work is done again. The large caches keep a row an entry in SQLite
(entries.py), read when asked for and written a changed entry at a time, in
one transaction; the small records are JSON files written whole or not at all
(`write_atomic`). Either way a build that is stopped leaves the old file.
"""

import contextlib
import functools
import hashlib
import logging
import json
import os
import tempfile
from importlib import metadata
from pathlib import Path

from .data import CacheMismatch, from_data, to_data  # noqa: F401 - the plugins use them from here


def digest(*parts):
    """One SHA-256 of the parts (bytes as they are, anything else as text)."""
    hasher = hashlib.sha256()
    for part in parts:
        hasher.update(part if isinstance(part, bytes) else str(part).encode("utf-8"))
        hasher.update(b"\0")
    return hasher.hexdigest()


def folder_digest(*folders, leaving_out=()):
    """One digest of every file below `folders`: names (relative to their folder) and contents.
    Compiled Python is left out: it changes with the interpreter, not with the code. So is
    Markdown (the plugins' READMEs): no build reads it, and a documentation edit must not
    make the next build redo every service page. So are the files below the folders
    `leaving_out`."""
    hasher = hashlib.sha256()
    leaving_out = [Path(folder) for folder in leaving_out]
    for folder in map(Path, folders):
        for path in sorted(folder.rglob("*")):
            if any(left in path.parents for left in leaving_out):
                continue
            if path.is_file() and "__pycache__" not in path.parts and path.suffix not in (".pyc", ".md"):
                hasher.update(path.relative_to(folder).as_posix().encode("utf-8") + b"\0")
                hasher.update(path.read_bytes() + b"\0")
    return hasher.hexdigest()


# The package every plugin is a folder of.
PACKAGE = Path(__file__).resolve().parent.parent


@functools.lru_cache(maxsize=None)
def package_digest():
    """`folder_digest` of the whole package but the theme's templates, worked out once a process:
    four caches' fingerprints take it, and hashing every file of the package took a fifth of a
    second each time. A process runs the code it imported when it started, so a later edit is
    for the next process to see.

    An installed package holds the templates (a checkout keeps them beside it). They are keyed
    where pages are made of them (templates.templates_digest in a page's or listing's own key),
    so an edited template rewrites the pages that use it and throws no cache away."""
    return folder_digest(PACKAGE, leaving_out=(PACKAGE / "theme" / "templates",))


# Settings that say how a build runs, not what it makes: the same site with another number of
# rendering workers (byte-identical output, tests/test_parallel_build.py) or its cache moved keeps its caches.
# DEBUG is set by `pelican --debug`; Pelican reads it only to log an exception's traceback, so an editor
# asking for the debug log does not pay for a full build.
HOW_A_BUILD_RUNS = ("LOCAL_OFFER_BUILD_WORKERS", "CACHE_PATH", "DEBUG")


def settings_digest(settings):
    """Settings as JSON, but for HOW_A_BUILD_RUNS; values JSON cannot show (functions, classes)
    count by their type's name."""
    kept = {key: value for key, value in settings.items() if key not in HOW_A_BUILD_RUNS}
    return digest(json.dumps(kept, sort_keys=True, default=lambda value: type(value).__name__))


def package_versions(*names):
    """The installed version of each package (None when it is not installed)."""
    versions = []
    for name in names:
        try:
            versions.append(metadata.version(name))
        except metadata.PackageNotFoundError:
            versions.append(None)
    return versions


def write_atomic(path, data):
    """Write `data` (bytes or text) to `path` whole or not at all (replacing)."""
    if isinstance(data, str):
        data = data.encode("utf-8")
    with replacing(path) as handle:
        handle.write(data)


@contextlib.contextmanager
def replacing(path, keep_old=lambda: False):
    """A new file in `path`'s folder, open for writing bytes, renamed over `path` (mode 0o644) when
    the block ends: a build that is killed, or a second build writing at the same time, never
    leaves half a file. It is removed instead when the block raises, or when `keep_old()`, asked
    once the block has written it, says the file at `path` already holds those bytes."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    descriptor, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(descriptor, "wb") as handle:
            yield handle
        if keep_old():
            os.unlink(temporary)  # the same bytes: the file keeps its time, and a host sees no change
        else:
            os.chmod(temporary, 0o644)
            os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def write_if_changed(path, data, old=None):
    """Write `data` (bytes) to `path` atomically unless the file already holds those bytes, so a
    rebuild rewrites only what changed (and a static host sees only those files change). `old` is
    the file's bytes when the caller has read them already (cache_files.joined): not read twice."""
    if old is None:
        try:
            old = Path(path).read_bytes()
        except OSError:
            old = None
    if data != old:
        write_atomic(path, data)


def load_json(path, kinds=None, consume=False):
    """What an earlier build saved at `path`, as data, or None when there is
    nothing usable (no file, a damaged one, one of another shape, or one
    written by code that has since changed). `kinds` are the classes the file
    may hold (data.py). With `consume`, the file is removed once read, so that
    a build that stops before saving it again does not leave it claiming
    pages that build may have changed."""
    try:
        with open(path, encoding="utf-8") as handle:
            stored = json.load(handle)
        if consume:
            os.unlink(path)
        return from_data(stored, kinds or {})
    except (OSError, ValueError, CacheMismatch, RecursionError):
        return None


def save_json(path, value):
    """Write `value` (data.py says what it may hold) to `path`, whole or not at all.
    Raises OSError for the caller to report with its own prefix."""
    write_atomic(path, json.dumps(to_data(value), ensure_ascii=False, separators=(",", ":")))


class WrittenRecord:
    """The key of what an earlier build wrote to the output (and a little data
    the next build needs of it, such as a manifest), so a build whose inputs
    have the same key can leave those files as they are. The record is
    removed when read unless it matches, so a build that stops while writing
    leaves no record claiming the old files."""

    def __init__(self, path, key, label):
        self.path, self.key, self.label = Path(path), key, label

    def kept_if_current(self, written):
        """The data saved with the same key, when `written` (a file the output must hold) is there; else None."""
        stored = load_json(self.path)
        if self.key and isinstance(stored, dict) and stored.get("key") == self.key and Path(written).is_file():
            return stored.get("kept")
        self.path.unlink(missing_ok=True)
        return None

    def save(self, kept):
        if not self.key:
            return
        try:
            save_json(self.path, {"key": self.key, "kept": kept})
        except OSError as error:
            logging.getLogger(__name__).warning("%s: could not save the build cache in %s: %s",
                                                self.label, self.path.parent, error)
