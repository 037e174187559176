"""The text rules the index and the browser share (tests/fixtures/search/):
the JavaScript tests (tests/js/text.test.mjs) run the same files."""

import json

from lunr.stemmer import porter_stemmer

from localoffer.search_index.text import fold
from localoffer.search_index.weights import Analyzer
from tests.conftest import FIXTURES
from tests.fixtures.search.refresh import site_words

VECTORS = FIXTURES / "search"


def stem_pairs():
    lines = (VECTORS / "stems.tsv").read_text(encoding="utf-8").splitlines()
    return [line.split("\t") for line in lines if line and not line.startswith("#")]


def test_every_word_in_stems_tsv_stems_as_the_index_stems_it():
    pairs = stem_pairs()
    assert len(pairs) >= 10_000
    assert [(word, stem) for word, stem in pairs if porter_stemmer.stem(word) != stem] == []


def test_stems_tsv_holds_every_word_of_the_sample_site():
    # So the browser's stemmer is checked on the whole sample vocabulary; refresh.py remakes the file.
    listed = {word for word, _ in stem_pairs()}
    assert sorted(site_words() - listed) == []


def test_folding_and_terms_match_the_shared_vectors():
    analyzer = Analyzer()
    for vector in json.loads((VECTORS / "text_vectors.json").read_text(encoding="utf-8")):
        assert fold(vector["text"]) == vector["folded"]
        assert analyzer.terms(vector["folded"]) == vector["terms"]
