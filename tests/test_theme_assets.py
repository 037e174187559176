"""theme_assets: the council colour check, council.css written into the site's
cache (never into the package), and the compiled CSS and vendored files the
package carries, checked against theme/scss and node_modules."""

import logging
import types
from pathlib import Path

import pytest

from localoffer import THEME_DIR
from localoffer.theme_assets import council, sass, vendor
from localoffer.theme_assets.build import build_assets
from localoffer.theme_assets.refresh import main as refresh_main

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


ROOT_NODE_MODULES = ROOT / "node_modules"


def test_council_css_goes_into_the_cache_and_is_served_with_the_theme(tmp_path):
    pelican = types.SimpleNamespace(settings={
        "THEME": str(THEME_DIR), "CACHE_PATH": str(tmp_path / "cache"), "COUNCIL_COLOUR": "#6f2c91",
        "THEME_STATIC_PATHS": ["static"],
    })
    before = sorted(p.relative_to(THEME_DIR) for p in THEME_DIR.rglob("*"))
    build_assets(pelican)
    assert (tmp_path / "cache" / "theme_assets" / "css" / "council.css").read_text(encoding="utf-8").endswith(
        ":root{--council-colour:#6f2c91;--govuk-brand-colour:#6f2c91}\n")
    assert pelican.settings["THEME_STATIC_PATHS"] == ["static", str(tmp_path / "cache" / "theme_assets")]
    build_assets(pelican)  # a second build does not add the folder twice
    assert pelican.settings["THEME_STATIC_PATHS"] == ["static", str(tmp_path / "cache" / "theme_assets")]
    assert sorted(p.relative_to(THEME_DIR) for p in THEME_DIR.rglob("*")) == before, "nothing is written into the package"


def test_the_theme_settings_get_their_defaults(tmp_path):
    pelican = types.SimpleNamespace(settings={"THEME": str(THEME_DIR), "CACHE_PATH": str(tmp_path)})
    build_assets(pelican)
    assert {key: pelican.settings[key] for key in ("COUNCIL_NAME", "COUNCIL_LOGO", "COUNCIL_COLOUR", "SITE_DESCRIPTION")} == {
        "COUNCIL_NAME": "", "COUNCIL_LOGO": "images/local-offer-logo.svg", "COUNCIL_COLOUR": "#1d5c4d",
        "SITE_DESCRIPTION": "",
    }
    assert (THEME_DIR / "static" / pelican.settings["COUNCIL_LOGO"]).is_file()


def test_sass_command_is_deterministic(tmp_path):
    assert sass.command(tmp_path / "sass", tmp_path / "nm", tmp_path / "main.scss", tmp_path / "out.css") == [
        str(tmp_path / "sass"),
        f"--load-path={tmp_path / 'nm'}",
        "--no-source-map",
        "--style=compressed",
        "--quiet-deps",
        "--no-error-css",
        str(tmp_path / "main.scss"),
        str(tmp_path / "out.css"),
    ]


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


def test_a_missing_compiler_says_run_make_setup(tmp_path, capsys):
    assert refresh_main(["--node-modules", str(tmp_path / "node_modules")]) == 1
    assert capsys.readouterr().err == (
        f"theme_assets: the Sass compiler {tmp_path / 'node_modules' / '.bin' / 'sass'} is missing; "
        "run `make setup` (it runs `npm ci`)\n"
    )


def test_a_sass_error_is_reported_with_the_compilers_message(tmp_path):
    scss = tmp_path / "main.scss"
    scss.write_text("a { color: ; }\n")
    with pytest.raises(sass.SassError) as caught:
        sass.run_sass(ROOT_NODE_MODULES, scss, tmp_path / "main.css")
    assert str(caught.value).startswith(f"Sass failed on {scss} (exit 65):\n")
    assert not (tmp_path / "main.css").exists()


def test_the_packaged_css_is_compiled_from_the_current_sass(tmp_path):
    """theme/static/css/main.css is committed; it must be what theme/scss and the pinned
    GOV.UK Frontend compile to. If this fails, run `make theme-assets` and commit."""
    built = sass.run_sass(ROOT_NODE_MODULES, THEME_DIR / "scss" / "main.scss", tmp_path / "main.css")
    assert built.read_bytes() == (THEME_DIR / "static" / "css" / "main.css").read_bytes()
    css = built.read_text(encoding="utf-8")
    assert "GDS Transport" not in css and "@font-face" not in css
    assert "font-family:arial" in css


def test_the_packaged_vendor_files_are_those_of_node_modules():
    """theme/static/vendor/ is committed; if this fails, run `make theme-assets` and commit."""
    assert vendor.stale_vendor_files(ROOT_NODE_MODULES, THEME_DIR / "static" / "vendor") == []
    assert (THEME_DIR / "static" / "vendor" / "govuk-frontend-LICENSE.txt").is_file()
