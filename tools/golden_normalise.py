"""Turn a built file into the text the golden tree keeps for it.

Two builds of the same input must give the same text, and a reviewer must be
able to read a change as a short diff. So what is not meaningful is made the
same on both sides, and nothing that is meaningful is dropped:

- HTML: one tag, text or comment a line, indented by depth; runs of white space
  in text and attribute values become one space (as a browser shows them);
  entities stay as they were written, so escaped provider text stays visibly
  escaped. `<pre>` and `<textarea>` keep their white space.
- JSON: pretty-printed with sorted keys (list order is kept: it means something).
- XML (a sitemap, a feed): one element a line, indented, names as written.
- Pictures, fonts, compiled CSS, front-end JavaScript and copied pictograms: a
  sha256 line (as `sha256sum` writes it) instead of their bytes.
- Any other text: as it is.

Pelican's own functional tests compare with `git diff -w`, which ignores white
space inside lines too; this keeps words apart, so "a b" and "ab" still differ.
"""

import hashlib
import json
import re
import textwrap
from fnmatch import fnmatch
from html import escape
from html.parser import HTMLParser
from xml.dom import minidom
from xml.parsers.expat import ExpatError

# Copied or compiled assets whose bytes a reviewer cannot read: the theme's
# compiled CSS, vendored and front-end JavaScript, logo and favicons, and the
# OpenMoji pictures easy read copies. Each is one digest line; a change to one
# still fails the comparison, it just is not shown byte by byte.
DIGESTED = ("theme/*", "easy-read/pictures/*.svg")
BINARY_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif", ".webp", ".ico", ".woff", ".woff2", ".ttf", ".pdf")

JSON_SUFFIXES = (".json", ".jsonld", ".geojson", ".webmanifest")
XML_SUFFIXES = (".xml", ".rss", ".atom", ".svg")
VOID_ELEMENTS = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
KEEP_WHITE_SPACE = {"pre", "textarea"}
# HTML's white space only: a no-break space (U+00A0) is content, not layout.
HTML_SPACE = re.compile(r"[ \t\n\r\f]+")


def is_digested(path, data):
    """True for a file kept as a digest line: an asset, or anything that is not UTF-8 text."""
    if path.endswith(BINARY_SUFFIXES) or any(fnmatch(path, pattern) for pattern in DIGESTED):
        return True
    try:
        return "\0" in data.decode("utf-8")
    except UnicodeDecodeError:
        return True


def digest_line(path, data):
    """The file's line in the digest manifest, in `sha256sum` format, so that
    `sha256sum -c` can check a build against it too."""
    return f"{hashlib.sha256(data).hexdigest()}  {path}"


def normalise(path, data):
    """The golden text of one built text file (`path` relative to the output folder)."""
    text = data.decode("utf-8").replace("\r\n", "\n")
    if path.endswith((".html", ".htm")):
        return normalise_html(text)
    if path.endswith(JSON_SUFFIXES):
        return normalise_json(text)
    if path.endswith(XML_SUFFIXES):
        return normalise_xml(text)
    return text if text.endswith("\n") or not text else text + "\n"


def normalise_json(text):
    """Sorted keys, two-space indent; text that is not JSON is kept as it is, so
    a broken file shows as what it is instead of failing the refresh."""
    try:
        value = json.loads(text)
    except ValueError:
        return text if text.endswith("\n") else text + "\n"
    return json.dumps(value, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def normalise_xml(text):
    """One element a line, indented, with names and namespace prefixes as written
    (XML is case-sensitive, so not the HTML printer); text that is not
    well-formed XML is kept as it is."""
    try:
        document = minidom.parseString(text.encode("utf-8"))
    except ExpatError:
        return text if text.endswith("\n") else text + "\n"
    _strip_layout(document)
    # minidom writes its own `<?xml version="1.0" ?>`; keep the one the file has (its encoding, if any).
    body = document.toprettyxml(indent="  ").split("\n", 1)[1]
    declaration = re.match(r"\s*(<\?xml[^>]*\?>)", text)
    return f"{declaration.group(1)}\n{body}" if declaration else body


def _strip_layout(node):
    """Drop white-space-only text between elements and collapse the rest, so the
    printer's indentation is the only layout."""
    for child in list(node.childNodes):
        if child.nodeType == child.TEXT_NODE:
            child.data = HTML_SPACE.sub(" ", child.data).strip(" ")
            if not child.data:
                node.removeChild(child)
        else:
            _strip_layout(child)


def normalise_html(text):
    printer = _PrettyPrinter()
    printer.feed(text)
    printer.close()
    return "\n".join(printer.lines) + "\n"


def _attributes(attrs):
    shown = []
    for name, value in attrs:
        if value is None:
            shown.append(name)
        else:
            # html.parser has already turned entities in values into characters;
            # escape only what would end or confuse the quoted value.
            value = HTML_SPACE.sub(" ", value).strip(" ")
            shown.append(f'{name}="{escape(value, quote=True)}"')
    return "".join(f" {item}" for item in shown)


class _PrettyPrinter(HTMLParser):
    """One node a line, indented by the elements open around it. Tolerant of
    unclosed and stray tags: it never raises on what a template produced."""

    def __init__(self):
        # Keep `&lt;`, `&amp;`, `&#39;` as written: escaping is part of what is tested.
        super().__init__(convert_charrefs=False)
        self.lines = []
        self.open_elements = []
        self.pending_text = []

    def _emit(self, line):
        self.lines.append("  " * len(self.open_elements) + line)

    def _flush_text(self):
        text, self.pending_text = "".join(self.pending_text), []
        if not text:
            return
        if KEEP_WHITE_SPACE.intersection(self.open_elements):
            self.lines.extend(text.split("\n"))
        elif self.open_elements and self.open_elements[-1] in ("script", "style"):
            self._emit_raw_block(text)
        else:
            text = HTML_SPACE.sub(" ", text).strip(" ")
            if text:
                self._emit(text)

    def _emit_raw_block(self, text):
        stripped = text.strip()
        if stripped.startswith(("{", "[")):
            try:
                text = json.dumps(json.loads(stripped), indent=2, sort_keys=True, ensure_ascii=False)
            except ValueError:
                pass
        # Dedented, not stripped: nested JSON and code keep their shape.
        for line in textwrap.dedent(text).split("\n"):
            if line.strip():
                self._emit(line.rstrip())

    def handle_starttag(self, tag, attrs):
        self._flush_text()
        self._emit(f"<{tag}{_attributes(attrs)}>")
        if tag not in VOID_ELEMENTS:
            self.open_elements.append(tag)

    def handle_startendtag(self, tag, attrs):
        self._flush_text()
        self._emit(f"<{tag}{_attributes(attrs)}{'' if tag in VOID_ELEMENTS else ' /'}>")

    def handle_endtag(self, tag):
        self._flush_text()
        if tag in self.open_elements:
            # Elements left open inside this one (an unclosed <li>) close with it.
            while self.open_elements.pop() != tag:
                pass
        self._emit(f"</{tag}>")

    def handle_data(self, data):
        self.pending_text.append(data)

    def handle_entityref(self, name):
        self.pending_text.append(f"&{name};")

    def handle_charref(self, name):
        self.pending_text.append(f"&#{name};")

    def handle_comment(self, data):
        self._flush_text()
        self._emit(f"<!--{HTML_SPACE.sub(' ', data)}-->")

    def handle_decl(self, decl):
        self._flush_text()
        self._emit(f"<!{decl}>")

    def handle_pi(self, data):
        self._flush_text()
        self._emit(f"<?{data}>")

    def unknown_decl(self, data):
        self._flush_text()
        self._emit(f"<![{data}]>")

    def close(self):
        super().close()
        self._flush_text()
