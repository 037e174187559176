"""Tasks for building, checking and previewing the Local Offer (run with `invoke`).

`make` sets up the tools and calls these; once set up, `.venv/bin/invoke --list`
shows them all.
"""

import json
import os
import shlex
import sys
from pathlib import Path

from invoke import task

HERE = Path(__file__).resolve().parent
# tools/ is a folder of this project; the engine itself is the installed `localoffer` package.
sys.path[:0] = [str(HERE)]
VENV_BIN = HERE / ".venv" / "bin"
PELICAN = str(VENV_BIN / "pelican") if (VENV_BIN / "pelican").exists() else "pelican"
PYTHON = sys.executable
SETTINGS = {"local": "pelicanconf.py", "publish": "publishconf.py"}


def _pelican(c, settings_file, extra=""):
    # Wide lines, so that each problem in the log stays on one line an editor can copy.
    c.run(f"{PELICAN} content -s {settings_file} {extra}", pty=False, env={"COLUMNS": "250"})


@task(help={"strict": "fail (exit 1) if any provider file has a problem, as a real site's CI should"})
def build(c, strict=False):
    """Build the site into output/ with the local settings."""
    _pelican(c, SETTINGS["local"], "--fatal errors" if strict else "")


@task(help={"strict": "fail (exit 1) if any provider file has a problem"})
def publish(c, strict=True):
    """Build the site for publishing with publishconf.py (strict by default)."""
    _pelican(c, SETTINGS["publish"], "--fatal errors" if strict else "")


@task(help={
    "baseline": "the published site's manifest.json, to show what this change does (default: none)",
    "output": "where to write the preview (default: preview/)",
})
def preview(c, baseline="", output="preview"):
    """Build a preview for the editorial group: drafts included, a banner on every page, and /editorial/."""
    overrides = {
        "SERVICES_INCLUDE_DRAFTS": True,
        "EDITORIAL_REPORT": True,
        "OUTPUT_PATH": str(Path(output).resolve()),
        # Its own cache, so that a preview never makes the next published build redo its work.
        "CACHE_PATH": str(HERE / "cache" / "preview"),
    }
    if baseline:
        overrides["EDITORIAL_BASELINE_MANIFEST"] = str(Path(baseline).resolve())
    # One -e with every setting: Pelican keeps only the last of several -e options.
    extra = "-e " + " ".join(f"{key}={shlex.quote(json.dumps(value))}" for key, value in overrides.items())
    _pelican(c, SETTINGS["local"], extra)
    print(f"Preview written to {output}/; the editorial report is {output}/editorial/index.html")


@task(help={"port": "the port to serve on (default 8000)", "bind": "the address to listen on"})
def serve(c, port=8000, bind="127.0.0.1"):
    """Build the site, serve it at http://localhost:8000, and rebuild when a file changes."""
    import watchfiles

    from tools.site_server import start_server

    build(c)
    start_server(HERE / "output", bind, int(port), quiet=False)
    print(f"Serving the Local Offer at http://localhost:{port}/ (Ctrl+C to stop)", flush=True)
    watched = [HERE / name for name in ("providers", "content", "theme/templates", "theme/scss", "plugins")]
    try:
        for changes in watchfiles.watch(*watched, HERE / "pelicanconf.py"):
            print(f"{len(changes)} file(s) changed; rebuilding", flush=True)
            c.run(f"{PELICAN} content -s {SETTINGS['local']}", warn=True, pty=False)
    except KeyboardInterrupt:
        pass


def _after_double_dash():
    """Words after `--` on the command line: `invoke validate -- a.yaml b.yaml`."""
    return sys.argv[sys.argv.index("--") + 1:] if "--" in sys.argv else []


@task(help={
    "paths": "provider files or folders to check, separated by spaces (default: providers/)",
    "format": "human (default), github (annotations for GitHub Actions) or json",
    "strict": "fail on warnings as well as errors",
})
def validate(c, paths="", format="human", strict=False):  # noqa: A002 - the option families of tools use
    """Check provider files (all of providers/, or those after --); exit 1 if any has an error."""
    from pelican.settings import read_settings

    from localoffer.service_directory.cli import FORMATS, REPORTS, exit_code, validate_paths

    if format not in FORMATS:
        sys.exit(f"--format must be one of {', '.join(FORMATS)}; got {format!r}")
    settings = read_settings(str(HERE / SETTINGS["local"]))
    chosen = paths.split() + _after_double_dash()
    results = validate_paths(chosen or [settings["PROVIDERS_PATH"]], settings, HERE)
    print(REPORTS[format](results))
    sys.exit(exit_code(results, strict))


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
    import datetime

    from pelican.settings import read_settings

    from localoffer.service_directory.cli import validate_paths
    from localoffer.service_directory.fieldref import starter_file

    settings = read_settings(str(HERE / SETTINGS["local"]))
    answers = {"id": id, "name": name, "organisation": organisation, "category": category}
    questions = {
        "id": "Service id (lower-case letters, digits and hyphens, e.g. riverside-speech-dropin): ",
        "name": "Service name: ",
        "organisation": "Organisation that runs it: ",
        "category": f"Category ({', '.join(settings['LOCAL_OFFER_CATEGORIES'])}): ",
    }
    for key, question in questions.items():
        if not answers[key]:
            if not sys.stdin.isatty():
                sys.exit(f"new-provider needs --{key} when it cannot ask (no terminal)")
            answers[key] = input(question).strip()
    contact = {key: value for key, value in (("email", email), ("phone", phone), ("website", website)) if value}
    if not contact and sys.stdin.isatty():
        contact["email"] = input("Email address families can use: ").strip()
    if not contact:
        sys.exit("new-provider needs at least one of --email, --phone or --website")

    target = Path(folder or settings["PROVIDERS_PATH"]).resolve() / f"{answers['id']}.yaml"
    if target.exists():
        sys.exit(f"{target.relative_to(HERE) if target.is_relative_to(HERE) else target} already exists; choose another id")
    values = {
        "id": answers["id"], "service.name": answers["name"], "organisation.name": answers["organisation"],
        "service.categories": [answers["category"]], "last_reviewed": datetime.date.today().isoformat(),
        **{f"contact.{key}": value for key, value in contact.items()},
    }
    target.write_text(starter_file(values), encoding="utf-8")
    results = validate_paths([target], settings, HERE)
    shown = results[0].display_path
    if not results[0].ok:
        for problem in results[0].problems:
            print(problem)
        sys.exit(f"{shown} was written but has problems: fix them, then run invoke validate -- {shown}")
    print(f"Wrote {shown} as a draft. Fill it in, then run: .venv/bin/invoke validate -- {shown}")


@task(name="import-oruk", help={
    "source": "an Open Referral UK feed: a .json file, a folder of them, or an http(s) address",
    "out": "where to write the provider files (default: providers)",
    "mapping": "a YAML file mapping the source's terms to categories, needs and ages (default: the shipped one)",
    "force": "replace provider files that are already there",
})
def import_oruk(c, source, out="providers", mapping="", force=False):
    """Make provider files from another directory's Open Referral UK feed, and report what was left to do."""
    import argparse

    from localoffer.open_data import import_command

    parser = argparse.ArgumentParser(prog=import_command.NAME)
    import_command.add_arguments(parser)
    words = [source, "--out", out, "--settings", str(HERE / SETTINGS["local"])]
    words += (["--mapping", mapping] if mapping else []) + (["--force"] if force else [])
    sys.exit(import_command.run(parser.parse_args(words)))


@task(help={"args": "extra arguments for pytest, e.g. -k loader"})
def test(c, args=""):
    """Run every test, the browser tests in Chromium included."""
    env = {"PYTHONHASHSEED": "0"}
    c.run(f"{PYTHON} -m pytest {args}", env=env, pty=False)


@task
def clean(c):
    """Remove the built site and caches."""
    c.run("rm -rf output cache")


@task
def fieldref(c):
    """Write providers/_template.yaml and providers/FIELDS.md from the schema."""
    from localoffer.service_directory.fieldref import write_template_files

    write_template_files(HERE / "providers")


os.chdir(HERE)
