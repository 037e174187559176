"""Read one provider file as written.

Plain YAML 1.1 loading turns `opens: 10:30` into 630, `phone: 01234567` into
an octal number and `NO` into False. Providers write text, so every scalar is
kept as the text they wrote; the schema decides later what it means. Each
value remembers its line so that every problem can point at it.

Files arrive by pull request from outside the council, so reading is bounded
(see bounded.py): at most `max_bytes` are read, only from a regular file, and
the parser's events are checked (no anchors or aliases, limited nesting, keys
and list items) before any value is built. One hostile file is refused with
one line; it cannot stop the build or fill the machine's memory.
"""

from dataclasses import dataclass, field

import yaml

try:  # libyaml composes ten times faster; the pure-Python parser is the fallback
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader

from .bounded import MAX_FILE_BYTES, check_events, read_bounded
from .one_pass import load_plain
from .problems import PARSE, Problem, quoted


@dataclass
class LoadedFile:
    """A provider file's data, and the line of every key and list item."""

    data: object
    lines: dict = field(default_factory=dict)  # key path tuple -> 1-based line

    def line_of(self, path):
        """The line of `path`, or of its nearest parent that was written."""
        path = tuple(path)
        while path not in self.lines and path:
            path = path[:-1]
        return self.lines.get(path, 1)


class _DuplicateKey(Exception):
    def __init__(self, key, line, first_line):
        self.key, self.line, self.first_line = key, line, first_line


def load_text(text, display_path, empty_hint=""):
    """Parse `text`; return (LoadedFile or None, [Problem]). `empty_hint` ends
    the message for an empty file (say, which template to copy)."""
    if text.startswith("\ufeff"):  # a byte-order mark is tolerated
        text = text[1:]
    plain = load_plain(text)  # a well-formed file, read in one pass
    if plain is not None:
        return LoadedFile(*plain), []
    return load_carefully(text, display_path, empty_hint)


def load_carefully(text, display_path, empty_hint=""):
    """`load_text` without the one-pass reader: events checked, then nodes composed
    and walked, each problem described. (Tests hold the two to the same result.)"""
    try:
        refusal = check_events(yaml.parse(text, Loader=_Loader))
        if refusal:
            line, message = refusal
            return None, [Problem(display_path, line, (), message, kind=PARSE)]
        nodes = list(yaml.compose_all(text, Loader=_Loader))
    except yaml.MarkedYAMLError as error:
        return None, [_parse_problem(error, text, display_path)]
    except yaml.YAMLError as error:  # errors without a position
        return None, [Problem(display_path, 1, (), f"the file is not valid YAML: {quoted(error)}", kind=PARSE)]

    if len(nodes) > 1:
        line = nodes[1].start_mark.line + 1
        message = "a provider file holds one YAML document, and a second one starts here; remove the `---` line and what follows"
        return None, [Problem(display_path, line, (), message, kind=PARSE)]
    if not nodes or nodes[0] is None:
        return None, [Problem(display_path, 1, (), "the file is empty" + (f"; {empty_hint}" if empty_hint else ""), kind=PARSE)]

    loaded = LoadedFile(data=None)
    problems = []
    loaded.data = _to_python(nodes[0], (), loaded.lines, problems, display_path)
    return loaded, problems


def load_file(path, display_path, empty_hint="", max_bytes=MAX_FILE_BYTES, size_setting="SERVICES_MAX_FILE_BYTES"):
    """Read `path` as UTF-8 (at most `max_bytes`) and parse it; return (LoadedFile or None, [Problem]).
    `size_setting` is the setting a message names for the limit."""
    data, refusal = read_bounded(path, max_bytes, size_setting)
    if refusal:
        return None, [Problem(display_path, 1, (), refusal, kind=PARSE)]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        message = f"the file is not UTF-8 text (byte {error.start}); save it as UTF-8"
        return None, [Problem(display_path, 1, (), message, kind=PARSE)]
    return load_text(text, display_path, empty_hint)


def _to_python(node, path, lines, problems, display_path):
    lines.setdefault(path, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        result = {}
        first_lines = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                problems.append(
                    Problem(display_path, key_node.start_mark.line + 1, path, "a key must be a plain word, such as `name`", kind=PARSE)
                )
                continue
            key = key_node.value
            key_line = key_node.start_mark.line + 1
            if key in first_lines:
                message = (
                    f"{quoted(key)} is written twice (first on line {first_lines[key]}); "
                    "keep one and delete the other"
                )
                problems.append(Problem(display_path, key_line, path + (key,), message, kind=PARSE))
                continue
            first_lines[key] = key_line
            lines[path + (key,)] = key_line
            result[key] = _to_python(value_node, path + (key,), lines, problems, display_path)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [
            _to_python(item, path + (index,), lines, problems, display_path)
            for index, item in enumerate(node.value)
        ]
    # A scalar: keep the text exactly as written. An empty plain value (`key:`)
    # means "nothing written", which the schema reports as missing.
    # (libyaml marks a plain scalar's style as "", the pure-Python parser as None.)
    if node.tag == "tag:yaml.org,2002:null" and not node.style:
        return None
    return node.value


def _parse_problem(error, text, display_path):
    mark = error.problem_mark or error.context_mark
    line = mark.line + 1 if mark else 1
    what = (error.problem or "the file is not valid YAML")[:200]
    written = text.splitlines()[line - 1] if 0 < line <= len(text.splitlines()) else ""
    if "\t" in written[: mark.column + 1 if mark else None]:
        hint = "indent with spaces, not tabs"
    else:
        hint = next((fix for start, fix in _PARSE_HINTS if what.startswith(start)), _DEFAULT_HINT)
    return Problem(display_path, line, (), f"the file is not valid YAML ({what}); {hint}", kind=PARSE)


# What the parser says (libyaml's words, then PyYAML's), and what a provider should do about it.
_PARSE_HINTS = [
    ("mapping values are not allowed", 'put text that contains ": " in quotes, e.g. summary: "Ages: 5 to 11"'),
    ("found undefined alias", "text that starts with * must be in quotes"),
    ("found character that cannot start any token", "text that starts with @ or ` must be in quotes"),
    ("could not find expected ':'", "each line inside a section needs `key: value`"),
    ("did not find expected key", "check that the keys in this section line up under each other"),
]
_DEFAULT_HINT = "check the indentation, and put text that contains a colon or a # in quotes"
