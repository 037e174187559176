"""site_navigation: the menu's and footer's list of content pages, made once a build."""

from types import SimpleNamespace

import jinja2

from localoffer.contract import LocalOffer
from localoffer.site_navigation.links import navigation_pages
from tests.conftest import ROOT

PAGES = [
    SimpleNamespace(title=title, url=url)
    for title, url in [("privacy notice", "privacy/"), ("Accessibility statement", "accessibility/"),
                       ("Have your say", "feedback/"), ("have your say", "feedback/easy/"),
                       ("Zebra crossings", "zebra/"), ("Co-production", "coproduction/")]
]


def test_pages_are_in_the_order_jinjas_sort_by_title_gave():
    jinja_order = jinja2.Template('{% for p in pages|sort(attribute="title") %}{{ p.url }} {% endfor %}').render(pages=PAGES)
    assert [link.url for link in navigation_pages(PAGES)] == jinja_order.split()
    assert [link.url for link in navigation_pages(PAGES)] == [
        "accessibility/", "coproduction/", "feedback/", "feedback/easy/", "privacy/", "zebra/"]


def test_the_menu_and_footer_give_the_same_html_from_either_list():
    environment = jinja2.Environment(loader=jinja2.FileSystemLoader(ROOT / "theme" / "templates"),
                                     autoescape=True, trim_blocks=True, lstrip_blocks=True)
    for name in ("partials/footer.html", "partials/service_navigation.html"):
        template = environment.get_template(name)
        context = {"pages": PAGES, "SITEURL": "", "COUNCIL_NAME": "Northmoor Council", "page_path": "feedback/",
                   "FOOTER_PAGES": ["accessibility/", "privacy/"]}
        from_pages = template.render(context, local_offer=LocalOffer())
        local_offer = LocalOffer()
        local_offer.publish("site_navigation", navigation=navigation_pages(PAGES))
        from_list = template.render(context, local_offer=local_offer)
        assert from_list == from_pages
        assert 'href="/feedback/"' in from_list or 'href="/privacy/"' in from_list
