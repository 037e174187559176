"""The upgrade test: the wheel a council installs, in a fresh virtual environment, makes and builds a
new council's site. It fails if the package misses a template, a static file or a picture."""

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.site_check import missing_addresses, pages_without

COUNCIL = "Harbridge City Council"
EXAMPLES = ROOT / "tests" / "fixtures" / "examples"
# Made by `make setup`, builds and tests; never part of the source a wheel is built from.
NOT_SOURCE = shutil.ignore_patterns(".git", ".venv", "node_modules", "output", "cache", "preview", "build",
                                    "dist", "*.egg-info", "__pycache__", ".pytest_cache", "test-results")


def run(command, cwd, **kwargs):
    result = subprocess.run([str(word) for word in command], cwd=cwd, capture_output=True, text=True,
                            stdin=subprocess.DEVNULL, **kwargs)
    assert result.returncode == 0, f"{command}\n{result.stdout}\n{result.stderr}"
    return result


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    """The wheel built from a copy of the source, installed with its pinned dependencies in a new venv."""
    work = tmp_path_factory.mktemp("wheel")
    source = work / "source"
    shutil.copytree(ROOT, source, ignore=NOT_SOURCE)
    # Build isolation installs the setuptools pinned in pyproject.toml's build-system.
    run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "--wheel-dir", work / "dist", source], cwd=work)
    [wheel] = (work / "dist").glob("localoffer-*.whl")
    run([sys.executable, "-m", "venv", work / "venv"], cwd=work)
    python = work / "venv" / "bin" / "python"
    run([python, "-m", "pip", "install", "--quiet", "--constraint", ROOT / "requirements.txt", wheel], cwd=work)
    return work, wheel, work / "venv" / "bin" / "localoffer", package_snapshot(work)


def package_snapshot(work):
    """Each file of the installed package (not Python's .pyc caches) with its size and time."""
    [package] = (work / "venv" / "lib").glob("python3*/site-packages/localoffer")
    return {path: (path.stat().st_size, path.stat().st_mtime_ns) for path in sorted(package.rglob("*"))
            if path.is_file() and path.suffix != ".pyc"}


@pytest.fixture(scope="module")
def site(installed):
    work, _, localoffer, _ = installed
    run([localoffer, "new", "harbridge", "--council", COUNCIL], cwd=work)
    folder = work / "harbridge"
    # A provider file with a picture, so that the picture pipeline runs from the installed package too.
    example = (EXAMPLES / "riverside-speech-dropin.yaml").read_text(encoding="utf-8")
    (folder / "providers" / "riverside-speech-dropin.yaml").write_text(
        example.replace("areas: [northmoor-city, eastbridge]", "areas: [harbridge-north]").replace("Northmoor", "Harbridge"),
        encoding="utf-8")
    (folder / "providers" / "images").mkdir()
    shutil.copyfile(EXAMPLES / "images" / "riverside-playroom.jpg", folder / "providers" / "images" / "riverside-playroom.jpg")
    # Only the venv's own commands: nothing from this checkout's .venv or source on the path.
    env = {"PATH": f"{localoffer.parent}:/usr/bin:/bin", "HOME": os.environ.get("HOME", str(work)), "COLUMNS": "250"}
    validated = run([localoffer, "validate"], cwd=folder, env=env)
    built = run([localoffer, "build", "--strict"], cwd=folder, env=env)
    return folder, validated, built


def package_files(root, under):
    return sorted(p.relative_to(root).as_posix() for p in (root / under).rglob("*")
                  if p.is_file() and "__pycache__" not in p.parts)


def test_the_wheel_carries_every_template_static_file_and_site_file(installed):
    _, wheel, _, _ = installed
    names = set(zipfile.ZipFile(wheel).namelist())
    expected = [f"localoffer/theme/{name}" for name in package_files(ROOT / "theme", "templates")]
    expected += [f"localoffer/theme/{name}" for name in package_files(ROOT / "theme", "static")]
    expected += [f"localoffer/{name}" for name in package_files(ROOT / "plugins", "site_template")]
    expected += [f"localoffer/{name}" for name in package_files(ROOT / "plugins", ".") if name.endswith((".json", ".yaml"))]
    assert [name for name in expected if name not in names] == []
    assert "localoffer/theme/static/css/main.css" in names
    assert "localoffer/cli/__init__.py" in names


def test_the_installed_site_builds_with_the_council_on_every_page(site):
    folder, validated, built = site
    assert validated.stdout == "1 file(s) checked: 1 ready to publish, 0 with errors (0 error(s), 0 warning(s))\n"
    assert "service_directory: 1 published, 0 draft, 0 closed, 0 rejected" in built.stdout + built.stderr
    assert "settings:" not in built.stdout + built.stderr
    output = folder / "output"
    assert pages_without(output, COUNCIL) == []
    assert pages_without(output, "Northmoor") == sorted(p.relative_to(output).as_posix() for p in output.rglob("*.html"))


def test_every_local_address_of_the_installed_site_resolves(site):
    folder, _, _ = site
    output = folder / "output"
    assert missing_addresses(output) == []
    assert (output / "services" / "riverside-speech-dropin" / "riverside-playroom.jpg").is_file()
    assert (output / "theme" / "images" / "logo.svg").is_file()
    pictures = (output / "easy-read" / "pictures" / "index.html").read_text(encoding="utf-8")
    assert pictures.count("<img") >= 10


def test_nothing_is_written_into_the_installed_package(installed, site):
    work, _, _, before = installed
    assert site  # the site has been made and built
    assert package_snapshot(work) == before
