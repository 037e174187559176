"""The checks cache (service_directory.build_cache): a row is a checked file as data, a newline
and its field lines as JSON text; any other row counts as missing and the file is checked again."""

import sqlite3
from pathlib import Path

import pytest

from localoffer.service_directory.build_cache import BuildCache, LazyLines
from localoffer.service_directory.validate import CheckedFile
from localoffer.written_yaml.problems import Problem

PATH = Path("/site/providers/a.yaml")


def kept(tmp_path):
    cache = BuildCache(tmp_path, "print")
    checked = CheckedFile(PATH, "providers/a.yaml", {"id": "a"}, [Problem("providers/a.yaml", 3, ("service", "name"), "m", "warning")],
                          {"service.name": 3}, ["x.png:1:2"])
    cache.put_checked(PATH, "sha", checked)
    cache.save({str(PATH)})
    return checked


def test_a_kept_check_comes_back_with_its_path_and_lines(tmp_path):
    checked = kept(tmp_path)
    again = BuildCache(tmp_path, "print").get_checked(PATH, "sha")
    assert isinstance(again.lines, LazyLines) and dict(again.lines) == {"service.name": 3}
    assert again.path is PATH
    assert (again.display_path, again.data, again.problems, again.pictures) == (
        checked.display_path, checked.data, checked.problems, checked.pictures)
    assert BuildCache(tmp_path, "print").get_checked(PATH, "other sha") is None


@pytest.mark.parametrize("change", [
    lambda row: row.replace("/site/providers/a.yaml", "/site/providers/b.yaml"),  # another file's row
    lambda row: row.replace('"lines":null', '"lines":"{}"'),  # the lines inside, as before
    lambda row: row.replace("\n", " "),  # no lines after it
    lambda row: row.replace('"CheckedFile"', '"os.system"'),
    lambda row: "[" * 100_000,
    lambda row: "",
], ids=["another file", "lines inside", "one line", "unknown class", "deep", "empty"])
def test_a_row_of_another_shape_counts_as_missing(tmp_path, change):
    kept(tmp_path)
    with sqlite3.connect(tmp_path / "service_directory.sqlite") as db:
        (row,) = db.execute("SELECT value FROM entries").fetchone()
        db.execute("UPDATE entries SET value = ?", (change(row),))
    db.close()
    assert BuildCache(tmp_path, "print").get_checked(PATH, "sha") is None
