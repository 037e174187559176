"""Connect open_data to Pelican's signals; the work is in the other modules.

Receivers are module-level functions because blinker holds them by weak reference.
"""

import logging
from pathlib import Path

from pelican import signals

from localoffer.cache_files import load_json, save_json, write_if_changed

from .generator import BUILD_NOTES, OpenDataGenerator
from .json_ld import JsonLdGlobal
from .settings import apply_defaults, base_url
from .sitemap import FolderListings, page_addresses, sitemap_xml

logger = logging.getLogger(__name__)

# The output folders' listings the last sitemap was made from (sitemap.FolderListings), by output folder.
SITEMAP_CACHE = "open_data-sitemap.json"


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
    settings = pelican.settings
    cache_path = Path(settings["CACHE_PATH"]) / SITEMAP_CACHE
    kept = load_json(cache_path) if settings["OPEN_DATA_CACHE"] else None
    listings = FolderListings(kept.get(str(output)) if isinstance(kept, dict) else None)
    # The feed's folder holds only JSON: open_data writes it whole (files.write_folder).
    pages = page_addresses(output, notes.get("base") or base_url(settings), notes.get("not_public", ()),
                           (settings["OPEN_REFERRAL_PATH"].strip("/"),), listings)
    text = sitemap_xml(pages, notes.get("lastmod"))
    write_if_changed(output / settings["SITEMAP_SAVE_AS"], text.encode("utf-8"))
    if settings["OPEN_DATA_CACHE"] and listings.changed():
        try:
            save_json(cache_path, {str(output): listings.listings})
        except OSError as error:
            logger.warning("open_data: could not save the build cache in %s: %s", cache_path.parent, error)


def register():
    signals.initialized.connect(set_defaults)
    signals.get_generators.connect(get_generators)
    signals.generator_init.connect(add_json_ld_global)
    signals.finalized.connect(write_sitemap)
