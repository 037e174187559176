"""Build the "Tell us what you think of this page" address from FEEDBACK_URL.

FEEDBACK_URL is a mailto: or web address with two placeholders, {url} and
{title}, filled in with the page's full address and title, URL-encoded.
"""

import logging
import re
from functools import partial
from urllib.parse import quote

log = logging.getLogger(__name__)

SETTING = "FEEDBACK_URL"
PLACEHOLDERS = ("url", "title")
SCHEMES = ("mailto:", "https://", "http://")
PLACEHOLDER = re.compile(r"\{([^{}]*)\}")


def problems(template):
    """Every problem with a FEEDBACK_URL value, as log messages."""
    if template is None or template == "":
        return [f"feedback_link: {SETTING} is not set, so pages have no feedback link"]
    if not isinstance(template, str):
        return [
            f"feedback_link: {SETTING} must be text, not {type(template).__name__}"
        ]
    found = []
    if not template.startswith(SCHEMES):
        found.append(
            f"feedback_link: {SETTING} must start with mailto:, https:// or http://; "
            f"it starts with {template[:12]!r}"
        )
    names = PLACEHOLDER.findall(template)
    for name in names:
        if name not in PLACEHOLDERS:
            found.append(
                f"feedback_link: {SETTING} has an unknown placeholder {{{name}}}; "
                "use {url} and {title}"
            )
    for name in PLACEHOLDERS:
        if name not in names:
            found.append(
                f"feedback_link: {SETTING} has no {{{name}}} placeholder; "
                "use {url} and {title}"
            )
    return found


def page_address(siteurl, page_path):
    """The page's full address: SITEURL + "/" + page_path, or "/" + page_path
    when SITEURL is empty (a local build)."""
    path = (page_path or "").lstrip("/")
    return f"{(siteurl or '').rstrip('/')}/{path}"


def build_feedback_url(template, siteurl, page_path, title):
    """Fill FEEDBACK_URL in for one page; None when there is no usable setting.

    A value that does not start with an allowed scheme gives None, so a
    mistaken setting can never put a javascript: link on every page.
    """
    if not isinstance(template, str) or not template.startswith(SCHEMES):
        return None
    url = quote(page_address(siteurl, page_path), safe="")
    text = quote(str(title or ""), safe="")
    # str.replace, not str.format: the rest of the address is left as written.
    return template.replace("{url}", url).replace("{title}", text)


def check_settings(pelican):
    """initialized receiver: log every problem with FEEDBACK_URL."""
    template = pelican.settings.get(SETTING)
    for message in problems(template):
        if template is None or template == "":
            log.warning(message)
        else:
            log.error(message)


def add_feedback_global(generator):
    """generator_init receiver: add feedback_url(url, title) to the templates."""
    settings = generator.settings
    generator.env.globals["feedback_url"] = partial(
        build_feedback_url, settings.get(SETTING), settings.get("SITEURL", "")
    )
