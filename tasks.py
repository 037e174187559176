"""Tasks for this repository (run with `invoke`); each site task is a thin wrapper around `localoffer`.

`make` sets up the tools and calls these; once set up, `.venv/bin/invoke --list`
shows them all. The command line itself is the package's `localoffer`
(plugins/cli/), which a council's own site uses the same way.
"""

import os
import shlex
import sys
from pathlib import Path

from invoke import task

from localoffer.cli import main as localoffer

HERE = Path(__file__).resolve().parent
PYTHON = sys.executable


def _after_double_dash():
    """Words after `--` on the command line: `invoke validate -- a.yaml b.yaml` (kept for old habits;
    `localoffer validate a.yaml b.yaml` needs no `--`)."""
    return sys.argv[sys.argv.index("--") + 1:] if "--" in sys.argv else []


def _options(**values):
    """`--name value` for each option given; `--name` alone for a True flag."""
    words = []
    for name, value in values.items():
        option = "--" + name.replace("_", "-")
        if value is True:
            words.append(option)
        elif value not in (False, None, ""):
            words += [option, str(value)]
    return words


def _localoffer(*words):
    # sys.exit with the command's own exit code, so CI sees exactly what `localoffer` says.
    code = localoffer([str(word) for word in words])
    if code:
        sys.exit(code)


@task(help={"strict": "fail (exit 1) if any provider file has a problem, as a real site's CI should"})
def build(c, strict=False):
    """Build the site into output/ with the local settings (localoffer build)."""
    _localoffer("build", *_options(strict=strict))


@task(help={"strict": "fail (exit 1) if any provider file has a problem"})
def publish(c, strict=True):
    """Build the site for publishing with publishconf.py, strict (localoffer build --publish)."""
    _localoffer("build", "--settings", "publishconf.py", *_options(strict=strict))


@task(help={
    "baseline": "the published site's manifest.json, to show what this change does (default: none)",
    "output": "where to write the preview (default: preview/)",
})
def preview(c, baseline="", output="preview"):
    """Build a preview for the editorial group: drafts included, a banner on every page, and /editorial/."""
    _localoffer("preview", *_options(baseline=baseline, output=output))


@task(help={"port": "the port to serve on (default 8000)", "bind": "the address to listen on"})
def serve(c, port=8000, bind="127.0.0.1"):
    """Build the site, serve it at http://localhost:8000, and rebuild when a file changes."""
    _localoffer("serve", *_options(port=port, bind=bind))


@task(help={
    "paths": "provider files or folders to check, separated by spaces (default: providers/)",
    "format": "human (default), github (annotations for GitHub Actions) or json",
    "strict": "fail on warnings as well as errors",
})
def validate(c, paths="", format="human", strict=False):  # noqa: A002 - the option families of tools use
    """Check provider files (all of providers/, or those named); exit 1 if any has an error."""
    _localoffer("validate", *paths.split(), *_after_double_dash(), *_options(format=format, strict=strict))


@task(name="new-provider", help={
    "id": "the service's id: lower-case letters, digits and hyphens (the page is /services/<id>/)",
    "name": "the service's name",
    "organisation": "the organisation that runs it",
    "category": "one of the council's category ids (LOCAL_OFFER_CATEGORIES)",
    "email": "an email address families can use",
    "phone": "a phone number families can use",
    "website": "a web page about the service",
    "folder": "where to write it (default: the PROVIDERS_PATH setting, providers/)",
})
def new_provider(c, id="", name="", organisation="", category="", email="", phone="", website="", folder=""):  # noqa: A002
    """Start a new provider file (a draft) from the template, asking for what is missing."""
    _localoffer("new-provider", *_options(id=id, name=name, organisation=organisation, category=category,
                                          email=email, phone=phone, website=website, folder=folder))


@task(name="import-oruk", help={
    "source": "an Open Referral UK feed: a .json file, a folder of them, or an http(s) address",
    "out": "where to write the provider files (default: the PROVIDERS_PATH setting, providers/)",
    "mapping": "a YAML file mapping the source's terms to categories, needs and ages (default: the shipped one)",
    "force": "replace provider files that are already there",
})
def import_oruk(c, source, out="", mapping="", force=False):
    """Make provider files from another directory's Open Referral UK feed, and report what was left to do."""
    _localoffer("import-oruk", source, *_options(out=out, mapping=mapping, force=force))


@task(help={"args": "extra arguments for pytest, e.g. -k loader"})
def test(c, args=""):
    """Run every test, the browser tests in Chromium included."""
    # The search modules' unit tests first (Node's own runner), so pytest's summary stays the last line.
    c.run("node --test tests/js/", pty=False)
    c.run(shlex.join([PYTHON, "-m", "pytest"]) + (f" {args}" if args else ""), env={"PYTHONHASHSEED": "0"}, pty=False)


@task
def clean(c):
    """Remove the built site and caches."""
    c.run("rm -rf output cache preview")


@task
def fieldref(c):
    """Write providers/_template.yaml and providers/FIELDS.md from the schema."""
    from localoffer.service_directory.fieldref import write_template_files

    write_template_files(HERE / "providers")


@task(name="theme-assets")
def theme_assets(c):
    """Compile the theme's Sass and copy the vendored front-end files into theme/static/ (commit them)."""
    c.run(shlex.join([PYTHON, "-m", "localoffer.theme_assets.refresh"]), pty=False)


os.chdir(HERE)
