"""`localoffer`, the command line: its registry, --help on each command, paths as
arguments, the settings file it finds, and real builds through it."""

import argparse
import importlib
import subprocess
import sys
import types
from pathlib import Path

import pytest

from localoffer.cli import COMMANDS, build_parser
from tests.conftest import BUILD_DATE, ROOT

LOCALOFFER = Path(sys.executable).with_name("localoffer")
VALIDATE = "tests/fixtures/validate/providers"
FIXTURE_SITE = ROOT / "tests" / "fixtures" / "site" / "providers"


def localoffer(*args, cwd=ROOT):
    return subprocess.run([str(LOCALOFFER), *map(str, args)], cwd=cwd, capture_output=True, text=True,
                          stdin=subprocess.DEVNULL)


def test_every_command_has_the_four_names_of_the_registry():
    for module_name in COMMANDS:
        command = importlib.import_module(module_name)
        assert isinstance(command.NAME, str) and isinstance(command.HELP, str)
        assert callable(command.add_arguments) and callable(command.run)


def test_adding_a_command_is_one_entry(monkeypatch):
    hello = types.ModuleType("tests.hello_command")
    hello.__doc__ = "Say hello."
    hello.NAME, hello.HELP = "hello", "say hello"
    hello.add_arguments = lambda parser: parser.add_argument("who")
    hello.run = lambda args: 3 if args.who == "Eastvale" else 0
    monkeypatch.setitem(sys.modules, "tests.hello_command", hello)
    args = build_parser([*COMMANDS, "tests.hello_command"]).parse_args(["hello", "Eastvale"])
    assert args.run(args) == 3


@pytest.mark.parametrize("name", ["validate", "build", "preview", "serve", "new-provider", "new", "import-oruk"])
def test_each_command_has_help(name):
    result = localoffer(name, "--help")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(f"usage: localoffer {name} [-h]")


def test_the_version():
    assert localoffer("--version").stdout == "localoffer 1.0.0\n"


def test_validate_takes_paths_as_arguments_without_a_double_dash():
    result = localoffer("validate", f"{VALIDATE}/stale-service.yaml", f"{VALIDATE}/ready-service.yaml",
                        "--format", "github")
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.splitlines()[-1] == (
        "2 file(s) checked: 2 ready to publish, 0 with errors (0 error(s), 1 warning(s))")
    assert localoffer("validate", f"{VALIDATE}/broken-service.yaml").returncode == 1
    assert localoffer("validate", "--strict", f"{VALIDATE}/stale-service.yaml").returncode == 1


def test_validate_refuses_an_unknown_format_with_the_same_message():
    result = localoffer("validate", "--format", "xml")
    assert (result.returncode, result.stderr) == (1, "--format must be one of human, github, json; got 'xml'\n")


def test_outside_a_site_it_says_where_to_run_it(tmp_path):
    result = localoffer("validate", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr == (f"{tmp_path / 'pelicanconf.py'} does not exist; "
                             "run localoffer in your site's folder, or give --settings FILE\n")


def test_a_wrong_option_is_argparses_usage_error():
    result = localoffer("build", "--strickt")
    assert result.returncode == 2
    assert result.stderr.splitlines()[-1] == "localoffer: error: unrecognized arguments: --strickt"


def settings_for(tmp_path, providers, build_date=BUILD_DATE):
    """A settings file of the sample site with its own providers, output and cache."""
    path = tmp_path / "pelicanconf.py"
    path.write_text(
        f"import runpy\nglobals().update(runpy.run_path({str(ROOT / 'pelicanconf.py')!r}))\n"
        f"PATH = {str(ROOT / 'content')!r}\nPROVIDERS_PATH = {str(providers)!r}\n"
        f"OUTPUT_PATH = {str(tmp_path / 'output')!r}\nCACHE_PATH = {str(tmp_path / 'cache')!r}\n"
        f"SERVICES_BUILD_DATE = {build_date!r}\n"
    )
    return path


def test_build_strict_fails_on_a_bad_provider_file_and_still_builds_the_rest(tmp_path):
    settings_for(tmp_path, FIXTURE_SITE)
    result = localoffer("build", "--strict", cwd=tmp_path)
    assert result.returncode == 1
    assert "service_directory: 2 published, 1 draft, 1 closed, 1 rejected" in result.stdout + result.stderr
    assert (tmp_path / "output" / "services" / "complete-service" / "index.html").is_file()
    assert localoffer("build", cwd=tmp_path).returncode == 0


def test_preview_includes_drafts_and_the_editorial_report(tmp_path):
    settings = settings_for(tmp_path, FIXTURE_SITE)
    result = localoffer("preview", "--settings", settings, "--output", "pr", cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.splitlines()[-1] == "Preview written to pr/; the editorial report is pr/editorial/index.html"
    assert (tmp_path / "pr" / "services" / "draft-service" / "index.html").is_file()
    assert (tmp_path / "pr" / "editorial" / "index.html").is_file()
    assert (tmp_path / "cache" / "preview").is_dir()


def test_new_provider_writes_into_the_sites_providers_folder(tmp_path):
    providers = tmp_path / "providers"
    providers.mkdir()
    settings_for(tmp_path, providers, build_date=None)  # the file says it was reviewed today
    result = localoffer("new-provider", "--id", "zed-club", "--name", "Zed Club", "--organisation", "Zed Trust",
                        "--category", "health", "--phone", "01632 960 999", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout == ("Wrote providers/zed-club.yaml as a draft. Fill it in, then run: "
                             "localoffer validate providers/zed-club.yaml\n")
    again = localoffer("new-provider", "--id", "zed-club", "--name", "Z", "--organisation", "Z",
                       "--category", "health", "--phone", "01632 960 999", cwd=tmp_path)
    assert (again.returncode, again.stderr) == (1, "providers/zed-club.yaml already exists; choose another id\n")


def test_serve_watches_the_sites_files_but_not_its_cache(tmp_path):
    from localoffer import PACKAGE_DIR, THEME_DIR
    from localoffer.cli.serve import watched_paths

    providers = tmp_path / "providers"
    (tmp_path / "brand").mkdir()
    providers.mkdir()
    settings = {"PATH": str(tmp_path / "content"), "PROVIDERS_PATH": str(providers), "CACHE_PATH": str(tmp_path / "cache"),
                "THEME_STATIC_PATHS": ["static", str(tmp_path / "brand"), str(tmp_path / "cache" / "theme_assets")]}
    (tmp_path / "cache" / "theme_assets").mkdir(parents=True)
    path = tmp_path / "pelicanconf.py"
    path.write_text("")
    assert watched_paths(path, settings) == [
        path, providers, THEME_DIR / "templates", THEME_DIR / "static", PACKAGE_DIR, tmp_path / "brand",
    ]
    assert isinstance(build_parser().parse_args(["serve", "--port", "8001"]), argparse.Namespace)
