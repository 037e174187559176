"""Compile the theme's Sass with the pinned Dart Sass from node_modules."""

import logging
import subprocess

log = logging.getLogger(__name__)

CSS_NAME = "main.css"


def compile_if_stale(options):
    """Compile ``options.scss`` into ``css_dir/main.css`` unless it is up to date.

    The CSS is stale when it is missing or older than any .scss file in the
    theme or than GOV.UK Frontend's package.json (a new version needs a new
    build). Returns True when the CSS is up to date afterwards.
    """
    target = options.css_dir / CSS_NAME
    if not options.scss.is_file():
        log.error("theme_assets: the Sass entry point %s does not exist", options.scss)
        return False
    if not is_stale(target, _inputs(options)):
        log.debug("theme_assets: %s is up to date", target)
        return True
    if not options.sass.is_file():
        log.error(
            "theme_assets: the Sass compiler %s is missing; run `make setup`",
            options.sass,
        )
        return False
    return run_sass(options, target)


def is_stale(target, inputs):
    if not target.is_file():
        return True
    built = target.stat().st_mtime
    return any(path.stat().st_mtime > built for path in inputs)


def _inputs(options):
    inputs = list(options.scss.parent.rglob("*.scss"))
    package = options.node_modules / "govuk-frontend" / "package.json"
    if package.is_file():
        inputs.append(package)
    return inputs


def command(options, target):
    """The sass command line: compressed, no source map, so the output is the
    same on every machine. --no-error-css: on a failure Sass would otherwise
    write a CSS file newer than the sources, and the next build would take
    that broken file for an up-to-date one."""
    return [
        str(options.sass),
        f"--load-path={options.node_modules}",
        "--no-source-map",
        "--style=compressed",
        "--quiet-deps",
        "--no-error-css",
        str(options.scss),
        str(target),
    ]


def run_sass(options, target):
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        result = subprocess.run(
            command(options, target),
            capture_output=True,
            text=True,
            timeout=options.timeout,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired) as error:
        log.error("theme_assets: could not run %s: %s", options.sass, error)
        return False
    if result.returncode != 0:
        log.error(
            "theme_assets: Sass failed on %s (exit %s):\n%s",
            options.scss,
            result.returncode,
            (result.stderr or result.stdout).strip(),
        )
        return False
    log.info("theme_assets: compiled %s", target)
    return True
