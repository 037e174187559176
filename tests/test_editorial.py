"""The editorial workflow: the manifest every build writes, what a preview's
report says a change does, review dates, gaps, and the preview banner."""

import datetime
import json
import shutil
from pathlib import Path

import pytest

from localoffer.contract import ReviewDates
from localoffer.editorial.manifest import compare, flatten, read_manifest
from localoffer.editorial.review import by_review_date, gaps, review_files
from localoffer.service_directory.validate import ProviderChecker
from tests.conftest import run_pelican

VALID = Path(__file__).parent / "fixtures" / "providers" / "valid"
BASE = (VALID / "complete-service.yaml").read_text()


def write_provider(folder, service_id, **replacements):
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copytree(VALID / "images", folder / "images", dirs_exist_ok=True)
    text = BASE.replace("id: complete-service", f"id: {service_id}")
    text = text.replace("Family Link Saturday Club", f"Club {service_id}")
    for old, new in replacements.items():
        assert old in text
        text = text.replace(old, new)
    (folder / f"{service_id}.yaml").write_text(text)


@pytest.fixture(scope="module")
def change(tmp_path_factory):
    """A published site (before) and a pull request's files (after), previewed against it."""
    root = tmp_path_factory.mktemp("editorial")
    for service_id in ("kept-club", "changed-club", "removed-club"):
        write_provider(root / "before", service_id)
    published = run_pelican(root / "before", root / "published")
    assert published.returncode == 0, published.stdout

    write_provider(root / "after", "kept-club")
    write_provider(root / "after", "changed-club", **{
        "summary: A Saturday club": "summary: A Sunday club",
        "    free: no": "    free: yes",
        "  languages: [English]\n": "",
    })
    write_provider(root / "after", "added-club")
    write_provider(root / "after", "draft-club", **{"status: published": "status: draft"})
    write_provider(root / "after", "broken-club", **{"    free: no": "    free: perhaps"})
    write_provider(root / "after", "old-club", **{"last_reviewed: 2026-10-01": "last_reviewed: 2025-11-01"})
    preview = run_pelican(
        root / "after", root / "preview", SERVICES_INCLUDE_DRAFTS=True, EDITORIAL_REPORT=True,
        EDITORIAL_BASELINE_MANIFEST=str(root / "published" / "manifest.json"),
    )
    assert preview.returncode == 0, preview.stdout
    return root


def test_every_build_writes_a_manifest_of_what_it_publishes(change):
    manifest = json.loads((change / "published" / "manifest.json").read_text())
    assert sorted(manifest["services"]) == ["changed-club", "kept-club", "removed-club"]
    fields = manifest["services"]["kept-club"]
    assert fields["service.name"] == "Club kept-club"
    assert fields["service.cost.free"] == "no"
    assert fields["service.categories"] == "activities-and-short-breaks"
    assert fields["locations[0].postcode"] == "NM3 2AB"


def test_a_preview_manifest_never_holds_drafts(change):
    manifest = json.loads((change / "preview" / "manifest.json").read_text())
    assert sorted(manifest["services"]) == ["added-club", "changed-club", "kept-club", "old-club"]


def test_the_report_says_what_the_change_does_field_by_field(change):
    summary = (change / "preview" / "editorial" / "report.md").read_text()
    assert "- Added: `added-club`\n- Added: `old-club`\n- Removed: `removed-club`\n" in summary
    assert "- Changed: `changed-club`: `service.cost.free`, `service.languages`, `service.summary`\n" in summary
    page = (change / "preview" / "editorial" / "index.html").read_text()
    assert "<code>service.cost.free</code></th>\n          <td class=\"govuk-table__cell\">no</td>\n          <td class=\"govuk-table__cell\">yes</td>" in page
    assert "<td class=\"govuk-table__cell\">English</td>\n          <td class=\"govuk-table__cell\">(removed)</td>" in page


def test_the_report_lists_problems_review_dates_and_gaps(change):
    summary = (change / "preview" / "editorial" / "report.md").read_text()
    # Provider text is escaped: it renders as the plain line `invoke validate` prints.
    assert ("- Error: after/broken\\-club\\.yaml\\:23\\: service\\.cost\\.free\\: \\`perhaps\\` is not yes or no; "
            "write yes or no\n") in summary
    assert "- Warning: after/old\\-club\\.yaml\\:65\\: last\\_reviewed\\: \\`2025\\-11\\-01\\` is before 2025\\-11\\-22" in summary
    assert "- Out of date: `after/old-club.yaml` (last reviewed 2025-11-01)\n" in summary
    assert ("- `after/added-club.yaml`: accessibility not stated\\: accessible toilet, Changing Places toilet, "
            "hearing loop, accessible parking, quiet space, sensory\\-friendly, BSL, easy\\-read information\n") in summary


def test_the_preview_has_a_banner_and_the_published_build_has_neither_banner_nor_report(change):
    assert "Preview: not published" in (change / "preview" / "services" / "kept-club" / "index.html").read_text()
    assert (change / "preview" / "services" / "draft-club" / "index.html").is_file()
    assert "Preview: not published" not in (change / "published" / "services" / "kept-club" / "index.html").read_text()
    assert not (change / "published" / "editorial").exists()


def test_a_published_build_removes_a_report_an_earlier_preview_left(tmp_path):
    write_provider(tmp_path / "providers", "kept-club")
    output = tmp_path / "output"
    assert run_pelican(tmp_path / "providers", output, EDITORIAL_REPORT=True).returncode == 0
    assert (output / "editorial" / "index.html").is_file()
    assert run_pelican(tmp_path / "providers", output).returncode == 0
    assert not (output / "editorial").exists()


def test_a_missing_baseline_is_reported_not_fatal(tmp_path):
    write_provider(tmp_path / "providers", "kept-club")
    result = run_pelican(tmp_path / "providers", tmp_path / "output", EDITORIAL_REPORT=True,
                         EDITORIAL_BASELINE_MANIFEST=str(tmp_path / "nowhere.json"))
    assert result.returncode == 0
    assert f"editorial: could not read {tmp_path / 'nowhere.json'}: No such file or directory; the report shows no changes" in result.stdout


def test_compare_added_removed_changed():
    before = {"format": 1, "services": {"a": {"x": "1", "y": "2"}, "b": {"x": "1"}}}
    after = {"format": 1, "services": {"a": {"x": "1", "y": "3", "z": "4"}, "c": {"x": "1"}}}
    assert compare(before, after) == {
        "added": ["c"], "removed": ["b"], "changed": [("a", [("y", "2", "3"), ("z", None, "4")])],
    }


def test_flatten_shows_values_as_editors_wrote_them():
    assert flatten({"a": {"b": True, "c": ["x", "y"]}, "d": [{"e": 1}], "f": None}) == {
        "a.b": "yes", "a.c": "x, y", "d[0].e": "1",
    }


def test_read_manifest_says_why_it_cannot(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": 2, "services": {}}')
    assert read_manifest(bad) == (None, f"{bad} is not a manifest of format 1")


def test_stale_and_due_against_a_fixed_build_date(tmp_path):
    for service_id, reviewed in (("a-old", "2025-11-21"), ("b-edge", "2025-11-22"), ("c-due", "2025-12-21"),
                                 ("d-fresh", "2025-12-22")):
        write_provider(tmp_path, service_id, **{"last_reviewed: 2026-10-01": f"last_reviewed: {reviewed}"})
    checker = ProviderChecker({"activities-and-short-breaks": "A"}, {"fenwick": "F"}, datetime.date(2026, 11, 22))
    reviews = review_files(checker.check_folder(tmp_path))
    dates = ReviewDates(build_date=datetime.date(2026, 11, 22), stale_before=datetime.date(2025, 11, 22),
                        due_before=datetime.date(2025, 12, 22))
    stale, due = by_review_date(reviews, dates)
    assert [r.id for r in stale] == ["a-old"]
    assert [r.id for r in due] == ["b-edge", "c-due"]


def test_gaps():
    data = {"service": {}, "contact": {"phone": "01632 960 000"},
            "accessibility": {key: "yes" for key in ("step_free_access", "accessible_toilet", "changing_places_toilet",
                                                     "hearing_loop", "accessible_parking", "quiet_space",
                                                     "sensory_friendly", "bsl_available")}}
    assert gaps(data) == ["accessibility not stated: easy-read information", "no opening times",
                          "no location and no online contact"]


def test_the_manifest_is_json_with_one_service_a_line():
    from localoffer.editorial.manifest import manifest_json

    manifest = {"format": 1, "services": {"a-club": {"service.name": 'The "A" Club: é'}, "b-club": {}}}
    text = manifest_json(manifest)
    assert json.loads(text) == manifest
    assert text.splitlines() == ['{"format":1,"services":{', '"a-club":{"service.name":"The \\"A\\" Club: é"},',
                                 '"b-club":{}', "}}"]
