"""Provider files that try to make reading them the problem: each is refused
with one line naming the file, in bounded time and memory, and the message
repeats at most 80 characters of what the file says."""

import os
import resource

import pytest

from localoffer.written_yaml import bounded
from localoffer.written_yaml.loader import load_file, load_text
from localoffer.written_yaml.problems import one_line, quoted
from tests.hostile.conftest import FIXTURES, make_anchor_bomb, make_big_value, make_many_keys

SHOWN = "providers/x.yaml"


def refusals(path, **limits):
    loaded, problems = load_file(path, SHOWN, **limits)
    assert loaded is None
    return [str(problem) for problem in problems]


def test_an_alias_bomb_is_refused_at_its_first_anchor():
    assert refusals(FIXTURES / "alias-bomb.yaml") == [
        f"{SHOWN}:4: (file): sets the anchor `&a`; anchors and aliases are not allowed in these files: "
        "remove it and write each value out in full"
    ]


def test_a_wide_anchor_bomb_is_refused(tmp_path):
    path = tmp_path / "anchor-bomb.yaml"
    make_anchor_bomb(path)
    assert 150_000 < path.stat().st_size < 256 * 1024
    assert refusals(path) == [
        f"{SHOWN}:3: (file): sets the anchor `&x`; anchors and aliases are not allowed in these files: "
        "remove it and write each value out in full"
    ]


def test_an_alias_without_an_anchor_is_refused_too():
    loaded, problems = load_text("id: x\nname: *x\n", SHOWN)
    assert [str(p) for p in problems] == [
        f"{SHOWN}:2: (file): uses the alias `*x`; aliases and anchors are not allowed in these files: "
        "write the value out in full (text that starts with * must be in quotes)"
    ]


def test_five_hundred_nested_brackets_are_refused_without_a_recursion_error():
    assert refusals(FIXTURES / "nested.yaml") == [
        f"{SHOWN}:3: (file): sections and lists are nested more than 20 deep; check the brackets and the "
        "indentation (a provider file needs 4 levels at most)"
    ]


def test_a_folder_named_like_a_provider_file_is_reported(tmp_path):
    (tmp_path / "x.yaml").mkdir()
    assert refusals(tmp_path / "x.yaml") == [
        f"{SHOWN}:1: (file): this is a folder, not a file; rename the folder so that its name does not end in .yaml"
    ]


@pytest.mark.parametrize("target", ["/dev/zero", "outside"])
def test_a_link_is_never_followed(tmp_path, target):
    if target == "outside":
        target = tmp_path / "secret.txt"
        target.write_text("root:x:0:0:LINK-PAYLOAD:/root:/bin/bash\n")
    (tmp_path / "evil.yaml").symlink_to(target)
    assert refusals(tmp_path / "evil.yaml") == [
        f"{SHOWN}:1: (file): this is a link to another file, which is not read; put the file itself here instead of a link"
    ]


def test_a_device_is_refused_without_reading_it():
    assert refusals("/dev/zero") == [
        f"{SHOWN}:1: (file): this is not an ordinary file (it is a device, pipe or socket); put a YAML text file here"
    ]


def test_a_named_pipe_is_refused_without_waiting_for_a_writer(tmp_path):
    os.mkfifo(tmp_path / "pipe.yaml")
    assert refusals(tmp_path / "pipe.yaml") == [
        f"{SHOWN}:1: (file): this is not an ordinary file (it is a device, pipe or socket); put a YAML text file here"
    ]


def test_a_file_over_the_size_limit_is_refused_after_reading_one_byte_more(tmp_path):
    path = tmp_path / "big-value.yaml"
    make_big_value(path)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    assert refusals(path) == [
        f"{SHOWN}:1: (file): the file is larger than 262144 bytes, the limit (SERVICES_MAX_FILE_BYTES); "
        "a provider file is a few kilobytes: remove what does not belong in it"
    ]
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before < 20_000  # kilobytes: nothing like the file
    data, refusal = bounded.read_bounded(path, 1000)
    assert data is None and "larger than 1000 bytes" in refusal


def test_two_hundred_thousand_keys_are_refused_by_size_and_by_count(tmp_path):
    path = tmp_path / "many-keys.yaml"
    make_many_keys(path)
    assert refusals(path) == [
        f"{SHOWN}:1: (file): the file is larger than 262144 bytes, the limit (SERVICES_MAX_FILE_BYTES); "
        "a provider file is a few kilobytes: remove what does not belong in it"
    ]
    # With the limit raised, the count of keys still refuses it, at the first key too many.
    assert refusals(path, max_bytes=8 * 1024 * 1024) == [
        f"{SHOWN}:501: (file): a section has more than 500 keys; keep only the keys in the template "
        "(providers/FIELDS.md lists them)"
    ]


def test_a_list_too_long_is_refused():
    text = "items:\n" + "".join("  - x\n" for _ in range(bounded.MAX_ITEMS + 1))
    loaded, problems = load_text(text, SHOWN)
    assert [str(p) for p in problems] == [f"{SHOWN}:{bounded.MAX_ITEMS + 2}: (file): a list has more than 5000 items; shorten the list"]


def test_text_that_is_not_utf8_is_refused(tmp_path):
    path = tmp_path / "latin1.yaml"
    path.write_bytes("name: caf\xe9\n".encode("latin-1"))
    assert refusals(path) == [f"{SHOWN}:1: (file): the file is not UTF-8 text (byte 9); save it as UTF-8"]


def test_a_value_is_quoted_at_most_80_characters_on_one_line():
    assert quoted("m" * 1_000_000) == "`" + "m" * 80 + "…` (1000000 characters)"
    assert quoted("yes\n::warning file=a::b") == "`yes\\n:\\:warning file=a:\\:b`"
    assert one_line("a\rb\u202ec\u200bd") == "a\\rb\\u202ec\\u200bd"


def test_a_key_written_twice_is_quoted_too():
    key = "k" * 200
    loaded, problems = load_text(f"{key}: 1\n{key}: 2\n", SHOWN)
    assert [str(p) for p in problems] == [
        f"{SHOWN}:2: {'k' * 80}…: `{'k' * 80}…` (200 characters) is written twice (first on line 1); keep one and delete the other"
    ]


def test_content_yaml_files_are_read_with_the_same_bounds(tmp_path):
    """The SEND glossary (content/data/) is read by easy_read and search_index through safe_load_bounded."""
    from localoffer.easy_read.glossary import load_glossary
    from localoffer.search_index.glossary import read_glossary

    bomb = tmp_path / "glossary.yaml"
    bomb.write_bytes((FIXTURES / "alias-bomb.yaml").read_bytes())
    entries, problems = read_glossary(bomb)
    assert entries == [] and problems == [f"{bomb}: not valid YAML; the glossary is not used"]
    assert load_glossary(bomb).write_out("ASD") == "ASD"  # an empty glossary: nothing written out
    with pytest.raises(bounded.RefusedYAML, match="^line 4: sets the anchor `&a`; anchors and aliases are not allowed"):
        bounded.safe_load_bounded(bomb)
    (tmp_path / "link.yaml").symlink_to("/dev/zero")
    with pytest.raises(bounded.RefusedYAML, match="^this is a link to another file, which is not read"):
        bounded.safe_load_bounded(tmp_path / "link.yaml")
