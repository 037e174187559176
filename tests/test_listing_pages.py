"""Listings in pages of at most SERVICES_LISTING_PAGE_SIZE services (service_directory/pagination.py):
the pages and their addresses, the templates' pagination (GOV.UK Frontend's component), and the
sample site built with a page size smaller than its listings, every service still on every
listing it belongs to. Rebuilds of a listing in pages are in test_incremental.py."""

import re
from pathlib import Path
from types import SimpleNamespace as NS

import pytest

from localoffer.service_directory.pagination import by_letter, letter_pages, listing_pages, page_folder
from localoffer.service_directory.settings import check_settings
from tests.conftest import ROOT, run_pelican
from tests.test_theme_templates import (
    a_to_z_listing, fake_service, make_env, outline, render, term, term_listing,
)

# --- The pages of a listing ----------------------------------------------------


def numbers(page):
    return [number for number, _ in page.links]


def test_a_listing_is_cut_into_pages_of_at_most_the_page_size_the_first_at_the_listings_address():
    pages = listing_pages(list(range(23)), 10, "needs/asd/", "needs/asd/index.html")
    assert [(page.url, page.save_as, page.first, page.last, page.services[0]) for page in pages] == [
        ("needs/asd/", "needs/asd/index.html", 1, 10, 0),
        ("needs/asd/page-2/", "needs/asd/page-2/index.html", 11, 20, 10),
        ("needs/asd/page-3/", "needs/asd/page-3/index.html", 21, 23, 20),
    ]
    assert {(page.count, page.total) for page in pages} == {(3, 23)}
    assert [(page.previous_url, page.next_url) for page in pages] == [
        (None, "needs/asd/page-2/"), ("needs/asd/", "needs/asd/page-3/"), ("needs/asd/page-2/", None)]


def test_an_empty_listing_is_one_empty_page():
    [page] = listing_pages([], 10, "services/", "services/index.html")
    assert (page.number, page.count, page.total, page.services, page.links) == (1, 1, 0, [], [(1, "services/")])


@pytest.mark.parametrize("save_as,folder", [
    ("services/index.html", "services/"),
    ("index.html", ""),
    ("services.html", "services/"),
    ("a-to-z/all.html", "a-to-z/all/"),
])
def test_later_pages_go_in_the_first_pages_folder_or_one_named_after_its_file(save_as, folder):
    assert page_folder(save_as) == folder


@pytest.mark.parametrize("number,shown", [
    (1, [1, 2, None, 19]),
    (3, [1, 2, 3, 4, None, 19]),  # 2 is shown rather than an ellipsis for one page
    (4, [1, 2, 3, 4, 5, None, 19]),
    (10, [1, None, 9, 10, 11, None, 19]),
    (18, [1, None, 17, 18, 19]),
    (19, [1, None, 18, 19]),
])
def test_the_page_numbers_shown_are_the_first_last_and_current_with_its_neighbours_and_ellipses(number, shown):
    page = listing_pages(list(range(95)), 5, "services/", "services/index.html")[number - 1]
    assert numbers(page) == shown
    assert dict(page.links)[number] == ("services/" if number == 1 else f"services/page-{number}/")


def test_each_letter_of_an_a_to_z_links_to_the_page_it_starts_on():
    names = ["Apple", "Avocado", "Banana", "Blueberry", "Cherry", "9 lives"]
    services = [NS(name=name) for name in names]
    pages = listing_pages(services, 2, "services/", "services/index.html")
    assert letter_pages(pages) == [
        [("A", ""), ("B", "services/page-2/"), ("C", "services/page-3/"), ("#", "services/page-3/")],
        [("A", "services/"), ("B", ""), ("C", "services/page-3/"), ("#", "services/page-3/")],
        [("A", "services/"), ("B", "services/page-2/"), ("C", ""), ("#", "")],
    ]
    assert [[letter for letter, _ in by_letter(page.services)] for page in pages] == [["A"], ["B"], ["C", "#"]]


@pytest.mark.parametrize("size,message", [
    (0, "SERVICES_LISTING_PAGE_SIZE must be a whole number above 0; got 0; 100 is used"),
    ("20", "SERVICES_LISTING_PAGE_SIZE must be a whole number above 0; got '20'; 100 is used"),
    (True, "SERVICES_LISTING_PAGE_SIZE must be a whole number above 0; got True; 100 is used"),
])
def test_a_page_size_that_is_not_a_whole_number_above_0_is_reported_and_the_default_used(tmp_path, size, message):
    from localoffer.service_directory.settings import DEFAULTS

    settings = {**DEFAULTS, "PROVIDERS_PATH": str(tmp_path), "LOCAL_OFFER_CATEGORIES": {"health": "Health"},
                "LOCAL_OFFER_AREAS": {"fenwick": "Fenwick"}, "SERVICES_LISTING_PAGE_SIZE": size}
    assert check_settings(settings) == [message]
    assert settings["SERVICES_LISTING_PAGE_SIZE"] == 100


# --- The templates --------------------------------------------------------------


def pagination_html(page, site_url=""):
    module = make_env().get_template("components/pagination.html").module
    return str(module.pagination(page, site_url)), str(module.pagination_links(page, site_url))


def test_pagination_is_govuk_frontends_component_with_the_current_page_and_ellipses():
    page = listing_pages(list(range(95)), 5, "services/", "services/index.html")[9]
    html, links = pagination_html(page, "https://example.org")
    assert html.startswith('<nav class="govuk-pagination" aria-label="Pagination">')
    items = re.findall(r'<li class="(govuk-pagination__item[^"]*)">\s*(.*?)\s*</li>', html, re.S)
    assert items == [
        ("govuk-pagination__item", '<a class="govuk-link govuk-pagination__link" href="https://example.org/services/" aria-label="Page 1">1</a>'),
        ("govuk-pagination__item govuk-pagination__item--ellipsis", "&ctdot;"),
        ("govuk-pagination__item", '<a class="govuk-link govuk-pagination__link" href="https://example.org/services/page-9/" aria-label="Page 9">9</a>'),
        ("govuk-pagination__item govuk-pagination__item--current",
         '<a class="govuk-link govuk-pagination__link" href="https://example.org/services/page-10/" aria-label="Page 10" aria-current="page">10</a>'),
        ("govuk-pagination__item", '<a class="govuk-link govuk-pagination__link" href="https://example.org/services/page-11/" aria-label="Page 11">11</a>'),
        ("govuk-pagination__item govuk-pagination__item--ellipsis", "&ctdot;"),
        ("govuk-pagination__item", '<a class="govuk-link govuk-pagination__link" href="https://example.org/services/page-19/" aria-label="Page 19">19</a>'),
    ]
    assert '<a class="govuk-link govuk-pagination__link" href="https://example.org/services/page-9/" rel="prev">' in html
    assert '<a class="govuk-link govuk-pagination__link" href="https://example.org/services/page-11/" rel="next">' in html
    assert html.count('<span class="govuk-visually-hidden"> page</span>') == 2
    assert links == ('  <link rel="prev" href="https://example.org/services/page-9/">\n'
                     '  <link rel="next" href="https://example.org/services/page-11/">\n')


def test_the_first_and_last_pages_have_no_previous_and_no_next():
    first, last = listing_pages(list(range(3)), 2, "services/", "services/index.html")
    assert 'rel="prev"' not in "".join(pagination_html(first)) and 'rel="next"' in pagination_html(first)[0]
    assert 'rel="next"' not in "".join(pagination_html(last)) and 'rel="prev"' in pagination_html(last)[0]


def test_a_listing_of_one_page_has_no_pagination():
    [page] = listing_pages(list(range(3)), 3, "services/", "services/index.html")
    assert pagination_html(page) == ("", "")


def a_to_z_page(number):
    services = [fake_service(name) for name in ("Art club", "Autism network", "Bike club", "Boccia", "Bowls",
                                                "Chess club", "3D club")]
    return render("services.html", page_path="services/" if number == 1 else f"services/page-{number}/",
                  page_title="Services A to Z", **a_to_z_listing(services, size=2, number=number))


def test_a_page_of_the_a_to_z_says_which_page_it_is_and_which_services_it_shows():
    html = a_to_z_page(2)
    assert "<title>Services A to Z (page 2 of 4) - Northmoor Local Offer</title>" in html
    assert '<span class="govuk-caption-l">Page 2 of 4</span>' in html
    assert ("7 services for children and young people aged 0 to 25 with special educational needs and "
            "disabilities, from A to Z. This page shows 3 to 4.</p>") in html
    assert '<link rel="canonical" href="/services/page-2/">' in html
    assert '  <link rel="prev" href="/services/">\n  <link rel="next" href="/services/page-3/">\n</head>' in html
    assert 'aria-label="Page 2" aria-current="page">2</a>' in html


def test_each_letter_in_the_a_to_z_index_goes_to_the_page_and_heading_where_it_starts():
    html = a_to_z_page(2)
    index = html[html.index('<nav class="app-letter-index"'):]
    assert re.findall(r'href="([^"]*)"><span class="govuk-visually-hidden">Services starting with </span>(.)</a>',
                      index) == [("/services/#letter-a", "A"), ("#letter-b", "B"), ("/services/page-3/#letter-c", "C"),
                                 ("/services/page-4/#letter-other", "#")]
    # A letter that starts on an earlier page says so.
    assert [text for level, text in outline(a_to_z_page(3)).headings if level == 2][:2] == ["B (continued)", "C"]


@pytest.mark.parametrize("number", [1, 2, 3, 4])
def test_every_page_of_the_a_to_z_has_one_h1_no_skipped_level_and_no_repeated_id(number):
    page = outline(a_to_z_page(number))
    levels = [level for level, _ in page.headings]
    assert levels.count(1) == 1 and all(b <= a + 1 for a, b in zip(levels, levels[1:]))
    assert sorted(set(page.ids)) == sorted(page.ids)


def test_a_page_of_a_term_listing_gives_the_count_with_thousands_and_which_ones_it_shows():
    services = [fake_service(f"Service {n}") for n in range(4210)]
    html = render("term.html", page_path="needs/asd/page-2/", page_title="Autism", term=term("need", "asd", "Autism"),
                  **term_listing("needs/asd/", services, size=100, number=2))
    assert "<title>Autism (page 2 of 43) - Northmoor Local Offer</title>" in html
    assert '<span class="govuk-caption-l">Services by need, page 2 of 43</span>' in html
    assert '<p class="govuk-body-l">4,210 services, from A to Z. This page shows 101 to 200.</p>' in html
    assert html.count('<li class="app-service-card">') == 100
    assert "app-listing-filters__form" in html  # the whole listing can be narrowed, from any of its pages
    assert [number for number in re.findall(r'aria-label="Page (\d+)"', html)] == ["1", "2", "3", "43"]


def test_a_listing_of_one_page_looks_as_it_did_before_pages():
    html = render("term.html", page_path="needs/asd/", page_title="Autism", term=term("need", "asd", "Autism"),
                  **term_listing("needs/asd/", [fake_service(), fake_service("Second")]))
    assert "<title>Autism - Northmoor Local Offer</title>" in html
    assert '<span class="govuk-caption-l">Services by need</span>' in html
    assert '<p class="govuk-body-l">2 services, from A to Z.</p>' in html
    assert "govuk-pagination" not in html and 'rel="next"' not in html


# --- The sample site in pages of 10 ----------------------------------------------

PAGE_SIZE = 10


@pytest.fixture(scope="module")
def paged_site(tmp_path_factory):
    output = tmp_path_factory.mktemp("paged") / "output"
    result = run_pelican(ROOT / "providers", output, SERVICES_LISTING_PAGE_SIZE=PAGE_SIZE)
    assert result.returncode == 0, result.stdout
    return output


def listing_folders(output):
    """Every listing's first page's folder: the A to Z, and each category, need, area and age group."""
    return [output / "services"] + sorted(folder for kind in ("categories", "needs", "areas", "ages")
                                          for folder in (output / kind).iterdir())


def pages_of(folder):
    """A listing's pages in order, following each page's Next link from the first."""
    pages, html = [], (folder / "index.html").read_text(encoding="utf-8")
    output = folder.parent.parent if folder.name != "services" else folder.parent
    while True:
        pages.append(html)
        found = re.search(r'href="/([^"]*)" rel="next"', html)
        if not found:
            return pages
        html = (output / found.group(1) / "index.html").read_text(encoding="utf-8")


def cards(html):
    return re.findall(r'<li class="app-service-card">.*?href="/services/([^/"]+)/"', html, re.S)


def test_every_listing_in_pages_shows_each_of_its_services_once_in_a_to_z_order_in_full_pages(paged_site):
    a_to_z = [card for html in pages_of(paged_site / "services") for card in cards(html)]
    assert len(a_to_z) == len(set(a_to_z)) == 50
    position = {service: index for index, service in enumerate(a_to_z)}
    for folder in listing_folders(paged_site):
        pages = pages_of(folder)
        listed = [card for html in pages for card in cards(html)]
        assert [len(cards(html)) for html in pages][:-1] == [PAGE_SIZE] * (len(pages) - 1), folder
        assert 1 <= len(cards(pages[-1])) <= PAGE_SIZE
        assert listed == sorted(set(listed), key=position.__getitem__), folder
        total = re.search(r'<p class="govuk-body-l">(\d+) service', pages[0]).group(1)
        assert int(total) == len(listed), folder


def test_each_services_listings_hold_it_on_some_page(paged_site):
    """Each service page links its categories and areas: each of those listings, in pages, has its card."""
    checked = 0
    for page in sorted((paged_site / "services").glob("*/index.html")):
        html = page.read_text(encoding="utf-8")
        if page.parent.name.startswith("page-") or "This service is temporarily closed" in html:
            continue  # a later page of the A to Z; a closed service, which leaves listings
        for address in re.findall(r'<a class="govuk-link" href="/((?:categories|areas)/[^"]+/)">', html):
            listed = [card for listing in pages_of(paged_site / address) for card in cards(listing)]
            assert page.parent.name in listed, (page.parent.name, address)
            checked += 1
    assert checked >= 50  # each of the 50 listed services is in a category at least


def test_the_sitemap_lists_every_page_of_every_listing(paged_site):
    sitemap = (paged_site / "sitemap.xml").read_text(encoding="utf-8")
    later = sorted(path.parent.relative_to(paged_site).as_posix() for path in paged_site.rglob("page-*/index.html"))
    assert len(later) >= 10
    assert [address for address in later if f"/{address}/</loc>" not in sitemap] == []


def test_a_later_page_says_its_number_in_its_title_and_caption(paged_site):
    html = (paged_site / "services" / "page-2" / "index.html").read_text(encoding="utf-8")
    assert "<title>Services A to Z (page 2 of 5) - Northmoor Local Offer</title>" in html
    assert '<span class="govuk-caption-l">Page 2 of 5</span>' in html
    assert "This page shows 11 to 20.</p>" in html


def test_the_sample_site_at_the_default_page_size_has_no_pagination(tmp_path):
    """The sample's largest listing (the A to Z, 50 services) is one page of the default 100."""
    output = tmp_path / "output"
    assert run_pelican(ROOT / "providers", output).returncode == 0
    assert list(output.rglob("page-*")) == []
    assert "govuk-pagination" not in (output / "services" / "index.html").read_text(encoding="utf-8")


def _two_clubs(folder, ids):
    folder.mkdir()
    source = (ROOT / "providers" / "highcombe-youth-club.yaml").read_text(encoding="utf-8")
    for name in ids:
        (folder / f"{name}.yaml").write_text(source.replace("id: highcombe-youth-club", f"id: {name}")
                                             .replace("name: Friday Inclusive Youth Club", f"name: Club {name}"), encoding="utf-8")
    return folder


def test_a_provider_file_whose_id_is_the_address_of_a_page_of_the_a_to_z_is_refused(tmp_path):
    providers = _two_clubs(tmp_path / "providers", ("page-2", "another-club", "third-club"))
    output = tmp_path / "output"
    result = run_pelican(providers, output, SERVICES_LISTING_PAGE_SIZE=1)
    assert ("providers/page-2.yaml:2: id: `page-2` is the address of a page of the A to Z (services/page-2/); write an id that names "
            "the service, e.g. riverside-speech-dropin, and rename the file to match") in " ".join(result.stdout.split())
    # The other two are published, and the A to Z's second page is theirs.
    assert "Club third-club" in (output / "services" / "page-2" / "index.html").read_text(encoding="utf-8")


def test_a_later_page_at_the_address_of_a_service_is_left_out_with_an_error(tmp_path):
    # Only a changed SERVICE_SAVE_AS can put a service's page there now that ids of the form page-2 are refused.
    providers = _two_clubs(tmp_path / "providers", ("2", "another-club"))
    output = tmp_path / "output"
    result = run_pelican(providers, output, SERVICES_LISTING_PAGE_SIZE=1, SERVICE_URL="services/page-{slug}/",
                         SERVICE_SAVE_AS="services/page-{slug}/index.html")
    assert ("service_directory: page 2 of Services A to Z is not written: its address, services/page-2/, is the page "
            "of the service `2`; give that service another id") in " ".join(result.stdout.split())
    assert '<h1 class="govuk-heading-xl">Club 2</h1>' in (output / "services" / "page-2" / "index.html").read_text()


@pytest.mark.parametrize("service_id, refused", [
    ("page-2", True), ("page-10", True), ("page-123", True),
    ("page-1", False), ("page-0", False), ("page-01", False), ("page-2-club", False), ("pages-2", False),
])
def test_only_the_ids_of_the_a_to_zs_later_pages_are_refused(service_id, refused):
    from localoffer.service_directory.rules import LISTING_PAGE_ID

    assert bool(LISTING_PAGE_ID.fullmatch(service_id)) is refused
