"""Write N valid, varied provider files shaped like a real directory's.

Text is real English at its real rates with SEND terms (bench/vocabulary.py);
descriptions run from 40 to 400 words; every category, need, area and age is
used; services come with and without locations, opening times, costs, easy
read and pictures (a few small generated pictures, shared). The same count and
seed give byte-identical files on any machine: one seeded random.Random, inputs
sorted, no clock. Used by the benchmarks, never by the site.

Run: .venv/bin/python bench/make_providers.py 1000 --seed 1 [--out bench/out/providers-1000-seed-1]
"""

import argparse
import datetime
import random
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.pictures import write_pictures  # noqa: E402
from bench.provider_yaml import to_yaml  # noqa: E402
from bench.vocabulary import REAL_DIRECTORY, Vocabulary, text_words  # noqa: E402

MARKER = ".made-by-make-providers"
NEEDS = ("asd", "hi", "mld", "msi", "oth", "pd", "pmld", "semh", "sld", "slcn", "spld", "vi")
REFERRALS = ("ehcp", "gp", "professional", "school", "self", "social-care")
DAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
FEATURES = ("step_free_access", "accessible_toilet", "changing_places_toilet", "hearing_loop",
            "accessible_parking", "quiet_space", "sensory_friendly", "bsl_available", "easy_read_information")
LANGUAGES = ("Arabic", "Bengali", "British Sign Language", "Polish", "Punjabi", "Romanian", "Urdu")
# Age ranges real services use most, and any range at all for the rest.
AGE_RANGES = ((0, 4), (0, 5), (2, 5), (4, 11), (5, 11), (11, 16), (11, 18), (14, 25), (16, 25),
              (18, 25), (0, 25), (0, 18), (5, 18))
SERVICE_KINDS = ("Club", "Service", "Group", "Drop-in", "Team", "Support", "Clinic", "Project", "School", "Nursery")
ORGANISATION_KINDS = ("Trust", "Charity", "Team", "School", "Club", "Service", "Network", "Foundation", "CIC")
SEND_SUPPORT_PARTS = ("how_we_support", "staff_training", "involving_families", "measuring_progress", "moving_on")
# The order of the template (providers/_template.yaml).
KEY_ORDER = ("template_version", "id", "status", "organisation", "service", "eligibility", "accessibility",
             "locations", "contact", "images", "easy_read", "last_reviewed")
# Every file is reviewed before this day, so it is valid for any build date after it.
NEWEST_REVIEW = datetime.date(2026, 11, 1)


def council_vocabularies():
    """The sample council's categories and areas (pelicanconf.py), sorted by id."""
    from pelican.settings import read_settings

    settings = read_settings(str(ROOT / "pelicanconf.py"))
    return sorted(settings["LOCAL_OFFER_CATEGORIES"]), sorted(settings["LOCAL_OFFER_AREAS"])


def description(rng, vocabulary):
    """40 to 400 words of Markdown: paragraphs, and sometimes headings, a list, bold text or a link."""
    budget = int(rng.triangular(40, 400, 110))
    blocks, used = [], 0
    while used < budget:
        roll = rng.random()
        room = budget - used
        if roll < 0.12 and room > 12 and blocks:
            words = min(room, rng.randint(2, 5))
            blocks.append("## " + vocabulary.title(rng, words).capitalize())
        elif roll < 0.25 and room > 12:
            items = [vocabulary.sentence(rng, min(room, rng.randint(3, 10))) for _ in range(rng.randint(2, 5))]
            words = sum(len(text_words(item)) for item in items)
            blocks.append("\n".join(f"- {item}" for item in items))
        else:
            sentences = [vocabulary.sentence(rng, rng.randint(6, 24)) for _ in range(rng.randint(1, 4))]
            paragraph = " ".join(sentences)
            if rng.random() < 0.15:
                paragraph = _bold_two_words(rng, paragraph)
            if rng.random() < 0.1:
                paragraph += f" [Read more](https://example.org/{rng.randrange(10**6)})."
            words = len(text_words(paragraph))
            blocks.append(paragraph)
        used += words
    text = "\n\n".join(blocks)
    return _cut_to(text, budget)


def _bold_two_words(rng, paragraph):
    words = paragraph.split(" ")
    at = rng.randrange(max(1, len(words) - 2))
    words[at:at + 2] = [f"**{' '.join(words[at:at + 2]).rstrip('.,')}**"]
    return " ".join(words)


def _cut_to(text, budget):
    """The text cut after its `budget`-th word (from 40 to 400), ending cleanly."""
    lines, count = [], 0
    for line in text.split("\n"):
        words = len(text_words(line))
        if count + words > budget:
            keep = line.split(" ")
            while keep and count + len(text_words(" ".join(keep))) > budget:
                keep.pop()
            line = " ".join(keep).rstrip(",*") if len(keep) > 1 else ""
            lines.append(line.rstrip(".") + "." if line and not line.startswith("#") else "")
            break
        lines.append(line)
        count += words
    return "\n".join(lines).strip()


def short_text(rng, vocabulary, low, high, limit):
    """One sentence of `low` to `high` words, no longer than `limit` characters."""
    text = vocabulary.sentence(rng, rng.randint(low, high))
    while len(text) > limit:
        text = text[:text.rstrip(".").rfind(" ")] + "."
    return text


def provider(index, rng, vocabulary, categories, areas, pictures):
    """One provider file's data; each category, need and area is guaranteed a turn by `index`."""
    name = f"{vocabulary.title(rng, rng.randint(1, 4))} {rng.choice(SERVICE_KINDS)} {index + 1}"
    service_id = f"{_slug(name)}"
    ages = rng.choice(AGE_RANGES) if rng.random() < 0.7 else sorted(rng.sample(range(26), 2))
    needs = ["all"] if rng.random() < 0.2 else sorted({NEEDS[index % len(NEEDS)], *rng.sample(NEEDS, rng.randint(0, 3))})
    served = ["all"] if rng.random() < 0.3 else sorted({areas[index % len(areas)], *rng.sample(areas, rng.randint(0, 2))})
    free = rng.random() < 0.6
    service = {
        "name": name,
        "summary": short_text(rng, vocabulary, 8, 28, 200),
        "description": description(rng, vocabulary),
        "categories": sorted({categories[index % len(categories)], *rng.sample(categories, rng.randint(0, 2))}),
        "needs": needs,
        "age_range": {"min": ages[0], "max": ages[1]},
        "areas": served,
        "cost": {"free": free},
        "how_to_access": {
            "referral": sorted(rng.sample(REFERRALS, rng.randint(1, 3))),
            "details": " ".join(vocabulary.sentence(rng, rng.randint(6, 20)) for _ in range(rng.randint(1, 3))),
        },
    }
    if not free or rng.random() < 0.3:
        service["cost"]["details"] = f"£{rng.randint(2, 40)} a session. " + short_text(rng, vocabulary, 5, 20, 400)
    if rng.random() < 0.7:
        service["opening_times"] = [_opening_times(rng, vocabulary) for _ in range(rng.randint(1, 3))]
    if rng.random() < 0.3:
        service["languages"] = ["English", *sorted(rng.sample(LANGUAGES, rng.randint(1, 3)))]
    if rng.random() < 0.5:
        service["keywords"] = sorted({vocabulary.send_term(rng) for _ in range(rng.randint(1, 5))})
    if rng.random() < 0.4:
        service["how_to_complain"] = vocabulary.sentence(rng, rng.randint(8, 25))
    if "education" in service["categories"] and rng.random() < 0.5:
        service["send_support"] = {part: " ".join(vocabulary.sentence(rng, rng.randint(6, 20)) for _ in range(rng.randint(1, 3)))
                                   for part in SEND_SUPPORT_PARTS}
    data = {
        "template_version": 1,
        "id": service_id,
        "organisation": _organisation(rng, vocabulary),
        "service": service,
        "eligibility": {
            "who_can_use": short_text(rng, vocabulary, 6, 24, 500),
            "diagnosis_needed": rng.random() < 0.15,
            "ehcp_needed": rng.random() < 0.1,
        },
        "contact": _contact(rng, service_id),
        "last_reviewed": (NEWEST_REVIEW - datetime.timedelta(days=rng.randrange(450))).isoformat(),
    }
    status = rng.random()
    if status < 0.02:
        data["status"] = "draft" if status < 0.01 else "closed"
    if rng.random() < 0.3:
        data["eligibility"]["criteria"] = [short_text(rng, vocabulary, 5, 15, 300) for _ in range(rng.randint(1, 3))]
    if rng.random() < 0.8:
        data["accessibility"] = {key: rng.choice(("yes", "yes", "no", "unknown"))
                                 for key in FEATURES if rng.random() < 0.7}
        if rng.random() < 0.4:
            data["accessibility"]["details"] = short_text(rng, vocabulary, 8, 30, 1000)
    if rng.random() < 0.75:
        data["locations"] = [_location(rng, vocabulary) for _ in range(rng.choice((1, 1, 1, 2)))]
    if rng.random() < 0.2:
        data["images"] = [{"file": f"images/{picture}", "alt": short_text(rng, vocabulary, 4, 14, 250)}
                          for picture in rng.sample(pictures, rng.randint(1, 2))]
    if rng.random() < 0.1:
        data["easy_read"] = {"summary": short_text(rng, vocabulary, 5, 12, 200)}
    return {key: data[key] for key in KEY_ORDER if key in data}


def _slug(name):
    # Names may hold words such as "pokémon"; an id is ASCII letters, digits and hyphens.
    words = ("".join(c for c in word.lower() if c.isascii() and c.isalnum()) for word in name.split())
    return "-".join(word for word in words if word)[:80].strip("-")


def _organisation(rng, vocabulary):
    organisation = {"name": f"{vocabulary.title(rng, rng.randint(1, 3))} {rng.choice(ORGANISATION_KINDS)}"[:120]}
    if rng.random() < 0.6:
        organisation["website"] = f"https://org{rng.randrange(10**5)}.example.org"
    if rng.random() < 0.3:
        organisation["charity_number"] = str(rng.randint(1_000_000, 1_199_999))
    return organisation


def _opening_times(rng, vocabulary):
    opens = rng.randint(7, 14)
    times = {
        "days": sorted(rng.sample(DAYS, rng.randint(1, 5)), key=DAYS.index),
        "opens": f"{opens:02d}:{rng.choice(('00', '15', '30'))}",
        "closes": f"{opens + rng.randint(1, 8):02d}:{rng.choice(('00', '30', '45'))}",
    }
    if rng.random() < 0.3:
        times["notes"] = short_text(rng, vocabulary, 2, 10, 200)
    return times


def _location(rng, vocabulary):
    place = {
        "name": f"{vocabulary.title(rng, rng.randint(1, 3))} Centre"[:120],
        "address": [f"{rng.randint(1, 200)} {vocabulary.title(rng, 1)} Road", "Northmoor"],
        "postcode": f"NM{rng.randint(1, 9)} {rng.randint(1, 9)}{rng.choice('ABDEFGHJLNPQRSTUWXYZ')}{rng.choice('ABDEFGHJLNPQRSTUWXYZ')}",
    }
    if rng.random() < 0.5:
        place["latitude"] = round(54 + rng.random(), 5)
        place["longitude"] = round(-2 + rng.random(), 5)
    return place


def _contact(rng, service_id):
    kinds = rng.sample(("phone", "email", "website"), rng.randint(1, 3))
    contact = {}
    if "phone" in kinds:
        contact["phone"] = f"01632 960 {rng.randrange(1000):03d}"
    if "email" in kinds:
        contact["email"] = f"hello@{service_id[:40]}.example.org"
    if "website" in kinds:
        contact["website"] = f"https://{service_id[:40]}.example.org/"
    return contact


def write_providers(folder, count, seed):
    """Write `count` provider files and their pictures into `folder`; returns the Counter of their words."""
    folder = Path(folder)
    if folder.exists() and any(folder.iterdir()) and not (folder / MARKER).exists():
        sys.exit(f"{folder} has files this script did not write; choose an empty or new folder")
    for old in [*folder.glob("*.yaml"), *folder.glob("images/*")] if folder.exists() else []:
        old.unlink()
    folder.mkdir(parents=True, exist_ok=True)
    (folder / MARKER).write_text("Written by bench/make_providers.py; it may empty this folder.\n")
    rng = random.Random(seed)
    vocabulary = Vocabulary()
    categories, areas = council_vocabularies()
    pictures = write_pictures(folder / "images", rng)
    words = Counter()
    for index in range(count):
        data = provider(index, rng, vocabulary, categories, areas, pictures)
        words.update(word.lower() for text in _prose(data) for word in text_words(text))
        (folder / f"{data['id']}.yaml").write_text(to_yaml(data), encoding="utf-8")
    return words


def _prose(data):
    """Every piece of text a family reads, for the word count."""
    if isinstance(data, dict):
        for key, value in data.items():
            if key not in ("id", "website", "email", "file", "phone", "postcode", "last_reviewed"):
                yield from _prose(value)
    elif isinstance(data, list):
        for value in data:
            yield from _prose(value)
    elif isinstance(data, str):
        yield data


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int, help="how many provider files to write")
    parser.add_argument("--seed", type=int, default=1, help="the same seed writes the same files (default 1)")
    parser.add_argument("--out", type=Path, help="the folder to write (default bench/out/providers-N-seed-S)")
    args = parser.parse_args()
    folder = args.out or ROOT / "bench" / "out" / f"providers-{args.count}-seed-{args.seed}"
    words = write_providers(folder, args.count, args.seed)
    services, distinct = REAL_DIRECTORY
    print(f"wrote {args.count} provider files to {folder}")
    print(f"corpus: {sum(words.values()):,} words, {len(words):,} distinct over {args.count:,} services "
          f"(a real directory: about {distinct:,} distinct words over {services:,} services)")


if __name__ == "__main__":
    main()
