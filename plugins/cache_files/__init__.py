"""A library, not a Pelican plugin: what the plugins' build caches share.

service_directory, search_index and easy_read each keep a pickle in
CACHE_PATH, keyed by digests of what their results depend on. These are the
digests and the safe reading and writing of those pickles, in one place.
"""

import hashlib
import json
import pickle
from importlib import metadata
from pathlib import Path


def digest(*parts):
    """One SHA-256 of the parts (bytes as they are, anything else as text)."""
    hasher = hashlib.sha256()
    for part in parts:
        hasher.update(part if isinstance(part, bytes) else str(part).encode("utf-8"))
        hasher.update(b"\0")
    return hasher.hexdigest()


def folder_digest(*folders):
    """One digest of every file below `folders`: names (relative to their folder) and contents.
    Compiled Python is left out: it changes with the interpreter, not with the code."""
    hasher = hashlib.sha256()
    for folder in map(Path, folders):
        for path in sorted(folder.rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc":
                hasher.update(path.relative_to(folder).as_posix().encode("utf-8") + b"\0")
                hasher.update(path.read_bytes() + b"\0")
    return hasher.hexdigest()


def settings_digest(settings):
    """Settings as JSON; values JSON cannot show (functions, classes) count by their type's name."""
    return digest(json.dumps(settings, sort_keys=True, default=lambda value: type(value).__name__))


def package_versions(*names):
    """The installed version of each package (None when it is not installed)."""
    versions = []
    for name in names:
        try:
            versions.append(metadata.version(name))
        except metadata.PackageNotFoundError:
            versions.append(None)
    return versions


def load_pickle(path):
    """What an earlier build saved at `path`, or None when there is nothing usable
    (no file, a damaged one, or one written by code that has since changed)."""
    try:
        with open(path, "rb") as handle:
            return pickle.load(handle)
    except (OSError, pickle.PickleError, EOFError, AttributeError, ImportError, ValueError, TypeError):
        return None


def save_pickle(path, value):
    """Write `value` to `path` whole or not at all (a stopped build leaves the old file).
    Raises OSError for the caller to report with its own prefix."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_suffix(".tmp")
    with open(temporary, "wb") as handle:
        pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
    temporary.replace(path)
