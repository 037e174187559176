"""/open-data/services.csv: one row per published service, for spreadsheet users.

UTF-8 with a byte order mark, so that Excel shows accents and Welsh letters;
lists inside a cell are separated by "; ". Provider text is untrusted: a cell
that starts with =, +, - or @ is a formula to a spreadsheet, so it gets a
leading apostrophe, as OWASP advises for CSV files.
"""

import csv
import io

from localoffer.service_directory.words import ACCESSIBILITY_FEATURES

from . import ids

COLUMNS = [
    "open_referral_id", "id", "name", "status", "organisation", "organisation_website", "charity_number",
    "summary", "categories", "needs", "age_min", "age_max", "areas", "free", "cost_details", "referral",
    "waiting_weeks", "waiting_details",
    "phone", "textphone", "email", "website", "locations", "opening_times", "languages",
    *ACCESSIBILITY_FEATURES, "accessibility_details", "last_reviewed", "page",
]
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_line(service, base):
    """One service's row as the file holds it, with its line break, formulas defused. A row is
    written alone, so a rebuild joins the kept rows of the services that did not change."""
    return _line([_cell(value) for value in _values(service, base)])


def _line(cells):
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerow(cells)
    return buffer.getvalue()


def _values(service, base):
    record = service.record
    fields, contact, organisation, features = record.service, record.contact, record.organisation, record.accessibility
    places = [f"{place.name}, {', '.join(place.address)}, {place.postcode}" for place in record.locations]
    waiting = fields.waiting_time
    times = [f"{t.days_text} {t.opens} to {t.closes}" + (f" ({t.notes})" if t.notes else "") for t in fields.opening_times]
    return [
        ids.service_uuid(base, record.id), record.id, fields.name, record.status,
        organisation.name, organisation.website, organisation.charity_number,
        fields.summary, _labels(service.categories), "all" if service.all_needs else _labels(service.needs),
        fields.age_range.min, fields.age_range.max,
        "all" if service.all_areas else _labels(service.areas),
        "yes" if fields.cost.free else "no", fields.cost.details,
        "; ".join(fields.how_to_access.referral),
        waiting.weeks if waiting else None, waiting.details if waiting else None,
        contact.phone, contact.textphone, contact.email, contact.website,
        " | ".join(places), "; ".join(times), "; ".join(fields.languages),
        *[getattr(features, key) for key in ACCESSIBILITY_FEATURES], features.details,
        record.last_reviewed.isoformat(), f"{base}/{service.url}",
    ]


def _labels(terms):
    return "; ".join(term.label for term in terms)


def _cell(value):
    if value is None:
        return ""
    text = str(value)
    return "'" + text if text.startswith(FORMULA_START) else text


# The file is this, then each service's csv_line in the feed's order (joined.joined, nothing between two).
CSV_HEAD = ("\ufeff" + _line(COLUMNS)).encode("utf-8")
