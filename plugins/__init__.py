"""localoffer: the Local Offer site generator's Pelican plugins and theme, as one package.

In this repository the package's folder is `plugins/` (pyproject.toml maps it to the name `localoffer`);
an installed wheel holds the same modules under `localoffer/`, with the theme in `localoffer/theme/`.
"""

from importlib import metadata
from pathlib import Path

from jinja2 import StrictUndefined

try:
    __version__ = metadata.version("localoffer")
except metadata.PackageNotFoundError:  # imported from a checkout that was never installed
    __version__ = "0+unknown"

PACKAGE_DIR = Path(__file__).resolve().parent
# The wheel carries the theme inside the package; a checkout keeps it beside plugins/.
THEME_DIR = PACKAGE_DIR / "theme" if (PACKAGE_DIR / "theme").is_dir() else PACKAGE_DIR.parent / "theme"

# The plugins a Local Offer site runs, in the order they must run (see plugins/README.md).
PLUGINS = [
    # First: it checks the settings as the site wrote them, before the others fill in defaults.
    "localoffer.settings_check",
    "localoffer.theme_assets",
    "localoffer.feedback_link",
    "localoffer.service_directory",
    # Before open_data: its `finalized` removes stale pages before sitemap.xml lists the output's pages.
    "localoffer.removed_pages",
    "localoffer.open_data",
    "localoffer.easy_read",
    "localoffer.search_index",
    "localoffer.coproduction",
    "localoffer.editorial",
    "localoffer.site_navigation",
    "localoffer.safe_build",
]

# What every site passes to Jinja (pelicanconf.py: JINJA_ENVIRONMENT = localoffer.JINJA_ENVIRONMENT).
JINJA_ENVIRONMENT = {
    # Provider text is untrusted: escape everything unless a template says the HTML was made by the project.
    "autoescape": True,
    # Templates do not change during a build; checking them before every page costs seconds at scale.
    "auto_reload": False,
    "trim_blocks": True,
    "lstrip_blocks": True,
    "extensions": [],
    # A variable a template does not get fails the build instead of printing nothing.
    "undefined": StrictUndefined,
}
