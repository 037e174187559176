"""schema.org JSON-LD for a service page, so search engines can show the
service, who runs it, where and when.

The data sits in a `<script type="application/ld+json">` element: data, not
script, so a strict Content Security Policy allows it. Provider text could
hold `</script>`; every `<`, `>` and `&` is written as a JSON escape
(\\u003c ...), so no text can end the element early or start a new one.
"""

import json

from markupsafe import Markup

from localoffer.service_directory.words import DAYS

from .settings import base_url

DAY_NAMES = {day: f"https://schema.org/{day.capitalize()}" for day in DAYS}
ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"}


def service_json_ld(data, service, settings):
    """The schema.org description of one service, as a dict."""
    base = base_url(settings)
    fields, contact = data["service"], data["contact"]
    council = settings.get("COUNCIL_NAME")
    hours = [opening_hours(times) for times in fields.get("opening_times") or []]
    provider = {"@type": "Organization", "name": data["organisation"]["name"]}
    if data["organisation"].get("website"):
        provider["url"] = data["organisation"]["website"]
    point = {"@type": "ContactPoint", "contactType": "enquiries"}
    for key, name in (("phone", "telephone"), ("email", "email"), ("website", "url")):
        if contact.get(key):
            point[name] = contact[key].strip()
    if hours:
        point["hoursAvailable"] = hours
    provider["contactPoint"] = point
    document = {
        "@context": "https://schema.org",
        # A service the council itself runs is a government service.
        "@type": "GovernmentService" if council and data["organisation"]["name"] == council else "Service",
        "name": fields["name"],
        "description": fields["summary"],
        "url": f"{base}/{service.url}",
        "provider": provider,
        "audience": {"@type": "PeopleAudience", "suggestedMinAge": fields["age_range"]["min"],
                     "suggestedMaxAge": fields["age_range"]["max"]},
        "areaServed": [{"@type": "AdministrativeArea", "name": term.label} for term in service.areas],
        "category": [term.label for term in service.categories],
    }
    if fields.get("languages"):
        document["availableLanguage"] = list(fields["languages"])
    if fields["cost"]["free"]:
        document["offers"] = {"@type": "Offer", "price": "0", "priceCurrency": "GBP"}
    places = [place_json_ld(place, hours) for place in service.locations]
    if places:
        document["availableChannel"] = [{"@type": "ServiceChannel", "serviceLocation": place} for place in places]
    return document


def place_json_ld(place, hours):
    lines = list(place.address)
    address = {"@type": "PostalAddress", "streetAddress": ", ".join(lines[:-1]) or lines[0],
               "postalCode": place.postcode, "addressCountry": "GB"}
    if len(lines) > 1:
        address["addressLocality"] = lines[-1]
    document = {"@type": "Place", "name": place.name, "address": address}
    if place.latitude is not None and place.longitude is not None:
        document["geo"] = {"@type": "GeoCoordinates", "latitude": place.latitude, "longitude": place.longitude}
    if hours:
        document["openingHoursSpecification"] = hours
    return document


def opening_hours(times):
    return {
        "@type": "OpeningHoursSpecification",
        "dayOfWeek": [DAY_NAMES[day] for day in sorted(set(times["days"]), key=DAYS.index)],
        "opens": times["opens"],
        "closes": times["closes"],
    }


def script_json(document):
    """JSON that is safe inside <script type="application/ld+json">."""
    text = json.dumps(document, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    for character, escape in ESCAPES.items():
        text = text.replace(character, escape)
    return Markup(text)


class JsonLdGlobal:
    """The Jinja global `service_json_ld(service)`: finds the service's provider file among
    `provider_files()` (local_offer.provider_files), once, then renders its JSON-LD."""

    def __init__(self, provider_files, settings):
        self.provider_files, self.settings = provider_files, settings
        self._data = None

    def __call__(self, service):
        if self._data is None:
            self._data = {str(checked.path): checked.data for checked in self.provider_files()}
        data = self._data.get(service.source_path)
        return script_json(service_json_ld(data, service, self.settings)) if data else Markup("")
