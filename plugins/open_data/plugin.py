"""Connect open_data to Pelican's signals; the work is in the other modules.

Receivers are module-level functions because blinker holds them by weak reference.
"""

import json
import logging
import os
from pathlib import Path

from pelican import signals

from localoffer.cache_files import digest, load_json, package_digest, save_json, write_if_changed

from .generator import BUILD_NOTES, OpenDataGenerator
from .json_ld import JsonLdGlobal
from .settings import apply_defaults, base_url
from .sitemap import FolderListings, KnownListings, TreeRecord, page_addresses, sitemap_xml

logger = logging.getLogger(__name__)

# The output folders the last sitemap was made from, and the sitemap's key (sitemap.TreeRecord).
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
    base, not_public, lastmod = notes.get("base") or base_url(settings), notes.get("not_public", ()), notes.get("lastmod")
    # The feed's folder holds only JSON: open_data writes it whole (files.write_folder).
    without_pages = (settings["OPEN_REFERRAL_PATH"].strip("/"),)
    sitemap = output / settings["SITEMAP_SAVE_AS"]
    # What the sitemap is made of besides the output's tree.
    key = digest(package_digest(), json.dumps([base, sorted(not_public), without_pages, sorted((lastmod or {}).items())]))
    record = None
    if settings["OPEN_DATA_CACHE"]:
        record = TreeRecord.from_data(load_json(cache_path), str(output), without_pages)
    if record is not None and record.unchanged(os.path.join(str(output), "")):
        if record.sitemap == [key, *_stamp(sitemap)]:
            changed = False  # the same tree and the same key: the sitemap on disk is this one
        else:
            _write(sitemap, page_addresses(output, base, not_public, without_pages, KnownListings(record)), lastmod)
            record.sitemap, changed = [key, *_stamp(sitemap)], True
        if changed or record.stale():
            record.restamp()
            _save(cache_path, record, output)
        return
    listings = FolderListings(record.kept() if record is not None else None)
    _write(sitemap, page_addresses(output, base, not_public, without_pages, listings), lastmod)
    if settings["OPEN_DATA_CACHE"]:
        _save(cache_path, TreeRecord.from_walk(listings.walked, [key, *_stamp(sitemap)]), output)


def _write(sitemap, pages, lastmod):
    write_if_changed(sitemap, sitemap_xml(pages, lastmod).encode("utf-8"))


def _stamp(path):
    """The sitemap file's inode, time and size; Nones when it is not there (deleted by hand, or
    SITEMAP_SAVE_AS names another file now), which no record holds, so it is written."""
    try:
        found = path.stat()
    except OSError:
        return [None, None, None]
    return [found.st_ino, found.st_mtime_ns, found.st_size]


def _save(cache_path, record, output):
    try:
        save_json(cache_path, record.to_data(str(output)))
    except OSError as error:
        logger.warning("open_data: could not save the build cache in %s: %s", cache_path.parent, error)


def register():
    signals.initialized.connect(set_defaults)
    signals.get_generators.connect(get_generators)
    signals.generator_init.connect(add_json_ld_global)
    signals.finalized.connect(write_sitemap)
