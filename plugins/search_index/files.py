"""Every file of the search data, as {path under SEARCH_DATA_PATH: text}.

A pure function of the services and settings, so a unit test can build the
files without Pelican, and the same site always gives the same bytes.
"""

import hashlib

from .documents import service_document
from .shards import build_index, dumps, term_files
from .store import facets, store_pages
from .weights import Analyzer, term_postings

MANIFEST = "manifest.json"


def search_files(services, glossary, categories, needs, areas, options, cache=None):
    """Return (files, manifest). `options` holds the SEARCH_* settings; `cache`
    (a cache.CountsCache) gives the term counts of services it already knows."""
    boosts = options["SEARCH_FIELD_BOOSTS"]
    analyzer = Analyzer()
    counts = []
    for number, service in enumerate(services):
        def compute(number=number, service=service):
            # Only here is the description read, and so its Markdown rendered.
            return analyzer.field_counts(service_document(number, service, glossary), boosts)
        counts.append(cache.counts(service, compute) if cache else compute())
    shards = term_files(term_postings(counts, boosts, analyzer.k1, analyzer.b), options["SEARCH_SHARD_BYTES"])
    files = {f"terms/{key}.json": text for key, text in shards.items()}
    pages = store_pages(services, options["SEARCH_STORE_PAGE_SIZE"])
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
