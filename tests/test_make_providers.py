"""bench/make_providers.py: realistic synthetic directories for the benchmarks."""

import os
import subprocess
import sys

import pytest

from bench.make_providers import write_providers
from bench.vocabulary import text_words
from localoffer.service_directory.cli import validate_paths
from tests.conftest import BUILD_DATE, ROOT

SETTINGS = {
    "LOCAL_OFFER_CATEGORIES": {
        "activities-and-short-breaks": "", "advice-and-support": "", "early-years": "", "education": "",
        "health": "", "preparing-for-adulthood": "", "social-care": "", "travel-and-transport": "",
    },
    "LOCAL_OFFER_AREAS": {"eastbridge": "", "fenwick": "", "highcombe": "", "northmoor-city": "", "westmarsh": ""},
    "SERVICES_BUILD_DATE": BUILD_DATE,
    "SERVICES_STALE_AFTER_MONTHS": 12,
}
NEEDS = {"asd", "hi", "mld", "msi", "oth", "pd", "pmld", "semh", "sld", "slcn", "spld", "vi"}


def tree(folder):
    return {path.relative_to(folder).as_posix(): path.read_bytes() for path in sorted(folder.rglob("*")) if path.is_file()}


@pytest.fixture(scope="module")
def thousand(tmp_path_factory):
    folder = tmp_path_factory.mktemp("seed-1") / "providers"
    words = write_providers(folder, 1000, seed=1)
    return folder, words


@pytest.fixture(scope="module")
def checked(thousand):
    folder, _ = thousand
    return validate_paths([folder], SETTINGS, folder.parent)


def test_every_file_passes_the_validator(checked):
    assert len(checked) == 1000
    errors = [str(problem) for result in checked if not result.ok for problem in result.problems]
    assert errors == []


def test_the_same_seed_writes_byte_identical_files_in_another_process(thousand, tmp_path):
    folder, _ = thousand
    again = tmp_path / "again"
    # Another process, with another hash seed and working folder: nothing may depend on either.
    result = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "make_providers.py"), "1000", "--seed", "1", "--out", str(again)],
        cwd=tmp_path, capture_output=True, text=True, env={**os.environ, "PYTHONHASHSEED": "12345"},
    )
    assert result.returncode == 0, result.stderr
    assert tree(again) == tree(folder)


def test_a_different_seed_writes_different_files(tmp_path):
    write_providers(tmp_path / "one", 30, seed=1)
    write_providers(tmp_path / "two", 30, seed=2)
    one, two = tree(tmp_path / "one"), tree(tmp_path / "two")
    assert set(one) != set(two)
    assert sorted(one.values()) != sorted(two.values())


def test_the_vocabulary_is_a_real_directorys(thousand):
    _, words = thousand
    assert len(words) > 5000
    # Real rates: the commonest word is far commoner than the thousandth.
    counts = [count for _, count in words.most_common()]
    assert counts[0] > 50 * counts[999]


def test_every_category_need_area_and_age_is_used(checked):
    services = [result.data["service"] for result in checked]
    assert {c for s in services for c in s["categories"]} == set(SETTINGS["LOCAL_OFFER_CATEGORIES"])
    assert {n for s in services for n in s["needs"]} == NEEDS | {"all"}
    assert {a for s in services for a in s["areas"]} == set(SETTINGS["LOCAL_OFFER_AREAS"]) | {"all"}
    ages = {age for s in services for age in range(s["age_range"]["min"], s["age_range"]["max"] + 1)}
    assert ages == set(range(26))


def test_services_come_with_and_without_each_optional_part(checked):
    files = [result.data for result in checked]
    for has in (
        lambda f: "locations" in f,
        lambda f: "opening_times" in f["service"],
        lambda f: "details" in f["service"]["cost"],
        lambda f: f["service"]["cost"]["free"],
        lambda f: "images" in f,
        lambda f: "easy_read" in f,
        lambda f: "send_support" in f["service"],
    ):
        assert 0 < sum(1 for f in files if has(f)) < len(files)
    pictures = {image["file"] for f in files for image in f.get("images", [])}
    assert pictures == {f"images/picture-{n}.png" for n in range(1, 5)}


def test_descriptions_run_from_40_to_400_words_and_name_send_terms(checked):
    descriptions = [result.data["service"]["description"] for result in checked]
    lengths = [len(text_words(text)) for text in descriptions]
    assert 40 <= min(lengths) and max(lengths) <= 400
    assert max(lengths) - min(lengths) > 250
    naming_autism = sum(1 for text in descriptions if "autism" in text or "autistic" in text)
    assert 0.05 * len(descriptions) < naming_autism < 0.6 * len(descriptions)


def test_the_command_reports_the_distinct_words_beside_a_real_directory(tmp_path):
    words = write_providers(tmp_path / "in-process", 20, seed=3)
    result = subprocess.run(
        [sys.executable, "bench/make_providers.py", "20", "--seed", "3", "--out", str(tmp_path / "cli")],
        cwd=ROOT, capture_output=True, text=True,
    )
    assert result.stdout.splitlines() == [
        f"wrote 20 provider files to {tmp_path / 'cli'}",
        f"corpus: {sum(words.values()):,} words, {len(words):,} distinct over 20 services "
        "(a real directory: about 11,000 distinct words over 1,500 services)",
    ]


def test_a_folder_with_other_files_is_left_alone(tmp_path):
    (tmp_path / "mine.yaml").write_text("id: mine\n")
    result = subprocess.run(
        [sys.executable, "bench/make_providers.py", "5", "--out", str(tmp_path)],
        cwd=ROOT, capture_output=True, text=True,
    )
    assert result.returncode == 1
    assert result.stderr == f"{tmp_path} has files this script did not write; choose an empty or new folder\n"
    assert [path.name for path in tmp_path.iterdir()] == ["mine.yaml"]
