"""A service as the site shows it, made from a checked provider file.

`Service` is a Pelican content object, so its address comes from the
SERVICE_URL and SERVICE_SAVE_AS settings and other plugins (sitemaps, search)
see it like a page. Its attributes are the template contract in
plugins/README.md: plain text for everything a provider wrote, `*_html` only
for Markdown this project rendered and sanitised.
"""

import datetime
from functools import cached_property
from types import SimpleNamespace

from pelican.contents import Content

from . import words


class Service(Content):
    mandatory_properties = ("title",)
    allowed_statuses = ("published", "draft", "closed")
    default_template = "service"

    @property
    def closed(self):
        return self.status == "closed"

    # Pelican works a content object's address out from its settings and source
    # path each time it is asked; listings ask tens of thousands of times.
    @cached_property
    def url(self):
        return Content.url.fget(self)

    @cached_property
    def save_as(self):
        return Content.save_as.fget(self)

    # Markdown is rendered only when a page or another plugin asks for it, so
    # that a rebuild which skips unchanged pages does not render them.
    @cached_property
    def description_html(self):
        # The description sits under "About this service" (<h2>), so its headings start at <h3>.
        return self._renderer.render(self._markdown["description"], heading_offset=1)

    @cached_property
    def how_to_access_html(self):
        # This section sits under an <h2> on the service page, so its headings start at <h3>.
        return self._renderer.render(self._markdown["how_to_access"], heading_offset=1)

    @cached_property
    def how_to_complain_html(self):
        text = self._markdown["how_to_complain"]
        return self._renderer.render(text, heading_offset=1) if text else None

    @cached_property
    def send_support(self):
        support = self._markdown["send_support"]
        return [
            (heading, self._renderer.render(support[key], heading_offset=2))
            for key, heading in words.SEND_SUPPORT_HEADINGS.items()
            if support.get(key)
        ]

    # Pelican's `content` is the description.
    @property
    def _content(self):
        return self.description_html

    @_content.setter
    def _content(self, value):
        pass


def make_service(data, source_path, terms, renderer, settings, context, stale_before):
    """Build the Service for one valid provider file. `terms` maps
    ("category" | "need" | "area", id) to its Term."""
    service_data = data["service"]
    metadata = {
        "title": service_data["name"],
        "slug": data["id"],
        "status": data.get("status", "published"),
        "summary": service_data["summary"],
        "template": "service",
    }
    service = Service("", metadata=metadata, settings=settings,
                      source_path=str(source_path), context=context)
    service._renderer = renderer
    access = service_data["how_to_access"]
    service._markdown = {
        "description": service_data["description"],
        "how_to_access": access["details"],
        "how_to_complain": service_data.get("how_to_complain"),
        "send_support": service_data.get("send_support") or {},
    }

    service.id = data["id"]
    service.name = service_data["name"]
    organisation = data["organisation"]
    service.organisation = SimpleNamespace(
        name=organisation["name"],
        website=organisation.get("website"),
        charity_number=organisation.get("charity_number"),
    )

    needs = service_data.get("needs") or []
    areas = service_data["areas"]
    service.all_needs = needs == ["all"]
    service.all_areas = areas == ["all"]
    service.categories = [terms[("category", key)] for key in service_data["categories"]]
    service.needs = _expand(terms, "need", needs)
    service.areas = _expand(terms, "area", areas)

    ages = service_data["age_range"]
    service.age_min, service.age_max = ages["min"], ages["max"]
    service.age_text = words.age_text(ages["min"], ages["max"])

    cost = service_data["cost"]
    service.free = cost["free"]
    service.cost_text = "Free" if cost["free"] else "There is a charge"
    service.cost_details = cost.get("details")

    referral = access["referral"]
    service.referral_labels = [words.REFERRAL_LABELS[key] for key in referral]
    service.self_referral = "self" in referral
    service.referral_text = "You can contact them yourself" if service.self_referral else "Needs a referral"

    service.opening_times = [
        SimpleNamespace(days_text=words.days_text(times["days"]), opens=times["opens"],
                        closes=times["closes"], notes=times.get("notes"))
        for times in service_data.get("opening_times") or []
    ]
    service.languages = list(service_data.get("languages") or [])
    service.keywords = list(service_data.get("keywords") or [])

    eligibility = data["eligibility"]
    service.who_can_use = eligibility["who_can_use"]
    service.diagnosis_needed = eligibility["diagnosis_needed"]
    service.ehcp_needed = eligibility["ehcp_needed"]
    service.criteria = list(eligibility.get("criteria") or [])

    access_features = data.get("accessibility") or {}
    service.accessibility = [
        SimpleNamespace(id=key, label=label, value=access_features.get(key, "unknown"),
                        answer=words.FEATURE_ANSWERS[access_features.get(key, "unknown")])
        for key, label in words.ACCESSIBILITY_FEATURES.items()
    ]
    service.accessibility_details = access_features.get("details")

    service.locations = [
        SimpleNamespace(name=place["name"], address=list(place["address"]),
                        postcode=words.postcode_text(place["postcode"]),
                        latitude=place.get("latitude"), longitude=place.get("longitude"))
        for place in data.get("locations") or []
    ]
    # A listing card's answer to "where is it": the town, the last line of each address.
    service.place_text = words.place_text([place.address[-1] for place in service.locations])
    service.contact = _contact(data["contact"])
    service.not_stated = _not_stated(service)
    service.image_sources = list(data.get("images") or [])
    service.images = []  # filled in when the pictures are copied (images.py)

    service.last_reviewed = datetime.date.fromisoformat(data["last_reviewed"])
    service.last_reviewed_text = words.date_text(service.last_reviewed)
    # Families are told when a provider has not checked its file for a long time.
    service.review_overdue = service.last_reviewed < stale_before
    service.easy_read = data.get("easy_read")
    return service


def _not_stated(service):
    """What families often ask and the provider left empty, as one short list
    ("opening times", "step-free access") for the service page, instead of one
    "Ask the service" row for each."""
    missing = []
    if not service.opening_times:
        missing.append("opening times")
    if not service.free and not service.cost_details:
        missing.append("how much it costs")
    relevant = [feature for feature in service.accessibility
                if service.locations or feature.id not in words.PLACE_FEATURES]
    unknown = [feature for feature in relevant if feature.value == "unknown"]
    if len(unknown) > 3 and len(unknown) == len(relevant):
        missing.append("accessibility")  # nothing stated at all: one word, not nine
    else:
        missing += [words.in_sentence(feature.label) for feature in unknown]
    if not service.languages:
        missing.append("languages and interpreters")
    return missing


def _expand(terms, kind, ids):
    if ids == ["all"]:
        return [term for (term_kind, _), term in terms.items() if term_kind == kind]
    return [terms[(kind, key)] for key in ids]


def _contact(contact):
    phone, textphone, email = contact.get("phone"), contact.get("textphone"), contact.get("email")
    return SimpleNamespace(
        phone=phone.strip() if phone else None,
        phone_href=words.phone_href(phone) if phone else None,
        textphone=textphone.strip() if textphone else None,
        textphone_href=words.phone_href(textphone) if textphone else None,
        email=email,
        email_href=f"mailto:{email}" if email else None,
        website=contact.get("website"),
    )
