"""The ways families browse: by category, need, area and age.

A Term is one category, need or area, with the services that carry it; an
AgeGroup is a band of ages with the services whose range overlaps it.
"""

from dataclasses import dataclass, field

from .schema import NEED_GROUPS, NEED_LABELS


@dataclass
class Term:
    kind: str  # "category", "need" or "area"
    id: str
    label: str
    url: str = None
    save_as: str = None
    services: list = field(default_factory=list)


@dataclass
class NeedGroup:
    label: str
    needs: list


@dataclass
class AgeGroup:
    id: str
    label: str
    min: int
    max: int
    url: str = None
    save_as: str = None
    services: list = field(default_factory=list)
    kind: str = "age"

    def includes(self, service):
        return service.age_min <= self.max and service.age_max >= self.min


def make_terms(settings):
    """Every Term of the council, keyed by (kind, id), in the council's order."""
    terms = {}
    for key, label in settings["LOCAL_OFFER_CATEGORIES"].items():
        terms[("category", key)] = Term("category", key, label, *_addresses(settings, "CATEGORY", key))
    for key, label in NEED_LABELS.items():
        terms[("need", key)] = Term("need", key, label, *_addresses(settings, "NEED", key))
    for key, label in settings["LOCAL_OFFER_AREAS"].items():
        terms[("area", key)] = Term("area", key, label, *_addresses(settings, "AREA", key))
    return terms


def make_need_groups(terms):
    return [NeedGroup(label, [terms[("need", code)] for code in codes]) for label, codes in NEED_GROUPS]


def make_age_groups(settings):
    return [
        AgeGroup(key, label, low, high, *_addresses(settings, "AGE", key))
        for key, label, low, high in settings["SERVICES_AGE_GROUPS"]
    ]


def file_services(listed, terms, age_groups):
    """Put each listed service under its terms and age groups."""
    for term in terms.values():
        term.services = []
    for group in age_groups:
        # group.includes(service), written out: a call for each service and group was most of this.
        low, high = group.min, group.max
        group.services = [service for service in listed if service.age_min <= high and service.age_max >= low]
    for service in listed:
        for term in service.categories + service.needs + service.areas:
            term.services.append(service)


def _addresses(settings, prefix, key):
    return settings[f"SERVICES_{prefix}_URL"].format(slug=key), settings[f"SERVICES_{prefix}_SAVE_AS"].format(slug=key)
