"""Connect safe_build to Pelican's signals; the work is in the other modules."""

from pathlib import Path

from pelican import signals

from localoffer.cache_files import write_atomic
from localoffer.written_yaml.plain_log import make_log_plain

from . import build_lock
from .atomic_writer import AtomicWriter
from .policy import headers_file, meta_policy
from .settings import apply_defaults


def start(pelican):
    make_log_plain()  # before any plugin logs what a provider wrote
    apply_defaults(pelican.settings)
    build_lock.take(pelican.settings["OUTPUT_PATH"])


def finish(pelican):
    save_as = pelican.settings["SECURITY_HEADERS_SAVE_AS"]
    if save_as:
        write_atomic(Path(pelican.settings["OUTPUT_PATH"]) / save_as, headers_file(pelican.settings["CONTENT_SECURITY_POLICY"]))
    build_lock.release(pelican.settings["OUTPUT_PATH"])


def add_meta_policy(generator):
    # base.html's meta tag; the headers (`_headers`, the local server) carry the whole policy.
    generator.env.globals["content_security_policy_meta"] = meta_policy(generator.settings["CONTENT_SECURITY_POLICY"])


def get_writer(pelican):
    return AtomicWriter


def register():
    signals.initialized.connect(start)
    signals.generator_init.connect(add_meta_policy)
    signals.get_writer.connect(get_writer)
    signals.finalized.connect(finish)
