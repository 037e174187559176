"""Read a YAML file as written, remembering the line of every key and item.

Plain YAML loading turns `2026-03-01` into a date, `01632 960123` into a
number and `no` into False. Editors write text, so every scalar is kept as the
text they wrote, and the checks decide what it means. (The same idea as
service_directory's loader; plugins do not import each other.)
"""

from dataclasses import dataclass, field

import yaml

try:  # libyaml is faster; the pure-Python parser is the fallback
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader

from .problems import Problem


@dataclass
class Loaded:
    data: object
    lines: dict = field(default_factory=dict)  # key path tuple -> 1-based line

    def line_of(self, path):
        """The line of `path`, or of its nearest parent that was written."""
        path = tuple(path)
        while path not in self.lines and path:
            path = path[:-1]
        return self.lines.get(path, 1)


def load_file(path, display_path):
    """Parse the file at `path`; return (Loaded or None, [Problem])."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        return None, [Problem(display_path, 1, (), f"the file is not UTF-8 text (byte {error.start}); save it as UTF-8")]
    return load_text(text.removeprefix("\ufeff"), display_path)


def load_text(text, display_path):
    try:
        nodes = list(yaml.compose_all(text, Loader=_Loader))
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 1
        what = error.problem or "it could not be read"
        hint = "check the indentation, and put text that contains a colon or a # in quotes"
        return None, [Problem(display_path, line, (), f"the file is not valid YAML ({what}); {hint}")]
    except yaml.YAMLError as error:
        return None, [Problem(display_path, 1, (), f"the file is not valid YAML: {error}")]
    if len(nodes) > 1:
        return None, [Problem(display_path, nodes[1].start_mark.line + 1, (),
                              "the file holds one YAML document, and a second one starts here; "
                              "remove the `---` line and what follows")]
    if not nodes or nodes[0] is None:
        return None, [Problem(display_path, 1, (), "the file is empty")]
    loaded = Loaded(data=None)
    problems = []
    loaded.data = _to_python(nodes[0], (), loaded.lines, problems, display_path)
    return loaded, problems


def _to_python(node, path, lines, problems, display_path):
    lines.setdefault(path, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        result, first_lines = {}, {}
        for key_node, value_node in node.value:
            line = key_node.start_mark.line + 1
            if not isinstance(key_node, yaml.ScalarNode):
                problems.append(Problem(display_path, line, path, "a key must be a plain word, such as `status`"))
                continue
            key = key_node.value
            if key in first_lines:
                problems.append(Problem(display_path, line, path + (key,),
                                        f"`{key}` is written twice (first on line {first_lines[key]}); "
                                        "keep one and delete the other"))
                continue
            first_lines[key] = line
            lines[path + (key,)] = line
            result[key] = _to_python(value_node, path + (key,), lines, problems, display_path)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_to_python(item, path + (i,), lines, problems, display_path) for i, item in enumerate(node.value)]
    # An empty plain value (`key:`) means nothing was written.
    if node.tag == "tag:yaml.org,2002:null" and not node.style:
        return None
    return node.value
