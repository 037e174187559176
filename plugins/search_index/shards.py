"""The lunr index, built whole in Python and split by term for the browser.

lunr.js scores a document field by field: the dot product of the query vector
and the field's vector, divided by the query vector's length
(`lunr.Vector.prototype.similarity`, called from `lunr.Index.prototype.query`).
The query vector only has entries for the query's terms, so only the field
vector's entries for those terms count. Each term file therefore carries, for
its terms, the postings and the field-vector weights from the one index built
here; search.js puts the files a query needs back together as a small lunr
index whose scores are the whole index's (weights rounded to 3 significant
digits).

A term file holds every term that starts with its key. Keys start as a term's
first two characters; a file bigger than SEARCH_SHARD_BYTES is split by one
more character, and so on, with the terms no longer than the key left in the
file of the key itself. search.js finds a term's file as the longest key that
starts the term.
"""

import json

from lunr import get_default_builder

MAX_KEY_LENGTH = 8
FIRST_KEY_LENGTH = 2


def build_index(documents, boosts):
    """A lunr.py index of the documents, with the default pipeline (trimmer,
    stop words, Porter stemmer) that lunr.js's `lunr()` also uses."""
    builder = get_default_builder()
    builder.ref("ref")
    for field, boost in boosts.items():
        builder.field(field, boost=boost)
    for document in documents:
        builder.add(document)
    return builder.build()


def term_postings(index, fields):
    """{term: [term index, [doc, weight, doc, weight, ...] for each field]}, docs
    ascending and written as differences from the previous doc."""
    weights = {}
    for field_ref, vector in index.field_vectors.items():
        elements = vector.elements if hasattr(vector, "elements") else vector.serialize()
        weights[str(field_ref)] = dict(zip(elements[0::2], elements[1::2]))
    postings = {}
    for term, posting in index.inverted_index.items():
        term_index = posting["_index"]
        entry = [term_index]
        for field in fields:
            flat, previous = [], 0
            for doc in sorted(int(ref) for ref in posting[field]):
                flat += [doc - previous, _round(weights[f"{field}/{doc}"][term_index])]
                previous = doc
            entry.append(flat)
        postings[term] = entry
    return postings


def _round(weight):
    """Three significant digits: lunr's ranking is unchanged but for near ties,
    and the files are smaller."""
    value = float(f"{weight:.3g}")
    return int(value) if value.is_integer() else value


def split(postings, max_bytes):
    """{key: {term: entry}}: the term files, each under `max_bytes` of JSON where
    a longer key can split it."""
    shards = {}

    def place(terms, key_length):
        groups = {}
        for term in terms:
            groups.setdefault(term[:key_length], []).append(term)
        for key, group in groups.items():
            if key_length >= MAX_KEY_LENGTH or _size(postings, group) <= max_bytes:
                shards[key] = group
                continue
            short = [term for term in group if len(term) <= key_length]
            if short:
                shards[key] = short
            place([term for term in group if len(term) > key_length], key_length + 1)

    place(sorted(postings), FIRST_KEY_LENGTH)
    return {key: {term: postings[term] for term in sorted(shards[key])} for key in sorted(shards)}


def _size(postings, terms):
    return sum(len(term) + len(dumps(postings[term])) + 4 for term in terms)


def dumps(value):
    """Compact, stable JSON: the same site always makes the same bytes."""
    return json.dumps(value, separators=(",", ":"), sort_keys=True, ensure_ascii=False)
