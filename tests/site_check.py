"""Checks of a built site as a whole: every page names the council, every local address resolves."""

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit


class _Addresses(HTMLParser):
    """The href, src and srcset addresses of one page (srcset's first word of each part)."""

    def __init__(self):
        super().__init__()
        self.found = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if value and name in ("href", "src"):
                self.found.append(value)
            elif value and name == "srcset":
                self.found += [part.split()[0] for part in value.split(",") if part.strip()]


def local_addresses(html):
    parser = _Addresses()
    parser.feed(html)
    return [address for address in parser.found
            if not urlsplit(address).scheme and not address.startswith(("//", "#"))]


def resolves(output, page, address):
    """True when `address`, written on `page` (a path inside `output`), names a file of the site."""
    path = unquote(urlsplit(address).path)
    if not path:
        return True
    target = (output / path.lstrip("/")) if path.startswith("/") else (page.parent / path)
    return target.is_file() or (target / "index.html").is_file()


def missing_addresses(output):
    """Every local address on every page that names no file, as "page: address"."""
    output = Path(output)
    missing = []
    for page in sorted(output.rglob("*.html")):
        for address in local_addresses(page.read_text(encoding="utf-8")):
            if not resolves(output, page, address):
                missing.append(f"{page.relative_to(output)}: {address}")
    return missing


def pages_without(output, text):
    """The pages of the site that do not contain `text` (the editorial report included)."""
    output = Path(output)
    return [str(page.relative_to(output)) for page in sorted(output.rglob("*.html"))
            if text not in page.read_text(encoding="utf-8")]


def script_and_style_files(html):
    return re.findall(r'<(?:script|link)[^>]+(?:src|href)="([^"]+)"', html)
