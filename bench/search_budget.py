"""The search's budgets, measured against Pagefind on the same built site in the same run.

For the sample site and a directory of 10,000 services of distinct, realistic
text (bench/make_providers.py, seed 2026), this builds the site with the real
`pelican`, runs Pagefind 1.5 (the npm package pinned in package.json; its
binary ships inside it) over the same service pages, serves the site, and drives Debian's Chromium:

- bytes: for each of 15 queries, a fresh browser opens the search and counts
  every file the engine fetches until the first results are shown, at its
  `gzip -9` size (Pagefind's index files are already compressed, so they count
  as they are). Ours: the search modules and the data files (/theme/js/search/,
  /search/data/). Pagefind's: pagefind.js, its WebAssembly, entry, meta, index
  chunks and the fragments of the first 5 results (what its own UI shows
  first; its UI script and styles are not counted). The page itself is the
  same for both and is left out. The figure is the median over the queries.
- quality (sample site): the share of tests/search_queries.tsv whose expected
  service is in the first three results, for both engines.
- time (in Chromium): the median over repeats of one search with the files
  already fetched (engine.mjs's `ms`), and Pagefind's `search()` likewise.

Targets (issue 14): at most a third of Pagefind's bytes; the expected service
in the first three at least as often as Pagefind; a query under 50 ms at
10,000 services.

Run: .venv/bin/python bench/search_budget.py [--sizes 0 10000] [--repeats 7]
(size 0 is the sample site in providers/).
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
from urllib.parse import quote_plus, urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.make_providers import write_providers  # noqa: E402
from localoffer.site_server import start_server  # noqa: E402

PELICAN = Path(sys.executable).with_name("pelican")
SEED = 2026  # the seed of the figures in plugins/search_index/README.md
PAGEFIND = ROOT / "node_modules" / ".bin" / "pagefind"
CHROMIUM = "/usr/lib/chromium/chromium"
QUERIES = [
    "autism", "my child has autism", "speech therapy", "autsim", "speach", "swimming club", "wheelchair",
    "after school club", "help with money", "dyslexia", "holiday", "music", "transport to school", "deaf",
    "weekend respite",
]
OURS = ("/search/data/", "/theme/js/search/")
PAGEFIND_SHOWN = 5
PAGEFIND_QUERY = """async ([query, shown]) => {
  const pagefind = await import('/pagefind/pagefind.js');
  await pagefind.init();
  const started = performance.now();
  const search = await pagefind.search(query);
  const data = await Promise.all(search.results.slice(0, shown).map((result) => result.data()));
  return {ms: performance.now() - started, count: search.results.length, urls: data.map((d) => d.url)};
}"""


def gzip_size(data):
    return len(gzip.compress(data, compresslevel=9, mtime=0))


def build(providers, output):
    command = [str(PELICAN), "content", "-s", "pelicanconf.py", "-q", "-o", str(output), "-e",
               f"PROVIDERS_PATH={json.dumps(str(providers))}", f"CACHE_PATH={json.dumps(str(output.parent / 'cache'))}",
               'SERVICES_BUILD_DATE="2026-11-22"']
    started = time.perf_counter()
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"build failed:\n{result.stdout}\n{result.stderr}")
    # The same documents for Pagefind: each service's page (not the easy-read pages or listings).
    result = subprocess.run([str(PAGEFIND), "--site", str(output), "--glob", "services/*/index.html"],
                            cwd=ROOT, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"pagefind failed:\n{result.stdout}\n{result.stderr}")
    return time.perf_counter() - started


def counting(page, prefixes):
    sizes = []

    def count(response):
        if urlsplit(response.url).path.startswith(prefixes):
            try:
                sizes.append(gzip_size(response.body()))
            except Exception:  # noqa: BLE001 - a redirect or aborted request has no body
                pass

    page.on("response", count)
    return sizes


def ours_cold(browser, base, query):
    """(bytes, service ids of the first three) for one query from a cold start."""
    context = browser.new_context()
    page = context.new_page()
    sizes = counting(page, OURS)
    page.goto(f"{base}/search/?q={quote_plus(query)}")
    page.wait_for_selector("#search-page[data-search-state=done]", timeout=60_000)
    first = [href.strip("/").split("/")[-1] for href in
             page.locator("#search-results h3 a").evaluate_all("links => links.slice(0, 3).map(a => a.getAttribute('href'))")]
    context.close()
    return sum(sizes), first


def ours_ms(browser, base, queries, repeats):
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{base}/search/?q=autism")
    page.wait_for_selector("#search-page[data-search-state=done]", timeout=60_000)
    times = []
    for query in queries:
        page.fill("#search-q", query)
        for _ in range(repeats):
            searches = int(page.get_attribute("#search-page", "data-search-count"))
            page.evaluate("() => document.getElementById('search-form').requestSubmit()")
            page.wait_for_function(
                f"() => +document.getElementById('search-page').dataset.searchCount > {searches} && "
                "document.getElementById('search-page').dataset.searchState === 'done'")
            times.append(float(page.get_attribute("#search-page", "data-search-ms")))
    context.close()
    return statistics.median(times)


def pagefind_cold(browser, base, query):
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{base}/404.html")
    sizes = counting(page, ("/pagefind/",))
    found = page.evaluate(PAGEFIND_QUERY, [query, PAGEFIND_SHOWN])
    context.close()
    return sum(sizes), [url.strip("/").split("/")[-1] for url in found["urls"][:3]]


def pagefind_ms(browser, base, queries, repeats):
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{base}/404.html")
    times = []
    for query in queries:
        page.evaluate(PAGEFIND_QUERY, [query, PAGEFIND_SHOWN])  # fetch its files first
        times += [page.evaluate(PAGEFIND_QUERY, [query, PAGEFIND_SHOWN])["ms"] for _ in range(repeats)]
    context.close()
    return statistics.median(times)


def query_set():
    lines = (ROOT / "tests" / "search_queries.tsv").read_text(encoding="utf-8").splitlines()
    return [line.split("\t")[:2] for line in lines if line and not line.startswith("#")]


def quality(browser, base):
    """Share of the query set with the expected service in the first three, for each engine."""
    context = browser.new_context()
    page = context.new_page()
    hits = {"ours": 0, "pagefind": 0}
    cases = query_set()
    page.goto(f"{base}/search/")
    for query, expected in cases:
        page.fill("#search-q", query)
        searches = page.get_attribute("#search-page", "data-search-count")
        page.evaluate("() => document.getElementById('search-form').requestSubmit()")
        page.wait_for_function(
            f"() => document.getElementById('search-page').dataset.searchCount !== '{searches}' && "
            "document.getElementById('search-page').dataset.searchState === 'done'")
        first = page.locator("#search-results h3 a").evaluate_all(
            "links => links.slice(0, 3).map(a => a.getAttribute('href'))")
        hits["ours"] += any(href.rstrip("/").endswith("/" + expected) for href in first)
        found = page.evaluate(PAGEFIND_QUERY, [query, 3])
        hits["pagefind"] += any(url.rstrip("/").endswith("/" + expected) for url in found["urls"])
    context.close()
    return {engine: count / len(cases) for engine, count in hits.items()}, len(cases)


def main():
    from playwright.sync_api import sync_playwright

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[0, 10000], help="0 is the sample site")
    parser.add_argument("--repeats", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-search-budget-") as folder, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--disable-gpu", "--no-sandbox"])
        for size in args.sizes:
            providers = ROOT / "providers" if size == 0 else Path(folder) / f"providers-{size}"
            if size:
                write_providers(providers, size, SEED)
            output = Path(folder) / f"site-{size}" / "output"
            seconds = build(providers, output)
            server = start_server(output)
            base = f"http://127.0.0.1:{server.server_port}"
            name = "the sample site" if size == 0 else f"{size} services"
            print(f"\n{name} (built and indexed by both in {seconds:.0f} s)")
            print(f"  {'query':<22} {'ours KB':>8} {'Pagefind KB':>12} {'ratio':>6}")
            ours_bytes, theirs_bytes = [], []
            for query in QUERIES:
                mine, _ = ours_cold(browser, base, query)
                theirs, _ = pagefind_cold(browser, base, query)
                ours_bytes.append(mine)
                theirs_bytes.append(theirs)
                print(f"  {query:<22} {mine / 1000:8.1f} {theirs / 1000:12.1f} {mine / theirs:6.2f}", flush=True)
            median_ours, median_theirs = statistics.median(ours_bytes), statistics.median(theirs_bytes)
            verdict = "within" if median_ours * 3 <= median_theirs else "OVER"
            print(f"  median bytes to first results: ours {median_ours / 1000:.1f} KB, Pagefind "
                  f"{median_theirs / 1000:.1f} KB; ratio {median_ours / median_theirs:.2f} ({verdict} the third)")
            mine_ms = ours_ms(browser, base, QUERIES, args.repeats)
            theirs_ms = pagefind_ms(browser, base, QUERIES, args.repeats)
            print(f"  median query time in Chromium, files fetched: ours {mine_ms:.2f} ms, Pagefind "
                  f"{theirs_ms:.2f} ms; ratio {mine_ms / theirs_ms:.2f} (target under 50 ms)", flush=True)
            if size == 0:
                shares, count = quality(browser, base)
                print(f"  expected service in the first three, {count} queries: ours {shares['ours']:.0%}, "
                      f"Pagefind {shares['pagefind']:.0%}", flush=True)
            server.shutdown()
            server.server_close()
        browser.close()


if __name__ == "__main__":
    main()
