"""cache_files.entries: a cache kept a row an entry, read when asked for, written only when new,
and ignored (then replaced) when it is not exactly what this code writes."""

import sqlite3
from dataclasses import dataclass

import pytest

from localoffer.cache_files.entries import LAYOUT, EntryStore, stored_entries


@dataclass
class Entry:
    name: str
    counts: dict


KINDS = {"Entry": Entry}


def store(path, fingerprint="one", **options):
    return EntryStore(path, fingerprint, KINDS, **options)


def saved(path, entries, fingerprint="one"):
    kept = store(path, fingerprint)
    for key, value in entries.items():
        kept.put(key, value)
    kept.save()
    return path


def test_an_entry_comes_back_as_it_was_kept(tmp_path):
    path = saved(tmp_path / "c.sqlite", {"a": Entry("swim", {"swim": 2}), "b": (1, {2: "two"})})
    again = store(path)
    assert again.get("a") == Entry("swim", {"swim": 2})
    assert again.get("b") == (1, {2: "two"})
    assert again.get("c") is None
    assert again.misses == 1


def test_a_save_keeps_the_entries_used_or_made_and_drops_the_others(tmp_path):
    path = saved(tmp_path / "c.sqlite", {"a": Entry("a", {}), "b": Entry("b", {}), "c": Entry("c", {})})
    build = store(path)
    build.get("a")
    build.put("d", Entry("d", {}))
    build.save()
    assert stored_entries(path, KINDS) == {"a": Entry("a", {}), "d": Entry("d", {})}


def test_a_build_that_changed_nothing_leaves_the_file_as_it_was(tmp_path):
    path = saved(tmp_path / "c.sqlite", {"a": Entry("a", {}), "b": Entry("b", {})})
    before = (path.read_bytes(), path.stat().st_mtime_ns)
    build = store(path)
    assert build.get("a") and build.get("b")
    build.save()
    assert (path.read_bytes(), path.stat().st_mtime_ns) == before


def test_a_changed_fingerprint_throws_every_entry_away(tmp_path):
    path = saved(tmp_path / "c.sqlite", {"a": Entry("a", {})})
    build = store(path, "two")
    assert build.get("a") is None
    build.put("b", Entry("b", {}))
    build.save()
    assert stored_entries(path, KINDS) == {"b": Entry("b", {})}
    assert store(path, "one").get("b") is None  # made under "two": not for a build under "one"


def test_a_save_that_fails_half_way_leaves_the_old_file(tmp_path):
    path = saved(tmp_path / "c.sqlite", {"a": Entry("a", {}), "b": Entry("b", {})})
    build = store(path)
    build.put("c", Entry("c", {}))
    build.put("d", object())  # not data: the save stops after deleting "a" and "b" and writing "c"
    with pytest.raises(TypeError, match="^a cache cannot keep object$"):
        build.save()
    assert stored_entries(path, KINDS) == {"a": Entry("a", {}), "b": Entry("b", {})}


@pytest.mark.parametrize("damage", [
    b"", b"not a database at all", b"SQLite format 3\0" + b"\xff" * 200,
], ids=["empty", "text", "damaged header"])
def test_a_file_sqlite_cannot_read_is_ignored_and_replaced(tmp_path, damage):
    path = tmp_path / "c.sqlite"
    path.write_bytes(damage)
    build = store(path)
    assert build.get("a") is None
    build.put("a", Entry("a", {}))
    build.save()
    assert stored_entries(path, KINDS) == {"a": Entry("a", {})}


def foreign(path, *statements, user_version=LAYOUT):
    with sqlite3.connect(path) as db:
        for statement in statements:
            db.execute(statement)
        db.execute(f"PRAGMA user_version = {user_version}")
    db.close()


ROW = "INSERT INTO entries VALUES ('a', 'one', '[\"j\", {\"x\": 1}]')"
TABLE = "CREATE TABLE entries (key TEXT PRIMARY KEY, fingerprint TEXT NOT NULL, value TEXT NOT NULL) WITHOUT ROWID"


@pytest.mark.parametrize("statements, user_version", [
    ([TABLE, ROW], LAYOUT + 1),
    (["CREATE TABLE entries (key TEXT, fingerprint TEXT, value TEXT)", ROW], LAYOUT),
    ([TABLE, ROW, "CREATE TABLE other (x)"], LAYOUT),
    ([TABLE, ROW, "CREATE TRIGGER t AFTER DELETE ON entries BEGIN INSERT INTO entries VALUES ('z', 'one', '1'); END"], LAYOUT),
    ([TABLE, ROW, "CREATE VIEW v AS SELECT * FROM entries"], LAYOUT),
], ids=["another layout", "another table", "a table more", "a trigger", "a view"])
def test_a_database_this_code_did_not_make_is_ignored_and_replaced(tmp_path, statements, user_version):
    path = tmp_path / "c.sqlite"
    foreign(path, *statements, user_version=user_version)
    build = store(path)
    assert build.get("a") is None
    build.put("b", Entry("b", {}))
    build.save()
    assert stored_entries(path, KINDS) == {"b": Entry("b", {})}
    with sqlite3.connect(path) as db:
        assert [name for (name,) in db.execute("SELECT name FROM sqlite_master ORDER BY name")] == ["entries"]
    db.close()


@pytest.mark.parametrize("value", [
    "{not json", '["o", "os.system", {}]', '["j", 3]', '["o", "Entry", {"name": "x"}]', "[" * 100_000,
], ids=["not json", "a class it does not keep", "wrong shape", "missing field", "too deep"])
def test_a_row_that_is_not_an_entry_counts_as_missing_and_the_others_are_kept(tmp_path, value):
    path = saved(tmp_path / "c.sqlite", {"a": Entry("a", {}), "b": Entry("b", {})})
    with sqlite3.connect(path) as db:
        db.execute("UPDATE entries SET value = ? WHERE key = 'a'", (value,))
    db.close()
    build = store(path)
    assert build.get("a") is None
    assert build.get("b") == Entry("b", {})
    build.put("a", Entry("a", {"again": 1}))
    build.save()
    assert stored_entries(path, KINDS) == {"a": Entry("a", {"again": 1}), "b": Entry("b", {})}


def test_a_value_of_another_shape_than_the_caller_keeps_counts_as_missing(tmp_path):
    path = saved(tmp_path / "c.sqlite", {"a": Entry("a", {}), "b": ["a", "list"]})
    build = store(path, check=lambda value: isinstance(value, Entry))
    assert build.get("a") == Entry("a", {})
    assert build.get("b") is None


def test_a_store_is_saved_once(tmp_path):
    path = saved(tmp_path / "c.sqlite", {"a": Entry("a", {})})
    build = store(path)
    build.get("a")
    build.save()
    build.save()  # a second call must not write the store again without the rows it did not read
    assert stored_entries(path, KINDS) == {"a": Entry("a", {})}


def test_a_saved_store_lets_go_of_what_it_wrote(tmp_path):
    # A store lives to the end of the build; the values it saved are not held after.
    build = store(tmp_path / "c.sqlite")
    build.put("a", Entry("a", {}))
    build.save()
    assert (build.made, build.used) == ({}, set())
    assert stored_entries(tmp_path / "c.sqlite", KINDS) == {"a": Entry("a", {})}


def test_a_cache_that_cannot_be_saved_is_reported(tmp_path, caplog):
    folder = tmp_path / "cache"
    folder.write_text("a file where the cache folder should be")
    build = EntryStore(folder / "c.sqlite", "one", KINDS, label="search_index")
    build.put("a", Entry("a", {}))
    build.save()
    assert [record.getMessage() for record in caplog.records] == [
        f"search_index: could not save the build cache in {folder}: [Errno 17] File exists: '{folder}'"]


def test_none_is_no_key(tmp_path):
    build = store(tmp_path / "c.sqlite")
    build.put(None, Entry("a", {}))
    build.put("b", Entry("b", {}))
    build.save()
    assert store(tmp_path / "c.sqlite").get(None) is None
    assert stored_entries(tmp_path / "c.sqlite", KINDS) == {"b": Entry("b", {})}


def test_expected_keys_are_read_a_chunk_a_query_and_give_the_same_values(tmp_path, monkeypatch):
    monkeypatch.setattr("localoffer.cache_files.entries.READ_AHEAD", 2)
    path = saved(tmp_path / "c.sqlite", {key: Entry(key, {key: 1}) for key in "abcde"})
    build = store(path)
    queries = []
    build._db.set_trace_callback(lambda statement: statement.startswith("SELECT") and queries.append(statement))
    build.expect(["e", "a", "x", "c", "b", None])
    assert [build.get(key) for key in ("e", "a", "x", "c", "b")] == [
        Entry("e", {"e": 1}), Entry("a", {"a": 1}), None, Entry("c", {"c": 1}), Entry("b", {"b": 1})]
    assert len(queries) == 3  # e and a; x (missing) and c; b
    assert build.get("d") == Entry("d", {"d": 1})  # not expected: read alone
    assert len(queries) == 4 and build.misses == 1
    build.save()
    assert set(stored_entries(path, KINDS)) == set("abcde")


def test_an_expected_key_missing_from_the_rows_read_ahead_is_not_looked_for_again(tmp_path, monkeypatch):
    monkeypatch.setattr("localoffer.cache_files.entries.READ_AHEAD", 3)
    path = saved(tmp_path / "c.sqlite", {key: Entry(key, {}) for key in "ace"})
    build = store(path)
    queries = []
    build._db.set_trace_callback(lambda statement: statement.startswith("SELECT") and queries.append(statement))
    build.expect("abcdef")
    assert [build.get(key) for key in "abcdef"] == [
        Entry("a", {}), None, Entry("c", {}), None, Entry("e", {}), None]
    assert len(queries) == 2 and build.misses == 3  # a, b, c; d, e, f


def test_a_changed_fingerprint_reads_each_chunk_of_expected_keys_once(tmp_path, monkeypatch):
    monkeypatch.setattr("localoffer.cache_files.entries.READ_AHEAD", 2)
    path = saved(tmp_path / "c.sqlite", {key: Entry(key, {}) for key in "abcde"})
    build = store(path, fingerprint="two")
    queries = []
    build._db.set_trace_callback(lambda statement: statement.startswith("SELECT") and queries.append(statement))
    build.expect("abcde")
    assert [build.get(key) for key in "abcde"] == [None] * 5
    assert len(queries) == 3


def test_kept_keys_stay_without_being_read_and_a_get_without_keep_lets_its_row_go(tmp_path):
    path = saved(tmp_path / "c.sqlite", {"a": Entry("a", {}), "b": Entry("b", {}), "c": Entry("c", {})})
    build = store(path)
    build.keep(["a", None])
    assert build.get("b", keep=False) == Entry("b", {})
    build.put("d", Entry("d", {}))
    build.save()
    assert stored_entries(path, KINDS) == {"a": Entry("a", {}), "d": Entry("d", {})}


def test_a_text_store_keeps_its_values_as_written_and_gives_them_back_undecoded(tmp_path):
    path = tmp_path / "c.sqlite"
    kept = store(path, text=True, stored_as=lambda value: f'{{"n":{value}}}')
    kept.put("a", 7)
    kept.save()
    with sqlite3.connect(path) as db:
        assert db.execute("SELECT value FROM entries").fetchall() == [('{"n":7}',)]
    assert store(path, text=True).get("a") == '{"n":7}'
    assert store(path, text=True, check=lambda text: text.startswith("[")).get("a") is None


@pytest.mark.parametrize("text", [True, False], ids=["text store", "JSON store"])
def test_a_row_whose_value_is_a_blob_counts_as_missing(tmp_path, text):
    # A TEXT column keeps whatever it is given: a planted file's BLOB must not reach a caller that
    # splits the value as text (easy read's rows, the checks cache's, the cards').
    path = tmp_path / "c.sqlite"
    kept = store(path, text=text)
    for key in ("a", "b"):
        kept.put(key, '"a value"')
    kept.save()
    with sqlite3.connect(path) as db:
        db.execute("UPDATE entries SET value = ? WHERE key = 'a'", (b'"a value"\nmore',))
    db.close()
    build = store(path, text=text)
    build.expect(["a", "b"])
    assert build.get("a") is None
    assert build.get("b") == '"a value"'
