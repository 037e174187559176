"""What every command needs: the site's settings file, its settings, and a Pelican build."""

import json
import os
import subprocess
import sys
from pathlib import Path

LOCAL_SETTINGS = "pelicanconf.py"
PUBLISH_SETTINGS = "publishconf.py"


class SiteError(Exception):
    """A problem that stops a command; its text is the whole message for the user."""


def add_settings_argument(parser, default=LOCAL_SETTINGS):
    parser.add_argument("--settings", metavar="FILE", default=None,
                        help=f"the site's settings file (default: {default} in the current folder)")


def settings_file(args, default=LOCAL_SETTINGS):
    """The settings file the command uses, made absolute; SiteError when it is not there."""
    path = Path(args.settings or default).resolve()
    if not path.is_file():
        raise SiteError(f"{path} does not exist; run localoffer in your site's folder, or give --settings FILE")
    return path


def read_site_settings(path):
    """The site's settings as Pelican reads them (its defaults, then the file)."""
    from pelican.settings import read_settings

    return read_settings(str(path))


def providers_path(settings, site):
    """PROVIDERS_PATH as an absolute path (relative to the site's folder when relative)."""
    path = Path(settings.get("PROVIDERS_PATH") or "providers")
    return path if path.is_absolute() else site / path


def pelican_command(settings_path, overrides=None, strict=False):
    command = [sys.executable, "-m", "pelican", "-s", str(settings_path)]
    if strict:
        command += ["--fatal", "errors"]
    if overrides:
        # One -e with every setting: Pelican keeps only the last of several -e options.
        command += ["-e", *(f"{key}={json.dumps(value)}" for key, value in overrides.items())]
    return command


def run_pelican(settings_path, overrides=None, strict=False):
    """Build with Pelican in the settings file's folder; return Pelican's exit code."""
    command = pelican_command(settings_path, overrides, strict)
    # Wide lines, so that each problem in the log stays on one line an editor can copy.
    env = {**os.environ, "COLUMNS": "250"}
    return subprocess.run(command, cwd=settings_path.parent, env=env, check=False).returncode


def display(path, site):
    """A path as a user in the site's folder would type it."""
    path = Path(path).resolve()
    return str(path.relative_to(site)) if path.is_relative_to(site) else str(path)


def fail(message):
    """Print a problem that stops a command, and return the exit code 1."""
    print(message, file=sys.stderr)
    return 1
