"""theme_assets: the council colour check, when Sass runs, the vendored
files, and the messages when node_modules is missing."""

import logging
import os
import types
from pathlib import Path

import pytest

from localoffer.theme_assets import council, sass, vendor
from localoffer.theme_assets.build import build_assets
from localoffer.theme_assets.settings import resolve_settings

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("#1d5c4d", ("#1d5c4d", None)),
        (" #1D5C4D ", ("#1d5c4d", None)),
        ("green", ("#1d5c4d", "theme_assets: COUNCIL_COLOUR 'green' is not a colour like '#1d5c4d'; using #1d5c4d")),
        ("#1d5c4d;}body{display:none", (
            "#1d5c4d",
            "theme_assets: COUNCIL_COLOUR '#1d5c4d;}body{display:none' is not a colour like '#1d5c4d'; using #1d5c4d",
        )),
        (None, ("#1d5c4d", "theme_assets: COUNCIL_COLOUR None is not a colour like '#1d5c4d'; using #1d5c4d")),
        ("#ffdd00", ("#ffdd00", "theme_assets: COUNCIL_COLOUR #ffdd00 has a contrast of 1.35:1 with white text; it needs 4.5:1")),
    ],
)
def test_check_colour(value, expected):
    assert council.check_colour(value) == expected


def test_contrast_with_white():
    assert round(council.contrast_with_white("#000000"), 2) == 21.0
    assert round(council.contrast_with_white("#ffffff"), 2) == 1.0


def test_council_css(tmp_path):
    target = council.write_council_css("#6f2c91", tmp_path / "css")
    assert target.read_text(encoding="utf-8") == (
        "/* Written by plugins/theme_assets from COUNCIL_COLOUR; do not edit. */\n"
        ":root{--council-colour:#6f2c91;--govuk-brand-colour:#6f2c91}\n"
    )


def test_is_stale(tmp_path):
    scss = tmp_path / "main.scss"
    css = tmp_path / "main.css"
    scss.write_text("a{}")
    assert sass.is_stale(css, [scss])
    css.write_text("a{}")
    os.utime(scss, (1000, 1000))
    os.utime(css, (2000, 2000))
    assert not sass.is_stale(css, [scss])
    os.utime(scss, (3000, 3000))
    assert sass.is_stale(css, [scss])


def test_sass_command_is_deterministic(tmp_path):
    options = resolve_settings({"THEME": str(tmp_path / "theme")})
    assert sass.command(options, tmp_path / "out.css") == [
        str(tmp_path / "node_modules" / ".bin" / "sass"),
        f"--load-path={tmp_path / 'node_modules'}",
        "--no-source-map",
        "--style=compressed",
        "--quiet-deps",
        "--no-error-css",
        str(tmp_path / "theme" / "scss" / "main.scss"),
        str(tmp_path / "out.css"),
    ]


def test_settings_resolve_relative_and_absolute(tmp_path):
    options = resolve_settings({
        "THEME": str(tmp_path / "theme"),
        "THEME_ASSETS_NODE_MODULES": "/opt/npm/node_modules",
        "THEME_ASSETS_SASS": "/usr/bin/sass",
    })
    assert options.node_modules == Path("/opt/npm/node_modules")
    assert options.sass == Path("/usr/bin/sass")
    assert options.css_dir == tmp_path / "theme" / "static" / "css"
    assert options.vendor_dir == tmp_path / "theme" / "static" / "vendor"


def test_copy_vendor_files_copies_only_changes(tmp_path):
    node_modules = tmp_path / "node_modules"
    (node_modules / "pkg").mkdir(parents=True)
    (node_modules / "pkg" / "a.js").write_text("one")
    files = (("pkg/a.js", "a.js"),)
    assert vendor.copy_vendor_files(node_modules, tmp_path / "vendor", files) == ["a.js"]
    assert vendor.copy_vendor_files(node_modules, tmp_path / "vendor", files) == []
    (node_modules / "pkg" / "a.js").write_text("two")
    assert vendor.copy_vendor_files(node_modules, tmp_path / "vendor", files) == ["a.js"]
    assert (tmp_path / "vendor" / "a.js").read_text() == "two"


def test_missing_node_modules_says_run_make_setup(tmp_path, caplog):
    theme = tmp_path / "theme"
    theme.mkdir()
    pelican = types.SimpleNamespace(settings={"THEME": str(theme), "COUNCIL_COLOUR": "#1d5c4d"})
    with caplog.at_level(logging.ERROR):
        build_assets(pelican)
    assert [r.getMessage() for r in caplog.records] == [
        f"theme_assets: {tmp_path / 'node_modules'} is missing, so the theme has no CSS or JavaScript; "
        "run `make setup` (it runs `npm ci`)"
    ]
    # council.css is still written: it needs nothing from npm.
    assert (theme / "static" / "css" / "council.css").is_file()


def test_sass_error_is_logged_not_raised(tmp_path, caplog):
    if not (ROOT / "node_modules" / ".bin" / "sass").is_file():
        pytest.skip("node_modules is not installed; run `make setup`")
    theme = tmp_path / "theme"
    (theme / "scss").mkdir(parents=True)
    (theme / "scss" / "main.scss").write_text("a { color: ; }\n")
    options = resolve_settings({"THEME": str(theme), "THEME_ASSETS_NODE_MODULES": str(ROOT / "node_modules")})
    with caplog.at_level(logging.ERROR):
        assert sass.compile_if_stale(options) is False
    assert caplog.records[0].getMessage().startswith(
        f"theme_assets: Sass failed on {theme / 'scss' / 'main.scss'} (exit 65):"
    )
    assert not (theme / "static" / "css" / "main.css").exists()


def test_theme_compiles_without_gds_transport(tmp_path):
    """The real theme compiles, with a system font and no @font-face."""
    if not (ROOT / "node_modules" / ".bin" / "sass").is_file():
        pytest.skip("node_modules is not installed; run `make setup`")
    options = resolve_settings({"THEME": str(ROOT / "theme")})
    target = tmp_path / "main.css"
    assert sass.run_sass(options, target)
    css = target.read_text(encoding="utf-8")
    assert "GDS Transport" not in css
    assert "@font-face" not in css
    assert "font-family:arial" in css
