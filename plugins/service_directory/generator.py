"""The Pelican generator that turns provider files into the directory.

Two phases, as Pelican's own generators: `generate_context` reads and checks
every file and builds the services and listings (so other plugins, such as
search, can read them from the context); `generate_output` only writes.
"""

import itertools
import logging
from pathlib import Path

from pelican.generators import Generator
from pelican.log import console

from .images import publish_images
from .markdown_text import MarkdownRenderer
from .problems import ERROR, WARNING
from .service import make_service
from .settings import build_date
from .terms import file_services, make_age_groups, make_need_groups, make_terms
from .validate import ProviderChecker

logger = logging.getLogger(__name__)


class ServiceGenerator(Generator):
    def generate_context(self):
        settings = self.settings
        providers_path = Path(settings["PROVIDERS_PATH"])
        checker = ProviderChecker(
            settings["LOCAL_OFFER_CATEGORIES"], settings["LOCAL_OFFER_AREAS"],
            build_date(settings), display_root=providers_path.parent,
        )
        self.checked_files = checker.check_folder(providers_path) if providers_path.is_dir() else []
        include_drafts = bool(settings["SERVICES_INCLUDE_DRAFTS"])

        self.terms = make_terms(settings)
        renderer = MarkdownRenderer()
        self.summary = {"published": 0, "draft": 0, "closed": 0, "rejected": 0}
        self.pages = []  # every service that gets a page
        for checked in self.checked_files:
            if not checked.ok:
                self.summary["rejected"] += 1
                continue
            self.summary[checked.status] += 1
            if checked.status == "draft" and not include_drafts:
                continue
            service = make_service(checked.data, checked.path, self.terms, renderer, settings, self.context)
            self.pages.append(service)
            self.add_source_path(service)

        self.pages.sort(key=_a_to_z)
        # Closed services keep their page but leave listings and search.
        self.listed = [service for service in self.pages if not service.closed]
        self.age_groups = make_age_groups(settings)
        file_services(self.listed, self.terms, self.age_groups)

        terms = list(self.terms.values())
        self.context.update({
            "services": self.listed,
            "service_pages": self.pages,
            "categories": [term for term in terms if term.kind == "category"],
            "needs": [term for term in terms if term.kind == "need"],
            "areas": [term for term in terms if term.kind == "area"],
            "need_groups": make_need_groups(self.terms),
            "age_groups": self.age_groups,
            "build_summary": dict(self.summary),
            "provider_problems": [problem for checked in self.checked_files for problem in checked.problems],
            "IS_PREVIEW": include_drafts,
        })

    def generate_output(self, writer):
        settings = self.settings
        for service in self.pages:
            publish_images(service, settings["PROVIDERS_PATH"], self.output_path)
            self._write(writer, service.save_as, "service", service.url, service.name, service=service)

        self._write(writer, settings["SERVICES_INDEX_SAVE_AS"], "services", settings["SERVICES_INDEX_URL"],
                    "Services A to Z", letters=_by_letter(self.listed))
        for term in list(self.terms.values()) + self.age_groups:
            if term.save_as:
                self._write(writer, term.save_as, "term", term.url, term.label, term=term, term_services=term.services)
        self._write(writer, settings["SERVICES_HOME_SAVE_AS"], "home", "", settings.get("SITENAME", "Local Offer"))
        self._write(writer, settings["SERVICES_404_SAVE_AS"], "404", "404.html", "Page not found")
        self._log_results()

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
            logger.warning("service_directory: warnings in provider files:\n%s", "\n".join(warnings))
        counts = self.summary
        line = (
            f"service_directory: {counts['published']} published, {counts['draft']} draft, "
            f"{counts['closed']} closed, {counts['rejected']} rejected"
        )
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


def _a_to_z(service):
    return (service.name.casefold(), service.id)


def _by_letter(services):
    """[(letter, services)] for the A to Z list; names not starting with a letter go under '#'."""
    def letter(service):
        first = service.name[:1].upper()
        return first if first.isalpha() else "#"

    return [(key, list(group)) for key, group in itertools.groupby(services, key=letter)]
