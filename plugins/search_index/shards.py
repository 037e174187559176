"""The lunr index, built whole in Python and split by term for the browser.

How lunr.js scores (`lunr.Index.prototype.query`, `lunr.Vector.prototype.similarity`):
for each field of a document, the dot product of the query vector and the
field's vector, divided by the query vector's length; a document's score is
the sum over its fields. Asking for every field with boost 1 makes the query
vector the same for every field: one entry per term the query
expands to, counting how many query words expanded to it. The score is then

    score(doc) = sum over query terms t of q[t] * (sum over fields f of w[f, t, doc]) / |q|

so each term needs only one weight per document: the sum of its field-vector
weights over the fields (the field boosts are already in them). A term file
holds exactly that without the idf, for its terms, each posting led by the count
the idf is computed from; rank.mjs multiplies by lunr's idf, so a query scores as
the whole index would (weights rounded to 3 significant digits). The weights are computed directly
by weights.py, which gives the same numbers as `index_postings` of a whole
lunr.py index (`build_index`) in a fraction of the time; the whole index is
built only for SEARCH_WHOLE_INDEX, the tests and the benchmark.
theme/static/js/search/rank.mjs adds these weights up per query word (see
its comment); tests/browser/test_search_index.py checks that services with
every word come in the order of lunr.js's own `Index.query` on the whole index.

A term file holds every term that starts with its key. Keys start as a term's
first two characters; a file bigger than SEARCH_SHARD_BYTES is split by one
more character, and so on, with the terms no longer than the key left in the
file of the key itself. data.mjs finds a term's file as the longest key that
starts the term.
"""

import json
import math

from lunr import get_default_builder


MAX_KEY_LENGTH = 8
FIRST_KEY_LENGTH = 2


def build_index(documents, boosts):
    """A lunr.py index of the documents, with the default pipeline (trimmer,
    stop words, Porter stemmer) that lunr.js's `lunr()` also uses, and each
    field's average length rounded as weights.rounded_averages rounds it (so
    its weights are those the term files hold, times the idf)."""
    builder = get_default_builder()
    builder.ref("ref")
    for field, boost in boosts.items():
        builder.field(field, boost=boost)
    for document in documents:
        builder.add(document)
    exact = builder._calculate_average_field_lengths

    def rounded():
        exact()
        averages = builder.average_field_length
        for field in list(averages):
            averages[field] = max(1, math.floor(averages[field] + 0.5))
    builder._calculate_average_field_lengths = rounded
    return builder.build()


def index_postings(index):
    """The term files' postings as a whole lunr.py index has them, for the tests:
    {term: [held, doc, weight, doc, weight, ...]}: lunr's count for the term's idf
    (the fields holding it, over every document), then the documents that hold the
    term in any field, ascending and written as differences from the previous one,
    each with the sum of the term's field-vector weights in that document (the idf
    included, which weights.term_postings leaves to the browser; not rounded)."""
    weights = {}
    for field_ref, vector in index.field_vectors.items():
        field_name, doc = str(field_ref).split("/", 1)
        elements = vector.elements
        for position in range(0, len(elements), 2):
            key = (elements[position], int(doc))
            weights[key] = weights.get(key, 0) + elements[position + 1]
    postings = {}
    for term, posting in index.inverted_index.items():
        term_index = posting["_index"]
        refs = [int(ref) for field, refs in posting.items() if field != "_index" for ref in refs]
        flat, previous = [len(refs)], 0
        for doc in sorted(set(refs)):
            flat += [doc - previous, weights[(term_index, doc)]]
            previous = doc
        postings[term] = flat
    return postings


def term_files(postings, max_bytes, texts=None):
    """{key: JSON text}: `dumps` of each of `split`'s term files, with each
    term's posting turned into JSON only once (into `texts`, {term: JSON}, if given)."""
    texts = {} if texts is None else texts
    shards = split(postings, max_bytes, texts)
    return {
        key: "{" + ",".join(f"{dumps(term)}:{texts[term] if term in texts else dumps(posting)}"
                            for term, posting in terms.items()) + "}"
        for key, terms in shards.items()
    }


def split(postings, max_bytes, texts=None):
    """{key: {term: entry}}: the term files, each under `max_bytes` of JSON where
    a longer key can split it. `texts`, if given, is filled with the JSON of the
    postings measured."""
    shards = {}
    texts = {} if texts is None else texts

    def size(terms):
        total = 0
        for term in terms:
            text = texts.get(term)
            if text is None:
                text = texts[term] = dumps(postings[term])
            total += len(term) + len(text) + 4
        return total

    def place(terms, key_length):
        groups = {}
        for term in terms:
            groups.setdefault(term[:key_length], []).append(term)
        for key, group in groups.items():
            if key_length >= MAX_KEY_LENGTH or size(group) <= max_bytes:
                shards[key] = group
                continue
            short = [term for term in group if len(term) <= key_length]
            if short:
                shards[key] = short
            place([term for term in group if len(term) > key_length], key_length + 1)

    place(sorted(postings), FIRST_KEY_LENGTH)
    return {key: {term: postings[term] for term in sorted(shards[key])} for key in sorted(shards)}


# json.dumps makes a new encoder on every call given options; the index makes tens of thousands of calls.
_ENCODER = json.JSONEncoder(separators=(",", ":"), sort_keys=True, ensure_ascii=False)


def dumps(value):
    """Compact, stable JSON: the same site always makes the same bytes."""
    return _ENCODER.encode(value)
