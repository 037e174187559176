"""The Pelican generator that turns provider files into the directory.

Two phases, as Pelican's own generators: `generate_context` reads and checks
every file and builds the services and listings (so other plugins, such as
search, can read them from the context); `generate_output` only writes.
"""

import logging
import time
from functools import partial
from pathlib import Path

from pelican.generators import Generator
from pelican.log import console

from localoffer.cache_files import digest, package_digest, settings_digest
from localoffer.cache_files.pages import remove_page
from localoffer.cache_files.templates import templates_digest
from localoffer.contract import BuildSummary, LocalOffer, ReviewDates, Taxonomy

from .build_cache import BuildCache, KeptCheckedFile, file_stat, trusted_stat
from .images import publish_images
from .listings import write_listings
from .loader import PackedLines, record_from_checked
from .markdown_text import MarkdownRenderer
from .page_inputs import content_digest
from localoffer.written_yaml.problems import ERROR, WARNING
from .service import ServiceMaker, facts_fit, service_facts, term_ids
from .settings import build_date, months_before
from .terms import file_services, make_age_groups, make_need_groups, make_terms
from .validate import ProviderChecker, provider_files, stamps_of

logger = logging.getLogger(__name__)

# The parts of local_offer this plugin reads: none, it creates local_offer and publishes the first parts.
READS = ()

# The build log names at most this many warnings (warnings_report).
LOGGED_WARNINGS = 20


def keeps_file_data(settings):
    """Whether a build holds each checked file's data: only the editorial report (EDITORIAL_REPORT, on in
    a preview and in any build that turns it on) reads every file's data, drafts included or not."""
    return bool(settings.get("EDITORIAL_REPORT"))


class ServiceGenerator(Generator):
    def generate_context(self):
        # Before any file is looked at: a file changed since may change again unseen (build_cache.trusted_stat).
        self._started_ns = time.time_ns()
        settings = self.settings
        providers_path = Path(settings["PROVIDERS_PATH"])
        today = build_date(settings)  # the one build date: every other plugin reads it from local_offer.dates
        stale_before = months_before(today, settings["SERVICES_STALE_AFTER_MONTHS"])
        checker = ProviderChecker(
            settings["LOCAL_OFFER_CATEGORIES"], settings["LOCAL_OFFER_AREAS"],
            today, display_root=providers_path.parent, stale_before=stale_before,
            max_file_bytes=settings["SERVICES_MAX_FILE_BYTES"], max_picture_pixels=settings["SERVICES_MAX_PICTURE_PIXELS"],
        )
        self.cache = BuildCache(settings["CACHE_PATH"], self._fingerprint(), settings["SERVICES_CACHE"])
        # Pelican's pages generator has read content/pages by now (it runs before plugins' generators).
        self._content = content_digest(settings, self.context.get("pages", []))
        # What every service page shows besides its own service: keyed per page, not in the
        # fingerprint, so that a template edit rewrites the pages and keeps every checked file.
        service_pages_made_of = digest(templates_digest(self.env, "service.html"), self._content)
        self.file_shas = {}
        self.terms = make_terms(settings)
        self._term_ids = term_ids(self.terms)
        self._made = {}  # path -> (facts, record) of the files checked in this build
        paths = provider_files(providers_path)
        include_drafts = bool(settings["SERVICES_INCLUDE_DRAFTS"])
        self._keep_data = keeps_file_data(settings)
        self.cache.expect(paths)  # their kept results are read a few hundred a query
        self.checked_files = [self._check(checker, path) for path in paths]
        self.cache.save_checks()

        maker = ServiceMaker(self.terms, MarkdownRenderer(), settings, self.context, stale_before)
        self.summary = {"published": 0, "draft": 0, "closed": 0, "rejected": 0, "hidden": 0}
        hide_months = settings["SERVICES_HIDE_AFTER_MONTHS"]
        hide_before = months_before(today, hide_months) if hide_months else None
        self.pages = []  # every service that gets a page
        self._page_keys = {}  # save_as -> what the kept page was made from
        for checked in self.checked_files:
            if not checked.ok:
                self.summary["rejected"] += 1
                continue
            facts, make_record = self._facts(checked)
            if hide_before and facts["last_reviewed"] < hide_before.isoformat():
                # A council may choose to stop showing services nobody has checked for a very long time.
                self.summary["hidden"] += 1
                continue
            self.summary[facts["status"]] += 1
            if facts["status"] == "draft" and not include_drafts:
                continue
            service = maker.make(facts, checked.path, make_record)
            # Other plugins key their own caches on it: the same digest means the same file.
            service.source_sha = self.file_shas[str(checked.path)]
            # A page is current while its file and pictures are: the stamps the check took (or
            # found still true) are the pictures' now, so they are not taken again for the page.
            self._page_keys[service.save_as] = digest(service_pages_made_of, service.source_sha, *checked.pictures)
            self.pages.append(service)
            self.add_source_path(service)

        self._made = {}  # each service holds its own record now
        self.pages.sort(key=_a_to_z)
        # Closed services keep their page but leave listings and search.
        self.listed = [service for service in self.pages if not service.closed]
        self.age_groups = make_age_groups(settings)
        file_services(self.listed, self.terms, self.age_groups)

        terms = list(self.terms.values())
        dates = ReviewDates(
            build_date=today,
            stale_before=stale_before,
            # The editorial report lists services due for review within a month.
            due_before=months_before(today, settings["SERVICES_STALE_AFTER_MONTHS"] - 1),
        )
        # The contract every other plugin and the theme read (localoffer.contract).
        self.local_offer = LocalOffer()
        self.local_offer.publish(
            "service_directory",
            services=self.listed,
            service_pages=self.pages,
            taxonomy=Taxonomy(
                categories=[term for term in terms if term.kind == "category"],
                needs=[term for term in terms if term.kind == "need"],
                areas=[term for term in terms if term.kind == "area"],
                need_groups=make_need_groups(self.terms),
                age_groups=self.age_groups,
            ),
            dates=dates,
            preview=include_drafts,
            provider_files=self.checked_files,
            summary=BuildSummary(**self.summary),
        )
        self._update_context(("local_offer",))

    def _fingerprint(self):
        """What every cached result depends on, besides the provider file itself: the
        plugins' code, the settings and the build date. Not the templates or content/:
        no check reads them, and a page or listing holds them in its own key, so that
        editing service.html rewrites the service pages but checks no file again."""
        settings = self.settings
        return digest(package_digest(), settings_digest(settings), build_date(settings))

    def _check(self, checker, path):
        # The stat is taken before the bytes are read: a change after it changes the stat.
        stat = file_stat(path)
        kept = self.cache.get_row(path, recheck=lambda: self._check_again(checker, path))
        if kept is not None and stat is not None and kept.stat == stat:
            sha = kept.sha  # the file is as it was when its row was kept (build_cache: trusted_stat)
        else:
            sha = checker.file_digest(path)
        self.file_shas[str(path)] = sha
        checked = kept.checked if kept is not None and kept.sha == sha else None
        stat = trusted_stat(stat, self._started_ns)
        # The check opens the file's pictures too: a picture changed on disk is checked again. A kept
        # row naming terms the settings do not have is not this build's (it counts as missing).
        if (checked is None or checked.pictures != stamps_of(path, checked.picture_names)
                or (checked.facts is not None and not facts_fit(checked.facts, self._term_ids))):
            # One process: with the checks as fast as they are now, worker processes cost more
            # than they saved (10,000 files: 4.3-4.5 s CPU in one, 5.7-6.1 s in two, no sooner).
            checked = self._keep_check(checker, path, sha, checker.check_file(path), stat)
        elif kept.stat != stat:
            # The same bytes with another stat (touched, copied, or too new to trust before): kept
            # with this one, so that the next build need not read them.
            self.cache.put_checked(path, sha, checked, checked.facts, stat)
        return checked

    def _keep_check(self, checker, path, sha, checked, stat):
        """Keep a file checked in this build in the cache; returns what the build holds of it. An
        accepted file is held as a rebuild reads it back (build_cache.KeptCheckedFile), with its
        lines packed and its service's record, made now, kept for the service; its data's text is
        held only when the editorial report is made (EDITORIAL_REPORT, on in previews), which reads
        every file's data: nothing else reads it once the record is made, and the file is checked
        again if anything does."""
        facts = self._facts_of_check(path, checked)
        kept = self.cache.put_checked(path, sha, checked, facts, stat, recheck=partial(checker.check_file, path),
                                      keep_data=self._keep_data)
        if kept is None or facts is None:
            return checked
        # The lines packed, for the record and the kept file alike: the dict goes with the fresh
        # check, and the row's text with the cache's save.
        kept.lines = PackedLines(checked.lines)
        object.__setattr__(self._made[path][1], "lines", kept.lines)
        return kept

    def _check_again(self, checker, path):
        """A kept file's check made again, for a row whose data did not decode; its row is replaced."""
        checked = checker.check_file(path)
        self.cache.put_checked(path, self.file_shas[str(path)], checked, self._facts_of_check(path, checked), None)
        return checked

    def _facts_of_check(self, path, checked):
        """The facts of the service of a file checked in this build (None when the checks left it
        out); its record, made for them, is kept for the service (_facts)."""
        if not checked.ok:
            return None
        record = record_from_checked(checked.data, checked.lines)
        facts = service_facts(record)
        self._made[path] = (facts, record)
        return facts

    def _facts(self, checked):
        """(the facts of the service of an accepted file, a function giving its record)."""
        made = self._made.get(checked.path)
        if made is not None:
            facts, record = made
            return facts, lambda: record
        if isinstance(checked, KeptCheckedFile) and checked.facts is not None:
            return checked.facts, lambda: _kept_record(checked)
        record = record_from_checked(checked.data, checked.lines)
        return service_facts(record), lambda: record

    def generate_output(self, writer):
        settings = self.settings
        for service in self.pages:
            key = self._page_keys[service.save_as]
            self.cache.record_page(service.save_as, key)
            if self.cache.page_is_current(service.save_as, key, self.output_path):
                continue
            publish_images(service, settings["PROVIDERS_PATH"], self.output_path, settings["SERVICES_MAX_PICTURE_PIXELS"])
            self._write(writer, service.save_as, "service", service.url, service.name, service=service)
        self._remove_stale_pages()

        write_listings(self, writer)
        self._write(writer, settings["SERVICES_HOME_SAVE_AS"], "home", "", settings.get("SITENAME", "Local Offer"))
        self._write(writer, settings["SERVICES_404_SAVE_AS"], "404", "404.html", "Page not found")
        self._log_results()
        self.cache.save(set(self.file_shas))
        # Only this generator's pages read these: let go before the pages are rendered (forked from
        # this process) and the other generators write theirs. The files' digests stay: a record
        # made while a page is rendered may find its kept row damaged and check the file again.
        self._page_keys = None

    def _remove_stale_pages(self):
        """A service that was removed, or became a draft, leaves the site."""
        for save_as in self.cache.stale_pages():
            remove_page(self.output_path, save_as, "service_directory", "whose service is no longer published", whole_folder=True)

    def _write(self, writer, save_as, template, url, title, **extra):
        writer.write_file(
            save_as, self.get_template(template), self.context,
            relative_urls=self.settings["RELATIVE_URLS"], url=url,
            page_path=url, page_title=title, **extra,
        )

    def _log_results(self):
        # All problems go in one record, so that a strict build (`--fatal
        # errors`, which stops at the first error logged) still shows them all.
        warnings = [str(p) for c in self.checked_files for p in c.problems if p.severity == WARNING]
        if warnings:
            logger.warning("%s", warnings_report(warnings))
        counts = self.summary
        line = (
            f"service_directory: {counts['published']} published, {counts['draft']} draft, "
            f"{counts['closed']} closed, {counts['rejected']} rejected"
        )
        if self.settings["SERVICES_HIDE_AFTER_MONTHS"]:
            line += f", {counts['hidden']} hidden as not reviewed for {self.settings['SERVICES_HIDE_AFTER_MONTHS']} months"
        errors = [str(p) for c in self.checked_files for p in c.problems if p.severity == ERROR]
        if errors:
            rejected = [c.display_path for c in self.checked_files if not c.ok]
            logger.error(
                "service_directory: %d provider file(s) left out until fixed: %s\n%s\n%s",
                len(rejected), ", ".join(rejected), "\n".join(errors), line,
            )
        else:
            # Pelican shows info logs only with -v; the count is always shown,
            # next to Pelican's own "Done" line.
            console.print(line)


def _kept_record(checked):
    """The record of a kept file's data. Data that decodes but is not a service's (a damaged or planted
    row whose head looked right) is made again by checking the file again, as data that does not
    decode is (KeptCheckedFile): a cache is data, and bad data counts as missing."""
    try:
        return record_from_checked(checked.data, checked.lines)
    except (KeyError, TypeError, ValueError, AttributeError, IndexError):
        if checked._recheck is None:
            raise
        again = checked._recheck()
        checked.data, checked.lines = again.data, again.lines
        return record_from_checked(again.data, again.lines)


def warnings_report(warnings, shown=LOGGED_WARNINGS, heading=None, listed_by="`localoffer validate`"):
    """The log's record of the warnings: every one, or the first `shown` and how many there are.
    The log is rich's, which lays out every line of a record: 3 s for 2,374 warnings at 10,000
    services; `listed_by` lists them all. `heading` names the warnings with their number
    (easy_read's findings); by default they are the provider files' warnings."""
    if len(warnings) <= shown:
        return (heading or "service_directory: warnings in provider files") + ":\n" + "\n".join(warnings)
    heading = heading or f"service_directory: {len(warnings)} warnings in provider files"
    return f"{heading}, the first {shown} here ({listed_by} lists every one):\n" + "\n".join(warnings[:shown])


def _a_to_z(service):
    return (service.name.casefold(), service.id)
