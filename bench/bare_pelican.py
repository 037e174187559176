"""The baseline: bare Pelican (no plugins, its own `simple` theme) building one
Markdown page per service, of the same text as the service's provider file.

The simple theme lists every page in its menu on every page unless
DISPLAY_PAGES_ON_MENU is off; with it on, 10,000 pages would cost 10,000
links each and the baseline would measure that loop, not Pelican.
"""

from pathlib import Path

import yaml

SETTINGS = """\
# Bare Pelican for bench/build.py: no plugins, the simple theme, pages only.
PATH = {content!r}
PAGE_PATHS = ["pages"]
ARTICLE_PATHS = []
THEME = "simple"
PLUGINS = []
SITENAME = "Bare Pelican"
SITEURL = ""
TIMEZONE = "Europe/London"
DEFAULT_LANG = "en-GB"
PAGE_URL = "{{slug}}/"
PAGE_SAVE_AS = "{{slug}}/index.html"
DISPLAY_PAGES_ON_MENU = False
DIRECT_TEMPLATES = []
FEED_ALL_ATOM = None
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None
LOAD_CONTENT_CACHE = False
"""


def write_bare_site(providers, folder):
    """Write the pages and the settings file into `folder`; returns the settings file."""
    folder = Path(folder)
    pages = folder / "content" / "pages"
    pages.mkdir(parents=True, exist_ok=True)
    for path in sorted(Path(providers).glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        service = data["service"]
        body = "\n\n".join([
            service["summary"], service["description"], service["how_to_access"]["details"],
            data["eligibility"]["who_can_use"],
        ])
        (pages / f"{data['id']}.md").write_text(
            f"Title: {service['name']}\nSlug: {data['id']}\n\n{body}\n", encoding="utf-8")
    settings = folder / "bare.py"
    settings.write_text(SETTINGS.format(content=str(folder / "content")), encoding="utf-8")
    return settings
