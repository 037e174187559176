"""What the editorial group should look at in each provider file.

Everything here reads the checked files that service_directory put in the
contract (`local_offer.provider_files`, `local_offer.dates`); nothing reads the files again.
"""

from dataclasses import dataclass, field

# The template's accessibility features, in its order, as editors read them.
FEATURES = {
    "step_free_access": "step-free access", "accessible_toilet": "accessible toilet",
    "changing_places_toilet": "Changing Places toilet", "hearing_loop": "hearing loop",
    "accessible_parking": "accessible parking", "quiet_space": "quiet space",
    "sensory_friendly": "sensory-friendly", "bsl_available": "BSL", "easy_read_information": "easy-read information",
}


@dataclass
class FileReview:
    file: str
    id: str = None
    name: str = None
    status: str = None
    ready: bool = False
    errors: list = field(default_factory=list)
    warnings: list = field(default_factory=list)
    last_reviewed: str = None
    gaps: list = field(default_factory=list)


def review_files(provider_files):
    reviews = []
    for checked in provider_files:
        data = checked.data or {}
        service = data.get("service") or {}
        review = FileReview(
            file=checked.display_path, id=data.get("id"), name=service.get("name"),
            status=checked.status if checked.data is not None else None, ready=checked.ok,
            errors=[p for p in checked.problems if p.severity == "error"],
            warnings=[p for p in checked.problems if p.severity != "error"],
            last_reviewed=data.get("last_reviewed"),
        )
        if checked.ok:
            review.gaps = gaps(data)
        reviews.append(review)
    return reviews


def gaps(data):
    """What families would have to ask about because the file does not say."""
    found = []
    access = data.get("accessibility") or {}
    unknown = [label for feature, label in FEATURES.items() if access.get(feature, "unknown") == "unknown"]
    if unknown:
        found.append(f"accessibility not stated: {', '.join(unknown)}")
    if not data["service"].get("opening_times"):
        found.append("no opening times")
    contact = data.get("contact") or {}
    if not data.get("locations") and not (contact.get("email") or contact.get("website")):
        found.append("no location and no online contact")
    return found


def by_review_date(reviews, review_dates):
    """(stale, due): files past their review date, and files due within a month, oldest first."""
    stale_before = review_dates.stale_before.isoformat()
    due_before = review_dates.due_before.isoformat()
    dated = sorted((r for r in reviews if r.ready and r.last_reviewed), key=lambda r: (r.last_reviewed, r.file))
    stale = [r for r in dated if r.last_reviewed < stale_before]
    due = [r for r in dated if stale_before <= r.last_reviewed < due_before]
    return stale, due
