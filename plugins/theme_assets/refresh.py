"""Refresh the theme's compiled CSS and vendored front-end files from node_modules.

The package carries theme/static/css/main.css and theme/static/vendor/ so
that a council's site builds with Python alone. In this repository, after a
change to theme/scss/ or to package.json, run `make theme-assets` (it runs
`python -m localoffer.theme_assets.refresh`) and commit what changed;
tests/test_theme_assets.py fails until you do.
"""

import argparse
import sys
from pathlib import Path

from localoffer import THEME_DIR

from .sass import CSS_NAME, SassError, run_sass
from .vendor import copy_vendor_files


def refresh(node_modules, theme=THEME_DIR):
    """Compile the Sass and copy the vendored files; return what was written."""
    written = [run_sass(node_modules, theme / "scss" / "main.scss", theme / "static" / "css" / CSS_NAME)]
    written += [theme / "static" / "vendor" / name for name in copy_vendor_files(node_modules, theme / "static" / "vendor")]
    return written


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m localoffer.theme_assets.refresh", description=__doc__.split("\n")[0])
    parser.add_argument("--node-modules", type=Path, default=Path("node_modules"),
                        help="the npm packages of package.json (default: node_modules)")
    args = parser.parse_args(argv)
    try:
        written = refresh(args.node_modules.resolve())
    except (SassError, FileNotFoundError) as error:
        print(f"theme_assets: {error}", file=sys.stderr)
        return 1
    for path in written:
        print(f"theme_assets: wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
