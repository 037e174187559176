"""`local_offer.navigation`: every content page's title and address, sorted by title.

The menu (partials/service_navigation.html) and the footer (partials/footer.html)
are on every page. Looping over Pelican's `pages` there asked each page for its
`.url`, which Pelican works out afresh from its settings and source path each
time: about 28 times for every page written, an eighth of a 10,000-service
build. The list is made once, after every generator has read its content and
before any page is written, in the order Jinja's `sort(attribute="title")`
gave (case ignored, stable), and published as this plugin's part of the
contract (localoffer.contract).
"""

from types import SimpleNamespace

from localoffer.contract import publish_part

# The parts of local_offer this plugin reads (none: it publishes `navigation` from Pelican's `pages`).
READS = ()


def navigation_pages(pages):
    links = [SimpleNamespace(title=page.title, url=page.url) for page in pages]
    return sorted(links, key=lambda link: link.title.lower() if isinstance(link.title, str) else link.title)


def add_navigation_pages(generators):
    # Every generator shares one context; the pages generator has filled in `pages` by now.
    for generator in generators:
        context = generator.context
        publish_part(context, "site_navigation", navigation=navigation_pages(context.get("pages", [])))
        return
