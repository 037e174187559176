"""`service.waiting_time`, end to end: what a provider writes and is told when it is wrong, the
service page, its easy read, the listing and search card, and the open data (CSV, Open Referral
export and import). Built with real Pelican from tests/fixtures/site/providers, whose
complete-service.yaml waits about 3 weeks."""

import csv
import datetime
import io
import json
import re
from pathlib import Path

import pytest

from localoffer.easy_read import words as easy_words
from localoffer.service_directory import words
from localoffer.service_directory.validate import ProviderChecker
from tests.conftest import run_pelican

FIXTURES = Path(__file__).parent / "fixtures"
VALID = (FIXTURES / "providers" / "valid" / "complete-service.yaml").read_text(encoding="utf-8")
FILE = "providers/complete-service.yaml"


# The same real build of tests/fixtures/site/providers as the other page tests.
from tests.test_service_pages import output, read as page  # noqa: E402,F401  (a pytest fixture and its reader)


def problems_for(tmp_path, waiting):
    """The problems of the valid fixture with `waiting` (YAML lines) after how_to_access."""
    text = VALID.replace("  opening_times:\n", waiting + "  opening_times:\n", 1)
    assert text != VALID
    folder = tmp_path / "providers"
    (folder / "images").mkdir(parents=True)
    (folder / "images" / "club.png").write_bytes((FIXTURES / "providers" / "valid" / "images" / "club.png").read_bytes())
    (folder / "complete-service.yaml").write_text(text, encoding="utf-8")
    checker = ProviderChecker({"health": "Health", "activities-and-short-breaks": "Activities", "early-years": "Early years"},
                              {"fenwick": "Fenwick", "eastbridge": "Eastbridge"}, datetime.date(2026, 11, 22),
                              display_root=tmp_path)
    checked = checker.check_file(folder / "complete-service.yaml")
    line = text[:text.index(waiting)].count("\n") + 1
    return [str(problem) for problem in checked.problems], line


def test_the_valid_fixture_has_no_problems_with_a_waiting_time(tmp_path):
    problems, _ = problems_for(tmp_path, "  waiting_time:\n    weeks: 6\n    details: Urgent referrals are seen within a week.\n")
    assert problems == []


@pytest.mark.parametrize("written,offset,message", [
    ("  waiting_time: 6 weeks\n", 0,
     "service.waiting_time: expected a section with keys indented below it, not the text `6 weeks`; "
     "write weeks: and the number on the line below, indented (and details: if you need it), e.g. weeks: 6"),
    ("  waiting_time:\n    weeks: six\n", 1,
     "service.waiting_time.weeks: `six` is not a whole number; write a whole number of weeks from 0 to 104, e.g. 6"),
    ("  waiting_time:\n    weeks: 6-8\n", 1,
     "service.waiting_time.weeks: `6-8` is not a whole number; write a whole number of weeks from 0 to 104, e.g. 6"),
    ("  waiting_time:\n    weeks: 200\n", 1,
     "service.waiting_time.weeks: `200` is more than 104; write a whole number of weeks from 0 to 104, e.g. 6"),
    ("  waiting_time:\n    weeks: -1\n", 1,
     "service.waiting_time.weeks: `-1` is less than 0; write a whole number of weeks from 0 to 104, e.g. 6"),
    ("  waiting_time:\n    details: It depends.\n", 0,
     "service.waiting_time.weeks: is missing; add `weeks:` with a whole number of weeks from 0 to 104, e.g. 6"),
    ("  waiting_time:\n    week: 6\n", 1,
     "service.waiting_time.week: `week` is not a key of `waiting_time`; did you mean `weeks`?"),
])
def test_a_wrong_waiting_time_says_where_and_what_to_write(tmp_path, written, offset, message):
    problems, line = problems_for(tmp_path, written)
    expected = f"{FILE}:{line + offset}: {message}"
    assert expected in problems, problems


@pytest.mark.parametrize("weeks,text,sentence,easy", [
    (0, "Less than a week", "Families are usually seen within a week of getting in touch or being referred.",
     "You usually see someone in less than a week."),
    (1, "About 1 week", "Families usually wait about 1 week for a first appointment, from getting in touch or being referred.",
     "You usually wait about 1 week to see someone."),
    (6, "About 6 weeks", "Families usually wait about 6 weeks for a first appointment, from getting in touch or being referred.",
     "You usually wait about 6 weeks to see someone."),
])
def test_the_words_for_a_wait(weeks, text, sentence, easy):
    assert words.waiting_text(weeks) == text
    assert words.waiting_sentence(weeks) == sentence
    assert easy_words.wait_sentence(weeks) == easy


def test_the_service_page_shows_the_wait_in_the_key_facts_and_under_how_to_get_it(output):
    html = page(output, "services/complete-service")
    facts = re.findall(r"<dt>([^<]*)</dt>\s*<dd>(.*?)</dd>", html.split('class="app-key-facts"', 1)[1].split("</dl>", 1)[0], re.S)
    assert [key for key, _ in facts] == ["Ages", "Needs", "Diagnosis or EHCP", "Cost", "Referral", "Waiting time", "Where"]
    assert dict(facts)["Waiting time"] == ('About 3 weeks (<a class="govuk-link" href="#waiting-time">details'
                                           '<span class="govuk-visually-hidden"> of the wait</span></a>)')
    section = html.split('id="how-to-access"', 1)[1].split("</section>", 1)[0]
    assert ('<h3 class="govuk-heading-m" id="waiting-time">Waiting time</h3>\n      <p class="govuk-body">Families usually wait '
            'about 3 weeks for a first appointment, from getting in touch or being referred.</p>\n      '
            '<p class="govuk-body">Families who need a quiet first visit can ask for one.</p>') in section


def test_a_service_without_a_wait_says_nothing_about_it(output):
    html = page(output, "services/unsafe-text")
    assert "Waiting time" not in html and "waiting-time" not in html


def test_the_card_in_listings_and_search_says_the_wait(output):
    listing = page(output, "areas/fenwick")
    card = listing.split('href="/services/complete-service/"', 1)[1].split("</li>", 1)[0]
    assert re.findall(r"<dt>([^<]*)</dt>\s*<dd>([^<]*)</dd>", card) == [
        ("Where", "Fenwick"), ("Ages", "5 to 11 years"), ("Cost", "There is a charge"),
        ("Referral", "You can contact them yourself"), ("Waiting time", "About 3 weeks"), ("Run by", "Fenwick Family Link"),
    ]
    # Search results are the same card, rendered at build time into the store (search_index/store.py).
    store = [card for path in sorted((output / "search" / "data" / "store").glob("*.json"))
             for card in json.loads(path.read_text(encoding="utf-8"))]
    card = next(card for card in store if 'href="/services/complete-service/"' in card)
    assert "<dt>Referral</dt><dd>You can contact them yourself</dd><dt>Waiting time</dt><dd>About 3 weeks</dd><dt>Run by</dt>" in card
    assert not [card for card in store if 'href="/services/unsafe-text/"' in card and "Waiting time" in card]


def test_the_easy_read_page_says_the_wait_with_the_hourglass(output):
    html = page(output, "services/complete-service/easy-read")
    points = re.findall(r'<img class="app-easy-read__picture" src="[^"]*/([a-z-]+)\.svg"[^>]*>\s*<div class="app-easy-read__words">\s*'
                        r'<p class="app-easy-read__text">\s*(.*?)\s*</p>', html, re.S)
    waits = [(picture, " ".join(text.split())) for picture, text in points if picture == "hourglass"]
    assert waits == [("hourglass", "You usually wait about 3 weeks to see someone."),
                     ("hourglass", "Families who need a quiet first visit can ask for one.")]
    assert (output / "easy-read" / "pictures" / "hourglass.svg").is_file()


def test_the_csv_has_the_wait_in_two_columns(output):
    text = (output / "open-data" / "services.csv").read_bytes().decode("utf-8-sig")
    rows = {row["id"]: row for row in csv.DictReader(io.StringIO(text))}
    assert (rows["complete-service"]["waiting_weeks"], rows["complete-service"]["waiting_details"]) == (
        "3", "Families who need a quiet first visit can ask for one.")
    assert (rows["unsafe-text"]["waiting_weeks"], rows["unsafe-text"]["waiting_details"]) == ("", "")


def oruk_service(output, service_id):
    folder = output / "open-referral" / "services"
    for path in folder.glob("*/index.json"):
        document = json.loads(path.read_text(encoding="utf-8"))
        page_links = [a.get("value") for a in document["attributes"] if a["link_type"] == "local_offer_page"]
        if any(link and link.endswith(f"/services/{service_id}/") for link in page_links):
            return document
    raise AssertionError(f"{service_id} is not in the feed")


def test_the_open_referral_export_carries_the_wait_as_attributes(output):
    document = oruk_service(output, "complete-service")
    values = {a["link_type"]: a.get("value") for a in document["attributes"]}
    assert values["waiting_time.weeks"] == "3"
    assert values["waiting_time.details"] == "Families who need a quiet first visit can ask for one."
    # The UK profile's service has no wait_time field, so none is invented.
    assert "wait_time" not in document
    assert "waiting_time.weeks" not in {a["link_type"] for a in oruk_service(output, "unsafe-text")["attributes"]}


def test_json_ld_says_nothing_of_the_wait(output):
    html = page(output, "services/complete-service")
    data = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    assert "3 weeks" not in data and "quiet first visit" not in data


def test_the_open_referral_import_reads_the_wait_back(capsys, tmp_path):
    from tests.test_oruk_import import BASE, run_import

    exported = tmp_path / "exported"
    assert run_pelican(FIXTURES / "oruk" / "providers", exported, OPEN_DATA_BASE_URL=BASE).returncode == 0
    code, _ = run_import(capsys, exported / "open-referral" / "services", tmp_path / "providers")
    assert code == 0
    written = (tmp_path / "providers" / "saturday-play-club.yaml").read_text(encoding="utf-8")
    assert ("  waiting_time:\n    weeks: 2\n    details: There is a short waiting list in the summer holidays.\n"
            in written), written


@pytest.mark.parametrize("weeks", ["six", "200", "\u00b2"])
def test_an_imported_waiting_time_that_is_not_weeks_is_left_out_with_a_note(weeks):
    from localoffer.open_data.import_convert import Conversion, waiting_time

    result = Conversion({})
    assert waiting_time({"waiting_time.weeks": [weeks], "waiting_time.details": ["Soon."]}, result) is None
    assert result.check == {("service", "waiting_time"): [
        f"Check: the source's waiting time `{weeks}` was left out: it is not a number of weeks from 0 to 104; "
        "add waiting_time: with weeks: and the number, if the service says"]}
    assert not result.is_draft
