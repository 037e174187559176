"""The provider template as a JSON Schema, with this council's vocabularies.

`schema.json` is the contract for editors and CI; categories and areas are
local, so their lists are filled in from the council's settings here.
"""

import copy
import json
from functools import lru_cache
from pathlib import Path

SCHEMA_FILE = Path(__file__).with_name("schema.json")

NEED_LABELS = {
    "asd": "Autism",
    "slcn": "Speech, language and communication",
    "spld": "Specific learning difficulty (such as dyslexia)",
    "mld": "Moderate learning difficulty",
    "sld": "Severe learning difficulty",
    "pmld": "Profound and multiple learning difficulty",
    "semh": "Social, emotional and mental health",
    "hi": "Hearing impairment",
    "vi": "Vision impairment",
    "msi": "Multi-sensory impairment",
    "pd": "Physical disability",
    "oth": "Other",
}

# The Code of Practice's four broad areas of need, in its order.
NEED_GROUPS = [
    ("Communication and interaction", ["asd", "slcn"]),
    ("Cognition and learning", ["spld", "mld", "sld", "pmld"]),
    ("Social, emotional and mental health", ["semh"]),
    ("Sensory and physical", ["hi", "vi", "msi", "pd"]),
    ("Other needs", ["oth"]),
]


@lru_cache(maxsize=1)
def base_schema():
    with open(SCHEMA_FILE, encoding="utf-8") as handle:
        return json.load(handle)


def site_schema(categories, areas):
    """The schema with the council's category and area ids as the allowed values."""
    schema = copy.deepcopy(base_schema())
    vocabularies = {"LOCAL_OFFER_CATEGORIES": list(categories), "LOCAL_OFFER_AREAS": list(areas)}
    for definition in schema["$defs"].values():
        name = definition.get("x-vocabulary")
        if name:
            definition["enum"] = definition["enum"] + vocabularies[name]
    return schema


def inline_refs(schema):
    """The schema with every local `$ref` replaced by what it points at.
    jsonschema validates a schema without references several times faster,
    which matters for a directory of ten thousand files."""

    def expand(node):
        if isinstance(node, dict):
            return {key: expand(value) for key, value in resolve(schema, node).items()}
        if isinstance(node, list):
            return [expand(item) for item in node]
        return node

    flat = expand({key: value for key, value in schema.items() if key != "$defs"})
    return flat


def resolve(schema, node):
    """Follow a local `$ref`, keeping the node's own description."""
    if "$ref" in node:
        target = schema
        for part in node["$ref"].removeprefix("#/").split("/"):
            target = target[part]
        merged = dict(target)
        merged.update({key: value for key, value in node.items() if key != "$ref"})
        return merged
    return node
