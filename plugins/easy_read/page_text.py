"""An easy-read page as compact JSON text, and back.

It is how the cache keeps a page, and how a build holds a service's page between
making it (generate_context) and writing it (generate_output): the text is about
a quarter of the page's objects (measured at 10,000 services: 15.7 KB of objects
a service page, 3.5 KB of cache_files.data's tagged JSON without its tags and
field names, under 2 KB here). Each page, section, point and finding is a list of
its fields in a fixed order, as JSON has them; reading one back checks the type of
every field (a text that is not a page gives None), as data.py checks its tags.
"""

import itertools
import json

from .check import Finding
from .page_model import EasyReadPage, Point, Section

_NONE = type(None)
_OPTIONAL = (str, _NONE)

# A point is [text, picture, idea, polarity, where], then, only when one of them is not
# its default, [text_html, link_href, link_text, after, lines, picture_alt]: most points
# of a service page have none of those.
_POINT_DEFAULTS = (None, None, None, "", [], "")
_SHORT_POINT = ((str,), (str,), _OPTIONAL, (str,), (str,))
_LONG_POINT = (*_SHORT_POINT, _OPTIONAL, _OPTIONAL, _OPTIONAL, (str,), (list,), (str,))
# The types a point's list may have, every combination of them: checked as one lookup a point.
_POINT_TYPES = frozenset(itertools.product(*_SHORT_POINT)) | frozenset(itertools.product(*_LONG_POINT))
_FINDING_TYPES = frozenset(itertools.product((str,), (int, _NONE), (str,), (str,), (str,), (str,)))
# title, url, save_as, standard_url, source, summary, summary_html, notices, sections, findings
_PAGE_TYPES = frozenset(itertools.product(*[(str,)] * 6, _OPTIONAL, (list,), (list,), (list,)))


class _NotAPage(Exception):
    """A part of the text is not of a page's shape."""


def page_text(page):
    """The page as text (page_from_text reads it back)."""
    return json.dumps(
        [page.title, page.url, page.save_as, page.standard_url, page.source, page.summary, page.summary_html,
         [_point_fields(point) for point in page.notices],
         [[section.heading, [_point_fields(point) for point in section.points]] for section in page.sections],
         [[finding.file, finding.line, finding.rule, finding.message, finding.where, finding.url]
          for finding in page.findings]],
        ensure_ascii=False, separators=(",", ":"))


def _point_fields(point):
    fields = [point.text, point.picture, point.idea, point.polarity, point.where]
    rest = (point.text_html, point.link_href, point.link_text, point.after, point.lines, point.picture_alt)
    return fields if rest == _POINT_DEFAULTS else fields + list(rest)


def page_from_text(text):
    """The EasyReadPage `text` holds, or None when it is not one (a damaged cache)."""
    try:
        data = json.loads(text)
    except (TypeError, ValueError, RecursionError):
        return None
    if type(data) is not list or tuple(map(type, data)) not in _PAGE_TYPES:
        return None
    title, url, save_as, standard_url, source, summary, summary_html, notices, sections, findings = data
    try:
        return EasyReadPage(
            title, url, save_as, standard_url, source, summary, summary_html, notices=_points(notices),
            sections=[Section(heading, _points(points)) for heading, points in map(_section, sections)],
            findings=[Finding(*finding) for finding in map(_finding, findings)],
        )
    except _NotAPage:
        return None


def _section(item):
    if type(item) is not list or len(item) != 2 or type(item[0]) is not str or type(item[1]) is not list:
        raise _NotAPage
    return item


def _finding(item):
    if type(item) is not list or tuple(map(type, item)) not in _FINDING_TYPES:
        raise _NotAPage
    return item


def _points(items):
    points = []
    for item in items:
        if type(item) is not list or tuple(map(type, item)) not in _POINT_TYPES:
            raise _NotAPage
        if len(item) == 5:
            text, picture, idea, polarity, where = item
            points.append(Point(text, picture, idea=idea, polarity=polarity, where=where))
            continue
        text, picture, idea, polarity, where, text_html, link_href, link_text, after, lines, picture_alt = item
        if not all(type(line) is str for line in lines):
            raise _NotAPage
        points.append(Point(text, picture, text_html, link_href, link_text, after, lines, picture_alt, idea, polarity,
                            where))
    return points


class PageFromText:
    """A page made in this build, for its template: its text until the template reads a field,
    then its objects. A page to write is queued with its template and rendered later, in a
    rendering worker where the machine has cores to spare (safe_build.rendering), so the
    build process holds each page's text, not its objects, until every page is rendered."""

    __slots__ = ("text",)
    # The one page whose objects are made: (its PageFromText, the page). Pages are rendered one
    # at a time, so a worker holds one page's objects, not those of every page it rendered.
    _made = (None, None)

    def __init__(self, text):
        self.text = text

    def __getattr__(self, name):
        if name.startswith("_"):  # not a field (copy, pickle and Jinja ask for some)
            raise AttributeError(name)
        owner, page = PageFromText._made
        if owner is not self:
            page = page_from_text(self.text)
            if page is None:  # only a field of a type page_text does not keep: a mistake in this plugin
                raise TypeError("easy_read: a page made in this build cannot be read back from its text")
            PageFromText._made = (self, page)
        return getattr(page, name)
