"""Every file of the search data, as {path under SEARCH_DATA_PATH: text}.

A pure function of the services and settings, so a unit test can build the
files without Pelican, and the same site always gives the same bytes.
"""

import hashlib

from .documents import service_document
from .spelling import display_words, word_files
from .text import fold
from .shards import build_index, dumps, term_files
from .store import facets, store_pages
from .weights import WORDS, Analyzer, term_postings

MANIFEST = "manifest.json"


def search_files(services, glossary, categories, needs, areas, options, card, cache=None):
    """Return (files, manifest). `options` holds the SEARCH_* settings; `card(service)`
    renders a result's HTML; `cache` (a cache.CountsCache) gives the term counts of
    services it already knows."""
    boosts = options["SEARCH_FIELD_BOOSTS"]
    analyzer = Analyzer()
    counts = []
    if cache:
        cache.expect(services)  # their counts are read a few hundred a query
    for number, service in enumerate(services):
        def compute(number=number, service=service):
            # Only here is the description read, and so its Markdown rendered.
            return analyzer.field_counts(service_document(number, service, glossary), boosts)
        counts.append(cache.counts(service, compute) if cache else compute())
    postings = term_postings(counts, boosts, analyzer.k1, analyzer.b)
    shards = term_files(postings, options["SEARCH_SHARD_BYTES"])
    files = {f"terms/{key}.json": text for key, text in shards.items()}
    shown = display_words(document[WORDS] for document in counts)
    common_first = sorted(postings, key=lambda term: (-len(postings[term]), term))
    spellings, spelling_files = word_files([(shown[term], term) for term in common_first])
    files.update({f"words/{number}.txt": text for number, text in spellings.items()})
    files["topics.json"] = dumps(topics(needs, categories, analyzer))
    pages = store_pages(services, options["SEARCH_STORE_PAGE_SIZE"], card)
    files.update({f"store/{number}.json": dumps(page) for number, page in enumerate(pages)})
    values, bitsets = facets(services, categories, needs, areas)
    files.update({f"filters/{name}.txt": value for name, value in bitsets.items()})

    version = hashlib.sha256()
    for path in sorted(files):
        version.update(path.encode() + b"\0" + files[path].encode() + b"\0")
    manifest = {
        "version": version.hexdigest()[:16],
        "count": len(services),
        "terms": sorted(shards),
        "words": spelling_files,
        "storePageSize": options["SEARCH_STORE_PAGE_SIZE"],
        "filters": values,
    }
    files[MANIFEST] = dumps(manifest)
    if options.get("SEARCH_WHOLE_INDEX"):
        # For tests and bench/search.py only: the whole lunr.py index of the same
        # documents, whose weights the term files hold.
        documents = [service_document(number, service, glossary) for number, service in enumerate(services)]
        files["whole-index.json"] = dumps(build_index(documents, boosts).serialize())
    return files, manifest


def topics(needs, categories, analyzer):
    """[[label, url, [term, ...]], ...] of every need and category: a search that finds
    nothing offers those whose labels share a word with it."""
    return [[term.label, term.url, sorted(set(analyzer.terms(fold(term.label))))] for term in [*needs, *categories]]
