"""The split index ranks as lunr.js's own Index.query ranks the whole index.

The sample site is built with SEARCH_WHOLE_INDEX, which also writes the one
lunr index the term files are cut from; lunr.js 2.3.9 loads it and runs the
same query (every word required, all fields). search.js must find the same
services and show them in the whole index's order; weights are rounded to 3
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
    scores['/' + page[n % size][0]] = result.score;
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
    scores = page.evaluate(WHOLE_INDEX_ORDER, words)
    shown = [a.get_attribute("href") for a in page.locator("#search-results h3 a").all()]
    assert scores and set(shown) <= set(scores)
    assert page.locator("#search-status").text_content().startswith(f"{len(scores)} service")
    for before, after in zip(shown, shown[1:]):
        assert scores[before] >= scores[after] * (1 - TOLERANCE), (before, after)
    not_shown = [score for url, score in scores.items() if url not in shown]
    assert not not_shown or scores[shown[-1]] >= max(not_shown) * (1 - TOLERANCE)
