"""One service as a provider file describes it, defined once as typed classes.

Each class is one section of the provider template and each attribute one of
its fields, with the schema's name, its type and its required-ness (a field
with a default is optional). tests/test_model.py checks that `schema.json` and
these classes say the same; `loader.py` makes a `ServiceRecord` from a checked
file; every reader (pages, easy read, search, the editorial manifest, the open
data) reads the record, never the provider's dict.

Why frozen, slotted stdlib dataclasses and not Pydantic: the schema already
checks every value (with a line and a fix for each mistake, which is what
providers need), so the model has nothing left to validate and no reason to
carry a validating library; no new dependency; and a slotted dataclass is
built by plain attribute assignment and holds no `__dict__`, which keeps a
100,000-service build fast and small. Frozen, because no plugin may change
what a provider wrote.

A few read-only properties say a value the way every page says it (`days_text`,
`phone_href`); they compute, they store nothing.
"""

from __future__ import annotations

import datetime
import functools
from dataclasses import dataclass, field

from . import words


@dataclass(frozen=True, slots=True)
class Organisation:
    name: str
    website: str | None = None
    charity_number: str | None = None


@dataclass(frozen=True, slots=True)
class AgeRange:
    min: int
    max: int


@dataclass(frozen=True, slots=True)
class Cost:
    free: bool
    details: str | None = None


@dataclass(frozen=True, slots=True)
class HowToAccess:
    referral: tuple[str, ...]  # codes: self, professional, gp, school, social-care, ehcp
    details: str  # Markdown


@dataclass(frozen=True, slots=True)
class OpeningTimes:
    days: tuple[str, ...]  # monday ... sunday
    opens: str  # "09:30"
    closes: str
    notes: str | None = None

    @property
    def days_text(self):
        return words.days_text(self.days)


@dataclass(frozen=True, slots=True)
class WaitingTime:
    """How long families usually wait for a first appointment."""

    weeks: int  # about how many weeks; 0 means less than a week
    details: str | None = None  # e.g. urgent referrals, or how the wait is worked out

    @property
    def text(self):
        """What the service page and a listing card say: "About 6 weeks"."""
        return words.waiting_text(self.weeks)

    @property
    def sentence(self):
        """What the service page says under "Waiting time"."""
        return words.waiting_sentence(self.weeks)


@dataclass(frozen=True, slots=True)
class SendSupport:
    """For schools and settings; each part is Markdown."""

    how_we_support: str | None = None
    staff_training: str | None = None
    involving_families: str | None = None
    measuring_progress: str | None = None
    moving_on: str | None = None


@dataclass(frozen=True, slots=True)
class ServiceDetails:
    """The `service:` section: what the service is and how to use it."""

    name: str
    summary: str
    description: str  # Markdown
    categories: tuple[str, ...]  # the council's category ids
    age_range: AgeRange
    areas: tuple[str, ...]  # the council's area ids, or ("all",)
    cost: Cost
    how_to_access: HowToAccess
    needs: tuple[str, ...] = ()  # SEN type codes, or ("all",)
    opening_times: tuple[OpeningTimes, ...] = ()
    languages: tuple[str, ...] = ()
    keywords: tuple[str, ...] = ()
    how_to_complain: str | None = None  # Markdown
    send_support: SendSupport | None = None
    waiting_time: WaitingTime | None = None


@dataclass(frozen=True, slots=True)
class Eligibility:
    who_can_use: str
    diagnosis_needed: bool
    ehcp_needed: bool
    criteria: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class AccessibilityAnswer:
    """One feature as the service page lists it (not a field of the file)."""

    id: str
    label: str  # "Step-free access"
    value: str  # yes, no or unknown

    @property
    def answer(self):
        return words.FEATURE_ANSWERS[self.value]


@dataclass(frozen=True, slots=True)
class Accessibility:
    """Each feature is yes, no or unknown; a feature left out is unknown, never no."""

    step_free_access: str = "unknown"
    accessible_toilet: str = "unknown"
    changing_places_toilet: str = "unknown"
    hearing_loop: str = "unknown"
    accessible_parking: str = "unknown"
    quiet_space: str = "unknown"
    sensory_friendly: str = "unknown"
    bsl_available: str = "unknown"
    easy_read_information: str = "unknown"
    details: str | None = None

    def answers(self):
        """Every feature, in the template's order, with its label."""
        return [_answer(key, label, getattr(self, key)) for key, label in words.ACCESSIBILITY_FEATURES.items()]


@functools.cache
def _answer(key, label, value):
    # Shared: each service keeps its answers for the whole build (Service.accessibility), and
    # 10,000 services would hold 90,000 of them, of 27 different ones (9 features, 3 values).
    return AccessibilityAnswer(key, label, value)


@dataclass(frozen=True, slots=True)
class Location:
    name: str
    address: tuple[str, ...]  # lines, the town last, without the postcode
    postcode: str  # as the schema's check leaves it: "NM1 4AB"
    latitude: float | None = None
    longitude: float | None = None

    @property
    def town(self):
        return self.address[-1]


@dataclass(frozen=True, slots=True)
class Contact:
    """At least one of phone, email and website (the schema checks it)."""

    phone: str | None = None
    textphone: str | None = None
    email: str | None = None
    website: str | None = None

    @property
    def phone_href(self):
        return words.phone_href(self.phone) if self.phone else None

    @property
    def textphone_href(self):
        return words.phone_href(self.textphone) if self.textphone else None

    @property
    def email_href(self):
        return f"mailto:{self.email}" if self.email else None


@dataclass(frozen=True, slots=True)
class Image:
    file: str  # relative to providers/
    alt: str


@dataclass(frozen=True, slots=True)
class EasyReadPoint:
    text: str
    picture: str | None = None


@dataclass(frozen=True, slots=True)
class EasyRead:
    """A provider's own easy read, used instead of the generated words."""

    summary: str | None = None
    points: tuple[EasyReadPoint, ...] = ()


@dataclass(frozen=True, slots=True)
class ServiceRecord:
    """One provider file: one service, checked."""

    template_version: int
    id: str
    organisation: Organisation
    service: ServiceDetails
    eligibility: Eligibility
    contact: Contact
    last_reviewed: datetime.date
    status: str = "published"  # published, draft or closed
    accessibility: Accessibility = Accessibility()
    locations: tuple[Location, ...] = ()
    images: tuple[Image, ...] = ()
    easy_read: EasyRead | None = None
    # Not a field of the file: the line of each field as written, keyed
    # "service.cost.free", "locations[0].postcode" (see loader.py).
    lines: dict = field(default_factory=dict, compare=False, repr=False, metadata={"in_file": False})

    def line_of(self, where):
        """The line of the field named `where`, as in `line_of` below."""
        return line_of(self.lines, where)


def line_of(lines, where):
    """The line of the field named `where` ("easy_read.points[2].text") in
    `lines` (loader.field_lines), or of its nearest parent that was written;
    None when the file has no such section."""
    while where:
        line = lines.get(where)
        if line is not None:
            return line
        where = _parent(where)
    return None


def _parent(where):
    cut = max(where.rfind("."), where.rfind("["))
    return where[:cut] if cut > 0 else ""
