"""A listing cut into pages of at most SERVICES_LISTING_PAGE_SIZE services.

The first page keeps the listing's own address; page n is `page-n/` in the first page's folder
(`services/page-2/`, `needs/asd/page-2/`), so a link to a listing never breaks as it grows. Pelican
makes its own pages' addresses the same way, from the first page's save_as. A template gets its page
as `listing_page` (a ListingPage): its number, the number of pages, which services it shows, and the
numbers GOV.UK Frontend's pagination component shows (`links`).
"""

import itertools
import posixpath

# The page numbers shown either side of the current one; the first and last are always shown, and a
# gap of more than one page is an ellipsis (GOV.UK Design System, pagination: "the current page, at
# least one page immediately before and after it, the first page and the last page").
NEIGHBOURS = 1


class ListingPage:
    """One page of a listing: `number` of `count` pages, showing `services`, the `first` to `last`
    (counted from 1) of the listing's `total` services."""

    def __init__(self, number, count, total, first, services, url, save_as, page_urls):
        self.number, self.count, self.total = number, count, total
        self.services, self.url, self.save_as = services, url, save_as
        self.first, self.last = first, first + len(services) - 1
        self._page_urls = page_urls

    @property
    def previous_url(self):
        return self._page_urls[self.number - 2] if self.number > 1 else None

    @property
    def next_url(self):
        return self._page_urls[self.number] if self.number < self.count else None

    @property
    def links(self):
        """The pagination component's items: (number, url) for each page number shown, and (None, None)
        for an ellipsis; one page left out between two shown is shown instead of an ellipsis."""
        shown = sorted({1, self.count, *range(max(1, self.number - NEIGHBOURS), min(self.count, self.number + NEIGHBOURS) + 1)})
        items = []
        for before, number in zip([0] + shown, shown):
            if number - before == 2:
                items.append((before + 1, self._page_urls[before]))
            elif number - before > 2:
                items.append((None, None))
            items.append((number, self._page_urls[number - 1]))
        return items

    def place(self):
        """Its place in the listing, which the page shows besides its services' cards, as text for its key."""
        return f"{self.number}/{self.count}/{self.total}"


def listing_pages(services, size, url, save_as):
    """The pages of a listing of `services` (at least one page, if empty) whose first page is at
    `url` and `save_as`."""
    chunks = [services[start:start + size] for start in range(0, len(services), size)] or [[]]
    folder = page_folder(save_as)
    addresses = [(url, save_as)] + [(f"{folder}page-{number}/", f"{folder}page-{number}/index.html")
                                    for number in range(2, len(chunks) + 1)]
    page_urls = [address for address, _ in addresses]
    pages, first = [], 1
    for number, (chunk, (page_url, page_save_as)) in enumerate(zip(chunks, addresses), start=1):
        pages.append(ListingPage(number, len(chunks), len(services), first, chunk, page_url, page_save_as, page_urls))
        first += len(chunk)
    return pages


def page_folder(save_as):
    """The folder a listing's later pages go in: the first page's own folder for `.../index.html`,
    else a folder named after its file (`services.html`: `services/`), as Pelican names its pages'."""
    folder, name = posixpath.split(save_as)
    if name != "index.html":
        folder = posixpath.splitext(save_as)[0]
    return f"{folder}/" if folder else ""


def by_letter(services):
    """[(letter, services)] for an A to Z; names not starting with a letter go under '#'."""
    return [(key, list(group)) for key, group in itertools.groupby(services, key=_letter)]


def letter_pages(pages):
    """For each page of an A to Z, [(letter, address of the page where the letter starts, or "" for
    this page)] for every letter of the whole listing: its letter index."""
    starts = {}  # letter -> the page it starts on
    for page in pages:
        for service in page.services:
            starts.setdefault(_letter(service), page)
    return [[(letter, "" if start is page else start.url) for letter, start in starts.items()] for page in pages]


def _letter(service):
    first = service.name[:1].upper()
    return first if first.isalpha() else "#"
