"""One service, as the Open Referral UK profile 3.0 describes a fully nested service.

One function per Open Referral object, each taking the site's `Service` (its
`.record` is what the provider wrote, as the model in
service_directory/model.py; the service adds its address and labels) and the
`Site` (the base address and the taxonomies). What the profile has no field
for is an attribute: see README.md.
"""

from dataclasses import dataclass, field

from localoffer.service_directory.words import ACCESSIBILITY_FEATURES, DAYS, SEND_SUPPORT_HEADINGS

from . import ids
from .languages import language_code
from .taxonomy import term_document

STATUS = {"published": "active", "closed": "temporarily closed"}
BYDAY = {day: day[:2].upper() for day in DAYS}
# org-id.guide's scheme for charities registered with the Charity Commission for England and Wales.
CHARITY_SCHEME = "GB-CHC"


@dataclass
class Site:
    base: str  # the site's address, no final slash
    name: str  # SITENAME
    taxonomies: dict  # key -> Taxonomy
    state_province: str = ""
    _terms: dict = field(default_factory=dict, repr=False)

    def term(self, taxonomy_key, code):
        """A term's document, made once per build: thousands of attributes link to the same few terms."""
        key = (taxonomy_key, code)
        if key not in self._terms:
            self._terms[key] = term_document(self.taxonomies[taxonomy_key], code, self.base)
        return self._terms[key]


def oruk_service(service, site):
    record = service.record
    sid, fields = record.id, record.service
    reviewed = record.last_reviewed.isoformat()
    service_uuid = ids.service_uuid(site.base, sid)
    document = {
        "id": service_uuid,
        "organization_id": ids.organisation_uuid(site.base, record.organisation.name),
        "name": fields.name,
        "description": fields.description.strip(),
        "status": STATUS[record.status],
        "minimum_age": fields.age_range.min,
        "maximum_age": fields.age_range.max,
        "assured_date": reviewed,
        # Provider files carry no time of change; the day they were checked is the honest nearest.
        "last_modified": f"{reviewed}T00:00:00.000Z",
        "organization": oruk_organization(record.organisation, site),
        "schedules": [oruk_schedule(times, index, sid, site) for index, times in enumerate(fields.opening_times)],
        "service_areas": [oruk_service_area(term, sid, site) for term in service.areas],
        "service_at_locations": [oruk_service_at_location(record, index, site) for index in range(len(record.locations))],
        "languages": [oruk_language(name, index, sid, site) for index, name in enumerate(fields.languages)],
        "funding": [],
        "cost_options": [oruk_cost_option(fields.cost, sid, site)],
        "contacts": oruk_contacts(record.contact, fields.name, sid, site),
        "attributes": oruk_attributes(service, site),
    }
    contact = record.contact
    if contact.website:
        document["url"] = contact.website
    if contact.email:
        document["email"] = contact.email
    if record.status == "closed":
        document["alert"] = "This service is temporarily closed."
    return document


def oruk_service_summary(document):
    """The one-to-one fields of a service, as a page of services lists them."""
    summary = {key: value for key, value in document.items() if not isinstance(value, (list, dict))}
    summary["organization"] = {key: value for key, value in document["organization"].items() if not isinstance(value, list)}
    return summary


def oruk_organization(organisation, site):
    org_uuid = ids.organisation_uuid(site.base, organisation.name)
    document = {
        "id": org_uuid,
        "name": organisation.name,
        # The profile needs a description; provider files have none for the organisation.
        "description": f"{organisation.name} runs services listed on the {site.name}.",
        "organization_identifiers": [],
        "attributes": [],
    }
    if organisation.website:
        document["website"] = organisation.website
    if organisation.charity_number:
        document["organization_identifiers"].append({
            "id": ids.address_uuid(f"{site.base}/organisations/{ids.slug(organisation.name)}#charity"),
            "organization_id": org_uuid,
            "identifier_scheme": CHARITY_SCHEME,
            "identifier_type": "Charity number",
            "identifier": organisation.charity_number,
        })
    return document


def oruk_schedule(times, index, sid, site):
    opens, closes = times.opens, times.closes
    schedule = {
        "id": ids.part_uuid(site.base, sid, f"schedule-{index}"),
        "service_id": ids.service_uuid(site.base, sid),
        "freq": "WEEKLY",
        "interval": 1,
        "byday": ",".join(BYDAY[day] for day in sorted(set(times.days), key=DAYS.index)),
        "opens_at": f"{opens}:00",
        "closes_at": f"{closes}:00",
        "description": f"{times.days_text}, {opens} to {closes}",
    }
    if times.notes:
        schedule["notes"] = times.notes
    return schedule


def oruk_service_area(term, sid, site):
    return {
        "id": ids.part_uuid(site.base, sid, f"area-{term.id}"),
        "service_id": ids.service_uuid(site.base, sid),
        "name": term.label,
        "service_area": term.label,
    }


def oruk_service_at_location(record, index, site):
    sid = record.id
    return {
        "id": ids.part_uuid(site.base, sid, f"service-at-location-{index}"),
        "service_id": ids.service_uuid(site.base, sid),
        "location_id": ids.part_uuid(site.base, sid, f"location-{index}"),
        "location": oruk_location(record, index, site),
    }


def oruk_location(record, index, site):
    sid, place = record.id, record.locations[index]
    location_uuid = ids.part_uuid(site.base, sid, f"location-{index}")
    location = {
        "id": location_uuid,
        "location_type": "physical",
        "name": place.name,
        "addresses": [oruk_address(place, location_uuid, sid, index, site)],
        "accessibility": oruk_accessibility(record.accessibility, location_uuid, sid, index, site),
        "attributes": [],
    }
    for key in ("latitude", "longitude"):
        if getattr(place, key) is not None:
            location[key] = getattr(place, key)
    return location


def oruk_address(place, location_uuid, sid, index, site):
    """The last address line is the town; the lines before it are address_1, joined with ", "."""
    lines = list(place.address)
    return {
        "id": ids.part_uuid(site.base, sid, f"address-{index}"),
        "location_id": location_uuid,
        "address_1": ", ".join(lines[:-1]) if len(lines) > 1 else lines[0],
        "city": lines[-1] if len(lines) > 1 else "",
        "state_province": site.state_province,
        "postal_code": place.postcode,
        "country": "GB",
        "address_type": "physical",
    }


def oruk_accessibility(features, location_uuid, sid, index, site):
    """One record per place: what is there in words, and each answer as an attribute."""
    answered = [(key, getattr(features, key)) for key in ACCESSIBILITY_FEATURES if getattr(features, key) in ("yes", "no")]
    if not answered and not features.details:
        return []
    record_uuid = ids.part_uuid(site.base, sid, f"accessibility-{index}")
    record = {
        "id": record_uuid,
        "location_id": location_uuid,
        "attributes": [oruk_attribute("accessibility", f"{key}:{value}", record_uuid, f"{sid}/location-{index}", site)
                       for key, value in answered],
    }
    if answered:
        record["description"] = ". ".join(f"{ACCESSIBILITY_FEATURES[key]}: {value}" for key, value in answered) + "."
    if features.details:
        record["details"] = features.details
    return [record]


def oruk_language(name, index, sid, site):
    language = {
        "id": ids.part_uuid(site.base, sid, f"language-{index}"),
        "service_id": ids.service_uuid(site.base, sid),
        "name": name,
    }
    code = language_code(name)
    if code:
        language["code"] = code
    return language


def oruk_cost_option(cost, sid, site):
    option = {
        "id": ids.part_uuid(site.base, sid, "cost"),
        "service_id": ids.service_uuid(site.base, sid),
        "option": "Free" if cost.free else "There is a charge",
    }
    if cost.free:
        option["amount"] = 0
    if cost.details:
        option["amount_description"] = cost.details
    return option


def oruk_contacts(contact, service_name, sid, site):
    """The phone and textphone, on one contact named after the service (the profile's
    service has no phones of its own)."""
    contact_uuid = ids.part_uuid(site.base, sid, "contact")
    phones = [
        oruk_phone(getattr(contact, key), label, contact_uuid, sid, site)
        for key, label in (("phone", "Phone"), ("textphone", "Textphone"))
        if getattr(contact, key)
    ]
    if not phones:
        return []
    return [{
        "id": contact_uuid,
        "service_id": ids.service_uuid(site.base, sid),
        "name": service_name,
        "title": "Enquiries",
        "phones": phones,
        "attributes": [],
    }]


def oruk_phone(number, label, contact_uuid, sid, site):
    return {
        "id": ids.part_uuid(site.base, sid, f"phone-{label.lower()}"),
        "contact_id": contact_uuid,
        "number": number.strip(),
        "description": label,
        "languages": [],
    }


def oruk_attributes(service, site):
    """Categories, needs, areas, referral routes, accessibility answers, rules, then text."""
    record = service.record
    sid, fields = record.id, record.service
    link = ids.service_uuid(site.base, sid)
    coded = [("categories", code) for code in fields.categories]
    coded += [("send-needs", code) for code in fields.needs]
    coded += [("areas", code) for code in fields.areas]
    coded += [("referral", code) for code in fields.how_to_access.referral]
    features = record.accessibility
    coded += [("accessibility", f"{key}:{getattr(features, key)}") for key in ACCESSIBILITY_FEATURES
              if getattr(features, key) in ("yes", "no")]
    eligibility = record.eligibility
    coded += [("eligibility", f"{key}:{'yes' if getattr(eligibility, key) else 'no'}") for key in ("diagnosis_needed", "ehcp_needed")]
    attributes = [oruk_attribute(taxonomy, code, link, sid, site) for taxonomy, code in coded]

    texts = [("summary", fields.summary), ("who_can_use", eligibility.who_can_use)]
    texts += [("criteria", text) for text in eligibility.criteria]
    texts += [("how_to_access", fields.how_to_access.details.strip())]
    if fields.how_to_complain:
        texts.append(("how_to_complain", fields.how_to_complain.strip()))
    texts += [("keyword", word) for word in fields.keywords]
    if features.details:
        texts.append(("accessibility_details", features.details))
    support = fields.send_support
    texts += [(f"send_support.{key}", getattr(support, key).strip()) for key in SEND_SUPPORT_HEADINGS
              if support and getattr(support, key)]
    texts.append(("local_offer_page", f"{site.base}/{service.url}"))
    # The profile's service has no waiting time (HSDS 3.0's wait_time is not in it): attributes carry it,
    # last, so that adding one leaves the other attributes' ids as they were.
    if fields.waiting_time:
        texts.append(("waiting_time.weeks", str(fields.waiting_time.weeks)))
        if fields.waiting_time.details:
            texts.append(("waiting_time.details", fields.waiting_time.details))
    attributes += [oruk_attribute("fields", code, link, f"{sid}/text-{index}", site, value=text)
                   for index, (code, text) in enumerate(texts)]
    return attributes


def oruk_attribute(taxonomy_key, code, link_id, salt, site, value=None):
    """An attribute linking `link_id` to a term of one of the site's taxonomies; text in `value`
    (HSDS 3.0's field for it) when the term names a field rather than a value."""
    term = site.term(taxonomy_key, code)
    attribute = {
        "id": ids.address_uuid(f"{site.base}/open-referral/attributes/{salt}/{taxonomy_key}/{code}"),
        "link_id": link_id,
        "link_type": taxonomy_key if value is None else code,
        "taxonomy_term_id": term["id"],
        "taxonomy_term": term,
    }
    if value is not None:
        attribute["value"] = value
    return attribute
