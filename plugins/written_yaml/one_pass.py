"""Read a well-formed file in one pass over the parser's events.

The careful path (loader.load_text) parses a file twice: once to check its
events (bounded.check_events), then again to compose nodes, which are walked
into values. Nearly every file is well formed, and for those the same data and
lines can be built straight from the first pass's events, in half the time.

Anything this pass is not sure of (a parse error, an anchor or alias, a tag,
a key that is not text, a key written twice, more than one document or none,
a breach of the bounds) makes it give up and return None: the careful path
then reads the file again and says what is wrong, in the words it always has.
So this pass never writes a message, and it stops at the same bounds as
check_events: a hostile file costs at most one pass more.
"""

import yaml

from .bounded import MAX_DEPTH, MAX_ITEMS, MAX_KEYS

try:  # the same parser as the careful path
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader

# A plain scalar YAML reads as null (yaml.resolver's null pattern); written `key:` or `key: ~`.
_NULLS = frozenset(("", "~", "null", "Null", "NULL"))
_NO_KEY = object()  # a section waiting for its next key


class _GiveUp(Exception):
    """The careful path must read this file."""


def load_plain(text):
    """(data, {key path tuple: line}) of `text`, as the careful path builds them
    for a file with no problem; None when the careful path must read it."""
    try:
        return _build(yaml.parse(text, Loader=_Loader))
    except (_GiveUp, yaml.YAMLError):
        return None


def _build(events):
    lines = {}
    root = _NO_KEY
    documents = 0
    # For each open section or list: [is_section, container, key path, pending key, children so far].
    stack = []
    for event in events:
        kind = type(event)
        if kind is yaml.ScalarEvent or kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
            if event.anchor is not None or event.tag is not None:
                raise _GiveUp
            line = event.start_mark.line + 1
            if kind is yaml.ScalarEvent:
                value = event.value
                if stack and _is_key(stack[-1], value, line, lines):
                    continue
                if not event.style and value in _NULLS:
                    value = None
            else:
                value = {} if kind is yaml.MappingStartEvent else []
                if stack and _is_key(stack[-1], None, line, lines):
                    raise _GiveUp  # a section or list as a key
            if not stack:
                root = value
                lines[()] = line
                path = ()
            else:
                path = _place(stack[-1], value, line, lines)
            if kind is not yaml.ScalarEvent:
                stack.append([kind is yaml.MappingStartEvent, value, path, _NO_KEY, 0])
                if len(stack) > MAX_DEPTH:
                    raise _GiveUp
        elif kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
            stack.pop()
        elif kind is yaml.DocumentStartEvent:
            documents += 1
            if documents > 1:
                raise _GiveUp
        elif kind is yaml.AliasEvent:
            raise _GiveUp
    if documents != 1 or root is _NO_KEY:
        raise _GiveUp
    return root, lines


def _is_key(frame, key, line, lines):
    """Count a child of `frame` against the bounds; True when it is a section's
    next key (`key`, None for a section or list), which is then recorded."""
    frame[4] += 1
    if frame[0]:
        if frame[4] > 2 * MAX_KEYS:
            raise _GiveUp
        if frame[3] is _NO_KEY:
            if key is None or key in frame[1]:
                raise _GiveUp  # not text, or written twice
            frame[3] = key
            lines[frame[2] + (key,)] = line
            return True
    elif frame[4] > MAX_ITEMS:
        raise _GiveUp
    return False


def _place(frame, value, line, lines):
    """Put `value` in its section or list; its key path."""
    if frame[0]:
        key, frame[3] = frame[3], _NO_KEY
        frame[1][key] = value
        return frame[2] + (key,)
    path = frame[2] + (len(frame[1]),)
    frame[1].append(value)
    lines.setdefault(path, line)
    return path
