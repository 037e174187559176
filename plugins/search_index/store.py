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
    return [store_page(services[start:start + page_size], card) for start in range(0, len(services), page_size)]


def store_page(services, card):
    """[html, ...]: the cards of one page's services."""
    return [_LAYOUT.sub("", str(card(service))).strip() for service in services]


def facets(services, categories, needs, areas, kept=None, changed=None):
    """(value lists, bitsets): the ids of each kind of filter in the council's
    order, and {file name: bitset}: base64 of a little-endian bitset, bit n (byte n // 8,
    bit n % 8) set for service n. With `kept` ({file name: bitset} of the last build, for
    the same services but those numbered in `changed`, and the same settings), only the
    changed services' bits are set again (a pass over 10,000 services took half a second)."""
    count = len(services)
    values = {
        "need": [term.id for term in needs],
        "category": [term.id for term in categories],
        "area": [term.id for term in areas],
        "age": list(AGES),
    }
    places = {}  # (kind, id) -> the file name of its bitset
    for kind, ids in values.items():
        for position, value in enumerate(ids):
            places[(kind, value)] = f"{kind}-{position}"
    names = [*places.values(), "free", "self"]
    data = _kept_bits(kept, names, count) if changed is not None else None
    if data is None:
        data = {name: bytearray((count + 7) // 8) for name in names}
        changed = range(count)
    else:
        for n in changed:  # a changed service's old bits go; its new ones are set below
            byte, bit = n >> 3, ~(1 << (n & 7)) & 0xFF
            for bits in data.values():
                bits[byte] &= bit
    # One pass over the (changed) services, setting each one's bits in the bitsets of its values
    # (a pass per value cost 0.7 s at 10,000 services).
    for n in changed:
        service = services[n]
        byte, bit = n >> 3, 1 << (n & 7)
        held = [("need", term.id) for term in service.needs]
        held += [("category", term.id) for term in service.categories]
        held += [("area", term.id) for term in service.areas]
        held += [("age", age) for age in range(service.age_min, service.age_max + 1)]
        for value in held:
            name = places.get(value)
            if name is not None:
                data[name][byte] |= bit
        if service.free:
            data["free"][byte] |= bit
        if service.self_referral:
            data["self"][byte] |= bit
    return values, {name: base64.b64encode(bytes(bits)).decode("ascii") for name, bits in data.items()}


def _kept_bits(kept, names, count):
    """{file name: bytearray} of the kept bitsets, or None unless there is one of the right
    length for each name."""
    if not kept or set(kept) != set(names):
        return None
    data = {}
    for name in names:
        try:
            bits = bytearray(base64.b64decode(kept[name], validate=True))
        except (TypeError, ValueError):
            return None
        if len(bits) != (count + 7) // 8:
            return None
        data[name] = bits
    return data
