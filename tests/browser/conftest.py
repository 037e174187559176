"""Browser tests: build the sample site once, serve it, and drive Debian's Chromium.

Playwright's own browser download cannot work offline, so the tests launch the
Chromium that `make test` installs with apt (/usr/lib/chromium/chromium, the
real binary rather than the /usr/bin shell wrapper).
"""

import os
from pathlib import Path

import pytest

from localoffer.site_server import start_server

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
CHROMIUM = "/usr/lib/chromium/chromium"
CHROMIUM_ARGS = ["--disable-gpu", "--disable-quic", "--no-sandbox"]


def pytest_collection_modifyitems(config, items):
    """Every test in this folder drives a browser: mark it `browser`, so
    `pytest -m "not browser"` leaves them all out and `-m browser` picks them."""
    for item in items:
        if HERE in Path(item.path).resolve().parents:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def site_dir(build, tmp_path_factory):
    """The sample site (providers/, the repo's pelicanconf.py), built once per session."""
    output = tmp_path_factory.mktemp("browser-site") / "output"
    result = build(ROOT / "providers", output)
    assert result.returncode == 0, (
        f"The sample site did not build (pelican exited with {result.returncode}):\n{result.stdout}"
    )
    return output


def _served(output):
    """A built site served on 127.0.0.1 the way a static host would serve it (including the site's own
    404 page): its address, until the session ends."""
    server = start_server(output)
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def site_url(site_dir):
    """The built sample site, served."""
    yield from _served(site_dir)


@pytest.fixture(scope="session")
def paged_site_url(build, tmp_path_factory):
    """The sample site with its listings in pages of 10 services (SERVICES_LISTING_PAGE_SIZE), served
    as site_url is: the pages and their pagination, which the default size leaves out of the sample."""
    output = tmp_path_factory.mktemp("browser-paged-site") / "output"
    result = build(ROOT / "providers", output, SERVICES_LISTING_PAGE_SIZE=10)
    assert result.returncode == 0, f"The sample site in pages did not build:\n{result.stdout}"
    yield from _served(output)


@pytest.fixture(scope="session")
def base_url(site_url):
    """pytest-playwright gives this to every page, so `page.goto("/services/")` works."""
    return site_url


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """Launch Debian's Chromium. A missing browser is a failure, not a skip:
    a skipped accessibility suite looks too much like a passing one."""
    if not (os.path.isfile(CHROMIUM) and os.access(CHROMIUM, os.X_OK)):
        pytest.fail(
            f"Chromium is not installed at {CHROMIUM}. The browser tests need Debian's "
            "Chromium: run `make test`, which installs it (or `make browser` on its own).",
            pytrace=False,
        )
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [*browser_type_launch_args.get("args", []), *CHROMIUM_ARGS],
    }
