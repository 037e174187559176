"""Say what is wrong with a value, and what to write instead.

jsonschema's own messages are for programmers ("'maybe' is not of type
'boolean'"). A provider needs the fix: each schema keyword that can fail has a
sentence here, using the field's `x-write` hint where the schema gives one.
"""

import difflib

from localoffer.written_yaml.problems import content_problem, quoted
from .schema import resolve


def problems_from_error(error, loaded, display_path, schema):
    """The provider-facing problems for one jsonschema error (usually one)."""
    path = tuple(error.absolute_path)
    keyword = error.validator
    node = error.schema if isinstance(error.schema, dict) else {}
    hint = _hint(node)
    value = error.instance

    if keyword == "additionalProperties":
        known = sorted(node.get("properties", {}))
        return [
            content_problem(display_path, loaded.line_of(path + (key,)), path + (key,), _unknown_key(key, known, path))
            for key in value
            if key not in node.get("properties", {})
        ]
    if keyword == "required":
        missing = error.validator_value
        problems = []
        for key in missing:
            if isinstance(value, dict) and key in value:
                continue
            child = node.get("properties", {}).get(key, {})
            what = _what(resolve(schema, child))
            problems.append(
                content_problem(display_path, loaded.line_of(path), path + (key,), f"is missing; add `{key}:` with {what}")
            )
        return problems

    line = loaded.line_of(path)
    return [content_problem(display_path, line, path, _message(keyword, error, node, hint, value))]


def _message(keyword, error, node, hint, value):
    shown = _shown(value)
    if value is None:
        return f"is empty; write {_what(node)}"
    if keyword == "type":
        wanted = error.validator_value
        if wanted == "boolean":
            return f"{shown} is not yes or no; write yes or no"
        if wanted == "integer":
            return f"{shown} is not a whole number; write {hint or 'a whole number'}"
        if wanted == "number":
            return f"{shown} is not a number; write {hint or 'a number'}"
        if wanted == "array":
            return f"expected a list, not {_kind(value)}; write a list such as [first, second] or one `- item` per line"
        if wanted == "object":
            return f"expected a section with keys indented below it, not {_kind(value)}" + (f"; write {hint}" if hint else "")
        return f"expected text, not {_kind(value)}; write {hint or 'the text on the same line'}"
    if keyword == "enum":
        choices = [choice for choice in error.validator_value if isinstance(choice, str)]
        suggestion = _closest(str(value), choices)
        guess = f"did you mean `{suggestion}`? Or " if suggestion else ""
        return f"{shown} is not allowed here; {guess}write one of: {', '.join(choices)}"
    if keyword == "const":
        return f"{shown} is not allowed here; write {error.validator_value}"
    if keyword == "minLength":
        return f"is empty; write {_what(node)}"
    if keyword == "maxLength":
        return f"is {len(value)} characters long; shorten it to at most {error.validator_value} characters"
    if keyword == "pattern":
        return f"{shown} is not in the right form; write {hint}"
    if keyword == "minItems":
        return "is an empty list; list at least one item"
    if keyword == "uniqueItems":
        return "lists the same item twice; keep one of each"
    if keyword == "minimum":
        return f"{shown} is less than {error.validator_value}; write {hint or f'at least {error.validator_value}'}"
    if keyword == "maximum":
        return f"{shown} is more than {error.validator_value}; write {hint or f'at most {error.validator_value}'}"
    if keyword in ("anyOf", "minProperties") and isinstance(value, dict):
        return "needs at least one of phone, email or website"
    return f"{shown} is not allowed here ({error.message})"  # pragma: no cover - keyword not in the schema


def _unknown_key(key, known, path):
    where = quoted(path[-1]) if path and isinstance(path[-1], str) else "the file"
    suggestion = _closest(key, known)
    if suggestion:
        return f"{quoted(key)} is not a key of {where}; did you mean `{suggestion}`?"
    return f"{quoted(key)} is not a key of {where}; the keys here are: {', '.join(known)}"


def _closest(word, choices):
    if len(word) > 100:  # difflib's work grows with the length of the word; no key is that long
        return None
    matches = difflib.get_close_matches(word.lower(), choices, n=1, cutoff=0.6)
    return matches[0] if matches else None


def _what(node):
    """What to write, from the field's hint or else its description."""
    return node.get("x-write") or _lower_first(node.get("description", "a value"))


def _hint(node):
    return node.get("x-write")


def _lower_first(text):
    text = text.rstrip(".")
    return text[:1].lower() + text[1:]


def _shown(value):
    if isinstance(value, str):
        return quoted(value)
    if isinstance(value, bool):
        return "`yes`" if value else "`no`"
    if value is None:
        return "nothing"
    return quoted(value) if not isinstance(value, (dict, list)) else _kind(value)


def _kind(value):
    if isinstance(value, dict):
        return "a section"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "nothing"
    return f"the text {quoted(value)}"
