"""Settings for the Northmoor sample Local Offer.

It is set up as `localoffer new` sets up a council's own site: the shared
settings from the package, then the council's. Every setting the plugins read
is documented in their READMEs (plugins/README.md lists them).
"""

from pathlib import Path

# What every Local Offer site shares (theme, plugins, not-a-blog, Jinja and Markdown); below, what is Northmoor's.
from localoffer.site_settings import *  # noqa: F403

# Lower case: Pelican reads only UPPER_CASE names as settings.
site_folder = Path(__file__).resolve().parent

# --- The council -----------------------------------------------------------
COUNCIL_NAME = "Northmoor Council"
SITENAME = "Northmoor Local Offer"
SITE_DESCRIPTION = (
    "Education, health and care services for children and young people "
    "aged 0 to 25 with special educational needs and disabilities in Northmoor."
)
# A logo made by the project, in brand/images/ (served at /theme/images/, see THEME_STATIC_PATHS).
COUNCIL_LOGO = "images/northmoor-logo.svg"
# The header and link accent colour. It must keep 4.5:1 contrast with white text.
COUNCIL_COLOUR = "#1d5c4d"
SITEURL = ""
RELATIVE_URLS = False

# Every page links here; {url} and {title} are filled in (URL-encoded) so the
# comment arrives with the page it is about.
FEEDBACK_URL = (
    "mailto:localoffer@northmoor.example.org"
    "?subject=Feedback%20about%3A%20{title}&body=Page%3A%20{url}%0A%0A"
)

# --- Vocabularies of this council ------------------------------------------
# Need codes are national and live in the schema; these two are local.
LOCAL_OFFER_CATEGORIES = {
    "education": "Education and schools",
    "early-years": "Early years and childcare",
    "health": "Health and therapies",
    "social-care": "Social care",
    "activities-and-short-breaks": "Activities and short breaks",
    "advice-and-support": "Advice and support",
    "preparing-for-adulthood": "Preparing for adulthood",
    "travel-and-transport": "Travel and transport",
}
LOCAL_OFFER_AREAS = {
    "northmoor-city": "Northmoor City",
    "eastbridge": "Eastbridge",
    "fenwick": "Fenwick",
    "highcombe": "Highcombe",
    "westmarsh": "Westmarsh",
}

# --- Where things are -------------------------------------------------------
PROVIDERS_PATH = str(site_folder / "providers")
# The theme's own files, then Northmoor's logo and favicons from brand/, which replace the neutral ones.
THEME_STATIC_PATHS = ["static", str(site_folder / "brand")]
CACHE_PATH = str(site_folder / "cache")
OUTPUT_PATH = str(site_folder / "output")

# Preview builds (`localoffer preview`) set both to True; a published build never does.
SERVICES_INCLUDE_DRAFTS = False
EDITORIAL_REPORT = False

# --- Co-production and feedback (plugins/coproduction) ----------------------
# The tracker and "You said, we did" read these files in content/; "Overdue"
# is worked out from SERVICES_BUILD_DATE (today when None), so a fixed date
# gives the same site on any day. See plugins/coproduction/README.md.
COPRODUCTION_PROJECTS_FILE = "coproduction/projects.yaml"
YOU_SAID_WE_DID_FILE = "feedback/you-said-we-did.yaml"

# --- Search (plugins/search_index/README.md) ---------------------------------
# The SEND glossary search uses so that "asd", "autism" and "autistic" find the
# same services; relative to PATH (content/).
SEARCH_GLOSSARY = "data/send-glossary.yaml"
# Where a search that finds nothing sends families for advice.
SEARCH_ADVICE_SERVICE = "northmoor-send-advice-line"

# --- Easy read (plugins/easy_read/README.md) ----------------------------------
# Every service gets an easy-read page at services/<id>/easy-read/, and
# content/pages/<name>.easy-read.md is the easy-read twin of <name>.md. The
# check warns about easy-read problems; True makes any problem stop the build.
EASY_READ_STRICT = False
# Acronyms are written out from the SEND glossary (relative to PATH, content/).
EASY_READ_GLOSSARY = "data/send-glossary.yaml"
