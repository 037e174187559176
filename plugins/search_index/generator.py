"""The Pelican generator that writes the search page and its data.

It runs after service_directory (PLUGINS lists it later) and reads the
services and taxonomy from `local_offer`, which service_directory's
generate_context published, as Pelican's two phases intend; it reads no
provider file itself.
"""

import hashlib
import json
import logging
from pathlib import Path

from pelican.generators import Generator

from localoffer.cache_files import WrittenRecord, digest, settings_digest
from localoffer.contract import contract_of

from localoffer.cache_files.templates import templates_digest

from .cache import WRITTEN_FILE, CountsCache, fingerprint, service_keys
from .folder import DataFolder
from .terms import TermFiles
from .documents import searchable_services
from .files import MANIFEST, search_files
from .glossary import Glossary, read_glossary

logger = logging.getLogger(__name__)

# The parts of local_offer this plugin reads (checked by every build: localoffer.contract).
READS = ("services", "taxonomy", "preview")


class SearchGenerator(Generator):
    def generate_context(self):
        entries, problems = read_glossary(self.settings["SEARCH_GLOSSARY"])
        for problem in problems:
            logger.warning("search_index: %s", problem)
        self.glossary = Glossary(entries)

    def generate_output(self, writer):
        settings, context = self.settings, self.context
        local_offer = contract_of(context, "search_index", READS)
        services = searchable_services(local_offer.services, local_offer.preview)
        counts_fingerprint = fingerprint(settings["SEARCH_GLOSSARY"], settings["SEARCH_FIELD_BOOSTS"])
        # Each service's key once: for the written records and the caches.
        keys = service_keys(services) if settings["SEARCH_CACHE"] else {}
        # What every file is made of besides the services: the counts' code and data, the
        # settings, and the card's templates (a store page is its services' cards).
        made_of = digest(counts_fingerprint, settings_digest(settings),
                         templates_digest(self.env, "components/service_card.html"))
        # The key of the whole data folder (None, so never current, when a service cannot be keyed).
        written_key = _hex_digest([made_of, *keys.values()]) if keys and None not in keys.values() else None
        written = WrittenRecord(Path(settings["CACHE_PATH"]) / WRITTEN_FILE, written_key, "search_index")
        folder = DataFolder(settings["CACHE_PATH"], Path(self.output_path) / settings["SEARCH_DATA_PATH"], made_of,
                            bool(settings["SEARCH_CACHE"]))
        manifest = written.kept_if_current(folder.folder / MANIFEST)
        # A file deleted or edited since the last build is made again, though nothing changed.
        manifest = manifest if isinstance(manifest, dict) and folder.unchanged() else None
        if manifest is None:
            cache = CountsCache(settings["CACHE_PATH"], counts_fingerprint, bool(settings["SEARCH_CACHE"]), keys)
            terms = TermFiles(settings["CACHE_PATH"], digest(counts_fingerprint, json.dumps(
                [settings["SEARCH_FIELD_BOOSTS"], settings["SEARCH_SHARD_BYTES"]])), bool(settings["SEARCH_CACHE"]))
            # The listings' own card, with the same site address as every page, so that
            # whatever the component shows, a search result shows too.
            taxonomy = local_offer.taxonomy
            card_macro = self.get_template("components/service_card").module.service_card
            site_url = settings.get("SITEURL", "")

            def card(service):
                return card_macro(service, site_url)

            def page_key(page):
                page_keys = [keys.get(id(service)) for service in page]
                return None if None in page_keys else _hex_digest([made_of, *page_keys])
            files, manifest, digests = search_files(
                services, self.glossary, taxonomy.categories, taxonomy.needs, taxonomy.areas, settings,
                card, cache, terms, folder, page_key,
            )
            logger.debug("search_index: %d of %d services tokenised, the others' terms were in the cache; %s; "
                         "%d of %d store pages made", cache.misses, len(services),
                         f"every term file made: {terms.why}" if terms.full else
                         f"{sum(path.startswith(('terms/', 'words/')) for path in files)} term and word files re-made",
                         sum(path.startswith("store/") for path in files),
                         -(-len(services) // settings["SEARCH_STORE_PAGE_SIZE"]))
            terms.start_writing()
            folder.write(files, digests)
            # The caches after the files: a build stopped while writing leaves rows that do not
            # match the manifest on disk, so the next build makes every file. (The counts cache,
            # `cache`, was saved and let go once every service's counts were read or made: its rows
            # say what each service's file holds, not what is on disk; this call does nothing.)
            folder.save()
            cache.save()
            terms.save(manifest["version"])
            written.save(manifest)
            filter_files = sum(1 for path in files if path.startswith("filters/"))
        else:
            logger.debug("search_index: no service, setting or card template changed; the search data is as it was")
            filter_files = "unchanged"
        url = settings["SEARCH_URL"]
        writer.write_file(
            settings["SEARCH_SAVE_AS"], self.get_template("search"), context,
            relative_urls=settings["RELATIVE_URLS"], url=url, page_path=url, page_title="Search",
            search_data_url=f"{settings['SITEURL']}/{settings['SEARCH_DATA_PATH'].strip('/')}/",
            search_manifest=manifest, search_advice=self._advice(services),
        )
        logger.info(
            "search_index: %d services in %d term files, %d store pages and %s filter files",
            manifest["count"], len(manifest["terms"]), -(-manifest["count"] // manifest["storePageSize"]),
            filter_files,
        )

    def _advice(self, services):
        """The service a search that finds nothing points families to (SEARCH_ADVICE_SERVICE)."""
        wanted = self.settings["SEARCH_ADVICE_SERVICE"]
        if not wanted:
            return None
        for service in services:
            if service.id == wanted:
                return service
        logger.warning("search_index: SEARCH_ADVICE_SERVICE is %r, which is not a published service; "
                       "a search that finds nothing will not name an advice line", wanted)
        return None


def _hex_digest(digests):
    """One digest of hexadecimal digests: joined with spaces, no two lists of them give one text
    (and one join is quicker than cache_files.digest's update a part, 10,000 parts a build)."""
    return hashlib.sha256(" ".join(digests).encode("ascii")).hexdigest()
