"""open_data's build cache: each service's summary in the feed and CSV line, kept in
CACHE_PATH between builds (`open_data.sqlite`, a row a service:
localoffer.cache_files.entries) and keyed by the digest of its provider file
(`service.source_sha`), so a rebuild maps, and writes, only the services that changed.
An entry is kept as four pieces of text (ServiceEntry.stored), read back without
decoding a value per CSV cell.

A service's whole document (about 15 KB) is not cached: the record of what was
written (WRITTEN_FILE, WrittenFeed) names, for each service, the provider file
digest its document on disk was made from, so a rebuild leaves those files unread
and maps again only the services whose file changed (or whose document is missing).
At 10,000 services, decoding every cached document took a second and holding
them all most of the rebuild's memory. The record also keeps the length of each
service's piece of the page of services and of the CSV file, and their digests, so
a rebuild takes the unchanged services' pieces from those files (joined.py) and
reads this cache only for the others.

The whole cache is thrown away when this package's code, the templates'
plugins or any setting changes (the fingerprint), as the other plugins' caches are.
"""

from dataclasses import dataclass
from pathlib import Path

from localoffer.cache_files import digest, package_digest, settings_digest
from localoffer.cache_files.entries import EntryStore

FILE_NAME = "open_data.sqlite"
OLD_FILE_NAME = "open_data.json"  # the whole-file layout before, removed when this one is saved
WRITTEN_FILE = "open_data-written.json"  # the key of the feed and CSV file on disk (cache_files.WrittenRecord)


@dataclass
class ServiceEntry:
    """What the feed and the CSV file need of one service."""
    uuid: str
    sort_key: tuple  # (its name casefolded, uuid): the feed's and the CSV file's order
    summary: str  # its one-to-one fields, for the page of services, as written (feed.document_text)
    csv_line: str  # its row of the CSV file, as written (csv_export.csv_line)

    def stored(self):
        """What the cache keeps of it: text only, which JSON gives back as it is (cache_files.data)."""
        return [self.uuid, self.sort_key[0], self.summary, self.csv_line]


def entry_from_stored(stored):
    """The ServiceEntry that `stored` (ServiceEntry.stored) was made of."""
    uuid, name, summary, csv_line = stored
    return ServiceEntry(uuid, (name, uuid), summary, csv_line)


def _is_stored(value):
    return type(value) is list and len(value) == 4 and all(type(item) is str for item in value)


def fingerprint(settings):
    return digest(package_digest(), settings_digest(settings))


def written_key(fingerprint, build_date, services):
    """What the feed and the CSV file are made of: every published service's file, in order
    (their status, address and terms come from the file and the settings), or None when a
    service has no `source_sha`."""
    shas = [getattr(service, "source_sha", None) for service in services]
    # digest() puts a zero byte after each part: the digests joined by one are the same key, hashed at once.
    return None if None in shas else digest(fingerprint, build_date, "\0".join(shas))


@dataclass
class WrittenFeed:
    """What an earlier build wrote of the feed, from its record (WRITTEN_FILE): each published
    service's provider file digest, id and name casefolded, in the order of the page of services
    and the CSV file, and those two files' layout (joined.write_joined's answer)."""
    shas: list
    uuids: list
    names: list
    page: dict
    csv: dict

    def documents(self):
        """{service id: provider file digest} of the service documents it wrote."""
        return dict(zip(self.uuids, self.shas))

    def kept(self, fingerprint):
        """What the record keeps of it (written_feed reads it back)."""
        return {"fingerprint": fingerprint, "shas": self.shas, "uuids": self.uuids, "names": self.names,
                "page": self.page, "csv": self.csv}


def written_feed(record, fingerprint):
    """The WrittenFeed an earlier build's record (WRITTEN_FILE, as saved: {"key", "kept"}) holds
    when made under `fingerprint`; else None. A record of another shape counts as none."""
    kept = record.get("kept") if isinstance(record, dict) else None
    if not isinstance(kept, dict) or kept.get("fingerprint") != fingerprint:
        return None
    lists = [kept.get(name) for name in ("shas", "uuids", "names")]
    if not all(type(items) is list and len(items) == len(lists[0]) and all(type(item) is str for item in items)
               for items in lists):
        return None
    if not isinstance(kept.get("page"), dict) or not isinstance(kept.get("csv"), dict):
        return None
    return WrittenFeed(*lists, kept["page"], kept["csv"])


class FeedCache:
    def __init__(self, cache_path, fingerprint, enabled=True):
        self.path = Path(cache_path) / FILE_NAME
        self.fingerprint, self.enabled = fingerprint, enabled
        # Data, never code: only four pieces of text may come back (cache_files/data.py).
        self.store = EntryStore(self.path, fingerprint, check=_is_stored, label="open_data",
                                stored_as=ServiceEntry.stored) if enabled else None
        self.misses = 0

    def expect(self, shas):
        """The provider file digests entry() will be asked for, in order (EntryStore.expect)."""
        if self.enabled:
            self.store.expect(shas)

    def keep(self, shas):
        """Keep the entries of these provider file digests without reading them (EntryStore.keep):
        the build took what it needs of them from the files on disk."""
        if self.enabled:
            self.store.keep(shas)

    def entry(self, sha, make):
        """The cached entry for a provider file's digest, or `make()`'s."""
        found = self.store.get(sha) if self.enabled else None
        if found is not None:
            return entry_from_stored(found)
        self.misses += 1
        made = make()
        if self.enabled:
            self.store.put(sha, made)
        return made

    def save(self):
        """Keep only this build's services, so a removed one does not stay in the cache."""
        if self.enabled:
            self.store.save()
            (self.path.parent / OLD_FILE_NAME).unlink(missing_ok=True)
