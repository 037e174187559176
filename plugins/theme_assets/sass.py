"""Compile the theme's Sass with the pinned Dart Sass from node_modules (a task of this repository)."""

import subprocess

CSS_NAME = "main.css"


class SassError(Exception):
    """The compiler could not run, or the Sass does not compile."""


def command(sass, node_modules, scss, target):
    """The sass command line: compressed, no source map, so the output is the
    same on every machine. --no-error-css: on a failure Sass would otherwise
    write a CSS file that looks like a real one."""
    return [
        str(sass),
        f"--load-path={node_modules}",
        "--no-source-map",
        "--style=compressed",
        "--quiet-deps",
        "--no-error-css",
        str(scss),
        str(target),
    ]


def run_sass(node_modules, scss, target, timeout=60):
    """Compile `scss` into `target`; raise SassError with the compiler's message on a failure."""
    sass = node_modules / ".bin" / "sass"
    if not sass.is_file():
        raise SassError(f"the Sass compiler {sass} is missing; run `make setup` (it runs `npm ci`)")
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        result = subprocess.run(command(sass, node_modules, scss, target), capture_output=True, text=True,
                                timeout=timeout, check=False)
    except (OSError, subprocess.TimeoutExpired) as error:
        raise SassError(f"could not run {sass}: {error}") from error
    if result.returncode != 0:
        raise SassError(f"Sass failed on {scss} (exit {result.returncode}):\n{(result.stderr or result.stdout).strip()}")
    return target
