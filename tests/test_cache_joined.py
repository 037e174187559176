"""cache_files.joined.write_joined: a file of many pieces written piece by piece, as joined() would
make it, left as it is when it holds those bytes, and never left half written."""

import os

import pytest

from localoffer.cache_files.joined import file_digest, joined, pieces_on_disk, write_joined

HEAD, SEPARATOR, TAIL = b"[\n", b",\n", b"\n]\n"
PIECES = [b'{"id": 1}', b'{"id": "two"}', "{\"name\": \"Caf\u00e9\"}".encode("utf-8"), b""]


def test_the_file_written_piece_by_piece_is_the_one_joined_in_memory(tmp_path):
    path = tmp_path / "folder" / "feed.json"
    kept = write_joined(path, HEAD, iter(PIECES), SEPARATOR, TAIL)
    data = joined(HEAD, PIECES, SEPARATOR, TAIL)
    assert path.read_bytes() == data
    assert kept == {"digest": file_digest(data), "lengths": [9, 13, 17, 0]}
    assert oct(path.stat().st_mode & 0o777) == "0o644"
    assert [bytes(piece) for piece in pieces_on_disk(path, kept, HEAD, SEPARATOR)[1]] == PIECES


def test_no_piece_gives_the_head_and_the_tail(tmp_path):
    path = tmp_path / "empty.json"
    assert write_joined(path, HEAD, [], SEPARATOR, TAIL) == {"digest": file_digest(HEAD + TAIL), "lengths": []}
    assert path.read_bytes() == HEAD + TAIL


@pytest.mark.parametrize("told", [True, False], ids=["digest told", "digest found on disk"])
def test_a_file_that_already_holds_those_bytes_is_left_as_it_is(tmp_path, told):
    path = tmp_path / "feed.json"
    kept = write_joined(path, HEAD, PIECES, SEPARATOR, TAIL)
    os.utime(path, (1_000_000_000, 1_000_000_000))
    before = path.stat()
    again = write_joined(path, HEAD, PIECES, SEPARATOR, TAIL, kept["digest"] if told else None)
    after = path.stat()
    assert again == kept
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["feed.json"]


def test_a_changed_piece_rewrites_the_file(tmp_path):
    path = tmp_path / "feed.json"
    kept = write_joined(path, HEAD, PIECES, SEPARATOR, TAIL)
    changed = [PIECES[0], b'{"id": "three"}', *PIECES[2:]]
    again = write_joined(path, HEAD, changed, SEPARATOR, TAIL, kept["digest"])
    assert path.read_bytes() == joined(HEAD, changed, SEPARATOR, TAIL)
    assert again["lengths"] == [9, 15, 17, 0] and again["digest"] != kept["digest"]


def test_a_piece_that_fails_to_be_made_leaves_the_old_file_and_no_temporary_one(tmp_path):
    path = tmp_path / "feed.json"
    write_joined(path, HEAD, PIECES, SEPARATOR, TAIL)

    def pieces():
        yield b'{"id": 1}'
        raise RuntimeError("a service could not be written")

    with pytest.raises(RuntimeError, match="^a service could not be written$"):
        write_joined(path, HEAD, pieces(), SEPARATOR, TAIL)
    assert path.read_bytes() == joined(HEAD, PIECES, SEPARATOR, TAIL)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["feed.json"]
