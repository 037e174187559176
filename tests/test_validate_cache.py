"""`validate` keeps each file's result between runs (check_cache.py) and checks
the rest in worker processes: the same report either way."""

import json
import shutil
from pathlib import Path

import pytest

from bench.make_providers import write_providers
from localoffer.cache_files import load_json
from localoffer.service_directory.check_cache import CACHE_FILE, KINDS, check_all, worker_count
from localoffer.service_directory.cli import checker_for, human_report, json_report, validate_paths
from localoffer.service_directory.validate import provider_files
from tests.conftest import run_pelican
from tests.test_validate_cli import SETTINGS

FIXTURE = Path(__file__).parent / "fixtures" / "validate" / "providers"
REAL = "`maybe` is not yes or no; write yes or no"
PLANTED = "a message only the cache holds"


@pytest.fixture
def site(tmp_path):
    shutil.copytree(FIXTURE, tmp_path / "providers")
    return tmp_path


def validate(site, settings=SETTINGS, warnings=None):
    return validate_paths([site / "providers"], settings, site, site / "cache",
                          warn=(warnings.append if warnings is not None else None))


def plant(site):
    """Change the kept result of broken-service.yaml, so the next report shows
    whether the file was checked again (REAL) or taken from the cache (PLANTED)."""
    path = site / "cache" / CACHE_FILE
    text = path.read_text(encoding="utf-8")
    assert text.count(REAL) == 1
    path.write_text(text.replace(REAL, PLANTED), encoding="utf-8")


def messages(results):
    return [problem.message for result in results for problem in result.problems]


def test_a_second_run_takes_unchanged_files_from_the_cache_and_reports_the_same(site):
    first = validate(site)
    assert (site / "cache" / CACHE_FILE).is_file()
    assert human_report(validate(site)) == human_report(first)
    plant(site)
    assert PLANTED in messages(validate(site))


def test_the_cache_keeps_of_each_file_only_what_the_reports_read(site):
    validate(site)
    stored = load_json(site / "cache" / CACHE_FILE, KINDS)
    kept = stored["files"][str((site / "providers" / "ready-service.yaml").absolute())][1]
    assert (kept.path, kept.lines, kept.data) == (None, {}, {"status": "published", "images": [{"file": "images/club.png"}]})
    assert kept.pictures[0].startswith("images/club.png:")


def test_a_changed_file_is_checked_again(site):
    validate(site)
    plant(site)
    broken = site / "providers" / "broken-service.yaml"
    broken.write_text(broken.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    found = messages(validate(site))
    assert REAL in found and PLANTED not in found


@pytest.mark.parametrize("change", [
    {"LOCAL_OFFER_CATEGORIES": {**SETTINGS["LOCAL_OFFER_CATEGORIES"], "education": "Education"}},
    {"LOCAL_OFFER_AREAS": {**SETTINGS["LOCAL_OFFER_AREAS"], "westmoor": "Westmoor"}},
    {"SERVICES_BUILD_DATE": "2026-11-23"},
    {"SERVICES_STALE_AFTER_MONTHS": 6},
], ids=lambda change: next(iter(change)))
def test_a_changed_schema_or_setting_throws_the_cache_away(site, change):
    validate(site)
    plant(site)
    found = messages(validate(site, {**SETTINGS, **change}))
    assert REAL in found and PLANTED not in found


def test_a_changed_or_missing_picture_is_checked_again(site):
    assert not any("club.png" in message for message in messages(validate(site)))
    (site / "providers" / "images" / "club.png").unlink()
    missing = "`images/club.png` is not in providers/; add the picture there or correct the file name"
    assert [m for m in messages(validate(site)) if "club.png" in m] == [missing, missing]  # two files name it


def test_the_build_checks_a_file_again_when_a_picture_it_names_changed(site):
    """The build keeps checked files in its own cache (build_cache.py), keyed by the file's bytes and its pictures."""
    missing = "`images/club.png` is not in providers/; add the picture there or correct the file name"
    assert missing not in run_pelican(site / "providers", site / "output").stdout
    (site / "providers" / "images" / "club.png").unlink()
    assert run_pelican(site / "providers", site / "output").stdout.count(missing) == 2  # two files name it


@pytest.mark.parametrize("damage", [b"not json at all", b'["d", []]', b'{"files": 3}'], ids=["text", "shape", "plain"])
def test_a_corrupt_cache_is_ignored_with_a_warning(site, damage):
    expected = json_report(validate_paths([site / "providers"], SETTINGS, site))
    (site / "cache").mkdir(exist_ok=True)
    (site / "cache" / CACHE_FILE).write_bytes(damage)
    warnings = []
    assert json_report(validate(site, warnings=warnings)) == expected
    assert warnings == [
        f"validate: ignored {site / 'cache' / CACHE_FILE}, which could not be read as a cache; every file is checked again",
    ]
    # The damaged file was replaced by a good one: the next run has nothing to say.
    warnings.clear()
    validate(site, warnings=warnings)
    assert warnings == []


def test_worker_processes_give_the_same_messages_in_the_same_order(tmp_path):
    folder = tmp_path / "providers"
    shutil.copytree(FIXTURE, folder)
    # Enough files for every worker to check several, with problems in many of them.
    for number in range(12):
        for name in ("broken-service", "stale-service", "unreadable"):
            text = (FIXTURE / f"{name}.yaml").read_text(encoding="utf-8")
            (folder / f"{name}-{number:02}.yaml").write_text(text.replace(f"id: {name}", f"id: {name}-{number:02}"))
    one = validate_paths([folder], SETTINGS, tmp_path, workers=1)
    two = validate_paths([folder], SETTINGS, tmp_path, workers=2)
    assert len(one) == 40
    assert human_report(two) == human_report(one)
    assert json_report(two) == json_report(one)
    assert json.loads(json_report(one))["summary"]["with_errors"] == 26


def test_workers_are_used_only_for_many_files():
    assert worker_count(10) == 1


def test_files_checked_in_workers_are_the_files_checked_in_one_process_in_the_same_order(tmp_path):
    """Every CheckedFile whole (data, lines, pictures, problems), as validate's check_all gives it back."""
    folder = tmp_path / "providers"
    write_providers(folder, 230, 2)
    for name in ("broken-service", "stale-service", "unreadable"):
        shutil.copy(FIXTURE / f"{name}.yaml", folder / f"{name}.yaml")
    checker = checker_for(SETTINGS, tmp_path)
    paths = provider_files(folder)
    one = check_all(checker, paths, workers=1)
    two = check_all(checker, paths, workers=2)
    assert [checked.path for checked in one] == paths
    assert two == one
    assert sum(len(checked.problems) for checked in one) > 230  # (the generated files use other categories)


def test_the_command_keeps_its_cache_in_cache_path_and_warns_on_stderr_when_it_is_damaged(tmp_path):
    from tests.test_cli import localoffer, settings_for

    shutil.copytree(FIXTURE, tmp_path / "providers")
    settings = settings_for(tmp_path, tmp_path / "providers")
    first = localoffer("validate", "--settings", settings)
    assert (tmp_path / "cache" / CACHE_FILE).is_file()
    second = localoffer("validate", "--settings", settings)
    assert (second.returncode, second.stdout, second.stderr) == (first.returncode, first.stdout, "")
    assert first.stdout.splitlines()[-1] == "4 file(s) checked: 2 ready to publish, 2 with errors (3 error(s), 1 warning(s))"

    (tmp_path / "cache" / CACHE_FILE).write_text("{", encoding="utf-8")
    damaged = localoffer("validate", "--settings", settings)
    assert (damaged.returncode, damaged.stdout) == (first.returncode, first.stdout)
    assert damaged.stderr == (f"validate: ignored {tmp_path / 'cache' / CACHE_FILE}, which could not be read as a cache; "
                              "every file is checked again\n")
