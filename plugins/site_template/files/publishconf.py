"""Settings for publishing: the local settings, then only what differs."""

import sys
from pathlib import Path

sys.path.append(str(Path(__file__).resolve().parent))

from pelicanconf import *  # noqa: E402,F403 - the quickstart convention

# The address the site is published at: change it to your own.
SITEURL = "https://localoffer.[[slug]].example.org"
RELATIVE_URLS = False
DELETE_OUTPUT_DIRECTORY = True
# A published build never shows drafts or the editorial report.
SERVICES_INCLUDE_DRAFTS = False
EDITORIAL_REPORT = False
