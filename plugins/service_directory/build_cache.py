"""Remember work between builds, so that changing one service rebuilds in seconds.

Two things are kept in CACHE_PATH: each provider file's checked result, keyed
by the file's bytes, and a key for each service page written, so an unchanged
page is not rendered again. Both are thrown away whenever anything that could
change them changes: this plugin's code, the schema, the templates, the
settings or the build date. The output is the same with or without the cache.
"""

import hashlib
import json
import logging
import pickle
from pathlib import Path

logger = logging.getLogger(__name__)

CACHE_FILE = "service_directory.pickle"
FORMAT = 1


def digest(*parts):
    hasher = hashlib.sha256()
    for part in parts:
        hasher.update(part if isinstance(part, bytes) else str(part).encode("utf-8"))
        hasher.update(b"\0")
    return hasher.hexdigest()


def folder_digest(*folders):
    """One digest for every file below `folders`, names and contents."""
    hasher = hashlib.sha256()
    for folder in folders:
        for path in sorted(Path(folder).rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                hasher.update(path.as_posix().encode("utf-8") + b"\0" + path.read_bytes() + b"\0")
    return hasher.hexdigest()


def settings_digest(settings):
    """Settings as JSON; values JSON cannot show (functions, classes) count by their type's name."""
    return digest(json.dumps(settings, sort_keys=True, default=lambda value: type(value).__name__))


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
        try:
            with open(self.path, "rb") as handle:
                stored = pickle.load(handle)
        except (OSError, pickle.PickleError, EOFError, AttributeError, ImportError):
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
            self.path.parent.mkdir(parents=True, exist_ok=True)
            temporary = self.path.with_suffix(".tmp")
            with open(temporary, "wb") as handle:
                pickle.dump(stored, handle, protocol=pickle.HIGHEST_PROTOCOL)
            temporary.replace(self.path)
        except OSError as error:
            logger.warning("service_directory: could not save the build cache in %s: %s", self.path.parent, error)
