""""You said, we did" refuses personal data however it is disguised, and
still publishes what identifies nobody (ages, prices, Relay UK's 18001)."""

import pytest

from localoffer.coproduction.personal_data import has_email, has_phone, normalised
from tests.test_you_said_we_did import EMAIL, FILE, PHONE, comment, read


@pytest.mark.parametrize("text", [
    "jane.doe\uff20example.com",  # a fullwidth @
    "jane.doe@exa\u200bmple.com",  # a zero-width space inside
    "ja\u00adne@example.com",  # a soft hyphen
    "jane [at] example [dot] com",
    "jane at example dot com",
    "jane(at)example(dot)co(dot)uk",
    "JANE AT EXAMPLE DOT ORG",
    "jane {at} mail {dot} example {dot} org",
    "\uff4a\uff41\uff4e\uff45\uff20\uff45\uff58\uff41\uff4d\uff50\uff4c\uff45\uff0e\uff4f\uff52\uff47",  # all fullwidth
])
def test_a_disguised_email_address_refuses_the_entry(tmp_path, text):
    problems, years = read(tmp_path, "feedback:\n" + comment(quote=f'"Write to {text} please"'))
    assert problems == [f"{FILE}:5: feedback[0].quote: {EMAIL}"]
    assert years == []


@pytest.mark.parametrize("text", [
    "O1632 960123",  # a letter O for the zero
    "0l632 96O123",  # l for 1 and O for 0
    "0I632 960I23",
    "0 1 6 3 2 - 9 6 0 1 2 3",
    "0 1 6 3 2   9 6 0 1 2 3",
    "\uff10\uff11\uff16\uff13\uff12 \uff19\uff16\uff10\uff11\uff12\uff13",  # fullwidth digits
    "01632\u200b960\u200b123",
    "+44 77OO 9OO123",
    "0 7 7 0 0 / 9 0 0 / 1 2 3",
])
def test_a_disguised_phone_number_refuses_the_entry(tmp_path, text):
    problems, years = read(tmp_path, "feedback:\n" + comment(quote=f'"Ring {text} after school"'))
    assert problems == [f"{FILE}:5: feedback[0].quote: {PHONE}"]
    assert years == []


@pytest.mark.parametrize("text", [
    "Services for ages 0 to 25 should be easier to find",
    "0-25 years, and 16 to 19 year olds",
    "Use Relay UK by dialling 18001 then the number",
    "It costs £1,000 a year, or £2.50 a session",
    "We looked at the report and the dot points in it",
    "Meet at school at 3.15 on 12/09/2026",
    "Look at page 10 of 120",
    "lIl Oil 10 01 2024",
    "From 2024 to 2026 we held 12 sessions for 300 families",
])
def test_what_identifies_nobody_is_still_published(tmp_path, text):
    problems, years = read(tmp_path, "feedback:\n" + comment(quote=f'"{text}"'))
    assert problems == []
    assert len(years) == 1


def test_normalising_folds_compatibility_forms_and_drops_invisible_characters():
    assert normalised("\uff4a\u200b\u2060a\u00ad\uff20") == "ja@"


def test_the_checks_take_time_in_proportion_to_the_text():
    """The old email pattern took minutes on one long word; these return at once (the suite would hang otherwise)."""
    for text in ["a" * 200_000, "0" * 200_000, "a at " * 40_000, "O l " * 50_000, "a." * 100_000]:
        assert has_email(text) is False
        assert has_phone(text) is False
