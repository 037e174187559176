"""An easy-read page as text and back (easy_read/page_text.py): every field comes back as it was,
and a text that is not a page, in any part, reads back as None."""

import json

import pytest

from localoffer.easy_read.check import Finding
from localoffer.easy_read.page_model import EasyReadPage, Point, Section
from localoffer.easy_read.page_text import page_from_text, page_text

URL, SOURCE = "services/club/easy-read/", "providers/club.yaml"


def page():
    return EasyReadPage("Club", URL, URL + "index.html", "services/club/", SOURCE,
                        sections=[Section("What it is", [Point("We play games.", "games")])],
                        findings=[Finding(SOURCE, 3, "words", "a long word", "service.summary", URL)])


def every_field_page():
    """A page with every field of every part set, none at its default."""
    return EasyReadPage(
        "About", "about/easy-read/", "about/easy-read/index.html", "about/", "content/pages/about.easy-read.md",
        summary="We help.", summary_html="We <strong>help</strong>.",
        notices=[Point("Closed for now.", "stop", idea="closed", polarity="negative", where="status")],
        sections=[Section("How to get help", [
            Point("Phone them on", "phone", "<b>Phone</b>", "tel:01632", "01632 960000", ".", ["Town Hall", "NM1 4AB"],
                  "a phone", "phone", "positive", "contact.phone"),
            Point("", "info", text_html="Words a person wrote."),
        ])],
        findings=[Finding("content/pages/about.easy-read.md", None, "page-length", "too long", "page", "about/easy-read/"),
                  Finding("content/pages/about.easy-read.md", 7, "acronym", "SLT", "point", "about/easy-read/")],
    )


def test_a_page_is_read_back_from_its_text_as_it_was():
    for made in (page(), every_field_page()):
        back = page_from_text(page_text(made))
        assert back == made and repr(back) == repr(made)


def test_a_short_point_is_written_without_its_default_fields():
    assert '["We play games.","games",null,"",""]' in page_text(page())


@pytest.mark.parametrize("damage", [
    lambda data: "not a list",
    lambda data: data[:-1],  # a field short
    lambda data: data[:5] + [7] + data[6:],  # a summary that is not text
    lambda data: data[:8] + [[["What it is"]]] + data[9:],  # a section without its points
    lambda data: data[:8] + [[["What it is", [["We play games.", "games", None, ""]]]]] + data[9:],  # a point short
    lambda data: data[:8] + [[["What it is", [[1, "games", None, "", ""]]]]] + data[9:],  # a point's words a number
    lambda data: data[:9] + [[[SOURCE, "three", "words", "a long word", "", URL]]],  # a finding's line not a number
    lambda data: data[:7] + [[[*["x"] * 9, [3], "x"]]] + data[8:],  # a point's lines not text
])
def test_a_text_that_is_not_a_page_reads_back_as_none(damage):
    data = json.loads(page_text(every_field_page()))
    assert page_from_text(json.dumps(data)) == every_field_page()  # as written, it is one
    assert page_from_text(json.dumps(damage(data))) is None


def test_a_text_that_is_not_json_reads_back_as_none():
    assert page_from_text("[not json") is None


def test_a_page_from_text_reads_its_text_only_when_a_field_is_asked_for():
    from localoffer.easy_read.page_text import PageFromText

    lazy, other = PageFromText(page_text(every_field_page())), PageFromText(page_text(page()))
    assert lazy.title == "About" and lazy.points == every_field_page().points
    assert PageFromText._made == (lazy, every_field_page())  # made once, for every field read
    assert other.title == "Club" and PageFromText._made == (other, page())  # the last page's objects let go
    assert lazy.title == "About"
    with pytest.raises(AttributeError):
        lazy.__html__
    with pytest.raises(TypeError, match="^easy_read: a page made in this build cannot be read back from its text$"):
        PageFromText('["not a page"]').title
