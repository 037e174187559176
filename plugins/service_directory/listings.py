"""The listings (Services A to Z, and a page for each category, need, area and age group)
and the service cards on them, each cut into pages of at most SERVICES_LISTING_PAGE_SIZE
services (pagination.py), made again only where a service on them changed.

A service is on about nine listings, and at 10,000 services the A to Z alone shows
10,000 cards: a rebuild after one provider file changed must write the pages of the
listings that hold that service's card, but not render every card on them. Each card is
kept in CACHE_PATH (`service_directory-cards.sqlite`, a row a card, its HTML as the
row's text: localoffer.cache_files.entries), keyed by its service's id and provider file digest
(`source_sha`) and its heading level, under the fingerprint of the plugin's cache
(code, settings, content pages, build date) and the card template's closure. A card
shows its own service and nothing of any other, so the same key means the same HTML.

Which listing pages are current is still build_cache's record of the pages written
(`listing_is_current`): a page is rendered again only when its template's closure,
the content pages' links in its menu, its address or title, a service on it, or what it
shows of the whole listing (its number, the number of pages and services, the A to Z's
letter index) changed. A page a listing no longer has is removed. The template is then
given its cards joined as one piece of HTML (ServiceCards.html), so a page is not written
card by card by a loop in the template.
"""

import logging
from pathlib import Path

from markupsafe import Markup, escape

from localoffer.cache_files import digest
from localoffer.cache_files.entries import EntryStore
from localoffer.cache_files.pages import remove_page
from localoffer.cache_files.templates import templates_digest

from .pagination import by_letter, letter_pages, listing_pages

logger = logging.getLogger(__name__)

CARDS_FILE = "service_directory-cards.sqlite"
CARD_TEMPLATE = "components/service_card.html"
# The cards file's rows: 2 is the card's HTML as the row's text (1 was JSON of it).
CARDS_LAYOUT = 2


class Listing:
    """One page of a listing to write: where, with which template, title and services, and what
    else its template is given; `place` is what the page shows of the whole listing, as text."""

    def __init__(self, save_as, template, url, title, services, heading_level, place="", **extra):
        self.save_as, self.template, self.url, self.title = save_as, template, url, title
        self.services, self.heading_level, self.place, self.extra = services, heading_level, place, extra


def site_listings(generator):
    """Every page of the A to Z and of each term's listing (a category, need, area or age group)."""
    settings = generator.settings
    size = settings["SERVICES_LISTING_PAGE_SIZE"]
    a_to_z = listing_pages(generator.listed, size, settings["SERVICES_INDEX_URL"], settings["SERVICES_INDEX_SAVE_AS"])
    listings = [Listing(page.save_as, "services", page.url, "Services A to Z", page.services, 3,
                        f"{page.place()} {index!r}", listing_page=page, letters=by_letter(page.services),
                        letter_pages=index)
                for page, index in zip(a_to_z, letter_pages(a_to_z))]
    for term in list(generator.terms.values()) + generator.age_groups:
        if term.save_as:
            listings += [Listing(page.save_as, "term", page.url, term.label, page.services, 2, page.place(),
                                 listing_page=page, term=term, term_services=page.services)
                         for page in listing_pages(term.services, size, term.url, term.save_as)]
    return _without_service_pages(listings, generator.pages)


def _without_service_pages(listings, services):
    """A later page of a listing whose address is a service's page (the id `page-2` and the A to Z's
    second page) is left out, with an error: a service's page is never written over."""
    taken = {service.save_as: service for service in services}
    kept = []
    for listing in listings:
        service = taken.get(listing.save_as)
        if service is None:
            kept.append(listing)
        else:
            logger.error("service_directory: page %d of %s is not written: its address, %s, is the page of the "
                         "service `%s`; give that service another id", listing.extra["listing_page"].number,
                         listing.title, listing.url, service.id)
    return kept


def write_listings(generator, writer):
    """Write every page of the listings (site_listings) whose template, menu links, address, title,
    services or place in its listing changed since the page on disk was written
    (generator.cache.listing_is_current), their cards read from the cache where the service's
    file did not change; and remove the pages the listings no longer have."""
    settings = generator.settings
    listings = site_listings(generator)
    # A service is on about nine listings (124,000 places at 10,000 services), so what is done for
    # each place is done by dicts, keyed by the services themselves (a Service is equal only to
    # itself): keyed by id(service) it took twice as long, every id a new int.
    shown = {}  # heading level -> {service: None} of every card a listing on the site shows at it
    for listing in listings:
        shown.setdefault(listing.heading_level, {}).update(dict.fromkeys(listing.services))
    source_keys = {service: f"{service.id}:{getattr(service, 'source_sha', None)}"
                   for services in shown.values() for service in services}
    templates = {}  # template name -> digest of its closure

    stale = []
    for listing in listings:
        if listing.template not in templates:
            templates[listing.template] = templates_digest(generator.env, f"{listing.template}.html")
        # The content pages' links are in every listing's menu (generator._content; not in the fingerprint).
        # The services' keys are hashed as one text: a digest part each took a quarter of a second.
        key = digest(templates[listing.template], generator._content, listing.url, listing.title, listing.place,
                     "\n".join(map(source_keys.__getitem__, listing.services)))
        if not generator.cache.listing_is_current(listing.save_as, key, generator.output_path):
            stale.append(listing)

    card_keys = {level: {service: _card_key(source_keys[service], level) for service in services}
                 for level, services in shown.items()}
    cards = ServiceCards(generator.env, settings.get("SITEURL", ""), settings["CACHE_PATH"],
                         generator.cache.fingerprint, settings["SERVICES_CACHE"])
    # Cards not rendered in this build stay in the cache.
    cards.keep(key for keys in card_keys.values() for key in keys.values())
    wanted = {}  # heading level -> {service: None} of every card a listing written now shows at it
    for listing in stale:
        wanted.setdefault(listing.heading_level, {}).update(dict.fromkeys(listing.services))
    cards.make([(service, level, card_keys[level][service]) for level, services in wanted.items() for service in services])
    for listing in stale:
        generator._write(writer, listing.save_as, listing.template, listing.url, listing.title,
                         service_cards_html=cards.html, **listing.extra)
    cards.save()
    _remove_gone_pages(generator.cache.gone_listings(), generator.output_path)


def _remove_gone_pages(gone, output_path):
    """Remove the listing pages an earlier build wrote that no listing has now (a listing that
    shrank by a page), and the folder each was alone in."""
    for save_as in gone:
        remove_page(output_path, save_as, "service_directory", "a listing page no longer needed")


class ServiceCards:
    """Each service's card at a heading level, made once (read from the cache or rendered) and
    reused on every listing it is in. A listing template writes a list of them with
    `service_cards_html(services, heading_level, between)`: the cards are joined here, not one
    by one in the template (at 10,000 services that loop was most of writing a listing)."""

    def __init__(self, env, site_url, cache_path, fingerprint, enabled=True):
        self._macro = env.get_template(CARD_TEMPLATE).module.service_card
        self._site_url = site_url
        self._cards = {}  # heading level -> {service: its card's HTML, as service_card.html made it}
        # A row's value is the card's HTML as it is (text=True): JSON of it was decoded for nothing.
        self._store = EntryStore(Path(cache_path) / CARDS_FILE,
                                 digest(fingerprint, templates_digest(env, CARD_TEMPLATE), CARDS_LAYOUT),
                                 label="service_directory", text=True) if enabled else None
        self.rendered = 0  # cards rendered in this build (the others came from the cache)

    def keep(self, card_keys):
        """Keep the cached cards of these keys (_card_key) though they are not asked for."""
        if self._store is not None:
            self._store.keep(card_keys)

    def make(self, wanted):
        """Make the cards of these (service, heading level, card key) triples, each read from the
        cache or rendered. The cache is read in key order, the order of its rows on disk: in the
        listings' order it took twice as long."""
        wanted = sorted(wanted, key=lambda triple: triple[2] or "")
        if self._store is not None:
            self._store.expect([key for _, _, key in wanted])
        for service, level, key in wanted:
            found = self._store.get(key) if self._store is not None and key is not None else None
            if found is None:
                found = self._render(service, level)
                if self._store is not None:
                    self._store.put(key, found)
            self._cards.setdefault(level, {})[service] = found

    def html(self, services, heading_level=3, between=""):
        """The cards of `services` joined by `between`, as HTML: each card is HTML that
        service_card.html made, its provider text escaped there; `between` is escaped here."""
        cards = self._cards.setdefault(heading_level, {})
        try:
            # str's join: Markup's would escape each card again.
            return Markup(str(escape(between)).join(map(cards.__getitem__, services)))
        except KeyError:  # a card not made: rendered now
            return Markup(str(escape(between)).join([self.card(service, heading_level) for service in services]))

    def card(self, service, heading_level=3):
        """One service's card (rendered now if it was not made)."""
        cards = self._cards.setdefault(heading_level, {})
        card = cards.get(service)
        if card is None:
            card = cards[service] = self._render(service, heading_level)
        return card

    def _render(self, service, heading_level):
        self.rendered += 1
        return str(self._macro(service, self._site_url, heading_level=heading_level))

    def save(self):
        if self._store is not None:
            self._store.save()


def _card_key(service_key, heading_level):
    """None for a service without a file digest: its card is never kept."""
    return None if service_key.endswith(":None") else f"{service_key}:{heading_level}"
