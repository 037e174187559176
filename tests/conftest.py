"""Fixtures shared by every test: real Pelican builds of small provider folders."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
PELICAN = Path(sys.executable).with_name("pelican")
# A fixed "today" so that checks such as "not in the future" give the same answer every day.
BUILD_DATE = "2026-11-22"


def run_pelican(providers, output, settings_file="pelicanconf.py", extra_args=(), env=None, **overrides):
    """Build the site with the real `pelican` command, as the README tells editors to.
    `env` adds variables (a locale, a time zone) to the build's small environment.
    Returns the finished process (stdout and stderr together in `.stdout`)."""
    values = {
        "PROVIDERS_PATH": str(providers),
        "OUTPUT_PATH": str(output),
        "CACHE_PATH": str(Path(output).parent / "cache"),
        "SERVICES_BUILD_DATE": BUILD_DATE,
        **overrides,
    }
    command = [str(PELICAN), "content", "-s", settings_file, *extra_args, "-e"]
    command += [f"{key}={json.dumps(value)}" for key, value in values.items()]
    return subprocess.run(
        command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
        text=True, env={"PATH": "/usr/bin:/bin", "COLUMNS": "500", "TERM": "dumb", **(env or {})},
    )


@pytest.fixture(scope="session")
def build():
    return run_pelican
