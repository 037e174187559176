"""Build a preview for the editorial group: drafts included, a "Preview: not
published" banner on every page, and the editorial report at editorial/.

With --baseline (the published site's manifest.json) the report also says
what this change adds, removes and changes on the published site."""

from pathlib import Path

from .site import SiteError, add_settings_argument, display, fail, read_site_settings, run_pelican, settings_file

NAME = "preview"
HELP = "build a preview with drafts and the editorial report"


def add_arguments(parser):
    parser.add_argument("--baseline", metavar="FILE", default="",
                        help="the published site's manifest.json, to show what this change does (default: none)")
    parser.add_argument("--output", metavar="FOLDER", default="preview",
                        help="where to write the preview (default: preview/)")
    add_settings_argument(parser)


def run(args):
    try:
        path = settings_file(args)
    except SiteError as error:
        return fail(str(error))
    cache = Path(read_site_settings(path)["CACHE_PATH"])
    output = Path(args.output).resolve()
    overrides = {
        "SERVICES_INCLUDE_DRAFTS": True,
        "EDITORIAL_REPORT": True,
        "OUTPUT_PATH": str(output),
        # Its own cache, so that a preview never makes the next published build redo its work.
        "CACHE_PATH": str(cache / "preview"),
    }
    if args.baseline:
        overrides["EDITORIAL_BASELINE_MANIFEST"] = str(Path(args.baseline).resolve())
    code = run_pelican(path, overrides)
    if code == 0:
        shown = display(output, Path.cwd())
        print(f"Preview written to {shown}/; the editorial report is {shown}/editorial/index.html")
    return code
