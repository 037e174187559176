"""The settings service_directory reads, their defaults, and their checks.

Every setting is documented in this plugin's README.md.
"""

import datetime
import logging
from pathlib import Path

logger = logging.getLogger(__name__)

DEFAULTS = {
    "PROVIDERS_PATH": "providers",
    "LOCAL_OFFER_CATEGORIES": {},
    "LOCAL_OFFER_AREAS": {},
    "SERVICES_INCLUDE_DRAFTS": False,
    "SERVICES_BUILD_DATE": None,
    "SERVICES_CACHE": True,
    "SERVICES_STALE_AFTER_MONTHS": 12,
    "SERVICES_HIDE_AFTER_MONTHS": None,
    "SERVICES_MAX_FILE_BYTES": 256 * 1024,
    "SERVICES_MAX_PICTURE_PIXELS": 40_000_000,
    "SERVICE_URL": "services/{slug}/",
    "SERVICE_SAVE_AS": "services/{slug}/index.html",
    "SERVICES_INDEX_URL": "services/",
    "SERVICES_INDEX_SAVE_AS": "services/index.html",
    "SERVICES_CATEGORY_URL": "categories/{slug}/",
    "SERVICES_CATEGORY_SAVE_AS": "categories/{slug}/index.html",
    "SERVICES_NEED_URL": "needs/{slug}/",
    "SERVICES_NEED_SAVE_AS": "needs/{slug}/index.html",
    "SERVICES_AREA_URL": "areas/{slug}/",
    "SERVICES_AREA_SAVE_AS": "areas/{slug}/index.html",
    "SERVICES_AGE_URL": "ages/{slug}/",
    "SERVICES_AGE_SAVE_AS": "ages/{slug}/index.html",
    # GOV.UK's search shows 20 results a page and at most 100; a listing is read letter by letter or
    # narrowed by its filter form, so it takes the larger page (about 80 KB of HTML).
    "SERVICES_LISTING_PAGE_SIZE": 100,
    "SERVICES_AGE_GROUPS": [
        ("0-4", "0 to 4 years (early years)", 0, 4),
        ("5-10", "5 to 10 years (primary school age)", 5, 10),
        ("11-15", "11 to 15 years (secondary school age)", 11, 15),
        ("16-17", "16 and 17 years", 16, 17),
        ("18-25", "18 to 25 years (young adults)", 18, 25),
    ],
    "SERVICES_HOME_SAVE_AS": "index.html",
    "SERVICES_404_SAVE_AS": "404.html",
}


def apply_defaults(settings):
    """Fill in defaults, resolve PROVIDERS_PATH and report settings that cannot work."""
    for key, value in DEFAULTS.items():
        settings.setdefault(key, value)
    # Pelican does not make custom paths absolute. pelicanconf.py gives an
    # absolute path; a relative one (say from `-e PROVIDERS_PATH=...`) is taken
    # from the folder the build runs in, as a shell user expects.
    settings["PROVIDERS_PATH"] = str(Path(settings["PROVIDERS_PATH"]).resolve())
    for message in check_settings(settings):
        logger.error("service_directory: %s", message)


def check_settings(settings):
    messages = []
    if not Path(settings["PROVIDERS_PATH"]).is_dir():
        messages.append(f"PROVIDERS_PATH {settings['PROVIDERS_PATH']!r} is not a folder; no services will be published")
    for key in ("LOCAL_OFFER_CATEGORIES", "LOCAL_OFFER_AREAS"):
        value = settings[key]
        if not isinstance(value, dict) or not value:
            messages.append(f"{key} must map ids to labels, e.g. {{'health': 'Health and therapies'}}; got {value!r}")
        elif "all" in value:
            messages.append(f"{key} may not use the id 'all', which means every one")
    build_date = settings["SERVICES_BUILD_DATE"]
    if build_date is not None:
        try:
            datetime.date.fromisoformat(str(build_date))
        except ValueError:
            messages.append(f"SERVICES_BUILD_DATE {build_date!r} is not a date like '2026-11-22'; today is used instead")
            settings["SERVICES_BUILD_DATE"] = None
    stale = settings["SERVICES_STALE_AFTER_MONTHS"]
    if not isinstance(stale, int) or isinstance(stale, bool) or stale < 1:
        messages.append(f"SERVICES_STALE_AFTER_MONTHS must be a whole number of months, at least 1; got {stale!r}; 12 is used")
        settings["SERVICES_STALE_AFTER_MONTHS"] = stale = 12
    hide = settings["SERVICES_HIDE_AFTER_MONTHS"]
    if hide is not None and (not isinstance(hide, int) or isinstance(hide, bool) or hide <= stale):
        messages.append(f"SERVICES_HIDE_AFTER_MONTHS must be None or a whole number of months above SERVICES_STALE_AFTER_MONTHS ({stale}); got {hide!r}; no service is hidden")
        settings["SERVICES_HIDE_AFTER_MONTHS"] = None
    for key in ("SERVICES_MAX_FILE_BYTES", "SERVICES_MAX_PICTURE_PIXELS", "SERVICES_LISTING_PAGE_SIZE"):
        limit = settings[key]
        if not isinstance(limit, int) or isinstance(limit, bool) or limit < 1:
            messages.append(f"{key} must be a whole number above 0; got {limit!r}; {DEFAULTS[key]} is used")
            settings[key] = DEFAULTS[key]
    for group in settings["SERVICES_AGE_GROUPS"]:
        if len(group) != 4 or not all(isinstance(age, int) for age in group[2:]) or group[2] > group[3]:
            messages.append(f"SERVICES_AGE_GROUPS entry {group!r} must be (id, label, youngest, oldest)")
    return messages


def months_before(day, months):
    """The same day `months` months earlier (the 29th to 31st fall back to the month's last day)."""
    month_index = day.year * 12 + day.month - 1 - months
    year, month = divmod(month_index, 12)
    for last in (day.day, 30, 29, 28):
        try:
            return datetime.date(year, month + 1, min(day.day, last))
        except ValueError:
            continue
    raise ValueError(day)  # pragma: no cover - a 28th always exists


def build_date(settings):
    """The date a build counts as today; a fixed setting keeps builds reproducible.

    The one build date: service_directory works it out once a build and publishes it as
    `local_offer.dates.build_date`, where every other plugin reads it; commands that run
    without a build (`localoffer validate`, `import-oruk`) call this function."""
    value = settings.get("SERVICES_BUILD_DATE")
    return datetime.date.fromisoformat(str(value)) if value else datetime.date.today()
