"""Every fact in a service's fields is on its easy-read page, and nothing on
the page says what the fields do not.

For every sample service (providers/) and for the tricky fixtures
(tests/fixtures/easy_read/facts/: ages, a diagnosis and a plan needed,
referral only, a grant with an amount, cost not stated, notes on days,
steps), the built page is read back as families see it: every point's words
and the lines under them. The expected facts are worked out here from the
provider file as written (read with the project's YAML loader), not from the
page builder.
"""

import re
from pathlib import Path

import pytest

from localoffer.easy_read.glossary import load_glossary
from localoffer.easy_read.words import wait_sentence
from localoffer.written_yaml.loader import load_file

from .conftest import ROOT, run_pelican

FACTS = Path(__file__).resolve().parent / "fixtures" / "easy_read" / "facts"
SAMPLE = ROOT / "providers"

POINT = re.compile(
    r'<li class="app-easy-read__point">\s*<img class="app-easy-read__picture" src="/easy-read/pictures/([\w-]+)\.svg"[^>]*>'
    r'\s*<div class="app-easy-read__words">\s*<p class="app-easy-read__text">(.*?)</p>'
    r'(?:\s*<p class="app-easy-read__lines">(.*?)</p>)?',
    re.S,
)
DAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
MONEY_WORD = re.compile(r"\b(?:grants?|allowances?|bursar(?:y|ies)|direct payments?|personal budgets?)\b", re.I)
AMOUNT = re.compile(r"£\d[\d,]*(?:\.\d\d)?")
FEATURE_YES = {
    "step_free_access": "You can get in without steps.",
    "accessible_toilet": "There is a toilet for disabled people.",
    "changing_places_toilet": "There is a big toilet with a hoist and a changing bench.",
    "hearing_loop": "There is a hearing loop for hearing aids.",
    "accessible_parking": "There is parking for disabled people.",
    "quiet_space": "There is a quiet room.",
    "sensory_friendly": "It is calm, with soft lights and not much noise.",
    "bsl_available": "They can use British Sign Language.",
    "easy_read_information": "They have easy read information.",
}
FEATURE_THING = {
    "step_free_access": "a way in without steps",
    "accessible_toilet": "a toilet for disabled people",
    "changing_places_toilet": "a big toilet with a hoist and a changing bench",
    "hearing_loop": "a hearing loop",
    "accessible_parking": "parking for disabled people",
    "quiet_space": "a quiet room",
    "sensory_friendly": "calm times with soft lights and not much noise",
    "bsl_available": "British Sign Language",
    "easy_read_information": "easy read information",
}
AREAS = {"northmoor-city": "Northmoor City", "eastbridge": "Eastbridge", "fenwick": "Fenwick",
         "highcombe": "Highcombe", "westmarsh": "Westmarsh"}


def unescape(text):
    return (text.replace("&#39;", "'").replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">")
            .replace("&#34;", '"').replace("&quot;", '"'))


def read_points(page):
    """[(picture, words, [lines])] of every point on the page, as shown."""
    main = page[page.index("<main"):page.index("</main>")]
    points = []
    for picture, words, lines in POINT.findall(main):
        words = " ".join(unescape(re.sub(r"<[^>]+>", "", words)).split())
        lines = [" ".join(unescape(re.sub(r"<[^>]+>", "", line)).split()) for line in re.split(r"<br>", lines or "")]
        points.append((picture, words, [line for line in lines if line]))
    return points


def sentences(words):
    return [part for part in re.split(r"(?<=[.!?:])\s+", words) if part]


def clock(value):
    hours, minutes = (int(part) for part in value.split(":"))
    if (hours, minutes) == (12, 0):
        return "midday"
    suffix = "am" if hours < 12 else "pm"
    hours = hours % 12 or 12
    return f"{hours}{suffix}" if minutes == 0 else f"{hours}:{minutes:02d}{suffix}"


def yes(value):
    return str(value).strip().lower() in ("yes", "true")


class Page:
    """One service's fields (as written) and its easy-read page (as shown)."""

    def __init__(self, provider_file, output, glossary):
        loaded, problems = load_file(provider_file, provider_file.name)
        assert loaded is not None, problems
        self.data = loaded.data
        self.service = self.data["service"]
        self.id = self.data["id"]
        self.glossary = glossary
        self.points = read_points((output / "services" / self.id / "easy-read" / "index.html").read_text(encoding="utf-8"))
        self.words = [words for _, words, _ in self.points]
        self.all_sentences = [sentence for words in self.words for sentence in sentences(words)]
        self.text = "\n".join(words + "\n" + "\n".join(lines) for _, words, lines in self.points)

    def shown(self, written):
        """A provider's words as the page would show them (acronyms written out, ended with a full stop)."""
        text = self.glossary.write_out(" ".join(str(written).split()))
        return text if text[-1:] in ".!?:" else text + "."

    def point(self, words):
        found = [point for point in self.points if point[1] == words]
        assert found, f"{self.id}: no point says {words!r}; the page has {self.words}"
        return found[0]

    def has(self, words):
        return words in self.words

    def gives_money(self):
        keywords = [str(keyword).strip().casefold() for keyword in self.service.get("keywords") or []]
        return bool(MONEY_WORD.search(self.service["name"]) or MONEY_WORD.search(self.service["summary"])
                    or any(MONEY_WORD.fullmatch(keyword) for keyword in keywords))


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """The sample site and the tricky fixtures, each built once."""
    glossary = load_glossary(str(ROOT / "content" / "data" / "send-glossary.yaml"), ["OK", "TV"])
    sites = {}
    for name, providers in (("sample", SAMPLE), ("facts", FACTS)):
        output = tmp_path_factory.mktemp(f"facts-{name}") / "output"
        result = run_pelican(providers, output)
        assert result.returncode == 0, result.stdout
        sites[name] = output
    return sites, glossary


def provider_files(folder):
    return sorted(path for path in folder.glob("[!_]*.yaml"))


def published(path):
    loaded, _ = load_file(path, path.name)
    return loaded.data.get("status", "published") != "draft"


ALL_SERVICES = [pytest.param("sample", path, id=path.stem) for path in provider_files(SAMPLE) if published(path)]
ALL_SERVICES += [pytest.param("facts", path, id=f"fixture-{path.stem}") for path in provider_files(FACTS)]


def test_the_fixtures_and_the_sample_are_all_checked():
    # Services with the provider's own "What happens" points are checked too: their other sections are generated.
    assert len([path for path in provider_files(SAMPLE) if published(path)]) == 51
    assert len(provider_files(FACTS)) == 7


@pytest.mark.parametrize("site, path", ALL_SERVICES)
def test_every_fact_in_the_fields_is_on_the_easy_read_page(built, site, path):
    sites, glossary = built
    page = Page(path, sites[site], glossary)
    service, eligibility, data = page.service, page.data["eligibility"], page.data

    # Who it is for: ages, needs, where you live, who can use it, each rule, diagnosis, plan.
    low, high = int(service["age_range"]["min"]), int(service["age_range"]["max"])
    ages = f"aged {low} years." if low == high else f"aged {low} to {high} years."
    assert any(words.startswith("It is for ") and words.endswith(ages) for words in page.words), page.words
    areas = service["areas"]
    if areas == ["all"]:
        assert page.has("You can live anywhere in Northmoor.")
    else:
        area_point = next(point for point in page.points if point[1].startswith("You need to live in"))
        for area in areas:
            assert AREAS[area] in area_point[1] or AREAS[area] in area_point[2]
    who = page.shown(eligibility["who_can_use"])
    assert page.has(who) or page.has("Ask them who can use it."), who
    rules_said = [words for words in page.words if words == "There is another rule about who can use it. Ask them about it."]
    criteria = [page.shown(criterion) for criterion in eligibility.get("criteria") or []]
    missing = [criterion for criterion in criteria if not page.has(criterion)]
    assert len(rules_said) == len(missing), (criteria, page.words)
    if yes(eligibility["diagnosis_needed"]):
        assert page.has("You need a diagnosis to use it. A diagnosis is when a doctor names a need.")
    else:
        assert page.has("You do not need a diagnosis to use it.")
    if yes(eligibility["ehcp_needed"]):
        assert page.has("You need an Education, Health and Care plan to use it.")
    else:
        assert page.has("You do not need an Education, Health and Care plan.")

    # What it costs, and money given.
    cost = service["cost"]
    details = cost.get("details")
    if yes(cost["free"]):
        assert page.has("It is free.")
    else:
        assert page.has("You have to pay for it.")
        if not details or not page.has(page.shown(details)):
            assert page.has("Ask them how much it costs.")
            for amount in AMOUNT.findall(details or "")[:3]:
                assert amount in page.text, (amount, details)
    if page.gives_money():
        assert page.has("It gives you money.") and page.has("You need to ask for the money.")
        written = " ".join(str(text) for text in (service["summary"], details or "", service["description"]))
        amounts = AMOUNT.findall(written)
        if amounts:
            assert any(words.startswith("You can get ") and amounts[0] in words for words in page.words), page.words

    # How to get help.
    referral = service["how_to_access"]["referral"]
    assert page.has("You can contact them yourself." if "self" in referral else "You need someone to ask them for you.")
    waiting = service.get("waiting_time")
    if waiting:
        weeks = int(waiting["weeks"])
        assert page.has("You usually see someone in less than a week." if weeks == 0 else
                        f"You usually wait about {weeks} week{'' if weeks == 1 else 's'} to see someone."), page.words
        if waiting.get("details"):
            assert page.has(page.shown(waiting["details"])) or page.has("They say more about the wait. Ask them about it.")
    contact = data["contact"]
    for key, before in (("phone", "Phone them on"), ("textphone", "Use a textphone on"), ("email", "Email them at")):
        if contact.get(key):
            assert page.has(f"{before} {' '.join(contact[key].split())}."), (key, page.words)
    if contact.get("website"):
        assert page.has("Look at their website.")

    # Where and when: each place, and each group of days with its own note in the same point.
    for location in data.get("locations") or []:
        place = next(point for point in page.points if point[1] == "You can go here:" and location["name"] == point[2][0])
        assert re.sub(r"\s", "", location["postcode"]).upper() == place[2][-1].replace(" ", "")
    times = service.get("opening_times") or []
    for entry in times:
        when = f", {clock(entry['opens'])} to {clock(entry['closes'])}."
        days = [day.capitalize() for day in entry["days"]]
        matching = [words for words in page.words if words.startswith("It is open ") and when in words
                    and all(day in words or f"{days[0]} to {days[-1]}" in words for day in days)]
        assert matching, (entry, page.words)
        if entry.get("notes"):
            note = page.shown(entry["notes"])
            assert any(words.endswith(note) or words.endswith("Ask them about these times.") for words in matching), matching
    if not times:
        assert page.has("Ask them when it is open.")

    # Getting in: every answer, yes, no or not known.
    answers = data.get("accessibility") or {}
    missing_point = next((point for point in page.points if point[1] == "They do not have:"), (None, None, []))
    ask_point = next((point for point in page.points if point[1] == "Ask them if they have:"), (None, None, []))
    for feature, sentence in FEATURE_YES.items():
        answer = str(answers.get(feature, "unknown"))
        if answer == "yes":
            assert page.has(sentence), feature
        elif answer == "no" and feature == "step_free_access":
            assert page.has("There are steps to get in.")
        elif answer == "no":
            assert FEATURE_THING[feature] in missing_point[2], feature
        else:
            assert FEATURE_THING[feature] in ask_point[2], feature


# Every sentence a generated page can say, and the fields it needs. A sentence
# on a page must match one of these (and its condition must hold), or be a
# provider's own words from a field.
def claims(page):
    service, eligibility, data = page.service, page.data["eligibility"], page.data
    cost, answers = service["cost"], data.get("accessibility") or {}
    referral = service["how_to_access"]["referral"]
    contact = data["contact"]
    written = " ".join(str(text) for text in (service["summary"], cost.get("details") or "", service["description"]))
    return [
        (r"It is free\.", yes(cost["free"])),
        (r"You have to pay for it\.", not yes(cost["free"])),
        (r"You do not need a diagnosis to use it\.", not yes(eligibility["diagnosis_needed"])),
        (r"You need a diagnosis to use it\.|A diagnosis is when a doctor names a need\.", yes(eligibility["diagnosis_needed"])),
        (r"You do not need an Education, Health and Care plan\.", not yes(eligibility["ehcp_needed"])),
        (r"You need an Education, Health and Care plan to use it\.|This plan says what help a child must get\.",
         yes(eligibility["ehcp_needed"])),
        (r"It can be part of an Education, Health and Care plan\.", "ehcp" in referral),
        (r"You can contact them yourself\.", "self" in referral),
        (r"You need someone to ask them for you\.", "self" not in referral),
        (r"Someone who works with your family can ask them for you\.", "professional" in referral),
        (r"Your doctor can ask them for you\.", "gp" in referral),
        (r"Your school, nursery or college can ask them for you\.", "school" in referral),
        (r"Your social worker can ask them for you\.", "social-care" in referral),
        (r"It gives you money\.|You need to ask for the money\.", page.gives_money()),
        (r"You can get (.*)\.", page.gives_money()),
        (r"Some prices are (.*)\.|Ask them how much it costs\.", not yes(cost["free"])),
        (r"Some things may cost money\.|Ask them what costs money\.", yes(cost["free"]) and "£" in written),
        (r"There are steps to get in\.", str(answers.get("step_free_access")) == "no"),
        (r"They do not have:", "no" in {str(value) for key, value in answers.items() if key in FEATURE_YES}),
        (r"Ask them if they have:", any(str(answers.get(key, "unknown")) == "unknown" for key in FEATURE_YES)),
        *[(re.escape(sentence), str(answers.get(key)) == "yes") for key, sentence in FEATURE_YES.items()],
        # The wait: only the number of weeks the field has.
        (r"You usually (?:wait about|see someone in) .*\.", False),
        *([(re.escape(wait_sentence(int(service["waiting_time"]["weeks"]))), True)] if service.get("waiting_time") else []),
        (r"They say more about the wait\.|Ask them about it\.", bool((service.get("waiting_time") or {}).get("details"))),
        (r"Ask them where it happens\.", not data.get("locations")),
        (r"You can go here:", bool(data.get("locations"))),
        (r"Ask them when it is open\.", not service.get("opening_times")),
        # A day and its times: only as the fields have them.
        (r"It is open .*", False),
        *[(rf"It is open [A-Za-z ,]+, {re.escape(clock(entry['opens']))} to {re.escape(clock(entry['closes']))}\.", True)
          for entry in service.get("opening_times") or []],
        (r"Ask them about these times\.", any(entry.get("notes") for entry in service.get("opening_times") or [])),
        *[(rf"{before} (.*)\.", False) if not contact.get(key) else (rf"{before} {re.escape(' '.join(contact[key].split()))}\.", True)
          for key, before in (("phone", "Phone them on"), ("textphone", "Use a textphone on"), ("email", "Email them at"))],
        (r"Look at their website\.", bool(data["contact"].get("website"))),
        (r"It is for .* aged .*\.", True),
        (r"It can help with .*\.", True),
        (r"You can live anywhere in Northmoor\.", service["areas"] == ["all"]),
        (r"You need to live in .*", service["areas"] != ["all"]),
        (r"Ask them who can use it\.", True),
        (r"There is another rule about who can use it\.|Ask them about it\.", bool(eligibility.get("criteria"))),
        (r"Ask them about getting in and getting around\.", bool(answers.get("details"))),
        (r"Ask them about anything else you need\.", True),
        (r"They can also speak .*\.|They can speak many languages\.", bool(service.get("languages"))),
        (r"This service has stopped for now\.", data.get("status") == "closed"),
        (r"The service last checked this page over a year ago\.|Ask them if it is still right before you go\.", True),
        (r"It (?:helps|is for|gives(?! you money)|has|is about) .*\.", True),  # the category sentences
    ]


@pytest.mark.parametrize("site, path", ALL_SERVICES)
def test_no_sentence_says_what_the_fields_do_not(built, site, path):
    sites, glossary = built
    page = Page(path, sites[site], glossary)
    service, data = page.service, page.data
    own_words = {page.shown(text) for text in (
        data["eligibility"]["who_can_use"], *(data["eligibility"].get("criteria") or []), service["cost"].get("details"),
        (data.get("accessibility") or {}).get("details"), *[entry.get("notes") for entry in service.get("opening_times") or []],
        (service.get("waiting_time") or {}).get("details"),
        *[point.get("text") for point in (data.get("easy_read") or {}).get("points") or []],
    ) if text}
    own_sentences = {sentence for text in own_words for sentence in sentences(text)}
    the_claims = claims(page)
    for sentence in page.all_sentences:
        if sentence in own_sentences:
            continue
        matched = [allowed for pattern, allowed in the_claims if re.fullmatch(pattern, sentence)]
        assert matched, f"{page.id}: {sentence!r} is neither a generated sentence nor the provider's words"
        assert any(matched), f"{page.id}: {sentence!r} says what the fields do not"
    # Every amount of money on the page is one the provider wrote.
    written = " ".join(str(text) for text in (service["summary"], service["cost"].get("details") or "", service["description"]))
    for amount in AMOUNT.findall(page.text):
        assert amount in written, amount
    # Every language it names is one the provider listed.
    for words in page.words:
        if words.startswith("They can also speak "):
            named = re.split(r", | and ", words.removeprefix("They can also speak ").rstrip("."))
            assert set(named) <= set(service.get("languages") or []), named


def test_a_page_that_said_it_is_free_without_the_field_would_fail(built):
    """The claims are checked against the fields: the same page with the
    answer to `cost.free` turned round fails."""
    sites, glossary = built
    page = Page(FACTS / "cost-not-stated.yaml", sites["facts"], glossary)
    page.service["cost"]["free"] = "yes"
    matched = [allowed for pattern, allowed in claims(page) if re.fullmatch(pattern, "You have to pay for it.")]
    assert matched and not any(matched)
    page = Page(FACTS / "steps-at-the-door.yaml", sites["facts"], glossary)
    for sentence in ("You can get in without steps.", "It gives you money.", "It is open Sunday, 9am to 5pm."):
        matched = [allowed for pattern, allowed in claims(page) if re.fullmatch(pattern, sentence)]
        assert matched and not any(matched), sentence


def test_the_easy_read_home_page_sends_readers_to_the_search_page_that_exists(built):
    sites, _ = built
    output = sites["sample"]
    home = (output / "easy-read" / "index.html").read_text(encoding="utf-8")
    main = home[home.index("<main"):home.index("</main>")]
    assert "search box" not in main
    assert 'Type a word on <a class="govuk-link" href="/search/">the search page</a>.' in main
    assert (output / "search" / "index.html").is_file()
