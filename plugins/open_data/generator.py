"""The Pelican generator that writes the open data: the Open Referral UK feed,
the CSV file and the /open-data/ page.

It runs after service_directory (PLUGINS lists it later) and reads the parts
of `local_offer` that plugin published: `service_pages` (every service with a
page; its `.record` is what the provider wrote). Drafts never appear; closed
services do, with their status.
"""

import logging
import os
from pathlib import Path

from pelican.generators import Generator

from localoffer.cache_files import WrittenRecord, load_json, write_if_changed
from localoffer.contract import contract_of

from .cache import WRITTEN_FILE, FeedCache, WrittenFeed, fingerprint, written_feed, written_key
from .csv_export import CSV_HEAD, csv_line
from .feed import (PAGE_HEAD, PAGE_SEPARATOR, feed_files, page_tail, service_document, service_entry, service_path,
                   services_page_path)
from .files import write_folder
from localoffer.cache_files.joined import pieces_on_disk, write_joined
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
            "lastmod": {s.url: s.last_reviewed.isoformat() for s in services},
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
        record = load_json(record_path)
        key = written_key(feed_fingerprint, local_offer.dates.build_date, published) if settings["OPEN_DATA_CACHE"] else None
        csv_path = Path(self.output_path) / settings["OPEN_DATA_CSV_SAVE_AS"]
        if not (key and isinstance(record, dict) and record.get("key") == key and csv_path.is_file()):
            # As WrittenRecord.kept_if_current (the record read once: 1.5 MB at 10,000 services): a build
            # stopped while writing leaves no record claiming the files on disk.
            record_path.unlink(missing_ok=True)
            self._write_feed(settings, site, root, published, feed_fingerprint,
                             written_feed(record, feed_fingerprint), WrittenRecord(record_path, key, "open_data"))

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
        """Write the feed and the CSV file. `previous`: the WrittenFeed of the files on disk, or None.
        The page of services and the CSV file take the pieces of services whose provider file is
        the one `previous` names from those files (joined.py); a service's document is written
        only when its provider file is not the one its document on disk was made from."""
        base, output = base_url(settings), Path(self.output_path)
        page_path, csv_path = output / services_page_path(root), output / settings["OPEN_DATA_CSV_SAVE_AS"]
        documents, on_disk = {}, {}
        old_page = old_csv = None
        if previous is not None:
            documents = previous.documents()
            old_page, page_pieces = pieces_on_disk(page_path, previous.page, PAGE_HEAD, PAGE_SEPARATOR)
            old_csv, csv_pieces = pieces_on_disk(csv_path, previous.csv, CSV_HEAD, b"")
            count = len(previous.shas)
            if page_pieces is not None and csv_pieces is not None and len(page_pieces) == len(csv_pieces) == count:
                on_disk = {sha: (name, uuid, page_piece, csv_piece) for sha, uuid, name, page_piece, csv_piece
                           in zip(previous.shas, previous.uuids, previous.names, page_pieces, csv_pieces)}
        cache = FeedCache(settings["CACHE_PATH"], feed_fingerprint, bool(settings["OPEN_DATA_CACHE"]))
        written_now = set()  # id(service) of the services whose document this build wrote

        def make(service):
            entry, document = service_entry(service, site, csv_line(service, base))
            # Written at once, not held: every document of a whole build was 200 MB at 10,000 services.
            write_if_changed(output / service_path(root, entry.uuid), document)
            written_now.add(id(service))
            return entry

        shas = [getattr(service, "source_sha", None) for service in published]
        cache.keep(sha for sha in shas if sha in on_disk)
        cache.expect([sha for sha in shas if sha not in on_disk])
        rows = []  # (name casefolded, id, its piece of the page of services, its CSV line, provider file digest)
        for service, sha in zip(published, shas):
            found = on_disk.get(sha) if sha is not None else None
            if found is None:
                entry = cache.entry(sha, lambda service=service: make(service))
                found = (entry.sort_key[0], entry.uuid, entry.summary.encode("utf-8"), entry.csv_line.encode("utf-8"))
                if id(service) not in written_now and not (
                        sha is not None and documents.get(entry.uuid) == sha and (output / service_path(root, entry.uuid)).is_file()):
                    write_if_changed(output / service_path(root, entry.uuid), service_document(service, site))
            elif not os.path.isfile(f"{output}/{service_path(root, found[1])}"):
                write_if_changed(output / service_path(root, found[1]), service_document(service, site))  # removed by hand
            rows.append((*found, sha))
        cache.save()
        logger.debug("open_data: %d of %d services mapped, %d taken from the files on disk",
                     cache.misses, len(rows), sum(1 for sha in shas if sha in on_disk))
        # Each piece is held as bytes in `rows` now: the cache's entries (every service's text, in
        # a full build) go, and each file's pieces go once it is joined and written.
        cache = on_disk = None
        rows.sort(key=lambda row: (row[0], row[1]))  # the feed's order: ServiceEntry.sort_key
        paths = [service_path(root, row[1]) for row in rows]
        # The last build left the folder holding its files only (write_folder): when it wrote the
        # documents of these same services, no file is to be removed, and 10,000 folders are not walked.
        same_services = bool(documents) and None not in shas and documents.keys() == {row[1] for row in rows}
        write_folder(output, root, feed_files(site, root), [*paths, services_page_path(root)], walk=not same_services)
        kept = [row[4] for row in rows], [row[1] for row in rows], [row[0] for row in rows]
        page_pieces, csv_pieces = [row[2] for row in rows], [row[3] for row in rows]
        rows = None
        page_layout = write_joined(page_path, PAGE_HEAD, page_pieces, PAGE_SEPARATOR, page_tail(len(page_pieces)),
                                   _digest(previous, "page", old_page))
        page_pieces = old_page = None
        csv_layout = write_joined(csv_path, CSV_HEAD, csv_pieces, b"", b"", _digest(previous, "csv", old_csv))
        if written.key:  # None when a service has no provider file digest: nothing is kept
            written.save(WrittenFeed(*kept, page_layout, csv_layout).kept(feed_fingerprint))


def _digest(previous, part, old):
    """The digest of the file `previous` (a WrittenFeed) kept as `part` when pieces_on_disk found the
    file on disk to be that one (`old`, its bytes, is not None); else None, for write_joined to find."""
    return getattr(previous, part)["digest"] if old is not None else None
