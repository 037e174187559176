"""One service from an Open Referral feed (3.0 UK profile or the older v1 shape)
as a provider file's data, with a note for the editor wherever something had
to be left to them.

A required field the source does not give makes the service a draft, with a
placeholder that passes the provider-file check and a "TO DO" comment above
it; a value worked out from another field gets a "Check" comment. Categories,
needs, ages, areas and referral routes come only from this site's own terms
(in its own feed) or the mapping file, never from guessing.
"""

from dataclasses import dataclass, field

from localoffer.service_directory.schema import NEED_LABELS
from localoffer.service_directory.words import SEND_SUPPORT_HEADINGS

from .html_markdown import to_markdown, to_plain_text
from .import_mapping import term_key
from .import_parts import WEB, accessibility, contact, cost, languages, locations, opening_times, reviewed
from .taxonomy import TEXT_FIELDS

OWN_CODED = {"categories", "send-needs", "areas", "referral", "accessibility", "eligibility"}


@dataclass
class Conversion:
    data: dict
    todo: dict = field(default_factory=dict)  # path tuple -> [line]: required, left for the editor
    check: dict = field(default_factory=dict)  # path tuple -> [line]: worked out or left out, to check

    @property
    def is_draft(self):
        return bool(self.todo)

    def left(self, path, line):
        self.todo.setdefault(path, []).append("TO DO: " + line)

    def note(self, path, line):
        self.check.setdefault(path, []).append("Check: " + line)

    def limit(self, text, length, path):
        """`text` cut to the provider file's limit; a cut text is left for the editor to shorten."""
        if text and len(text) > length:
            self.left(path, f"the source's text was longer than {length} characters and was cut; shorten it")
            return text[: length - 1].rstrip() + "…"
        return text


@dataclass
class Terms:
    own: dict  # this site's own attributes: field or taxonomy key -> [code or text]
    keys: list  # every other term's name, code and id, as mapping keys
    names: list  # every other term's name, for the editor


def convert(source, mapping, categories, areas, today):
    """`source`: Fields of one service. Returns a Conversion (the caller sets the file's id)."""
    result = Conversion({"template_version": 1, "id": None, "status": "published"})
    terms = read_terms(source)
    own = terms.own
    result.data["organisation"] = organisation(source, result)
    service = result.data["service"] = {"name": result.limit(source.text("name"), 120, ("service", "name"))}
    description = to_markdown(source.raw("description"))
    summary = (own.get("summary") or [None])[0]
    if not summary:
        summary = first_sentence(to_plain_text(description))
        result.note(("service", "summary"), "made from the first sentence of the description; write one or two plain sentences")
    service["summary"] = result.limit(summary, 200, ("service", "summary"))
    service["description"] = description
    service["categories"] = choose_categories(terms, mapping, categories, result)
    unmatched = [name for name in terms.names if not mapping.knows(term_key(name))]
    if unmatched:
        result.note(("service", "categories"), "the mapping file has no entry for the source's terms "
                    + ", ".join(f'"{name}"' for name in unmatched) + "; add what they mean here, or to the mapping file")
    needs = [n for n in own.get("send-needs", []) if n in NEED_LABELS or n == "all"] or mapping.lookup("needs", terms.keys)
    if needs:
        service["needs"] = needs
    else:
        result.note(("service", "categories"), f"no need matched the source's terms ({_names(terms)}); "
                    "add needs: if the service is designed for some")
    service["age_range"] = ages(source, terms, mapping, result)
    service["areas"] = choose_areas(source, terms, mapping, areas, result)
    service["cost"] = cost(source, result)
    service["how_to_access"] = access(source, terms, mapping, result)
    waiting = waiting_time(own, result)
    if waiting:
        service["waiting_time"] = waiting
    for key, value in (("opening_times", opening_times(source, result)), ("languages", languages(source, result)),
                       ("keywords", [result.limit(w, 60, ("service", "keywords")) for w in own.get("keyword", [])])):
        if value:
            service[key] = value
    if own.get("how_to_complain"):
        service["how_to_complain"] = to_markdown(own["how_to_complain"][0])
    support = {key: to_markdown(own[f"send_support.{key}"][0]) for key in SEND_SUPPORT_HEADINGS if own.get(f"send_support.{key}")}
    if support:
        service["send_support"] = support
    result.data["eligibility"] = eligibility(source, own, service["age_range"], result)
    for key, value in (("accessibility", accessibility(source, own, result)), ("locations", locations(source, result))):
        if value:
            result.data[key] = value
    result.data["contact"] = contact(source, result)
    result.data["last_reviewed"] = reviewed(source, today, result)
    status = (source.text("status") or "active").casefold()
    if status == "temporarily closed":
        result.data["status"] = "closed"
    elif status in ("inactive", "defunct"):
        result.left(("status",), f"the source says this service is {status}; publish it only if it runs again")
    if result.is_draft:
        result.data["status"] = "draft"
    return result


def waiting_time(own, result):
    """This site's own waiting-time attributes (oruk_mapping writes them), or None."""
    weeks = (own.get("waiting_time.weeks") or [""])[0].strip()
    if not weeks:
        return None
    if not (weeks.isascii() and weeks.isdigit()) or int(weeks) > 104:
        result.note(("service", "waiting_time"), f"the source's waiting time `{weeks[:20]}` was left out: it is not a number of weeks "
                    "from 0 to 104; add waiting_time: with weeks: and the number, if the service says")
        return None
    found = {"weeks": int(weeks)}
    details = (own.get("waiting_time.details") or [None])[0]
    if details:
        found["details"] = result.limit(details, 300, ("service", "waiting_time", "details"))
    return found


def read_terms(source):
    own, keys, names = {}, [], []
    for attribute in source.many("attributes"):
        link_type = attribute.text("link_type") or ""
        value = attribute.raw("value")
        term = attribute.one("taxonomy_term")
        code = term.text("term") if term else None
        if link_type in TEXT_FIELDS and isinstance(value, str):
            own.setdefault(link_type, []).append(value)
        elif link_type in OWN_CODED and code:
            own.setdefault(link_type, []).append(code)
            # Another Local Offer's categories and areas are not this site's: their names may be in the mapping.
            keys += [term_key(v) for v in (term.text("name"), code) if v]
        elif term:
            name = term.text("name")
            keys += [term_key(v) for v in (name, code, term.raw("id")) if v]
            names.append(name or code)
            continue
        else:
            continue
        if term:  # this site's own term: its name and description say nothing more
            for key in ("name", "description", "taxonomy", "term_uri"):
                term.raw(key)
    for link in source.many("service_taxonomys"):  # v1
        taxonomy = link.one("taxonomy")
        if taxonomy:
            name = taxonomy.text("name")
            keys += [term_key(v) for v in (name, taxonomy.raw("id")) if v]
            names.append(name)
            taxonomy.raw("vocabulary")
    return Terms(own, keys, sorted({n for n in names if n}))


def _names(terms):
    return ", ".join(f'"{name}"' for name in terms.names) or "none"


def organisation(source, result):
    org = source.one("organization")
    name = org.text("name") if org else None
    if not name:
        result.left(("organisation", "name"), "the source names no organisation; write who runs the service")
        return {"name": "To fill in"}
    found = {"name": result.limit(name, 120, ("organisation", "name"))}
    website = org.text("website", "url")
    if website and WEB.match(website) and len(website) <= 500:
        found["website"] = website
    for identifier in org.many("organization_identifiers"):
        scheme = identifier.text("identifier_scheme") or ""
        kind = (identifier.text("identifier_type") or "").casefold()
        number = identifier.text("identifier")
        if number and (scheme == "GB-CHC" or "charity" in kind) and len(number) <= 20:
            found["charity_number"] = number
    return found


def choose_categories(terms, mapping, categories, result):
    chosen = [c for c in terms.own.get("categories", []) if c in categories] or mapping.lookup("categories", terms.keys)
    if chosen:
        return chosen
    result.left(("service", "categories"), f"no category matched the source's terms ({_names(terms)}); "
                f"choose from {', '.join(categories)}")
    return [next(iter(categories))]


def choose_areas(source, terms, mapping, areas, result):
    found = [a for a in terms.own.get("areas", []) if a in areas or a == "all"]
    named = []
    for area in source.many("service_areas"):
        for name in (area.text("name"), area.text("service_area")):
            if name and name not in named:
                named.append(name)
    if not found:
        by_name = {term_key(label): code for code, label in areas.items()} | {term_key(code): code for code in areas}
        for name in named:
            code = by_name.get(term_key(name)) or next(iter(mapping.lookup("areas", [term_key(name)])), None)
            if code and code not in found:
                found.append(code)
    found = found or mapping.lookup("areas", terms.keys) or list(mapping.default_areas)
    if found:
        return found
    result.left(("service", "areas"), f"no area matched the source's service areas ({', '.join(named) or 'none'}); "
                f"write [all] or choose from {', '.join(areas)}")
    return ["all"]


def ages(source, terms, mapping, result):
    low, high = source.number("minimum_age"), source.number("maximum_age")
    for rule in source.many("eligibilitys"):  # v1
        low = rule.number("minimum_age") if low is None else low
        high = rule.number("maximum_age") if high is None else high
    if low is None and high is None:
        band = mapping.age_range(terms.keys)
        if band:
            return {"min": band[0], "max": band[1]}
        result.left(("service", "age_range"), "the source gives no ages; write the youngest and oldest age, 0 to 25")
        return {"min": 0, "max": 25}
    low, high = int(low or 0), int(high if high is not None else 25)
    if low > 25 or high < low:
        result.left(("service", "age_range"), f"the source's ages ({low} to {high}) are not within 0 to 25; "
                    "a Local Offer lists services for ages 0 to 25")
        return {"min": 0, "max": 25}
    if high > 25:
        result.note(("service", "age_range"), f"the source's oldest age was {high}; the Local Offer's is 25")
    return {"min": max(low, 0), "max": min(high, 25)}


def access(source, terms, mapping, result):
    referral = [r for r in terms.own.get("referral", []) if r] or mapping.lookup("referral", terms.keys) \
        or list(mapping.default_referral)
    path = ("service", "how_to_access")
    if not referral:
        result.left(path + ("referral",), "the source does not say who can refer; "
                    "list self, professional, gp, school, social-care or ehcp")
        referral = ["self"]
    details = (terms.own.get("how_to_access") or [None])[0] or source.text("application_process")
    if not details:
        details = "Contact the service to find out how to start."
        result.note(path + ("details",), "the source does not say how to start using the service; say what families do")
    return {"referral": referral, "details": to_markdown(details)}


def eligibility(source, own, age_range, result):
    texts = [source.text("eligibility_description")] + [rule.text("eligibility") for rule in source.many("eligibilitys")]
    texts = [to_plain_text(to_markdown(text)) for text in texts if text]
    found = {}
    if own.get("who_can_use") or texts:
        text = own["who_can_use"][0] if own.get("who_can_use") else " ".join(texts)
        found["who_can_use"] = result.limit(text, 500, ("eligibility", "who_can_use"))
    else:
        found["who_can_use"] = f"Children and young people aged {age_range['min']} to {age_range['max']}."
        result.note(("eligibility", "who_can_use"), "made from the ages; say who the service is for")
    rules = dict(code.split(":", 1) for code in own.get("eligibility", []) if ":" in code)
    for key, what in (("diagnosis_needed", "a diagnosis"), ("ehcp_needed", "an EHC plan")):
        found[key] = rules.get(key) == "yes"
        if key not in rules:
            result.note(("eligibility", key), f"the source does not say whether {what} is needed; no was written")
    criteria = [result.limit(text, 300, ("eligibility", "criteria")) for text in own.get("criteria", [])]
    if criteria:
        found["criteria"] = criteria
    return found


def first_sentence(text):
    """The first sentence of `text` (or its first 200 characters, cut at a word)."""
    for end in (". ", "! ", "? "):
        if end in text[:200]:
            return text[: text.index(end) + 1]
    if len(text) <= 200:
        return text
    return text[:199].rsplit(" ", 1)[0] + "…"
