"""The header, menu and footer every page shows, each rendered once for each different set of inputs.

Every page of a 10,000-service site has the same header and footer, and one of
a handful of menus (the item for the current page or section marked); rendering
them again for each page was about a tenth of the time a service page's
template took, and a quarter of an easy-read page's. `site_chrome.html(macro, *arguments)` renders a macro the first time
it is called with those arguments and gives back the same HTML after, so the
macro must depend on nothing but its arguments: the macros base.html passes to
it are imported without the page's context and take everything they show as
arguments (partials/header.html, partials/footer.html).

The menu's items are worked out here, in Python, so that which item is current
is a plain value the cache can key on: `site_chrome.menu`.
"""

from collections import namedtuple

# `current`: "page" for the page itself (aria-current="page"), "true" for the section a page is
# in (aria-current="true"), "" for neither.
MenuItem = namedtuple("MenuItem", "text path current")

# The menu's first items, and the addresses that count as inside each one's section.
FIXED_ITEMS = (
    ("Find services", "services/", ("services/", "categories/", "needs/", "ages/")),
    ("Search", "search/", ("search/",)),
)


def site_menu(pages, footer_pages, current_path):
    """The menu of the page at `current_path`: Find services, Search and every top-level
    content page in `pages` (title and url) that the footer does not list. A page under
    another one's address (coproduction/charter/) belongs to that page's section."""
    items = list(FIXED_ITEMS)
    items += [(page.title, page.url, (page.url,)) for page in pages
              if page.url not in footer_pages and page.url.rstrip("/").count("/") == 0]
    return tuple(MenuItem(text, path, _current(path, section, current_path)) for text, path, section in items)


def _current(path, section, current_path):
    if current_path == path:
        return "page"
    return "true" if any(current_path.startswith(prefix) for prefix in section) else ""


def footer_links(pages, footer_pages):
    """(title, url) of each content page in `footer_pages` but the accessibility statement,
    which the footer always links to first."""
    return tuple((page.title, page.url) for page in pages if page.url in footer_pages and page.url != "accessibility/")


class SiteChrome:
    """`site_chrome` in templates: `.menu` and `.footer_links` above, and `.html(macro, *arguments)`,
    the macro's HTML for these arguments, made once. One per Jinja environment (Pelican makes
    one for each generator), so one a build. One global, not three: Jinja checks every global's
    name each time a template imports a component (about a dozen times a page)."""

    menu = staticmethod(site_menu)
    footer_links = staticmethod(footer_links)

    def __init__(self):
        self._made = {}

    def html(self, macro, *arguments):
        # The macro itself is part of the key (and kept alive by it): two macros never share HTML.
        key = (macro, arguments)
        made = self._made.get(key)
        if made is None:
            made = self._made[key] = macro(*arguments)
        return made


def add_template_globals(generator):
    """generator_init receiver: `site_chrome`, which base.html calls, for this generator's templates."""
    generator.env.globals["site_chrome"] = SiteChrome()
