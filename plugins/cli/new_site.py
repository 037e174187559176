"""Make a new council's Local Offer site in DIR: settings, pages, an empty
providers/ folder with the template and field reference, the co-production
and feedback files, the GitHub workflows and a README. DIR must be new or
empty. Then, in DIR: `localoffer build` and `localoffer serve`.

  localoffer new eastvale-local-offer --council "Eastvale Council\""""

import re
from pathlib import Path

from .site import display, fail

NAME = "new"
HELP = "make a new council's site in a new folder"
COLOUR = re.compile(r"#[0-9a-fA-F]{6}")


def add_arguments(parser):
    parser.add_argument("folder", metavar="DIR", help="the folder to make (it must not exist, or be empty)")
    parser.add_argument("--council", required=True, help='the council\'s name, e.g. "Eastvale Council"')
    parser.add_argument("--place", default="",
                        help="the place the site is for (default: the council's name without \"Council\")")
    parser.add_argument("--colour", default="#1d5c4d",
                        help="the header colour, # and six hex digits, with 4.5:1 contrast to white (default: #1d5c4d)")


def run(args):
    from localoffer.site_template import Council, place_of, write_site
    from localoffer.theme_assets.council import check_colour

    folder = Path(args.folder).resolve()
    shown = display(folder, Path.cwd())
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        return fail(f"{shown} is not empty; give the name of a new folder")
    if not args.council.strip():
        return fail("--council needs the council's name, e.g. --council \"Eastvale Council\"")
    colour, problem = check_colour(args.colour)
    if problem:
        return fail(f"--colour {problem.removeprefix('theme_assets: COUNCIL_COLOUR ')}")
    council = Council(args.council.strip(), args.place.strip() or place_of(args.council), colour)
    write_site(folder, council)
    print(f"Made the {council.place} Local Offer in {shown}/. Next:\n"
          f"  cd {shown}\n"
          f"  localoffer build      (or: localoffer serve, to see it at http://localhost:8000)\n"
          f"Then read {shown}/README.md: put in your logo, areas and feedback address before you publish.")
    return 0
