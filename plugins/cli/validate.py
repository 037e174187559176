"""Check provider files without building the site.

It uses the same checks as the build, with the council's categories and areas
from the settings file, so a file that passes here is published there. Exit 1
if any file has an error (with --strict, a warning too). Formats: human (for
people), github (annotations on the pull request's files), json (for tools).

  localoffer validate                       every file in providers/
  localoffer validate providers/x.yaml      only the files or folders named"""

import sys
from pathlib import Path

from .site import SiteError, add_settings_argument, fail, providers_path, read_site_settings, settings_file

NAME = "validate"
HELP = "check provider files and list every problem"


def add_arguments(parser):
    parser.add_argument("paths", nargs="*", metavar="PATH",
                        help="provider files or folders to check (default: the site's providers/)")
    parser.add_argument("--format", default="human", metavar="FORMAT",
                        help="human (default), github (annotations for GitHub Actions) or json")
    parser.add_argument("--strict", action="store_true", help="fail on warnings as well as errors")
    add_settings_argument(parser)


def run(args):
    from localoffer.service_directory.cli import FORMATS, REPORTS, exit_code, validate_paths

    if args.format not in FORMATS:
        return fail(f"--format must be one of {', '.join(FORMATS)}; got {args.format!r}")
    try:
        path = settings_file(args)
    except SiteError as error:
        return fail(str(error))
    settings = read_site_settings(path)
    site = path.parent
    # Unchanged files are not checked again (CACHE_PATH/validate.json), unless SERVICES_CACHE is off.
    cache = cache_path(settings, site) if settings.get("SERVICES_CACHE", True) else None
    results = validate_paths(args.paths or [providers_path(settings, site)], settings, site, cache,
                             warn=lambda message: print(message, file=sys.stderr))
    print(REPORTS[args.format](results))
    return exit_code(results, args.strict)



def cache_path(settings, site):
    """CACHE_PATH as an absolute path (relative to the site's folder when relative)."""
    path = Path(settings.get("CACHE_PATH") or "cache")
    return path if path.is_absolute() else site / path
