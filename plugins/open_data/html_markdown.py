"""Descriptions in HTML, as other directories publish them, to the Markdown a provider file holds.

A small converter on html.parser: paragraphs, line breaks, lists, bold,
italics, links to http(s) addresses, and headings (as bold lines: a provider
file's headings sit under the page's own). Every other tag is dropped and its
text kept; scripts and styles are dropped with their text. The result is then
checked and sanitised like any provider's Markdown, so nothing here has to be
trusted.
"""

import re
from html.parser import HTMLParser

TAG = re.compile(r"<\s*/?\s*[A-Za-z!][^>]*>")
BLOCKS = {"p", "div", "section", "article", "blockquote", "table", "tr", "pre", "address", "main", "header", "footer"}
HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
DROPPED = {"script", "style", "template", "noscript", "iframe", "object", "head", "title"}
# Characters that would start Markdown syntax at the start of a line of converted text.
LINE_START = re.compile(r"^(\s*)([#>+-]|\d+[.)])(?=\s)", re.MULTILINE)
LEVEL_ONE_HEADING = re.compile(r"^#(?=\s)", re.MULTILINE)


def to_markdown(text):
    """Markdown for `text`: HTML is converted; text without tags (plain text, or
    Markdown such as this site's own feed carries) is kept as written, except that
    a level-1 heading becomes level 2, as provider files need."""
    text = (text or "").replace("\r\n", "\n").replace("\r", "\n")
    if not TAG.search(text):
        markdown = LEVEL_ONE_HEADING.sub("##", text)
    else:
        converter = _Converter()
        converter.feed(text)
        converter.close()
        markdown = converter.markdown()
    # A `<` left in the text (from `&lt;`, or typed) is written as an entity, so the
    # provider-file check never mistakes it for HTML.
    return markdown.replace("<", "&lt;").strip()


def to_plain_text(markdown):
    """One line of plain text from Markdown (for a summary)."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", markdown)
    text = re.sub(r"[*_`\\]", "", text)
    text = re.sub(r"^\s*([-+]|\d+[.)])\s+", "", text, flags=re.MULTILINE)
    return re.sub(r"\s+", " ", text.replace("&lt;", "<")).strip()


class _Converter(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.blocks = []  # finished blocks of Markdown
        self.line = []  # the inline text of the block being read
        self.lists = []  # "ul" or "ol" with its counter, innermost last
        self.dropping = 0
        self.link = None  # (href, start index in self.line) while inside <a href>
        self.last_was_item = False

    def markdown(self):
        self._end_block()
        return "\n\n".join(self.blocks)

    def handle_starttag(self, tag, attrs):
        if tag in DROPPED:
            self.dropping += 1
        elif self.dropping:
            return
        elif tag in BLOCKS or tag in HEADINGS:
            self._end_block()
            if tag in HEADINGS:
                self.line.append("**")
        elif tag == "br":
            self.line.append("  \n")
        elif tag in ("ul", "ol"):
            self._end_block()
            self.lists.append([tag, 0])
        elif tag == "li":
            self._end_block()
            if self.lists:
                self.lists[-1][1] += 1
        elif tag in ("strong", "b"):
            self.line.append("**")
        elif tag in ("em", "i"):
            self.line.append("*")
        elif tag == "a":
            href = dict(attrs).get("href") or ""
            if re.match(r"https?://[^\s]+$", href.strip(), re.IGNORECASE):
                self.link = (href.strip(), len(self.line))

    def handle_endtag(self, tag):
        if tag in DROPPED:
            self.dropping = max(0, self.dropping - 1)
        elif self.dropping:
            return
        elif tag in HEADINGS:
            self.line.append("**")
            self._end_block()
        elif tag in BLOCKS or tag == "li":
            self._end_block()
        elif tag in ("ul", "ol") and self.lists:
            self._end_block()
            self.lists.pop()
        elif tag in ("strong", "b"):
            self.line.append("**")
        elif tag in ("em", "i"):
            self.line.append("*")
        elif tag == "a" and self.link:
            href, start = self.link
            text = "".join(self.line[start:]).strip()
            self.line[start:] = [f"[{text or href}]({href})"]
            self.link = None

    def handle_data(self, data):
        if self.dropping:
            return
        text = re.sub(r"\s+", " ", data)
        # Markdown's own characters in text stay text.
        self.line.append(re.sub(r"([\\`*_\[\]])", r"\\\1", text))

    def _end_block(self):
        text = "".join(self.line).strip()
        text = re.sub(r"[ \t]*\n[ \t]*", "  \n", text).replace("**  **", "").replace("****", "")
        self.line = []
        if not text or text in ("**", "*"):
            return
        if self.lists:
            kind, count = self.lists[-1]
            indent = "    " * (len(self.lists) - 1)
            marker = f"{count}." if kind == "ol" else "-"
            item = f"{indent}{marker} {text}"
            # The items of a list, nested ones included, stay together without blank lines.
            if self.last_was_item:
                self.blocks[-1] += "\n" + item
            else:
                self.blocks.append(item)
            self.last_was_item = True
        else:
            self.blocks.append(LINE_START.sub(r"\1\\\2", text))
            self.last_was_item = False
