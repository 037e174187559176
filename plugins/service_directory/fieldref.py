"""Write the blank template and the field reference from the schema.

The schema is the one statement of the template; `providers/_template.yaml`
and the table in `providers/FIELDS.md` are made from it by `invoke fieldref`,
and a test fails when they fall behind it.
"""

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
