"""The split index scores as lunr.js's own Index.query scores the whole index.

The sample site is built with SEARCH_WHOLE_INDEX, which also writes the one
lunr index the term files are cut from; lunr.js 2.3.9 loads it and runs the
query with every word required, in all fields. The search must find every
service lunr finds, and show those in lunr's order (it may find more, with
only some of the words, ranked by rank.mjs); weights are rounded to 3
significant digits, so only services whose scores are within 0.5% may swap.
"""

import pytest

from tests.browser.conftest import ROOT
from localoffer.site_server import start_server

TOLERANCE = 0.005
WHOLE_INDEX_ORDER = """async (words) => {
  const whole = lunr.Index.load(await (await fetch('/search/data/whole-index.json')).json());
  const manifest = await (await fetch('/search/data/manifest.json')).json();
  const terms = words.split(' ').map(w => lunr.stemmer(new lunr.Token(w, {})).toString());
  const results = whole.query(q => terms.forEach(t =>
    q.term(t, {usePipeline: false, presence: lunr.Query.presence.REQUIRED})));
  results.sort((a, b) => b.score - a.score || a.ref - b.ref);
  const scores = {};
  for (const result of results) {
    const n = +result.ref, size = manifest.storePageSize;
    const page = await (await fetch('/search/data/store/' + Math.floor(n / size) + '.json')).json();
    scores[page[n % size].match(/href="([^"]+)"/)[1]] = result.score;
  }
  return scores;
}"""


@pytest.fixture(scope="module")
def whole_index_site(build, tmp_path_factory):
    output = tmp_path_factory.mktemp("whole-index") / "output"
    result = build(ROOT / "providers", output, SEARCH_WHOLE_INDEX=True)
    assert result.returncode == 0, result.stdout
    server = start_server(output)
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    server.server_close()


@pytest.mark.parametrize("words", ["autism", "speech therapy", "support", "short breaks", "deaf club"])
def test_results_come_in_the_whole_indexs_order(page, whole_index_site, words):
    page.goto(f"{whole_index_site}/search/?q={words.replace(' ', '+')}")
    page.wait_for_selector("#search-page[data-search-state=done]")
    # The page no longer loads lunr.js (it stems with stemmer.mjs); this test loads the site's copy.
    page.add_script_tag(url="/theme/vendor/lunr.min.js")
    scores = page.evaluate(WHOLE_INDEX_ORDER, words)
    while page.locator("#search-more").is_visible():
        before = page.locator("#search-results > li").count()
        page.locator("#search-more").click()
        page.wait_for_function(f"() => document.querySelectorAll('#search-results > li').length > {before}")
    shown = [a.get_attribute("href") for a in page.locator("#search-results h3 a").all()]
    assert scores and set(scores) <= set(shown)
    with_every_word = [url for url in shown if url in scores]
    for before, after in zip(with_every_word, with_every_word[1:]):
        assert scores[before] >= scores[after] * (1 - TOLERANCE), (before, after)
