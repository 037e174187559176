"""One build at a time into one output folder.

Two builds into the same folder at once (a second `invoke publish`, a
rebuild from `invoke serve` while another is running) race: with
DELETE_OUTPUT_DIRECTORY one deletes what the other is writing, and Pelican's
copying of the theme's files stops with FileExistsError when both create the
same folder. So a build takes a lock named after its output folder before it
writes anything, and a second build waits for the first to finish. The lock
is in the system's temporary folder, never in the output (which may be
deleted) or the repository.
"""

import fcntl
import hashlib
import logging
import tempfile
from pathlib import Path

logger = logging.getLogger(__name__)

_held = {}


def lock_path(output_path):
    name = hashlib.sha256(str(Path(output_path).resolve()).encode("utf-8")).hexdigest()[:16]
    return Path(tempfile.gettempdir()) / f"localoffer-build-{name}.lock"


def take(output_path):
    """Wait until no other build writes into `output_path`, then hold it until `release`."""
    path = lock_path(output_path)
    if path in _held:
        return
    handle = open(path, "a+b")  # noqa: SIM115 - held open until the build ends
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        logger.warning("safe_build: another build is writing into %s; waiting for it to finish", output_path)
        fcntl.flock(handle, fcntl.LOCK_EX)
    _held[path] = handle


def release(output_path):
    handle = _held.pop(lock_path(output_path), None)
    if handle is not None:
        fcntl.flock(handle, fcntl.LOCK_UN)
        handle.close()
