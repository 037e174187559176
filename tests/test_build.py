"""Real Pelican builds of small provider folders: what is published, what is
left out, what editors are told, and that provider text cannot run."""

import hashlib
import re
from pathlib import Path

import pytest
from PIL import Image

from tests.conftest import ROOT, run_pelican

SITE = Path(__file__).parent / "fixtures" / "site" / "providers"
# The three example provider files, copied into the repository (see their README).
EXAMPLES = Path(__file__).parent / "fixtures" / "examples"


@pytest.fixture(scope="module")
def fixture_site(tmp_path_factory):
    output = tmp_path_factory.mktemp("site") / "output"
    result = run_pelican(SITE, output)
    return result, output


def test_one_bad_file_is_reported_and_every_other_service_is_published(fixture_site):
    result, output = fixture_site
    assert result.returncode == 0, result.stdout
    assert (output / "services" / "complete-service" / "index.html").is_file()
    assert (output / "services" / "unsafe-text" / "index.html").is_file()
    assert not (output / "services" / "broken-service").exists()
    assert "providers/broken-service.yaml:12: service.cost.free: `maybe` is not yes or no; write yes or no" in result.stdout
    assert "providers/broken-service.yaml:19: last_reviewed: `2026-13-01` is not a real date; write a date such as 2026-09-01" in result.stdout


def test_the_build_ends_with_a_count_of_every_file(fixture_site):
    result, _ = fixture_site
    assert "service_directory: 1 provider file(s) left out until fixed: providers/broken-service.yaml" in result.stdout
    assert "service_directory: 2 published, 1 draft, 1 closed, 1 rejected" in result.stdout


def test_drafts_have_no_page_and_closed_services_are_not_listed(fixture_site):
    _, output = fixture_site
    assert not (output / "services" / "draft-service").exists()
    closed = (output / "services" / "closed-service" / "index.html").read_text()
    assert "temporarily closed" in closed
    a_to_z = (output / "services" / "index.html").read_text()
    assert 'href="/services/complete-service/"' in a_to_z
    assert "closed-service" not in a_to_z
    assert "draft-service" not in a_to_z
    health = (output / "categories" / "health" / "index.html").read_text()
    assert 'href="/services/unsafe-text/"' in health
    assert "complete-service" not in health


def test_preview_builds_include_drafts(tmp_path):
    result = run_pelican(SITE, tmp_path / "output", SERVICES_INCLUDE_DRAFTS=True)
    assert result.returncode == 0, result.stdout
    assert (tmp_path / "output" / "services" / "draft-service" / "index.html").is_file()
    assert 'href="/services/draft-service/"' in (tmp_path / "output" / "services" / "index.html").read_text()
    assert "service_directory: 2 published, 1 draft, 1 closed, 1 rejected" in result.stdout


def test_strict_mode_fails_the_build_but_still_reports_every_problem(tmp_path):
    result = run_pelican(SITE, tmp_path / "output", extra_args=["--fatal", "errors"])
    assert result.returncode == 1
    assert "providers/broken-service.yaml:12: service.cost.free" in result.stdout
    assert "providers/broken-service.yaml:19: last_reviewed" in result.stdout
    assert "service_directory: 2 published, 1 draft, 1 closed, 1 rejected" in result.stdout


def test_provider_text_is_escaped_and_markdown_is_sanitised(fixture_site):
    _, output = fixture_site
    page = (output / "services" / "unsafe-text" / "index.html").read_text()
    assert "<script>alert" not in page
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; Sons" in page
    assert "<img src=x" not in page
    assert "&lt;img src=x onerror=alert(1)&gt; Club" in page
    assert "javascript:" not in page
    assert '<a class="govuk-link" href="https://example.org" rel="noopener noreferrer">good link</a>' in page
    assert '<a class="govuk-link" href="tel:01632960333" rel="noopener noreferrer">01632 960 333</a>' in page
    assert "Anyone &lt;i&gt;at all&lt;/i&gt;." in page
    assert 'href="https://example.org/&#34;onmouseover=&#34;alert(1)"' in page
    assert not re.search(r"<[^>]+\son\w+=", page), "no event-handler attribute may reach the page"


def test_pictures_are_published_without_camera_or_gps_data(tmp_path):
    result = run_pelican(EXAMPLES, tmp_path / "output")
    assert result.returncode == 0, result.stdout
    original = Image.open(EXAMPLES / "images" / "riverside-playroom.jpg")
    assert 34853 in original.getexif()  # the example really carries a GPS position
    published = tmp_path / "output" / "services" / "riverside-speech-dropin" / "riverside-playroom.jpg"
    with Image.open(published) as picture:
        assert dict(picture.getexif()) == {}
        assert "xmp" not in picture.info and "icc_profile" not in picture.info
        assert picture.size == original.size
    page = (tmp_path / "output" / "services" / "riverside-speech-dropin" / "index.html").read_text()
    assert 'src="/services/riverside-speech-dropin/riverside-playroom.jpg"' in page
    assert 'alt="A bright playroom with toys, cushions and a low table."' in page


def test_every_example_validates_and_publishes(tmp_path):
    result = run_pelican(EXAMPLES, tmp_path / "output", extra_args=["--fatal", "errors"])
    assert result.returncode == 0, result.stdout
    assert "service_directory: 3 published, 0 draft, 0 closed, 0 rejected" in result.stdout
    for example in sorted(EXAMPLES.glob("*.yaml")):
        assert (tmp_path / "output" / "services" / example.stem / "index.html").is_file()


def test_the_sample_site_builds_strictly(tmp_path):
    """The sample council's own providers must all be publishable."""
    result = run_pelican(ROOT / "providers", tmp_path / "output", extra_args=["--fatal", "errors"])
    assert result.returncode == 0, result.stdout
    assert re.search(r"service_directory: \d+ published, 1 draft, 1 closed, 0 rejected", result.stdout)


def test_builds_are_deterministic(tmp_path):
    digests = []
    for run in ("first", "second"):
        output = tmp_path / run
        assert run_pelican(SITE, output).returncode == 0
        digests.append({
            path.relative_to(output).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in sorted(output.rglob("*")) if path.is_file()
        })
    assert digests[0] == digests[1]
    assert "services/complete-service/index.html" in digests[0]


def test_a_service_not_reviewed_for_a_year_warns_families(tmp_path):
    providers = tmp_path / "providers"
    providers.mkdir()
    for name, reviewed in (("old-review", "2025-11-21"), ("recent-review", "2025-11-22")):
        text = (SITE / "unsafe-text.yaml").read_text().replace("id: unsafe-text", f"id: {name}")
        (providers / f"{name}.yaml").write_text(text.replace("last_reviewed: 2026-06-01", f"last_reviewed: {reviewed}"))
    assert run_pelican(providers, tmp_path / "output").returncode == 0
    old = (tmp_path / "output" / "services" / "old-review" / "index.html").read_text()
    recent = (tmp_path / "output" / "services" / "recent-review" / "index.html").read_text()
    assert "This information was last checked on 21 November 2025, more than a year ago." in old
    assert "more than a year ago" not in recent


def test_a_council_can_leave_out_services_nobody_has_checked_for_years(tmp_path):
    providers = tmp_path / "providers"
    providers.mkdir()
    for name, reviewed in (("very-old", "2024-11-21"), ("old-enough", "2024-11-22")):
        text = (SITE / "unsafe-text.yaml").read_text().replace("id: unsafe-text", f"id: {name}")
        (providers / f"{name}.yaml").write_text(text.replace("last_reviewed: 2026-06-01", f"last_reviewed: {reviewed}"))
    result = run_pelican(providers, tmp_path / "output", SERVICES_HIDE_AFTER_MONTHS=24)
    assert result.returncode == 0, result.stdout
    assert "service_directory: 1 published, 0 draft, 0 closed, 0 rejected, 1 hidden as not reviewed for 24 months" in result.stdout
    assert not (tmp_path / "output" / "services" / "very-old").exists()
    assert (tmp_path / "output" / "services" / "old-enough" / "index.html").is_file()


def test_the_log_names_every_warning_up_to_twenty_then_the_first_twenty_and_the_count():
    from localoffer.service_directory.generator import warnings_report

    few = [f"providers/s{n}.yaml:3: last_reviewed: a warning" for n in range(20)]
    assert warnings_report(few) == "service_directory: warnings in provider files:\n" + "\n".join(few)
    many = few + ["providers/s20.yaml:3: last_reviewed: a warning"]
    assert warnings_report(many) == (
        "service_directory: 21 warnings in provider files, the first 20 here (`localoffer validate` lists every one):\n"
        + "\n".join(few))
