"""localoffer: the Local Offer site generator's Pelican plugins and theme, as one package.

In this repository the package's folder is `plugins/` (pyproject.toml maps it to the name `localoffer`);
an installed wheel holds the same modules under `localoffer/`, with the theme in `localoffer/theme/`.
"""

from importlib import metadata
from pathlib import Path

try:
    __version__ = metadata.version("localoffer")
except metadata.PackageNotFoundError:  # imported from a checkout that was never installed
    __version__ = "0+unknown"

PACKAGE_DIR = Path(__file__).resolve().parent
# The wheel carries the theme inside the package; a checkout keeps it beside plugins/.
THEME_DIR = PACKAGE_DIR / "theme" if (PACKAGE_DIR / "theme").is_dir() else PACKAGE_DIR.parent / "theme"

# The plugins a Local Offer site runs, in the order they must run (see plugins/README.md).
PLUGINS = [
    "localoffer.theme_assets",
    "localoffer.feedback_link",
    "localoffer.service_directory",
    "localoffer.easy_read",
    "localoffer.search_index",
    "localoffer.coproduction",
    "localoffer.editorial",
    "localoffer.safe_build",
]
