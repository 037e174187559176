"""The files of a new council's site, which `localoffer new` writes.

files/ holds the site as a council owns it: settings, pages, the co-production
and feedback files, the workflows and a README. In text files, [[council]],
[[place]], [[slug]], [[email]], [[colour]] and [[version]] are filled in; a
path part "dot-x" becomes ".x" (package data cannot hold hidden files).
The provider template and field reference are made from the package's schema,
and the logo is the package's neutral one, so neither can fall out of step.
"""

import re
import shutil
from dataclasses import dataclass
from pathlib import Path

from localoffer import THEME_DIR, __version__

FILES = Path(__file__).resolve().parent / "files"
NEUTRAL_LOGO = THEME_DIR / "static" / "images" / "local-offer-logo.svg"
DEFAULT_COLOUR = "#1d5c4d"
# Words around a place's name in a council's name: "Eastvale Borough Council" is in Eastvale.
COUNCIL_WORDS = re.compile(
    r"^(the |city of |royal borough of |london borough of |borough of |county of )*"
    r"|( (city|county|borough|district|metropolitan borough|metropolitan district|unitary))* council$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Council:
    name: str
    place: str
    colour: str = DEFAULT_COLOUR

    @property
    def slug(self):
        return re.sub(r"[^a-z0-9]+", "-", self.place.lower()).strip("-") or "council"

    @property
    def email(self):
        # An example.org address until the council sets its own (RFC 2606: it can never reach anyone).
        return f"localoffer@{self.slug}.example.org"

    def fill_in(self, text):
        values = {"council": self.name, "place": self.place, "slug": self.slug, "email": self.email,
                  "colour": self.colour, "version": __version__}
        return re.sub(r"\[\[(\w+)\]\]", lambda match: values[match.group(1)], text)


def place_of(council_name):
    """The place a council is named after: "Eastvale Borough Council" gives "Eastvale"."""
    return COUNCIL_WORDS.sub("", council_name.strip()).strip() or council_name.strip()


def target_path(relative):
    return Path(*(part.replace("dot-", ".", 1) if part.startswith("dot-") else part for part in relative.parts))


def write_site(folder, council):
    """Write a new site into `folder` (which must be empty or missing); return the files written."""
    from localoffer.service_directory.fieldref import write_template_files

    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for source in sorted(FILES.rglob("*")):
        if source.is_dir() or "__pycache__" in source.parts:
            continue
        target = folder / target_path(source.relative_to(FILES))
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(council.fill_in(source.read_text(encoding="utf-8")), encoding="utf-8")
        written.append(target)
    logo = folder / "brand" / "images" / "logo.svg"
    logo.parent.mkdir(parents=True)
    shutil.copyfile(NEUTRAL_LOGO, logo)
    write_template_files(folder / "providers")
    written += [logo, folder / "providers" / "_template.yaml", folder / "providers" / "FIELDS.md"]
    return sorted(written)
