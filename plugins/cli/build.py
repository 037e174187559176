"""Build the site into its OUTPUT_PATH (output/) with Pelican.

With --strict, any provider file with a problem makes the build fail (exit 1),
as a site's publishing workflow should. --publish uses publishconf.py."""

from .site import LOCAL_SETTINGS, PUBLISH_SETTINGS, SiteError, add_settings_argument, fail, run_pelican, settings_file

NAME = "build"
HELP = "build the site into output/"


def add_arguments(parser):
    add_settings_argument(parser)
    parser.add_argument("--strict", action="store_true",
                        help="fail (exit 1) if any provider file or setting has a problem")
    parser.add_argument("--publish", action="store_true",
                        help=f"build for the live site with {PUBLISH_SETTINGS} (strict)")


def run(args):
    try:
        path = settings_file(args, PUBLISH_SETTINGS if args.publish else LOCAL_SETTINGS)
    except SiteError as error:
        return fail(str(error))
    return run_pelican(path, strict=args.strict or args.publish)
