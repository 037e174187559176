"""Provider text cannot become a command or markup in CI: every `validate`
format, the editorial summary and the contact fields, with hostile values."""

import datetime
import json

import pytest

from localoffer.editorial.review import review_files
from localoffer.editorial.summary import md_text, summary_markdown
from localoffer.service_directory.cli import github_report, human_report, json_report, validate_paths
from localoffer.service_directory.validate import ProviderChecker
from tests.conftest import ROOT
from tests.hostile.conftest import FIXTURES, provider_text

SETTINGS = {"LOCAL_OFFER_CATEGORIES": {"activities-and-short-breaks": "A"}, "LOCAL_OFFER_AREAS": {"highcombe": "H"},
            "SERVICES_BUILD_DATE": "2026-11-22"}
COMMAND = "`maybe\\n:\\:warning file=providers/x.yaml,line=1:\\:WORKFLOW-PAYLOAD`"
HTML = '"# Heading [link](https://evil.example) ![x](https://evil.example/p.png) <img src=x onerror=alert(1)>"'


@pytest.fixture(scope="module")
def results(tmp_path_factory):
    folder = tmp_path_factory.mktemp("ci") / "providers"
    folder.mkdir()
    (folder / "workflow-command.yaml").write_bytes((FIXTURES / "workflow-command.yaml").read_bytes())
    (folder / "markup.yaml").write_text(provider_text("markup", ("    free: no", f"    free: {HTML}")))
    (folder / "a\n::error file=x::NAME-PAYLOAD.yaml").write_text("id: x\n")
    return validate_paths([folder], SETTINGS, folder.parent.parent)


def lines_of(text):
    return [line for line in text.splitlines() if line.strip()]


@pytest.mark.parametrize("report", [human_report, github_report, json_report])
def test_no_format_has_a_line_that_a_provider_started(results, report):
    text = report(results)
    for line in lines_of(text):
        assert not line.lstrip().startswith("::") or line.startswith(("::error file=", "::warning file="))
    assert "\n::warning file=providers/x.yaml" not in text and "\n::error file=x::" not in text


def test_the_human_format_escapes_the_value(results):
    text = human_report(results)
    assert f"ci0/providers/workflow-command.yaml:14: service.cost.free: {COMMAND} is not yes or no; write yes or no" in text
    assert "providers/a\\n:\\:error file=x:\\:NAME-PAYLOAD.yaml:1: " in text


def test_the_github_format_escapes_the_file_and_message(results):
    lines = github_report(results).splitlines()
    assert any(line.startswith("::error file=ci0/providers/a%0A%3A%3Aerror file=x%3A%3ANAME-PAYLOAD.yaml,line=1") for line in lines)
    assert f"::error file=ci0/providers/workflow-command.yaml,line=14,title=service.cost.free::{COMMAND} is not yes or no; write yes or no" in lines


def test_the_json_format_carries_the_escaped_message(results):
    files = {entry["file"]: entry for entry in json.loads(json_report(results))["files"]}
    problem = files["ci0/providers/workflow-command.yaml"]["problems"][0]
    assert problem["message"] == f"{COMMAND} is not yes or no; write yes or no"


def test_the_editorial_summary_shows_provider_markup_as_text(results):
    reviews = review_files(results)
    summary = summary_markdown({"summary": {}, "changes": None, "baseline_problem": None, "with_problems": reviews,
                                "stale": [], "due": [], "with_gaps": [], "easy_read": []})
    line = next(line for line in summary.splitlines() if "markup\\.yaml" in line)
    assert line == (
        "- Error: ci0/providers/markup\\.yaml\\:14\\: service\\.cost\\.free\\: "
        "\\`\\# Heading \\[link\\]\\(https\\://evil\\.example\\) \\!\\[x\\]\\(https\\://evil\\.example/p\\.png\\) "
        "\\<img src…\\` \\(100 characters\\) is not yes or no; write yes or no"
    )
    assert not [line for line in summary.splitlines() if line.lstrip().startswith("::")]


def test_md_text_leaves_nothing_markdown_or_html_reads():
    assert md_text("**b** _i_ `c` <b>&amp; www.x.org a@b.org |t| ~s~") == (
        "\\*\\*b\\*\\* \\_i\\_ \\`c\\` \\<b\\>\\&amp; www\\.x\\.org a\\@b\\.org \\|t\\| \\~s\\~")


# --- Contact fields that cannot carry a message --------------------------------

def check(tmp_path, *changes):
    path = tmp_path / "contact.yaml"
    path.write_text(provider_text("contact", *changes))
    checker = ProviderChecker({"activities-and-short-breaks": "A"}, {"highcombe": "H"}, datetime.date(2026, 11, 22))
    checked = checker.check_file(path)
    return [str(p).split(": ", 1)[1] for p in checked.problems], checked.data


EMAIL_FORM = "write only an email address, such as hello@example.org, with nothing after it (no ?, &, % or spaces)"


@pytest.mark.parametrize("email", [
    "x@evil.example?cc=a@b.example&subject=Hi&body=Send%20money",
    "x@evil.example&cc=a@b.example",
    "x%0Acc@evil.example",
    "x@evil.example,other@evil.example",
    "<x@evil.example>",
])
def test_an_email_with_more_than_an_address_is_refused(tmp_path, email):
    problems, _ = check(tmp_path, ('  phone: "01632 960 456"', f'  email: "{email}"'))
    assert problems == [f"contact.email: `{email}` is not in the right form; {EMAIL_FORM}"]


def test_an_email_over_two_lines_is_refused(tmp_path):
    problems, _ = check(tmp_path, ('  phone: "01632 960 456"', "  email: |\n    club@example.org\n    cc@evil.example"))
    assert problems == [
        f"contact.email: `club@example.org\\ncc@evil.example\\n` is not in the right form; {EMAIL_FORM}",
        "contact.email: is written over more than one line; write it on one line, after the colon",
    ]


@pytest.mark.parametrize("written, shown", [
    ("(01632) 960-456", "01632 960 456"),
    ("01632  960456", "01632 960456"),
    ("+44 1632 960456", "+44 1632 960456"),
    ("07700-900-123", "07700 900 123"),
])
def test_phone_numbers_are_published_as_digits_plus_and_spaces(tmp_path, written, shown):
    problems, data = check(tmp_path, ('  phone: "01632 960 456"', f'  phone: "{written}"'))
    assert problems == [] and data["contact"]["phone"] == shown


@pytest.mark.parametrize("written", ["01632 960 456;ext=1", "0163 2960 4561 2345", "1632 960456", "+1 202 555 0100"])
def test_a_phone_number_that_is_not_a_uk_number_is_refused(tmp_path, written):
    problems, _ = check(tmp_path, ('  phone: "01632 960 456"', f'  phone: "{written}"'))
    assert problems == [f"contact.phone: `{written}` is not in the right form; write a UK number such as 01632 960 123"]


@pytest.mark.parametrize("website", ["javascript:alert(1)", "data:text/html,hi", "ftp://example.org", "//evil.example"])
def test_a_web_address_must_be_http_or_https(tmp_path, website):
    problems, _ = check(tmp_path, ('  phone: "01632 960 456"', f'  website: "{website}"'))
    assert problems == [f"contact.website: `{website}` is not in the right form; write a full address starting with https://"]
