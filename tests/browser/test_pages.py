"""What a family would notice in a real browser: the keyboard, links that work,
honest answers, closed and draft services, one heading, no sideways scrolling,
pictures that say what they show and carry no hidden camera data, contact
details near the top on a phone, and listings that narrow without JavaScript."""

import io
import re
from urllib.parse import parse_qs, urlsplit

import pytest
from PIL import Image
from playwright.sync_api import expect

from .axe_check import assert_no_axe_violations

SERVICE = "/services/riverside-speech-dropin/"
SERVICE_NAME = "Speech and Language Drop-in"
CLOSED = "/services/fenwick-riding-therapy/"
CLOSED_NAME = "Riding and carriage driving for disabled children and young people"
DRAFT = "/services/family-link-shared-care/"
DRAFT_NAME = "Family Link shared care"
A_TO_Z = "/services/"

PAGES = {
    "home": "/",
    "service": SERVICE,
    "closed-service": CLOSED,
    "a-to-z": A_TO_Z,
    "category": "/categories/health/",
    "need": "/needs/asd/",
    "age": "/ages/0-4/",
    "area": "/areas/eastbridge/",
    "content-page": "/what-is-the-local-offer/",
    "not-found": "/no-such-page/",
}
# Every page answers 200 except the one that is meant to be missing.
STATUS = {path: 200 for path in PAGES.values()} | {"/no-such-page/": 404}

pages = pytest.mark.parametrize("path", PAGES.values(), ids=PAGES.keys())


def open_page(page, path):
    response = page.goto(path)
    assert response is not None, f"no response for {path}"
    assert response.status == STATUS.get(path, 200), f"{path} answered {response.status}"
    return response


def active_element(page):
    return page.evaluate(
        """() => {
            const el = document.activeElement;
            return el && {tag: el.tagName.toLowerCase(), id: el.id,
                          href: el.getAttribute('href'), text: el.textContent.trim()};
        }"""
    )


@pytest.mark.parametrize("path", ["/", SERVICE, A_TO_Z, "/no-such-page/"],
                         ids=["home", "service", "a-to-z", "not-found"])
def test_skip_link_is_first_and_moves_focus_to_main_content(page, path):
    open_page(page, path)
    page.keyboard.press("Tab")
    assert active_element(page) == {
        "tag": "a", "id": "", "href": "#main-content", "text": "Skip to main content",
    }, "the first Tab must land on the skip link"
    expect(page.locator(":focus")).to_be_visible()  # a focused skip link is shown on screen

    page.keyboard.press("Enter")
    focused = active_element(page)
    assert focused["id"] == "main-content", f"Enter on the skip link focused {focused}, not #main-content"
    assert page.evaluate("() => document.activeElement.tagName") == "MAIN"
    assert urlsplit(page.url).fragment == "main-content"


def test_feedback_link_carries_the_page_address_and_title(page):
    open_page(page, SERVICE)
    link = page.get_by_role("link", name="Tell us what you think of this page")
    expect(link).to_have_count(1)
    href = link.get_attribute("href")
    # URL-encoded: the slashes and spaces are escaped, so the address survives in a mailto: body.
    assert "%2Fservices%2Friverside-speech-dropin%2F" in href, href
    assert "Speech%20and%20Language%20Drop-in" in href, href
    parts = urlsplit(href)
    assert parts.scheme == "mailto"
    assert parts.path == "localoffer@northmoor.example.org"
    query = parse_qs(parts.query)
    assert query["subject"] == [f"Feedback about: {SERVICE_NAME}"]
    assert query["body"] == ["Page: /services/riverside-speech-dropin/\n\n"]


def test_phone_number_is_a_tel_link(page):
    open_page(page, SERVICE)
    links = page.locator("main a[href^='tel:']")
    expect(links).to_have_count(1)
    assert links.get_attribute("href") == "tel:+441632960123"
    # What is read out: "Call <service> on 01632 960 123"; what is seen: the number.
    expect(links).to_have_text(f"Call {SERVICE_NAME} on 01632 960 123")


def test_unknown_accessibility_feature_is_in_the_not_yet_stated_line(page):
    # providers/riverside-speech-dropin.yaml: `bsl_available: unknown`. It is never
    # shown as "No": it is one of the things families are told to ask about.
    open_page(page, SERVICE)
    row = page.locator(".govuk-summary-list__row").filter(
        has=page.locator(".govuk-summary-list__key", has_text=re.compile(r"^\s*British Sign Language\s*$"))
    )
    expect(row).to_have_count(0)
    expect(page.locator(".app-not-yet-stated")).to_have_text(re.compile(
        r"^The service has not told us about: .*British Sign Language.*\. Ask them when you get in touch\.$"))
    expect(page.get_by_text("Ask the service")).to_have_count(0)
    # `hearing_loop: yes` in the same file still reads "Yes": the answers are per feature.
    yes_row = page.locator(".govuk-summary-list__row").filter(
        has=page.locator(".govuk-summary-list__key", has_text=re.compile(r"^\s*Hearing loop\s*$"))
    )
    expect(yes_row.locator(".govuk-summary-list__value")).to_have_text("Yes")


def test_closed_service_has_a_page_with_a_notice_and_is_not_in_the_a_to_z(page):
    # providers/fenwick-riding-therapy.yaml: `status: closed`.
    open_page(page, CLOSED)
    expect(page.locator("h1")).to_have_text(CLOSED_NAME)
    # A notice of its own (a labelled region, GOV.UK's notification banner), not only
    # the provider's description, which happens to mention the closure too.
    notice = page.get_by_role("region").filter(has_text=re.compile("temporarily closed", re.I))
    expect(notice).to_have_count(1)
    expect(notice).to_be_visible()
    expect(notice).to_contain_text("This service is temporarily closed")

    open_page(page, A_TO_Z)
    expect(page.locator(f"a[href$='{SERVICE}']")).to_have_count(1)  # a published one is listed
    expect(page.locator(f"a[href$='{CLOSED}']")).to_have_count(0)
    expect(page.get_by_text(CLOSED_NAME)).to_have_count(0)


def test_draft_service_has_no_page_and_is_not_in_the_a_to_z(page):
    # providers/family-link-shared-care.yaml: `status: draft`.
    response = page.goto(DRAFT)
    assert response is not None and response.status == 404
    expect(page.locator("h1")).to_have_text("Page not found")

    open_page(page, A_TO_Z)
    expect(page.locator(f"a[href$='{SERVICE}']")).to_have_count(1)
    expect(page.locator(f"a[href$='{DRAFT}']")).to_have_count(0)
    expect(page.get_by_text(DRAFT_NAME)).to_have_count(0)


@pages
def test_exactly_one_h1(page, path):
    open_page(page, path)
    headings = page.locator("h1").all_inner_texts()
    assert len(headings) == 1, f"{path} has {len(headings)} <h1>: {headings}"
    assert headings[0].strip(), f"{path} has an empty <h1>"


@pages
def test_no_horizontal_scrolling_at_320px(page, path):
    # WCAG 1.4.10 Reflow: content fits 320 CSS pixels without scrolling sideways.
    page.set_viewport_size({"width": 320, "height": 800})
    open_page(page, path)
    scroll_width = page.evaluate("() => document.documentElement.scrollWidth")
    if scroll_width > 320:
        too_wide = page.evaluate(
            """() => [...document.querySelectorAll('body *')]
                .filter(el => el.getBoundingClientRect().right > 320.5)
                .slice(0, 10)
                .map(el => `right edge ${Math.round(el.getBoundingClientRect().right)}px: `
                           + el.outerHTML.slice(0, 200)
                           + `  (inside <${el.parentElement.tagName.toLowerCase()}`
                           + ` class="${el.parentElement.className}">)`)"""
        )
        pytest.fail(
            f"{path} scrolls sideways at 320px: scrollWidth is {scroll_width}. "
            "Elements past the edge:\n" + "\n".join(too_wide)
        )


def test_service_image_has_alt_text_and_no_exif(page):
    open_page(page, SERVICE)
    image = page.locator("main img[src$='riverside-playroom.jpg']")
    expect(image).to_have_count(1)
    assert image.get_attribute("alt") == "A bright playroom with toys, cushions and a low table."

    image.scroll_into_view_if_needed()  # it is loading="lazy"
    expect(image).to_have_js_property("complete", True)
    assert image.evaluate("img => img.naturalWidth") > 0, "the browser could not show the picture"

    # The sample file has camera data (make, model, GPS, a comment); the site must not serve it.
    response = page.request.get(image.evaluate("img => img.src"))
    assert response.status == 200
    assert response.headers["content-type"] == "image/jpeg"
    with Image.open(io.BytesIO(response.body())) as served:
        assert served.format == "JPEG"
        exif = dict(served.getexif())
        assert exif == {}, f"the served picture still has EXIF data: {exif}"


@pages
def test_page_loads_without_script_errors_or_missing_files(page, path):
    """No JavaScript errors, no Content-Security-Policy refusals, and every
    stylesheet, script, picture and icon the page asks for is there."""
    problems = []
    page.on("pageerror", lambda error: problems.append(f"script error: {error}"))
    # "Failed to load resource" is left to the response listener, which names the
    # file (the 404 page's own status is checked by open_page).
    page.on("console", lambda message: message.type == "error"
            and not message.text.startswith("Failed to load resource")
            and problems.append(f"console error: {message.text}"))
    page.on("requestfailed", lambda request: problems.append(
        f"request failed: {request.url} ({request.failure})"))
    page.on("response", lambda response: response.status >= 400
            and response.request.resource_type != "document"
            and problems.append(f"{response.status} for {response.url}"))
    open_page(page, path)
    page.evaluate("() => window.scrollTo(0, document.body.scrollHeight)")  # load lazy pictures
    page.wait_for_load_state("networkidle")
    assert problems == [], f"{path}:\n" + "\n".join(problems)


def test_links_on_the_main_pages_lead_somewhere(page, base_url):
    """Every link (and search form) to this site on the pages above answers 200:
    a family who follows one never lands on "Page not found"."""
    sources = {}
    for path in PAGES.values():
        open_page(page, path)
        for href in page.eval_on_selector_all(
            "a[href], form[action]",
            "els => els.map(el => (el.href || el.action).split('#')[0])",
        ):
            if href.startswith(base_url) and href != base_url + "/no-such-page/":
                sources.setdefault(href, set()).add(path)
    assert len(sources) > 20, f"too few links found to be a real check: {sorted(sources)}"
    broken = []
    for href, found_on in sorted(sources.items()):
        status = page.request.get(href).status
        if status != 200:
            broken.append(f"{status} {href[len(base_url):]} (linked from {', '.join(sorted(found_on))})")
    assert broken == [], "links that do not work:\n" + "\n".join(broken)


# --- Issue 14: the answer first on a phone, listings that narrow -------------

PHONE = {"width": 360, "height": 800}
DESKTOP = {"width": 1280, "height": 800}
# The sample's fullest provider file (the most fields filled in).
FULLEST = "/services/northmoor-college-foundation-learning/"
CONTACT_TOP = "() => document.getElementById('contact').getBoundingClientRect().top + window.scrollY"

CHANGED_PAGES = {
    "fullest-service": FULLEST,
    "service": SERVICE,
    "area": "/areas/fenwick/",
    "need": "/needs/asd/",
    "age": "/ages/0-4/",
    "category": "/categories/health/",
}


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
@pytest.mark.parametrize("path", CHANGED_PAGES.values(), ids=CHANGED_PAGES.keys())
def test_changed_pages_have_no_axe_violations_with_filters_open(page, path, viewport):
    page.set_viewport_size(viewport)
    open_page(page, path)
    assert_no_axe_violations(page)
    summary = page.locator(".app-listing-filters summary")
    if summary.count():
        summary.click()  # audit the filter form as families use it, open
        expect(page.locator(".app-listing-filters__form")).to_be_visible()
        assert_no_axe_violations(page)


def test_contact_details_start_within_the_first_screens_on_a_phone(page):
    """Measured with `python -m tools.contact_position`: the Contact heading of
    the fullest service starts about 1,090 px down at 360 px (3,771 px before
    issue 14), and no service page's later than about 1,390 px (the closed
    service, below its notice; 4,008 px before), "Listen" control included."""
    page.set_viewport_size(PHONE)
    open_page(page, FULLEST)
    fullest = page.evaluate(CONTACT_TOP)
    assert fullest < 1150, f"the contact details of the fullest service start {fullest:.0f} px down"
    expect(page.locator("#contact + .govuk-summary-list a[href^='tel:']")).to_have_count(1)

    open_page(page, A_TO_Z)
    services = page.eval_on_selector_all(".app-service-card h3 a", "links => links.map(a => a.pathname)")
    assert len(services) == 50
    late = []
    for path in services:
        open_page(page, path)
        top = page.evaluate(CONTACT_TOP)
        if top >= 1450:
            late.append(f"{path}: {top:.0f} px")
    assert late == [], "contact details 1,450 px or more down at 360 px:\n" + "\n".join(late)


@pytest.fixture
def no_script_page(browser, base_url):
    context = browser.new_context(java_script_enabled=False, base_url=base_url)
    yield context.new_page()
    context.close()


def submitted_filters(page):
    parts = urlsplit(page.url)
    return parts.path, parse_qs(parts.query, keep_blank_values=True)


def test_listing_filter_form_works_without_javascript(no_script_page):
    page = no_script_page
    open_page(page, "/needs/asd/")
    page.get_by_text("Filter this list").click()  # a native <details>: no script needed
    form = page.get_by_role("form", name="Filter Autism")
    expect(form.get_by_label("Need")).to_have_value("asd")
    form.get_by_label("Child's age").select_option("7")
    form.get_by_label("Area").select_option("fenwick")
    form.get_by_label("are free").check()
    form.get_by_label("families can contact directly, without a referral").check()
    form.get_by_role("button", name="Show matching services").click()
    page.wait_for_url("**/search/**")
    assert submitted_filters(page) == ("/search/", {
        "age": ["7"], "need": ["asd"], "area": ["fenwick"], "category": [""], "free": ["yes"], "self": ["yes"],
    })


def test_age_listing_filter_asks_for_the_age_before_it_goes(no_script_page):
    page = no_script_page
    open_page(page, "/ages/0-4/")
    page.get_by_text("Filter this list").click()
    form = page.get_by_role("form", name="Filter 0 to 4 years (early years)")
    button = form.get_by_role("button", name="Show matching services")
    button.click()
    # The browser refuses an empty required age: the family stays on the listing.
    assert urlsplit(page.url).path == "/ages/0-4/"
    assert form.get_by_label("Child's age").evaluate("select => select.validity.valueMissing")
    form.get_by_label("Child's age").select_option("3")
    form.get_by_label("Type of service").select_option("health")
    button.click()
    page.wait_for_url("**/search/**")
    assert submitted_filters(page) == ("/search/", {
        "age": ["3"], "need": [""], "area": [""], "category": ["health"],
    })


def test_area_pages_are_linked_from_service_pages(page):
    # providers/riverside-speech-dropin.yaml: `areas: [northmoor-city, eastbridge]`.
    open_page(page, SERVICE)
    page.get_by_role("link", name="Eastbridge", exact=True).click()
    assert urlsplit(page.url).path == "/areas/eastbridge/"
    expect(page.locator("h1")).to_have_text("Eastbridge")
    expect(page.locator(".govuk-caption-l")).to_have_text("Services by area")
    expect(page.locator(f".app-service-card a[href$='{SERVICE}']")).to_have_count(1)
    count = page.locator(".app-service-card").count()
    expect(page.locator("main .govuk-body-l")).to_have_text(f"{count} services, from A to Z.")


def test_listing_with_filters_open_fits_320px(page):
    page.set_viewport_size({"width": 320, "height": 800})
    open_page(page, "/ages/0-4/")
    page.get_by_text("Filter this list").click()
    expect(page.locator(".app-listing-filters__form")).to_be_visible()
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 320
