"""The Pelican settings every Local Offer site shares; a site's pelicanconf.py starts with

    from localoffer.site_settings import *  # noqa: F403

and then sets what is its own (the council, its vocabularies, its folders) or overrides any of these.
They live in the package so that an upgrade brings any change they need; each is Pelican's (see
Pelican's settings documentation) or a plugin's (see that plugin's README).
"""

from localoffer import JINJA_ENVIRONMENT as _JINJA_ENVIRONMENT
from localoffer import PLUGINS as _PLUGINS
from localoffer import THEME_DIR as _THEME_DIR

# The engine: its theme and its plugins, in the order they must run.
THEME = str(_THEME_DIR)
PLUGINS = list(_PLUGINS)

# Content: Markdown pages in content/pages/; the services come from PROVIDERS_PATH.
PATH = "content"
PAGE_PATHS = ["pages"]
ARTICLE_PATHS = []
STATIC_PATHS = []
PAGE_URL = "{slug}/"
PAGE_SAVE_AS = "{slug}/index.html"
TIMEZONE = "Europe/London"
DEFAULT_LANG = "en-GB"

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

# Provider text is untrusted: everything is escaped, and a variable a template does not get fails the build.
JINJA_ENVIRONMENT = dict(_JINJA_ENVIRONMENT)
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

# The files of a site's content/ folder the plugins read (relative to PATH).
COPRODUCTION_PROJECTS_FILE = "coproduction/projects.yaml"
YOU_SAID_WE_DID_FILE = "feedback/you-said-we-did.yaml"
SEARCH_GLOSSARY = "data/send-glossary.yaml"
EASY_READ_GLOSSARY = "data/send-glossary.yaml"
