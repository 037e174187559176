"""The settings easy_read reads, their defaults, and their checks.

Every setting is documented in this plugin's README.md.
"""

import logging
import re
from pathlib import Path

logger = logging.getLogger(__name__)

DEFAULTS = {
    "EASY_READ_SERVICES": True,
    "EASY_READ_GLOSSARY": "data/send-glossary.yaml",
    "EASY_READ_ALLOWED_CAPITALS": ["OK", "TV"],
    "EASY_READ_MAX_WORDS": 15,
    "EASY_READ_MIN_READING_EASE": 70,
    "EASY_READ_MAX_POINTS": 40,
    "EASY_READ_HARD_WORDS": {
        "additional": "more",
        "approximately": "about",
        "assist": "help",
        "assistance": "help",
        "commence": "start",
        "eligible": "can use",
        "facilitate": "help",
        "in order to": "to",
        "individuals": "people",
        "obtain": "get",
        "prior to": "before",
        "purchase": "buy",
        "regarding": "about",
        "require": "need",
        "requires": "needs",
        "sufficient": "enough",
        "utilise": "use",
        "whilst": "while",
    },
    "EASY_READ_CATEGORY_WORDS": {},
    "EASY_READ_MONEY_CATEGORIES": [],
    "EASY_READ_AREA_NAME": None,
    "EASY_READ_PICTURES_URL": "easy-read/pictures/",
    "EASY_READ_STRICT": False,
    "EASY_READ_CACHE": True,
}


def apply_defaults(settings):
    """Fill in defaults, resolve the glossary's path and report settings that cannot work."""
    for key, value in DEFAULTS.items():
        settings.setdefault(key, value)
    # A relative glossary path is taken from the content folder (PATH).
    glossary = Path(str(settings["EASY_READ_GLOSSARY"]))
    if not glossary.is_absolute():
        glossary = Path(settings.get("PATH", ".")) / glossary
    settings["EASY_READ_GLOSSARY"] = str(glossary.resolve())
    # "You can live anywhere in Northmoor.": the council's name without "Council".
    if settings["EASY_READ_AREA_NAME"] is None:
        council = str(settings.get("COUNCIL_NAME") or "").strip()
        settings["EASY_READ_AREA_NAME"] = re.sub(r"\s+Council$", "", council) or "the area"
    for message in check_settings(settings):
        logger.error("easy_read: %s", message)


def _whole_number(value, at_least):
    return isinstance(value, int) and not isinstance(value, bool) and value >= at_least


def check_settings(settings):
    messages = []
    if not _whole_number(settings["EASY_READ_MAX_WORDS"], 1):
        messages.append(f"EASY_READ_MAX_WORDS must be a whole number, at least 1; got {settings['EASY_READ_MAX_WORDS']!r}; 15 is used")
        settings["EASY_READ_MAX_WORDS"] = 15
    if not _whole_number(settings["EASY_READ_MAX_POINTS"], 1):
        messages.append(f"EASY_READ_MAX_POINTS must be a whole number, at least 1; got {settings['EASY_READ_MAX_POINTS']!r}; 40 is used")
        settings["EASY_READ_MAX_POINTS"] = 40
    ease = settings["EASY_READ_MIN_READING_EASE"]
    if ease is not None and (isinstance(ease, bool) or not isinstance(ease, (int, float))):
        messages.append(f"EASY_READ_MIN_READING_EASE must be a number or None; got {ease!r}; 70 is used")
        settings["EASY_READ_MIN_READING_EASE"] = 70
    words = settings["EASY_READ_HARD_WORDS"]
    if not isinstance(words, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in words.items()):
        messages.append(f"EASY_READ_HARD_WORDS must map words to everyday words, e.g. {{'purchase': 'buy'}}; got {words!r}; none are checked")
        settings["EASY_READ_HARD_WORDS"] = {}
    categories = settings["EASY_READ_CATEGORY_WORDS"]
    if not isinstance(categories, dict) or not all(
        isinstance(value, (list, tuple)) and len(value) == 2 and all(isinstance(part, str) for part in value)
        for value in categories.values()
    ):
        messages.append(
            "EASY_READ_CATEGORY_WORDS must map category ids to (sentence, picture), "
            f"e.g. {{'health': ('It helps you stay healthy.', 'doctor')}}; got {categories!r}; the built-in words are used"
        )
        settings["EASY_READ_CATEGORY_WORDS"] = {}
    money_categories = settings["EASY_READ_MONEY_CATEGORIES"]
    if not isinstance(money_categories, (list, tuple)) or not all(isinstance(item, str) for item in money_categories):
        messages.append(f"EASY_READ_MONEY_CATEGORIES must be a list of category ids, e.g. ['money-and-benefits']; got {money_categories!r}; none are used")
        settings["EASY_READ_MONEY_CATEGORIES"] = []
    area = settings["EASY_READ_AREA_NAME"]
    if area is not None and (not isinstance(area, str) or not area.strip()):
        messages.append(f"EASY_READ_AREA_NAME must be a place name such as 'Northmoor'; got {settings['EASY_READ_AREA_NAME']!r}; 'the area' is used")
        settings["EASY_READ_AREA_NAME"] = "the area"
    url = settings["EASY_READ_PICTURES_URL"]
    if not isinstance(url, str) or not url.endswith("/") or url.startswith("/"):
        messages.append(f"EASY_READ_PICTURES_URL must be a folder address such as 'easy-read/pictures/'; got {url!r}; that one is used")
        settings["EASY_READ_PICTURES_URL"] = "easy-read/pictures/"
    return messages
