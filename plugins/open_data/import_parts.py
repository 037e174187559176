"""The parts of a source service that become one section of a provider file:
cost, opening times, languages, accessibility, places, contact, review date.

Each takes the source (Fields) and the Conversion, so it can leave a note for
the editor; a value the provider-file check would refuse is left out, with a
note, never written as it was.
"""

import datetime
import re

from localoffer.service_directory.words import ACCESSIBILITY_FEATURES, DAYS

from .languages import CODES

DAY_CODES = {day[:2].upper(): day for day in DAYS}
PHONE = re.compile(r"^\s*(\+44\s?|0)[0-9 ()-]{8,16}$")
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
WEB = re.compile(r"^https?://[^\s/$.?#][^\s]*$")
POSTCODE = re.compile(r"^\s*[A-Za-z]{1,2}[0-9][A-Za-z0-9]?\s*[0-9][A-Za-z]{2}\s*$")
PRICE = re.compile(r"£\s*0*[1-9]")  # a price above nothing, such as £2 or £ 3.50
TIME = re.compile(r"^([01][0-9]|2[0-3]):([0-5][0-9])(:[0-5][0-9](\.[0-9]+)?)?(Z|[+-][0-9:]+)?$")
LANGUAGE_NAMES = {code: name.title() for name, code in CODES.items() if name not in ("bsl", "farsi")}
LANGUAGE_NAMES["bfi"] = "British Sign Language"
# This site's own feed labels its cost option so; other feeds' options are described in full.
OWN_COST_OPTIONS = ("Free", "There is a charge")


def cost(source, result):
    options = source.many("cost_options")
    amounts = [option.number("amount") for option in options]
    texts = []
    for option in options:
        label, description, amount = option.text("option"), option.text("amount_description"), option.number("amount")
        if label in OWN_COST_OPTIONS:
            texts.append(description)
            continue
        price = "free" if amount == 0 else f"£{amount:.2f}".replace(".00", "") if amount else None
        texts.append(" ".join(part for part in (f"{label}:" if label and (price or description) else label, price, description) if part))
    fees = source.raw("fees")  # a text in 3.0 (deprecated), a list of records in some v1 feeds
    if isinstance(fees, list):
        texts += [fee.get("description") for fee in fees if isinstance(fee, dict) and isinstance(fee.get("description"), str)]
    elif isinstance(fees, str):
        texts.append(fees.strip())
    texts = [text for text in texts if text]
    found = {}
    if any(a is not None for a in amounts):
        found["free"] = all(a == 0 for a in amounts if a is not None)
    elif any(option.text("option") == "Free" for option in options) or [t.casefold() for t in texts] == ["free"]:
        found["free"] = True
    elif any(option.text("option") == "There is a charge" for option in options) or any(PRICE.search(t) for t in texts):
        found["free"] = False
    else:
        found["free"] = False
        result.left(("service", "cost", "free"), "the source does not say whether the service is free; write yes or no")
    if texts:
        found["details"] = result.limit("; ".join(texts), 500, ("service", "cost", "details"))
    return found


def opening_times(source, result):
    found = []
    # v1 feeds also put schedules on each place (service_at_locations[].regular_schedules).
    at_places = [schedule for place in source.many("service_at_locations") for schedule in place.many("regular_schedules")]
    for schedule in source.many("schedules") + source.many("regular_schedules") + at_places:
        days = [DAY_CODES.get(code.strip().upper()) for code in (schedule.text("byday") or "").split(",") if code.strip()]
        opens, closes = _time(schedule.text("opens_at")), _time(schedule.text("closes_at"))
        words = schedule.text("description") or schedule.text("byday") or "a schedule"
        freq = (schedule.text("freq") or "WEEKLY").upper()
        interval = schedule.number("interval")
        weekly = freq == "WEEKLY" and interval in (None, 1)  # every other week is not a weekly opening time
        if not weekly or not days or None in days or not opens or not closes or closes <= opens:
            result.note(("service", "opening_times"), f"could not read \"{words}\" as weekly days and times; add it if it is right")
            continue
        times = {"days": sorted(set(days), key=DAYS.index), "opens": opens, "closes": closes}
        notes, description = schedule.text("notes"), schedule.text("description")
        if not notes and description and not _own_description(description):
            notes = description
        if notes:
            times["notes"] = result.limit(notes, 200, ("service", "opening_times"))
        found.append(times)
    return found


def _own_description(text):
    """This site's feed describes a schedule by its days and times only; other feeds' descriptions say more."""
    return bool(re.fullmatch(r"[A-Za-z ,]+, \d\d:\d\d to \d\d:\d\d", text))


def _time(text):
    match = TIME.match(text or "")
    return f"{match.group(1)}:{match.group(2)}" if match else None


def languages(source, result):
    found = []
    for language in source.many("languages"):
        name = language.text("name", "language")
        code = language.text("code")
        name = name or LANGUAGE_NAMES.get((code or "").casefold())
        if name and name not in found:
            found.append(result.limit(name, 60, ("service", "languages")))
    return found


def accessibility(source, own, result):
    found = {}
    for code in own.get("accessibility", []):
        feature, _, answer = code.partition(":")
        if feature in ACCESSIBILITY_FEATURES and answer in ("yes", "no"):
            found[feature] = answer
    records = [record for place in source.many("service_at_locations") if place.one("location")
               for record in place.one("location").many("accessibility") + place.one("location").many("accessibility_for_disabilities")]
    texts = []
    for record in records:
        for text in (record.text("description"), record.text("accessibility"), record.text("details")):
            if text and text not in texts:
                texts.append(text)
    if own.get("accessibility") or own.get("accessibility_details"):
        # This site's own feed: the places' records say the same answers in words.
        details = (own.get("accessibility_details") or [None])[0]
        for record in records:
            record.mark_all()
    else:
        details = " ".join(texts) or None
    if details:
        found["details"] = result.limit(details, 1000, ("accessibility", "details"))
    return found


def locations(source, result):
    found = []
    for place in source.many("service_at_locations"):
        location = place.one("location")
        if not location:
            continue
        kind = location.text("location_type") or "physical"
        if kind != "physical":
            result.note(("locations",), f"\"{location.text('name') or 'a place'}\" is a {kind} location, not a place families go to; it was left out")
            continue
        addresses = location.many("addresses") + location.many("physical_addresses")
        # A postal address (where to send letters) is used only when there is no other.
        addresses.sort(key=lambda address: (address.text("address_type") or "physical") != "physical")
        address = addresses[0] if addresses else None
        country = (address.text("country") or "GB").upper() if address else "GB"
        if country not in ("GB", "UK", "UNITED KINGDOM", "ENGLAND", "WALES", "SCOTLAND", "NORTHERN IRELAND"):
            result.note(("locations",), f"\"{location.text('name') or 'a place'}\" is in {country}, not the UK; it was left out")
            continue
        lines = []
        if address:
            lines = [part.strip() for part in (address.text("address_1") or "").split(", ") if part.strip()]
            lines += [text for text in (address.text("address_2"), address.text("city")) if text]
        postcode = address.text("postal_code") if address else None
        name = location.text("name") or (lines[0] if lines else None)
        if not lines or not postcode or not POSTCODE.match(postcode) or not name:
            shown = ", ".join(lines + [postcode or ""]).strip(", ") or name or "a place"
            result.note(("locations",), f"\"{shown}\" is not a UK address with a postcode, so it was left out; add it if it is right")
            continue
        entry = {"name": result.limit(name, 120, ("locations",)), "address": [result.limit(l, 120, ("locations",)) for l in lines],
                 "postcode": postcode.strip().upper()}
        latitude, longitude = location.number("latitude"), location.number("longitude")
        if latitude is not None and longitude is not None and 49 <= latitude <= 61 and -9 <= longitude <= 2.5:
            entry["latitude"], entry["longitude"] = latitude, longitude
        found.append(entry)
    return found


def contact(source, result):
    found = {}
    numbers = []
    for record in source.many("contacts"):  # a contact's name and title (often a person's) are not kept
        for phone in record.many("phones"):
            numbers.append((phone.text("number"), phone.text("description") or ""))
        email = record.text("email")
        if email and "email" not in found and EMAIL.match(email):
            found["email"] = email
    numbers += [(phone.text("number"), phone.text("description") or "") for phone in source.many("phones")]
    for number, description in numbers:
        if not number:
            continue
        key = "textphone" if description.casefold() in ("textphone", "text phone", "minicom", "sms") else "phone"
        if not PHONE.match(number):
            result.note(("contact",), f"\"{number}\" is not a UK phone number, so it was left out")
        elif key not in found:
            found[key] = number
        elif found[key] != number:
            result.note(("contact",), f"the source also gives {number}; a provider file has one {key}")
    email, website = source.text("email"), source.text("url")
    if email and EMAIL.match(email):
        found["email"] = email
    elif email:
        result.note(("contact",), f"\"{email}\" is not an email address, so it was left out")
    if website and WEB.match(website) and len(website) <= 500:
        found["website"] = website
    elif website:
        result.note(("contact",), f"\"{website}\" is not a web address starting with https://, so it was left out")
    if not any(key in found for key in ("phone", "email", "website")):
        result.left(("contact",), "the source gives no phone, email or website families can use; write at least one")
        found["website"] = "https://example.org/to-fill-in"
    return {key: found[key] for key in ("phone", "textphone", "email", "website") if key in found}


def reviewed(source, today, result):
    for key in ("assured_date", "last_modified"):
        text = source.text(key)
        if text and re.match(r"\d{4}-\d{2}-\d{2}", text):
            try:
                day = datetime.date.fromisoformat(text[:10])
            except ValueError:
                continue
            if day > today:
                result.note(("last_reviewed",), f"the source's date {text} is in the future; today's date was written")
                return today.isoformat()
            return day.isoformat()
    result.left(("last_reviewed",), "the source does not say when the service was last checked; check it and write the date")
    return today.isoformat()
