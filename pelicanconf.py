"""Settings for the Northmoor sample Local Offer.

A council copies this file and changes the council block, the categories and
the areas. Every setting our plugins read is listed in plugins/README.md.
"""

from pathlib import Path

import localoffer

HERE = Path(__file__).resolve().parent

# --- The council -----------------------------------------------------------
COUNCIL_NAME = "Northmoor Council"
SITENAME = "Northmoor Local Offer"
SITE_DESCRIPTION = (
    "Education, health and care services for children and young people "
    "aged 0 to 25 with special educational needs and disabilities in Northmoor."
)
# A logo made by the project; a council points this at its own file in theme/static.
COUNCIL_LOGO = "images/northmoor-logo.svg"
# The header and link accent colour. It must keep 4.5:1 contrast with white text.
COUNCIL_COLOUR = "#1d5c4d"
SITEURL = ""
RELATIVE_URLS = False
TIMEZONE = "Europe/London"
DEFAULT_LANG = "en-GB"

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
PATH = "content"
PAGE_PATHS = ["pages"]
ARTICLE_PATHS = []
STATIC_PATHS = []
PROVIDERS_PATH = str(HERE / "providers")
# The engine is the installed `localoffer` package: its theme and its plugins, in their order.
THEME = str(localoffer.THEME_DIR)
PLUGINS = list(localoffer.PLUGINS)
CACHE_PATH = str(HERE / "cache")
OUTPUT_PATH = str(HERE / "output")

# Preview builds (`invoke preview`) set both to True; a published build never does.
SERVICES_INCLUDE_DRAFTS = False
EDITORIAL_REPORT = False

# --- Addresses --------------------------------------------------------------
PAGE_URL = "{slug}/"
PAGE_SAVE_AS = "{slug}/index.html"
SERVICE_URL = "services/{slug}/"
SERVICE_SAVE_AS = "services/{slug}/index.html"

# The site is not a blog: no articles, feeds, authors, tags or archives.
DIRECT_TEMPLATES = []
ARTICLE_SAVE_AS = ""
ARTICLE_URL = ""
ARTICLE_LANG_SAVE_AS = ""
PAGE_LANG_SAVE_AS = ""
DRAFT_SAVE_AS = ""
DRAFT_PAGE_SAVE_AS = ""
AUTHOR_SAVE_AS = ""
AUTHORS_SAVE_AS = ""
CATEGORY_SAVE_AS = ""
CATEGORIES_SAVE_AS = ""
TAG_SAVE_AS = ""
TAGS_SAVE_AS = ""
ARCHIVES_SAVE_AS = ""
INDEX_SAVE_AS = ""
FEED_ALL_ATOM = None
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None
DEFAULT_PAGINATION = False

# Provider text is untrusted: escape everything unless a template says the
# HTML was made by the project.
JINJA_ENVIRONMENT = {
    "autoescape": True,
    # Templates do not change during a build; checking them before every page costs seconds at scale.
    "auto_reload": False,
    "trim_blocks": True,
    "lstrip_blocks": True,
    "extensions": [],
}
MARKDOWN = {
    "extension_configs": {
        "markdown.extensions.extra": {},
        "markdown.extensions.toc": {},
    },
    "output_format": "html5",
}
# Builds are deterministic: no "now" leaks into the output.
DEFAULT_DATE = "fs"
LOAD_CONTENT_CACHE = False

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
