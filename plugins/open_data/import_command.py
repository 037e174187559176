"""Bring a council's existing directory in from its Open Referral UK feed: one
provider file per service (a draft where a required field is missing), and a
report of what was converted, skipped and left for an editor. Existing files
are kept unless --force is given. Exit code: 0 when every part of the source
was read and every written file passes `validate`, 1 otherwise, 2 when the
settings or the mapping file cannot be used.
"""

# The command interface of the `localoffer` CLI (plugins/cli): NAME, HELP,
# add_arguments(parser) and run(args) returning the exit code.

import argparse
from pathlib import Path

from localoffer.cli.site import SiteError, add_settings_argument, providers_path, read_site_settings, settings_file

NAME = "import-oruk"
HELP = "make provider files from an Open Referral UK feed (a file, a folder of .json files or an http(s) address)"


def add_arguments(parser: argparse.ArgumentParser):
    parser.add_argument("source", help="a .json file, a folder of .json files, or an http(s) address of a feed or its services")
    parser.add_argument("--out", default=None, metavar="FOLDER",
                        help="the folder to write provider files to (default: the site's providers folder, PROVIDERS_PATH)")
    parser.add_argument("--mapping", default=None, metavar="FILE",
                        help="a YAML file mapping the source's taxonomy terms to categories, needs, ages, areas and referral "
                             "routes (default: the one shipped with localoffer, oruk_import_mapping.yaml)")
    parser.add_argument("--force", action="store_true", help="replace provider files that are already there")
    add_settings_argument(parser)


def run(args) -> int:
    from localoffer.service_directory.cli import validate_paths
    from localoffer.service_directory.settings import build_date

    from .import_mapping import MappingError, read_mapping
    from .import_run import import_services, report_lines

    try:
        path = settings_file(args)
    except SiteError as error:
        print(f"import-oruk: {error}")
        return 2
    settings = read_site_settings(path)
    categories, areas = settings.get("LOCAL_OFFER_CATEGORIES") or {}, settings.get("LOCAL_OFFER_AREAS") or {}
    if not categories or not areas:
        print(f"import-oruk: {path} has no LOCAL_OFFER_CATEGORIES or LOCAL_OFFER_AREAS; set them first")
        return 2
    try:
        mapping = read_mapping(args.mapping, categories, areas)
    except MappingError as error:
        print(f"import-oruk: {error}")
        return 2
    out = Path(args.out) if args.out else providers_path(settings, path.parent)
    result = import_services(args.source, out, mapping, categories, areas, build_date(settings), args.force)
    for checked in validate_paths(result.written, settings, out.resolve().parent) if result.written else []:
        if not checked.ok:
            result.invalid += [str(problem) for problem in checked.problems]
    print("\n".join(report_lines(result)))
    return 1 if result.problems or result.invalid or not result.read else 0
