"""Every document of the static Open Referral UK feed, by the address it is served at.

Each address is a folder with an `index.json`, so that `/open-referral/services/`
works on any static host, as an Open Referral client asks for it.
"""

import json
from pathlib import Path

from .cache import ServiceEntry
from localoffer.cache_files.joined import joined
from .oruk_mapping import oruk_service, oruk_service_summary
from .taxonomy import taxonomy_document

VERSION = "HSDS-UK-3.0"
PROFILE = "https://github.com/OpenReferralUK/uk-profile/blob/main/docs/index.md"
OPENAPI = Path(__file__).parent / "oruk" / "schema" / "openapi.json"


def service_entry(service, site, csv_line):
    """One service's part of the open data, made once and cached by its provider file, and
    the bytes of its document (written, never cached: see generator.py)."""
    document = oruk_service(service, site)
    entry = ServiceEntry(document["id"], (document["name"].casefold(), document["id"]),
                         document_text(oruk_service_summary(document)), csv_line)
    return entry, document_bytes(document)


def service_document(service, site):
    """The bytes of one service's document in the feed."""
    return document_bytes(oruk_service(service, site))


def service_path(root, uuid):
    return f"{root}/services/{uuid}/index.json"


def services_page_path(root):
    return f"{root}/services/index.json"


def feed_files(site, root="open-referral"):
    """{path relative to the output folder: bytes} of the feed but the services' own documents
    (service_path) and the page of services (services_page_path): the generator writes those."""
    files = {f"{root}/index.json": document_bytes({
        "version": VERSION,
        "profile": PROFILE,
        "openapi_url": f"{site.base}/{root}/openapi.json",
    })}
    taxonomies = list(site.taxonomies.values())
    terms = []
    for taxonomy in taxonomies:
        document = taxonomy_document(taxonomy, site.base)
        own_terms = [site.term(taxonomy.key, code) for code in taxonomy.terms]
        files[f"{root}/taxonomies/{document['id']}/index.json"] = document_bytes({**document, "taxonomy_terms": own_terms})
        terms.extend(own_terms)
    files[f"{root}/taxonomies/index.json"] = document_bytes(page([taxonomy_document(t, site.base) for t in taxonomies]))
    for term in terms:
        files[f"{root}/taxonomy_terms/{term['id']}/index.json"] = document_bytes(term)
    files[f"{root}/taxonomy_terms/index.json"] = document_bytes(page(terms))
    files[f"{root}/openapi.json"] = OPENAPI.read_bytes()
    return files


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


# A page of documents as bytes (page_bytes): PAGE_HEAD, the documents with PAGE_SEPARATOR
# between two, and page_tail. The page's keys sorted put "contents" first.
PAGE_HEAD = b'{"contents":['
PAGE_SEPARATOR = b","


def page_tail(count):
    """What follows the last of `count` documents on their page."""
    rest = document_text({key: value for key, value in page(range(count)).items() if key != "contents"})
    return ("]," + rest[1:] + "\n").encode("utf-8")


def page_bytes(texts):
    """document_bytes(page(contents)) from each of the contents' document_text, joined: the
    list of 10,000 services is made without decoding and encoding each one again."""
    return joined(PAGE_HEAD, [text.encode("utf-8") for text in texts], PAGE_SEPARATOR, page_tail(len(texts)))


def document_text(document):
    """document_bytes without its final line break, as text."""
    return json.dumps(document, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def document_bytes(document):
    """Sorted keys and no spaces: the same services give the same bytes, and json's C
    encoder (which indenting turns off) keeps 10,000 services fast."""
    return (document_text(document) + "\n").encode("utf-8")
