"""Every file of the search data, as {path under SEARCH_DATA_PATH: text}.

A pure function of the services and settings, so a unit test can build the
files without Pelican, and the same site always gives the same bytes.
"""

from .documents import service_document
from .text import fold
from .shards import build_index, dumps
from .store import facets, store_pages
from .terms import TermFiles, file_digest, version_of
from .weights import Analyzer

MANIFEST = "manifest.json"


def search_files(services, glossary, categories, needs, areas, options, card, cache=None, terms=None, folder=None):
    """Return (files, manifest, kept): the files to write, {path: text}, and the paths of the
    files the last build wrote that are still right. `options` holds the SEARCH_* settings;
    `card(service)` renders a result's HTML; `cache` (a cache.CountsCache) gives the term
    counts of services it already knows; `terms` (a terms.TermFiles) re-makes only the term
    and word files a change touched, from the files in `folder` (the data folder)."""
    boosts = options["SEARCH_FIELD_BOOSTS"]
    analyzer = Analyzer()

    def compute(number, service):
        # Only here is the description read, and so its Markdown rendered.
        return analyzer.field_counts(service_document(number, service, glossary), boosts)
    terms = terms or TermFiles(None, None, enabled=False)
    files, digests, shard_keys, word_count = terms.make(
        services, cache, compute, boosts, analyzer.k1, analyzer.b, options["SEARCH_SHARD_BYTES"], folder)
    kept = sorted(set(digests) - set(files))
    digests = dict(digests)  # with every other file's, for the version; terms keeps its own
    files["topics.json"] = dumps(topics(needs, categories, analyzer))
    pages = store_pages(services, options["SEARCH_STORE_PAGE_SIZE"], card)
    files.update({f"store/{number}.json": dumps(page) for number, page in enumerate(pages)})
    values, bitsets = facets(services, categories, needs, areas)
    files.update({f"filters/{name}.txt": value for name, value in bitsets.items()})
    for path, text in files.items():
        digests.setdefault(path, file_digest(text))
    manifest = {
        "version": version_of(digests),
        "count": len(services),
        "terms": shard_keys,
        "words": word_count,
        "storePageSize": options["SEARCH_STORE_PAGE_SIZE"],
        "filters": values,
    }
    files[MANIFEST] = dumps(manifest)
    if options.get("SEARCH_WHOLE_INDEX"):
        # For tests and bench/search.py only: the whole lunr.py index of the same
        # documents, whose weights the term files hold.
        documents = [service_document(number, service, glossary) for number, service in enumerate(services)]
        files["whole-index.json"] = dumps(build_index(documents, boosts).serialize())
    return files, manifest, kept


def topics(needs, categories, analyzer):
    """[[label, url, [term, ...]], ...] of every need and category: a search that finds
    nothing offers those whose labels share a word with it."""
    return [[term.label, term.url, sorted(set(analyzer.terms(fold(term.label))))] for term in [*needs, *categories]]
