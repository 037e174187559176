"""Every setting a Local Offer site may set, with its default: one registry, gathered, never listed twice.

Pelican's own defaults come from pelican.settings.DEFAULT_CONFIG; each plugin's
from the DEFAULTS of its `settings` module (localoffer.<plugin>.settings), the
module that also documents and applies them. A new plugin that follows that
convention is known here without any change.
"""

import importlib

from pelican.settings import DEFAULT_CONFIG

# Settings Pelican reads but gives no default (pelican's docs/settings.rst), so they are
# not in DEFAULT_CONFIG. None means "no default, any type".
PELICAN_WITHOUT_DEFAULTS = (
    "TIMEZONE", "DEFAULT_DATE", "FEED_DOMAIN", "FEED_ATOM", "FEED_RSS", "FEED_ALL_RSS", "CATEGORY_FEED_RSS",
    "TAG_FEED_ATOM", "TAG_FEED_RSS", "TRANSLATION_FEED_RSS", "WRITE_SELECTED", "SITESUBTITLE",
    "DEBUG",  # set by the pelican command from --debug
)


def pelican_settings():
    known = dict(DEFAULT_CONFIG)
    known.update(dict.fromkeys(PELICAN_WITHOUT_DEFAULTS))
    # Each direct template (index, tags, ...) has <NAME>_URL and <NAME>_SAVE_AS.
    for name in DEFAULT_CONFIG["DIRECT_TEMPLATES"]:
        known.setdefault(f"{name.upper()}_URL", None)
        known.setdefault(f"{name.upper()}_SAVE_AS", None)
    return known


def plugin_defaults(plugins):
    """{setting: default} of every plugin in `plugins` that has a settings module with DEFAULTS."""
    defaults = {}
    for name in plugins:
        if not isinstance(name, str):
            continue  # a plugin given as a module object: nothing to import by name
        try:
            module = importlib.import_module(f"{name}.settings")
        except ImportError:
            continue  # a plugin with no settings module reads no setting of its own
        defaults.update(getattr(module, "DEFAULTS", {}))
    return defaults


def known_settings(plugins):
    return {**pelican_settings(), **plugin_defaults(plugins)}
