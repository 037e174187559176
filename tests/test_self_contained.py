"""The repository is self-contained: no file reads or names a path outside it.

A council's web team clones the repository alone, so a test or a README that
points at a folder beside the checkout fails (or misleads) on their machine.
"""

import re
from pathlib import Path

from tests.conftest import ROOT

# Folders made by `make setup`, builds and tests; never part of a clone.
GENERATED = {".git", ".venv", "node_modules", "output", "cache", "preview", "__pycache__", ".pytest_cache",
             "test-results", "out", "localoffer.egg-info", "build", "dist"}
# Files that are not text.
BINARY = {".jpg", ".jpeg", ".png", ".ico", ".gif", ".webp", ".woff", ".woff2", ".whl", ".pyc"}

# An absolute path of the machine the project was written on.
MACHINE_PATH = re.compile(r"/work/|/home/\w+/|/Users/\w+/")
# A path that climbs out of the folder its file is in: ../x, ../../x and so on.
PARENT_RELATIVE = re.compile(r"(?<![\w.])((?:\.\./)+)([\w.-]*)")
# Python that climbs above the repository's root.
ABOVE_ROOT = re.compile(r"\bROOT\.parent\b|\bROOT / \"\.\.\"")


def repository_files(root=ROOT):
    for path in sorted(root.rglob("*")):
        relative = path.relative_to(root)
        if set(relative.parts) & GENERATED or not path.is_file() or path.suffix.lower() in BINARY:
            continue
        yield path


def outside_paths(path, text, root=ROOT):
    """Every mention in `text` (the contents of `path`) of a path outside `root`, as "line: mention"."""
    found = []
    for number, line in enumerate(text.splitlines(), start=1):
        for match in MACHINE_PATH.finditer(line):
            found.append(f"{number}: {match.group(0)}")
        for match in ABOVE_ROOT.finditer(line):
            found.append(f"{number}: {match.group(0)}")
        for match in PARENT_RELATIVE.finditer(line):
            # `../shared` is the folder beside the checkout this project was started from; from a
            # folder one down it would stay inside, but it never means the repository's own folder.
            target = (path.parent / match.group(0)).resolve()
            if not target.is_relative_to(root.resolve()) or match.group(2) == "shared":
                found.append(f"{number}: {match.group(0)}")
    return found


def test_the_scan_finds_each_kind_of_outside_path(tmp_path):
    root = tmp_path / "repo"
    (root / "docs").mkdir(parents=True)
    text = ("see ../../shared/examples\nread /work/shared/notes.md\nEXAMPLES = ROOT.parent / 'x'\n"
            "the plugins index is ../README.md\n")
    assert outside_paths(root / "docs" / "page.md", text, root) == ["1: ../../shared", "2: /work/", "3: ROOT.parent"]
    assert outside_paths(root / "page.md", "the examples are in ../shared/examples\n", root) == ["1: ../shared"]


def test_no_file_names_a_path_outside_the_repository():
    found = []
    for path in repository_files():
        if path == Path(__file__).resolve():
            continue  # this file holds the examples the scan must find
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            continue  # a binary file with a suffix not listed above: it names no path
        found += [f"{path.relative_to(ROOT)}:{mention}" for mention in outside_paths(path, text)]
    assert found == []
