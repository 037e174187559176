"""The settings the theme reads (beyond Pelican's own), with their defaults, in one place.

Every template can use them, so they get their defaults here, before any
template is rendered; each is documented in this plugin's README.md.
"""

DEFAULTS = {
    # The council's name: in the header, the footer and every page's title.
    "COUNCIL_NAME": "",
    # The logo in the header, relative to the theme's static folder (served at /theme/).
    "COUNCIL_LOGO": "images/local-offer-logo.svg",
    # The header and brand colour; it must keep 4.5:1 contrast with white text.
    "COUNCIL_COLOUR": "#1d5c4d",
    # One or two sentences for the home page and search engines.
    "SITE_DESCRIPTION": "",
}


def apply_defaults(settings):
    for key, value in DEFAULTS.items():
        settings.setdefault(key, value)
