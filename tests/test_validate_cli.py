"""`invoke validate` in each of its formats, on a folder with known problems."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from localoffer.service_directory.cli import exit_code, github_report, human_report, json_report, validate_paths
from tests.conftest import ROOT

FOLDER = Path(__file__).parent / "fixtures" / "validate" / "providers"
SETTINGS = {
    "LOCAL_OFFER_CATEGORIES": {"health": "Health", "activities-and-short-breaks": "Activities"},
    "LOCAL_OFFER_AREAS": {"fenwick": "Fenwick", "eastbridge": "Eastbridge"},
    "SERVICES_BUILD_DATE": "2026-11-22",
    "SERVICES_STALE_AFTER_MONTHS": 12,
}
D = "tests/fixtures/validate/providers"


@pytest.fixture(scope="module")
def results():
    return validate_paths([FOLDER], SETTINGS, ROOT)


def test_human_format(results):
    assert human_report(results).splitlines() == [
        "Files that could not be read:",
        f"  {D}/unreadable.yaml:3: (file): the file is not valid YAML (mapping values are not allowed in this context); "
        'put text that contains ": " in quotes, e.g. summary: "Ages: 5 to 11"',
        "Problems:",
        f"  {D}/broken-service.yaml:12: service.cost.free: `maybe` is not yes or no; write yes or no",
        f"  {D}/broken-service.yaml:19: last_reviewed: `2026-13-01` is not a real date; write a date such as 2026-09-01",
        f"  {D}/stale-service.yaml:65: last_reviewed: `2020-01-31` is before 2025-11-22, so families are told this may be "
        "out of date; check every field with the service, then write the date you checked (warning)",
        "4 file(s) checked: 2 ready to publish, 2 with errors (3 error(s), 1 warning(s))",
    ]


def test_github_format_puts_each_problem_on_its_file_and_line(results):
    assert github_report(results).splitlines() == [
        f"::error file={D}/broken-service.yaml,line=12,title=service.cost.free::`maybe` is not yes or no; write yes or no",
        f"::error file={D}/broken-service.yaml,line=19,title=last_reviewed::`2026-13-01` is not a real date; write a date such as 2026-09-01",
        f"::warning file={D}/stale-service.yaml,line=65,title=last_reviewed::`2020-01-31` is before 2025-11-22, so families are "
        "told this may be out of date; check every field with the service, then write the date you checked",
        f"::error file={D}/unreadable.yaml,line=3,title=(file)::the file is not valid YAML (mapping values are not allowed in "
        'this context); put text that contains ": " in quotes, e.g. summary: "Ages: 5 to 11"',
        "4 file(s) checked: 2 ready to publish, 2 with errors (3 error(s), 1 warning(s))",
    ]


def test_github_escapes_what_would_break_a_workflow_command():
    from localoffer.service_directory.cli import _data, _property

    assert _data("100% sure\nnext") == "100%25 sure%0Anext"
    assert _property("a:b,c") == "a%3Ab%2Cc"


def test_json_format(results):
    document = json.loads(json_report(results))
    assert document["summary"] == {"files": 4, "ready": 2, "with_errors": 2, "errors": 3, "warnings": 1}
    broken = document["files"][0]
    assert broken == {
        "file": f"{D}/broken-service.yaml", "status": "published", "ready": False,
        "problems": [
            {"line": 12, "where": "service.cost.free", "severity": "error", "kind": "content",
             "message": "`maybe` is not yes or no; write yes or no"},
            {"line": 19, "where": "last_reviewed", "severity": "error", "kind": "content",
             "message": "`2026-13-01` is not a real date; write a date such as 2026-09-01"},
        ],
    }
    assert document["files"][3]["status"] is None  # unreadable: no status to report


def test_exit_codes(results):
    assert exit_code(results) == 1
    ready_and_stale = [r for r in results if r.ok]
    assert exit_code(ready_and_stale) == 0
    assert exit_code(ready_and_stale, strict=True) == 1
    assert exit_code([r for r in ready_and_stale if not r.problems], strict=True) == 0


def invoke(*args):
    return subprocess.run([str(Path(sys.executable).with_name("invoke")), "validate", *args],
                          cwd=ROOT, capture_output=True, text=True)


def test_the_command_exits_1_on_errors_and_0_with_only_warnings():
    assert invoke("--", f"{D}/broken-service.yaml").returncode == 1
    ok = invoke("--format", "github", "--", f"{D}/stale-service.yaml", f"{D}/ready-service.yaml")
    assert ok.returncode == 0, ok.stdout + ok.stderr
    assert ok.stdout.splitlines()[-1] == "2 file(s) checked: 2 ready to publish, 0 with errors (0 error(s), 1 warning(s))"
    assert invoke("--strict", "--", f"{D}/stale-service.yaml").returncode == 1


def test_an_unknown_format_is_refused():
    result = invoke("--format", "xml")
    assert result.returncode == 1
    assert result.stderr.strip() == "--format must be one of human, github, json; got 'xml'"
