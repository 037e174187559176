"""Provider data written as YAML the way people write it: block mappings,
short lists in brackets, Markdown as `|` blocks, yes and no for true and false.

Ids, dates, times and answers are written plain, as providers write them (the
project's YAML reader keeps the written text); every other text is
double-quoted (JSON's quoting is valid YAML), so no word a generator draws can
turn into a number, a date or a boolean.
"""

import json
import re

PLAIN = re.compile(r"[a-z0-9][a-z0-9-]*|\d{4}-\d\d-\d\d|\d\d:\d\d")


def to_yaml(data):
    return "".join(_mapping(data, 0))


def _mapping(data, indent):
    pad = " " * indent
    for key, value in data.items():
        if isinstance(value, dict):
            yield f"{pad}{key}:\n"
            yield from _mapping(value, indent + 2)
        elif isinstance(value, list) and value and isinstance(value[0], dict):
            yield f"{pad}{key}:\n"
            for item in value:
                lines = list(_mapping(item, indent + 4))
                yield f"{pad}  - {lines[0].lstrip()}"
                yield from lines[1:]
        elif isinstance(value, list):
            yield f"{pad}{key}: [{', '.join(_scalar(item) for item in value)}]\n"
        elif isinstance(value, str) and "\n" in value:
            body = "".join(f"{pad}  {line}\n" if line else "\n" for line in value.split("\n"))
            yield f"{pad}{key}: |\n{body}"
        else:
            yield f"{pad}{key}: {_scalar(value)}\n"


def _scalar(value):
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, (int, float)):
        return repr(value)
    return value if PLAIN.fullmatch(value) else json.dumps(value, ensure_ascii=False)
