"""Write the manifest of every build and, in previews, the editorial report.

It runs after service_directory (and easy_read, when that plugin is on) and
only reads the parts of `local_offer` it declares in READS (localoffer.contract).
"""

import dataclasses
import logging
import shutil
from pathlib import Path

from pelican.generators import Generator

from .manifest import build_manifest, compare, manifest_json, read_manifest
from .review import by_review_date, review_files
from localoffer.cache_files import write_atomic
from localoffer.contract import contract_of

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
        manifest = build_manifest(self._published())
        _write_text(output / settings["EDITORIAL_MANIFEST_SAVE_AS"], manifest_json(manifest))

        report_page = output / settings["EDITORIAL_REPORT_SAVE_AS"]
        if not settings["EDITORIAL_REPORT"]:
            # A published build never carries the report, even if an earlier
            # preview wrote one into the same folder.
            if report_page.parent != output and report_page.parent.is_dir():
                shutil.rmtree(report_page.parent)
            return

        report = self._report(manifest)
        writer.write_file(
            settings["EDITORIAL_REPORT_SAVE_AS"], self.get_template("editorial"), self.context,
            relative_urls=settings["RELATIVE_URLS"], url=settings["EDITORIAL_REPORT_URL"],
            page_path=settings["EDITORIAL_REPORT_URL"], page_title="Editorial report", report=report,
        )
        _write_text(output / settings["EDITORIAL_SUMMARY_SAVE_AS"], summary_markdown(report))

    def _published(self):
        """(id, data) of what a published build of these files would show: never drafts."""
        by_path = {str(checked.path): checked for checked in self.local_offer.provider_files}
        return [
            (service.slug, by_path[service.source_path].data)
            for service in self.local_offer.service_pages
            if service.status != "draft" and service.source_path in by_path
        ]

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
