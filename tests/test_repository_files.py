"""The files a council's GitHub uses: workflows that parse and call commands
that exist, a pull request template and CODEOWNERS that name real paths."""

import re
import shlex
from pathlib import Path

import pytest
import yaml
from invoke import Collection

import tasks
from tests.conftest import ROOT

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
COLLECTION = Collection.from_module(tasks)


def run_commands():
    for workflow in WORKFLOWS:
        document = yaml.safe_load(workflow.read_text())
        for job in document["jobs"].values():
            for step in job["steps"]:
                if "run" in step:
                    for line in step["run"].splitlines():
                        yield workflow.name, line


def test_there_is_a_pull_request_workflow_and_a_publish_workflow():
    assert [w.name for w in WORKFLOWS] == ["publish.yml", "pull-request.yml"]
    for workflow in WORKFLOWS:
        document = yaml.safe_load(workflow.read_text())
        triggers = document[True]  # YAML 1.1 reads the key `on` as true
        assert ("pull_request" in triggers) == (workflow.name == "pull-request.yml")
        assert ("push" in triggers) == (workflow.name == "publish.yml")


@pytest.mark.parametrize("workflow, line", list(run_commands()))
def test_every_command_a_workflow_runs_exists(workflow, line):
    words = shlex.split(line)
    if words[0] == ".venv/bin/invoke":
        name = words[1]
        assert name in COLLECTION.task_names, f"{workflow}: no task {name!r} in tasks.py"
        task = COLLECTION[name]
        options = {f"--{arg.replace('_', '-')}" for arg in task.argspec(task.body).parameters}
        used = {word.split("=")[0] for word in words[2:] if word.startswith("--") and word != "--"}
        assert used <= options, f"{workflow}: {name} has no option {sorted(used - options)}"
    elif words[0] == "make":
        makefile = (ROOT / "Makefile").read_text()
        assert re.search(rf"^{re.escape(words[1])}:", makefile, re.MULTILINE), f"{workflow}: no make target {words[1]}"
    elif words[0] == ".venv/bin/pelican":
        assert words[1:4] == ["content", "-s", "pelicanconf.py"]
    else:
        assert words[0] == "cat" and "report.md" in line, f"{workflow}: unexpected command {line!r}"


def test_the_pull_request_workflow_annotates_previews_and_reports():
    text = (ROOT / ".github" / "workflows" / "pull-request.yml").read_text()
    assert ".venv/bin/invoke validate --format github" in text
    assert ".venv/bin/invoke preview --baseline baseline/manifest.json" in text
    assert 'cat preview/editorial/report.md >> "$GITHUB_STEP_SUMMARY"' in text
    assert "path: preview/" in text


def test_the_pull_request_template_has_the_providers_checklist():
    text = (ROOT / ".github" / "pull_request_template.md").read_text()
    assert text.count("- [ ] ") == 8
    assert "invoke validate -- providers/<id>.yaml" in text


def test_codeowners_names_paths_that_exist():
    for line in (ROOT / ".github" / "CODEOWNERS").read_text().splitlines():
        if line and not line.startswith("#"):
            path, *owners = line.split()
            assert (ROOT / path.strip("/")).exists(), path
            assert owners and all(owner.startswith("@") for owner in owners)
