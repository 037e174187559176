"""The quick schema check (schema_check.compile_valid) says yes exactly when jsonschema finds no error.

A file it wrongly said yes to would be published with a schema error, so it is
held to jsonschema on every provider file in the repository, generated files,
and each value of each file replaced by values of every JSON type, keys added
and keys removed.
"""

import copy
import random
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from bench.make_providers import write_providers
from localoffer.service_directory.coerce import coerce
from localoffer.service_directory.schema import inline_refs, site_schema
from localoffer.service_directory.schema_check import TYPES, compile_valid
from localoffer.written_yaml.loader import load_file

ROOT = Path(__file__).parent.parent
SCHEMA = site_schema(["health", "activities-and-short-breaks"], ["fenwick", "eastbridge"])
FLAT = inline_refs(SCHEMA)
JSONSCHEMA = Draft202012Validator(FLAT)
VALID = compile_valid(FLAT)
PROVIDER_FILES = sorted(
    path for pattern in ("providers/*.yaml", "tests/**/providers/*.yaml", "tests/fixtures/providers/valid/*.yaml")
    for path in ROOT.glob(pattern)
)
VALUES = [None, True, False, 0, 1, -1, 7, 120, 1.5, 2.0, -0.0, "", " ", "x", "yes", "health", "fenwick", "all",
          "monday", "2026-01-31", "NM1 4AB", "01632 960123", "a" * 300, [], ["x"], ["health", "health"], [1], {}, {"a": 1}]


def data_of(path):
    loaded, _ = load_file(path, "providers/x.yaml")
    return None if loaded is None else coerce(loaded.data, SCHEMA, SCHEMA)


def agree(data):
    found = [error.message for error in JSONSCHEMA.iter_errors(data)]
    assert VALID(data) == (not found), found


def places(data, path=()):
    """Every key path in `data`, containers before what they hold."""
    yield path
    items = data.items() if isinstance(data, dict) else enumerate(data) if isinstance(data, list) else ()
    for key, value in items:
        yield from places(value, path + (key,))


def replaced(data, path, value):
    data = copy.deepcopy(data)
    if not path:
        return value
    parent = data
    for key in path[:-1]:
        parent = parent[key]
    parent[path[-1]] = value
    return data


def test_the_schema_has_a_quick_check():
    assert VALID is not None


@pytest.mark.parametrize("path", PROVIDER_FILES, ids=lambda path: str(path.relative_to(ROOT)))
def test_each_provider_file_in_the_repository(path):
    agree(data_of(path))


def test_each_value_replaced_by_each_kind_of_value_added_or_removed(tmp_path):
    write_providers(tmp_path, 3, 5)
    files = [ROOT / "tests/fixtures/providers/valid/complete-service.yaml", *sorted(tmp_path.glob("*.yaml"))]
    for data in map(data_of, files):
        agree(data)
        for path in list(places(data)):
            for value in VALUES:
                agree(replaced(data, path, value))
            parent = replaced(data, (), data)
            for key in path[:-1]:
                parent = parent[key]
            if isinstance(parent, dict) and path:
                agree(replaced(data, path[:-1], {key: value for key, value in parent.items() if key != path[-1]}))
                agree(replaced(data, path[:-1], {**parent, "unexpected": "x"}))


def test_random_mixtures_of_changes():
    chooser = random.Random(16)
    data = data_of(ROOT / "tests/fixtures/providers/valid/complete-service.yaml")
    every = list(places(data))
    for _ in range(300):
        changed = data
        for path in chooser.sample(every, 3):
            try:
                changed = replaced(changed, path, chooser.choice(VALUES))
            except (KeyError, IndexError, TypeError):
                pass  # an earlier change took this place away
        agree(changed)


@pytest.mark.parametrize("value", VALUES + [float("inf"), 10**30, 3.0], ids=repr)
def test_types_are_jsonschemas(value):
    for name, test in TYPES.items():
        assert test(value) == JSONSCHEMA.is_type(value, name), name


@pytest.mark.parametrize("keyword", [{"patternProperties": {"^a": {}}}, {"not": {}}, {"prefixItems": []},
                                     {"type": "strange"}, {"dependentRequired": {}}])
def test_a_schema_with_a_keyword_it_does_not_know_gets_no_quick_check(keyword):
    assert compile_valid({"type": "object", "properties": {"a": keyword}}) is None
