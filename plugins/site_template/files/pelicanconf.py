"""Settings of the [[council]] Local Offer.

Every setting and its default is listed in the localoffer package's
documentation (each plugin's README). `localoffer build` warns about a
setting it does not know and names the nearest one it does.
"""

from pathlib import Path

import localoffer

# Lower case: Pelican reads only UPPER_CASE names as settings.
site_folder = Path(__file__).resolve().parent

# --- The council -----------------------------------------------------------
COUNCIL_NAME = "[[council]]"
SITENAME = "[[place]] Local Offer"
SITE_DESCRIPTION = (
    "Education, health and care services for children and young people "
    "aged 0 to 25 with special educational needs and disabilities in [[place]]."
)
# Your logo, drawn white on COUNCIL_COLOUR: replace brand/images/logo.svg with your own.
COUNCIL_LOGO = "images/logo.svg"
# The header and link colour. It must keep 4.5:1 contrast with white text.
COUNCIL_COLOUR = "[[colour]]"
SITEURL = ""
RELATIVE_URLS = False
TIMEZONE = "Europe/London"
DEFAULT_LANG = "en-GB"

# Every page links here; {url} and {title} are filled in (URL-encoded) so that
# the comment arrives with the page it is about. Change the address to your own.
FEEDBACK_URL = (
    "mailto:[[email]]"
    "?subject=Feedback%20about%3A%20{title}&body=Page%3A%20{url}%0A%0A"
)

# --- Your categories and areas ---------------------------------------------
# Provider files use the ids on the left; families see the labels.
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
# Replace these with the areas families know your district by.
LOCAL_OFFER_AREAS = {
    "[[slug]]-north": "[[place]] North",
    "[[slug]]-south": "[[place]] South",
    "[[slug]]-east": "[[place]] East",
    "[[slug]]-west": "[[place]] West",
}

# --- Where things are -------------------------------------------------------
PATH = "content"
PAGE_PATHS = ["pages"]
ARTICLE_PATHS = []
STATIC_PATHS = []
PROVIDERS_PATH = str(site_folder / "providers")
CACHE_PATH = str(site_folder / "cache")
OUTPUT_PATH = str(site_folder / "output")
# The engine is the installed localoffer package: its theme and its plugins, in their order.
THEME = str(localoffer.THEME_DIR)
PLUGINS = list(localoffer.PLUGINS)
# The theme's own files, then yours: brand/images/logo.svg is served at /theme/images/logo.svg.
THEME_STATIC_PATHS = ["static", str(site_folder / "brand")]

# --- Addresses --------------------------------------------------------------
PAGE_URL = "{slug}/"
PAGE_SAVE_AS = "{slug}/index.html"

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

# Provider text is untrusted: escape everything. A variable a template does not
# get fails the build instead of printing nothing.
JINJA_ENVIRONMENT = localoffer.JINJA_ENVIRONMENT
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

# --- Co-production, feedback, search and easy read --------------------------
COPRODUCTION_PROJECTS_FILE = "coproduction/projects.yaml"
YOU_SAID_WE_DID_FILE = "feedback/you-said-we-did.yaml"
SEARCH_GLOSSARY = "data/send-glossary.yaml"
EASY_READ_GLOSSARY = "data/send-glossary.yaml"
