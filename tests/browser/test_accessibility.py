"""axe-core (WCAG 2.2 A and AA) finds nothing on each kind of page, on a desktop
screen and on a phone."""

import pytest
from playwright.sync_api import expect

from .axe_check import assert_no_axe_violations

PAGES = {
    "home": "/",
    "service": "/services/riverside-speech-dropin/",
    "a-to-z": "/services/",
    "category": "/categories/health/",
    "need": "/needs/asd/",
    "age": "/ages/0-4/",
    "area": "/areas/fenwick/",
    "content-page": "/what-is-the-local-offer/",
}
VIEWPORTS = {
    "desktop": {"width": 1280, "height": 800},
    "phone": {"width": 375, "height": 812},
}

viewports = pytest.mark.parametrize("viewport", VIEWPORTS.values(), ids=VIEWPORTS.keys())


@viewports
@pytest.mark.parametrize("path", PAGES.values(), ids=PAGES.keys())
def test_page_has_no_axe_violations(page, path, viewport):
    page.set_viewport_size(viewport)
    response = page.goto(path)
    assert response is not None and response.status == 200, (
        f"{path} answered {response and response.status}, not 200"
    )
    assert_no_axe_violations(page)


# Later pages of listings in pages (the sample built with pages of 10): the pagination, the caption and the
# A to Z's letter index linking to other pages.
PAGED = {"a-to-z-page-2": "/services/page-2/", "need-page-2": "/needs/asd/page-2/", "age-last-page": "/ages/0-4/page-3/"}


@viewports
@pytest.mark.parametrize("path", PAGED.values(), ids=PAGED.keys())
def test_a_page_of_a_listing_in_pages_has_no_axe_violations(page, paged_site_url, path, viewport):
    page.set_viewport_size(viewport)
    response = page.goto(paged_site_url + path)
    assert response is not None and response.status == 200, f"{path} answered {response and response.status}"
    expect(page.get_by_role("navigation", name="Pagination")).to_be_visible()
    expect(page.get_by_role("navigation", name="Pagination").locator('[aria-current="page"]')).to_have_count(1)
    assert_no_axe_violations(page)


@viewports
def test_not_found_page_has_no_axe_violations(page, viewport):
    page.set_viewport_size(viewport)
    response = page.goto("/no-such-page/")
    assert response is not None and response.status == 404
    # The site's own 404 page, not the web server's bare error page.
    assert page.title() == "Page not found - Northmoor Local Offer"
    assert page.locator("h1").all_inner_texts() == ["Page not found"]
    assert_no_axe_violations(page)


def test_phone_menu_when_open_has_no_axe_violations(page):
    # Audit the page as a family uses it, not only as it loads: the phone menu, opened.
    page.set_viewport_size(VIEWPORTS["phone"])
    page.goto(PAGES["service"])
    toggle = page.get_by_role("button", name="Menu")
    expect(toggle).to_be_visible()
    expect(toggle).to_have_attribute("aria-expanded", "false")
    toggle.click()
    expect(toggle).to_have_attribute("aria-expanded", "true")
    expect(page.get_by_role("navigation", name="Menu").get_by_role("link", name="Find services")).to_be_visible()
    assert_no_axe_violations(page)
