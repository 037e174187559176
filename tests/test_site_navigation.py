"""site_navigation: the menu's and footer's list of content pages, made once a build."""

import re
from types import SimpleNamespace

import jinja2

from localoffer.site_navigation.chrome import MenuItem, SiteChrome, footer_links, site_menu
from localoffer.site_navigation.links import navigation_pages
from tests.test_theme_templates import make_env, site_context

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
    environment = make_env()
    environment.globals["site_chrome"] = SiteChrome()
    template = environment.get_template("404.html")
    from_pages = template.render(site_context(pages=PAGES, page_path="feedback/"))
    with_list = site_context(pages=PAGES, page_path="feedback/")
    with_list["local_offer"].publish("site_navigation", navigation=navigation_pages(PAGES))
    from_list = template.render(with_list)
    assert from_list == from_pages
    assert 'href="/feedback/"' in from_list and 'href="/privacy/"' in from_list


def test_the_menu_lists_top_level_pages_the_footer_does_not_and_marks_where_the_page_is():
    pages = navigation_pages(PAGES)
    footer = ["accessibility/", "privacy/"]
    assert site_menu(pages, footer, "needs/autism/") == (
        MenuItem("Find services", "services/", "true"), MenuItem("Search", "search/", ""),
        MenuItem("Co-production", "coproduction/", ""), MenuItem("Have your say", "feedback/", ""),
        MenuItem("Zebra crossings", "zebra/", ""))
    assert [item.current for item in site_menu(pages, footer, "feedback/")] == ["", "", "", "page", ""]
    assert [item.current for item in site_menu(pages, footer, "feedback/easy/")] == ["", "", "", "true", ""]
    assert [item.current for item in site_menu(pages, footer, "")] == ["", "", "", "", ""]
    assert footer_links(pages, footer) == (("privacy notice", "privacy/"),)


def test_shared_html_calls_a_macro_once_for_each_different_set_of_arguments():
    calls = []

    def header(site_url, menu):
        calls.append((site_url, menu))
        return f"<header>{site_url}{menu}</header>"

    def footer(site_url, menu):
        return f"<footer>{site_url}</footer>"

    chrome = SiteChrome()
    assert chrome.html(header, "", ("a",)) == "<header>('a',)</header>"
    assert chrome.html(header, "", ("a",)) == "<header>('a',)</header>"
    assert chrome.html(header, "", ("b",)) == "<header>('b',)</header>"
    assert chrome.html(footer, "", ("a",)) == "<footer></footer>"
    assert calls == [("", ("a",)), ("", ("b",))]


def test_one_build_marks_each_page_s_own_place_in_the_menu():
    """The header is made once for each different menu, not once for the first page."""
    environment = make_env()
    environment.globals["site_chrome"] = SiteChrome()
    template = environment.get_template("404.html")
    current = {}
    for path in ("feedback/", "services/riverside/", "zebra/", "services/other/", "search/"):
        html = template.render(site_context(pages=PAGES, page_path=path))
        current[path] = re.findall(r'href="/([^"]*)"\s+aria-current="(\w+)"', html)
    assert current == {
        "feedback/": [("feedback/", "page")], "services/riverside/": [("services/", "true")],
        "zebra/": [("zebra/", "page")], "services/other/": [("services/", "true")], "search/": [("search/", "page")],
    }
