"""Provider Markdown to safe HTML.

Provider text is untrusted. Raw HTML is turned off in the Markdown parser, so
`<script>` shows as text, and the result is cleaned with nh3 (the ammonia
sanitiser) against a short list of tags, as a second line of defence.
"""

import re

import markdown
import nh3

ALLOWED_TAGS = {
    "p", "br", "strong", "em", "b", "i", "ul", "ol", "li", "a", "blockquote",
    "code", "pre", "hr", "h2", "h3", "h4", "h5", "h6",
}
ALLOWED_ATTRIBUTES = {"a": {"href"}}
URL_SCHEMES = {"http", "https", "mailto", "tel"}
# GOV.UK Frontend styles content through classes, so they are added after cleaning.
GOVUK_CLASSES = {
    "<p>": '<p class="govuk-body">',
    "<ul>": '<ul class="govuk-list govuk-list--bullet">',
    "<ol>": '<ol class="govuk-list govuk-list--number">',
    "<a ": '<a class="govuk-link" ',
    "<h2>": '<h2 class="govuk-heading-m">',
    "<h3>": '<h3 class="govuk-heading-s">',
    "<h4>": '<h4 class="govuk-heading-s">',
}


class MarkdownRenderer:
    """One Markdown parser, reused for every field of every file."""

    def __init__(self):
        self._markdown = markdown.Markdown(extensions=["sane_lists"], output_format="html")
        # Raw HTML is not allowed in provider files: treat it as text.
        self._markdown.preprocessors.deregister("html_block")
        self._markdown.inlinePatterns.deregister("html")

    def render(self, text, heading_offset=0):
        """Safe HTML for `text`; headings move down `heading_offset` levels so
        that they fit under the section they appear in."""
        if not text:
            return ""
        html = _plain_paragraphs(text)
        if html is None:
            html = self._markdown.reset().convert(text)
        if heading_offset:
            html = _shift_headings(html, heading_offset)
        html = nh3.clean(
            html,
            tags=ALLOWED_TAGS,
            attributes=ALLOWED_ATTRIBUTES,
            url_schemes=URL_SCHEMES,
            link_rel="noopener noreferrer",
        )
        for plain, styled in GOVUK_CLASSES.items():
            html = html.replace(plain, styled)
        return html


# Anything that could make Markdown do more than wrap paragraphs in <p>: its
# special characters, a line that does not start with a letter (lists, quotes,
# headings, rules, code), spaces at either end of a line (code, line breaks),
# more than one blank line, and control characters it strips or changes.
_NOT_PLAIN = re.compile(
    r"[\\`*_\[\]<>&#\t\r\x00-\x08\x0b-\x1f\x7f]|^[^\w\n]|^\d|\n\n\n|[^\S\n]$|\A\s|\s\Z",
    re.MULTILINE,
)


def _plain_paragraphs(text):
    """Markdown's HTML for text that is only paragraphs of words, without
    running Markdown (most provider text is; it is half the cost of a page);
    None for anything else. tests/test_markdown_text.py checks it against Markdown.
    Newlines at the end are dropped first, as Markdown drops them: a YAML `|` block
    ends in one, and nearly every provider writes its description as one."""
    text = text.rstrip("\n")
    if not text or _NOT_PLAIN.search(text):
        return None
    return "\n".join(f"<p>{paragraph}</p>" for paragraph in text.split("\n\n"))


def _shift_headings(html, offset):
    # From the deepest level up, so that a heading is moved only once.
    for level in range(6, 0, -1):
        new = min(level + offset, 6)
        html = html.replace(f"<h{level}>", f"<h{new}>").replace(f"</h{level}>", f"</h{new}>")
    return html
