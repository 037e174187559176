"""search_index in real Pelican builds: what the index holds, how it is cut,
and what editors are told."""

import base64
import json
import math
import random
import re
import shutil
from pathlib import Path

import pytest
from lunr import get_default_builder
from lunr.index import Index
from lunr.tokenizer import Tokenizer

from localoffer.cache_files.entries import stored_entries
from localoffer.search_index.cache import WRITTEN_FILE
from localoffer.search_index.settings import DEFAULTS, FIELD_BOOSTS, check_settings
from localoffer.search_index.shards import build_index, dumps, index_postings, split, term_files
from localoffer.search_index.weights import Analyzer, term_postings
from tests.conftest import ROOT, run_pelican

SITE = Path(__file__).parent / "fixtures" / "site" / "providers"
MINIMAL = (ROOT / "providers" / "highcombe-youth-club.yaml").read_text(encoding="utf-8")


def provider(identifier, name, summary, description, extra=""):
    text = MINIMAL.replace("id: highcombe-youth-club", f"id: {identifier}")
    text = text.replace("name: Friday Inclusive Youth Club", f"name: {name}")
    text = text.replace("summary: A Friday evening youth club for young people with and without disabilities.",
                        f"summary: {summary}")
    text = text.replace("description: Games, music, cooking and trips, with extra staff so everyone can join in.",
                        f"description: {description}")
    return text + extra


@pytest.fixture(scope="module")
def relevance_site(tmp_path_factory):
    """Three services with one rare word in the name, the summary and the description."""
    folder = tmp_path_factory.mktemp("relevance")
    providers = folder / "providers"
    providers.mkdir()
    services = {
        "a-in-description": ("Alpha club", "A club for everyone.", "We keep a quokka in the garden."),
        "b-in-summary": ("Bravo club", "A club with a quokka.", "Games and trips."),
        "c-in-name": ("Quokka club", "A club for everyone.", "Games and trips."),
        "d-accents": ("Zoë's café", "A café for families.", "Games and trips."),
    }
    for identifier, (name, summary, description) in services.items():
        (providers / f"{identifier}.yaml").write_text(provider(identifier, name, summary, description), encoding="utf-8")
    output = folder / "output"
    result = run_pelican(providers, output, SEARCH_WHOLE_INDEX=True)
    assert result.returncode == 0, result.stdout
    return output / "search" / "data"


def term_file(data, term):
    manifest = json.loads((data / "manifest.json").read_text())
    key = max((key for key in manifest["terms"] if term.startswith(key)), key=len)
    return json.loads((data / "terms" / f"{key}.json").read_text())


def weights(data, term):
    """{doc: weight} of the term, times its idf as rank.mjs multiplies it."""
    count = json.loads((data / "manifest.json").read_text())["count"]
    return lunr_space(term_file(data, term)[term], count)[1]


def lunr_idf(held, count):
    return math.log(1 + abs((count - held + 0.5) / (held + 0.5)))


def lunr_space(flat, count, times_idf=True):
    """(held, {doc: weight}) of a posting [held, doc, weight, ...], the weights times the idf."""
    scale = lunr_idf(flat[0], count) if times_idf else 1
    docs, doc = {}, 0
    for position in range(1, len(flat), 2):
        doc += flat[position]
        docs[doc] = flat[position + 1] * scale
    return flat[0], docs


def assert_postings_match(ours, whole, count):
    """Our postings, times the idf, are the whole lunr index's (index_postings), to lunr's rounding
    (each field's weight to 3 decimals, ours to 3 significant digits)."""
    assert set(ours) == set(whole)
    for term in whole:
        held, docs = lunr_space(ours[term], count)
        lunr_held, lunr_docs = lunr_space(whole[term], count, times_idf=False)
        assert held == lunr_held, term
        assert set(docs) == set(lunr_docs), term
        for doc, weight in docs.items():
            assert weight == pytest.approx(lunr_docs[doc], rel=0.005, abs=0.005), (term, doc)


def test_a_word_in_the_name_weighs_more_than_in_the_summary_and_than_in_the_description(relevance_site):
    # Services are numbered A to Z: Alpha (description), Bravo (summary), Quokka (name), Zoë.
    quokka = weights(relevance_site, "quokka")
    assert sorted(quokka) == [0, 1, 2]
    assert quokka[2] > quokka[1] > quokka[0]


def test_accents_are_folded_in_the_index(relevance_site):
    assert 3 in weights(relevance_site, "zoe")
    assert 3 in weights(relevance_site, "cafe")


def test_each_weight_is_the_sum_of_the_whole_indexs_field_vector_weights(relevance_site):
    whole = json.loads((relevance_site / "whole-index.json").read_text())
    term_index = dict(whole["invertedIndex"])["quokka"]["_index"]
    sums = {}
    for field_ref, elements in whole["fieldVectors"]:
        doc = int(field_ref.split("/", 1)[1])
        for position in range(0, len(elements), 2):
            if elements[position] == term_index:
                sums[doc] = sums.get(doc, 0) + elements[position + 1]
    quokka = weights(relevance_site, "quokka")
    assert set(quokka) == set(sums)
    for doc, total in sums.items():
        assert quokka[doc] == pytest.approx(total, rel=0.005)


def built_terms(data):
    """Every term's posting in the built term files."""
    manifest = json.loads((data / "manifest.json").read_text())
    postings = {}
    for key in manifest["terms"]:
        postings.update(json.loads((data / "terms" / f"{key}.json").read_text()))
    return postings


def direct_postings(documents, boosts=FIELD_BOOSTS):
    analyzer = Analyzer()
    counts = [analyzer.field_counts(document, boosts) for document in documents]
    return term_postings(counts, boosts, analyzer.k1, analyzer.b)


TRICKY = [
    "", "   ", "Autism-friendly swimming\u00a0club\ttonight\nand\fthen", "The the THE and of", "a--b - c",
    "running runs ran runner", "zoe's caf\u00e9 \u2014 \u00c6sop stra\u00dfe", "...dots... _under_ score_",
    "x" * 40, "lay try relational conditional 1234 12:30", "hyphen-ated hyphen ated",
]


def test_the_direct_weights_times_the_idf_equal_those_of_a_whole_lunr_index():
    rng = random.Random(7)
    words = "autism speech therapy play group the and of club sensory a running runs ehcp salt-water".split()
    documents = [
        {"ref": str(n), **{field: " ".join(rng.choice(words + TRICKY) for _ in range(rng.randint(0, 30)))
                          for field in FIELD_BOOSTS}}
        for n in range(300)
    ]
    assert_postings_match(direct_postings(documents), index_postings(build_index(documents, FIELD_BOOSTS)), 300)
    boosts = {field: boost * 1.5 for field, boost in FIELD_BOOSTS.items()}
    assert_postings_match(direct_postings(documents, boosts), index_postings(build_index(documents, boosts)), 300)


def test_text_is_cut_into_terms_as_lunrs_tokenizer_and_pipeline_cut_it():
    analyzer = Analyzer()
    pipeline = get_default_builder().pipeline
    for text in TRICKY:
        assert analyzer.terms(text) == [str(token) for token in pipeline.run(Tokenizer(text))], text


def test_the_sample_sites_term_files_hold_the_whole_lunr_indexs_weights(tmp_path_factory):
    output = tmp_path_factory.mktemp("sample-whole") / "output"
    result = run_pelican(ROOT / "providers", output, SEARCH_WHOLE_INDEX=True)
    assert result.returncode == 0, result.stdout
    data = output / "search" / "data"
    whole = Index.load(json.loads((data / "whole-index.json").read_text()))
    count = json.loads((data / "manifest.json").read_text())["count"]
    assert_postings_match(built_terms(data), index_postings(whole), count)


@pytest.fixture(scope="module")
def fixture_site(tmp_path_factory):
    output = tmp_path_factory.mktemp("search-site") / "output"
    result = run_pelican(SITE, output)
    return result, output


def test_closed_and_draft_services_are_not_in_the_index(fixture_site):
    result, output = fixture_site
    assert result.returncode == 0, result.stdout
    data = output / "search" / "data"
    manifest = json.loads((data / "manifest.json").read_text())
    assert manifest["count"] == 2
    cards = json.loads((data / "store" / "0.json").read_text())
    assert sorted(card_link(card) for card in cards) == ["/services/complete-service/", "/services/unsafe-text/"]
    every_file = "".join(path.read_text() for path in data.rglob("*.json"))
    assert "closed-service" not in every_file and "draft-service" not in every_file


def test_preview_builds_index_drafts_with_a_flag(tmp_path):
    result = run_pelican(SITE, tmp_path / "output", SERVICES_INCLUDE_DRAFTS=True)
    assert result.returncode == 0, result.stdout
    cards = json.loads((tmp_path / "output" / "search" / "data" / "store" / "0.json").read_text())
    drafts = [card for card in cards if card_link(card) == "/services/draft-service/"]
    assert len(drafts) == 1 and ">Draft</strong>" in drafts[0]
    assert not [card for card in cards if ">Draft</strong>" in card and card not in drafts]


def card_link(card):
    return re.search(r'href="([^"]+)"', card).group(1)


def test_a_result_card_is_the_theme_component_with_provider_text_escaped(fixture_site):
    _, output = fixture_site
    cards = json.loads((output / "search" / "data" / "store" / "0.json").read_text())
    unsafe = next(card for card in cards if card_link(card) == "/services/unsafe-text/")
    assert unsafe.startswith('<li class="app-service-card"><h3 class="govuk-heading-m app-service-card__heading">')
    assert "<script" not in unsafe and "&lt;" in unsafe


def test_the_search_page_is_written_with_the_data_version(fixture_site):
    _, output = fixture_site
    page = (output / "search" / "index.html").read_text()
    manifest = json.loads((output / "search" / "data" / "manifest.json").read_text())
    assert f'data-search-version="{manifest["version"]}"' in page
    assert 'data-search-data="/search/data/"' in page
    assert '<script type="module" src="/theme/js/search/page.mjs"></script>' in page
    assert "<script>" not in page  # no inline script: the page works under a strict CSP


def test_the_same_site_always_gives_the_same_files(fixture_site, tmp_path):
    _, output = fixture_site
    again = tmp_path / "output"
    assert run_pelican(SITE, again).returncode == 0
    first = {p.relative_to(output): p.read_bytes() for p in (output / "search").rglob("*") if p.is_file()}
    second = {p.relative_to(again): p.read_bytes() for p in (again / "search").rglob("*") if p.is_file()}
    assert first == second


def test_filters_are_bitsets_of_the_services_in_a_to_z_order(fixture_site):
    _, output = fixture_site
    data = output / "search" / "data"
    manifest = json.loads((data / "manifest.json").read_text())
    assert manifest["filters"]["age"] == list(range(26))
    for name in ("free", "self", *(f"age-{age}" for age in range(26))):
        assert (data / "filters" / f"{name}.txt").is_file()
    bits = base64.b64decode((data / "filters" / "age-0.txt").read_text())
    assert len(bits) == 1


def test_a_big_term_file_is_split_by_a_longer_key():
    postings = {f"care{n}": [0, 1.5] * 40 for n in range(10)} | {"ca": [0, 1], "cat": [0, 2]}
    shards = split(postings, 1000)
    # "ca" is too big, so is "car" and "care": each care<n> gets its own file;
    # "ca" keeps the one term no longer than its key.
    assert set(shards) == {"ca", "cat", *(f"care{n}" for n in range(10))}
    assert shards["ca"] == {"ca": [0, 1]}
    assert all(term.startswith(key) for key, terms in shards.items() for term in terms)
    assert sorted(term for terms in shards.values() for term in terms) == sorted(postings)
    for key, terms in shards.items():
        for term in terms:
            assert key == max((k for k in shards if term.startswith(k)), key=len)
    assert term_files(postings, 1000) == {key: dumps(terms) for key, terms in shards.items()}


def test_a_small_index_stays_in_two_letter_files():
    shards = split({"autism": [0, 1], "autumn": [1, 2], "speech": [0, 3]}, 10000)
    assert shards == {"au": {"autism": [0, 1], "autumn": [1, 2]}, "sp": {"speech": [0, 3]}}


@pytest.mark.parametrize("key, value, message", [
    ("SEARCH_STORE_PAGE_SIZE", 0, "SEARCH_STORE_PAGE_SIZE must be a whole number, at least 1; got 0; 5 is used"),
    ("SEARCH_SHARD_BYTES", "big", "SEARCH_SHARD_BYTES must be a whole number, at least 1000; got 'big'; 24000 is used"),
    ("SEARCH_URL", "/search/", "SEARCH_URL must be a path inside the site such as 'search/'; got '/search/'; 'search/' is used"),
    ("SEARCH_ADVICE_SERVICE", 7, "SEARCH_ADVICE_SERVICE must be a service id such as 'northmoor-send-advice-line', "
     "or None; got 7; None is used"),
    ("SEARCH_FIELD_BOOSTS", {"name": 1}, "SEARCH_FIELD_BOOSTS must give a positive number for each of name, keywords, "
     "topics, aliases, glossary, organisation, summary, areas, description; got {'name': 1}; the defaults are used"),
])
def test_a_bad_setting_is_reported_and_replaced(key, value, message):
    settings = dict(DEFAULTS, **{key: value})
    assert check_settings(settings) == [message]
    assert settings[key] == DEFAULTS[key]


def test_a_bad_setting_is_logged_in_a_real_build(tmp_path):
    result = run_pelican(SITE, tmp_path / "output", SEARCH_STORE_PAGE_SIZE=0)
    assert "search_index: SEARCH_STORE_PAGE_SIZE must be a whole number, at least 1; got 0; 5 is used" in result.stdout


def test_an_advice_service_that_is_not_published_is_a_warning_and_the_page_names_none(fixture_site):
    result, output = fixture_site  # the fixture site has no northmoor-send-advice-line
    assert ("search_index: SEARCH_ADVICE_SERVICE is 'northmoor-send-advice-line', which is not a published "
            "service; a search that finds nothing will not name an advice line") in " ".join(result.stdout.split())
    assert "Not sure where to start?" not in (output / "search" / "index.html").read_text()


def test_a_missing_glossary_is_a_warning_and_the_site_still_builds(tmp_path):
    result = run_pelican(SITE, tmp_path / "output", SEARCH_GLOSSARY=str(tmp_path / "none.yaml"))
    assert result.returncode == 0
    assert (f"search_index: the glossary {tmp_path / 'none.yaml'} is missing; searches will not know SEND words "
            "such as ASD or SALT") in result.stdout
    assert (tmp_path / "output" / "search" / "data" / "manifest.json").is_file()


def test_store_pages_hold_store_page_size_services(tmp_path):
    result = run_pelican(SITE, tmp_path / "output", SEARCH_STORE_PAGE_SIZE=1)
    assert result.returncode == 0, result.stdout
    store = tmp_path / "output" / "search" / "data" / "store"
    assert sorted(path.name for path in store.iterdir()) == ["0.json", "1.json"]
    assert math.prod(len(json.loads(p.read_text())) for p in store.iterdir()) == 1


# The build cache: each service's term counts are kept in CACHE_PATH, keyed by its provider file.

def search_snapshot(output):
    folder = Path(output) / "search"
    return {path.relative_to(folder).as_posix(): path.read_bytes() for path in sorted(folder.rglob("*")) if path.is_file()}


def copy_site(tmp_path):
    providers = tmp_path / "providers"
    shutil.copytree(SITE, providers)
    return providers


def tokenised(result):
    """(tokenised, indexed) from the build's debug line."""
    line = next(line for line in result.stdout.splitlines() if "services tokenised" in line)
    numbers = [int(word) for word in line.replace(",", " ").split() if word.isdigit()]
    return numbers[0], numbers[1]


def test_a_cached_rebuild_after_a_change_gives_the_bytes_of_a_clean_build(tmp_path):
    providers = copy_site(tmp_path)
    output = tmp_path / "incremental"
    assert run_pelican(providers, output).returncode == 0
    assert (tmp_path / "cache" / "search_index.sqlite").is_file()

    changed = providers / "unsafe-text.yaml"
    changed.write_text(changed.read_text().replace("Some **bold** text", "Some **bold** wombat text"))
    result = run_pelican(providers, output, extra_args=["--debug"])
    assert result.returncode == 0, result.stdout
    assert tokenised(result) == (1, 2)

    clean = tmp_path / "clean" / "output"
    assert run_pelican(providers, clean, SEARCH_CACHE=False, SERVICES_CACHE=False).returncode == 0
    assert search_snapshot(output) == search_snapshot(clean)
    assert "wombat" in built_terms(output / "search" / "data")


def test_a_changed_service_gets_its_new_terms_and_loses_its_old_ones(tmp_path):
    providers = copy_site(tmp_path)
    output = tmp_path / "output"
    assert run_pelican(providers, output).returncode == 0
    data = output / "search" / "data"
    assert "ampersand" in built_terms(data)

    changed = providers / "unsafe-text.yaml"
    changed.write_text(changed.read_text().replace("& an ampersand", "and a quokka"))
    assert run_pelican(providers, output).returncode == 0
    terms = built_terms(data)
    assert "ampersand" not in terms
    assert "quokka" in terms


def test_a_removed_service_leaves_the_index_and_the_cache(tmp_path):
    providers = copy_site(tmp_path)
    output = tmp_path / "output"
    assert run_pelican(providers, output).returncode == 0
    data = output / "search" / "data"
    assert "ampersand" in built_terms(data)

    (providers / "unsafe-text.yaml").unlink()
    result = run_pelican(providers, output, extra_args=["--debug"])
    assert result.returncode == 0, result.stdout
    assert tokenised(result) == (0, 1)
    manifest = json.loads((data / "manifest.json").read_text())
    assert manifest["count"] == 1
    assert "ampersand" not in built_terms(data)
    assert "unsafe-text" not in "".join(path.read_text() for path in data.rglob("*.json"))
    assert len(stored_entries(tmp_path / "cache" / "search_index.sqlite", text=True)) == 1


def test_a_rebuild_writes_only_changed_files_and_removes_those_no_longer_made(tmp_path):
    providers = copy_site(tmp_path)
    output = tmp_path / "output"
    assert run_pelican(providers, output).returncode == 0
    data = output / "search" / "data"
    left_over = data / "terms" / "zz.json"
    left_over.write_text("{}")
    (data / "old").mkdir()
    (data / "old" / "0.json").write_text("[]")
    before = {path: path.stat().st_mtime_ns for path in data.rglob("*") if path.is_file() and path != left_over}
    # Without the record of the folder the last build wrote, the build makes the search data again (from
    # the cached counts) rather than leaving the folder as it was. (This test once relied on --debug
    # changing the settings' fingerprint to get there; DEBUG no longer counts.)
    (tmp_path / "cache" / WRITTEN_FILE).unlink()

    result = run_pelican(providers, output, extra_args=["--debug"])
    assert result.returncode == 0, result.stdout
    assert tokenised(result) == (0, 2)
    assert not left_over.exists() and not (data / "old").exists()
    assert {path: path.stat().st_mtime_ns for path in data.rglob("*") if path.is_file()} == {
        path: mtime for path, mtime in before.items() if path.parent.name != "old"}


def test_a_changed_glossary_clears_the_cache(tmp_path):
    providers = copy_site(tmp_path)
    output = tmp_path / "output"
    glossary = tmp_path / "glossary.yaml"
    glossary.write_text((ROOT / "content" / "data" / "send-glossary.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    assert run_pelican(providers, output, SEARCH_GLOSSARY=str(glossary)).returncode == 0
    assert "wombat" not in built_terms(output / "search" / "data")

    glossary.write_text(glossary.read_text(encoding="utf-8") + (
        "- acronym: null\n  full: club\n  meaning: A group that meets.\n  synonyms: [wombat]\n"), encoding="utf-8")
    result = run_pelican(providers, output, SEARCH_GLOSSARY=str(glossary), extra_args=["--debug"])
    assert result.returncode == 0, result.stdout
    assert tokenised(result) == (2, 2)
    assert "wombat" in built_terms(output / "search" / "data")


def test_cached_counts_come_back_as_they_were_counted_and_other_rows_count_as_missing():
    from localoffer.search_index.cache import counts_from_text, counts_text
    from localoffer.search_index.weights import WORDS

    counts = {"name": (2, {"swim": 1, "club": 1}), "summary": (0, {}), WORDS: {"swim": "swimming"}}
    again = counts_from_text(counts_text(counts))
    assert again == counts and list(again["name"][1]) == ["swim", "club"]
    for text in (None, "not json", "[1, 2]", '{"name": [2]}', '{"name": "swim"}'):
        assert counts_from_text(text) is None
