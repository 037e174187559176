"""Easy-read pages in Chromium: no axe-core violations, text at least 19px in a
sans-serif and never italic, each picture on the left of its words on a
desktop screen and a phone, decorative pictures hidden from screen readers,
and the links between each page and its easy-read version."""

import pytest
from playwright.sync_api import expect

from .axe_check import assert_no_axe_violations

EASY_READ_PAGES = {
    "generated-service": "/services/brambleside-school/easy-read/",
    "provider-written-service": "/services/riverside-speech-dropin/easy-read/",
    "closed-service": "/services/fenwick-riding-therapy/easy-read/",
    "home": "/easy-read/",
    "what-is-the-local-offer": "/what-is-the-local-offer/easy-read/",
    "coproduction": "/coproduction/easy-read/",
    "feedback": "/feedback/easy-read/",
}
VIEWPORTS = {
    "desktop": {"width": 1280, "height": 800},
    "phone": {"width": 375, "height": 812},
}

viewports = pytest.mark.parametrize("viewport", VIEWPORTS.values(), ids=VIEWPORTS.keys())
easy_read_pages = pytest.mark.parametrize("path", EASY_READ_PAGES.values(), ids=EASY_READ_PAGES.keys())

# Every element inside the easy-read column that has words of its own, with
# its computed font size, family and style.
TEXT_STYLES = """() => {
  const found = [];
  for (const element of document.querySelectorAll('.app-easy-read, .app-easy-read *')) {
    const words = [...element.childNodes]
      .filter((node) => node.nodeType === Node.TEXT_NODE)
      .map((node) => node.textContent.trim()).join(' ').trim();
    if (!words || element.closest('.govuk-visually-hidden')) continue;
    const style = getComputedStyle(element);
    found.push({
      tag: element.tagName.toLowerCase(), words: words.slice(0, 40),
      size: parseFloat(style.fontSize), family: style.fontFamily, style: style.fontStyle,
      decoration: style.textDecorationLine, link: !!element.closest('a'),
    });
  }
  return found;
}"""

# For every point: where its picture and its words are on the screen.
POINT_BOXES = """() => [...document.querySelectorAll('.app-easy-read__point')].map((point) => {
  const picture = point.querySelector('.app-easy-read__picture').getBoundingClientRect();
  const words = point.querySelector('.app-easy-read__words').getBoundingClientRect();
  return {
    text: point.innerText.trim().slice(0, 40),
    picture: {left: picture.left, right: picture.right, top: picture.top, bottom: picture.bottom, width: picture.width},
    words: {left: words.left, right: words.right, top: words.top, bottom: words.bottom},
    loaded: point.querySelector('.app-easy-read__picture').naturalWidth > 0,
  };
})"""


def open_page(page, path, viewport):
    page.set_viewport_size(viewport)
    response = page.goto(path)
    assert response is not None and response.status == 200, f"{path} answered {response and response.status}"


@viewports
@easy_read_pages
def test_easy_read_pages_have_no_axe_violations(page, path, viewport):
    open_page(page, path, viewport)
    assert_no_axe_violations(page)


def test_the_pictures_page_has_no_axe_violations(page):
    open_page(page, "/easy-read/pictures/", VIEWPORTS["desktop"])
    assert_no_axe_violations(page)


@viewports
@easy_read_pages
def test_text_is_at_least_19px_sans_serif_and_never_italic(page, path, viewport):
    open_page(page, path, viewport)
    styles = page.evaluate(TEXT_STYLES)
    assert len(styles) >= 5, styles
    small = [style for style in styles if style["size"] < 19]
    assert small == [], f"text under 19px on {path}: {small}"
    assert [s for s in styles if "sans-serif" not in s["family"]] == []
    assert [s for s in styles if s["style"] != "normal"] == []
    # Links are underlined so they can be told apart; nothing else is.
    assert [s for s in styles if "underline" in s["decoration"] and not s["link"]] == []
    assert page.evaluate("() => parseFloat(getComputedStyle(document.querySelector('.app-easy-read__text')).fontSize)") == 20


@viewports
@easy_read_pages
def test_each_picture_is_on_the_left_of_its_words(page, path, viewport):
    open_page(page, path, viewport)
    points = page.evaluate(POINT_BOXES)
    assert len(points) >= 3
    for point in points:
        picture, words = point["picture"], point["words"]
        assert picture["right"] <= words["left"], f"picture not left of the words: {point}"
        # Side by side on the same row: they overlap from top to bottom.
        assert picture["top"] < words["bottom"] and words["top"] < picture["bottom"], point
        assert picture["width"] >= 64, point
        assert point["loaded"], f"picture did not load: {point}"


def test_pictures_beside_words_are_hidden_from_screen_readers(page):
    open_page(page, EASY_READ_PAGES["provider-written-service"], VIEWPORTS["desktop"])
    main = page.get_by_role("main")
    assert page.locator(".app-easy-read__picture").count() >= 10
    expect(main.locator(".app-easy-read").get_by_role("img")).to_have_count(0)
    # Where a picture stands alone it is read out.
    open_page(page, "/easy-read/pictures/", VIEWPORTS["desktop"])
    expect(page.get_by_role("img", name="A person talking")).to_be_visible()


def test_a_service_and_its_easy_read_page_link_both_ways(page):
    open_page(page, "/services/riverside-speech-dropin/", VIEWPORTS["desktop"])
    page.get_by_role("link", name="Easy read version").click()
    expect(page).to_have_url("/services/riverside-speech-dropin/easy-read/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Speech and Language Drop-in")
    page.get_by_role("link", name="Standard version").click()
    expect(page).to_have_url("/services/riverside-speech-dropin/")


@pytest.mark.parametrize("standard, easy_read", [
    ("/", "/easy-read/"),
    ("/what-is-the-local-offer/", "/what-is-the-local-offer/easy-read/"),
    ("/coproduction/", "/coproduction/easy-read/"),
    ("/feedback/", "/feedback/easy-read/"),
])
def test_a_content_page_and_its_easy_read_twin_link_both_ways(page, standard, easy_read):
    open_page(page, standard, VIEWPORTS["desktop"])
    page.get_by_role("link", name="Easy read version").click()
    expect(page).to_have_url(easy_read)
    page.get_by_role("link", name="Standard version").click()
    expect(page).to_have_url(standard)
