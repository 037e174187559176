"""Printing on A4: each kind of page prints its content only (no navigation,
search, menu, feedback box, Listen control or skip link), with the address of
each link after its words, pictures beside their sentences, and cards, rows
and easy-read points kept whole.

Each page's print-media screenshot and A4 PDF are written to
test-results/print/ (ignored by git) so a person can look at them.
"""

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-results" / "print"

PAGES = {
    "home": "/",
    "service": "/services/riverside-speech-dropin/",
    "easy-read-service": "/services/riverside-speech-dropin/easy-read/",
    "easy-read-home": "/easy-read/",
    "a-to-z": "/services/",
    "category": "/categories/health/",
}
NEVER_PRINTED = [
    ".govuk-skip-link", ".govuk-service-navigation", ".govuk-breadcrumbs", ".app-search", ".app-feedback",
    ".app-listen", ".app-easy-read-link",
]
KEPT_WHOLE = [".app-service-card", ".govuk-summary-list__row", ".app-easy-read__point"]

# For each selector: how many elements the page has, and how many are displayed.
DISPLAYED = """(selectors) => selectors.map((selector) => {
  const found = [...document.querySelectorAll(selector)];
  return [selector, found.length, found.filter((element) => getComputedStyle(element).display !== 'none'
    && element.getClientRects().length > 0).length];
})"""
AFTER = """(selector) => [...document.querySelectorAll(selector)].map((link) => getComputedStyle(link, '::after').content)"""


@pytest.fixture(scope="module")
def artifacts():
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS


@pytest.mark.parametrize("name, path", PAGES.items(), ids=PAGES.keys())
def test_each_page_prints_its_content_only_on_a4(page, artifacts, name, path):
    page.set_viewport_size({"width": 794, "height": 1123})  # A4 at 96 dots an inch
    page.goto(path, wait_until="load")
    page.emulate_media(media="print")
    shown = page.evaluate(DISPLAYED, NEVER_PRINTED)
    assert [row for row in shown if row[2]] == [], f"printed on {path}: {shown}"
    assert any(count for _, count, _ in shown), "none of the hidden parts is on the page: the check tests nothing"
    assert page.locator("h1").is_visible()
    # Cards, rows and points are never split across two pages.
    for selector in KEPT_WHOLE:
        for value in page.locator(selector).evaluate_all("(all) => all.map((e) => getComputedStyle(e).breakInside)"):
            assert value == "avoid", (selector, value)
    screenshot = artifacts / f"{name}.png"
    page.screenshot(path=str(screenshot), full_page=True)
    pdf = artifacts / f"{name}.pdf"
    page.pdf(path=str(pdf), format="A4", print_background=True)
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF") and screenshot.stat().st_size > 10_000
    # Every page is A4: 210 by 297 mm, 595.92 by 842.88 points as Chromium rounds them.
    boxes = set(re.findall(rb"/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]", data))
    assert boxes == {(b"595.91998", b"842.88")}, boxes


def test_a_page_of_a_listing_in_pages_prints_its_cards_without_its_pagination(page, paged_site_url):
    page.set_viewport_size({"width": 794, "height": 1123})
    page.goto(paged_site_url + "/services/page-2/", wait_until="load")
    page.emulate_media(media="print")
    assert page.evaluate(DISPLAYED, [".govuk-pagination", ".app-service-card"]) == [
        [".govuk-pagination", 1, 0], [".app-service-card", 10, 10]]


def test_link_addresses_are_printed_after_the_words(page):
    page.goto(PAGES["service"], wait_until="load")
    page.emulate_media(media="print")
    websites = page.evaluate(AFTER, 'main a[href^="https://"]')
    assert websites and all(content.startswith('" (https://') for content in websites), websites
    phones = page.evaluate(AFTER, 'main a[href^="tel:"]')
    assert phones == ['" (tel:+441632960123)"'] * len(phones) and phones, phones
    emails = page.evaluate(AFTER, 'main a[href^="mailto:"]')
    assert emails and all(content.startswith('" (mailto:') for content in emails), emails
    # On the screen, only the words.
    page.emulate_media(media="screen")
    assert page.evaluate(AFTER, 'main a[href^="tel:"]')[0] == "none"


def test_easy_read_pictures_print_beside_their_sentences(page):
    page.goto(PAGES["easy-read-service"], wait_until="load")
    page.emulate_media(media="print")
    boxes = page.locator(".app-easy-read__point").evaluate_all("""(points) => points.map((point) => {
      const picture = point.querySelector('.app-easy-read__picture').getBoundingClientRect();
      const words = point.querySelector('.app-easy-read__words').getBoundingClientRect();
      return {picture: [picture.left, picture.right, picture.top, picture.bottom], words: [words.left, words.top, words.bottom]};
    })""")
    assert len(boxes) >= 10
    for box in boxes:
        left, right, top, bottom = box["picture"]
        words_left, words_top, words_bottom = box["words"]
        assert right <= words_left and top < words_bottom and words_top < bottom, box
