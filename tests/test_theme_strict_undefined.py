"""Templates use strict undefined variables: every template in theme/templates is rendered by a real
build with the context it really gets (one test per file), and a variable no template gets fails the
build instead of printing nothing."""

import json
import shutil
import subprocess
import sys
from pathlib import Path

import jinja2
import pytest

import localoffer
from tests.conftest import BUILD_DATE, FIXTURES, ROOT, run_pelican

TEMPLATES = localoffer.THEME_DIR / "templates"
ALL_TEMPLATES = sorted(path.relative_to(TEMPLATES).as_posix() for path in TEMPLATES.rglob("*.html"))
# Components no theme template uses yet, kept for a council's own templates: rendered here with the
# arguments such a template would pass, and what each must produce.
LIBRARY_CALLS = {
    "components/back_link.html": ('back_link("/services/")', '<a href="/services/" class="govuk-back-link">Back</a>'),
    "components/button.html": ('button("Search", href="/search/", secondary=True)',
                               'class="govuk-button govuk-button--secondary"'),
    "components/details.html": ('details("What is an EHC plan?", text="A plan for support.")',
                                '<span class="govuk-details__summary-text">What is an EHC plan?</span>'),
    "components/phase_banner.html": ('phase_banner("Beta", text="This is a new service.")',
                                     '<strong class="govuk-tag govuk-phase-banner__content__tag">Beta</strong>'),
}


@pytest.fixture(scope="module")
def loaded(tmp_path_factory):
    """The templates a real preview build of the sample site loaded (drafts, editorial report and all)."""
    folder = tmp_path_factory.mktemp("strict")
    record = folder / "loaded.json"
    overrides = {"OUTPUT_PATH": str(folder / "output"), "CACHE_PATH": str(folder / "cache"),
                 "SERVICES_BUILD_DATE": BUILD_DATE, "SERVICES_INCLUDE_DRAFTS": True, "EDITORIAL_REPORT": True}
    command = [sys.executable, str(ROOT / "tests" / "record_templates.py"), str(record), "-s", "pelicanconf.py",
               "--fatal", "errors", "-e", *(f"{key}={json.dumps(value)}" for key, value in overrides.items())]
    result = subprocess.run(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                            env={"PATH": "/usr/bin:/bin", "COLUMNS": "500", "TERM": "dumb"})
    assert result.returncode == 0, result.stdout
    return set(json.loads(record.read_text()))


def test_sites_use_strict_undefined():
    assert localoffer.JINJA_ENVIRONMENT["undefined"] is jinja2.StrictUndefined
    from pelican.settings import read_settings

    assert read_settings(str(ROOT / "pelicanconf.py"))["JINJA_ENVIRONMENT"]["undefined"] is jinja2.StrictUndefined


@pytest.mark.parametrize("name", ALL_TEMPLATES)
def test_every_template_renders_with_the_context_it_really_gets(name, loaded):
    if name in LIBRARY_CALLS:
        assert name not in loaded, f"{name} is used now: take it out of LIBRARY_CALLS"
        call, expected = LIBRARY_CALLS[name]
        environment = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), **localoffer.JINJA_ENVIRONMENT)
        macro = name.split("/")[-1].removesuffix(".html")
        assert expected in environment.from_string(f'{{% from "{name}" import {macro} %}}{{{{ {call} }}}}').render()
    else:
        assert name in loaded, f"no page of the sample's preview build uses {name}"


def test_a_variable_no_template_gets_fails_the_build(tmp_path):
    theme = tmp_path / "theme"
    shutil.copytree(localoffer.THEME_DIR, theme, ignore=shutil.ignore_patterns("scss"))
    page = theme / "templates" / "page.html"
    page.write_text(page.read_text().replace("{% block content %}", "{% block content %}{{ council_motto }}", 1))
    result = run_pelican(FIXTURES / "providers" / "valid", tmp_path / "output", THEME=str(theme))
    assert result.returncode == 1
    assert "UndefinedError: 'council_motto' is undefined" in result.stdout
