"""The checks cache (service_directory.build_cache): a row is a head (a CheckRow's fields: the file's
digest and stat, its problems, pictures and its service's facts), the file's data and its field lines,
each a line of JSON text; a row of any other shape counts as missing and the file is checked again, and
data that does not decode is made again by checking the file again."""

import sqlite3
from pathlib import Path

import pytest

from localoffer.cache_files.data import CacheMismatch
from localoffer.service_directory.build_cache import (STAT_TRUSTED_AFTER, BuildCache, KeptCheckedFile, LazyLines,
                                                      file_stat, trusted_stat)
from localoffer.service_directory.validate import CheckedFile
from localoffer.written_yaml.problems import Problem

PATH = Path("/site/providers/a.yaml")
FACTS = {"id": "a", "name": "A", "summary": "S", "status": "published", "categories": ["health"], "needs": ["all"],
         "areas": ["north"], "age_min": 0, "age_max": 5, "last_reviewed": "2026-01-02"}


def kept(tmp_path, facts=FACTS, stat=None):
    cache = BuildCache(tmp_path, "print")
    checked = CheckedFile(PATH, "providers/a.yaml", {"id": "a", "images": [{"file": "x.png"}]},
                          [Problem("providers/a.yaml", 3, ("service", "name"), "m", "warning")],
                          {"service.name": 3}, ["x.png:1:2"])
    cache.put_checked(PATH, "sha", checked, facts, stat)
    cache.save({str(PATH)})
    return checked


def test_a_kept_check_comes_back_with_its_path_lines_facts_and_stat(tmp_path):
    checked = kept(tmp_path, stat=[1, 2, 3, 4])
    row = BuildCache(tmp_path, "print").get_row(PATH)
    again = row.checked
    assert (row.sha, row.stat) == ("sha", [1, 2, 3, 4])
    assert isinstance(again, KeptCheckedFile) and again.facts == FACTS and again.picture_names == ["x.png"]
    assert isinstance(again.lines, LazyLines) and dict(again.lines) == {"service.name": 3}
    assert again.path is PATH
    assert (again.display_path, again.problems, again.pictures) == (checked.display_path, checked.problems, checked.pictures)
    assert not again.decoded
    assert again.data == checked.data and again.ok and again.status == "published"
    assert BuildCache(tmp_path, "print").get_checked(PATH, "other sha") is None


def test_a_row_without_facts_is_a_file_left_out_for_an_error(tmp_path):
    cache = BuildCache(tmp_path, "print")
    error = Problem("providers/a.yaml", 3, ("service", "name"), "m", "error")
    cache.put_checked(PATH, "sha", CheckedFile(PATH, "providers/a.yaml", {"id": "a"}, [error], {}, []), None)
    cache.save({str(PATH)})
    again = BuildCache(tmp_path, "print").get_checked(PATH, "sha")
    assert not again.ok and not again.decoded  # its data is not read to say so
    assert again.problems == [error]


def test_a_row_without_facts_or_an_error_counts_as_missing(tmp_path):
    # No build keeps one (a file the checks accept has facts): its data ({} here) would have been
    # read as a service's and stopped the build.
    cache = BuildCache(tmp_path, "print")
    cache.put_checked(PATH, "sha", CheckedFile(PATH, "providers/a.yaml", {}, [], {}, []), None)
    cache.save({str(PATH)})
    assert BuildCache(tmp_path, "print").get_row(PATH) is None


@pytest.mark.parametrize("change", [
    lambda row: row.replace("/site/providers/a.yaml", "/site/providers/b.yaml"),  # another file's row
    lambda row: row.split("\n")[0] + "\n" + row.split("\n")[2],  # two lines: the layout before
    lambda row: row.replace("\n", " "),  # one line
    lambda row: row.replace('"Problem"', '"os.system"'),
    lambda row: row.replace(',0,5,', ',"0",5,'),  # a fact of another type
    lambda row: row.replace(',0,5,', ',5,'),  # a fact missing
    lambda row: row.replace('"2026-01-02"', '"2026-13-02"'),  # not a date
    lambda row: row.replace('"published"', '"gone"'),
    lambda row: row.replace('"warning"', '"error"'),  # the facts of a file with an error
    lambda row: row.replace('[1,2,3,4]', '[1,2,3]'),  # a stat of another shape
    lambda row: row.replace('"sha",', '"sha",null,', 1),  # another field
    lambda row: "[" * 100_000,
    lambda row: "",
], ids=["another file", "two lines", "one line", "unknown class", "fact type", "fact missing", "date", "status",
        "error", "stat", "field", "deep", "empty"])
def test_a_row_of_another_shape_counts_as_missing(tmp_path, change):
    kept(tmp_path, stat=[1, 2, 3, 4])
    with sqlite3.connect(tmp_path / "service_directory.sqlite") as db:
        (row,) = db.execute("SELECT value FROM entries").fetchone()
        changed = change(row)
        assert changed != row
        db.execute("UPDATE entries SET value = ?", (changed,))
    db.close()
    assert BuildCache(tmp_path, "print").get_row(PATH) is None


@pytest.mark.parametrize("data", ['["o","os.system",{}]', "[[[", '["j",[1]]', '["b",null]'])
def test_data_that_does_not_decode_is_made_again_by_checking_the_file_again(tmp_path, data):
    kept(tmp_path)
    with sqlite3.connect(tmp_path / "service_directory.sqlite") as db:
        (row,) = db.execute("SELECT value FROM entries").fetchone()
        head, _, lines = row.split("\n")
        db.execute("UPDATE entries SET value = ?", (f"{head}\n{data}\n{lines}",))
    db.close()
    checked_again = CheckedFile(PATH, "providers/a.yaml", {"id": "checked again"}, [], {"id": 1})
    again = BuildCache(tmp_path, "print").get_row(PATH, recheck=lambda: checked_again).checked
    assert again.data == {"id": "checked again"} and again.lines == {"id": 1}
    with pytest.raises(CacheMismatch, match=r"^the kept data of providers/a.yaml could not be read$"):
        BuildCache(tmp_path, "print").get_row(PATH).checked.data


def test_a_files_stat_is_trusted_only_when_it_changed_well_before_the_build(tmp_path):
    path = tmp_path / "a.yaml"
    path.write_text("id: a\n")
    stat = file_stat(path)
    assert stat[1] == 6
    changed = stat[3]
    assert trusted_stat(stat, changed + STAT_TRUSTED_AFTER * 10**9 + 1) == stat
    assert trusted_stat(stat, changed + STAT_TRUSTED_AFTER * 10**9) is None
    assert trusted_stat(stat, changed) is None
    assert trusted_stat(None, changed) is None
    (tmp_path / "link.yaml").symlink_to(path)
    assert file_stat(tmp_path / "link.yaml") is None  # never read as a file (read_bounded refuses it)
    assert file_stat(tmp_path) is None and file_stat(tmp_path / "gone.yaml") is None


def test_a_file_checked_in_this_build_is_held_as_its_row_with_its_data_let_go_or_kept(tmp_path):
    # A build holds what put_checked gives back, not the fresh check's dicts (generator._keep_check).
    cache = BuildCache(tmp_path, "print")
    checked = CheckedFile(PATH, "providers/a.yaml", {"id": "a", "images": [{"file": "x.png"}]},
                          [Problem("providers/a.yaml", 3, ("service", "name"), "m", "warning")],
                          {"service.name": 3}, ["x.png:1:2"])
    checked_again = CheckedFile(PATH, "providers/a.yaml", {"id": "checked again"}, [], {"id": 1})
    held = cache.put_checked(PATH, "sha", checked, FACTS, None, recheck=lambda: checked_again, keep_data=False)
    assert isinstance(held, KeptCheckedFile) and held.path is PATH and held.data_text is None
    assert isinstance(held.lines, LazyLines) and dict(held.lines) == {"service.name": 3}
    assert (held.facts, held.problems, held.pictures, held.picture_names) == (FACTS, checked.problems, ["x.png:1:2"], ["x.png"])
    assert held.ok and held.status == "published" and not held.decoded  # from the facts, the data not read
    assert held.data == {"id": "checked again"} and held.lines == {"id": 1}  # read anyway: the file checked again
    kept = cache.put_checked(PATH, "sha", checked, FACTS, None, recheck=lambda: checked_again)
    assert kept.data == checked.data and kept.data is not checked.data  # decoded from the row's text
    assert BuildCache(tmp_path, "print", enabled=False).put_checked(PATH, "sha", checked, FACTS) is None


def test_the_checked_files_are_saved_once_all_are_checked_and_the_pages_at_the_end(tmp_path):
    cache = BuildCache(tmp_path, "print")
    cache.put_checked(PATH, "sha", CheckedFile(PATH, "providers/a.yaml", {"id": "a"}, [], {}, []), FACTS)
    cache.save_checks()
    assert cache.checked.made == {}  # the rows' text let go once written
    assert BuildCache(tmp_path, "print").get_checked(PATH, "sha").facts == FACTS
    assert not (tmp_path / "service_directory-pages.json").exists()
    cache.record_page("services/a/index.html", "key")
    cache.save({str(PATH)})
    assert cache.pages == {}  # let go once saved: the generator keeps its cache to the end of the build
    again = BuildCache(tmp_path, "print")
    assert again.get_checked(PATH, "sha").facts == FACTS and again.previous_pages == {"services/a/index.html": "key"}
