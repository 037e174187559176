"""Remember work between builds, so that changing one service rebuilds in seconds.

Two things are kept in CACHE_PATH: each provider file's checked result, keyed
by the file's bytes, and a key for each service page written, so an unchanged
page is not rendered again. Both are thrown away whenever anything that could
change them changes: this plugin's code, the schema, the templates, the
settings or the build date. The output is the same with or without the cache.
"""

import logging
from pathlib import Path

from localoffer.cache_files import load_pickle, save_pickle

logger = logging.getLogger(__name__)

CACHE_FILE = "service_directory.pickle"
FORMAT = 1


class BuildCache:
    def __init__(self, cache_path, fingerprint, enabled=True):
        self.path = Path(cache_path) / CACHE_FILE
        self.fingerprint = fingerprint
        self.enabled = enabled
        self.checked = {}  # provider file path -> (sha of its bytes, CheckedFile)
        self.pages = {}  # save_as -> key of what was written there
        self.previous_pages = {}
        if enabled:
            self._load()

    def _load(self):
        stored = load_pickle(self.path)
        if not isinstance(stored, dict):
            return
        if stored.get("format") != FORMAT or stored.get("fingerprint") != self.fingerprint:
            # Pages written under other settings or templates may still be on
            # disk; they are rewritten, but still removed if their service goes.
            self.previous_pages = {save_as: None for save_as in stored.get("pages", {})}
            return
        self.checked = stored["checked"]
        self.previous_pages = stored["pages"]

    def get_checked(self, path, file_sha):
        entry = self.checked.get(str(path))
        return entry[1] if entry and entry[0] == file_sha else None

    def put_checked(self, path, file_sha, checked):
        self.checked[str(path)] = (file_sha, checked)

    def page_is_current(self, save_as, key, output_path):
        return (
            self.enabled
            and self.previous_pages.get(save_as) == key
            and (Path(output_path) / save_as).is_file()
        )

    def record_page(self, save_as, key):
        self.pages[save_as] = key

    def stale_pages(self):
        """Pages an earlier build wrote for services that are gone now."""
        return sorted(set(self.previous_pages) - set(self.pages))

    def save(self, current_files):
        if not self.enabled:
            return
        checked = {path: entry for path, entry in self.checked.items() if path in current_files}
        stored = {"format": FORMAT, "fingerprint": self.fingerprint, "checked": checked, "pages": self.pages}
        try:
            save_pickle(self.path, stored)
        except OSError as error:
            logger.warning("service_directory: could not save the build cache in %s: %s", self.path.parent, error)
