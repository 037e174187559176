"""Every file of the search data, as {path under SEARCH_DATA_PATH: text}.

A pure function of the services and settings, so a unit test can build the
files without Pelican, and the same site always gives the same bytes.
"""

from .documents import service_document
from .text import fold
from .shards import build_index, dumps
from .store import facets, store_page
from .terms import TermFiles, file_digest, version_of
from .weights import Analyzer

MANIFEST = "manifest.json"
FILTERS = "filters/"


def search_files(services, glossary, categories, needs, areas, options, card, cache=None, terms=None, folder=None,
                 page_key=None):
    """Return (files, manifest, digests): the files to write, {path: text}, and the digest of
    every file of this build, {path: digest}: those to write and those the last build wrote
    that are still right. `options` holds the SEARCH_* settings; `card(service)` renders a
    result's HTML; `cache` (a cache.CountsCache) gives the term counts of services it already
    knows; `terms` (a terms.TermFiles) re-makes only the term and word files a change touched,
    from the files in `folder` (a folder.DataFolder: the data folder as the last build left
    it), which also keeps the store pages whose cards have the same `page_key(services)`."""
    boosts = options["SEARCH_FIELD_BOOSTS"]
    analyzer = Analyzer()

    def compute(number, service):
        # Only here is the description read, and so its Markdown rendered.
        return analyzer.field_counts(service_document(number, service, glossary), boosts)
    terms = terms or TermFiles(None, None, enabled=False)
    files, digests, shard_keys, word_count = terms.make(
        services, cache, compute, boosts, analyzer.k1, analyzer.b, options["SEARCH_SHARD_BYTES"],
        folder and folder.folder, folder and folder.holds)
    if cache is not None:
        # Its rows now (a full build saved them already: terms.py), not with the other caches
        # after the files are written: until it is saved it holds the counts text of every
        # service it made (460 MB at 100,000 services), and a row says what one service's
        # text gives, whatever the files on disk.
        cache.save()
    digests = dict(digests)  # with every other file's, for the version; terms keeps its own
    files["topics.json"] = dumps(topics(needs, categories, analyzer))
    # A store page is rendered only when its services' cards may have changed (a rebuild
    # after one provider changed renders one page of 5 cards, not 10,000 cards).
    page_size = options["SEARCH_STORE_PAGE_SIZE"]
    for number, start in enumerate(range(0, len(services), page_size)):
        path, page = f"store/{number}.json", services[start:start + page_size]
        found = folder.page(path, page_key(page)) if folder is not None and page_key is not None else None
        if found is None:
            files[path] = dumps(store_page(page, card))
        else:
            digests[path] = found
    # Only the changed services' filter bits, when the term files' rows say which changed.
    changed = terms.changed
    kept = folder.kept_texts(FILTERS) if folder is not None and changed is not None else None
    kept = {path[len(FILTERS):-len(".txt")]: text for path, text in kept.items()} if kept else None
    values, bitsets = facets(services, categories, needs, areas, kept, changed)
    files.update({f"{FILTERS}{name}.txt": value for name, value in bitsets.items()})
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
    for path in (MANIFEST, "whole-index.json"):
        if path in files:
            digests[path] = file_digest(files[path])
    return files, manifest, digests


def topics(needs, categories, analyzer):
    """[[label, url, [term, ...]], ...] of every need and category: a search that finds
    nothing offers those whose labels share a word with it."""
    return [[term.label, term.url, sorted(set(analyzer.terms(fold(term.label))))] for term in [*needs, *categories]]
