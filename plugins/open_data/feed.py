"""Every document of the static Open Referral UK feed, by the address it is served at.

Each address is a folder with an `index.json`, so that `/open-referral/services/`
works on any static host, as an Open Referral client asks for it.
"""

import json
from pathlib import Path

from .oruk_mapping import oruk_service, oruk_service_summary
from .taxonomy import taxonomy_document, term_document

VERSION = "HSDS-UK-3.0"
PROFILE = "https://github.com/OpenReferralUK/uk-profile/blob/main/docs/index.md"
OPENAPI = Path(__file__).parent / "oruk" / "schema" / "openapi.json"


def feed_documents(published, site, root="open-referral"):
    """{path relative to the output folder: document}. `published`: (data, service) pairs, drafts never."""
    documents = {f"{root}/index.json": {
        "version": VERSION,
        "profile": PROFILE,
        "openapi_url": f"{site.base}/{root}/openapi.json",
    }}
    services = sorted((oruk_service(data, service, site) for data, service in published), key=lambda s: (s["name"].casefold(), s["id"]))
    for service in services:
        documents[f"{root}/services/{service['id']}/index.json"] = service
    documents[f"{root}/services/index.json"] = page([oruk_service_summary(service) for service in services])

    taxonomies = list(site.taxonomies.values())
    terms = []
    for taxonomy in taxonomies:
        document = taxonomy_document(taxonomy, site.base)
        own_terms = [term_document(taxonomy, code, site.base) for code in taxonomy.terms]
        documents[f"{root}/taxonomies/{document['id']}/index.json"] = {**document, "taxonomy_terms": own_terms}
        terms.extend(own_terms)
    documents[f"{root}/taxonomies/index.json"] = page([taxonomy_document(t, site.base) for t in taxonomies])
    for term in terms:
        documents[f"{root}/taxonomy_terms/{term['id']}/index.json"] = term
    documents[f"{root}/taxonomy_terms/index.json"] = page(terms)
    return documents


def page(contents):
    """All of a list on one page: a static host cannot answer ?page=2."""
    return {
        "total_items": len(contents),
        "total_pages": 1,
        "page_number": 1,
        "size": len(contents),
        "first_page": True,
        "last_page": True,
        "empty": not contents,
        "contents": contents,
    }


def document_bytes(document):
    """Sorted keys and no spaces: the same services give the same bytes, and json's C
    encoder (which indenting turns off) keeps 10,000 services fast."""
    return (json.dumps(document, sort_keys=True, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")


def openapi_bytes():
    """The profile's own OpenAPI description, served beside the feed as `openapi_url` says."""
    return OPENAPI.read_bytes()

