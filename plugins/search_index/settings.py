"""The settings search_index reads, their defaults, and their checks.

Every setting is documented in this plugin's README.md.
"""

import logging
from pathlib import Path

logger = logging.getLogger(__name__)

# The fields of the index, in this order, and how much a word counts in each.
FIELD_BOOSTS = {
    "name": 10,
    "keywords": 8,
    "topics": 5,  # the need and category labels
    "aliases": 6,  # words of the SEND glossary entries its name, keywords or needs use
    "glossary": 1,  # words of the glossary entries only its summary or description use
    "organisation": 3,
    "summary": 2,
    "areas": 1,
    "description": 1,
}

DEFAULTS = {
    "SEARCH_GLOSSARY": "data/send-glossary.yaml",
    "SEARCH_URL": "search/",
    "SEARCH_SAVE_AS": "search/index.html",
    "SEARCH_DATA_PATH": "search/data",
    "SEARCH_FIELD_BOOSTS": FIELD_BOOSTS,
    "SEARCH_SHARD_BYTES": 24000,
    "SEARCH_STORE_PAGE_SIZE": 5,
    "SEARCH_RESULTS_SHOWN": 20,
    "SEARCH_WHOLE_INDEX": False,
    "SEARCH_CACHE": True,
    "SEARCH_ADVICE_SERVICE": None,
}


def apply_defaults(settings):
    """Fill in defaults, resolve SEARCH_GLOSSARY and report settings that cannot work."""
    for key, value in DEFAULTS.items():
        settings.setdefault(key, value)
    glossary = Path(settings["SEARCH_GLOSSARY"])
    if not glossary.is_absolute():
        glossary = Path(settings.get("PATH", "content")) / glossary
    settings["SEARCH_GLOSSARY"] = str(glossary.resolve())
    for message in check_settings(settings):
        logger.error("search_index: %s", message)


def check_settings(settings):
    """Correct what can be corrected, and say so; return the messages."""
    messages = []
    boosts = settings["SEARCH_FIELD_BOOSTS"]
    if not isinstance(boosts, dict) or set(boosts) != set(FIELD_BOOSTS) or not all(
        _positive(value) for value in boosts.values()
    ):
        messages.append(
            f"SEARCH_FIELD_BOOSTS must give a positive number for each of {', '.join(FIELD_BOOSTS)}; "
            f"got {boosts!r}; the defaults are used"
        )
        settings["SEARCH_FIELD_BOOSTS"] = dict(FIELD_BOOSTS)
    for key, low in (("SEARCH_SHARD_BYTES", 1000), ("SEARCH_STORE_PAGE_SIZE", 1), ("SEARCH_RESULTS_SHOWN", 1)):
        value = settings[key]
        if not _whole(value) or value < low:
            messages.append(f"{key} must be a whole number, at least {low}; got {value!r}; {DEFAULTS[key]} is used")
            settings[key] = DEFAULTS[key]
    advice = settings["SEARCH_ADVICE_SERVICE"]
    if advice is not None and not (isinstance(advice, str) and advice):
        messages.append(f"SEARCH_ADVICE_SERVICE must be a service id such as 'northmoor-send-advice-line', "
                        f"or None; got {advice!r}; None is used")
        settings["SEARCH_ADVICE_SERVICE"] = None
    for key in ("SEARCH_URL", "SEARCH_DATA_PATH"):
        value = settings[key]
        if not isinstance(value, str) or value.startswith("/") or ".." in value.split("/"):
            messages.append(f"{key} must be a path inside the site such as {DEFAULTS[key]!r}; got {value!r}; "
                            f"{DEFAULTS[key]!r} is used")
            settings[key] = DEFAULTS[key]
    return messages


def _whole(value):
    return isinstance(value, int) and not isinstance(value, bool)


def _positive(value):
    return isinstance(value, (int, float)) and not isinstance(value, bool) and value > 0
