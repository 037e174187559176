"""You said, we did: the checks (an email address or phone number refuses the
entry, as regulation 56 of the SEND Regulations 2014 asks that nothing
identifies anyone), grouping by year, and each year's summary."""

import datetime
from pathlib import Path

import pytest

from localoffer.coproduction.feedback import read_feedback
from localoffer.coproduction.search_text import feedback_document

FIXTURE = Path(__file__).parent / "fixtures" / "coproduction" / "you-said-we-did.yaml"
TODAY = datetime.date(2026, 11, 22)
FILE = "content/feedback/you-said-we-did.yaml"
EMAIL = ("contains an email address; remove it, because nothing published here may identify a person "
         "(SEND Regulations 2014, regulation 56)")
PHONE = ("contains a phone number; remove it, because nothing published here may identify a person "
         "(SEND Regulations 2014, regulation 56)")


def comment(**changes):
    """One comment, starting on line 2 of the file (after `feedback:`)."""
    fields = {"date": "2026-03", "who": "parent carer", "theme": "Finding services",
              "quote": "I could not find it.", "response": "We fixed search.", "action": "Search reads more.",
              "status": "done"}
    fields.update(changes)
    lines = [f"    {key}: {value}" for key, value in fields.items() if value is not None]
    lines[0] = "  - " + lines[0].lstrip()
    return "\n".join(lines) + "\n"


def read(tmp_path, text):
    path = tmp_path / "you-said-we-did.yaml"
    path.write_text(text, encoding="utf-8")
    result, years = read_feedback(path, FILE, TODAY)
    return [str(problem) for problem in result.problems], years


# --- Nothing that identifies a person ----------------------------------------

@pytest.mark.parametrize("text", [
    "Email me at parent.name@example.org",
    "my address is jo+school@northmoor.example.org.",
    "(a.b@mail.example.co.uk)",
])
def test_an_email_address_refuses_the_entry(tmp_path, text):
    problems, years = read(tmp_path, "feedback:\n" + comment(quote=f'"{text}"'))
    assert problems == [f"{FILE}:5: feedback[0].quote: {EMAIL}"]
    assert years == []


@pytest.mark.parametrize("text", [
    "Ring me on 01632 960123",
    "call 01632960123 after 3",
    "(01632) 960 123",
    "+44 1632 960123",
    "+44 (0)1632 960123",
    "07700 900123",
    "07700-900-123",
    "0163 2960 123.",
])
def test_a_phone_number_refuses_the_entry(tmp_path, text):
    problems, years = read(tmp_path, "feedback:\n" + comment(quote=f'"{text}"'))
    assert problems == [f"{FILE}:5: feedback[0].quote: {PHONE}"]
    assert years == []


@pytest.mark.parametrize("key, line", [("theme", 4), ("response", 6), ("action", 7)])
def test_every_text_is_checked(tmp_path, key, line):
    problems, _ = read(tmp_path, "feedback:\n" + comment(**{key: "Contact 01632 960000 or a@example.org"}))
    assert problems == [f"{FILE}:{line}: feedback[0].{key}: {EMAIL}", f"{FILE}:{line}: feedback[0].{key}: {PHONE}"]


@pytest.mark.parametrize("text", [
    "Services for ages 0 to 25 should be easier to find",
    "It cost £10,000 over 2025-2026",
    "Use Relay UK by dialling 18001",
    "Book 2 to 3 weeks ahead, 01/02/2026",
    "Email the team through the feedback link",
    "Our @ sign key is broken",
    "Reference 2026-03-01 and 100 000 families",
])
def test_ordinary_text_is_not_refused(tmp_path, text):
    problems, years = read(tmp_path, "feedback:\n" + comment(quote=f'"{text}"'))
    assert problems == []
    assert years[0].comments[0].quote == text


def test_the_refused_entry_is_left_out_and_the_rest_published():
    result, years = read_feedback(FIXTURE, "tests/fixtures/coproduction/you-said-we-did.yaml", TODAY)
    assert [str(p) for p in result.problems] == [
        f"tests/fixtures/coproduction/you-said-we-did.yaml:38: feedback[4].quote: {PHONE}"]
    assert result.rejected == 1
    quotes = [c.quote for year in years for c in year.comments]
    assert len(quotes) == 4
    assert not any("01632" in quote for quote in quotes)


# --- Other rules --------------------------------------------------------------

@pytest.mark.parametrize("changes, expected", [
    ({"date": "2027-01-05"}, "2: feedback[0].date: `2027-01-05` is after the build date (2026-11-22); write the "
                             "date the comment was made"),
    ({"date": "2026-12"}, "2: feedback[0].date: `2026-12` is after the build date (2026-11-22); write the date "
                          "the comment was made"),
    ({"who": "parent"}, "3: feedback[0].who: `parent` is not allowed here; did you mean `parent carer`? Or write "
                        "one of: parent carer, young person, professional"),
    ({"who": "teacher"}, "3: feedback[0].who: `teacher` is not allowed here; write one of: parent carer, "
                         "young person, professional"),
    ({"status": "complete"}, "8: feedback[0].status: `complete` is not allowed here; write one of: done, "
                             "in-progress, planned, not-possible"),
    ({"quote": None}, "2: feedback[0].quote: is missing; add `quote:` with what was said, in their words, with "
                      "nothing that could identify anyone"),
    ({"said": "x"}, "9: feedback[0].said: `said` is not a key of a comment; the keys are: date, who, theme, "
                    "quote, response, action, status"),
    ({"date": "Spring 2026"}, "2: feedback[0].date: `Spring 2026` is not a date; write a date such as "
                              "2026-09-30, or a month such as 2026-09"),
])
def test_rule_message(tmp_path, changes, expected):
    problems, years = read(tmp_path, "feedback:\n" + comment(**changes))
    assert problems == [f"{FILE}:{expected}"]
    assert years == []


def test_the_build_date_itself_is_allowed(tmp_path):
    for date in ("2026-11-22", "2026-11"):
        problems, years = read(tmp_path, "feedback:\n" + comment(date=date))
        assert (problems, len(years)) == ([], 1)


# --- Grouped by year, with a summary ----------------------------------------

def test_years_newest_first_and_comments_newest_first():
    _, years = read_feedback(FIXTURE, "you-said-we-did.yaml", TODAY)
    assert [year.year for year in years] == [2026, 2025]
    assert [c.date.iso for c in years[0].comments] == ["2026-09", "2026-06", "2026-02-10"]
    assert years[0].anchor == "year-2026"


def test_a_years_summary():
    _, years = read_feedback(FIXTURE, "you-said-we-did.yaml", TODAY)
    this_year, last_year = years
    assert this_year.summary_text == (
        "In 2026 we published 3 comments: 1 from a parent carer, 1 from a young person and 1 from a professional.")
    assert this_year.actions_text == "Where the actions stand: 1 in progress, 1 planned and 1 not possible."
    assert this_year.theme_counts == [("Words", 2), ("Transport", 1)]
    assert last_year.summary_text == "In 2025 we published 1 comment: 1 from a parent carer."
    assert last_year.actions_text == "Where the actions stand: 1 done."


def test_plural_summary(tmp_path):
    text = "feedback:\n" + comment() + comment(date="2026-04") + comment(who="young person", status="planned")
    _, years = read(tmp_path, text)
    assert years[0].summary_text == "In 2026 we published 3 comments: 2 from parent carers and 1 from a young person."
    assert years[0].actions_text == "Where the actions stand: 2 done and 1 planned."


def test_same_date_keeps_the_files_order(tmp_path):
    text = "feedback:\n" + comment(theme="First") + comment(theme="Second")
    _, years = read(tmp_path, text)
    assert [c.theme for c in years[0].comments] == ["First", "Second"]


def test_search_document():
    _, years = read_feedback(FIXTURE, "you-said-we-did.yaml", TODAY)
    document = feedback_document("You said, we did", "feedback/you-said-we-did/", years)
    assert document.url == "feedback/you-said-we-did/"
    assert "Please put the form online. The system is not ready. We post the form." in document.text
    assert "In 2025 we published 1 comment" in document.text
