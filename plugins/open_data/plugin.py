"""Connect open_data to Pelican's signals; the work is in the other modules.

Receivers are module-level functions because blinker holds them by weak reference.
"""

from pathlib import Path

from pelican import signals

from localoffer.cache_files import write_if_changed

from localoffer.contract import contract_of

from .generator import BUILD_NOTES, READS, OpenDataGenerator
from .json_ld import JsonLdGlobal
from .settings import apply_defaults, base_url
from .sitemap import page_addresses, sitemap_xml


def set_defaults(pelican):
    apply_defaults(pelican.settings)


def get_generators(pelican):
    return OpenDataGenerator


def add_json_ld_global(generator):
    context = generator.context
    # Asked for only when a service page is written, after service_directory published local_offer.
    provider_files = lambda: contract_of(context, "open_data", READS).provider_files  # noqa: E731
    generator.env.globals["service_json_ld"] = JsonLdGlobal(provider_files, generator.settings)


def write_sitemap(pelican):
    output = Path(pelican.output_path).resolve()
    notes = BUILD_NOTES.pop(str(output), {})
    pages = page_addresses(output, notes.get("base") or base_url(pelican.settings), notes.get("not_public", ()))
    text = sitemap_xml(pages, notes.get("lastmod"))
    write_if_changed(output / pelican.settings["SITEMAP_SAVE_AS"], text.encode("utf-8"))


def register():
    signals.initialized.connect(set_defaults)
    signals.get_generators.connect(get_generators)
    signals.generator_init.connect(add_json_ld_global)
    signals.finalized.connect(write_sitemap)
