"""Settings for the golden site: the project's own settings, then only what the
fixed input in tests/golden/site/ needs to build the same tree on any day, in
any folder.

It is named goldenconf.py, not pelicanconf.py, because Pelican loads a settings
file as a module named after the file: a second `pelicanconf` would import itself.
"""

import sys
from pathlib import Path

# Lower-case names: Pelican takes every upper-case name in this file as a setting.
golden = Path(__file__).resolve().parent
sys.path.insert(0, str(golden.parent.parent))

from pelicanconf import *  # noqa: E402,F403 - the quickstart convention, as publishconf.py does

PATH = str(golden / "site" / "content")
PROVIDERS_PATH = str(golden / "site" / "providers")
# tools/golden.py builds into a fresh folder with a fresh cache every time; these
# are only for a build by hand (`pelican -s tests/golden/goldenconf.py`).
OUTPUT_PATH = str(golden / "output")
CACHE_PATH = str(golden / "cache")

# A fixed "today", so that review notices, "Overdue" and dates are the same every day.
SERVICES_BUILD_DATE = "2026-11-22"
# A fixed address, so that canonical links and feedback links are the same on every machine.
SITEURL = "https://localoffer.northmoor.example.org"
RELATIVE_URLS = False
# Only what the published site shows: drafts stay out.
SERVICES_INCLUDE_DRAFTS = False
EDITORIAL_REPORT = False
