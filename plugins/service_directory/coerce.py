"""Turn a provider's written text into the types the schema asks for.

The loader keeps every value as text (see loader.py). Where the schema wants a
yes/no, a whole number or a number, the text is converted here; text that does
not convert is left as it is, so the schema reports it with the right message.
"""

import re
import sys

from .schema import resolve

YES = {"yes", "true"}
NO = {"no", "false"}
PHONE_CHARACTERS = re.compile(r"[0-9+ ()\-]+\s*")
POSTCODE = re.compile(r"\s*([A-Za-z]{1,2}[0-9][A-Za-z0-9]?)\s*([0-9][A-Za-z]{2})\s*")


def coerce(value, node, schema):
    """`value` as the schema's `node` (in `schema`) asks for it."""
    return _compiled(node, schema)(value)


def compile_coerce(schema):
    """`coerce(value, schema, schema)` as one function, made once: the schema's
    references followed and its sections' fields looked up when it is made, not
    for every value of every file (which was most of coerce's time)."""
    return _compiled(schema, schema)


def _compiled(node, schema):
    node = resolve(schema, node)
    kind = node.get("type")
    if kind == "object":
        properties = {key: _compiled(item, schema) for key, item in node.get("properties", {}).items()}

        def convert_section(value):
            if isinstance(value, dict):
                return {key: properties[key](item) if key in properties else item for key, item in value.items()}
            return _coerce_text(value, node, kind) if isinstance(value, str) else value

        return convert_section
    if kind == "array" and "items" in node:
        item_of = _compiled(node["items"], schema)

        def convert_list(value):
            if isinstance(value, list):
                return [item_of(item) for item in value]
            return _coerce_text(value, node, kind) if isinstance(value, str) else value

        return convert_list
    return lambda value: _coerce_text(value, node, kind) if isinstance(value, str) else value


def _coerce_text(value, node, kind):
    if node.get("x-normalise") == "phone" and PHONE_CHARACTERS.fullmatch(value):
        # `(01632) 960-123` is shown and dialled as `01632 960 123`: digits, + and single spaces.
        return " ".join(value.replace("(", " ").replace(")", " ").replace("-", " ").split())
    if node.get("x-normalise") == "postcode":
        # `nm14ab` is shown, exported and searched as `NM1 4AB`.
        found = POSTCODE.fullmatch(value)
        return f"{found[1].upper()} {found[2].upper()}" if found else value
    if kind == "boolean":
        word = value.strip().lower()
        if word in YES:
            return True
        if word in NO:
            return False
    elif kind == "integer":
        text = value.strip()
        if text.isdigit() or (text.startswith("-") and text[1:].isdigit()):
            return int(text)
    elif kind == "number":
        try:
            return float(value)
        except ValueError:
            pass
    elif "enum" in node and all(isinstance(choice, str) for choice in node["enum"]):
        # `Yes`, `ASD` and `Monday` mean what `yes`, `asd` and `monday` mean.
        lowered = value.strip().lower()
        if lowered in node["enum"]:
            # One copy of each word: a service's record holds about 17 ("yes", "asd", "monday"...),
            # each a new string of its own, 0.9 KB a service held to the end of a build.
            return sys.intern(lowered)
    return value
