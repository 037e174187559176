"""Each service's term counts, kept between builds in CACHE_PATH.

Tokenising a service (and, for its description, rendering its Markdown) is
the part of the search build that grows with the text; the rest (idf, length
normalisation, cutting the term files) is arithmetic over counts. So the
counts of each service (`weights.Analyzer.field_counts`) are kept in
`search_index.sqlite` (a row a service: localoffer.cache_files.entries), and a
rebuild after one service changed tokenises, and writes, only that service.

A service's entry is found by a key made of `service.source_sha` (the digest
of its provider file's bytes, set by service_directory, which makes its name,
summary, keywords and organisation of that file alone) and the other things
its document is made of that do not come from its file: the labels of its
needs, categories and areas (from the settings). The whole cache is thrown away when anything that
could change every entry changes: the code of the plugins (this one, and
service_directory's Markdown rendering of descriptions), the glossary, the
fields, or the versions of lunr, Markdown and nh3. A service without a
`source_sha` is never cached. The output is the same with or without the cache.

When nothing the data files are made of changed (the counts' fingerprint, the
settings, the card's templates, and every service's key, in order), the data
folder an earlier build wrote is left as it is and the counts are not even
read: `search_index-written.json` keeps that key and the manifest the search
page needs. It is removed when read unless it matches, so a build that stops
while writing the data leaves no record claiming the old files.
"""

import hashlib
import json
from pathlib import Path

from localoffer.cache_files import digest, package_digest, package_versions
from localoffer.cache_files.entries import EntryStore

from .weights import WORDS


CACHE_FILE = "search_index.sqlite"
OLD_CACHE_FILE = "search_index.json"  # the whole-file layout before, removed when this one is saved
WRITTEN_FILE = "search_index-written.json"
FORMAT = 4  # 4: each row's value is its counts' JSON text (counts_text) itself, not as a JSON string
PACKAGES = ("lunr", "Markdown", "nh3")


def fingerprint(glossary_path, fields):
    """What every entry depends on, besides its own service."""
    glossary = Path(glossary_path)
    return digest(
        package_digest(),
        glossary.read_bytes() if glossary.is_file() else b"(no glossary)",
        json.dumps([list(fields), package_versions(*PACKAGES)]),
    )


def service_key(service, labels=None):
    """The key of a service's entry, or None when it cannot be cached: its provider file's digest
    and the labels of its needs, categories and areas, which come from the settings. Its name,
    summary, keywords and organisation are the file's own (service_directory makes them of its
    record alone), so the file's digest stands for them (repr and hashing them again was half of
    the keys' cost). `labels` ({id of a term: its part of a key}) is shared by the calls of one
    build, so each term's part is made once and a service's are joined without a Python call a term."""
    source_sha = getattr(service, "source_sha", None)
    if not source_sha:
        return None
    labels = {} if labels is None else labels
    terms = (*service.needs, *service.categories, *service.areas)
    try:
        # Each part is a whole JSON list, so the joined parts are never another service's.
        part = " ".join(map(labels.__getitem__, map(id, terms)))
    except KeyError:
        for term in terms:
            labels[id(term)] = json.dumps([term.kind, term.id, term.label])
        part = " ".join(map(labels.__getitem__, map(id, terms)))
    return hashlib.sha256(f"{source_sha} {part}".encode("utf-8")).hexdigest()


def service_keys(services):
    """{id(service): its key} of every service."""
    labels = {}
    return {id(service): service_key(service, labels) for service in services}


class CountsCache:
    """{service key: field counts}, kept in CACHE_PATH a row a service."""

    def __init__(self, cache_path, fingerprint, enabled=True, keys=None):
        self.path = Path(cache_path) / CACHE_FILE
        self.fingerprint = fingerprint
        self.enabled = enabled
        self.store = EntryStore(self.path, digest(FORMAT, fingerprint), label="search_index",
                                text=True) if enabled else None
        self.misses = 0
        self._keys = keys or {}  # id of a service -> its key, each made once a build

    def expect(self, services):
        """The services counts() will be asked for, in order (EntryStore.expect)."""
        if self.enabled:
            keys = [self.key(service) for service in services]
            self.store.expect(keys)

    def counts(self, service, compute):
        """The service's field counts: from the cache, or `compute()` and remembered."""
        return self.counts_and_text(service, compute)[0]

    def counts_and_text(self, service, compute):
        """(counts(), the counts as counts_text gives them): a kept row's own text, or the text of
        the counts `compute()` made, which is the row kept for them (terms.py holds the texts of
        every service between its two passes)."""
        key = self.key(service)
        text = self.store.get(key) if key else None
        counts = counts_from_text(text)
        if counts is None:
            self.misses += 1
            counts = compute()
            text = counts_text(counts)
            if key:
                self.store.put(key, text)
        return counts, text

    def key(self, service):
        """The service's key (None when it cannot be cached, or the cache is off)."""
        if not self.enabled:
            return None
        key = self._keys.get(id(service))
        if key is None:
            key = self._keys[id(service)] = service_key(service)
        return key

    def keep(self, keys):
        """Keep these services' rows without reading them: their terms are already in the
        term files (terms.py), so a rebuild needs only the changed services' counts."""
        self.store.keep(keys)

    def counts_kept(self, key):
        """The counts an earlier build kept under `key`, or None; the row is not kept for this
        build (it is a changed service's old counts, which the next build will not need)."""
        return counts_from_text(self.store.get(key, keep=False))

    def save(self):
        """Keep the entries of this build only, so removed services leave the cache.
        Nothing is written when nothing changed. Once saved, the cache is let go (the rows it
        made are held until then: the counts text of every service, in a full build); a second
        call does nothing."""
        if self.store is not None:
            self.store.save()
            self.store = None
            (self.path.parent / OLD_CACHE_FILE).unlink(missing_ok=True)


def counts_text(counts):
    """A service's counts as one JSON text, the (number, {term: how often}) pairs as lists. Read
    back with json's C decoder alone: data.py's checked walk over every term and number took
    2 s of a rebuild at 10,000 services. Not sorted: the terms keep the order they were counted in."""
    return json.dumps({field: list(value) if isinstance(value, tuple) else value for field, value in counts.items()},
                      ensure_ascii=False, separators=(",", ":"))


def counts_from_text(text):
    """counts_text's counts again, or None when `text` is not counts (a row from elsewhere)."""
    if text is None:
        return None
    try:
        data = json.loads(text)
    except (TypeError, ValueError, RecursionError):
        return None
    if not isinstance(data, dict):
        return None
    counts = {field: tuple(value) if field != WORDS and isinstance(value, list) else value for field, value in data.items()}
    return counts if _is_counts(counts) else None


def _is_counts(counts):
    """{field: (number of terms, {term: how often})}, and {term: shortest word} under
    weights.WORDS, as Analyzer.field_counts makes them."""
    return isinstance(counts, dict) and all(
        (isinstance(value, tuple) and len(value) == 2 and isinstance(value[0], int) and isinstance(value[1], dict))
        or (key == WORDS and isinstance(value, dict))
        for key, value in counts.items()
    )
