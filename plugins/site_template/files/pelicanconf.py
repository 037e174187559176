"""Settings of the [[council]] Local Offer.

Every setting and its default is listed in the localoffer package's
documentation (each plugin's README). `localoffer build` warns about a
setting it does not know and names the nearest one it does.
"""

from pathlib import Path

# What every Local Offer site shares (theme, plugins, not-a-blog, Jinja and Markdown); below, what is yours.
from localoffer.site_settings import *  # noqa: F403

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
PROVIDERS_PATH = str(site_folder / "providers")
CACHE_PATH = str(site_folder / "cache")
OUTPUT_PATH = str(site_folder / "output")
# The theme's own files, then yours: brand/images/logo.svg is served at /theme/images/logo.svg,
# and a file in brand/ replaces the theme's file of the same name (favicons, for example).
THEME_STATIC_PATHS = ["static", str(site_folder / "brand")]
