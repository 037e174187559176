"""Caches as JSON and back (localoffer.cache_files.data): exactly what was kept, or CacheMismatch."""

import json
from dataclasses import dataclass
from pathlib import Path

import pytest

from localoffer.cache_files.data import CacheMismatch, from_data, to_data


@dataclass
class Entry:
    name: str
    counts: dict


KINDS = {"Entry": Entry}


def round_trip(value):
    return from_data(json.loads(json.dumps(to_data(value))), KINDS)


def test_plain_values_are_kept_once_under_one_tag():
    counts = {"swimming": 3, "autism": 1, "ratio": 0.5, "open": True, "note": None, "list": ["a", 1, {"b": [2]}]}
    assert to_data(counts) == ["j", counts]
    assert round_trip(counts) == counts


def test_what_json_cannot_show_keeps_its_own_tags():
    value = {"a": (1, {"b": 2}), 3: Path("x/y"), "e": Entry("swim", {"swim": 2})}
    assert round_trip(value) == value
    assert type(round_trip(value)["a"]) is tuple
    assert to_data((1, 2)) == ["t", [["i", 1], ["i", 2]]]
    assert to_data({1: "one"}) == ["d", [[["i", 1], ["s", "one"]]]]


def test_a_key_that_looks_like_a_class_is_only_a_key():
    value = {"__class__": "Entry", "o": ["Entry", {}]}
    assert round_trip(value) == value


@pytest.mark.parametrize("data", [
    ["j", "text"], ["j", {"a": 1}, "more"], ["j", 3], ["j", None],
], ids=["text", "three items", "number", "null"])
def test_plain_data_of_another_shape_is_refused(data):
    with pytest.raises(CacheMismatch, match="^plain data of the wrong shape$"):
        from_data(data, KINDS)


def test_plain_data_is_taken_as_json_gives_it_without_walking_it():
    """from_data reads what json.loads made, which holds no tuple, path or object: the
    inside of plain data is not walked again (that walk was most of reading a cache)."""
    value = {"a": [1, {"b": "c"}], "d": None}
    data = json.loads(json.dumps(["j", value]))
    assert from_data(data, KINDS) is data[1]


def test_a_dataclass_keeps_its_plain_fields_untagged_and_its_others_tagged():
    entry = Entry("swim", {"swim": 2})
    assert to_data(entry) == ["o", "Entry", {"name": "swim", "counts": ["j", {"swim": 2}]}]
    assert round_trip([entry, Entry("x", {1: "one"})]) == [entry, Entry("x", {1: "one"})]


def test_an_object_with_other_fields_is_refused():
    with pytest.raises(CacheMismatch, match="^Entry with other fields$"):
        from_data(["o", "Entry", {"name": "swim"}], KINDS)
