"""The editorial report in a real browser: no accessibility violations, with
every section filled in, and the preview banner on the pages it previews."""

import json

import pytest

from tests.browser.axe_check import assert_no_axe_violations
from tests.browser.conftest import ROOT
from localoffer.site_server import start_server


@pytest.fixture(scope="module")
def preview_url(build, site_dir, tmp_path_factory):
    folder = tmp_path_factory.mktemp("editorial-preview")
    # A baseline in which one service is missing, one is extra and one had another name,
    # so that the report shows added, removed and changed services.
    manifest = json.loads((site_dir / "manifest.json").read_text())
    services = manifest["services"]
    services.pop("riverside-speech-dropin")
    services["old-service"] = {"service.name": "An old service"}
    services["highcombe-youth-club"]["service.name"] = "Highcombe Youth Club (old name)"
    baseline = folder / "baseline.json"
    baseline.write_text(json.dumps(manifest))
    output = folder / "preview"
    result = build(ROOT / "providers", output, SERVICES_INCLUDE_DRAFTS=True, EDITORIAL_REPORT=True,
                   EDITORIAL_BASELINE_MANIFEST=str(baseline))
    assert result.returncode == 0, result.stdout
    server = start_server(output)
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    server.server_close()


def test_the_editorial_report_has_no_axe_violations(page, preview_url):
    page.goto(f"{preview_url}/editorial/")
    assert page.locator("h1").inner_text() == "Editorial report"
    assert page.get_by_role("heading", name="Added (1)").is_visible()
    assert page.get_by_role("heading", name="Removed (1)").is_visible()
    assert page.locator("caption", has_text="highcombe-youth-club").is_visible()
    assert_no_axe_violations(page)


def test_every_previewed_page_says_it_is_not_published(page, preview_url):
    for path in ("/", "/services/", "/services/riverside-speech-dropin/"):
        page.goto(f"{preview_url}{path}")
        assert page.get_by_text("Preview: not published").first.is_visible(), path
