"""What families read first, from real provider files through a real Pelican
build: the card facts, the "Not yet stated" line, area listings and the
listing filter form (issue 14). The templates alone are tested in
test_theme_templates.py."""

import re
from pathlib import Path

import pytest

from localoffer.service_directory import words
from tests.conftest import run_pelican

SITE = Path(__file__).parent / "fixtures" / "site" / "providers"


@pytest.fixture(scope="module")
def output(tmp_path_factory):
    output = tmp_path_factory.mktemp("pages") / "output"
    result = run_pelican(SITE, output)
    assert result.returncode == 0, result.stdout
    return output


def read(output, address):
    return (output / address / "index.html").read_text(encoding="utf-8")


def card_facts(html):
    """{service address: [(key, value), ...]} for every card on a page."""
    cards = re.findall(r'<li class="app-service-card">.*?href="/(services/[^"]+)".*?'
                       r'<dl class="app-service-card__facts">(.*?)</dl>', html, re.S)
    return {url: re.findall(r"<dt>([^<]*)</dt>\s*<dd>([^<]*)</dd>", facts) for url, facts in cards}


@pytest.mark.parametrize("towns,text", [
    ([], "Online or by phone"),
    (["Fenwick"], "Fenwick"),
    (["Northmoor", "Northmoor"], "Northmoor"),
    (["Northmoor", "Highcombe"], "Northmoor and Highcombe"),
    (["Northmoor", "Highcombe", "Northmoor", "Westmarsh"], "Northmoor and 2 other places"),
])
def test_place_text(towns, text):
    assert words.place_text(towns) == text


@pytest.mark.parametrize("label,text", [
    ("Step-free access", "step-free access"),
    ("Easy-read information", "easy-read information"),
    ("British Sign Language", "British Sign Language"),
    ("Changing Places toilet", "Changing Places toilet"),
])
def test_labels_in_a_sentence_keep_names_capitalised(label, text):
    assert words.in_sentence(label) == text


def test_cards_answer_where_ages_cost_and_referral(output):
    # complete-service: one location in Fenwick, 5 to 11, £3 a session, self-referral, about 3 weeks' wait.
    # unsafe-text: no location, 0 to 25, free, self-referral, every area.
    assert card_facts(read(output, "areas/fenwick")) == {
        "services/complete-service/": [
            ("Where", "Fenwick"), ("Ages", "5 to 11 years"), ("Cost", "There is a charge"),
            ("Referral", "You can contact them yourself"), ("Waiting time", "About 3 weeks"), ("Run by", "Fenwick Family Link"),
        ],
        "services/unsafe-text/": [
            ("Where", "Online or by phone"), ("Ages", "0 to 25 years"), ("Cost", "Free"),
            ("Referral", "You can contact them yourself"),
            ("Run by", "Eastbridge &lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; Sons"),
        ],
    }


def test_every_area_has_a_listing_and_services_for_every_area_are_on_each(output):
    assert sorted(path.name for path in (output / "areas").iterdir()) == [
        "eastbridge", "fenwick", "highcombe", "northmoor-city", "westmarsh"]
    assert sorted(card_facts(read(output, "areas/eastbridge"))) == ["services/unsafe-text/"]
    fenwick = read(output, "areas/fenwick")
    assert '<span class="govuk-caption-l">Services by area</span>' in fenwick
    assert '<h1 class="govuk-heading-xl">Fenwick</h1>' in fenwick
    assert '<p class="govuk-body-l">2 services, from A to Z.</p>' in fenwick
    # The closed service is in Fenwick too, but closed services leave listings.
    assert "closed-service" not in fenwick


def test_service_pages_link_their_areas(output):
    assert '<a class="govuk-link" href="/areas/fenwick/">Fenwick</a>' in read(output, "services/complete-service")
    # "[all]" areas read "Every area" rather than a list of links.
    assert '<p class="govuk-body">Every area</p>' in read(output, "services/unsafe-text")


def test_listing_filter_form_goes_to_the_search_page_with_the_area_chosen(output):
    fenwick = read(output, "areas/fenwick")
    assert '<form class="app-listing-filters__form" action="/search/" method="get" aria-label="Filter Fenwick">' in fenwick
    assert '<option value="fenwick" selected>Fenwick</option>' in fenwick
    assert fenwick.count(" selected>") == 1
    # One service: nothing to narrow.
    assert "app-listing-filters__form" not in read(output, "areas/eastbridge")


def test_not_yet_stated_lists_what_the_provider_left_empty(output):
    # complete-service answers step_free_access (yes) and leaves quiet_space unknown and the rest out.
    complete = read(output, "services/complete-service")
    assert ('<p class="govuk-body app-not-yet-stated">The service has not told us about: accessible toilet, '
            "Changing Places toilet, hearing loop, accessible parking, quiet space, sensory-friendly, "
            "British Sign Language, easy-read information. Ask them when you get in touch.</p>") in complete
    assert "Ask the service" not in complete
    # unsafe-text gives no opening times, accessibility or languages; it is free, so no cost is
    # missing; it has no location, so a building's features are not asked for.
    unsafe = read(output, "services/unsafe-text")
    assert ('<p class="govuk-body app-not-yet-stated">The service has not told us about: opening times, '
            "British Sign Language, easy-read information, languages and interpreters. "
            "Ask them when you get in touch.</p>") in unsafe
    assert 'id="opening-times"' not in unsafe and 'id="accessibility"' not in unsafe


def build_changed(tmp_path, *changes):
    """Build complete-service.yaml with each (old, new) text change made; return its page."""
    providers = tmp_path / "providers"
    (providers / "images").mkdir(parents=True)
    (providers / "images" / "club.png").write_bytes((SITE / "images" / "club.png").read_bytes())
    text = (SITE / "complete-service.yaml").read_text(encoding="utf-8")
    for old, new in changes:
        assert old in text, old
        text = text.replace(old, new)
    (providers / "complete-service.yaml").write_text(text, encoding="utf-8")
    result = run_pelican(providers, tmp_path / "output")
    assert result.returncode == 0, result.stdout
    return read(tmp_path / "output", "services/complete-service")


def test_a_charge_without_details_is_not_yet_stated(tmp_path):
    page = build_changed(tmp_path, ("    details: £3 a session.\n", ""))
    assert "The service has not told us about: how much it costs, accessible toilet," in page
    assert 'id="cost"' not in page


def test_no_accessibility_stated_at_all_is_one_word(tmp_path):
    page = build_changed(tmp_path, ("  step_free_access: yes\n  quiet_space: unknown\n", ""),
                         ("  languages: [English]\n", ""))
    assert ('<p class="govuk-body app-not-yet-stated">The service has not told us about: accessibility, '
            "languages and interpreters. Ask them when you get in touch.</p>") in page
    # The building's details the provider gave are still shown, without a list of unknowns.
    assert 'id="accessibility"' in page and "The hall is on one level." in page
