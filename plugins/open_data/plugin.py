"""Connect open_data to Pelican's signals; the work is in the other modules.

Receivers are module-level functions because blinker holds them by weak reference.
"""

from pathlib import Path

from pelican import signals

from localoffer.cache_files import write_if_changed


from .generator import BUILD_NOTES, OpenDataGenerator
from .json_ld import JsonLdGlobal
from .settings import apply_defaults, base_url
from .sitemap import page_addresses, sitemap_xml


def set_defaults(pelican):
    apply_defaults(pelican.settings)


def get_generators(pelican):
    return OpenDataGenerator


def add_json_ld_global(generator):
    # The JSON-LD is made from the service page's own record: it reads no part of local_offer.
    generator.env.globals["service_json_ld"] = JsonLdGlobal(generator.settings)


def write_sitemap(pelican):
    output = Path(pelican.output_path).resolve()
    notes = BUILD_NOTES.pop(str(output), {})
    # The feed's folder holds only JSON: open_data writes it whole (files.write_folder).
    pages = page_addresses(output, notes.get("base") or base_url(pelican.settings), notes.get("not_public", ()),
                           (pelican.settings["OPEN_REFERRAL_PATH"].strip("/"),))
    text = sitemap_xml(pages, notes.get("lastmod"))
    write_if_changed(output / pelican.settings["SITEMAP_SAVE_AS"], text.encode("utf-8"))


def register():
    signals.initialized.connect(set_defaults)
    signals.get_generators.connect(get_generators)
    signals.generator_init.connect(add_json_ld_global)
    signals.finalized.connect(write_sitemap)
