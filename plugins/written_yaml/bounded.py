"""Read a file someone sent without letting it decide how much work that is.

A provider file is a few kilobytes of text with sections four levels deep. A
file that is a link, a device or a folder, one larger than the limit, or one
that uses YAML's anchors and aliases (one kilobyte of aliases expands to
gigabytes) is refused with a message before anything is built from it.
"""

import errno
import os
import stat

import yaml

from .problems import quoted

try:  # libyaml is ten times faster; the pure-Python parser is the fallback
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader

MAX_FILE_BYTES = 256 * 1024
# Far above what any template needs (a provider file nests 4 deep, with about
# 20 keys in a section and a handful of items in a list), far below harm.
MAX_DEPTH = 20
MAX_KEYS = 500
MAX_ITEMS = 5000


def read_bounded(path, max_bytes=MAX_FILE_BYTES, size_setting="SERVICES_MAX_FILE_BYTES"):
    """The bytes of the regular file at `path`, never more than `max_bytes` + 1
    read; returns (bytes, None) or (None, why it was refused and what to do)."""
    try:
        # O_NOFOLLOW: a link is refused, not followed to /etc/passwd or
        # /dev/zero; O_NONBLOCK: opening a named pipe does not wait for a writer.
        descriptor = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError as error:
        return None, _open_refusal(path, error)
    mode = os.fstat(descriptor).st_mode
    if not stat.S_ISREG(mode):
        os.close(descriptor)
        if stat.S_ISDIR(mode):
            return None, _FOLDER
        return None, "this is not an ordinary file (it is a device, pipe or socket); put a YAML text file here"
    with os.fdopen(descriptor, "rb") as handle:
        data = handle.read(max_bytes + 1)
    if len(data) > max_bytes:
        return None, (
            f"the file is larger than {max_bytes} bytes, the limit ({size_setting}); "
            "a provider file is a few kilobytes: remove what does not belong in it"
        )
    return data, None


_FOLDER = "this is a folder, not a file; rename the folder so that its name does not end in .yaml"


def _open_refusal(path, error):
    if error.errno == errno.ELOOP or os.path.islink(path):
        return "this is a link to another file, which is not read; put the file itself here instead of a link"
    if error.errno == errno.EISDIR:
        return _FOLDER
    return f"the file cannot be read ({error.strerror or 'unknown error'}); check that it exists and can be read"


def check_events(events):
    """Walk the parser's events, and return (line, message) for the first
    thing a hand-written file has no need of, or None. Nothing is built here,
    so a refused file costs one pass over its text."""
    stack = []  # for each open section or list: [is_section, children so far]
    for event in events:
        line = event.start_mark.line + 1
        if isinstance(event, yaml.AliasEvent):
            return line, (
                f"uses the alias {quoted('*' + str(event.anchor))}; aliases and anchors are not allowed "
                "in these files: write the value out in full (text that starts with * must be in quotes)"
            )
        anchor = getattr(event, "anchor", None)
        if anchor is not None:
            return line, (
                f"sets the anchor {quoted('&' + str(anchor))}; anchors and aliases are not allowed "
                "in these files: remove it and write each value out in full"
            )
        if isinstance(event, (yaml.ScalarEvent, yaml.CollectionStartEvent)) and stack:
            parent = stack[-1]
            parent[1] += 1
            if parent[0] and parent[1] > 2 * MAX_KEYS:
                return line, (
                    f"a section has more than {MAX_KEYS} keys; keep only the keys in the template "
                    "(providers/FIELDS.md lists them)"
                )
            if not parent[0] and parent[1] > MAX_ITEMS:
                return line, f"a list has more than {MAX_ITEMS} items; shorten the list"
        if isinstance(event, yaml.CollectionStartEvent):
            stack.append([isinstance(event, yaml.MappingStartEvent), 0])
            if len(stack) > MAX_DEPTH:
                return line, (
                    f"sections and lists are nested more than {MAX_DEPTH} deep; check the brackets "
                    "and the indentation (a provider file needs 4 levels at most)"
                )
        elif isinstance(event, yaml.CollectionEndEvent):
            stack.pop()
    return None


class RefusedYAML(yaml.YAMLError):
    """A file refused before it was parsed; the message says why and what to do."""


def safe_load_bounded(path, max_bytes=MAX_FILE_BYTES):
    """`yaml.safe_load` of the file at `path`, read and checked as provider files
    are (a regular file, at most `max_bytes`, no anchors or aliases, limited
    nesting, keys and lists). Raises RefusedYAML (a yaml.YAMLError) instead."""
    data, refusal = read_bounded(path, max_bytes)
    if refusal:
        raise RefusedYAML(refusal)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise RefusedYAML(f"the file is not UTF-8 text (byte {error.start}); save it as UTF-8") from None
    found = check_events(yaml.parse(text, Loader=_Loader))
    if found:
        raise RefusedYAML(f"line {found[0]}: {found[1]}")
    return yaml.load(text, Loader=_Loader)  # noqa: S506 - a safe loader
