"""open_data's build cache: each service's feed document and CSV row, kept in
CACHE_PATH between builds and keyed by the digest of its provider file
(`service.source_sha`), so a rebuild maps only the services that changed.

The whole cache is thrown away when this package's code, the templates'
plugins or any setting changes (the fingerprint), as the other plugins' caches are.
"""

import logging
from dataclasses import dataclass
from pathlib import Path

from localoffer.cache_files import digest, folder_digest, load_json, save_json, settings_digest

logger = logging.getLogger(__name__)
FILE_NAME = "open_data.json"
WRITTEN_FILE = "open_data-written.json"  # the key of the feed and CSV file on disk (cache_files.WrittenRecord)


@dataclass
class ServiceEntry:
    """What the feed and the CSV file need of one service."""
    uuid: str
    sort_key: tuple
    document: str  # the fully nested service, as written (JSON text)
    summary: dict  # its one-to-one fields, for the page of services
    csv_row: list


def fingerprint(settings):
    return digest(folder_digest(Path(__file__).parent.parent), settings_digest(settings))


def written_key(fingerprint, build_date, services):
    """What the feed and the CSV file are made of: every published service's file, in order
    (their status, address and terms come from the file and the settings), or None when a
    service has no `source_sha`."""
    shas = [getattr(service, "source_sha", None) for service in services]
    return None if None in shas else digest(fingerprint, build_date, *shas)


class FeedCache:
    def __init__(self, cache_path, fingerprint, enabled=True):
        self.path = Path(cache_path) / FILE_NAME
        self.fingerprint, self.enabled = fingerprint, enabled
        # Data, never code: only ServiceEntry may come back, checked field by field (cache_files/data.py).
        saved = load_json(self.path, {"ServiceEntry": ServiceEntry}) if enabled else None
        valid = isinstance(saved, dict) and saved.get("fingerprint") == fingerprint
        self.entries = saved["entries"] if valid else {}
        self.kept = {}
        self.misses = 0

    def entry(self, sha, make):
        """The cached entry for a provider file's digest, or `make()`'s."""
        found = self.entries.get(sha)
        if found is None:
            self.misses += 1
            found = make()
        self.kept[sha] = found
        return found

    def save(self):
        """Keep only this build's services, so a removed one does not stay in the cache."""
        if not self.enabled or (self.misses == 0 and self.kept.keys() == self.entries.keys()):
            return  # nothing changed: the file already holds these entries
        try:
            save_json(self.path, {"fingerprint": self.fingerprint, "entries": self.kept})
        except OSError as error:
            logger.warning("open_data: could not save the cache %s: %s", self.path, error.strerror)
