"""`import-oruk`: provider files from another directory's Open Referral feed.

The profile's own examples, a v1-shaped feed (written for these tests), a file
with broken entries, an http(s) source served from 127.0.0.1, the report line
by line, no overwriting without --force, the same bytes from two runs, and a
round trip: export, import, export keeps every field the feed maps."""

import argparse
import datetime
import functools
import http.server
import json
import re
import shutil
import threading
from pathlib import Path

import pytest
from invoke import Collection

import tasks
from localoffer.open_data import import_command
from localoffer.service_directory.cli import validate_paths
from pelican.settings import read_settings
from tests.conftest import ROOT, run_pelican

FIXTURES = Path(__file__).parent / "fixtures" / "oruk"
SETTINGS = ROOT / "pelicanconf.py"
BASE = "https://localoffer.northmoor.example.org"
UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
TODAY = datetime.date.today().isoformat()


def run_import(capsys, source, out, *options):
    parser = argparse.ArgumentParser(prog=import_command.NAME)
    import_command.add_arguments(parser)
    code = import_command.run(parser.parse_args([str(source), "--out", str(out), "--settings", str(SETTINGS), *options]))
    return code, capsys.readouterr().out.splitlines()


def assert_all_pass_validate(folder):
    results = validate_paths([folder], read_settings(str(SETTINGS)), folder.parent)
    assert results, "no provider files were written"
    for result in results:
        assert result.ok, [str(problem) for problem in result.problems]
    return {result.path.stem: result for result in results}


def test_the_command_has_the_cli_interface_and_an_invoke_task():
    assert import_command.NAME == "import-oruk"
    assert import_command.HELP.startswith("make provider files from an Open Referral UK feed")
    parser = argparse.ArgumentParser()
    import_command.add_arguments(parser)
    args = parser.parse_args(["feed.json"])
    assert (args.source, args.out, args.mapping, args.force, args.settings) == ("feed.json", None, None, False, None)
    assert "import-oruk" in Collection.from_module(tasks).task_names


def test_the_profiles_full_example_becomes_a_draft_with_every_gap_named(capsys, tmp_path):
    code, lines = run_import(capsys, FIXTURES / "service_full.json", tmp_path / "providers")
    assert code == 0
    written = tmp_path / "providers" / "community-counselling.yaml"
    shown = str(written)
    assert lines[:5] == [
        f"import-oruk: 1 entries read from {FIXTURES / 'service_full.json'}",
        "Converted: 0",
        "Converted as drafts: 1",
        "Skipped: 0",
        "Written: 1",
    ]
    assert f'  {shown}: TO DO: no category matched the source\'s terms ("name"); choose from education, early-years, health, social-care, activities-and-short-breaks, advice-and-support, preparing-for-adulthood, travel-and-transport' in lines
    assert f"  {shown}: TO DO: the source does not say who can refer; list self, professional, gp, school, social-care or ehcp" in lines
    assert f'  {shown}: Check: "MyCity Civic Center" is in US, not the UK; it was left out' in lines
    assert f"  {shown}: Check: the source's oldest age was 100; the Local Offer's is 25" in lines
    unmapped = lines[lines.index("Source fields not mapped (services that had them):") + 1:]
    assert "  accreditations: 1" in unmapped and "  funding[].source: 1" in unmapped and "  organization.logo: 1" in unmapped
    assert "  contacts[].name: 1" in unmapped  # a person's name is never copied into a provider file
    files = assert_all_pass_validate(tmp_path / "providers")
    data = files["community-counselling"].data
    assert data["status"] == "draft"
    assert data["service"]["age_range"] == {"min": 12, "max": 25}
    assert data["service"]["opening_times"] == [{"days": ["thursday", "friday"], "opens": "10:00", "closes": "18:00",
                                                "notes": "Some of our staff will be unavailable during their lunch break which may be any 30 minute period between 1200 and 1400"}]
    assert data["service"]["cost"] == {"free": False, "details": "Under 18s and Over 60s: £35 per 1 hour session; fees_description"}
    assert data["contact"] == {"email": "email@example.com", "website": "http://example.com/counselling"}
    text = written.read_text()
    assert "  # TO DO: the source does not say who can refer; list self, professional, gp, school, social-care or ehcp\n    referral: [self]\n" in text


def test_the_profiles_paginated_list_is_read(capsys, tmp_path):
    code, lines = run_import(capsys, FIXTURES / "service_list.json", tmp_path / "providers")
    assert code == 0
    assert lines[:3] == [f"import-oruk: 1 entries read from {FIXTURES / 'service_list.json'}", "Converted: 0", "Converted as drafts: 1"]
    assert list(assert_all_pass_validate(tmp_path / "providers")) == ["community-counselling"]


def test_a_v1_feed_is_converted_with_the_mapping_file(capsys, tmp_path):
    code, lines = run_import(capsys, FIXTURES / "v1_services.json", tmp_path / "providers",
                             "--mapping", str(FIXTURES / "v1_mapping.yaml"))
    assert code == 0
    assert lines[1:5] == ["Converted: 2", "Converted as drafts: 0", "Skipped: 0", "Written: 2"]
    assert lines[lines.index("Source fields not mapped (services that had them):") + 1:] == [
        "  attending_type: 1",
        "  contacts[].name: 2",
        "  contacts[].title: 1",
        "  deliverable_type: 1",
        "  organization.description: 1",
        "  organization.logo: 1",
        "  service_at_locations[].location.description: 1",
        "  service_at_locations[].location.physical_addresses[].state_province: 1",
        "  x_vendor_rating: 1",
    ]
    shown = tmp_path / "providers" / "hilltop-sensory-play-sessions.yaml"
    assert f'  {shown}: Check: the mapping file has no entry for the source\'s terms "Sensory play"; add what they mean here, or to the mapping file' in lines
    files = assert_all_pass_validate(tmp_path / "providers")
    hilltop = files["hilltop-sensory-play-sessions"].data
    assert hilltop["status"] == "published"
    assert hilltop["organisation"] == {"name": "Hilltop Families CIC", "website": "https://hilltop.example.org"}
    service = hilltop["service"]
    assert service["description"] == (
        "Relaxed **sensory play** for babies and toddlers with SEND.\n\n**What happens**\n\n"
        "- Lights, sounds and textures\n- Time to talk to other parents\n\n"
        "More at [our website](https://hilltop.example.org/play).\n"
    )
    assert (service["categories"], service["needs"], service["areas"]) == (["early-years"], ["asd"], ["eastbridge"])
    assert service["age_range"] == {"min": 0, "max": 4}
    assert service["cost"] == {"free": True, "details": "Free"}
    assert service["how_to_access"]["referral"] == ["self"]
    assert service["opening_times"] == [{"days": ["tuesday", "thursday"], "opens": "09:30", "closes": "11:30",
                                         "notes": "Tuesday and Thursday mornings in term time"}]
    assert service["languages"] == ["English", "Urdu"]
    assert hilltop["eligibility"]["who_can_use"] == "Families with children under 5 who have SEND"
    assert hilltop["accessibility"] == {"details": "Ramp at the side entrance."}
    assert hilltop["locations"] == [{"name": "Hilltop Community Hall", "address": ["4 Ridge Road", "Eastbridge"],
                                     "postcode": "NM2 5QT", "latitude": 53.51, "longitude": -2.19}]
    assert hilltop["contact"] == {"phone": "01632 960 201", "email": "play@hilltop.example.org",
                                  "website": "https://hilltop.example.org/play"}
    assert hilltop["last_reviewed"] == "2026-08-14"
    teen = files["northmoor-teen-talk"].data
    assert teen["service"]["areas"] == ["all"]  # from the mapping file's defaults
    assert teen["service"]["cost"] == {"free": False, "details": "£2 a session"}
    assert teen["contact"] == {"phone": "+44 1632 960 202", "website": "https://teentalk.example.org"}


def test_broken_entries_are_reported_and_the_rest_converted(capsys, tmp_path):
    source = FIXTURES / "broken_entries.json"
    code, lines = run_import(capsys, source, tmp_path / "providers")
    assert code == 0
    assert lines[:10] == [
        f"import-oruk: 6 entries read from {source}",
        "Converted: 0",
        "Converted as drafts: 2",
        "Skipped: 4",
        f"  {source} entry 2: not a service (a JSON object)",
        f"  {source} entry 3: no name",
        f'  {source} entry 4: "Service with no description": no description',
        f'  {source} entry 5: "Riverside Reading Club again": duplicate of {source} entry 1',
        "Written: 2",
        "Left for the editor:",
    ]
    odd = tmp_path / "providers" / "odd-values-service.yaml"
    assert f'  {odd}: Check: "12345" is not a UK phone number, so it was left out' in lines
    assert f'  {odd}: Check: "not-an-email" is not an email address, so it was left out' in lines
    assert f'  {odd}: Check: could not read "XX" as weekly days and times; add it if it is right' in lines
    assert f"  {odd}: TO DO: the source does not say when the service was last checked; check it and write the date" in lines
    files = assert_all_pass_validate(tmp_path / "providers")
    assert sorted(files) == ["odd-values-service", "riverside-reading-club"]
    assert files["odd-values-service"].data["last_reviewed"] == TODAY
    assert files["riverside-reading-club"].data["service"]["cost"] == {"free": True, "details": "Session: free"}


def test_files_are_never_overwritten_without_force_and_two_runs_write_the_same_bytes(capsys, tmp_path):
    out = tmp_path / "providers"
    run_import(capsys, FIXTURES / "v1_services.json", out, "--mapping", str(FIXTURES / "v1_mapping.yaml"))
    first = {path.name: path.read_bytes() for path in out.iterdir()}
    edited = out / "northmoor-teen-talk.yaml"
    edited.write_text(edited.read_text().replace("Northmoor Teen Talk", "Edited by hand"))
    code, lines = run_import(capsys, FIXTURES / "v1_services.json", out, "--mapping", str(FIXTURES / "v1_mapping.yaml"))
    assert code == 0
    assert lines[4:8] == ["Written: 0", "Not written, already there (use --force to replace): 2",
                          f"  {out / 'hilltop-sensory-play-sessions.yaml'}", f"  {out / 'northmoor-teen-talk.yaml'}"]
    assert "Edited by hand" in edited.read_text()
    code, lines = run_import(capsys, FIXTURES / "v1_services.json", out, "--mapping", str(FIXTURES / "v1_mapping.yaml"), "--force")
    assert lines[4] == "Written: 2"
    assert {path.name: path.read_bytes() for path in out.iterdir()} == first


def test_repeated_names_get_numbered_ids_in_the_sources_order(capsys, tmp_path):
    service = json.loads((FIXTURES / "broken_entries.json").read_text())[0]
    twins = [dict(service, id=f"twin-{n}", organization={"name": f"Library {n}"}) for n in (1, 2, 3)]
    (tmp_path / "twins.json").write_text(json.dumps({"contents": twins}))
    run_import(capsys, tmp_path / "twins.json", tmp_path / "providers")
    files = assert_all_pass_validate(tmp_path / "providers")
    assert sorted(files) == ["riverside-reading-club", "riverside-reading-club-2", "riverside-reading-club-3"]
    assert files["riverside-reading-club-3"].data["organisation"]["name"] == "Library 3"


def test_a_source_that_cannot_be_read_fails_with_its_reason(capsys, tmp_path):
    (tmp_path / "bad.json").write_text("{not json")
    code, lines = run_import(capsys, tmp_path / "bad.json", tmp_path / "providers")
    assert code == 1
    assert lines[1] == f"Could not read: {tmp_path / 'bad.json'}: not JSON (Expecting property name enclosed in double quotes: line 1 column 2 (char 1))"
    code, lines = run_import(capsys, FIXTURES / "service_full.json", tmp_path / "providers", "--mapping", str(tmp_path / "none.yaml"))
    assert (code, lines) == (2, [f"import-oruk: could not read the mapping file {tmp_path / 'none.yaml'}: No such file or directory"])


# HTML from other directories

@pytest.mark.parametrize("html, markdown", [
    ("<p>One</p><p>Two &amp; <b>three</b></p>", "One\n\nTwo & **three**"),
    ("<h1>Title</h1><p>Text</p>", "**Title**\n\nText"),
    ("<ol><li>First</li><li>Second<br>line</li></ol>", "1. First\n2. Second  \nline"),
    ('<p><a href="https://example.org/a">Link</a> <a href="javascript:alert(1)">Bad</a> <a href="mailto:x@example.org">Mail</a></p>',
     "[Link](https://example.org/a) Bad Mail"),
    ("<p>Safe</p><script>alert(1)</script><style>p{}</style><img src=x onerror=alert(1)><iframe src=x>hidden</iframe>", "Safe"),
    ("<p>5 &lt; 6 and *stars* [brackets]</p>", "5 &lt; 6 and \\*stars\\* \\[brackets\\]"),
    ("Plain text\n\n# A heading\n- a list", "Plain text\n\n## A heading\n- a list"),
])
def test_html_becomes_safe_markdown(html, markdown):
    from localoffer.open_data.html_markdown import to_markdown

    assert to_markdown(html) == markdown


# Over http(s), and the round trip through this site's own feed

@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    output = tmp_path_factory.mktemp("exported") / "output"
    result = run_pelican(FIXTURES / "providers", output, OPEN_DATA_BASE_URL=BASE)
    assert result.returncode == 0, result.stdout
    return output


@pytest.fixture
def served(exported):
    """The exported site on a local web server, as a static host serves it (folders answer with index.json)."""
    class Handler(http.server.SimpleHTTPRequestHandler):
        def translate_path(self, path):
            found = Path(super().translate_path(path))
            if path.split("?")[0].endswith("/") and (found / "index.json").is_file():
                return str(found / "index.json")
            return str(found)

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=str(exported)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_a_feed_is_read_over_http_from_its_api_root(capsys, tmp_path, served):
    code, lines = run_import(capsys, f"{served}/open-referral/", tmp_path / "providers")
    assert code == 0
    assert lines[:6] == [f"import-oruk: 3 entries read from {served}/open-referral/", "Converted: 3",
                         "Converted as drafts: 0", "Skipped: 0", "Written: 3", "Left for the editor:"]
    files = assert_all_pass_validate(tmp_path / "providers")
    assert sorted(files) == ["saturday-play-club", "tricky-script-club", "westmarsh-holiday-club"]
    assert files["westmarsh-holiday-club"].data["status"] == "closed"


def test_an_address_that_does_not_answer_is_reported(capsys, tmp_path, served):
    code, lines = run_import(capsys, f"{served}/no-such-feed/", tmp_path / "providers")
    assert code == 1
    assert lines[:2] == [f"import-oruk: 0 entries read from {served}/no-such-feed/",
                         f"Could not read: {served}/no-such-feed/: the server answered 404 File not found"]


def without_ids(value):
    """A document without its UUIDs and the service's own address, which follow the file's id."""
    if isinstance(value, dict):
        return {key: without_ids(item) for key, item in value.items() if not (isinstance(item, str) and UUID.match(item))}
    if isinstance(value, list):
        return [without_ids(item) for item in value]
    return re.sub(r"/services/[a-z0-9-]+/$", "/services/<id>/", value) if isinstance(value, str) else value


def services_by_name(output):
    return {doc["name"]: without_ids(doc) for doc in (json.loads(path.read_text()) for path in
            (output / "open-referral" / "services").glob("*/index.json"))}


def test_export_import_export_keeps_every_mapped_field(capsys, tmp_path, exported):
    code, lines = run_import(capsys, exported / "open-referral" / "services", tmp_path / "providers")
    assert code == 0
    assert lines[1:4] == ["Converted: 3", "Converted as drafts: 0", "Skipped: 0"]
    # Only what the feed carries for the profile's sake, with no place in a provider file, is left over.
    assert lines[lines.index("Source fields not mapped (services that had them):") + 1:] == [
        "  alert: 1", "  contacts[].name: 2", "  contacts[].title: 2", "  last_modified: 3", "  organization.description: 3"]
    assert_all_pass_validate(tmp_path / "providers")
    again = tmp_path / "again"
    assert run_pelican(tmp_path / "providers", again, OPEN_DATA_BASE_URL=BASE).returncode == 0
    before, after = services_by_name(exported), services_by_name(again)
    assert sorted(before) == sorted(after) == ["Saturday Play Club", "Tricky </script><!-- Club", "Westmarsh Holiday Club"]
    for name, document in before.items():
        for field in document:
            assert after[name][field] == document[field], (name, field)


def test_a_description_of_nothing_but_script_counts_as_no_description(capsys, tmp_path):
    (tmp_path / "one.json").write_text(json.dumps({"id": "s1", "name": "Empty Inside", "description": "<script>alert(1)</script><p> </p>"}))
    code, lines = run_import(capsys, tmp_path / "one.json", tmp_path / "providers")
    assert lines[3:5] == ["Skipped: 1", f'  {tmp_path / "one.json"}: "Empty Inside": no description']
    assert not (tmp_path / "providers").exists()


@pytest.fixture
def paged_api():
    """A dynamic Open Referral API on 127.0.0.1: two pages of summaries at /api/services, each service in full at /api/services/<id>."""
    full = json.loads((FIXTURES / "broken_entries.json").read_text())[0]
    services = {f"s{n}": dict(full, id=f"s{n}", name=f"Reading Club {n}") for n in (1, 2, 3)}
    pages = {"1": ["s1", "s2"], "2": ["s3"]}
    asked = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            asked.append(self.path)
            path, _, query = self.path.partition("?")
            if path == "/api/services":
                number = dict(part.split("=") for part in query.split("&") if part).get("page", "1")
                body = {"total_items": 3, "total_pages": 2, "page_number": int(number), "size": len(pages[number]),
                        "contents": [{"id": key, "name": services[key]["name"]} for key in pages[number]]}
            elif path.startswith("/api/services/") and path.rsplit("/", 1)[1] in services:
                body = services[path.rsplit("/", 1)[1]]
            else:
                self.send_error(404)
                return
            data = json.dumps(body).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}", asked
    server.shutdown()
    server.server_close()


def test_a_paginated_api_is_followed_page_by_page_and_each_service_fetched_in_full(capsys, tmp_path, paged_api):
    address, asked = paged_api
    code, lines = run_import(capsys, f"{address}/api/services", tmp_path / "providers")
    assert code == 0
    assert asked == ["/api/services", "/api/services?page=2", "/api/services/s1", "/api/services/s2", "/api/services/s3"]
    assert lines[:3] == [f"import-oruk: 3 entries read from {address}/api/services", "Converted: 0", "Converted as drafts: 3"]
    files = assert_all_pass_validate(tmp_path / "providers")
    assert sorted(files) == ["reading-club-1", "reading-club-2", "reading-club-3"]
    assert files["reading-club-3"].data["contact"] == {"phone": "01632 960 301"}


def test_a_document_larger_than_the_limit_is_not_read(paged_api):
    from localoffer.open_data.import_sources import read_source

    address, _ = paged_api
    entries, problems = read_source(f"{address}/api/services/s1", max_bytes=100)
    assert (entries, problems) == ([], [f"{address}/api/services/s1: larger than 100 bytes, so it was not read"])


def test_a_schedule_every_other_week_is_not_written_as_weekly(capsys, tmp_path):
    service = json.loads((FIXTURES / "broken_entries.json").read_text())[0]
    service["schedules"] = [{"id": "f1", "freq": "WEEKLY", "interval": 2, "byday": "MO", "opens_at": "10:00", "closes_at": "12:00",
                             "description": "Every other Monday"}]
    (tmp_path / "one.json").write_text(json.dumps(service))
    code, lines = run_import(capsys, tmp_path / "one.json", tmp_path / "providers")
    shown = tmp_path / "providers" / "riverside-reading-club.yaml"
    assert f'  {shown}: Check: could not read "Every other Monday" as weekly days and times; add it if it is right' in lines
    assert "opening_times" not in assert_all_pass_validate(tmp_path / "providers")["riverside-reading-club"].data["service"]
