"""The settings open_data reads and their defaults; each is documented in README.md."""

import logging

logger = logging.getLogger(__name__)

OGL = "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/"

DEFAULTS = {
    "OPEN_DATA_BASE_URL": None,
    "OPEN_DATA_PUBLISHER": None,
    "OPEN_DATA_LICENCE_NAME": "Open Government Licence v3.0",
    "OPEN_DATA_LICENCE_URL": OGL,
    "OPEN_DATA_URL": "open-data/",
    "OPEN_DATA_SAVE_AS": "open-data/index.html",
    "OPEN_DATA_CSV_SAVE_AS": "open-data/services.csv",
    "OPEN_REFERRAL_PATH": "open-referral",
    "OPEN_REFERRAL_STATE_PROVINCE": "",
    "SITEMAP_SAVE_AS": "sitemap.xml",
    "OPEN_DATA_CACHE": True,
}

# Text settings: anything else (a number, a list) is reported and the default used, never a crash.
TEXT_SETTINGS = [key for key, value in DEFAULTS.items() if isinstance(value, str)]

# Where a local build (SITEURL "") says the feed is: where `invoke serve` serves it.
LOCAL_BASE_URL = "http://localhost:8000"


def apply_defaults(settings):
    for key, value in DEFAULTS.items():
        settings.setdefault(key, value)
    for key in TEXT_SETTINGS:
        if not isinstance(settings[key], str):
            logger.error("open_data: %s must be text, e.g. %r; got %r, so the default is used",
                         key, DEFAULTS[key], settings[key])
            settings[key] = DEFAULTS[key]
    for key in ("OPEN_DATA_BASE_URL", "OPEN_DATA_PUBLISHER"):
        value = settings[key]
        if value is not None and (not isinstance(value, str) or not value.strip()):
            logger.error("open_data: %s must be text or None; got %r, so None is used", key, value)
            settings[key] = None
    for key in ("OPEN_REFERRAL_PATH", "OPEN_DATA_SAVE_AS", "OPEN_DATA_CSV_SAVE_AS", "SITEMAP_SAVE_AS"):
        # The feed's folder is emptied of files it does not hold: it must never be the whole site.
        parts = [part for part in settings[key].split("/") if part]
        if not parts or ".." in parts or settings[key].startswith("/"):
            logger.error("open_data: %s must be a path inside the site, e.g. %r; got %r, so the default is used",
                         key, DEFAULTS[key], settings[key])
            settings[key] = DEFAULTS[key]
    base = settings["OPEN_DATA_BASE_URL"]
    if base and not base.startswith(("https://", "http://")):
        logger.error("open_data: OPEN_DATA_BASE_URL must start with https://; got %r, so SITEURL is used", base)
        settings["OPEN_DATA_BASE_URL"] = None


def base_url(settings):
    """The site's address without a final slash: it is in every id and every link of the open data."""
    return (settings.get("OPEN_DATA_BASE_URL") or settings.get("SITEURL") or LOCAL_BASE_URL).rstrip("/")


def publisher(settings):
    return settings.get("OPEN_DATA_PUBLISHER") or settings.get("COUNCIL_NAME") or settings.get("SITENAME") or "Local Offer"
