"""The plugins' results as JSON, and back, checked on the way in.

JSON has no tuples, paths or classes, and a provider may write any key (a
key `__class__` included), so every value is written as a two-item list
saying what it is: ["s", text], ["i", 3], ["l", [...]], ["t", [...]] for a
tuple, ["d", [[key, value], ...]], ["p", "a/path"], ["o", "Class", {field:
value}] for one of the dataclasses a cache may hold (a field holding text, a
number, a boolean or None is kept untagged); a dictionary with text
keys, or a list, that holds nothing but such plain values (most of a cache:
term counts, a service's fields) is written once as ["j", value], as JSON has
it. Reading back (`from_data` takes what json.loads gives) builds only
those: a class that is not in `kinds`, a field it does not have, or any other
shape raises CacheMismatch, and the cache is ignored.
"""

import dataclasses
import functools
from pathlib import Path


class CacheMismatch(ValueError):
    """The file is not something this code wrote."""


_SCALARS = (str, int, float, bool, type(None))


def _plain(value):
    """True when JSON gives `value` back as it is: dictionaries with text keys,
    lists, text, numbers, booleans and None (no tuples, paths or classes)."""
    kind = type(value)
    if kind is dict:
        return all(type(key) is str for key in value) and all(
            type(item) in _SCALARS or _plain(item) for item in value.values())
    if kind is list:
        return all(type(item) in _SCALARS or _plain(item) for item in value)
    return kind in _SCALARS


def to_data(value):
    # Plain JSON (most of a cache: term counts, a service's fields) is kept as it is, under
    # one tag, instead of a tag on every value: a third of the size, and read back many
    # times faster.
    if type(value) in (dict, list) and _plain(value):
        return ["j", value]
    if value is None or isinstance(value, bool):
        return ["b", value]
    if isinstance(value, str):
        return ["s", value]
    if isinstance(value, int):
        return ["i", value]
    if isinstance(value, float):
        return ["f", value]
    if isinstance(value, list):
        return ["l", [to_data(item) for item in value]]
    if isinstance(value, tuple):
        return ["t", [to_data(item) for item in value]]
    if isinstance(value, dict):
        return ["d", [[to_data(key), to_data(item)] for key, item in value.items()]]
    if isinstance(value, Path):
        return ["p", value.as_posix()]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        # A field holding text, a number, a boolean or None is kept as it is (a list is never
        # one of those, so it is still read as a tagged value): thousands of small objects
        # (an easy-read page's points) are read back without a list for each field.
        fields = {}
        for name in _init_fields(type(value)):
            item = getattr(value, name)
            fields[name] = item if type(item) in _SCALARS else to_data(item)
        return ["o", type(value).__name__, fields]
    raise TypeError(f"a cache cannot keep {type(value).__name__}")


@functools.lru_cache(maxsize=None)
def _init_fields(kind):
    """The fields a dataclass is made from, in order (asked once per class: a cache holds thousands of each)."""
    return tuple(field.name for field in dataclasses.fields(kind) if field.init)


@functools.lru_cache(maxsize=None)
def _init_field_set(kind):
    return frozenset(_init_fields(kind))


# The types JSON gives untagged within an object's fields, as a set: a type is looked up once
# rather than compared with each (thousands of fields a cache).
_SCALAR_TYPES = frozenset(_SCALARS)


def from_data(data, kinds):
    """The value `data` stands for; `kinds` maps class names to the dataclasses allowed.
    `data` is what json.loads gave, and is used up: an object's fields are decoded in place."""
    # Every check below takes the exact types json.loads gives (list, str, dict, int):
    # `type(x) is` is the quick test, and nothing else is ever passed in.
    if type(data) is not list or not data or type(data[0]) is not str:
        raise CacheMismatch("not a tagged value")
    tag = data[0]
    if tag == "j":
        # What json.loads gives is plain all through (text keys; lists, not tuples), so only
        # the outside is checked: walking a cache's every value made reading it slow.
        if len(data) != 2 or type(data[1]) not in (dict, list):
            raise CacheMismatch("plain data of the wrong shape")
        return data[1]
    if tag == "o":
        if len(data) != 3 or data[1] not in kinds or type(data[2]) is not dict:
            raise CacheMismatch("an object of an unknown kind")
        kind = kinds[data[1]]
        fields = data[2]
        if fields.keys() != _init_field_set(kind):
            raise CacheMismatch(f"{kind.__name__} with other fields")
        # The fields' dict is json.loads' own, used once: its tagged values are decoded in
        # place rather than into a new dict.
        for name, item in fields.items():
            if type(item) not in _SCALAR_TYPES:
                fields[name] = from_data(item, kinds)
        return kind(**fields)
    if len(data) != 2:
        raise CacheMismatch("a value of the wrong shape")
    value = data[1]
    kind = type(value)
    if tag == "s" and kind is str:
        return value
    if tag in ("l", "t") and kind is list:
        items = [from_data(item, kinds) for item in value]
        return items if tag == "l" else tuple(items)
    if tag == "p" and kind is str:
        # "/" is a separator on every system, so the text needs no PurePosixPath first
        # (a second parse: pathlib was half of decoding a cache).
        return Path(value)
    if tag == "b" and (value is None or kind is bool):
        return value
    if (tag == "i" and kind is int) or (tag == "f" and kind in (int, float)):
        return float(value) if tag == "f" else value
    if tag == "d" and kind is list:
        result = {}
        for pair in value:
            if type(pair) is not list or len(pair) != 2:
                raise CacheMismatch("a dictionary entry of the wrong shape")
            key = from_data(pair[0], kinds)
            if not isinstance(key, (str, int, float, bool, tuple)) and key is not None:
                raise CacheMismatch("a dictionary key that cannot be one")
            result[key] = from_data(pair[1], kinds)
        return result
    raise CacheMismatch(f"an unknown tag {tag[:10]!r}")
