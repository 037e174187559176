"""Whether a file's data meets the schema, answered quickly; jsonschema says what is wrong.

jsonschema's `iter_errors` was the largest part of checking a provider file
(about 40%): it builds a validator object for every value it descends into,
to be able to say where each error is. Most files have no schema error, and
for those only the answer matters. So the schema (with its `$ref`s inlined)
is turned once into plain functions that answer yes or no, for the keywords
the schema uses, with jsonschema's own meaning for each (its `equal` and
`uniq` for enum, const and uniqueItems; its type rules, which tests compare).
Only a file they say no to goes through jsonschema, whose errors become the
messages as before. A schema with a keyword not known here gets no quick
check (`compile_valid` returns None), and every file goes through jsonschema.
"""

import re

from jsonschema._utils import equal, uniq

# Keywords that say nothing about validity (jsonschema checks `format` only with a format checker).
ANNOTATIONS = {"$schema", "$id", "$comment", "title", "description", "examples", "default", "format",
               "deprecated", "readOnly", "writeOnly"}

# JSON Schema 2020-12's types, as jsonschema's draft 2020-12 type checker has them.
TYPES = {
    "object": lambda value: isinstance(value, dict),
    "array": lambda value: isinstance(value, list),
    "string": lambda value: isinstance(value, str),
    "boolean": lambda value: isinstance(value, bool),
    "null": lambda value: value is None,
    "integer": lambda value: (isinstance(value, int) and not isinstance(value, bool))
    or (isinstance(value, float) and value.is_integer()),
    "number": lambda value: isinstance(value, (int, float)) and not isinstance(value, bool),
}
_is_string, _is_array, _is_object, _is_number = TYPES["string"], TYPES["array"], TYPES["object"], TYPES["number"]


class _Unknown(Exception):
    """A keyword the quick check does not know."""


def compile_valid(schema):
    """A function `valid(data) -> bool` that agrees with jsonschema on `schema`
    (which has no `$ref`: schema.inline_refs), or None when it cannot."""
    try:
        return _compile(schema)
    except _Unknown:
        return None


def _compile(node):
    if node is True or node == {}:
        return lambda value: True
    if node is False:
        return lambda value: False
    checks = []
    for keyword, argument in node.items():
        if keyword in ANNOTATIONS or keyword.startswith("x-"):
            continue
        if keyword not in _KEYWORDS:
            raise _Unknown(keyword)
        checks.append(_KEYWORDS[keyword](argument, node))
    return _all_of(checks)


def _all_of(checks):
    # Written out for the usual two or three checks: a generator for every value was
    # most of the time this check took.
    if len(checks) == 1:
        return checks[0]
    if len(checks) == 2:
        first, second = checks
        return lambda value: first(value) and second(value)
    if len(checks) == 3:
        first, second, third = checks
        return lambda value: first(value) and second(value) and third(value)

    def every(value):
        for check in checks:
            if not check(value):
                return False
        return True

    return every


def _type(names, node):
    names = [names] if isinstance(names, str) else names
    if any(name not in TYPES for name in names):
        raise _Unknown(names)
    tests = [TYPES[name] for name in names]
    return tests[0] if len(tests) == 1 else lambda value: any(test(value) for test in tests)


def _properties(properties, node):
    compiled = {name: _compile(schema) for name, schema in properties.items()}

    def each_property(value):
        if isinstance(value, dict):
            for name, item in value.items():
                valid = compiled.get(name)
                if valid is not None and not valid(item):
                    return False
        return True

    return each_property


def _additional_properties(schema, node):
    if "patternProperties" in node:
        raise _Unknown("patternProperties")
    known = node.get("properties", {})
    if schema is False:
        return lambda value: not _is_object(value) or all(name in known for name in value)
    valid = _compile(schema)
    return lambda value: not _is_object(value) or all(valid(item) for name, item in value.items() if name not in known)


def _items(schema, node):
    if "prefixItems" in node:
        raise _Unknown("prefixItems")
    valid = _compile(schema)
    return lambda value: not _is_array(value) or all(map(valid, value))


def _pattern(pattern, node):
    search = re.compile(pattern).search
    return lambda value: not _is_string(value) or search(value) is not None


def _enum(choices, node):
    if all(isinstance(choice, str) for choice in choices):
        # jsonschema's `equal` compares text with == (and text is never equal to anything else).
        words = frozenset(choices)
        return lambda value: isinstance(value, str) and value in words
    return lambda value: any(equal(choice, value) for choice in choices)


def _any_of(schemas, node):
    compiled = [_compile(schema) for schema in schemas]
    return lambda value: any(valid(value) for valid in compiled)


_KEYWORDS = {
    "type": _type,
    "properties": _properties,
    "additionalProperties": _additional_properties,
    "required": lambda names, node: lambda value: not _is_object(value) or all(name in value for name in names),
    "items": _items,
    "minItems": lambda least, node: lambda value: not _is_array(value) or len(value) >= least,
    "maxItems": lambda most, node: lambda value: not _is_array(value) or len(value) <= most,
    "uniqueItems": lambda unique, node: lambda value: not unique or not _is_array(value) or uniq(value),
    "minLength": lambda least, node: lambda value: not _is_string(value) or len(value) >= least,
    "maxLength": lambda most, node: lambda value: not _is_string(value) or len(value) <= most,
    "pattern": _pattern,
    "minimum": lambda least, node: lambda value: not _is_number(value) or value >= least,
    "maximum": lambda most, node: lambda value: not _is_number(value) or value <= most,
    "enum": _enum,
    "const": lambda constant, node: lambda value: equal(value, constant),
    "anyOf": _any_of,
}
