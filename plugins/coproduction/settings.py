"""The settings coproduction reads, their defaults, and their checks.

Every setting is documented in this plugin's README.md.
"""

import logging

logger = logging.getLogger(__name__)

DEFAULTS = {
    # Relative to Pelican's PATH (the content folder); an absolute path is used as it is.
    "COPRODUCTION_PROJECTS_FILE": "coproduction/projects.yaml",
    "YOU_SAID_WE_DID_FILE": "feedback/you-said-we-did.yaml",
    "COPRODUCTION_TRACKER_URL": "coproduction/tracker/",
    "COPRODUCTION_TRACKER_SAVE_AS": "coproduction/tracker/index.html",
    "YOU_SAID_WE_DID_URL": "feedback/you-said-we-did/",
    "YOU_SAID_WE_DID_SAVE_AS": "feedback/you-said-we-did/index.html",
    # Content pages whose address starts with this are listed in the section's own menu.
    "COPRODUCTION_SECTION_URL": "coproduction/",
    "COPRODUCTION_FEEDBACK_PAGE_URL": "feedback/",
    # The two pages are written again only when what they are made of changed (written.py).
    "COPRODUCTION_CACHE": True,
}

URL_SETTINGS = (
    ("COPRODUCTION_TRACKER_URL", "COPRODUCTION_TRACKER_SAVE_AS"),
    ("YOU_SAID_WE_DID_URL", "YOU_SAID_WE_DID_SAVE_AS"),
)


def apply_defaults(settings):
    """Fill in defaults and report settings that cannot work."""
    for key, value in DEFAULTS.items():
        settings.setdefault(key, value)
    for message in check_settings(settings):
        logger.error("coproduction: %s", message)


def check_settings(settings):
    messages = []
    for key in ("COPRODUCTION_PROJECTS_FILE", "YOU_SAID_WE_DID_FILE"):
        if not isinstance(settings[key], str) or not settings[key]:
            messages.append(f"{key} must be the path of a YAML file, e.g. {DEFAULTS[key]!r}; got {settings[key]!r}")
            settings[key] = DEFAULTS[key]
    for url_key, save_as_key in URL_SETTINGS:
        url, save_as = settings[url_key], settings[save_as_key]
        if not isinstance(url, str) or url.startswith("/") or not url.endswith("/"):
            messages.append(f"{url_key} must be an address relative to the site root ending in /, "
                            f"e.g. {DEFAULTS[url_key]!r}; got {url!r}; the default is used")
            settings[url_key], settings[save_as_key] = DEFAULTS[url_key], DEFAULTS[save_as_key]
        elif not isinstance(save_as, str) or not save_as.endswith(".html"):
            messages.append(f"{save_as_key} must be a file path ending in .html, e.g. {DEFAULTS[save_as_key]!r}; "
                            f"got {save_as!r}; the default is used")
            settings[url_key], settings[save_as_key] = DEFAULTS[url_key], DEFAULTS[save_as_key]
    return messages

