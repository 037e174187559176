"""manifest.json is left as it is when no published service changed, and made from kept lines
when one did (editorial/manifest_cache.py): always the bytes a clean build writes."""

import shutil
from pathlib import Path

from localoffer.cache_files.entries import stored_entries
from tests.conftest import run_pelican

SITE = Path(__file__).parent / "fixtures" / "site" / "providers"


def built(tmp_path):
    providers = tmp_path / "providers"
    shutil.copytree(SITE, providers)
    output = tmp_path / "site" / "output"
    assert run_pelican(providers, output).returncode == 0
    return providers, output, output / "manifest.json"


def test_a_rebuild_with_no_service_changed_leaves_the_manifest_as_it_was(tmp_path):
    providers, output, manifest = built(tmp_path)
    written = manifest.stat().st_mtime_ns
    assert run_pelican(providers, output).returncode == 0
    assert manifest.stat().st_mtime_ns == written


def test_a_changed_renamed_or_removed_service_gives_the_manifest_of_a_clean_build(tmp_path):
    providers, output, manifest = built(tmp_path)
    text = (providers / "unsafe-text.yaml").read_text()
    (providers / "unsafe-text.yaml").unlink()
    (providers / "renamed-text.yaml").write_text(text.replace("id: unsafe-text", "id: renamed-text")
                                                 .replace("& an ampersand", "and a new sentence"))
    (providers / "complete-service.yaml").unlink()
    assert run_pelican(providers, output).returncode == 0

    clean = tmp_path / "clean" / "output"
    assert run_pelican(providers, clean).returncode == 0
    assert manifest.read_bytes() == (clean / "manifest.json").read_bytes()
    assert "renamed-text" in manifest.read_text() and "complete-service" not in manifest.read_text()
    # Only the lines of the services published now stay in the cache.
    kept = stored_entries(output.parent / "cache" / "editorial.sqlite")
    assert sorted(key.split(":")[0] for key in kept) == ["closed-service", "renamed-text"]


def test_a_manifest_removed_from_the_output_is_written_again(tmp_path):
    providers, output, manifest = built(tmp_path)
    before = manifest.read_bytes()
    manifest.unlink()
    assert run_pelican(providers, output).returncode == 0
    assert manifest.read_bytes() == before


def test_a_preview_in_between_does_not_leave_its_manifest_claimed_as_the_published_one(tmp_path):
    providers, output, manifest = built(tmp_path)
    published = manifest.read_bytes()
    path = providers / "unsafe-text.yaml"
    text = path.read_text()
    path.write_text(text.replace("& an ampersand", "and a new sentence"))
    assert run_pelican(providers, output, EDITORIAL_REPORT=True).returncode == 0
    assert manifest.read_bytes() != published
    path.write_text(text)
    assert run_pelican(providers, output).returncode == 0
    assert manifest.read_bytes() == published


def change_one_service(providers):
    path = providers / "unsafe-text.yaml"
    path.write_text(path.read_text().replace("& an ampersand", "and a new sentence"))


def test_a_rebuild_takes_the_lines_of_unchanged_services_from_the_manifest_on_disk(tmp_path):
    """The record of the manifest written names each line's service, file digest and length, and
    the file's digest: a rebuild after one provider file changed makes that line and takes the
    others from the file. Here the cache of lines is gone, so only the line made is kept in it."""
    providers, output, manifest = built(tmp_path)
    (output.parent / "cache" / "editorial.sqlite").unlink()
    change_one_service(providers)
    assert run_pelican(providers, output).returncode == 0
    clean = tmp_path / "clean" / "output"
    assert run_pelican(providers, clean).returncode == 0
    assert manifest.read_bytes() == (clean / "manifest.json").read_bytes()
    kept = stored_entries(output.parent / "cache" / "editorial.sqlite")
    assert [key.split(":")[0] for key in kept] == ["unsafe-text"]


def test_a_manifest_changed_since_it_was_written_gives_no_line(tmp_path):
    """Its digest is not the one recorded: every line comes from the cache or is made again. (The
    change keeps every length, so only the digest tells.)"""
    providers, output, manifest = built(tmp_path)
    text = manifest.read_text()
    assert "The hall is on one level." in text
    manifest.write_text(text.replace("The hall is on one level.", "The hall is on one LEVEL."))
    change_one_service(providers)
    assert run_pelican(providers, output).returncode == 0
    clean = tmp_path / "clean" / "output"
    assert run_pelican(providers, clean).returncode == 0
    assert manifest.read_bytes() == (clean / "manifest.json").read_bytes()
    assert "LEVEL" not in manifest.read_text()
