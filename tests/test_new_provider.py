"""`invoke new-provider` starts a file that validates as a draft."""

import datetime
import subprocess
import sys
from pathlib import Path

from localoffer.service_directory.cli import validate_paths
from localoffer.service_directory.fieldref import starter_file
from localoffer.written_yaml.loader import load_file
from tests.conftest import ROOT

SETTINGS = {"LOCAL_OFFER_CATEGORIES": {"health": "Health"}, "LOCAL_OFFER_AREAS": {"fenwick": "Fenwick"},
            "SERVICES_BUILD_DATE": "2026-11-22"}


def run(*args):
    command = [str(Path(sys.executable).with_name("invoke")), "new-provider", *args]
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, stdin=subprocess.DEVNULL)


def test_a_starter_file_validates_as_a_draft_with_the_values_given(tmp_path):
    path = tmp_path / "zed-club.yaml"
    path.write_text(starter_file({
        "id": "zed-club", "service.name": "Zed's: Club #1", "organisation.name": "Zed Trust",
        "service.categories": ["health"], "contact.phone": "01632 960 999", "last_reviewed": "2026-11-22",
    }))
    [result] = validate_paths([path], SETTINGS, tmp_path)
    assert [str(p) for p in result.problems] == []
    assert result.status == "draft"
    loaded, _ = load_file(path, "zed-club.yaml")
    assert loaded.data["service"]["name"] == "Zed's: Club #1"
    assert loaded.data["contact"] == {"phone": "01632 960 999"}
    assert "# website:" in path.read_text()  # optional fields stay as notes to un-comment


def test_the_task_writes_todays_file_with_the_right_id(tmp_path):
    result = run("--id", "zed-club", "--name", "Zed Club", "--organisation", "Zed Trust", "--category", "health",
                 "--email", "hello@zed.example.org", "--folder", str(tmp_path))
    assert result.returncode == 0, result.stdout + result.stderr
    written = tmp_path / "zed-club.yaml"
    loaded, problems = load_file(written, "zed-club.yaml")
    assert problems == []
    assert loaded.data["id"] == "zed-club"
    assert loaded.data["last_reviewed"] == datetime.date.today().isoformat()
    assert loaded.data["status"] == "draft"
    assert result.stdout.strip().startswith("Wrote ")


def test_the_task_refuses_to_overwrite(tmp_path):
    (tmp_path / "zed-club.yaml").write_text("keep me")
    result = run("--id", "zed-club", "--name", "Z", "--organisation", "Z", "--category", "health",
                 "--email", "a@example.org", "--folder", str(tmp_path))
    assert result.returncode == 1
    assert result.stderr.strip().endswith("zed-club.yaml already exists; choose another id")
    assert (tmp_path / "zed-club.yaml").read_text() == "keep me"


def test_without_a_terminal_it_says_what_is_missing(tmp_path):
    result = run("--id", "zed-club", "--folder", str(tmp_path))
    assert result.returncode == 1
    assert result.stderr.strip() == "new-provider needs --name when it cannot ask (no terminal)"
    result = run("--id", "zed-club", "--name", "Z", "--organisation", "Z", "--category", "health", "--folder", str(tmp_path))
    assert result.stderr.strip() == "new-provider needs at least one of --email, --phone or --website"
