"""Grants and allowances, and prices, in a service's fields.

How a service is known to give money (decided here, documented in the README):
its name, its summary or one whole keyword has one of words.MONEY_WORDS
("grant", "allowance", "bursary", "direct payments", "personal budget"), or
one of its categories is in EASY_READ_MONEY_CATEGORIES. The name and summary
are what the service is; keywords are matched whole, so a keyword such as
"Disabled Facilities Grant" on an advice service does not make it a grant.
"""

import re

from . import words

# "up to £450 a year", "£12.50 a week", "£1,200"
MONEY_AMOUNT = re.compile(
    r"(?:\b(?:up to|at most|about|around) )?£\d[\d,]*(?:\.\d\d)?"
    r"(?: (?:a|per|each) (?:year|month|week|day|term|session|hour|visit|swim|journey|way))?",
    re.IGNORECASE,
)
_MONEY_WORD = re.compile(r"\b(?:" + "|".join(re.escape(word) for word in words.MONEY_WORDS) + r")\b", re.IGNORECASE)


def gives_money(service, money_categories=()):
    """The field that shows the service gives money (`service.name`,
    `service.keywords[2]`, ...), or None."""
    if _MONEY_WORD.search(service.name):
        return "service.name"
    if _MONEY_WORD.search(service.summary or ""):
        return "service.summary"
    for index, keyword in enumerate(service.keywords):
        if keyword.strip().casefold() in words.MONEY_WORDS:
            return f"service.keywords[{index}]"
    for index, term in enumerate(service.categories):
        if term.id in money_categories:
            return f"service.categories[{index}]"
    return None


def says_free(text):
    """Whether `text` says something is free and names no price."""
    return bool(_FREE.search(text or "")) and not _PRICE_WORDS.search(text or "")


FREE_WORD = r"\bfree\b"
PRICE_WORDS = r"£|\b(?:pay|paying|costs?|charges?|fees?)\b"
_FREE = re.compile(FREE_WORD, re.IGNORECASE)
_PRICE_WORDS = re.compile(PRICE_WORDS, re.IGNORECASE)


def amounts(text):
    """Every amount of money in `text`, as written ("up to £450 a year")."""
    return [match.group(0) for match in MONEY_AMOUNT.finditer(text or "")]


def money_given(service, description):
    """(amount, field) of the first amount in the summary, cost details or
    description (Markdown source), or (None, None)."""
    for text, field in ((service.summary, "service.summary"), (service.cost_details, "service.cost.details"),
                        (description, "service.description")):
        found = amounts(text)
        if found:
            amount = found[0]
            return amount[0].lower() + amount[1:], field
    return None, None
