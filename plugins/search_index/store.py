"""What search.js shows and filters by, cut so that a query fetches only its part.

- Store pages: the text of a result (name, summary, organisation, ages, cost,
  address) for SEARCH_STORE_PAGE_SIZE services each, by their number in the A
  to Z order. Results are shown a page of results at a time, so only the store
  pages of the results on screen are fetched.
- Filters: one bitset per value (a need, a category, an area, an age, free,
  can self-refer): bit n is set when service n has it. A filter fetches only
  the bitsets of the values chosen; ANDing them gives the matches.
"""

import base64

AGES = range(0, 26)


def store_pages(services, page_size):
    """[[row, ...], ...]: row n of page p is service p * page_size + n."""
    rows = [_row(service) for service in services]
    return [rows[start:start + page_size] for start in range(0, len(rows), page_size)]


def _row(service):
    row = [service.url, service.name, service.summary, service.organisation.name, service.age_text,
           service.cost_text]
    if service.status == "draft":
        row.append(1)  # shown with a "Draft" tag in preview builds
    return row


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
