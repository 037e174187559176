"""Every kind of page under the site's Content Security Policy, in Chromium:
no violation, no console error, no request to another origin, and the policy
both in the page and in the headers the local server sends from `_headers`."""

from urllib.parse import urlsplit

import pytest

from localoffer.safe_build.policy import CONTENT_SECURITY_POLICY, meta_policy
from tests.browser.conftest import ROOT
from localoffer.site_server import start_server

PAGES = [
    "/",  # home
    "/services/riverside-speech-dropin/",  # a service
    "/services/riverside-speech-dropin/easy-read/",  # easy read
    "/services/",  # A to Z
    "/categories/health/",  # a listing
    "/needs/asd/",
    "/search/?q=speech",  # search, with results
    "/what-is-the-local-offer/",  # a content page
    "/coproduction/tracker/",  # the co-production tracker
    "/feedback/you-said-we-did/",  # you said, we did
    "/no-such-page/",  # the 404 page
]
LISTEN = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__violations.push(`${event.violatedDirective} ${event.blockedURI}`);
});
"""


@pytest.fixture(scope="module")
def preview_url(build, tmp_path_factory):
    output = tmp_path_factory.mktemp("csp-preview") / "preview"
    result = build(ROOT / "providers", output, SERVICES_INCLUDE_DRAFTS=True, EDITORIAL_REPORT=True)
    assert result.returncode == 0, result.stdout
    server = start_server(output)
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    server.server_close()


def visit(page, url):
    """Load `url`; return (violations, console errors, requests to other origins, response)."""
    origin = urlsplit(url)[:2]
    elsewhere, errors = [], []
    page.on("request", lambda request: urlsplit(request.url)[:2] != origin and elsewhere.append(request.url))
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.add_init_script(LISTEN)
    response = page.goto(url, wait_until="networkidle")
    return page.evaluate("window.__violations"), errors, elsewhere, response


@pytest.mark.parametrize("path", PAGES)
def test_a_page_breaks_no_rule_of_the_policy_and_asks_no_other_site(page, site_url, path):
    violations, errors, elsewhere, response = visit(page, site_url + path)
    if path == "/no-such-page/":  # the page itself answers 404, as it should, and Chromium says so
        assert response.status == 404
        errors.remove("Failed to load resource: the server responded with a status of 404 (Not Found)")
    assert (violations, errors, elsewhere) == ([], [], [])
    assert response.headers["content-security-policy"] == CONTENT_SECURITY_POLICY
    meta = page.locator("meta[http-equiv='Content-Security-Policy']")
    assert meta.get_attribute("content") == meta_policy(CONTENT_SECURITY_POLICY)
    if path.startswith("/search/"):
        assert page.locator("#search-results > li").count() > 0


def test_the_editorial_report_in_a_preview_breaks_no_rule(page, preview_url):
    violations, errors, elsewhere, response = visit(page, preview_url + "/editorial/")
    assert (violations, errors, elsewhere) == ([], [], [])
    assert response.headers["content-security-policy"] == CONTENT_SECURITY_POLICY


def test_the_listeners_do_catch_a_violation(page, tmp_path):
    """A page that breaks the policy (inline script, a picture from elsewhere) is caught, so the tests above can fail."""
    from localoffer.safe_build.policy import headers_file

    (tmp_path / "_headers").write_text(headers_file())
    (tmp_path / "index.html").write_text(
        '<!DOCTYPE html><html lang="en"><head><title>x</title></head><body>'
        '<script>document.title = "ran"</script><img src="http://other.invalid/p.png" alt=""></body></html>')
    server = start_server(tmp_path)
    try:
        violations, _, _, _ = visit(page, f"http://127.0.0.1:{server.server_port}/")
    finally:
        server.shutdown()
        server.server_close()
    assert page.title() == "x"
    assert sorted(violation.split()[0] for violation in violations) == ["img-src", "script-src-elem"]
