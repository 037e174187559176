"""The words families read for the template's codes and values."""

import re

REFERRAL_LABELS = {
    "self": "Families can contact the service directly",
    "professional": "A professional who works with your family",
    "gp": "A GP",
    "school": "A school, nursery or college",
    "social-care": "A social worker",
    "ehcp": "Through an Education, Health and Care plan",
}

ACCESSIBILITY_FEATURES = {
    "step_free_access": "Step-free access",
    "accessible_toilet": "Accessible toilet",
    "changing_places_toilet": "Changing Places toilet",
    "hearing_loop": "Hearing loop",
    "accessible_parking": "Accessible parking",
    "quiet_space": "Quiet space",
    "sensory_friendly": "Sensory-friendly",
    "bsl_available": "British Sign Language",
    "easy_read_information": "Easy-read information",
}

# Features of a building, which a service with no location (online or by
# phone) has no need to state.
PLACE_FEATURES = {
    "step_free_access", "accessible_toilet", "changing_places_toilet", "hearing_loop",
    "accessible_parking", "quiet_space", "sensory_friendly",
}

# "unknown" is never shown as "no": families are told to ask.
FEATURE_ANSWERS = {"yes": "Yes", "no": "No", "unknown": "Ask the service"}

SEND_SUPPORT_HEADINGS = {
    "how_we_support": "How we support children and young people with SEND",
    "staff_training": "Staff training and expertise",
    "involving_families": "How we involve families and young people",
    "measuring_progress": "How we check progress",
    "moving_on": "Moving on to the next stage",
}

DAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]


def days_text(days):
    """`Monday to Friday`, `Monday and Wednesday`, `Monday, Wednesday and Friday`."""
    ordered = sorted(set(days), key=DAYS.index)
    indexes = [DAYS.index(day) for day in ordered]
    names = [day.capitalize() for day in ordered]
    if len(names) >= 3 and indexes == list(range(indexes[0], indexes[-1] + 1)):
        return f"{names[0]} to {names[-1]}"
    if len(names) == 1:
        return names[0]
    return ", ".join(names[:-1]) + " and " + names[-1]


def age_text(low, high):
    if low == high:
        return f"{low} years" if low != 1 else "1 year"
    return f"{low} to {high} years"


def postcode_text(postcode):
    """Upper case with one space before the last three characters: `nm14ab` -> `NM1 4AB`."""
    compact = re.sub(r"\s+", "", postcode).upper()
    return f"{compact[:-3]} {compact[-3:]}"


def phone_href(number):
    """A `tel:` link in international form: `01632 960 123` -> `tel:+441632960123`."""
    digits = re.sub(r"[^0-9+]", "", number)
    if digits.startswith("0"):
        digits = "+44" + digits[1:]
    return f"tel:{digits}"


def place_text(towns):
    """Where a listing card says the service is: `Northmoor`, `Northmoor and
    Highcombe`, `Northmoor and 2 other places`; `Online or by phone` when it
    has no location. `towns` is the last address line of each location."""
    distinct = list(dict.fromkeys(towns))
    if not distinct:
        return "Online or by phone"
    if len(distinct) == 1:
        return distinct[0]
    if len(distinct) == 2:
        return f"{distinct[0]} and {distinct[1]}"
    return f"{distinct[0]} and {len(distinct) - 1} other places"


def in_sentence(label):
    """A label as it reads inside a sentence: `Step-free access` becomes
    `step-free access`, but `British Sign Language` and `Changing Places
    toilet` keep their capitals (names keep them after the first word too)."""
    return label if any(letter.isupper() for letter in label[1:]) else label[:1].lower() + label[1:]


def date_text(day):
    """`1 September 2026`, with no leading zero and no locale involved."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


MONTHS = ["January", "February", "March", "April", "May", "June", "July",
          "August", "September", "October", "November", "December"]


def waiting_text(weeks):
    """How long families usually wait, as the service page and a card say it: `About 6 weeks`."""
    if weeks == 0:
        return "Less than a week"
    return f"About {weeks} week{'' if weeks == 1 else 's'}"


def waiting_sentence(weeks):
    """The service page's sentence for the wait."""
    if weeks == 0:
        return "Families are usually seen within a week of getting in touch or being referred."
    return f"Families usually wait {waiting_text(weeks).lower()} for a first appointment, from getting in touch or being referred."
