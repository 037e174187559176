"""Connect safe_build to Pelican's signals; the work is in the other modules."""

from pathlib import Path

from pelican import signals

from localoffer.cache_files import write_atomic
from localoffer.written_yaml.plain_log import make_log_plain

from . import build_lock
from .atomic_writer import QueuedWriter
from .collector import pause_collector, unfreeze
from .free_memory import give_back_free_memory
from .page_templates import use_page_templates
from .policy import headers_file, meta_policy
from .settings import apply_defaults


def start(pelican):
    unfreeze(pelican)
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
    return QueuedWriter


def render_after_each_generator(generators):
    """Each generator's pages are rendered when its generate_output returns, before the
    next generator runs: a later generator or `finalized` receiver (the sitemap, removed
    pages) may read the output folder, and the context may change between generators.
    Pelican has no signal at that moment, so generate_output is wrapped."""
    for generator in generators:
        if hasattr(generator, "generate_output"):
            generator.generate_output = _then_render(generator.generate_output)


def _then_render(generate_output):
    def generate_output_then_render(writer):
        try:
            generate_output(writer)
        finally:
            # Also when it stops with an error (a strict build stops at the first error logged):
            # the pages it asked for before are written, as Pelican would have written them.
            # Asked of the writer, not its class: another plugin may hand the generator a writer that
            # wraps this one (removed_pages' ChangedPagesWriter), whichever plugin's receiver ran first.
            render_queue = getattr(writer, "render_queue", None)
            if render_queue is not None:
                render_queue()
            # What the generator and its pages held is free now: handed back, the process holds
            # less while later generators run, and the next workers are forked from a smaller one.
            give_back_free_memory()
    return generate_output_then_render


def register():
    signals.initialized.connect(start)
    signals.generator_init.connect(add_meta_policy)
    signals.generator_init.connect(use_page_templates)
    signals.generator_init.connect(pause_collector)
    signals.get_writer.connect(get_writer)
    signals.all_generators_finalized.connect(render_after_each_generator)
    signals.finalized.connect(finish)
