"""The receiver for Pelican's ``initialized`` signal."""

import logging
from pathlib import Path

from localoffer.cache_files.templates import REFERENCES, share_compiled_templates

from . import council
from .settings import apply_defaults

log = logging.getLogger(__name__)

# Under CACHE_PATH: the files this site makes for the theme (council.css).
SITE_ASSETS = "theme_assets"


def build_assets(pelican):
    """Write council.css for this site and have Pelican serve it beside the theme's own files.

    The compiled CSS and the vendored JavaScript are part of the package
    (theme/static/); nothing is written into the package, which may be a
    read-only site-packages. council.css goes into the site's cache folder,
    which is added to THEME_STATIC_PATHS, so Pelican copies it to
    /theme/css/council.css. A problem is logged as an error, never raised.
    """
    settings = pelican.settings
    apply_defaults(settings)
    folder = Path(settings.get("CACHE_PATH") or "cache").resolve() / SITE_ASSETS
    council.write_council_css(settings["COUNCIL_COLOUR"], folder / "css")
    # What each template names, as an earlier build found it (cache_files.templates.KnownReferences).
    REFERENCES.use(settings.get("CACHE_PATH") or "cache")
    paths = list(settings.get("THEME_STATIC_PATHS") or ["static"])
    if str(folder) not in paths:
        # Last, so that the site's own council.css is the one served.
        settings["THEME_STATIC_PATHS"] = [*paths, str(folder)]


# Settings a macro may use even when it is imported without the page's context (which keeps
# Jinja's cache of imported templates): globals reach every template.
MACRO_GLOBALS = ("SITEURL", "THEME_STATIC_DIR")


def add_theme_globals(generator):
    """generator_init receiver: make MACRO_GLOBALS Jinja globals."""
    generator.env.globals.update({name: generator.settings.get(name, "") for name in MACRO_GLOBALS})


def share_templates(generator):
    """generator_init receiver: this generator's environment compiles a template only if no other
    generator's has (cache_files.templates.CompiledTemplates): base.html and the partials were
    compiled once for each of Pelican's generators."""
    share_compiled_templates(generator.env)


def keep_template_references(pelican):
    """finalized receiver: keep what each template parsed in this build names, for the next."""
    REFERENCES.save()
