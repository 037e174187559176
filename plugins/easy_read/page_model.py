"""What an easy-read page holds, for the templates (plugins/README.md lists it).

Text is plain and autoescaped by the templates, except `*_html` fields, which
this plugin made from the project's own Markdown files and may be marked safe.
"""

from dataclasses import dataclass, field

from .check import Finding
from .ideas import picture_problems
from .pictures import PICTURES, picture_or_fallback


@dataclass
class Point:
    """One idea with its picture, the picture on the left."""

    text: str = ""  # the words, acronyms written out
    picture: str = "info"  # a name in the picture set (the fallback when none was given)
    text_html: str | None = None  # instead of text, for content pages: bold and links only
    link_href: str | None = None  # an optional link after the text (a phone number, an email)
    link_text: str | None = None
    after: str = ""  # words after the link, usually "."
    lines: list = field(default_factory=list)  # lines shown under the words, such as an address
    picture_alt: str = ""  # "" when the words say what the picture shows (decorative)
    idea: str | None = None  # what a generated sentence means (ideas.IDEAS); None for words a person wrote
    polarity: str = ""  # "positive" or "negative" for a yes-or-no fact (step-free access / steps)
    where: str = ""  # the field it was made from, e.g. accessibility.step_free_access


@dataclass
class Section:
    heading: str
    points: list


@dataclass
class EasyReadPage:
    title: str
    url: str  # e.g. services/x/easy-read/
    save_as: str
    standard_url: str  # the standard page, e.g. services/x/ ("" for the home page)
    source: str  # the file it was made from, relative to the project
    summary: str = ""
    summary_html: str | None = None
    notices: list = field(default_factory=list)  # points shown first, as warnings (closed, not checked lately)
    sections: list = field(default_factory=list)
    findings: list = field(default_factory=list)

    @property
    def points(self):
        return [point for section in self.sections for point in section.points]


class PageBuilder:
    """Collects a page's text, writing acronyms out and checking it as it goes."""

    def __init__(self, checker, file, url, lines=None):
        self.checker = checker
        # `lines(where)`: the line of a field, from the service's record (or None).
        self.lines = lines
        self.glossary = checker.glossary
        self.file = file
        self.url = url
        self.findings = []
        self.shown = []  # every checked text as readers see it, for the reading ease
        self.optional = []  # (shown, leave_out) of each piece of a provider's standard text

    def add_findings(self, problems, where, line=None):
        if problems and line is None and self.lines is not None:
            line = self.lines(where)
        self.findings += [Finding(self.file, line, rule, message, where, self.url) for rule, message in problems]

    def text(self, written, where, line=None, shown=None):
        """Check `written` and report what the check finds; return the words readers see."""
        shown = self.glossary.write_out(written) if shown is None else shown
        self.add_findings(self.checker.check_text(written, shown), where, line)
        self.shown.append(shown)
        return shown

    def if_plain(self, written, leave_out):
        """The words readers see if `written` already meets every sentence
        rule, else None. For a provider's standard text, which was not written
        for easy read. `leave_out()` takes it off the page again if the page
        as a whole is then too hard to read (see finish_page)."""
        if not written or not written.strip():
            return None
        shown = self.glossary.write_out(written.strip())
        if self.checker.check_text(written, shown):
            return None
        self.shown.append(shown)
        self.optional.append((shown, leave_out))
        return shown

    def picture(self, name, where, line=None, known=PICTURES):
        self.add_findings(self.checker.check_picture(name, known), where, line)
        return picture_or_fallback(name)

    def finish_page(self, page, where="page"):
        # A provider's standard text is left out, hardest first, until the
        # page is easy enough to read: generated pages always pass the check.
        optional = sorted(self.optional, key=lambda item: self.checker.reading_ease_of(item[0]))
        while optional and not self.checker.easy_enough(self.shown):
            shown, leave_out = optional.pop(0)
            self.shown.remove(shown)
            leave_out()
        # Each `leave_out` holds the page (through its sayer, which holds this builder): a cycle,
        # which the collector, paused while generate_context runs (safe_build.collector), would
        # keep to the end of the build, and the page with it, when the build keeps only its text.
        self.optional = []
        self.add_findings(self.checker.check_page(self.shown, len(page.points)), where)
        points = [*page.notices, *page.points]
        for point, rule, message in picture_problems(points, lambda point: point.where or "a point"):
            self.add_findings([(rule, message)], point.where or where)
        page.findings = self.findings
        return page
