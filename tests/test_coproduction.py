"""The co-production tracker's checks and its status rules, without Pelican:
every message as an exact string, and Overdue worked out from the build date."""

import datetime
from pathlib import Path

import pytest

from localoffer.coproduction.dates import WrittenDate, parse
from localoffer.coproduction.ladder import derive_state
from localoffer.coproduction.projects import counts_by_rung, counts_by_state, read_projects
from localoffer.coproduction.search_text import tracker_document
from localoffer.coproduction.settings import DEFAULTS, check_settings

FIXTURE = Path(__file__).parent / "fixtures" / "coproduction" / "projects.yaml"
TODAY = datetime.date(2026, 11, 22)
FILE = "content/coproduction/projects.yaml"


def problems_in(tmp_path, text, today=TODAY):
    path = tmp_path / "projects.yaml"
    path.write_text(text, encoding="utf-8")
    result, projects = read_projects(path, FILE, today)
    return [str(problem) for problem in result.problems], projects


def project(extra="", **changes):
    """One project's lines, starting on line 2 of the file (after `projects:`)."""
    fields = {
        "id": "short-breaks", "task": "Short breaks review", "started": "2026-03", "due": "2026-12-31",
        "involved": "[Parent carers]", "why": "Families asked.", "status": "in-progress", "rung": "consultation",
    }
    fields.update(changes)
    lines = [f"    {key}: {value}" for key, value in fields.items() if value is not None]
    lines[0] = "  - " + lines[0].lstrip()
    return "\n".join(lines) + "\n" + extra


# --- Status -----------------------------------------------------------------

@pytest.mark.parametrize("status, due, today, shown", [
    ("in-progress", "2026-10-31", TODAY, "overdue"),
    ("in-progress", "2026-11-22", TODAY, "in-progress"),  # due today: not yet overdue
    ("in-progress", "2026-11-21", TODAY, "overdue"),
    ("in-progress", "2026-11", TODAY, "in-progress"),  # a due month runs to its last day
    ("in-progress", "2026-11", datetime.date(2026, 12, 1), "overdue"),
    ("in-progress", "2026-02", datetime.date(2026, 2, 28), "in-progress"),
    ("planned", "2026-10", TODAY, "overdue"),
    ("planned", "2027-01", TODAY, "planned"),
    ("completed", "2020-01-01", TODAY, "completed"),  # finished late is still finished
    ("in-progress", "ongoing", TODAY, "in-progress"),
    ("planned", "ongoing", TODAY, "planned"),
])
def test_status_shown(status, due, today, shown):
    assert derive_state(status, "ongoing" if due == "ongoing" else parse(due), today).id == shown


def test_counts_from_the_fixture_and_the_bad_entry_left_out():
    result, projects = read_projects(FIXTURE, "tests/fixtures/coproduction/projects.yaml", TODAY)
    assert [p.id for p in projects] == ["finished-guide", "late-policy", "due-this-month", "next-year"]
    assert [str(p) for p in result.problems] == [
        "tests/fixtures/coproduction/projects.yaml:48: projects[4].due: `2026-13` is not a date; write a date "
        "such as 2026-09-30, or a month such as 2026-09, or `ongoing`",
    ]
    assert result.rejected == 1
    assert [(s.label, n) for s, n in counts_by_state(projects)] == [
        ("Overdue", 1), ("In progress", 1), ("Not started", 1), ("Completed", 1)]
    assert [(r.label, n) for r, n in counts_by_rung(projects)] == [
        ("Information", 1), ("Consultation", 1), ("Participation", 1), ("Co-production", 1)]
    late = projects[1]
    assert (late.state.label, late.state.colour, late.overdue) == ("Overdue", "red", True)
    assert late.notes == ["First paragraph.", "Second paragraph."]
    assert (late.started.text, late.due_text, late.anchor) == ("April 2026", "31 October 2026", "project-late-policy")
    assert projects[3].due_text == "Ongoing"


def test_the_same_file_on_a_later_day():
    _, projects = read_projects(FIXTURE, "projects.yaml", datetime.date(2026, 12, 1))
    assert [p.state.id for p in projects] == ["completed", "overdue", "overdue", "planned"]


def test_dates_as_written():
    assert parse("2026-03") == WrittenDate(2026, 3)
    assert parse("2026-03-14").text == "14 March 2026"
    assert parse("2026-03").text == "March 2026"
    assert parse("2026-02").last_day == datetime.date(2026, 2, 28)
    assert [parse(text) for text in ("2026-02-30", "2026-3", "March 2026", "26-03-01")] == [None] * 4


# --- Every rule, with its exact message -------------------------------------

def test_a_good_file_has_no_problems(tmp_path):
    problems, projects = problems_in(tmp_path, "projects:\n" + project(notes="Going well."))
    assert problems == []
    assert projects[0].task == "Short breaks review"


@pytest.mark.parametrize("changes, expected", [
    ({"due": "2026-13"}, "5: projects[0].due: `2026-13` is not a date; write a date such as 2026-09-30, "
                         "or a month such as 2026-09, or `ongoing`"),
    ({"started": "March 2026"}, "4: projects[0].started: `March 2026` is not a date; write a date such as "
                                "2026-09-30, or a month such as 2026-09"),
    ({"status": "done"}, "8: projects[0].status: `done` is not allowed here; write one of: planned, "
                         "in-progress, completed"),
    ({"status": "in-progres"}, "8: projects[0].status: `in-progres` is not allowed here; did you mean "
                               "`in-progress`? Or write one of: planned, in-progress, completed"),
    ({"rung": "coproduction"}, "9: projects[0].rung: `coproduction` is not allowed here; did you mean "
                               "`co-production`? Or write one of: information, consultation, participation, co-production"),
    ({"id": "Short Breaks"}, "2: projects[0].id: `Short Breaks` is not in the right form; write lower-case "
                             "letters, digits and hyphens, such as `short-breaks-review`"),
    ({"why": None}, "2: projects[0].why: is missing; add `why:` with why the work started, in a sentence or two"),
    ({"task": '""'}, "3: projects[0].task: is empty; write what the work is, such as `Review of short breaks`"),
    ({"task": "[a, b]"}, "3: projects[0].task: expected text, not a list; write what the work is, such as "
                         "`Review of short breaks`"),
    ({"involved": "Parent carers"}, "6: projects[0].involved: expected a list, not the text `Parent carers`; "
                                    "write who is involved, one group or role per `- ` line, such as "
                                    "`- Northmoor Parent Carer Forum`"),
    ({"involved": "[]"}, "6: projects[0].involved: is an empty list; write who is involved, one group or role "
                         "per `- ` line, such as `- Northmoor Parent Carer Forum`"),
    ({"statuss": "planned"}, "10: projects[0].statuss: `statuss` is not a key of a project; did you mean `status`?"),
    ({"owner": "Ann"}, "10: projects[0].owner: `owner` is not a key of a project; the keys are: id, task, "
                       "started, due, involved, why, notes, status, rung"),
    ({"due": "2026-01"}, "5: projects[0].due: `2026-01` is before `started` (2026-03); write a due date on or "
                         "after the start, or `ongoing`"),
    ({"started": "2027-01", "due": "2027-06"},
     "4: projects[0].started: `2027-01` is after the build date (2026-11-22), but the status is `in-progress`; "
     "write the date the work started, or status `planned`"),
    ({"why": "Ask jo@northmoor.example.org"},
     "7: projects[0].why: contains an email address; remove it, because nothing published here may identify "
     "a person (SEND Regulations 2014, regulation 56)"),
    ({"why": "Ring 01632 960123"},
     "7: projects[0].why: contains a phone number; remove it, because nothing published here may identify "
     "a person (SEND Regulations 2014, regulation 56)"),
])
def test_rule_message(tmp_path, changes, expected):
    problems, projects = problems_in(tmp_path, "projects:\n" + project(**changes))
    assert problems == [f"{FILE}:{expected}"]
    assert projects == []  # an entry with a problem is left out


def test_each_rule_passes_its_good_example(tmp_path):
    good = [{"due": "ongoing"}, {"due": "2026-03"}, {"started": "2027-01", "due": "2027-06", "status": "planned"},
            {"status": "completed", "due": "2026-04"}, {"rung": "co-production"}, {"id": "a1-b2"}]
    for changes in good:
        problems, projects = problems_in(tmp_path, "projects:\n" + project(**changes))
        assert (problems, len(projects)) == ([], 1), changes


def test_an_id_used_twice(tmp_path):
    text = "projects:\n" + project() + project(task="Another")
    problems, projects = problems_in(tmp_path, text)
    assert problems == [f"{FILE}:10: projects[1].id: `short-breaks` is used twice (first on line 2); "
                        "give each project its own id"]
    assert [p.task for p in projects] == ["Short breaks review"]


def test_a_key_written_twice(tmp_path):
    problems, projects = problems_in(tmp_path, "projects:\n" + project(extra="    status: completed\n"))
    assert problems == [f"{FILE}:10: projects[0].status: `status` is written twice (first on line 8); "
                        "keep one and delete the other"]
    assert projects == []


@pytest.mark.parametrize("text, expected", [
    ("projects:\n  - id: [unclosed\n", "3: (file): the file is not valid YAML (did not find expected ',' or ']'); "
                                       "check the indentation, and put text that contains a colon or a # in quotes"),
    ("project:\n  - id: a\n", "1: (file): the file must start with `projects:` and list each entry below it"),
    ("projects: none\n", "1: projects: expected a list, with each entry starting `- ` on its own line"),
    ("projects:\n  - just text\n", "2: projects[0]: expected a section with keys indented below it (`id:`, "
                                   "`task:`, `started:`, `due:`, `involved:`, `why:`, `status:`, `rung:`), "
                                   "not the text `just text`"),
    ("projects: []\nextra: 1\n", "2: extra: `extra` is not a key of the file; the only key is `projects`"),
    ("", "1: (file): the file is empty"),
])
def test_file_level_messages(tmp_path, text, expected):
    problems, projects = problems_in(tmp_path, text)
    assert problems == [f"{FILE}:{expected}"]
    assert projects == []


def test_every_problem_in_a_file_is_reported(tmp_path):
    text = "projects:\n" + project(due="soon", status="maybe") + project(id="second", rung="top")
    problems, _ = problems_in(tmp_path, text)
    assert [p.split(": ")[0] + ": " + p.split(": ")[1] for p in problems] == [
        f"{FILE}:5: projects[0].due", f"{FILE}:8: projects[0].status", f"{FILE}:17: projects[1].rung"]


# --- Settings and search -----------------------------------------------------

def test_settings_messages():
    settings = dict(DEFAULTS, COPRODUCTION_TRACKER_URL="/tracker",
                    YOU_SAID_WE_DID_SAVE_AS="feedback/yswd")
    assert check_settings(settings) == [
        "COPRODUCTION_TRACKER_URL must be an address relative to the site root ending in /, e.g. "
        "'coproduction/tracker/'; got '/tracker'; the default is used",
        "YOU_SAID_WE_DID_SAVE_AS must be a file path ending in .html, e.g. 'feedback/you-said-we-did/index.html'; "
        "got 'feedback/yswd'; the default is used",
    ]
    assert settings["COPRODUCTION_TRACKER_URL"] == "coproduction/tracker/"
    assert check_settings(dict(DEFAULTS)) == []


def test_tracker_search_document():
    _, projects = read_projects(FIXTURE, "projects.yaml", TODAY)
    document = tracker_document("Co-production tracker", "coproduction/tracker/", projects)
    assert (document.title, document.url) == ("Co-production tracker", "coproduction/tracker/")
    assert document.text.startswith("A finished guide Families asked for it. Parent carers SEND team Completed Co-production")
    assert "First paragraph. Second paragraph." in document.text
