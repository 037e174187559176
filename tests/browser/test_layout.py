"""Steady pages: nothing moves as a page loads (cumulative layout shift,
measured by Chromium itself), on every kind of page, on a phone and a desktop.

Before the fix the phone menu was drawn open and folded away by the script
after load, which moved the page by 0.14 (theme/scss/_steady-header.scss).
"""

import pytest

PAGE_TYPES = {
    "home": "/",
    "service": "/services/riverside-speech-dropin/",
    "a-to-z": "/services/",
    "category": "/categories/health/",
    "content-page": "/what-is-the-local-offer/",
    "search": "/search/",
    "easy-read-service": "/services/riverside-speech-dropin/easy-read/",
    "easy-read-home": "/easy-read/",
    "easy-read-pictures": "/easy-read/pictures/",
}
VIEWPORTS = {
    "desktop": {"width": 1280, "height": 800},
    "phone": {"width": 375, "height": 812},
}
# Google's "good" threshold is 0.1; families on phones deserve better.
MOST_LAYOUT_SHIFT = 0.05

# Every layout-shift entry since the page started (buffered), after the page
# and its scripts have loaded and had a moment to run.
LAYOUT_SHIFT = """() => new Promise((resolve) => {
  const shifts = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (!entry.hadRecentInput) {
        shifts.push({value: entry.value, sources: entry.sources.map((source) => source.node ? source.node.nodeName + '.' + source.node.className : '?')});
      }
    }
  }).observe({type: 'layout-shift', buffered: true});
  setTimeout(() => resolve(shifts), 500);
})"""


@pytest.mark.parametrize("viewport", VIEWPORTS.values(), ids=VIEWPORTS.keys())
@pytest.mark.parametrize("path", PAGE_TYPES.values(), ids=PAGE_TYPES.keys())
def test_the_page_does_not_move_as_it_loads(page, path, viewport):
    page.set_viewport_size(viewport)
    page.goto(path, wait_until="load")
    shifts = page.evaluate(LAYOUT_SHIFT)
    total = sum(shift["value"] for shift in shifts)
    assert total < MOST_LAYOUT_SHIFT, f"{path} shifted by {total:.3f} as it loaded: {shifts}"


def test_the_phone_menu_is_folded_before_the_script_runs_and_opens_after(page):
    """The first paint already has the Menu button: the script only makes it work."""
    page.set_viewport_size(VIEWPORTS["phone"])
    # The page as drawn before the module script has run.
    page.route("**/js/init.js", lambda route: route.fulfill(status=200, content_type="text/javascript", body=""))
    page.goto("/services/")
    assert page.locator(".govuk-service-navigation__toggle").is_visible()
    assert not page.locator("#navigation").is_visible()
    page.unroute("**/js/init.js")
    page.goto("/services/")
    toggle = page.get_by_role("button", name="Menu")
    toggle.click()
    assert toggle.get_attribute("aria-expanded") == "true"
    assert page.get_by_role("link", name="Find services").is_visible()


# --- Forced colours (Windows high contrast) -----------------------------------------------

from .axe_check import assert_no_axe_violations  # noqa: E402

FORCED_PAGES = {
    "service": "/services/riverside-speech-dropin/",
    "easy-read-service": "/services/riverside-speech-dropin/easy-read/",
    "a-to-z": "/services/",
}
FOCUS_STYLE = """() => {
  const style = getComputedStyle(document.activeElement);
  return {tag: document.activeElement.tagName, text: document.activeElement.textContent.trim().slice(0, 30),
          style: style.outlineStyle, width: parseFloat(style.outlineWidth)};
}"""


@pytest.mark.parametrize("path", FORCED_PAGES.values(), ids=FORCED_PAGES.keys())
def test_in_forced_colours_focus_stays_visible_and_axe_finds_nothing(page, path):
    page.emulate_media(forced_colors="active")
    page.set_viewport_size(VIEWPORTS["desktop"])
    page.goto(path, wait_until="load")
    assert page.evaluate("() => matchMedia('(forced-colors: active)').matches")
    seen = []
    for _ in range(8):  # the skip link, the header, the menu, the page's first links and buttons
        page.keyboard.press("Tab")
        focus = page.evaluate(FOCUS_STYLE)
        seen.append(focus)
        assert focus["style"] != "none" and focus["width"] >= 2, f"focus not visible in forced colours: {focus}"
    assert any(focus["tag"] == "A" for focus in seen)
    assert_no_axe_violations(page)


def test_in_forced_colours_buttons_the_highlight_and_the_pictures_keep_their_meaning(page):
    page.emulate_media(forced_colors="active")
    page.goto(FORCED_PAGES["easy-read-service"], wait_until="load")
    listen = page.get_by_role("button", name="Listen to this page")
    assert listen.evaluate("(button) => getComputedStyle(button).borderTopStyle") == "solid"
    listen.focus()
    assert listen.evaluate("(button) => getComputedStyle(button).outlineStyle") == "solid"
    # Each picture on a white tile with a frame, so its lines show on a dark theme.
    tiles = page.locator(".app-easy-read__picture").evaluate_all(
        "(all) => all.map((p) => [getComputedStyle(p).backgroundColor, getComputedStyle(p).borderTopStyle])")
    assert tiles and set(map(tuple, tiles)) == {("rgb(255, 255, 255)", "solid")}, tiles
    # The sentence being read keeps a background of its own (Highlight), which forced colours would remove.
    page.evaluate("""() => {
      const span = document.createElement('span');
      span.className = 'app-listen__sentence app-listen__sentence--reading';
      span.textContent = 'Read now.';
      document.querySelector('.app-easy-read__summary').append(span);
    }""")
    highlight = page.locator(".app-listen__sentence--reading").evaluate(
        "(span) => [getComputedStyle(span).backgroundColor, getComputedStyle(span).forcedColorAdjust]")
    assert highlight[1] == "none" and highlight[0] not in ("rgba(0, 0, 0, 0)", "transparent"), highlight
