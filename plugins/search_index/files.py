"""Every file of the search data, as {path under SEARCH_DATA_PATH: text}.

A pure function of the services and settings, so a unit test can build the
files without Pelican, and the same site always gives the same bytes.
"""

import hashlib

from .documents import service_document
from .shards import build_index, dumps, split, term_postings
from .store import facets, store_pages

MANIFEST = "manifest.json"


def search_files(services, glossary, categories, needs, areas, options):
    """Return (files, manifest). `options` holds the SEARCH_* settings."""
    boosts = options["SEARCH_FIELD_BOOSTS"]
    documents = [service_document(number, service, glossary) for number, service in enumerate(services)]
    index = build_index(documents, boosts)
    shards = split(term_postings(index), options["SEARCH_SHARD_BYTES"])
    files = {f"terms/{key}.json": dumps(terms) for key, terms in shards.items()}
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
        # For tests and bench/search.py only: the one lunr index the term files come from.
        files["whole-index.json"] = dumps(index.serialize())
    return files, manifest
