"""Pelican's content pages written again only when what they are made of changed.

Pelican's pages generator renders and writes every Markdown page of content/pages on
every build: a dozen pages, which a rebuild with 2 rendering workers forked both
workers for (about 0.2 s of CPU of a rebuild in which nothing changed). A page is
made of: the plugins' code and the settings; its template and every template that
one reaches (cache_files.templates); the page itself (its HTML, address and
metadata); and, of `local_offer`, only what its templates read of it: the content
pages' titles and addresses (the menu and footer), the co-production section's menu,
the page's own easy-read link and whether the build is a preview (`SHOWN`). The key holds
exactly those.

A page whose templates read any other part of `local_offer` (an easy-read twin's
page reads its easy-read model) has no key and is written every build, as are all
pages when RELATIVE_URLS is on (the writer's shared `localsiteurl` then follows each
page written) or another plugin's writer is in use. The keys are kept in
CACHE_PATH/content_pages-written.json (cache_files.pages.WrittenPages), removed when
read and saved when the build has finished (`finalized`), once every page is on disk.
"""

import json
import re
from pathlib import Path

from jinja2 import TemplateNotFound
from pelican.generators import PagesGenerator

from localoffer.cache_files import digest, package_digest, settings_digest
from localoffer.cache_files.pages import WrittenPages
from localoffer.cache_files.templates import template_closure, templates_digest
from localoffer.contract import contract_of
from localoffer.safe_build.atomic_writer import QueuedWriter

RECORD = "content_pages-written.json"

# The parts of local_offer this plugin reads (checked by every build: localoffer.contract).
READS = ("navigation", "coproduction", "easy_read", "preview")

# What a content page's templates may read of local_offer for the page to be keyed: the key holds each.
SHOWN = frozenset({"navigation", "coproduction.section", "easy_read.links", "preview", "has"})
# Every use of local_offer in a template, with the part and the attribute of it that follows.
_READ = re.compile(r"\blocal_offer\b(?:\.(\w+)(?:\.(\w+))?)?")

_written = {}  # settings id -> this build's WrittenPages, saved at `finalized`


def keep_unchanged_pages(generators):
    """all_generators_finalized receiver: the pages generator writes only the pages whose key changed."""
    for generator in generators:
        # What an earlier build in this process (autoreload) left unsaved, stopped by an error, is not this build's.
        _written.pop(id(generator.settings), None)
        if isinstance(generator, PagesGenerator):
            generator.generate_output = _changed_pages_only(generator, generator.generate_output)


def save_kept_pages(pelican):
    """finalized receiver: every page is on disk; their keys are kept for the next build."""
    written = _written.pop(id(pelican.settings), None)
    if written is not None:
        written.save()


def _changed_pages_only(generator, generate_output):
    def generate_output_of_changed_pages(writer):
        if not isinstance(writer, QueuedWriter) or generator.settings["RELATIVE_URLS"]:
            return generate_output(writer)
        written = WrittenPages(Path(generator.settings["CACHE_PATH"]) / RECORD, generator.output_path, "removed_pages")
        _written[id(generator.settings)] = written
        return generate_output(ChangedPagesWriter(writer, written, PageKeys(generator)))
    return generate_output_of_changed_pages


class ChangedPagesWriter:
    """The build's writer, but a content page whose key is the one its file was written from is
    left as it is (claimed as written, so a second page at the same address fails as before)."""

    def __init__(self, writer, written, keys):
        self._writer, self._written, self._keys = writer, written, keys

    def __getattr__(self, name):
        # Everything else is the wrapped writer's (safe_build's render_queue, keep_file).
        return getattr(self._writer, name)

    def write_file(self, name, template, context, *args, page=None, override_output=False, **kwargs):
        if page is not None and self._written.is_current(name, self._keys.key(page, template)):
            self._writer.keep_file(name, override_output)
            return None
        return self._writer.write_file(name, template, context, *args, page=page, override_output=override_output, **kwargs)


class PageKeys:
    """The key of each content page the generator writes (see above); None for a page that has none."""

    def __init__(self, generator):
        self.env, self.settings = generator.env, generator.settings
        local_offer = contract_of(generator.context, "removed_pages", READS)
        self.common = digest(package_digest(), settings_digest(self.settings), _shown(local_offer, generator.context))
        # Every page's easy-read address (10,000 services' too): a page's key takes only its own, which
        # is what partials/easy_read_version_link.html looks up (by the page's address).
        self.easy_read_links = local_offer.easy_read.links if local_offer.has("easy_read") else {}
        self._templates = {}  # template name -> its closure's digest, or None when it reads other parts

    def key(self, page, template):
        template_key = self._template_key(template.name)
        if template_key is None:
            return None
        facts = [page.url, page.save_as, page.lang, page.status, page.metadata, self.easy_read_links.get(page.url)]
        return digest(self.common, template_key, page.content, json.dumps(facts, sort_keys=True, default=str))

    def _template_key(self, name):
        if name not in self._templates:
            self._templates[name] = templates_digest(self.env, name) if _reads_only_shown(self.env, name) else None
        return self._templates[name]


def _reads_only_shown(env, name):
    """Whether `name` and the templates it reaches read nothing of local_offer but SHOWN."""
    for used in template_closure(env, name):
        try:
            source = env.loader.get_source(env, used)[0]
        except TemplateNotFound:
            continue  # it reads nothing; its absence is in the template's digest
        for part, attribute in _READ.findall(source):
            if part not in SHOWN and f"{part}.{attribute}" not in SHOWN:
                return False
    return True


def _shown(local_offer, context):
    """What every content page may show of local_offer (SHOWN) but its easy-read link, as JSON text."""
    has = [part for part in ("navigation", "coproduction", "easy_read") if local_offer.has(part)]
    navigation = local_offer.navigation if "navigation" in has else context.get("pages", [])
    return json.dumps({
        "has": has,
        "navigation": [(str(page.title), str(page.url)) for page in navigation],
        "section": local_offer.coproduction.section if "coproduction" in has else None,
        "preview": local_offer.preview if local_offer.has("preview") else None,
    }, sort_keys=True, default=str)
