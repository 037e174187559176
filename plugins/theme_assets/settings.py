"""The settings theme_assets reads, with their defaults, in one place."""

from dataclasses import dataclass
from pathlib import Path

DEFAULTS = {
    # Relative paths are resolved against the project folder (the folder that
    # holds the theme), because Pelican does not tell plugins where the
    # settings file is. pelicanconf.py can give an absolute path instead.
    "THEME_ASSETS_NODE_MODULES": "node_modules",
    # The Sass compiler; relative to THEME_ASSETS_NODE_MODULES when relative.
    "THEME_ASSETS_SASS": ".bin/sass",
    # The entry point, relative to the theme folder.
    "THEME_ASSETS_SCSS": "scss/main.scss",
    # Seconds before a hung compiler is stopped.
    "THEME_ASSETS_SASS_TIMEOUT": 60,
}


@dataclass(frozen=True)
class Options:
    theme: Path
    node_modules: Path
    sass: Path
    scss: Path
    css_dir: Path
    vendor_dir: Path
    timeout: float


def resolve_settings(settings):
    """Return Options with every path absolute."""
    theme = Path(settings["THEME"]).resolve()
    project = theme.parent

    def get(key):
        return settings.get(key, DEFAULTS[key])

    node_modules = _absolute(get("THEME_ASSETS_NODE_MODULES"), project)
    return Options(
        theme=theme,
        node_modules=node_modules,
        sass=_absolute(get("THEME_ASSETS_SASS"), node_modules),
        scss=_absolute(get("THEME_ASSETS_SCSS"), theme),
        css_dir=theme / "static" / "css",
        vendor_dir=theme / "static" / "vendor",
        timeout=float(get("THEME_ASSETS_SASS_TIMEOUT")),
    )


def _absolute(value, base):
    path = Path(value).expanduser()
    return path if path.is_absolute() else base / path
