"""The listings (Services A to Z, and a page for each category, need, area and age group)
and the service cards on them, made again only where a service changed.

A service is on about nine listings, and at 10,000 services the A to Z alone shows
10,000 cards: a rebuild after one provider file changed must write the A to Z and
that service's own listings again, but not render every card on them. Each card is
kept in CACHE_PATH (`service_directory-cards.sqlite`, a row a card:
localoffer.cache_files.entries), keyed by its service's id and provider file digest
(`source_sha`) and its heading level, under the fingerprint of the plugin's cache
(code, settings, content pages, build date) and the card template's closure. A card
shows its own service and nothing of any other, so the same key means the same HTML.

Which listings are current is still build_cache's record of the pages written
(`listing_is_current`): a listing is rendered again only when its template's closure,
the content pages' links in its menu, its address or title, or a service on it changed.
"""

from pathlib import Path

from markupsafe import Markup

from localoffer.cache_files import digest
from localoffer.cache_files.entries import EntryStore
from localoffer.cache_files.templates import templates_digest

CARDS_FILE = "service_directory-cards.sqlite"
CARD_TEMPLATE = "components/service_card.html"


class Listing:
    """One listing page to write: where, with which template, title and services, and what
    else its template is given."""

    def __init__(self, save_as, template, url, title, services, heading_level, **extra):
        self.save_as, self.template, self.url, self.title = save_as, template, url, title
        self.services, self.heading_level, self.extra = services, heading_level, extra


def write_listings(generator, writer, listings, cache_path, fingerprint, enabled):
    """Write those of `listings` whose template, menu links, address, title or services changed since the
    listing on disk was written (generator.cache.listing_is_current), their cards read from
    the cache where the service's file did not change."""
    source_keys = {}  # id(service) -> "id:file digest", made once though a service is on nine listings
    templates = {}  # template name -> digest of its closure

    def service_key(service):
        key = source_keys.get(id(service))
        if key is None:
            key = source_keys[id(service)] = f"{service.id}:{getattr(service, 'source_sha', None)}"
        return key

    stale = []
    for listing in listings:
        if listing.template not in templates:
            templates[listing.template] = templates_digest(generator.env, f"{listing.template}.html")
        # The content pages' links are in every listing's menu (generator._content; not in the fingerprint).
        key = digest(templates[listing.template], generator._content, listing.url, listing.title,
                     *map(service_key, listing.services))
        if not generator.cache.listing_is_current(listing.save_as, key, generator.output_path):
            stale.append(listing)

    cards = ServiceCards(generator.env, generator.settings.get("SITEURL", ""), cache_path, fingerprint, enabled)
    # Every card a listing on the site shows: those not rendered in this build stay in the cache.
    cards.keep(dict.fromkeys((service, listing.heading_level) for listing in listings for service in listing.services),
               service_key)
    cards.make(dict.fromkeys((service, listing.heading_level) for listing in stale for service in listing.services),
               service_key)
    for listing in stale:
        generator._write(writer, listing.save_as, listing.template, listing.url, listing.title,
                         service_card_html=cards, **listing.extra)
    cards.save()


class ServiceCards:
    """Each service's card at a heading level, made once (read from the cache or rendered) and
    reused on every listing it is in; the templates call it as service_card_html(service, level)."""

    def __init__(self, env, site_url, cache_path, fingerprint, enabled=True):
        self._macro = env.get_template(CARD_TEMPLATE).module.service_card
        self._site_url = site_url
        self._cards = {}  # (id(service), heading level) -> its card
        self._store = EntryStore(Path(cache_path) / CARDS_FILE, digest(fingerprint, templates_digest(env, CARD_TEMPLATE)),
                                 check=lambda card: isinstance(card, str), label="service_directory") if enabled else None
        self.rendered = 0  # cards rendered in this build (the others came from the cache)

    def keep(self, pairs, service_key):
        """Keep the cached cards of these (service, heading level) pairs though they are not asked for."""
        if self._store is not None:
            self._store.keep(_card_key(service_key(service), level) for service, level in pairs)

    def make(self, pairs, service_key):
        """Make the cards of these (service, heading level) pairs, in this order (the cache's rows
        are read in it, a few hundred a query)."""
        keys = [_card_key(service_key(service), level) for service, level in pairs]
        if self._store is not None:
            self._store.expect(keys)
        for (service, level), key in zip(pairs, keys):
            found = self._store.get(key) if self._store is not None and key is not None else None
            if found is None:
                found = self._render(service, level)
                if self._store is not None:
                    self._store.put(key, str(found))
            self._cards[(id(service), level)] = Markup(found)

    def __call__(self, service, heading_level=3):
        card = self._cards.get((id(service), heading_level))
        if card is None:
            card = self._cards[(id(service), heading_level)] = self._render(service, heading_level)
        return card

    def _render(self, service, heading_level):
        self.rendered += 1
        return self._macro(service, self._site_url, heading_level=heading_level)

    def save(self):
        if self._store is not None:
            self._store.save()


def _card_key(service_key, heading_level):
    """None for a service without a file digest: its card is never kept."""
    return None if service_key.endswith(":None") else f"{service_key}:{heading_level}"
