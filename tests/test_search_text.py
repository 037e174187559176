"""The text rules the index and the browser share (tests/fixtures/search/):
the JavaScript tests (tests/js/text.test.mjs) run the same files."""

import json

from lunr.stemmer import porter_stemmer

from localoffer.search_index.spelling import TARGET_BYTES, display_words, fnv1a, spelling_key, word_files
from localoffer.search_index.text import fold
from localoffer.search_index.weights import Analyzer
from tests.conftest import FIXTURES

VECTORS = FIXTURES / "search"


def stem_pairs():
    lines = (VECTORS / "stems.tsv").read_text(encoding="utf-8").splitlines()
    return [line.split("\t") for line in lines if line and not line.startswith("#")]


def test_every_word_in_stems_tsv_stems_as_the_index_stems_it():
    pairs = stem_pairs()
    assert len(pairs) >= 10_000
    assert [(word, stem) for word, stem in pairs if porter_stemmer.stem(word) != stem] == []


def test_folding_and_terms_match_the_shared_vectors():
    analyzer = Analyzer()
    for vector in json.loads((VECTORS / "text_vectors.json").read_text(encoding="utf-8")):
        assert fold(vector["text"]) == vector["folded"]
        assert analyzer.terms(vector["folded"]) == vector["terms"]


def test_spelling_keys_and_hashes_match_the_shared_vectors():
    vectors = json.loads((VECTORS / "spelling_vectors.json").read_text(encoding="utf-8"))
    assert [(v["word"], spelling_key(v["word"]), fnv1a(spelling_key(v["word"]))) for v in vectors] == \
        [(v["word"], v["key"], v["hash"]) for v in vectors]


def test_a_word_goes_in_the_spelling_file_of_its_terms_key_most_common_first():
    files, count = word_files([("swimming", "swim"), ("swim", "swim"), ("autism", "autism"), ("to", "to"), ("2025", "2025")])
    assert count == 1
    assert files == {0: "swimming swim autism"}  # too short and numbers are never corrected, so not listed


def test_the_spelling_files_are_as_many_as_their_size_needs_a_power_of_two():
    words = [(f"word{letter}{other}", f"word{letter}{other}") for letter in "abcdefghij" for other in "abcdefghijklmnopqrst"]
    files, count = word_files(words * 10)  # 14,000 bytes of words: more than 4 files of TARGET_BYTES
    assert count == 8 and 4 * TARGET_BYTES < sum(len(text) + 1 for text in files.values()) <= 8 * TARGET_BYTES
    for number, text in files.items():
        assert {fnv1a(spelling_key(word)) % count for word in text.split()} == {number}


def test_the_word_shown_for_a_term_is_the_one_most_services_wrote_then_the_shortest():
    assert display_words([{"swim": "swimming"}, {"swim": "swimming"}, {"swim": "swim"}]) == {"swim": "swimming"}
    assert display_words([{"swim": "swimming"}, {"swim": "swim"}]) == {"swim": "swim"}
