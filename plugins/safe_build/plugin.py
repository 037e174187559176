"""Connect safe_build to Pelican's signals; the work is in the other modules."""

import logging
from pathlib import Path

from pelican import signals

from localoffer.cache_files import write_atomic
from localoffer.written_yaml.plain_log import make_log_plain

from . import build_lock
from .atomic_writer import AtomicWriter
from .policy import CONTENT_SECURITY_POLICY, headers_file

logger = logging.getLogger(__name__)

DEFAULTS = {"CONTENT_SECURITY_POLICY": CONTENT_SECURITY_POLICY, "SECURITY_HEADERS_SAVE_AS": "_headers"}


def start(pelican):
    make_log_plain()  # before any plugin logs what a provider wrote
    for key, value in DEFAULTS.items():
        pelican.settings.setdefault(key, value)
    policy = pelican.settings["CONTENT_SECURITY_POLICY"]
    if not isinstance(policy, str) or "\n" in policy or "unsafe-inline" in policy:
        logger.error("safe_build: CONTENT_SECURITY_POLICY must be one line of text without 'unsafe-inline'; "
                     "got %r; the default is used", policy)
        pelican.settings["CONTENT_SECURITY_POLICY"] = CONTENT_SECURITY_POLICY
    build_lock.take(pelican.settings["OUTPUT_PATH"])


def finish(pelican):
    save_as = pelican.settings["SECURITY_HEADERS_SAVE_AS"]
    if save_as:
        write_atomic(Path(pelican.settings["OUTPUT_PATH"]) / save_as, headers_file(pelican.settings["CONTENT_SECURITY_POLICY"]))
    build_lock.release(pelican.settings["OUTPUT_PATH"])


def get_writer(pelican):
    return AtomicWriter


def register():
    signals.initialized.connect(start)
    signals.get_writer.connect(get_writer)
    signals.finalized.connect(finish)
