"""Write the manifest of every build and, in previews, the editorial report.

It runs after service_directory (and easy_read, when that plugin is on) and
only reads the parts of `local_offer` it declares in READS (localoffer.contract); what a
service publishes is its record (service_directory/model.py), never the provider's dict.
"""

import dataclasses
import logging
import shutil
from pathlib import Path

from pelican.generators import Generator

from .manifest import build_manifest, compare, manifest_json, read_manifest
from .manifest_cache import forget_written, write_manifest
from .review import by_review_date, review_files
from localoffer.cache_files import write_atomic
from localoffer.contract import contract_of
from localoffer.service_directory.loader import written_data

from .summary import summary_markdown

logger = logging.getLogger(__name__)

# The parts of local_offer this plugin reads (checked by every build: localoffer.contract).
READS = ("service_pages", "provider_files", "dates", "summary", "easy_read")


class EditorialGenerator(Generator):
    def generate_context(self):
        pass  # everything it needs is ready only once every generator has read its files

    def generate_output(self, writer):
        settings = self.settings
        self.local_offer = contract_of(self.context, "editorial", READS)
        output = Path(self.output_path)
        manifest_path = output / settings["EDITORIAL_MANIFEST_SAVE_AS"]
        report_page = output / settings["EDITORIAL_REPORT_SAVE_AS"]
        if not settings["EDITORIAL_REPORT"]:
            # Made from the lines kept in the cache, or left as it is (manifest_cache.py).
            write_manifest(manifest_path, self._published_services(), settings)
            # A published build never carries the report, even if an earlier
            # preview wrote one into the same folder.
            if report_page.parent != output and report_page.parent.is_dir():
                shutil.rmtree(report_page.parent)
            return

        # A preview compares the manifest field by field, so it makes the whole of it.
        manifest = build_manifest(self._published())
        forget_written(settings)
        _write_text(manifest_path, manifest_json(manifest))
        report = self._report(manifest)
        writer.write_file(
            settings["EDITORIAL_REPORT_SAVE_AS"], self.get_template("editorial"), self.context,
            relative_urls=settings["RELATIVE_URLS"], url=settings["EDITORIAL_REPORT_URL"],
            page_path=settings["EDITORIAL_REPORT_URL"], page_title="Editorial report", report=report,
        )
        _write_text(output / settings["EDITORIAL_SUMMARY_SAVE_AS"], summary_markdown(report))

    def _published_services(self):
        """The services a published build of these files would show: never drafts."""
        return [service for service in self.local_offer.service_pages if service.status != "draft"]

    def _published(self):
        """(id, fields) of what a published build of these files would show, from each
        service's record (service_directory/model.py)."""
        return [(service.slug, written_data(service.record)) for service in self._published_services()]

    def _report(self, manifest):
        local_offer = self.local_offer
        reviews = review_files(local_offer.provider_files)
        stale, due = by_review_date(reviews, local_offer.dates)
        baseline_path = self.settings["EDITORIAL_BASELINE_MANIFEST"]
        changes, baseline_problem = None, None
        if baseline_path:
            baseline, baseline_problem = read_manifest(baseline_path)
            if baseline is not None:
                changes = compare(baseline, manifest)
            else:
                logger.warning("editorial: %s; the report shows no changes", baseline_problem)
        names = {review.id: review.name for review in reviews if review.id}
        return {
            "files": reviews,
            "with_problems": [r for r in reviews if r.errors or r.warnings],
            "stale": stale,
            "due": due,
            "with_gaps": [r for r in reviews if r.gaps],
            "easy_read": list(local_offer.easy_read.findings) if local_offer.has("easy_read") else [],
            "changes": changes,
            "baseline": baseline_path,
            "baseline_problem": baseline_problem,
            "names": names,
            "summary": dataclasses.asdict(local_offer.summary),
            "review_dates": local_offer.dates,
        }


def _write_text(path, text):
    write_atomic(path, text)
