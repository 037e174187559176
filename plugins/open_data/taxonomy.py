"""The vocabularies the open data uses, published as Open Referral taxonomies.

Each category, need, area, referral route, accessibility answer and yes-or-no
rule of a service is an attribute that links to a term here, so a reader of
the feed can look every term up at /open-referral/taxonomy_terms/. The
`fields` taxonomy names the text the profile has no field for (the summary,
who can use the service, ...): its attributes carry the text in `value`.
"""

from dataclasses import dataclass, field

from localoffer.service_directory.schema import NEED_LABELS
from localoffer.service_directory.words import ACCESSIBILITY_FEATURES, REFERRAL_LABELS, SEND_SUPPORT_HEADINGS

from . import ids

# Text a provider writes that has no field in the profile: carried in an attribute's `value`.
TEXT_FIELDS = {
    "summary": "Summary: one or two plain sentences about the service",
    "how_to_access": "How to access the service (Markdown)",
    "waiting_time.weeks": "About how many weeks families usually wait for a first appointment (a whole number; 0 is less than a week)",
    "waiting_time.details": "Anything else families should know about the wait",
    "who_can_use": "Who can use the service",
    "criteria": "Another condition for using the service",
    "keyword": "A word families might search for",
    "how_to_complain": "How to complain about the service (Markdown)",
    "accessibility_details": "Anything else about getting in and getting around",
    "local_offer_page": "The service's page on the Local Offer",
    **{f"send_support.{key}": f"{heading} (Markdown)" for key, heading in SEND_SUPPORT_HEADINGS.items()},
}
RULES = {"diagnosis_needed": "A diagnosis is needed", "ehcp_needed": "An Education, Health and Care plan is needed"}


@dataclass
class Taxonomy:
    key: str
    name: str
    description: str
    terms: dict = field(default_factory=dict)  # code -> (name, description, page address or None)


def site_taxonomies(settings, base):
    """Every taxonomy of this site, in a stable order."""
    site = settings.get("SITENAME") or "Local Offer"

    def page(setting, code):
        pattern = settings.get(setting)
        return f"{base}/{pattern.format(slug=code)}" if isinstance(pattern, str) and pattern else None

    categories = Taxonomy("categories", f"{site} categories", f"The types of service on the {site}.")
    for code, label in settings["LOCAL_OFFER_CATEGORIES"].items():
        categories.terms[code] = (label, f"{label}: a type of service on the {site}.", page("SERVICES_CATEGORY_URL", code))
    needs = Taxonomy("send-needs", "Special educational needs",
                     "The Department for Education's SEN type codes: the needs a service is designed for.")
    for code, label in NEED_LABELS.items():
        needs.terms[code] = (label, f"{label}: a special educational need (SEN type code {code.upper()}).",
                             page("SERVICES_NEED_URL", code))
    needs.terms["all"] = ("Every need", "The service is for every special educational need.", None)
    areas = Taxonomy("areas", f"{site} areas", f"The areas where families must live to use a service on the {site}.")
    for code, label in settings["LOCAL_OFFER_AREAS"].items():
        areas.terms[code] = (label, f"{label}: an area of the {site}.", None)
    areas.terms["all"] = ("Every area", f"The service is for families in every area of the {site}.", None)
    referral = Taxonomy("referral", "Referral routes", "Who can refer a child or young person to a service.")
    for code, label in REFERRAL_LABELS.items():
        referral.terms[code] = (label, f"Referral: {label}.", None)
    access = Taxonomy("accessibility", "Accessibility features",
                      "Whether a service has each feature; a feature not listed means the service did not say.")
    for code, label in ACCESSIBILITY_FEATURES.items():
        access.terms[f"{code}:yes"] = (f"{label}: yes", f"The service has this: {label}.", None)
        access.terms[f"{code}:no"] = (f"{label}: no", f"The service does not have this: {label}.", None)
    rules = Taxonomy("eligibility", "Eligibility rules", "Whether a service needs a diagnosis or an EHC plan.")
    for code, label in RULES.items():
        rules.terms[f"{code}:yes"] = (f"{label}: yes", f"{label} to use the service.", None)
        rules.terms[f"{code}:no"] = (f"{label}: no", f"No: {label.lower()} is not required.", None)
    fields = Taxonomy("fields", "Local Offer fields",
                      "Text the Open Referral UK profile has no field for; the attribute's value holds the text.")
    for code, label in TEXT_FIELDS.items():
        fields.terms[code] = (label, label + ".", None)
    return [categories, needs, areas, referral, access, rules, fields]


def taxonomy_document(taxonomy, base):
    """One taxonomy as Open Referral's `taxonomy`, without its terms."""
    return {
        "id": ids.taxonomy_uuid(base, taxonomy.key),
        "name": taxonomy.name,
        "description": taxonomy.description,
        "uri": f"{base}/open-referral/taxonomies/{ids.taxonomy_uuid(base, taxonomy.key)}/",
        "version": "1",
    }


def term_document(taxonomy, code, base):
    """One term as Open Referral's `taxonomy_term`."""
    name, description, page = taxonomy.terms[code]
    term = {
        "id": ids.term_uuid(base, taxonomy.key, code),
        "name": name,
        "description": description,
        "taxonomy": taxonomy.name,
        "taxonomy_id": ids.taxonomy_uuid(base, taxonomy.key),
        "term": code,
    }
    if page:
        term["term_uri"] = page
    return term
