"""The receiver for Pelican's ``initialized`` signal."""

import logging

from . import council, sass, vendor
from .settings import resolve_settings

log = logging.getLogger(__name__)


def build_assets(pelican):
    """Compile the Sass, write council.css and copy the vendored files.

    Nothing here stops the build: every problem is logged as an error that
    starts with ``theme_assets:`` (``pelican --fatal errors`` turns it into a
    failing exit code).
    """
    options = resolve_settings(pelican.settings)
    council.write_council_css(pelican.settings.get("COUNCIL_COLOUR"), options.css_dir)
    if not options.node_modules.is_dir():
        log.error(
            "theme_assets: %s is missing, so the theme has no CSS or JavaScript; "
            "run `make setup` (it runs `npm ci`)",
            options.node_modules,
        )
        return
    sass.compile_if_stale(options)
    vendor.copy_vendor_files(options.node_modules, options.vendor_dir)
