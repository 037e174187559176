"""The Pelican generator that writes the open data: the Open Referral UK feed,
the CSV file and the /open-data/ page.

It runs after service_directory (PLUGINS lists it later) and reads the parts
of `local_offer` that plugin published: `service_pages` (every service with a
page; its `.record` is what the provider wrote). Drafts never appear; closed
services do, with their status.
"""

import logging
from pathlib import Path

from pelican.generators import Generator

from localoffer.cache_files import WrittenRecord, load_json, write_if_changed
from localoffer.contract import contract_of

from .cache import WRITTEN_FILE, FeedCache, fingerprint, written_documents, written_key
from .csv_export import csv_line, services_csv
from .feed import feed_files, service_document, service_entry, service_path
from .files import write_folder
from .oruk_mapping import Site
from .settings import base_url, publisher
from .taxonomy import site_taxonomies

logger = logging.getLogger(__name__)

# The parts of local_offer this plugin reads (checked by every build: localoffer.contract).
READS = ("service_pages", "dates")

# What the sitemap, written when Pelican has finished, needs from this build: by output folder.
BUILD_NOTES = {}


class OpenDataGenerator(Generator):
    def generate_context(self):
        pass  # the services are ready only once service_directory has read its files

    def generate_output(self, writer):
        settings, context = self.settings, self.context
        local_offer = contract_of(context, "open_data", READS)
        base = base_url(settings)
        services = local_offer.service_pages
        published = [s for s in services if s.status != "draft"]
        BUILD_NOTES[str(Path(self.output_path).resolve())] = {
            "not_public": [s.url for s in services if s.status == "draft"],
            "lastmod": {s.url: s.record.last_reviewed.isoformat() for s in services},
            "base": base,
        }

        site = Site(base, settings.get("SITENAME") or "Local Offer",
                    {t.key: t for t in site_taxonomies(settings, base)}, settings["OPEN_REFERRAL_STATE_PROVINCE"])
        root = settings["OPEN_REFERRAL_PATH"].strip("/")
        # One digest of the plugins' code and the settings (it reads every file of the package).
        feed_fingerprint = fingerprint(settings)
        # When no published service and no setting changed, the feed and the CSV file on disk are
        # this build's already, and the (large) cache is not even read.
        record_path = Path(settings["CACHE_PATH"]) / WRITTEN_FILE
        # Read before kept_if_current removes a record that does not match: which documents are on disk.
        previous = written_documents(load_json(record_path), feed_fingerprint)
        written = WrittenRecord(record_path, written_key(
            feed_fingerprint, local_offer.dates.build_date, published)
            if settings["OPEN_DATA_CACHE"] else None,
            "open_data")
        if written.kept_if_current(Path(self.output_path) / settings["OPEN_DATA_CSV_SAVE_AS"]) is None:
            self._write_feed(settings, site, root, published, feed_fingerprint, previous, written)

        url = settings["OPEN_DATA_URL"]
        writer.write_file(
            settings["OPEN_DATA_SAVE_AS"], self.get_template("open_data"), context,
            relative_urls=settings["RELATIVE_URLS"], url=url, page_path=url, page_title="Open data",
            open_data={
                "count": len(published),
                "closed": sum(1 for service in published if service.closed),
                "publisher": publisher(settings),
                "licence_name": settings["OPEN_DATA_LICENCE_NAME"],
                "licence_url": settings["OPEN_DATA_LICENCE_URL"],
                "feed_url": f"{base}/{root}/",
                "services_url": f"{base}/{root}/services/",
                "taxonomies_url": f"{base}/{root}/taxonomies/",
                "csv_url": f"{base}/{settings['OPEN_DATA_CSV_SAVE_AS']}",
                "sitemap_url": f"{base}/{settings['SITEMAP_SAVE_AS']}",
            },
        )
        logger.info("open_data: %d services in the Open Referral feed and the CSV file", len(published))

    def _write_feed(self, settings, site, root, published, feed_fingerprint, previous, written):
        """Write the feed and the CSV file. A service's document is written only when its provider
        file is not the one `previous` ({id: file digest}) says its document on disk was made from."""
        base, output = base_url(settings), Path(self.output_path)
        cache = FeedCache(settings["CACHE_PATH"], feed_fingerprint, bool(settings["OPEN_DATA_CACHE"]))
        written_now = set()  # id(service) of the services whose document this build wrote

        def make(service):
            entry, document = service_entry(service, site, csv_line(service, base))
            # Written at once, not held: every document of a whole build was 200 MB at 10,000 services.
            write_if_changed(output / service_path(root, entry.uuid), document)
            written_now.add(id(service))
            return entry

        cache.expect([service.source_sha for service in published])
        entries = [cache.entry(service.source_sha, lambda service=service: make(service)) for service in published]
        cache.save()
        logger.debug("open_data: %d of %d services mapped, the others were in the cache", cache.misses, len(entries))
        paths, shas = [], {}
        for service, entry in zip(published, entries):
            path = service_path(root, entry.uuid)
            paths.append(path)
            sha = getattr(service, "source_sha", None)
            if sha is not None:
                shas[entry.uuid] = sha
            if id(service) in written_now or (
                    sha is not None and previous.get(entry.uuid) == sha and (output / path).is_file()):
                continue
            write_if_changed(output / path, service_document(service, site))
        # The last build left the folder holding its files only (write_folder): when it wrote the
        # documents of these same services, no file is to be removed, and 10,000 folders are not walked.
        same_services = bool(previous) and len(shas) == len(published) and previous.keys() == shas.keys()
        write_folder(output, root, feed_files(entries, site, root), paths, walk=not same_services)
        lines = [entry.csv_line for entry in sorted(entries, key=lambda entry: entry.sort_key)]
        write_if_changed(output / settings["OPEN_DATA_CSV_SAVE_AS"], services_csv(lines))
        written.save({"fingerprint": feed_fingerprint, "documents": shas})
