"""The golden site: the fixed input in tests/golden/site/, built with real
Pelican, must give the committed tree in tests/golden/expected/ file for file
(and the digests in tests/golden/expected.sha256). One test per expected file,
so a change shows as the list of pages it touches, each with its diff; one test
for the set of paths, so a page added or lost is named too.

After an intended change: `.venv/bin/python -m tools.golden --refresh`, then
review `git diff tests/golden/` (tests/golden/README.md)."""

import shutil
import subprocess

import pytest

from tools import golden

EXPECTED = golden.expected_tree()
# The draft in tests/golden/site/providers/ must leave no trace in the published site.
DRAFT_TRACES = (
    "westmarsh-draft-holiday-club", "Westmarsh Draft Holiday Club", "not ready to be published", "playpartnership",
)
# The committed tree stays small enough to review and to keep in git; a new kind of
# large generated file belongs in golden_normalise.DIGESTED instead.
EXPECTED_BUDGET_BYTES = 1_500_000


@pytest.fixture(scope="module")
def golden_site(tmp_path_factory):
    """(the output folder, its golden tree), built once for this module."""
    return golden.build_tree(tmp_path_factory.mktemp("golden"))


def test_the_golden_site_builds_every_expected_path_and_no_other(golden_site):
    _, built = golden_site
    added_or_removed = [
        golden.difference(path, EXPECTED.get(path), built.get(path))
        for path, how in golden.changed_paths(EXPECTED, built).items() if how != "changed"
    ]
    if added_or_removed:
        pytest.fail("\n".join(added_or_removed) + "\n" + golden.refresh_hint(), pytrace=False)


# An empty tree still gives one test, which fails, instead of a silently skipped empty set.
@pytest.mark.parametrize("path", sorted(EXPECTED) or ["(tests/golden/expected/ is empty)"])
def test_the_built_file_is_the_expected_one(golden_site, path):
    _, built = golden_site
    if built.get(path) != EXPECTED.get(path):
        message = golden.difference(path, EXPECTED.get(path), built.get(path))
        pytest.fail(f"{message}\n{golden.refresh_hint()}", pytrace=False)


def test_the_draft_appears_nowhere_in_the_built_site(golden_site):
    output, _ = golden_site
    files = {path.relative_to(output).as_posix(): path.read_bytes() for path in output.rglob("*") if path.is_file()}
    found = [f"{name} has {trace!r}" for name, data in files.items() for trace in DRAFT_TRACES if trace.encode() in data]
    assert found == []
    assert not any("westmarsh-draft" in name for name in files)
    # The search reads what it should: a published service's id is found the same way.
    assert any(b"highcombe-friday-youth-club" in data for data in files.values())


def test_the_refreshed_tree_reads_back_as_built_and_sha256sum_accepts_its_digests(golden_site, tmp_path):
    output, built = golden_site
    expected, digests = tmp_path / "expected", tmp_path / "expected.sha256"
    (expected / "a-page-that-went").mkdir(parents=True)
    (expected / "a-page-that-went" / "index.html").write_text("old\n", encoding="utf-8")

    golden.write_tree(built, expected, digests)

    assert golden.expected_tree(expected, digests) == built
    assert not (expected / "a-page-that-went").exists()
    checked = subprocess.run(["sha256sum", "--check", "--quiet", str(digests)], cwd=output, capture_output=True, text=True)
    assert (checked.returncode, checked.stdout, checked.stderr) == (0, "", "")
    assert "theme/css/main.css" in digests.read_text(encoding="utf-8")
    assert not (expected / "theme").exists()


def test_the_committed_tree_is_small_enough_to_review():
    size = sum(file.stat().st_size for file in golden.EXPECTED.rglob("*") if file.is_file())
    assert 0 < size < EXPECTED_BUDGET_BYTES


@pytest.fixture
def scratch_golden(tmp_path, monkeypatch):
    """tools.golden pointed at a settings file written by the test and at an
    expected tree in tmp_path holding one kept file; returns a function that
    writes the settings (lines after the golden settings) and the tree's folder."""
    expected, digests = tmp_path / "expected", tmp_path / "expected.sha256"
    expected.mkdir()
    (expected / "index.html").write_text("kept\n", encoding="utf-8")
    digests.write_text("kept\n", encoding="utf-8")
    settings = tmp_path / "scratchconf.py"
    monkeypatch.setattr(golden, "SETTINGS", settings)
    monkeypatch.setattr(golden, "EXPECTED", expected)
    monkeypatch.setattr(golden, "DIGESTS", digests)

    def write_settings(*lines):
        header = [f"import sys\nsys.path.insert(0, {str(golden.GOLDEN)!r})", "from goldenconf import *  # noqa: F403"]
        settings.write_text("\n".join(header + list(lines)) + "\n", encoding="utf-8")
    return write_settings, expected, digests


def assert_kept(expected, digests):
    assert [p.name for p in expected.iterdir()] == ["index.html"]
    assert (expected / "index.html").read_text(encoding="utf-8") == "kept\n"
    assert digests.read_text(encoding="utf-8") == "kept\n"


def test_a_refresh_that_cannot_build_leaves_the_expected_tree_alone(scratch_golden, tmp_path, capsys):
    """A golden input that stops building (here: a provider file with an error,
    which `--fatal errors` turns into a failed build) must not wipe the tree."""
    write_settings, expected, digests = scratch_golden
    providers = tmp_path / "providers"
    shutil.copytree(golden.GOLDEN / "site" / "providers", providers)
    (providers / "broken.yaml").write_text("template_version: 1\nid: broken\n", encoding="utf-8")
    write_settings(f"PROVIDERS_PATH = {str(providers)!r}")

    assert golden.main(["--refresh"]) == 1

    assert_kept(expected, digests)
    error = capsys.readouterr().err
    assert error.startswith(f"The golden site did not build; {expected}/ is unchanged.\npelican exited with 1:\n")
    assert "providers/broken.yaml" in error


def test_a_refresh_whose_two_builds_differ_leaves_the_expected_tree_alone(scratch_golden, capsys):
    """Settings that are different in every build (a new site name each time
    Pelican reads them) stand for any date, path or order that leaks into pages."""
    write_settings, expected, digests = scratch_golden
    write_settings("import uuid", 'SITENAME = f"Northmoor {uuid.uuid4().hex}"')

    assert golden.main(["--refresh"]) == 1

    assert_kept(expected, digests)
    error = capsys.readouterr().err
    assert error.startswith(
        f"Two builds of the golden site differ, so {expected}/ is unchanged: fix what varies "
        "(a date, a path, an order) where it is made, then refresh.\n"
        "(expected: the first build; built: the second)\n404.html: differs\n--- expected/404.html\n"
    )
    assert "\n-      Northmoor " in error and "\n+      Northmoor " in error
