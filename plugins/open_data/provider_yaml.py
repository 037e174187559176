"""Write a provider file's data as YAML an editor can read, with comments.

Keys stay in the template's order, Markdown is a block (`|`), codes are
flow lists (`[health, early-years]`), and each comment sits on the line
above the key it is about. Text is quoted by PyYAML wherever plain YAML
would read it as something else (`'09:30'`, `'yes'`).
"""

import re

import yaml

CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
CODE = re.compile(r"^[a-z0-9][a-z0-9_-]*$")


def provider_yaml(data, comments=None, header=()):
    """`comments`: {path tuple: [line]}; a path that is not in the data is put above its nearest parent."""
    placed = {}
    for path, lines in (comments or {}).items():
        placed.setdefault(_nearest(data, path), []).extend(lines)
    out = [f"# {line}" for line in header]
    out += [f"# {line}" for line in placed.pop((), [])]
    _mapping(data, (), 0, placed, out)
    return "\n".join(out) + "\n"


def _nearest(data, path):
    here, found = data, ()
    for key in path:
        if isinstance(here, dict) and key in here:
            here, found = here[key], found + (key,)
        elif isinstance(here, list) and isinstance(key, int) and key < len(here):
            here, found = here[key], found + (key,)
        else:
            break
    return found


def _mapping(data, path, indent, comments, out, first_prefix=None):
    pad = " " * indent
    for index, (key, value) in enumerate(data.items()):
        here = path + (key,)
        lead = first_prefix if (first_prefix and index == 0) else pad
        for line in comments.get(here, []):
            out.append(f"{pad}# {line}")
        if isinstance(value, dict):
            out.append(f"{lead}{key}:")
            _mapping(value, here, indent + 2, comments, out)
        elif isinstance(value, list) and value and all(isinstance(item, dict) for item in value):
            out.append(f"{lead}{key}:")
            for number, item in enumerate(value):
                _mapping(item, here + (number,), indent + 4, comments, out, first_prefix=f"{pad}  - ")
        elif isinstance(value, list) and all(isinstance(item, str) and CODE.match(item) for item in value):
            out.append(f"{lead}{key}: [{', '.join(value)}]")
        elif isinstance(value, list):
            out.append(f"{lead}{key}:")
            out.extend(f"{pad}  - {_scalar(item)}" for item in value)
        elif isinstance(value, str) and "\n" in value.strip():
            out.append(f"{lead}{key}: |")
            # Trailing spaces stay: two of them are a Markdown line break.
            out.extend(f"{pad}  {line}" if line.strip() else "" for line in _clean(value).strip("\n").split("\n"))
        else:
            out.append(f"{lead}{key}: {_scalar(value)}")


def _clean(text):
    return CONTROL.sub("", text)


def _scalar(value):
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, (int, float)):
        return repr(value)
    text = yaml.safe_dump(_clean(str(value)), allow_unicode=True, width=10**9, default_flow_style=True)
    return text[: -len("\n...\n")] if text.endswith("\n...\n") else text.rstrip("\n")
