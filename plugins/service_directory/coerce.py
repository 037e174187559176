"""Turn a provider's written text into the types the schema asks for.

The loader keeps every value as text (see loader.py). Where the schema wants a
yes/no, a whole number or a number, the text is converted here; text that does
not convert is left as it is, so the schema reports it with the right message.
"""

import re

from .schema import resolve

YES = {"yes", "true"}
NO = {"no", "false"}
PHONE_CHARACTERS = re.compile(r"[0-9+ ()\-]+\s*")
POSTCODE = re.compile(r"\s*([A-Za-z]{1,2}[0-9][A-Za-z0-9]?)\s*([0-9][A-Za-z]{2})\s*")


def coerce(value, node, schema):
    node = resolve(schema, node)
    kind = node.get("type")
    if isinstance(value, dict) and kind == "object":
        properties = node.get("properties", {})
        return {
            key: coerce(item, properties[key], schema) if key in properties else item
            for key, item in value.items()
        }
    if isinstance(value, list) and kind == "array" and "items" in node:
        return [coerce(item, node["items"], schema) for item in value]
    if not isinstance(value, str):
        return value
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
            return lowered
    return value
