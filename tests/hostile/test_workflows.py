"""The workflows cannot be turned against the site: checked by zizmor and
check-jsonschema (both offline), and by the rules issue 13 asked for."""

import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.conftest import ROOT

BIN = Path(sys.executable).parent
# Every workflow in the repository, the site template's included when it is there.
WORKFLOWS = sorted(
    path for path in ROOT.glob("**/workflows/*.yml")
    if not {".venv", "node_modules", ".git"} & set(path.relative_to(ROOT).parts)
)
IDS = [path.relative_to(ROOT).as_posix() for path in WORKFLOWS]
# Files that run in a build, a test or CI, which CODEOWNERS must give to the web team.
RUNS = ["Makefile", "tasks.py", "pyproject.toml", "requirements.txt", "requirements-dev.txt", "requirements.lock",
        "package.json", "package-lock.json", "pelicanconf.py", "publishconf.py", ".github/workflows/publish.yml",
        ".ci/run", "tools/lock_requirements.py", "plugins/site_server.py", "plugins/__init__.py", "theme/templates/base.html", "bench/README.md"]


def test_the_repository_has_workflows_to_check():
    assert ".github/workflows/publish.yml" in IDS and ".github/workflows/pull-request.yml" in IDS


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=IDS)
def test_zizmor_finds_nothing(workflow):
    result = subprocess.run([str(BIN / "zizmor"), "--offline", "--no-progress", "--format", "plain", str(workflow)],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No findings to report" in result.stdout


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=IDS)
def test_the_github_workflow_schema_accepts_it(workflow):
    result = subprocess.run([str(BIN / "check-jsonschema"), "--builtin-schema", "vendor.github-workflows", str(workflow)],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "ok -- validation done" in result.stdout


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=IDS)
def test_actions_are_pinned_checkouts_keep_no_credentials_and_run_lines_take_no_expressions(workflow):
    document = yaml.safe_load(workflow.read_text(encoding="utf-8"))
    for job in document["jobs"].values():
        for step in job.get("steps", []):
            if "uses" in step:
                assert re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40}", step["uses"]), step["uses"]
            if step.get("uses", "").startswith("actions/checkout@"):
                assert step.get("with", {}).get("persist-credentials") is False
            assert "${{" not in step.get("run", ""), step["run"]
            if workflow.parent == ROOT / ".github" / "workflows":  # this repository's CI installs by hash (make ci-setup)
                assert "pip install" not in step.get("run", "") and step.get("run") != "make setup"


def test_only_the_last_publish_job_can_publish_and_it_runs_nothing_from_the_repository():
    document = yaml.safe_load((ROOT / ".github/workflows/publish.yml").read_text(encoding="utf-8"))
    assert document["permissions"] == {}
    build, deploy = document["jobs"]["build"], document["jobs"]["deploy"]
    assert build["permissions"] == {"contents": "read"}
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["needs"] == "build"
    assert [step["uses"].split("@")[0] for step in deploy["steps"]] == ["actions/deploy-pages"]
    runs = [step.get("run") for step in build["steps"]]
    assert runs.index("make ci-setup") < runs.index("make clean") < runs.index(".venv/bin/invoke publish")


def test_ci_installs_every_package_by_its_hash_and_starts_from_an_empty_cache():
    makefile = (ROOT / "Makefile").read_text()
    ci_setup = makefile.split("\nci-setup:\n", 1)[1].split("\n\n", 1)[0]
    assert "pip install --quiet --disable-pip-version-check --require-hashes --no-deps -r requirements.lock" in ci_setup
    assert "npm ci --no-audit --no-fund --loglevel=error --ignore-scripts" in ci_setup
    assert "rm -rf output cache" in makefile.split("\nclean:\n", 1)[1]


def test_codeowners_gives_every_file_that_runs_to_the_web_team():
    owners = [line.split() for line in (ROOT / ".github/CODEOWNERS").read_text().splitlines()
              if line.strip() and not line.startswith("#")]
    for path in RUNS:
        owning = [rule for rule in owners if f"/{path}" == rule[0] or f"/{path}".startswith(rule[0].rstrip("/") + "/")]
        assert owning and owning[-1][1:] == ["@northmoor-council/local-offer-web-team"], path


def test_the_lock_pins_every_requirement_with_a_hash():
    lock = (ROOT / "requirements.lock").read_text(encoding="utf-8")
    locked = dict(re.findall(r"^([A-Za-z0-9_.\-]+)==(\S+) --hash=sha256:[0-9a-f]{64}", lock, re.MULTILINE))
    for file in ("requirements.txt", "requirements-dev.txt"):
        for name, version in re.findall(r"^([A-Za-z0-9_.\-]+)==(\S+)", (ROOT / file).read_text(), re.MULTILINE):
            assert locked.get(name) == version, f"{name}=={version}: run tools/lock_requirements.py"
