"""Build the site, serve it at http://localhost:8000 as a static host would,
and build it again when a provider file, a page or a setting changes
(Ctrl+C to stop)."""

from pathlib import Path

from .site import SiteError, add_settings_argument, fail, providers_path, read_site_settings, run_pelican, settings_file

NAME = "serve"
HELP = "build, serve at http://localhost:8000 and rebuild on changes"


def add_arguments(parser):
    parser.add_argument("--port", type=int, default=8000, help="the port to serve on (default: 8000)")
    parser.add_argument("--bind", default="127.0.0.1", help="the address to listen on (default: 127.0.0.1)")
    add_settings_argument(parser)


def watched_paths(settings_path, settings):
    """The site's own files, and the engine's when it is a checkout someone is working on."""
    import localoffer

    site = settings_path.parent
    paths = [settings_path, providers_path(settings, site), Path(settings["PATH"]),
             localoffer.THEME_DIR / "templates", localoffer.THEME_DIR / "static", localoffer.PACKAGE_DIR]
    paths += [Path(folder) for folder in settings.get("THEME_STATIC_PATHS", []) if Path(folder).is_absolute()]
    cache = Path(settings["CACHE_PATH"]).resolve()
    # The cache is written by every build; watching it would rebuild for ever.
    return [path for path in dict.fromkeys(paths) if path.exists() and not path.resolve().is_relative_to(cache)]


def run(args):
    import watchfiles

    from localoffer.site_server import start_server

    try:
        path = settings_file(args)
    except SiteError as error:
        return fail(str(error))
    settings = read_site_settings(path)
    run_pelican(path)
    start_server(Path(settings["OUTPUT_PATH"]), args.bind, args.port, quiet=False)
    print(f"Serving the Local Offer at http://localhost:{args.port}/ (Ctrl+C to stop)", flush=True)
    for changes in watchfiles.watch(*watched_paths(path, settings)):
        print(f"{len(changes)} file(s) changed; rebuilding", flush=True)
        run_pelican(path)
    return 0
