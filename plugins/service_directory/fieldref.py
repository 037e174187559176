"""Write the blank template and the field reference from the schema.

The schema is the one statement of the template; `providers/_template.yaml`
and the table in `providers/FIELDS.md` are made from it by `invoke fieldref`,
and a test fails when they fall behind it.
"""

import re
import textwrap
from pathlib import Path

from .schema import NEED_LABELS, base_schema, resolve

TEMPLATE_NAME = "_template.yaml"
REFERENCE_NAME = "FIELDS.md"

# What the blank template shows for each kind of value.
PLACEHOLDERS = {
    "boolean": "no",
    "integer": "0",
    "number": "",
    "feature": "unknown",
}


def fields(schema=None):
    """Every field as (dotted path, resolved node, required?), in the schema's order."""
    schema = schema or base_schema()
    result = []

    def walk(node, path, required):
        node = resolve(schema, node)
        result.append((path, node, required))
        if node.get("type") == "object":
            for key, child in node.get("properties", {}).items():
                walk(child, f"{path}.{key}" if path else key, key in node.get("required", []))
        elif node.get("type") == "array" and resolve(schema, node.get("items", {})).get("type") == "object":
            walk(node["items"], f"{path}[]", True)

    walk(schema, "", True)
    return result[1:]


def reference_markdown(schema=None):
    lines = [
        "# Provider file fields",
        "",
        "Made from `plugins/service_directory/schema.json` by `invoke fieldref`; do not edit by hand.",
        "`*` marks a required field (inside its section, if the section is given).",
        "",
        "| field | what to write | meaning |",
        "|---|---|---|",
    ]
    for path, node, required in fields(schema):
        lines.append(f"| `{path}`{'*' if required else ''} | {_what_to_write(node)} | {_escape(node.get('description', ''))} |")
    lines += ["", "Need codes: " + "; ".join(f"`{code}` {label}" for code, label in NEED_LABELS.items()) + ".", ""]
    return "\n".join(lines)


def blank_template(schema=None):
    schema = schema or base_schema()
    lines = [
        "# The provider template, version 1. Copy this file to providers/<id>.yaml,",
        "# fill it in, and delete what does not apply. Lines starting with # are notes.",
        "# Every field is explained in providers/FIELDS.md. This file is never published.",
    ]

    def emit(node, key, indent, required):
        node = resolve(schema, node)
        pad = "  " * indent
        note = node.get("description", "")
        if not required:
            note = "Optional. " + note
        for line in textwrap.wrap(note, 100 - len(pad)):
            lines.append(f"{pad}# {line}")
        kind = node.get("type")
        if kind == "object":
            lines.append(f"{pad}{key}:")
            for child_key, child in node.get("properties", {}).items():
                emit(child, child_key, indent + 1, child_key in node.get("required", []))
        elif kind == "array" and resolve(schema, node.get("items", {})).get("type") == "object":
            item = resolve(schema, node["items"])
            lines.append(f"{pad}{key}:")
            first = True
            for child_key, child in item.get("properties", {}).items():
                child = resolve(schema, child)
                value = _placeholder(child)
                prefix = f"{pad}  - " if first else f"{pad}    "
                lines.append(f"{prefix}{child_key}: {value}".rstrip())
                first = False
        else:
            lines.append(f"{pad}{key}: {_placeholder(node)}".rstrip())

    for key, node in schema["properties"].items():
        emit(node, key, 0, key in schema["required"])
    return "\n".join(lines) + "\n"


def write_template_files(folder):
    folder = Path(folder)
    (folder / TEMPLATE_NAME).write_text(blank_template(), encoding="utf-8")
    (folder / REFERENCE_NAME).write_text(reference_markdown(), encoding="utf-8")


def _placeholder(node):
    if "const" in node:
        return str(node["const"])
    if node.get("type") == "array":
        return "[]"
    if node.get("type") == "string" and "enum" in node:
        return node.get("default", "unknown" if "unknown" in node["enum"] else "")
    return PLACEHOLDERS.get(node.get("type"), "")


def _what_to_write(node, schema=None):
    schema = schema or base_schema()
    kind = node.get("type")
    if "const" in node:
        return f"`{node['const']}`"
    if node.get("x-write"):
        return _escape(node["x-write"])
    if node.get("x-vocabulary"):
        extra = " or `all`" if "all" in node["enum"] else ""
        return f"an id from the council's `{node['x-vocabulary']}` setting{extra}"
    if kind == "string" and node.get("enum"):
        return "one of " + ", ".join(f"`{value}`" for value in node["enum"])
    if kind == "array":
        item = resolve(schema, node.get("items", {}))
        return "a list" if item.get("type") == "object" else f"a list, each {_what_to_write(item, schema)}"
    if kind == "object":
        return "a section"
    if node.get("x-format") == "markdown":
        return "Markdown"
    if kind == "string":
        limit = f", at most {node['maxLength']} characters" if "maxLength" in node else ""
        return f"text{limit}"
    return kind or ""


def _escape(text):
    return str(text).replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;")


# What `invoke new-provider` writes where the provider has not said yet. The
# file starts as a draft, so these words are never published by accident.
STARTER_VALUES = {
    "template_version": 1,
    "status": "draft",
    "service.summary": "Say in one or two sentences what the service offers and who it is for.",
    "service.description": "Describe what happens at the service, in short paragraphs or a list.",
    "service.age_range.min": 0,
    "service.age_range.max": 25,
    "service.areas": ["all"],
    "service.cost.free": False,
    "service.how_to_access.referral": ["self"],
    "service.how_to_access.details": "Tell families what to do first: phone, email or just turn up.",
    "eligibility.who_can_use": "Say who can use the service, in plain words.",
    "eligibility.diagnosis_needed": False,
    "eligibility.ehcp_needed": False,
}


def starter_file(values, schema=None):
    """A new provider file: `values` (keyed by dotted path) and the starter
    words fill the required fields; optional fields are there as notes to
    un-comment. It validates as it is, as a draft."""
    schema = schema or base_schema()
    chosen = dict(STARTER_VALUES, **values)
    lines = [
        "# A new Local Offer service. It is a draft: it will not be published until the",
        "# editorial group changes `status: draft` to `status: published`. Replace the",
        "# starter words, un-comment (remove the # from) any optional line you need, and",
        "# check the file with: .venv/bin/invoke validate -- providers/<this file>.",
        "# Every field is explained in providers/FIELDS.md.",
    ]

    def emit(node, key, path, indent, commented):
        node = resolve(schema, node)
        pad = "  " * indent
        mark = "# " if commented else ""
        for line in textwrap.wrap(node.get("description", ""), 100 - len(pad)):
            lines.append(f"{pad}# {line}")
        if node.get("type") == "object":
            lines.append(f"{pad}{mark}{key}:")
            for child_key, child in node.get("properties", {}).items():
                child_path = f"{path}.{child_key}"
                child_commented = commented or not _wanted(schema, child, child_path, child_key in node.get("required", []), chosen)
                emit(child, child_key, child_path, indent + 1, child_commented)
        elif path in chosen:
            lines.append(f"{pad}{mark}{key}: {_yaml_value(chosen[path])}")
        else:
            lines.append(f"{pad}# {key}: {_example(node)}".rstrip())

    for key, node in schema["properties"].items():
        commented = not _wanted(schema, node, key, key in schema["required"], chosen)
        emit(node, key, key, 0, commented)
    return "\n".join(lines) + "\n"


def _wanted(schema, node, path, required, chosen):
    """Is a field written out (rather than left as a note)?"""
    if path in chosen:
        return True
    node = resolve(schema, node)
    if node.get("type") == "object":
        return required or any(key.startswith(path + ".") for key in chosen)
    return False


def _yaml_value(value):
    import json

    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list):
        return "[" + ", ".join(str(item) for item in value) + "]"
    if isinstance(value, int):
        return str(value)
    text = str(value)
    if re.fullmatch(r"[a-z][a-z0-9-]*", text) and text not in ("yes", "no", "true", "false", "null"):
        return text
    # JSON's double-quoted strings are YAML too: colons, # and quotes stay text.
    return json.dumps(text, ensure_ascii=False)


def _example(node):
    if node.get("examples"):
        return _yaml_value(node["examples"][0])
    if node.get("type") == "array":
        return "[]"
    return _placeholder(node)
