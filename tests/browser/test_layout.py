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
