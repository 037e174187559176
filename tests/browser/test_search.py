"""Search in Chromium on the sample site: words, SEND vocabulary, typos, filters,
shareable addresses, the keyboard, axe-core, and what is fetched when."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.axe_check import assert_no_axe_violations

DONE = "#search-page[data-search-state=done]"


def search_for(page, words):
    page.goto("/search/")
    page.get_by_label("Search for a service").fill(words)
    page.get_by_label("Search for a service").press("Enter")
    page.wait_for_selector(DONE)


def open_search(page, query):
    page.goto(f"/search/?{query}")
    page.wait_for_selector(DONE)


def result_names(page):
    return page.locator("#search-results h3 a").all_text_contents()


def status(page):
    return page.locator("#search-status").text_content()


def all_results(page):
    """Every result, clicking "Show more" until there is none."""
    while page.locator("#search-more").is_visible():
        before = page.locator("#search-results li").count()
        page.locator("#search-more").click()
        expect(page.locator("#search-results li")).not_to_have_count(before)
    return page.locator("#search-results > li")


def test_typing_a_query_shows_the_right_services_first_and_changes_the_address(page):
    search_for(page, "autism")
    names = result_names(page)
    assert set(names[:3]) == {
        "Autism and ADHD family support groups",
        "Autism and ADHD Assessment (Neurodevelopmental Pathway)",
        "The Nest - autism resourced provision at Kestrel Academy",
    }
    assert re.fullmatch(r"\d+ services found for ‘autism’\.", status(page))
    assert page.url.endswith("/search/?q=autism")
    assert page.title().startswith("autism - Search - ")
    expect(page.locator("#search-browse")).to_be_hidden()


def test_each_result_shows_name_summary_organisation_ages_and_cost(page):
    search_for(page, "swimming")
    first = page.locator("#search-results > li").first
    expect(first.locator("h3 a")).to_have_text("Splash - inclusive swimming sessions")
    expect(first.locator("h3 a")).to_have_attribute("href", "/services/splash-inclusive-swimming/")
    expect(first.locator(".app-service-card__summary")).not_to_be_empty()
    # The listing card (components/service_card.html) answers where, ages, cost and referral (issue 14).
    expect(first.locator("dt")).to_have_text(["Where", "Ages", "Cost", "Referral", "Run by"])
    expect(first.locator("dd").nth(0)).to_have_text("Westmarsh")
    expect(first.locator("dd").nth(1)).to_have_text(re.compile(r"\d+ to \d+ years"))
    expect(first.locator("dd").nth(2)).to_have_text("There is a charge")
    expect(first.locator("dd").nth(3)).to_have_text("You can contact them yourself")


def test_the_count_is_in_a_live_region(page):
    search_for(page, "swimming")
    region = page.locator("#search-status")
    expect(region).to_have_attribute("aria-live", "polite")
    expect(region).to_have_text(re.compile(r"^\d+ services? found for ‘swimming’\.$"))


@pytest.mark.parametrize("words", ["asd", "autistic", "Autism"])
def test_asd_autism_and_autistic_find_the_same_services(page, words):
    open_search(page, "q=autism")
    expected = set(all_results(page).locator("h3 a").all_text_contents())
    open_search(page, f"q={words}")
    assert set(all_results(page).locator("h3 a").all_text_contents()) == expected


def test_salt_finds_speech_and_language_therapy(page):
    search_for(page, "salt")
    assert set(result_names(page)[:2]) == {"Children's Speech and Language Therapy", "Speech and Language Drop-in"}


def test_ehcp_finds_education_health_and_care_plan_help(page):
    search_for(page, "ehcp")
    assert "EHC needs assessments and plans (SEND Assessment and Review Team)" in result_names(page)[:3]
    search_for(page, "education health and care plan")
    assert "EHC needs assessments and plans (SEND Assessment and Review Team)" in result_names(page)[:3]


@pytest.mark.parametrize("typed, meant, expected", [
    ("autsim", "autism", "Autism and ADHD family support groups"),  # two letters swapped
    ("speach", "speech", "Children's Speech and Language Therapy"),  # a wrong vowel
    ("dispraxia", "dyspraxia", "Learning Support Outreach (dyslexia and specific learning difficulties)"),  # a wrong letter near the start
])
def test_a_typo_finds_what_was_meant_and_offers_the_corrected_search(page, typed, meant, expected):
    search_for(page, typed)
    assert re.fullmatch(rf"\d+ services? found for ‘{typed}’\.", status(page))
    assert expected in result_names(page)[:3]
    suggestion = page.locator("#search-suggestion")
    expect(suggestion).to_have_text(f"Did you mean {meant}?")
    suggestion.get_by_role("link", name=meant).click()
    page.wait_for_selector(DONE)
    assert page.url.endswith(f"/search/?q={meant}")
    expect(suggestion).to_be_hidden()


def test_words_in_no_service_are_left_out_and_the_others_still_find(page):
    search_for(page, "my child has autism")
    assert "Autism and ADHD family support groups" in result_names(page)[:3]
    search_for(page, "where can my daughter go after school")
    assert result_names(page)


def test_a_search_that_finds_nothing_is_not_a_dead_end(page):
    open_search(page, "q=qqqqqq")
    assert status(page) == "No services found for ‘qqqqqq’."
    help_block = page.locator("#search-help")
    expect(help_block.get_by_role("link", name="SEND Information, Advice and Support Line")).to_have_attribute(
        "href", "/services/northmoor-send-advice-line/")
    expect(help_block.get_by_role("link", name="01632 960 789")).to_have_attribute("href", "tel:+441632960789")
    expect(help_block.get_by_role("link", name=re.compile(r"^browse all \d+ services from A to Z$"))).to_have_attribute(
        "href", "/services/")
    open_search(page, "q=hearing&category=travel-and-transport")
    assert status(page) == "No services found for ‘hearing’ that match your filters."
    expect(page.locator("#search-nearest a").first).to_have_text("Hearing impairment")


def test_a_typo_in_a_short_word_is_not_guessed(page):
    search_for(page, "slat")
    assert status(page) == "No services found for ‘slat’."


def test_stemming_finds_other_forms_of_a_word(page):
    open_search(page, "q=wheelchairs")
    plural = result_names(page)
    open_search(page, "q=wheelchair")
    assert plural == result_names(page) and "Wheelchair and Seating Service" in plural


def test_accents_are_ignored(page):
    open_search(page, "q=spe%CC%81ech")  # "spéech", with a combining accent
    accented = result_names(page)
    open_search(page, "q=speech")
    assert accented == result_names(page) and accented


def test_closed_and_draft_services_are_not_found(page):
    search_for(page, "riding carriage")  # fenwick-riding-therapy is closed
    assert "/services/fenwick-riding-therapy/" not in hrefs(page.locator("#search-results"))
    search_for(page, "Family Link shared care")  # a draft
    assert "Family Link shared care" not in result_names(page)


def ages_of(results):
    return [tuple(int(n) for n in re.findall(r"\d+", text)) for text in results.locator("dd:nth-of-type(2)").all_text_contents()]


def hrefs(results):
    return {a.get_attribute("href") for a in results.locator("h3 a").all()}


def listing_hrefs(page, path):
    page.goto(path)
    return {a.get_attribute("href") for a in page.locator(".app-service-list h2 a, .app-service-list h3 a").all()}


@pytest.mark.parametrize("query, listing", [
    ("need=hi", "/needs/hi/"),
    ("category=health", "/categories/health/"),
])
def test_a_need_or_category_filter_alone_lists_what_its_listing_page_lists(page, query, listing):
    expected = listing_hrefs(page, listing)
    open_search(page, query)
    assert hrefs(all_results(page)) == expected
    assert status(page) == f"{len(expected)} services found matching your filters."


def test_the_age_filter_keeps_services_whose_range_holds_the_age(page):
    open_search(page, "age=3")
    ages = ages_of(all_results(page))
    assert ages and all(low <= 3 <= high for low, high in ages)
    open_search(page, "age=22")
    assert all(low <= 22 <= high for low, high in ages_of(all_results(page)))


def test_the_area_filter_keeps_services_in_the_area(page):
    open_search(page, "area=highcombe")
    highcombe = hrefs(all_results(page))
    assert "/services/highcombe-youth-club/" in highcombe
    open_search(page, "area=fenwick")
    fenwick = hrefs(all_results(page))
    assert "/services/highcombe-youth-club/" not in fenwick
    assert "/services/little-acorns-day-nursery/" in fenwick


def test_free_only_and_can_self_refer(page):
    open_search(page, "free=yes")
    costs = all_results(page).locator("dd:nth-of-type(3)").all_text_contents()
    assert costs and set(costs) == {"Free"}
    open_search(page, "self=yes")
    found = hrefs(all_results(page))
    assert "/services/riverside-speech-dropin/" in found
    assert "/services/brambleside-school/" not in found  # by EHC plan only


def test_filters_combine_with_each_other_and_with_words(page):
    open_search(page, "need=asd&age=7&free=yes")
    with_filters = hrefs(all_results(page))
    open_search(page, "need=asd")
    assert with_filters < hrefs(all_results(page))
    open_search(page, "q=club&need=asd&age=7&free=yes")
    both = all_results(page)
    assert re.fullmatch(r"\d+ services? found for ‘club’ that match your filters\.", status(page))
    assert hrefs(both) <= with_filters and hrefs(both)
    assert set(both.locator("dd:nth-of-type(3)").all_text_contents()) == {"Free"}
    assert all(low <= 7 <= high for low, high in ages_of(both))


def test_choosing_a_filter_searches_at_once_and_goes_in_the_address(page):
    search_for(page, "club")
    count = page.get_attribute("#search-page", "data-search-count")
    page.get_by_label("Child's age").select_option("7")
    page.wait_for_function(f"() => document.getElementById('search-page').dataset.searchCount !== '{count}'")
    page.wait_for_selector(DONE)
    assert page.url.endswith("/search/?q=club&age=7")
    page.get_by_label("are free").check()
    expect(page).to_have_url(re.compile(r"/search/\?q=club&age=7&free=yes$"))


def test_need_filter_is_grouped_by_the_four_broad_areas(page):
    page.goto("/search/")
    groups = page.locator("#search-need optgroup")
    labels = [groups.nth(i).get_attribute("label") for i in range(groups.count())]
    assert labels[:4] == ["Communication and interaction", "Cognition and learning",
                          "Social, emotional and mental health", "Sensory and physical"]


def test_a_shared_address_restores_the_search_and_the_back_button_works(page):
    search_for(page, "autism")
    page.get_by_label("are free").check()
    expect(page).to_have_url(re.compile(r"\?q=autism&free=yes$"))
    page.wait_for_selector(DONE)
    shared_url, shared = page.url, result_names(page)

    other = page.context.new_page()
    other.goto(shared_url)
    other.wait_for_selector(DONE)
    assert result_names(other) == shared
    expect(other.get_by_label("Search for a service")).to_have_value("autism")
    expect(other.get_by_label("are free")).to_be_checked()
    other.close()

    # A filter replaces the address; a new search adds to the history, so Back restores the previous search.
    page.get_by_label("Search for a service").fill("speech")
    page.get_by_label("Search for a service").press("Enter")
    expect(page).to_have_url(re.compile(r"\?q=speech&free=yes$"))
    page.go_back()
    expect(page).to_have_url(re.compile(r"\?q=autism&free=yes$"))
    expect(page.get_by_label("Search for a service")).to_have_value("autism")
    expect(page.get_by_label("are free")).to_be_checked()
    page.wait_for_selector(DONE)
    assert result_names(page) == shared
    page.go_back()
    expect(page).to_have_url(re.compile(r"/search/$"))
    expect(page.locator("#search-browse")).to_be_visible()


def test_filter_changes_add_no_history_entries(page):
    search_for(page, "club")
    length = page.evaluate("() => history.length")
    page.get_by_label("Child's age").select_option("7")
    page.get_by_label("are free").check()
    expect(page).to_have_url(re.compile(r"\?q=club&age=7&free=yes$"))
    assert page.evaluate("() => history.length") == length


def test_on_a_phone_the_results_come_before_the_filters_which_wait_behind_a_button(page):
    page.set_viewport_size({"width": 360, "height": 740})
    open_search(page, "q=club&age=7&free=yes")
    toggle = page.get_by_role("button", name="Filter (2 applied)")
    expect(toggle).to_have_attribute("aria-expanded", "false")
    expect(page.get_by_label("Child's age")).to_be_hidden()
    first = page.locator("#search-results > li").first.bounding_box()
    assert page.locator("#search-status").bounding_box()["y"] < 600 and first["y"] < 740
    toggle.click()
    expect(toggle).to_have_attribute("aria-expanded", "true")
    expect(page.get_by_label("Child's age")).to_have_value("7")
    assert_no_axe_violations(page)


def test_on_a_wide_screen_the_filters_are_open_and_there_is_no_filter_button(page):
    page.set_viewport_size({"width": 1280, "height": 800})
    open_search(page, "q=club")
    expect(page.get_by_label("Child's age")).to_be_visible()
    expect(page.locator("#search-filter-toggle")).to_be_hidden()


def test_show_more_adds_results_and_moves_focus_to_the_first_new_one(page):
    open_search(page, "q=support")
    expect(page.locator("#search-results > li")).to_have_count(20)
    page.locator("#search-more").click()
    expect(page.locator("#search-results > li").nth(20).locator("a")).to_be_focused()


def test_keyboard_only_search_and_open_a_result(page):
    page.goto("/search/")
    for _ in range(30):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.id") == "search-q":
            break
    assert page.evaluate("() => document.activeElement.id") == "search-q"
    page.keyboard.type("salt")
    page.keyboard.press("Enter")
    page.wait_for_selector(DONE)
    first = page.locator("#search-results h3 a").first
    for _ in range(30):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.matches('#search-results a')"):
            break
    expect(first).to_be_focused()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/services/[a-z-]+/$"))
    page.go_back()
    page.wait_for_selector(DONE)
    expect(page.get_by_label("Search for a service")).to_have_value("salt")


@pytest.mark.parametrize("viewport", [{"width": 1280, "height": 800}, {"width": 375, "height": 812}])
def test_no_axe_violations_with_results_and_with_none(page, viewport):
    page.set_viewport_size(viewport)
    open_search(page, "q=autism&free=yes")
    assert page.locator("#search-results li").count() > 0
    assert_no_axe_violations(page)
    open_search(page, "q=zzzzzz")
    assert status(page) == "No services found for ‘zzzzzz’."
    expect(page.locator("#search-help")).to_be_visible()
    assert_no_axe_violations(page)


def test_result_links_are_at_least_24px_high(page):
    open_search(page, "q=autism")
    boxes = [link.bounding_box() for link in page.locator("#search-results h3 a").all()]
    assert boxes and min(box["height"] for box in boxes) >= 24


def test_a_result_is_the_same_card_as_in_the_listings(page):
    # One source: the store holds the theme's service_card, rendered when the site is built.
    open_search(page, "q=portage")
    result = page.locator("#search-results > li").first
    assert page.locator("#search-results script, #search-results img").count() == 0
    searched = result.inner_html()
    page.goto("/services/")
    listed = page.locator("li.app-service-card", has=page.get_by_role("link", name="Portage home visiting"))
    def same_layout(html):
        return re.sub(r"\s*\n\s*", "", re.sub(r"h\d([ >])", r"h\1", html))
    assert same_layout(listed.inner_html()) == same_layout(searched)


def test_nothing_is_fetched_before_a_family_starts_to_search(page):
    fetched = []
    page.on("request", lambda request: fetched.append(request.url))
    page.goto("/search/")
    page.wait_for_load_state("networkidle")
    assert not [url for url in fetched if "/search/data/" in url]
    with page.expect_response(re.compile(r"/search/data/manifest\.json\?v=")):
        page.get_by_label("Search for a service").focus()
    page.wait_for_load_state("networkidle")
    assert [url for url in fetched if "/search/data/" in url] == [
        next(url for url in fetched if "/search/data/manifest.json?v=" in url)]
    page.get_by_label("Search for a service").fill("swimming")
    page.get_by_label("Search for a service").press("Enter")
    page.wait_for_selector(DONE)
    data = sorted(re.sub(r"\?v=\w+$", "", url.split("/search/data/")[1]) for url in fetched if "/search/data/" in url)
    # The manifest, the one term file of "swimming", and only store pages (no word, filter or topic files).
    assert [name for name in data if not name.startswith("store/")] == ["manifest.json", "terms/sw.json"]
    pages = {name for name in data if name.startswith("store/")}
    assert 1 <= len(pages) <= page.locator("#search-results > li").count()


def test_without_javascript_the_page_offers_browsing(browser, base_url):
    context = browser.new_context(java_script_enabled=False, base_url=base_url)
    page = context.new_page()
    page.goto("/search/?q=autism")
    expect(page.get_by_text("Searching needs JavaScript")).to_be_visible()
    expect(page.get_by_label("Search for a service")).to_be_hidden()
    for heading in ("Find services by need", "Find services by age", "Find services by type", "All services"):
        expect(page.get_by_role("heading", name=heading)).to_be_visible()
    expect(page.get_by_role("link", name="Autism")).to_have_attribute("href", "/needs/asd/")
    expect(page.get_by_role("link", name=re.compile("^See all \\d+ services from A to Z$"))).to_be_visible()
    context.close()


def test_the_home_page_form_leads_to_results(page):
    page.goto("/")
    page.get_by_label("Search for a service").fill("portage")
    page.get_by_role("button", name="Search").click()
    page.wait_for_selector(DONE)
    assert result_names(page)[0] == "Portage home visiting"
