"""Rebuilding after a change gives exactly the site a clean build gives."""

import hashlib
import shutil
from pathlib import Path

from tests.conftest import run_pelican

SITE = Path(__file__).parent / "fixtures" / "site" / "providers"


def snapshot(output):
    return {
        path.relative_to(output).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(Path(output).rglob("*")) if path.is_file()
    }


def copy_site(tmp_path):
    providers = tmp_path / "providers"
    shutil.copytree(SITE, providers)
    return providers


def test_a_changed_service_after_a_cached_build_matches_a_clean_build(tmp_path):
    providers = copy_site(tmp_path)
    output = tmp_path / "incremental"
    assert run_pelican(providers, output).returncode == 0
    assert (tmp_path / "cache" / "service_directory.json").is_file()

    changed = providers / "unsafe-text.yaml"
    changed.write_text(changed.read_text().replace("& an ampersand", "and a new sentence"))
    assert run_pelican(providers, output).returncode == 0

    clean = tmp_path / "clean" / "output"
    assert run_pelican(providers, clean, SERVICES_CACHE=False).returncode == 0
    assert snapshot(output) == snapshot(clean)
    assert "and a new sentence" in (output / "services" / "unsafe-text" / "index.html").read_text()


def test_a_removed_service_leaves_the_site(tmp_path):
    providers = copy_site(tmp_path)
    output = tmp_path / "output"
    assert run_pelican(providers, output).returncode == 0
    assert (output / "services" / "complete-service" / "club.png").is_file()

    (providers / "complete-service.yaml").unlink()
    result = run_pelican(providers, output)
    assert result.returncode == 0
    assert not (output / "services" / "complete-service").exists()
    assert "service_directory: 1 published, 1 draft, 1 closed, 1 rejected" in result.stdout


def test_a_service_that_becomes_a_draft_leaves_the_site(tmp_path):
    providers = copy_site(tmp_path)
    output = tmp_path / "output"
    assert run_pelican(providers, output).returncode == 0
    path = providers / "unsafe-text.yaml"
    path.write_text("status: draft\n" + path.read_text())
    assert run_pelican(providers, output).returncode == 0
    assert not (output / "services" / "unsafe-text").exists()


def test_a_changed_setting_rewrites_every_page(tmp_path):
    providers = copy_site(tmp_path)
    output = tmp_path / "output"
    assert run_pelican(providers, output).returncode == 0
    assert run_pelican(providers, output, SITENAME="Renamed Local Offer").returncode == 0
    assert "Renamed Local Offer" in (output / "services" / "complete-service" / "index.html").read_text()
