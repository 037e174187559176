"""Write theme/static/css/council.css from the COUNCIL_COLOUR setting.

The colour goes into a stylesheet rather than an inline <style> so the site
works under a Content-Security-Policy without 'unsafe-inline'.
"""

import logging
import re

log = logging.getLogger(__name__)

CSS_NAME = "council.css"
FALLBACK_COLOUR = "#1d5c4d"
HEX_COLOUR = re.compile(r"#[0-9a-fA-F]{6}")
# White header text needs 4.5:1 (WCAG 2.2 AA, 1.4.3).
MINIMUM_CONTRAST = 4.5


def check_colour(value):
    """Return (colour to use, error message or None)."""
    if not isinstance(value, str) or not HEX_COLOUR.fullmatch(value.strip()):
        return FALLBACK_COLOUR, (
            f"theme_assets: COUNCIL_COLOUR {value!r} is not a colour like "
            f"'#1d5c4d'; using {FALLBACK_COLOUR}"
        )
    colour = value.strip().lower()
    ratio = contrast_with_white(colour)
    if ratio < MINIMUM_CONTRAST:
        return colour, (
            f"theme_assets: COUNCIL_COLOUR {colour} has a contrast of "
            f"{ratio:.2f}:1 with white text; it needs {MINIMUM_CONTRAST}:1"
        )
    return colour, None


def contrast_with_white(colour):
    def channel(hex_pair):
        c = int(hex_pair, 16) / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(colour[i : i + 2]) for i in (1, 3, 5))
    luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b
    return 1.05 / (luminance + 0.05)


def council_css(colour):
    return (
        "/* Written by plugins/theme_assets from COUNCIL_COLOUR; do not edit. */\n"
        f":root{{--council-colour:{colour};--govuk-brand-colour:{colour}}}\n"
    )


def write_council_css(value, css_dir):
    colour, problem = check_colour(value)
    if problem:
        log.error(problem)
    css_dir.mkdir(parents=True, exist_ok=True)
    target = css_dir / CSS_NAME
    text = council_css(colour)
    if not target.is_file() or target.read_text(encoding="utf-8") != text:
        target.write_text(text, encoding="utf-8")
    return target
