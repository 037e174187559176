"""Real `pelican` builds with LOCAL_OFFER_BUILD_WORKERS 1 and 2 give the same site, byte for
byte: the sample site and a synthetic directory of 200 services (bench/make_providers.py).
A page that cannot be rendered in a worker stops the build with a clear message."""

import shutil

from bench.make_providers import write_providers
from tests.conftest import ROOT, run_pelican
from tests.test_incremental import differing, snapshot


def build_with(workers, providers, output, **overrides):
    result = run_pelican(providers, output, LOCAL_OFFER_BUILD_WORKERS=workers, **overrides)
    assert result.returncode == 0, result.stdout
    return snapshot(output)


def test_the_sample_site_is_the_same_with_one_and_two_workers(tmp_path):
    one = build_with(1, ROOT / "providers", tmp_path / "one" / "output")
    two = build_with(2, ROOT / "providers", tmp_path / "two" / "output")
    assert len(one) > 100
    assert differing(one, two) == []


def test_two_hundred_services_are_the_same_with_one_and_three_workers(tmp_path):
    providers = tmp_path / "providers"
    write_providers(providers, 200, 1)
    one = build_with(1, providers, tmp_path / "one" / "output")
    three = build_with(3, providers, tmp_path / "three" / "output")
    assert sum(path.startswith("services/") for path in one) >= 190
    assert differing(one, three) == []


def test_a_page_that_fails_in_a_worker_stops_the_build(tmp_path):
    theme = tmp_path / "theme"
    shutil.copytree(ROOT / "theme", theme)
    template = theme / "templates" / "service.html"
    failing = '{% if output_file == "services/brambleside-school/index.html" %}{{ no_such_value }}{% endif %}'
    template.write_text(template.read_text().replace("{% block content %}", "{% block content %}" + failing, 1))
    result = run_pelican(ROOT / "providers", tmp_path / "output", LOCAL_OFFER_BUILD_WORKERS=2, THEME=str(theme))
    assert result.returncode != 0
    message = ('safe_build: rendering "services/brambleside-school/index.html" failed in worker 1 of 2: '
               "UndefinedError: 'no_such_value' is undefined")
    assert f"RenderingFailed: {message}" in result.stdout, result.stdout[-3000:]


def test_relative_addresses_are_the_same_with_one_and_two_workers(tmp_path):
    # Pelican's writer changes the shared context's `localsiteurl` for each page when RELATIVE_URLS is on.
    one = build_with(1, ROOT / "providers", tmp_path / "one" / "output", RELATIVE_URLS=True)
    two = build_with(2, ROOT / "providers", tmp_path / "two" / "output", RELATIVE_URLS=True)
    page = (tmp_path / "two" / "output" / "services" / "brambleside-school" / "index.html").read_text()
    assert "theme/css/main.css" in page and 'href="/' not in page  # every address relative to the page
    assert differing(one, two) == []
