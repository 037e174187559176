"""The Pelican generator for easy read.

It comes after service_directory in PLUGINS, so `local_offer.service_pages`
is published when generate_context runs, and after Pelican's pages generator,
so the Markdown twins are read. generate_context makes every easy-read page,
runs the check and publishes its own part, `local_offer.easy_read`
(localoffer.contract.EasyReadPart); generate_output only writes.
"""

import datetime
import logging
import os
from pathlib import Path

from pelican.generators import Generator
from pelican.log import console

from localoffer.cache_files import digest, package_digest, settings_digest
from localoffer.cache_files.pages import remove_page
from localoffer.cache_files.templates import templates_digest
from localoffer.contract import EasyReadPart, contract_of, publish_part
from localoffer.service_directory.generator import warnings_report
from localoffer.service_directory.page_inputs import content_digest

from .cache import BuildCache, KeptPage, models_fingerprint, service_key, terms_text, twin_key
from .check import Checker, Finding
from .content_pages import HOME, build_twin_page, find_standard, twin_target
from .glossary import load_glossary
from .pictures import PICTURES, copy_pictures, openmoji_package
from .service_pages import build_service_page, easy_read_address
from .words import CATEGORY_WORDS

logger = logging.getLogger(__name__)

# The parts of local_offer this plugin reads (checked by every build: localoffer.contract).
READS = ("service_pages", "taxonomy")


class EasyReadCheckFailed(Exception):
    """Raised when EASY_READ_STRICT is on and the check finds a problem: Pelican exits with 1."""

    exitcode = 1


class EasyReadGenerator(Generator):
    def generate_context(self):
        settings = self.settings
        glossary = load_glossary(settings["EASY_READ_GLOSSARY"], settings["EASY_READ_ALLOWED_CAPITALS"])
        self.checker = Checker(
            glossary,
            max_words=settings["EASY_READ_MAX_WORDS"],
            min_reading_ease=settings["EASY_READ_MIN_READING_EASE"],
            max_points=settings["EASY_READ_MAX_POINTS"],
            hard_words=settings["EASY_READ_HARD_WORDS"],
            pictures_url="/" + settings["EASY_READ_PICTURES_URL"],
        )
        # Each page's model and findings are kept between builds (cache.py): a
        # service or twin that did not change is not built or checked again.
        self.cache = BuildCache(settings.get("CACHE_PATH", "cache"), settings["EASY_READ_CACHE"])
        self.cache.use_models(models_fingerprint(settings))
        self.findings = []
        self.twins = self._pair_twins()
        self.services = []  # [(service, KeptPage)]
        self.service_keys = []  # their cache keys, in the same order
        if settings["EASY_READ_SERVICES"]:
            category_words = {**CATEGORY_WORDS, **settings["EASY_READ_CATEGORY_WORDS"]}
            display_path = _DisplayPaths(Path(settings.get("PROVIDERS_PATH", "providers")).parent)
            local_offer = contract_of(self.context, "easy_read", READS)
            services = [(service, display_path(service.source_path)) for service in local_offer.service_pages]
            terms = terms_text(local_offer.taxonomy)
            keys = [service_key(service, display, terms) for service, display in services]
            # A service in the last build's facts row comes back as its findings and address, its
            # page read only if it is written; the models of the others are read a few hundred a query.
            self.cache.expect(keys)
            self.service_keys = keys
            for (service, display), key in zip(services, keys):

                def build(service=service, display=display):
                    page = build_service_page(service, self.checker, display, category_words,
                                              settings["EASY_READ_AREA_NAME"], settings["EASY_READ_MONEY_CATEGORIES"])
                    # The template also shows the service's name, summary and address.
                    return KeptPage(page, digest(repr(page), service.name, service.summary, service.url))

                kept = self.cache.service_model(key, build, display, *easy_read_address(service.url))
                self.services.append((service, kept))
                self.findings += kept.findings
        for _, page in self.twins:
            self.findings += page.findings
        self.checker.forget()  # every page is made: what it remembers of each text would only be held

        links = {page.standard_url: page.url for _, page in self.twins}
        links.update({service.url: kept.url for service, kept in self.services})
        self.findings.sort(key=lambda finding: (finding.file, finding.line or 0))
        # Its own part of the contract, published once; the easy-read twin
        # template finds its page there (EasyReadPart.twin), not on Pelican's page.
        publish_part(self.context, "easy_read", easy_read=EasyReadPart(
            links=links, findings=self.findings,
            twins={twin.source_path: page for twin, page in self.twins},
        ))
        self._report()

    def _pair_twins(self):
        """Take the twins out of the page lists, pair each with its standard
        page, and return [(twin Page, EasyReadPage)]."""
        pages = self.context.get("pages", [])
        hidden = self.context.get("hidden_pages", [])
        content_root = Path(self.settings["PATH"]).resolve().parent
        siteurl = self.settings.get("SITEURL", "")
        twins = [(page, twin_target(page)) for page in [*pages, *hidden]]
        twins = [(page, target) for page, target in twins if target is not None]
        standards = [page for page in [*pages, *hidden] if twin_target(page) is None]
        paired = []
        for twin, target in sorted(twins, key=lambda pair: pair[0].source_path):
            for group in (pages, hidden):
                if twin in group:
                    group.remove(twin)
            display = _display_path(twin.source_path, content_root)
            if target == HOME:
                standard_url = ""
            else:
                standard = find_standard(target, twin, standards)
                if standard is None:
                    message = f'there is no page "{target}" to pair this easy-read page with, so it is not published'
                    self.findings.append(Finding(display, None, "pairing", message))
                    continue
                standard_url = standard.url
            page = self.cache.model(
                twin_key(twin, standard_url, display, siteurl),
                lambda: build_twin_page(twin, standard_url, self.checker, display, siteurl),
            )
            # Pelican's pages generator writes the twin, at its easy-read address and out of the menus:
            # the address and template are Pelican's own per-page settings (as `URL:`, `Save_as:` and
            # `Template:` metadata would set them); the easy-read page itself is in local_offer.easy_read.
            twin.override_url, twin.override_save_as = page.url, page.save_as
            twin.template = "easy_read_page"
            hidden.append(twin)
            paired.append((twin, page))
        return paired

    def _report(self):
        findings = self.findings
        if findings:
            files = len({finding.file for finding in findings})
            if self.settings["EASY_READ_STRICT"]:
                listing = "\n".join(str(finding) for finding in findings)  # the build stops: every one
                self.cache.save(pages_too=False)  # the next build need not check unchanged pages again
                logger.error("easy_read: %d easy-read problem(s) in %d file(s):\n%s", len(findings), files, listing)
                raise EasyReadCheckFailed(
                    f"easy_read: {len(findings)} easy-read problem(s), and EASY_READ_STRICT is on, so the build stops"
                )
            # The first ones and the count, as service_directory logs its warnings: rich laid out
            # every finding (thousands at 10,000 services); the editorial report lists them all.
            heading = f"easy_read: {len(findings)} easy-read problem(s) in {files} file(s)"
            logger.warning("%s", warnings_report([str(finding) for finding in findings], heading=heading,
                                                 listed_by="the editorial report"))
        console.print(
            f"easy_read: {len(self.services)} service pages and {len(self.twins)} content pages "
            f"in easy read, {len(findings)} problem(s)"
        )

    def generate_output(self, writer):
        settings = self.settings
        output = Path(self.output_path)
        copy_pictures(output / settings["EASY_READ_PICTURES_URL"])
        cache = self.cache
        cache.use_pages(self._fingerprint())
        written = cache.not_current([(kept.save_as, kept.page_key) for _, kept in self.services], str(output))
        written = [(key, service, kept) for written, key, (service, kept) in zip(written, self.service_keys, self.services)
                   if written]
        cache.expect_pages([(key, kept) for key, _, kept in written])
        # Loaded (and compiled, the first time) only for a page to write: a rebuild often has none.
        template = self.get_template("easy_read_service") if written else None
        for _, service, kept in written:
            # The page's title is its service's name (build_service_page): a page made in this build
            # stays text until its template reads it (KeptPage.for_template).
            writer.write_file(
                kept.save_as, template, self.context, relative_urls=settings["RELATIVE_URLS"], url=kept.url,
                page_path=kept.url, page_title=service.name, easy_read=kept.for_template(), service=service,
            )
        self._write_pictures_page(writer, str(output))
        for save_as in cache.gone():
            remove_page(output, save_as, "easy_read", "whose service has no easy-read page now")
        cache.save()
        # Nothing reads the models again (the pages still to be rendered hold their own): let
        # them go rather than keep them to the end of the build.
        self.services = self.service_keys = self.cache = None

    def _write_pictures_page(self, writer, output_path):
        """The page of every picture, written when its template (or what it reaches), the
        OpenMoji version or what every easy-read page depends on (_fingerprint) changed."""
        package = openmoji_package()
        url = self.settings["EASY_READ_PICTURES_URL"]
        version = package[0] if package else None
        key = digest(templates_digest(self.env, "easy_read_pictures.html"), version)
        if self.cache.not_current([(url + "index.html", key)], output_path)[0]:
            writer.write_file(
                url + "index.html", self.get_template("easy_read_pictures"), self.context,
                relative_urls=self.settings["RELATIVE_URLS"], url=url, page_path=url,
                page_title="Pictures in our easy read pages",
                pictures=[(name, PICTURES[name][1]) for name in sorted(PICTURES)],
                openmoji_version=version,
            )

    def _fingerprint(self):
        """What every written service page depends on, besides its own model: the
        package's code (not only this plugin's: the page's layout calls other plugins'
        globals, site_chrome, the CSP meta tag, feedback_url), the templates the page is made of (so editing service.html
        leaves easy-read pages alone), the content pages as menu links (their text
        is not on these pages) and every other file in content/ whole, the
        settings and the build date."""
        settings = self.settings
        return digest(
            package_digest(),
            templates_digest(self.env, "easy_read_service.html"),
            content_digest(settings, self.context.get("pages", [])),
            settings_digest(settings),
            settings.get("SERVICES_BUILD_DATE") or datetime.date.today(),
        )


def _display_path(source_path, root):
    """A file's path as editors know it: providers/x.yaml, content/pages/x.md."""
    try:
        return Path(os.path.relpath(source_path, root)).as_posix()
    except ValueError:
        return Path(source_path).as_posix()


class _DisplayPaths:
    """_display_path for many files under one root: worked out once a folder (every provider
    file sits in one of a few), then each file's name joined to its folder's answer, as relpath
    would join it: os.path.relpath, and a check of each path, cost 20 ms at 10,000 services."""

    def __init__(self, root):
        self.root = root
        self.folders = {}  # folder -> its display path with a trailing "/" ("" for the root itself)

    def __call__(self, source_path):
        source_path = str(source_path)
        folder, _, name = source_path.rpartition(os.sep)
        if not folder or name in ("", ".", ".."):
            return _display_path(source_path, self.root)
        prefix = self.folders.get(folder)
        if prefix is None:
            # A plain name joins its folder's path as it is: the path of a file "x" there, less the "x".
            prefix = self.folders[folder] = _display_path(os.path.join(folder, "x"), self.root)[:-1]
        return prefix + name
