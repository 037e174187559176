"""The mapping file of `import-oruk`: which source taxonomy terms mean which
category, need, age band, area and referral route (oruk_import_mapping.yaml
is the default, and documents the format)."""

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from localoffer.service_directory.schema import NEED_LABELS
from localoffer.service_directory.words import REFERRAL_LABELS

DEFAULT_MAPPING = Path(__file__).parent / "oruk_import_mapping.yaml"


class MappingError(Exception):
    pass


def term_key(text):
    """Capitals, spaces and punctuation do not matter: `Speech, Language` == `speech language`."""
    return re.sub(r"[^a-z0-9]+", " ", str(text).casefold()).strip()


@dataclass
class Mapping:
    categories: dict = field(default_factory=dict)  # term key -> [category id]
    needs: dict = field(default_factory=dict)
    areas: dict = field(default_factory=dict)
    referral: dict = field(default_factory=dict)
    ages: list = field(default_factory=list)  # (set of term keys, min, max)
    default_areas: list = field(default_factory=list)
    default_referral: list = field(default_factory=list)
    notes: list = field(default_factory=list)  # problems found in the file, for the report

    def lookup(self, kind, keys):
        """The targets of `kind` that any of the term keys mean, in a stable order, without repeats."""
        table = getattr(self, kind)
        found = []
        for key in keys:
            for target in table.get(key, []):
                if target not in found:
                    found.append(target)
        return found

    def knows(self, key):
        """True when some entry of the file lists the term key."""
        return any(key in getattr(self, kind) for kind in ("categories", "needs", "areas", "referral")) \
            or any(key in terms for terms, _, _ in self.ages)

    def age_range(self, keys):
        bands = [(low, high) for terms, low, high in self.ages if terms & set(keys)]
        return (min(b[0] for b in bands), max(b[1] for b in bands)) if bands else None


def read_mapping(path, categories, areas):
    """The Mapping in `path` (the default file when None), for a council's category and area ids."""
    path = Path(path) if path else DEFAULT_MAPPING
    try:
        document = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except OSError as error:
        raise MappingError(f"could not read the mapping file {path}: {error.strerror}") from None
    except yaml.YAMLError as error:
        raise MappingError(f"the mapping file {path} is not valid YAML: {error}") from None
    if not isinstance(document, dict):
        raise MappingError(f"the mapping file {path} must be a YAML mapping with categories, needs, ages, areas, referral")
    mapping = Mapping()
    vocabularies = {"categories": set(categories), "needs": set(NEED_LABELS), "areas": set(areas),
                    "referral": set(REFERRAL_LABELS)}
    for kind, allowed in vocabularies.items():
        section = document.get(kind) or {}
        if not isinstance(section, dict):
            mapping.notes.append(f"{kind} must map ids to lists of terms; it was left out")
            continue
        table = getattr(mapping, kind)
        for target, terms in section.items():
            if target not in allowed:
                mapping.notes.append(f"{kind}: `{target}` is not one of this site's ids, so its terms are not used")
                continue
            for term in terms if isinstance(terms, list) else [terms]:
                table.setdefault(term_key(term), []).append(target)
    for band in document.get("ages") or []:
        if isinstance(band, dict) and isinstance(band.get("min"), int) and isinstance(band.get("max"), int) \
                and 0 <= band["min"] <= band["max"] <= 25 and isinstance(band.get("terms"), list):
            mapping.ages.append(({term_key(term) for term in band["terms"]}, band["min"], band["max"]))
        else:
            mapping.notes.append(f"ages: {band!r} needs terms (a list) and whole-year min and max from 0 to 25; it was left out")
    defaults = document.get("defaults") or {}
    for kind, allowed in (("areas", set(areas) | {"all"}), ("referral", set(REFERRAL_LABELS))):
        values = (defaults.get(kind) or []) if isinstance(defaults, dict) else []
        good = [value for value in values if value in allowed] if isinstance(values, list) else []
        if good != values:
            mapping.notes.append(f"defaults.{kind}: only {', '.join(sorted(allowed))} may be used; others were left out")
        setattr(mapping, f"default_{kind}", good)
    return mapping
