"""What a search costs a family's phone: bytes fetched and time per query.

Builds realistic synthetic directories (bench/make_providers.py: real English
words at their real rates, SEND terms, seed 1) with the real `pelican`
command, serves each, and drives Debian's Chromium through Playwright:

- bytes: for each query, a fresh browser opens /search/?..., and every file the
  search fetches before the first results are shown (the search modules, the
  manifest, term files, word files, filter files, store pages) is counted at its
  `gzip -9` size, as a server compressing its files would send it. The page
  itself (HTML, CSS, GOV.UK Frontend) is the same on every page of the site
  and is printed apart.
- time: the median, over repeats with the files already fetched, of the time
  engine.mjs spends finding the matches (words, filters and ranking).

The baseline, measured in the same run on the same site, is the design the
split replaces: the one whole lunr index the term files are cut from (lunr.py's
own serialisation, written when SEARCH_WHOLE_INDEX is on) and one whole result
store, in one file, loaded with lunr.Index.load and queried with the same
required words. Ratios against it are what to compare
between machines; the budget is 150 KB at 2,000 services and 600 KB at
10,000, and a query under 50 ms at 10,000.

Run: .venv/bin/python bench/search.py [--sizes 2000 10000] [--repeats 7]
"""

import argparse
import gzip
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.make_providers import write_providers  # noqa: E402
from localoffer.site_server import start_server  # noqa: E402

PELICAN = Path(sys.executable).with_name("pelican")
CHROMIUM = "/usr/lib/chromium/chromium"
BUDGET = {2000: 150_000, 10000: 600_000}
SEED = 1
# What families type: one word, two, three, a typo, filters alone, words with a
# filter. The words are among the SEND terms and the common English words
# make_providers.py draws from, so each query finds services at every size.
QUERIES = [
    ("autism", "q=autism"),
    ("speech therapy", "q=speech+therapy"),
    ("short breaks weekend", "q=short+breaks+weekend"),
    ("autsim (typo)", "q=autsim"),
    ("need, age, free (no words)", "need=asd&age=7&free=yes"),
    ("support + area", "q=support&area=fenwick"),
]
SEARCH_FILES = ("/search/data/", "/theme/js/search/")


def build(providers, output):
    command = [
        str(PELICAN), "content", "-s", "pelicanconf.py", "-q", "-e",
        f"PROVIDERS_PATH={json.dumps(str(providers))}", f"OUTPUT_PATH={json.dumps(str(output))}",
        f"CACHE_PATH={json.dumps(str(output.parent / 'cache'))}", 'SERVICES_BUILD_DATE="2026-11-22"', "SEARCH_WHOLE_INDEX=true",
    ]
    started = time.perf_counter()
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"build failed:\n{result.stdout}\n{result.stderr}")
    return time.perf_counter() - started


def gzip_size(data):
    return len(gzip.compress(data, compresslevel=9, mtime=0))


def write_baseline(output):
    """The whole lunr index the term files come from (written by SEARCH_WHOLE_INDEX)
    and the whole store, in one file, as a whole-index design would serve them."""
    data = output / "search" / "data"
    manifest = json.loads((data / "manifest.json").read_text())
    index = json.loads((data / "whole-index.json").read_text())
    store = [row for page in range(-(-manifest["count"] // manifest["storePageSize"]))
             for row in json.loads((data / "store" / f"{page}.json").read_text())]
    baseline = json.dumps({"index": index, "store": store}, separators=(",", ":")).encode()
    (data / "baseline.json").write_bytes(baseline)
    return gzip_size(baseline)


def measure_split(browser, base, query, repeats):
    """(search bytes, page bytes, median ms, results) for one query from a cold start."""
    context = browser.new_context()
    page = context.new_page()
    sizes = {"search": 0, "page": 0}

    def count(response):
        path = urlsplit(response.url).path
        try:
            body = response.body()
        except Exception:  # noqa: BLE001 - a redirect or aborted request has no body
            return
        kind = "search" if path.startswith(SEARCH_FILES) else "page"
        sizes[kind] += gzip_size(body)

    page.on("response", count)
    page.goto(f"{base}/search/?{query}")
    page.wait_for_selector("#search-page[data-search-state=done]", timeout=60_000)
    page.remove_listener("response", count)
    results = page.locator("#search-status").text_content()
    times = []
    for _ in range(repeats):
        searches = int(page.get_attribute("#search-page", "data-search-count"))
        page.evaluate("() => document.getElementById('search-form').requestSubmit()")
        page.wait_for_function(
            f"() => +document.getElementById('search-page').dataset.searchCount > {searches} && "
            "document.getElementById('search-page').dataset.searchState === 'done'"
        )
        times.append(float(page.get_attribute("#search-page", "data-search-ms")))
    context.close()
    return sizes["search"], sizes["page"], statistics.median(times), results


BASELINE_QUERY = """async ([words, repeats]) => {
  const data = await (await fetch('/search/data/baseline.json')).json();
  const index = lunr.Index.load(data.index);
  const terms = words.split(' ').map(w => lunr.stemmer(new lunr.Token(w, {})).toString());
  const times = [];
  let count = 0;
  for (let i = 0; i < repeats; i++) {
    const started = performance.now();
    count = index.query(q => terms.forEach(t => q.term(t, {usePipeline: false, presence: lunr.Query.presence.REQUIRED}))).length;
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return [times[Math.floor(times.length / 2)], count];
}"""


def measure_baseline(browser, base, words, repeats):
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{base}/search/?q=autism")
    page.wait_for_selector("#search-page[data-search-state=done]", timeout=60_000)
    page.add_script_tag(url="/theme/vendor/lunr.min.js")  # the search page itself no longer loads lunr.js
    median, count = page.evaluate(BASELINE_QUERY, [words, repeats])
    context.close()
    return median, count


def main():
    from playwright.sync_api import sync_playwright

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[2000, 10000])
    parser.add_argument("--repeats", type=int, default=7)
    args = parser.parse_args()
    lunr_js = (ROOT / "node_modules" / "lunr" / "lunr.min.js").read_bytes()
    with tempfile.TemporaryDirectory(prefix="bench-search-") as folder, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--disable-gpu", "--no-sandbox"])
        for size in args.sizes:
            providers = Path(folder) / f"providers-{size}"
            write_providers(providers, size, SEED)
            output = Path(folder) / f"site-{size}" / "output"
            seconds = build(providers, output)
            baseline_bytes = write_baseline(output) + gzip_size(lunr_js)
            server = start_server(output)
            base = f"http://127.0.0.1:{server.server_port}"
            print(f"\n{size} services (built in {seconds:.0f} s); budget {BUDGET.get(size, 0) / 1000:.0f} KB")
            print(f"  baseline, whole lunr index + whole store + lunr.min.js: {baseline_bytes / 1000:8.1f} KB gzip")
            print(f"  {'query':<28} {'search KB':>9} {'ratio':>6} {'page KB':>8} {'median ms':>9}  results")
            worst, medians = 0, []
            for label, query in QUERIES:
                search_bytes, page_bytes, median, results = measure_split(browser, base, query, args.repeats)
                worst = max(worst, search_bytes)
                medians.append(median)
                print(f"  {label:<28} {search_bytes / 1000:9.1f} {search_bytes / baseline_bytes:6.2f} "
                      f"{page_bytes / 1000:8.1f} {median:9.2f}  {results}", flush=True)
            base_ms = [measure_baseline(browser, base, words, args.repeats)
                       for words in ("autism", "speech therapy", "short breaks weekend")]
            split_ms = statistics.median(medians)
            whole_ms = statistics.median(ms for ms, _ in base_ms)
            verdict = "within" if worst <= BUDGET.get(size, float("inf")) else "OVER"
            print(f"  most fetched before first results: {worst / 1000:.1f} KB ({verdict} budget); "
                  f"ratio to baseline {worst / baseline_bytes:.2f}")
            print(f"  median query time: {split_ms:.2f} ms split; {whole_ms:.2f} ms whole index "
                  f"(same words; ratio {split_ms / whole_ms if whole_ms else float('nan'):.2f})", flush=True)
            server.shutdown()
            server.server_close()
        browser.close()


if __name__ == "__main__":
    main()
