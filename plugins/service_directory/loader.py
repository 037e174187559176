"""Make the typed model (model.py) of one checked provider file.

The checked file keeps what the build cache stores as JSON: the data as the
schema accepted it and the line of each field (`field_lines`). The record is
made from those, here, the same way whether the check ran now or came from
the cache. Which fields there are, and their types, is read once from the
model's classes, so a new field is added in model.py alone.
"""

import dataclasses
import datetime
import sys
import types
import typing
from array import array
from collections.abc import Mapping
from functools import lru_cache

from .model import ServiceRecord


def record_from_checked(data, lines):
    """The ServiceRecord of a file the checks accepted; `lines` is its `field_lines`."""
    record = _build(ServiceRecord, data)
    object.__setattr__(record, "lines", lines)
    return record


def field_lines(loaded_lines):
    """{"service.cost.free": 12, "locations[0]": 30, ...} from written_yaml's
    {("service", "cost", "free"): 12, ...}: text keys, which JSON can keep and
    easy read's findings already use. Keys are interned: 100,000 files share one
    copy of each name."""
    return {_dotted(path): line for path, line in loaded_lines.items() if path}


class PackedLines(Mapping):
    """`field_lines` held for a whole build in half the memory of the dict (0.95 KB a service at
    10,000, was 1.8): its keys (interned: field_lines) as a tuple and the lines as an array. Only a
    message that names a line reads them (easy read's findings, a few files), so a look-up may
    search the keys."""

    __slots__ = ("_keys", "_lines")

    def __init__(self, lines):
        self._keys = tuple(lines)
        self._lines = array("I", lines.values())

    def __getitem__(self, key):
        try:
            return self._lines[self._keys.index(key)]
        except ValueError:
            raise KeyError(key) from None

    def __iter__(self):
        return iter(self._keys)

    def __len__(self):
        return len(self._keys)


@lru_cache(maxsize=4096)  # every file has much the same keys: each is worked out once
def _dotted(path):
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return sys.intern(text)


def _build(cls, data):
    return _builder(cls)(data)


@lru_cache(maxsize=None)
def _builder(cls):
    """A function that makes `cls` from its checked dict, written out for this
    class as dataclasses writes `__init__`: a generic loop over the fields
    took longer than making the Service page object itself."""
    hints = typing.get_type_hints(cls)
    names = {"_cls": cls}
    arguments = []
    for index, item in enumerate(dataclasses.fields(cls)):
        if not item.metadata.get("in_file", True):
            continue
        convert = _converter(hints[item.name])
        key = repr(item.name)
        if convert is None:
            value = f"data[{key}]"
            if _has_default(item):
                names[f"_default{index}"] = _default(item)
                value = f"data.get({key}, _default{index})"
        else:
            names[f"_convert{index}"] = convert
            value = f"_convert{index}(data[{key}])"
            if _has_default(item):
                names[f"_default{index}"] = _default(item)
                value = f"(_convert{index}(data[{key}]) if {key} in data else _default{index})"
        arguments.append(f"{item.name}={value}")
    source = f"def build(data):\n    return _cls({', '.join(arguments)})\n"
    exec(source, names)  # noqa: S102 - the source is made from this module's own class definitions
    return names["build"]


def _has_default(item):
    return item.default is not dataclasses.MISSING or item.default_factory is not dataclasses.MISSING


def _default(item):
    return item.default if item.default is not dataclasses.MISSING else item.default_factory()


def _converter(kind):
    """How a checked value becomes the model's, or None when it is already the same."""
    kind = _without_none(kind)
    if dataclasses.is_dataclass(kind):
        return _builder(kind)
    if typing.get_origin(kind) is tuple:
        item = typing.get_args(kind)[0]
        if dataclasses.is_dataclass(item):
            build = _builder(item)
            return lambda values: tuple(map(build, values))
        return tuple
    if kind is datetime.date:
        return datetime.date.fromisoformat
    if kind is float:
        return float  # YAML's 53 is a whole number; a latitude is a float
    return None


def _without_none(kind):
    """`X | None` -> X."""
    if typing.get_origin(kind) in (typing.Union, types.UnionType):
        args = [arg for arg in typing.get_args(kind) if arg is not type(None)]
        if len(args) == 1:
            return args[0]
    return kind


def written_data(record):
    """The record as the provider file's data, without the fields left at their
    default (an unstated feature is `unknown`, a missing status `published`):
    what a reader of the file's fields, such as the editorial manifest, lists."""
    return _written(record)


def _written(value):
    if dataclasses.is_dataclass(value):
        found = {}
        for item in dataclasses.fields(value):
            if not item.metadata.get("in_file", True):
                continue
            shown = _written(getattr(value, item.name))
            if shown in (None, (), [], {}) or (_has_default(item) and shown == _written(_default(item))):
                continue
            found[item.name] = shown
        return found
    if isinstance(value, tuple):
        return [_written(item) for item in value]
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value
