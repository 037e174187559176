"""Skip easy-read pages that would come out the same as last time.

A page's key is a digest of everything it shows (its model); the cache is
thrown away when the plugin, the templates, the content folder (which holds
the glossary and the menu's pages), the settings or the build date change.
The output is the same with or without the cache.
"""

import hashlib
import json
import logging
import pickle
from pathlib import Path

logger = logging.getLogger(__name__)

CACHE_FILE = "easy_read.pickle"
FORMAT = 1


def digest(*parts):
    hasher = hashlib.sha256()
    for part in parts:
        hasher.update(part if isinstance(part, bytes) else str(part).encode("utf-8"))
        hasher.update(b"\0")
    return hasher.hexdigest()


def folder_digest(*folders):
    hasher = hashlib.sha256()
    for folder in folders:
        for path in sorted(Path(folder).rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                hasher.update(path.as_posix().encode("utf-8") + b"\0" + path.read_bytes() + b"\0")
    return hasher.hexdigest()


def settings_digest(settings):
    return digest(json.dumps(settings, sort_keys=True, default=lambda value: type(value).__name__))


class PageCache:
    def __init__(self, cache_path, fingerprint, enabled=True):
        self.path = Path(cache_path) / CACHE_FILE
        self.fingerprint = fingerprint
        self.enabled = enabled
        self.previous = {}  # save_as -> key, from the last build
        self.pages = {}
        if enabled:
            self._load()

    def _load(self):
        try:
            with open(self.path, "rb") as handle:
                stored = pickle.load(handle)
        except (OSError, pickle.PickleError, EOFError, AttributeError, ImportError):
            return
        if stored.get("format") != FORMAT:
            return
        if stored.get("fingerprint") == self.fingerprint:
            self.previous = stored["pages"]
        else:
            # Written under other settings: rewrite them, but still remove those that went.
            self.previous = {save_as: None for save_as in stored.get("pages", {})}

    def is_current(self, save_as, key, output_path):
        self.pages[save_as] = key
        return self.enabled and self.previous.get(save_as) == key and (Path(output_path) / save_as).is_file()

    def gone(self):
        return sorted(set(self.previous) - set(self.pages))

    def save(self):
        if not self.enabled:
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            temporary = self.path.with_suffix(".tmp")
            with open(temporary, "wb") as handle:
                pickle.dump({"format": FORMAT, "fingerprint": self.fingerprint, "pages": self.pages}, handle)
            temporary.replace(self.path)
        except OSError as error:
            logger.warning("easy_read: could not save the build cache in %s: %s", self.path.parent, error)
