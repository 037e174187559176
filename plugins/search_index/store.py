"""What the search page shows and filters by, cut so that a query fetches only its part.

- Store pages: the HTML of each result, for SEARCH_STORE_PAGE_SIZE services
  each, by their number in the A to Z order. The HTML is the theme's own card
  (components/service_card.html, the one every listing uses), rendered at
  build time from escaped provider text, so the card has one source and the
  browser inserts it as it is. Results are shown a page of results at a time,
  so only the store pages of the results on screen are fetched.
- Filters: one bitset per value (a need, a category, an area, an age, free,
  can self-refer): bit n is set when service n has it. A filter fetches only
  the bitsets of the values chosen; ANDing them gives the matches.
"""

import base64
import re

AGES = range(0, 26)
# A new line and the indent after it, which only lay the template out.
_LAYOUT = re.compile(r"\n\s*")


def store_pages(services, page_size, card):
    """[[html, ...], ...]: item n of page p is the card of service p * page_size + n.
    `card(service)` renders one card."""
    rows = [_LAYOUT.sub("", str(card(service))).strip() for service in services]
    return [rows[start:start + page_size] for start in range(0, len(rows), page_size)]


def facets(services, categories, needs, areas):
    """(value lists, bitsets): the ids of each kind of filter in the council's
    order, and {file name: base64 bitset}."""
    count = len(services)
    values = {
        "need": [term.id for term in needs],
        "category": [term.id for term in categories],
        "area": [term.id for term in areas],
        "age": list(AGES),
    }
    has = {
        "need": lambda service: {term.id for term in service.needs},
        "category": lambda service: {term.id for term in service.categories},
        "area": lambda service: {term.id for term in service.areas},
        "age": lambda service: set(range(service.age_min, service.age_max + 1)),
    }
    bitsets = {}
    for kind, ids in values.items():
        held = [has[kind](service) for service in services]
        for position, value in enumerate(ids):
            bitsets[f"{kind}-{position}"] = bitset(count, (n for n, ids_of in enumerate(held) if value in ids_of))
    bitsets["free"] = bitset(count, (n for n, service in enumerate(services) if service.free))
    bitsets["self"] = bitset(count, (n for n, service in enumerate(services) if service.self_referral))
    return values, bitsets


def bitset(count, numbers):
    """Base64 of a little-endian bitset: bit n (byte n // 8, bit n % 8) for each number."""
    data = bytearray((count + 7) // 8)
    for n in numbers:
        data[n >> 3] |= 1 << (n & 7)
    return base64.b64encode(bytes(data)).decode("ascii")
