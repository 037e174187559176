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
2. `term_postings`: lunr's k1/b length normalisation over all the documents,
   as `lunr.builder.Builder._create_field_vectors` does it but against each
   field's average length rounded to a whole number of terms, and without the
   idf, which the browser applies (rank.mjs) from the number of fields holding
   each term, written first in its posting. A term's weights in a service then
   depend only on that service (while the averages stay put), so a rebuild
   re-makes only the term files of the changed services' terms (terms.py).

tests/test_search_index.py checks that, times the idf, they equal those of a whole
lunr.py index of the same documents (built with the same rounded averages,
shards.build_index) to lunr's rounding.
"""

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


def field_totals(documents, fields):
    """{field: total number of terms} over `documents` (field_counts results)."""
    totals = dict.fromkeys(fields, 0)
    for document in documents:
        for field in fields:
            totals[field] += document[field][0]
    return totals


def rounded_averages(totals, count):
    """Each field's average length, rounded half up to a whole number of terms (at least 1).

    lunr divides by the exact average; rounded, one changed service almost never moves
    it, so a rebuild re-weighs only the terms of the services that changed (terms.py)."""
    return {field: max(1, (2 * total + count) // (2 * count)) for field, total in totals.items()}


def document_weights(document, field_boosts, averages, k1, b):
    """{term: [fields holding it, weight]} of one document (a field_counts result).

    The weight is lunr's BM25 field weight without the idf, summed over the fields in
    field order: (k1 + 1) * tf / (k1 * (1 - b + b * length / average) + tf) * boost, as
    Builder._create_field_vectors has it (the idf is applied in the browser, rank.mjs, from
    the number of fields holding the term over every service, so a term's weights in one
    service do not depend on any other service). `field_boosts` is [(field, boost)]."""
    saturation = k1 + 1
    terms = {}
    for field, boost in field_boosts:
        length, frequencies = document[field]
        if not frequencies:
            continue
        norm = k1 * (1 - b + b * (length / averages[field]))
        for term, tf in frequencies.items():
            score = saturation * tf / (norm + tf) * boost
            held = terms.get(term)
            if held is None:
                terms[term] = [1, score]
            else:
                held[0] += 1
                held[1] += score
    return terms


def term_postings(documents, boosts, k1, b, averages=None):
    """{term: [held, doc, weight, doc, weight, ...]} from `documents`, the
    `field_counts` results in document order (document n has ref n): a list, or any
    iterable read once when `averages` (rounded_averages of their field totals) is given.

    `held` is lunr's count for the term's idf: the number of (service, field) pairs
    holding it. Documents are ascending and written as differences from the previous
    one; each weight is document_weights' rounded to 3 significant digits."""
    fields = list(boosts)
    if averages is None:
        count = len(documents)
        if not count:
            return {}
        averages = rounded_averages(field_totals(documents, fields), count)
    field_boosts = [(field, boosts[field]) for field in fields]
    postings = {}  # term -> [held, doc, weight, doc, weight, ...], docs as differences
    last = {}  # term -> the last doc in its posting
    for doc, document in enumerate(documents):
        for term, (fields_holding, weight) in document_weights(document, field_boosts, averages, k1, b).items():
            posting = postings.get(term)
            if posting is None:
                postings[term] = [fields_holding, doc, round_weight(weight)]
            else:
                posting[0] += fields_holding
                posting.append(doc - last[term])
                posting.append(round_weight(weight))
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


def forget_rounded():
    """Let go of what round_weight remembered: one build's weights (a module's dict would
    otherwise hold them to the end of the process: 14,000 of them, 0.9 MB, at 2,000 services)."""
    _ROUNDED.clear()
