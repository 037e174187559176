"""`localoffer new`: a council's own site from the package's template, built and validated for real."""

import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from localoffer.site_template import Council, place_of, target_path
from tests.site_check import missing_addresses, pages_without

LOCALOFFER = Path(sys.executable).with_name("localoffer")
COUNCIL = "Eastvale Borough Council"


def localoffer(*args, cwd):
    return subprocess.run([str(LOCALOFFER), *map(str, args)], cwd=cwd, capture_output=True, text=True,
                          stdin=subprocess.DEVNULL)


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """A new site for Eastvale, one draft provider file added, built strictly."""
    parent = tmp_path_factory.mktemp("new")
    made = localoffer("new", "eastvale", "--council", COUNCIL, "--colour", "#6f2c91", cwd=parent)
    assert made.returncode == 0, made.stderr
    folder = parent / "eastvale"
    added = localoffer("new-provider", "--id", "eastvale-swim-club", "--name", "Eastvale swim club",
                       "--organisation", "Eastvale Leisure", "--category", "activities-and-short-breaks",
                       "--phone", "01632 960 123", cwd=folder)
    assert added.returncode == 0, added.stderr
    built = localoffer("build", "--strict", cwd=folder)
    assert built.returncode == 0, built.stdout + built.stderr
    return folder, made, built


@pytest.mark.parametrize(("name", "place"), [
    ("Eastvale Council", "Eastvale"),
    ("Eastvale Borough Council", "Eastvale"),
    ("London Borough of Westford", "Westford"),
    ("City of Harbridge Council", "Harbridge"),
    ("Royal Borough of Kingsmere", "Kingsmere"),
    ("Fenland County Council", "Fenland"),
    ("Council", "Council"),
])
def test_the_place_comes_from_the_councils_name(name, place):
    assert place_of(name) == place


def test_fill_in_and_hidden_names():
    council = Council("Eastvale Borough Council", "Eastvale", "#6f2c91")
    assert council.fill_in("[[council]] / [[place]] / [[slug]] / [[email]] / [[colour]]") == (
        "Eastvale Borough Council / Eastvale / eastvale / localoffer@eastvale.example.org / #6f2c91")
    assert target_path(Path("dot-github/workflows/publish.yml")) == Path(".github/workflows/publish.yml")


def test_it_says_what_to_do_next(site):
    _, made, _ = site
    assert made.stdout == (
        "Made the Eastvale Local Offer in eastvale/. Next:\n"
        "  cd eastvale\n"
        "  localoffer build      (or: localoffer serve, to see it at http://localhost:8000)\n"
        "Then read eastvale/README.md: put in your logo, areas and feedback address before you publish.\n"
    )


def test_the_site_holds_only_what_a_council_owns(site):
    folder, _, _ = site
    files = sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*")
                   if p.is_file() and not {"output", "cache"} & set(p.relative_to(folder).parts))
    assert files == [
        ".github/pull_request_template.md", ".github/workflows/publish.yml", ".github/workflows/pull-request.yml",
        ".gitignore", "README.md", "brand/images/logo.svg",
        "content/coproduction/projects.yaml", "content/data/send-glossary.yaml",
        "content/feedback/you-said-we-did.yaml",
        "content/pages/accessibility.md", "content/pages/coproduction-ladder.md", "content/pages/coproduction.md",
        "content/pages/feedback.md", "content/pages/privacy.md", "content/pages/what-is-the-local-offer.md",
        "pelicanconf.py", "providers/FIELDS.md", "providers/README.md", "providers/_template.yaml",
        "providers/eastvale-swim-club.yaml", "publishconf.py", "requirements.txt",
    ]
    for name in files:
        text = (folder / name).read_text(encoding="utf-8")
        assert "Northmoor" not in text, name
        assert "[[" not in text, name
    assert (folder / "requirements.txt").read_text().splitlines()[-1] == "localoffer==1.0.0"


def test_every_page_names_the_council_and_every_address_resolves(site):
    folder, _, built = site
    output = folder / "output"
    assert "service_directory: 0 published, 1 draft, 0 closed, 0 rejected" in built.stdout + built.stderr
    assert pages_without(output, COUNCIL) == []
    assert missing_addresses(output) == []
    assert (output / "theme" / "css" / "council.css").read_text().endswith(
        ":root{--council-colour:#6f2c91;--govuk-brand-colour:#6f2c91}\n")
    assert 'src="/theme/images/logo.svg" alt="Eastvale Borough Council"' in (output / "index.html").read_text()


def test_validate_checks_the_sites_providers(site):
    folder, _, _ = site
    result = localoffer("validate", cwd=folder)
    assert (result.returncode, result.stdout) == (
        0, "1 file(s) checked: 1 ready to publish, 0 with errors (0 error(s), 0 warning(s))\n")
    (folder / "providers" / "broken.yaml").write_text("id: broken\n")
    try:
        result = localoffer("validate", "providers/broken.yaml", cwd=folder)
        assert result.returncode == 1
        assert result.stdout.startswith("Problems:\n  providers/broken.yaml:")
    finally:
        (folder / "providers" / "broken.yaml").unlink()


def test_it_refuses_a_folder_that_is_not_empty(tmp_path):
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "notes.txt").write_text("keep me")
    result = localoffer("new", "site", "--council", COUNCIL, cwd=tmp_path)
    assert (result.returncode, result.stderr) == (1, "site is not empty; give the name of a new folder\n")
    assert [p.name for p in (tmp_path / "site").iterdir()] == ["notes.txt"]


def test_it_refuses_a_colour_families_could_not_read(tmp_path):
    result = localoffer("new", "site", "--council", COUNCIL, "--colour", "#ffdd00", cwd=tmp_path)
    assert (result.returncode, result.stderr) == (
        1, "--colour #ffdd00 has a contrast of 1.35:1 with white text; it needs 4.5:1\n")
    assert not (tmp_path / "site").exists()


PINNED = re.compile(r"^[\w.-]+/[\w.-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+$")


def workflows(folder):
    return {path.name: yaml.safe_load(path.read_text()) for path in (folder / ".github" / "workflows").glob("*.yml")}


def test_the_workflows_are_hardened(site):
    folder, _, _ = site
    documents = workflows(folder)
    assert sorted(documents) == ["publish.yml", "pull-request.yml"]
    for name, text in ((p.name, p.read_text()) for p in (folder / ".github" / "workflows").glob("*.yml")):
        uses = re.findall(r"uses: (.+)$", text, re.MULTILINE)
        assert uses and all(PINNED.match(use) for use in uses), (name, uses)
    for name, document in documents.items():
        for job in document["jobs"].values():
            for step in job["steps"]:
                if step.get("uses", "").startswith("actions/checkout@"):
                    assert step["with"]["persist-credentials"] is False, name
    assert documents["pull-request.yml"]["permissions"] == {"contents": "read"}
    publish = documents["publish.yml"]
    assert publish["permissions"] == {}
    assert publish["jobs"]["build"]["permissions"] == {"contents": "read"}
    deploy = publish["jobs"]["deploy"]
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert [step["uses"].split("@")[0] for step in deploy["steps"]] == ["actions/deploy-pages"]


def test_the_workflows_run_commands_that_exist(site):
    folder, _, _ = site
    for document in workflows(folder).values():
        for job in document["jobs"].values():
            for step in job["steps"]:
                for line in step.get("run", "").splitlines():
                    words = line.split()
                    if words[0] == "localoffer":
                        assert localoffer(words[1], "--help", cwd=folder).returncode == 0, line
                        help_text = localoffer(words[1], "--help", cwd=folder).stdout
                        assert all(word in help_text for word in words[2:] if word.startswith("--")), line
                    else:
                        assert line in ("python -m pip install -r requirements.txt",
                                        'cat preview/editorial/report.md >> "$GITHUB_STEP_SUMMARY"'), line
