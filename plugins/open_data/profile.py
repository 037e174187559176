"""The Open Referral UK profile 3.0's JSON Schemas (copied into oruk/, CC BY-SA 4.0),
as validators for each kind of document the feed publishes.

The schemas give no `$schema`, so they are read as JSON Schema 2020-12; formats
are checked where jsonschema can check them without more packages (uuid,
email, date).
"""

import json
from functools import cache
from pathlib import Path

from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

SCHEMAS = Path(__file__).parent / "oruk" / "schema"
PAGE_FIELDS = {
    "total_items": {"type": "integer", "minimum": 0},
    "total_pages": {"type": "integer", "minimum": 1},
    "page_number": {"type": "integer", "minimum": 1},
    "size": {"type": "integer", "minimum": 0},
    "first_page": {"type": "boolean"},
    "last_page": {"type": "boolean"},
    "empty": {"type": "boolean"},
}


def _load(relative):
    return json.loads((SCHEMAS / relative).read_text(encoding="utf-8"))


@cache
def _registry():
    resources = [(name, Resource.from_contents(_load(name), default_specification=DRAFT202012))
                 for name in ("taxonomy.json", "taxonomy_term.json", "language.json", "phone.json")]
    return Registry().with_resources(resources)


def _validator(schema):
    return Draft202012Validator(schema, registry=_registry(), format_checker=FormatChecker())


def page_schema(item_schema):
    """A page of a list, as the profile's OpenAPI description gives it (`Page` and `contents`)."""
    return {
        "type": "object",
        "required": [*PAGE_FIELDS, "contents"],
        "properties": {**PAGE_FIELDS, "contents": {"type": "array", "items": item_schema}},
    }


@cache
def validators():
    """{kind: validator} for every kind of document in the feed."""
    return {
        "service": _validator(_load("compiled/service.json")),
        "service_list": _validator(page_schema(_load("compiled/service_list.json"))),
        "taxonomy": _validator({"$ref": "taxonomy.json"}),
        "taxonomy_list": _validator(page_schema({"$ref": "taxonomy.json"})),
        "taxonomy_term": _validator({"$ref": "taxonomy_term.json"}),
        "taxonomy_term_list": _validator(page_schema({"$ref": "taxonomy_term.json"})),
        "phone": _validator({"$ref": "phone.json"}),
        "api_root": _validator(_load_openapi_root()),
    }


def _load_openapi_root():
    root = _load("openapi.json")["paths"]["/"]["get"]["responses"]["200"]["content"]["application/json"]["schema"]
    return {**root, "required": ["version", "profile", "openapi_url"]}


def kind_of(path):
    """The kind of document at a feed path such as `open-referral/services/<id>/index.json`."""
    parts = path.strip("/").split("/")[1:]
    if parts == ["index.json"]:
        return "api_root"
    if parts == ["openapi.json"]:
        return None
    collection = {"services": "service", "taxonomies": "taxonomy", "taxonomy_terms": "taxonomy_term"}[parts[0]]
    return collection + "_list" if len(parts) == 2 else collection


def problems(kind, document):
    """Every way `document` breaks the profile, as `path: message` lines (none when it validates)."""
    found = []
    for error in sorted(validators()[kind].iter_errors(document), key=lambda e: list(map(str, e.absolute_path))):
        where = "/".join(map(str, error.absolute_path)) or "(document)"
        found.append(f"{where}: {error.message}")
    if kind == "service":
        for contact in document.get("contacts") or []:
            for phone in contact.get("phones") or []:
                found.extend(f"contacts/phones: {line}" for line in problems("phone", phone))
    return found
