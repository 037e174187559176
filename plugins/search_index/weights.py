"""lunr's BM25 field weights, computed directly instead of with lunr.py's Builder.

lunr.py's Builder makes a Token object for every word of every field, runs the
pipeline one word at a time and builds every field vector with list inserts;
at 10,000 services that took most of a minute. This module does the same
arithmetic on plain counts, in two steps:

1. `Analyzer.field_counts`: for each field of one document, the number of terms
   and how often each occurs. Words are split as lunr's Tokenizer splits them
   and each distinct word goes through lunr.py's own default pipeline (trimmer,
   stop-word filter, Porter stemmer) once, then is remembered. The counts of a
   service depend only on that service, so the build cache keeps them.
2. `term_postings`: lunr's idf and k1/b length normalisation over all the
   documents, exactly as `lunr.builder.Builder._create_field_vectors` does it
   (the same operations in the same order, so the same floats, rounded to 3
   decimals as lunr rounds them), then the sum over the fields of each term's
   weight in each document, added in field order as the whole index's field
   vectors would be.

tests/test_search_index.py checks that the postings equal, number for number,
those taken from a whole lunr.py index of the same documents.
"""

import math
import re
from collections import Counter

from lunr import get_default_builder
from lunr.token import Token
from lunr.tokenizer import SEPARATOR_CHARS

# lunr's Tokenizer lower-cases the text and cuts it at each of these characters,
# keeping the non-empty pieces.
_SEPARATORS = re.compile(f"[{re.escape(SEPARATOR_CHARS)}]+")
# The key of field_counts' {term: word} beside the fields (no field has this name).
WORDS = "_words"


class Analyzer:
    """Text to lunr terms, with lunr.py's default pipeline, remembering each word's term."""

    def __init__(self):
        builder = get_default_builder()
        self._pipeline = builder.pipeline
        # The default pipeline works word by word and skips no field, so a
        # word always becomes the same term (or none, for a stop word).
        assert not any(builder.pipeline._skip.values())
        self.k1, self.b = builder._k1, builder._b
        self._terms = {}

    def terms(self, text):
        """The terms lunr indexes for `text`, in order (stop words left out)."""
        return [term for _, term in self.words_and_terms(text)]

    def words_and_terms(self, text):
        """(word, term) for each word of `text` that is not a stop word, in order."""
        known = self._terms
        pairs = []
        for word in _SEPARATORS.split(str(text).lower()):
            if not word:
                continue
            term = known.get(word, False)
            if term is False:
                term = known[word] = self._term(word)
            if term is not None:
                pairs.append((word, term))
        return pairs

    def _term(self, word):
        tokens = self._pipeline.run([Token(word, {})])
        return str(tokens[0]) if tokens else None

    def field_counts(self, document, fields):
        """{field: (number of terms, {term: how often})} for each of `fields`, and
        under WORDS {term: the shortest word that gave it} for spelling.py."""
        counts = {}
        shortest = {}
        known = self._terms
        for field in fields:
            # Each distinct word once, with how often it comes (Counter counts in C, and keeps
            # the words in the order they first come, so the terms keep theirs).
            words = Counter(_SEPARATORS.split(str(document[field]).lower()))
            words.pop("", None)
            frequencies = {}
            length = 0
            for word, times in words.items():
                term = known.get(word, False)
                if term is False:
                    term = known[word] = self._term(word)
                if term is None:
                    continue
                length += times
                frequencies[term] = frequencies.get(term, 0) + times
                held = shortest.get(term)
                if held is None or (len(word), word) < (len(held), held):
                    shortest[term] = word
            counts[field] = (length, frequencies)
        counts[WORDS] = shortest
        return counts


def term_postings(documents, boosts, k1, b):
    """{term: [doc, weight, doc, weight, ...]} from `documents`, a list of
    `field_counts` results in document order (document n has ref n).

    Documents are ascending and written as differences from the previous one;
    each weight is the sum over the fields of the term's field-vector weight
    (lunr's, rounded to 3 decimals), rounded to 3 significant digits."""
    count = len(documents)
    if not count:
        return {}
    fields = list(boosts)
    # lunr's idf counts a document once for each field that holds the term.
    holders = {}
    totals = dict.fromkeys(fields, 0)
    for document in documents:
        for field in fields:
            length, frequencies = document[field]
            totals[field] += length
            for term in frequencies:
                holders[term] = holders.get(term, 0) + 1
    average = {field: totals[field] / count for field in fields}
    idf = {term: math.log(1 + abs((count - held + 0.5) / (held + 0.5))) for term, held in holders.items()}

    saturation = k1 + 1
    field_boosts = [(field, boosts[field], {}) for field in fields]  # with {length: norm}
    rounded = _ROUNDED
    postings = {}  # term -> [doc, weight, doc, weight, ...], docs as differences
    last = {}  # term -> the last doc in its posting
    for doc, document in enumerate(documents):
        sums = {}
        for field, boost, norms in field_boosts:
            length, frequencies = document[field]
            if not frequencies:
                continue
            norm = norms.get(length)
            if norm is None:
                norm = norms[length] = k1 * (1 - b + b * (length / average[field]))
            for term, tf in frequencies.items():
                # As Builder._create_field_vectors: idf * ((k1 + 1) * tf) / (k1 * (1 - b + b * (length /
                # average length)) + tf), times the field boost (and the document boost, always 1 here),
                # rounded to 3 decimals; then added up over the fields in field order.
                score = round(idf[term] * (saturation * tf) / (norm + tf) * boost, 3)
                if term in sums:
                    sums[term] += score
                else:
                    sums[term] = score
        for term, weight in sums.items():
            short = rounded.get(weight)
            if short is None:
                short = round_weight(weight)
            posting = postings.get(term)
            if posting is None:
                postings[term] = [doc, short]
            else:
                posting.append(doc - last[term])
                posting.append(short)
            last[term] = doc
    return postings


_ROUNDED = {}


def round_weight(weight):
    """Three significant digits: lunr's ranking is unchanged but for near ties,
    and the files are smaller."""
    rounded = _ROUNDED.get(weight)
    if rounded is None:
        value = float(f"{weight:.3g}")
        rounded = _ROUNDED[weight] = int(value) if value.is_integer() else value
    return rounded
