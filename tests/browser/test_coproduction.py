"""The co-production pages, the tracker and "You said, we did" in Chromium:
axe-core (WCAG 2.2 A and AA) finds nothing, on a desktop screen and, where the
layout changes, on a phone; the wide table scrolls in its own box by keyboard
at 320px; and every link on these pages leads somewhere."""

import pytest
from playwright.sync_api import expect

from .axe_check import assert_no_axe_violations

PAGES = {
    "coproduction": "/coproduction/",
    "ladder": "/coproduction/ladder/",
    "charter": "/coproduction/charter/",
    "how-families-shaped": "/coproduction/how-families-shaped-the-local-offer/",
    "tracker": "/coproduction/tracker/",
    "feedback": "/feedback/",
    "you-said-we-did": "/feedback/you-said-we-did/",
}
# The pages whose layout is their own (the ladder figure, the tables) are checked on a phone too.
PHONE_PAGES = ["ladder", "tracker", "you-said-we-did"]
DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 375, "height": 812}


def open_page(page, path):
    response = page.goto(path)
    assert response is not None and response.status == 200, f"{path} answered {response and response.status}"
    headings = page.locator("h1").all_inner_texts()
    assert len(headings) == 1, f"{path} has {len(headings)} <h1>: {headings}"


@pytest.mark.parametrize("path", PAGES.values(), ids=PAGES.keys())
def test_page_has_no_axe_violations_on_a_desktop(page, path):
    page.set_viewport_size(DESKTOP)
    open_page(page, path)
    assert_no_axe_violations(page)


@pytest.mark.parametrize("name", PHONE_PAGES)
def test_page_has_no_axe_violations_on_a_phone(page, name):
    page.set_viewport_size(PHONE)
    open_page(page, PAGES[name])
    assert_no_axe_violations(page)


def test_tracker_table_scrolls_in_its_own_box_by_keyboard_at_320px(page):
    page.set_viewport_size({"width": 320, "height": 800})
    open_page(page, PAGES["tracker"])
    # WCAG 1.4.10: the page itself does not scroll sideways...
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 320
    # ...the table does, inside a named region that a keyboard user can reach and scroll.
    region = page.get_by_role("region", name="Every project, its dates, its status and the step of the ladder it reached")
    expect(region).to_have_count(1)
    assert region.evaluate("el => el.scrollWidth > el.clientWidth"), "the table fits; this test checks nothing"
    region.focus()
    expect(region).to_be_focused()
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    page.wait_for_function("el => el.scrollLeft > 0", arg=region.element_handle())


def test_a_project_in_the_table_leads_to_its_section(page):
    page.set_viewport_size(DESKTOP)
    open_page(page, PAGES["tracker"])
    link = page.get_by_role("table").get_by_role("link", name="Review of the short breaks services statement")
    link.click()
    heading = page.get_by_role("heading", level=3, name="Review of the short breaks services statement")
    expect(heading).to_be_in_viewport()
    assert page.url.endswith("#project-short-breaks-statement")


def test_the_ladder_is_a_figure_with_its_steps_in_order(page):
    page.set_viewport_size(DESKTOP)
    open_page(page, PAGES["ladder"])
    figure = page.get_by_role("figure", name="The ladder of co-production. Four steps", exact=False)
    expect(figure).to_have_count(1)
    steps = figure.get_by_role("listitem")
    expect(steps).to_have_count(4)
    names = figure.locator(".app-ladder__name").all_inner_texts()
    assert names == ["Information", "Consultation", "Participation", "Co-production"]
    # Seen as a staircase: each step stands taller than the one before, left to right.
    boxes = [steps.nth(i).bounding_box() for i in range(4)]
    assert [b["x"] for b in boxes] == sorted(b["x"] for b in boxes)
    assert [b["height"] for b in boxes] == sorted(b["height"] for b in boxes) and boxes[0]["height"] < boxes[3]["height"]


def test_links_on_these_pages_lead_somewhere(page, base_url):
    sources = {}
    for path in PAGES.values():
        open_page(page, path)
        for href in page.eval_on_selector_all("main a[href]", "els => els.map(el => el.href.split('#')[0])"):
            if href.startswith(base_url):
                sources.setdefault(href, set()).add(path)
    assert len(sources) >= 9, f"too few links found to be a real check: {sorted(sources)}"
    broken = [f"{status} {href[len(base_url):]} (linked from {', '.join(sorted(found))})"
              for href, found in sorted(sources.items())
              if (status := page.request.get(href).status) != 200]
    assert broken == [], "links that do not work:\n" + "\n".join(broken)
