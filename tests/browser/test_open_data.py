"""The /open-data/ page in Chromium: axe-core (WCAG 2.2 A and AA) finds nothing on
a desktop screen or a phone, and its links reach the feed and the CSV file."""

from .axe_check import assert_no_axe_violations
from .test_accessibility import VIEWPORTS, viewports


@viewports
def test_the_open_data_page_has_no_axe_violations(page, viewport):
    page.set_viewport_size(viewport)
    response = page.goto("/open-data/")
    assert response is not None and response.status == 200
    assert page.locator("h1").all_inner_texts() == ["Open data"]
    assert_no_axe_violations(page)


def test_the_open_data_page_links_to_the_csv_file(page, site_url):
    page.set_viewport_size(VIEWPORTS["desktop"])
    page.goto("/open-data/")
    href = page.get_by_role("link", name="Services spreadsheet (CSV file)").get_attribute("href")
    # A local build gives its addresses on localhost:8000; the test server has a port of its own.
    response = page.request.get(site_url + href.split("localhost:8000", 1)[1])
    assert response.status == 200
    assert response.headers["content-type"].startswith("text/csv")
    assert response.body().startswith("\ufeffopen_referral_id,id,name,status".encode())


def test_the_footer_links_to_the_open_data_page(page):
    page.goto("/")
    page.get_by_role("contentinfo").get_by_role("link", name="Open data").click()
    assert page.url.endswith("/open-data/")
