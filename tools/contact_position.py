"""How far down a phone screen each service page's contact details start.

Opens every service page of a built site in Debian's Chromium at 360 x 800
CSS pixels and prints the distance from the top of the page to the top of the
"Contact" heading (`#contact`), fullest provider files first:

    .venv/bin/python -m tools.contact_position output/

Issue 14 asked for the contact details to come first on a phone; this is the
measurement behind the figures in its report and behind the bound that
tests/browser/test_pages.py asserts.
"""

import argparse
import statistics
from pathlib import Path

from playwright.sync_api import sync_playwright

from localoffer.site_server import start_server

CHROMIUM = "/usr/lib/chromium/chromium"
WIDTH, HEIGHT = 360, 800
CONTACT_TOP = "() => { const el = document.getElementById('contact'); return el && el.getBoundingClientRect().top + window.scrollY; }"


def service_pages(site):
    return sorted(path.parent.name for path in (Path(site) / "services").glob("*/index.html"))


def measure(site, ids):
    server = start_server(site)
    base = f"http://127.0.0.1:{server.server_port}"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
            page = browser.new_page(viewport={"width": WIDTH, "height": HEIGHT})
            results = {}
            for service_id in ids:
                page.goto(f"{base}/services/{service_id}/")
                results[service_id] = (page.evaluate(CONTACT_TOP), page.evaluate("() => document.body.scrollHeight"))
            browser.close()
            return results
    finally:
        server.shutdown()
        server.server_close()


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", help="a built site, e.g. output/")
    parser.add_argument("ids", nargs="*", help="service ids (default: every service page)")
    args = parser.parse_args(argv)
    results = measure(args.site, args.ids or service_pages(args.site))
    for service_id, (top, height) in results.items():
        print(f"{service_id}: contact at {top:.0f} px of {height} px" if top is not None
              else f"{service_id}: no #contact")
    tops = [top for top, _ in results.values() if top is not None]
    if tops:
        print(f"{len(tops)} pages at {WIDTH} x {HEIGHT}: median {statistics.median(tops):.0f} px, "
              f"max {max(tops):.0f} px, screens to the contact details (median) {statistics.median(tops) / HEIGHT:.1f}")


if __name__ == "__main__":
    main()
