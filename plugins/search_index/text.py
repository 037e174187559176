"""Text as the search sees it: accents folded, lower case, letters and digits only.

theme/static/js/search/text.mjs does exactly the same to what a family types
(`fold`), so that `Zoë`, `zoe` and `ZOE` are one word, and `children's` is
`childrens` on both sides. tests/fixtures/search/text_vectors.json keeps the
two in step: the Python and the JavaScript tests both run it.
"""

import html
import re
import unicodedata

# Letters that Unicode does not split into a base letter and an accent.
EXTRA_FOLDS = {"ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "ı": "i"}
APOSTROPHES = re.compile(r"['\u2019\u2018`]")
NOT_WORD = re.compile(r"[^a-z0-9]+")
TAG = re.compile(r"<[^>]*>")


def fold(text):
    """Lower case, accents removed, apostrophes dropped, everything else that is
    not a letter or digit turned into one space."""
    text = str(text).lower()
    if not text.isascii():  # most text is; folding it character by character is slow
        text = unicodedata.normalize("NFKD", text)
        text = "".join(EXTRA_FOLDS.get(char, char) for char in text if not unicodedata.combining(char))
    text = APOSTROPHES.sub("", text)
    return NOT_WORD.sub(" ", text).strip()


def fold_keep_case(text):
    """As `fold`, but keeping capitals, for matching acronyms as they are written."""
    text = str(text)
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text)
        text = "".join(EXTRA_FOLDS.get(char, char) for char in text if not unicodedata.combining(char))
    text = APOSTROPHES.sub("", text)
    return re.sub(r"[^A-Za-z0-9]+", " ", text).strip()


def html_text(markup):
    """The words of a fragment of HTML the project made (tags dropped, entities read)."""
    return html.unescape(TAG.sub(" ", markup or ""))
