"""What a build publishes, field by field, and how two builds differ.

Every build writes `manifest.json`. A preview compares its own would-be
manifest with the one from the published site (or the main branch), so the
editorial group sees exactly what a pull request changes for families.
"""

import json

FORMAT = 1


def flatten(value, prefix=""):
    """{"service.name": "…", "service.categories": "health, early-years", "locations[0].postcode": "…"}."""
    fields = {}
    if isinstance(value, dict):
        for key, item in value.items():
            fields.update(flatten(item, f"{prefix}.{key}" if prefix else key))
    elif isinstance(value, list) and any(isinstance(item, (dict, list)) for item in value):
        for index, item in enumerate(value):
            fields.update(flatten(item, f"{prefix}[{index}]"))
    elif isinstance(value, list):
        fields[prefix] = ", ".join(str(item) for item in value)
    elif isinstance(value, bool):
        fields[prefix] = "yes" if value else "no"
    elif value is not None:
        fields[prefix] = str(value)
    return fields


def build_manifest(published):
    """`published`: (id, data) pairs of what the build publishes (drafts never)."""
    return {
        "format": FORMAT,
        "services": {service_id: flatten(data) for service_id, data in sorted(published)},
    }


def _compact(value):
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def manifest_line(service_id, data):
    """One service's line of manifest.json: its id and its fields (`data` as `build_manifest` takes it)."""
    return _service_line(service_id, flatten(data))


def _service_line(service_id, fields):
    return f"{_compact(service_id)}:{_compact(fields)}"


# manifest.json is HEAD, its services' lines with SEPARATOR between two, and TAIL
# (manifest_cache.py joins them as bytes).
HEAD = f'{{"format":{_compact(FORMAT)},"services":{{\n'
SEPARATOR = ",\n"
TAIL = "\n}}\n"


def manifest_text(lines):
    """manifest.json made of its services' lines, in the order of their ids. One service a
    line: a diff of two manifests reads service by service, and json's C encoder (which
    indenting turns off) keeps 10,000 services fast."""
    return HEAD + SEPARATOR.join(lines) + TAIL


def manifest_json(manifest):
    """The text of a manifest `build_manifest` made."""
    return manifest_text(_service_line(service_id, fields) for service_id, fields in manifest["services"].items())


def read_manifest(path):
    """The baseline manifest, or None with the reason it could not be read."""
    try:
        with open(path, encoding="utf-8") as handle:
            manifest = json.load(handle)
    except OSError as error:
        return None, f"could not read {path}: {error.strerror}"
    except ValueError as error:
        return None, f"{path} is not a manifest (not JSON: {error})"
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT or not isinstance(manifest.get("services"), dict):
        return None, f"{path} is not a manifest of format {FORMAT}"
    return manifest, None


def compare(before, after):
    """Services added, removed and changed, with each changed field's old and new text."""
    old, new = before["services"], after["services"]
    changed = []
    for service_id in sorted(set(old) & set(new)):
        fields = [
            (field, old[service_id].get(field), new[service_id].get(field))
            for field in sorted(set(old[service_id]) | set(new[service_id]))
            if old[service_id].get(field) != new[service_id].get(field)
        ]
        if fields:
            changed.append((service_id, fields))
    return {
        "added": sorted(set(new) - set(old)),
        "removed": sorted(set(old) - set(new)),
        "changed": changed,
    }
