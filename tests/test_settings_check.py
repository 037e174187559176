"""settings_check: an unknown setting is a warning naming the nearest known one, a wrong type an
error naming the setting; the known settings are gathered from Pelican and each plugin's defaults,
and each plugin's README documents every one of its settings with its default."""

import importlib
import re

import pytest

import localoffer
from localoffer.settings_check.check import problems, unknown, wrong_type
from localoffer.settings_check.known import known_settings, plugin_defaults
from tests.conftest import FIXTURES, ROOT, run_pelican

KNOWN = known_settings(localoffer.PLUGINS)


def plugins_with_settings():
    for name in localoffer.PLUGINS:
        try:
            yield name, importlib.import_module(f"{name}.settings").DEFAULTS
        except ImportError:
            continue


@pytest.mark.parametrize(("name", "message"), [
    ("COUNCIL_COLOR", "settings: COUNCIL_COLOR is not a setting localoffer or Pelican knows; did you mean COUNCIL_COLOUR?"),
    ("SEARCH_SHARDBYTES", "settings: SEARCH_SHARDBYTES is not a setting localoffer or Pelican knows; did you mean SEARCH_SHARD_BYTES?"),
    ("PROVIDER_PATH", "settings: PROVIDER_PATH is not a setting localoffer or Pelican knows; did you mean PROVIDERS_PATH?"),
    ("EASY_READ_STRIKT", "settings: EASY_READ_STRIKT is not a setting localoffer or Pelican knows; did you mean EASY_READ_STRICT?"),
    ("MY_OWN_THING", "settings: MY_OWN_THING is not a setting localoffer or Pelican knows, so nothing reads it"),
])
def test_an_unknown_setting_names_the_nearest_known_one(name, message):
    assert unknown(name, KNOWN) == message


@pytest.mark.parametrize(("name", "value", "message"), [
    ("SEARCH_SHARD_BYTES", "24000",
     "settings: SEARCH_SHARD_BYTES must be a whole number, like its default 24000; got '24000' (str)"),
    ("SEARCH_SHARD_BYTES", True,
     "settings: SEARCH_SHARD_BYTES must be a whole number, like its default 24000; got True (bool)"),
    ("SERVICES_INCLUDE_DRAFTS", "yes",
     "settings: SERVICES_INCLUDE_DRAFTS must be True or False, like its default False; got 'yes' (str)"),
    ("LOCAL_OFFER_AREAS", ["fenwick"],
     "settings: LOCAL_OFFER_AREAS must be a dictionary, {...}, like its default {}; got ['fenwick'] (list)"),
    ("PAGE_PATHS", "pages",
     "settings: PAGE_PATHS must be a list, [...], like its default ['pages']; got 'pages' (str)"),
    ("COUNCIL_NAME", 3,
     "settings: COUNCIL_NAME must be text in quotes, like its default ''; got 3 (int)"),
    ("EASY_READ_MIN_READING_EASE", "high",
     "settings: EASY_READ_MIN_READING_EASE must be a whole number, like its default 70; got 'high' (str)"),
])
def test_a_wrong_type_names_the_setting(name, value, message):
    assert wrong_type(name, value, KNOWN[name]) == message


@pytest.mark.parametrize(("name", "value"), [
    ("SERVICES_BUILD_DATE", "2026-11-22"),  # default None: any type
    ("FEEDBACK_URL", "mailto:a@example.org?subject={title}&body={url}"),
    ("EASY_READ_MIN_READING_EASE", None),  # None is always allowed; the plugin says what it means
    ("SEARCH_FIELD_BOOSTS", {"name": 10}),
    ("THEME_STATIC_PATHS", ("static",)),  # a tuple for a list
    ("DEFAULT_PAGINATION", 10),  # Pelican's False-or-a-number
])
def test_values_of_the_right_kind_pass(name, value):
    assert wrong_type(name, value, KNOWN[name]) is None


def test_problems_sorts_by_name_and_skips_lower_case_names():
    settings = {"site_folder": "/x", "ZEBRA_CROSSING": 1, "COUNCIL_COLOR": "#000000", "SITENAME": 5,
                "PATH": "content"}
    assert problems(settings, KNOWN) == (
        ["settings: COUNCIL_COLOR is not a setting localoffer or Pelican knows; did you mean COUNCIL_COLOUR?",
         "settings: ZEBRA_CROSSING is not a setting localoffer or Pelican knows, so nothing reads it"],
        ["settings: SITENAME must be text in quotes, like its default 'A Pelican Blog'; got 5 (int)"],
    )


def test_the_known_settings_are_pelicans_and_every_plugins_defaults():
    for _, defaults in plugins_with_settings():
        for name, default in defaults.items():
            assert KNOWN[name] == default
    assert {"SITENAME", "THEME_STATIC_PATHS", "TIMEZONE", "TAGS_SAVE_AS", "FEEDBACK_URL", "COUNCIL_LOGO"} <= set(KNOWN)
    assert plugin_defaults(["localoffer.settings_check", "no.such.plugin"]) == {}


@pytest.mark.parametrize("plugin", [name for name, _ in plugins_with_settings()])
def test_each_plugins_readme_documents_every_setting_with_its_default(plugin):
    defaults = importlib.import_module(f"{plugin}.settings").DEFAULTS
    readme = (localoffer.PACKAGE_DIR / plugin.split(".")[1] / "README.md").read_text(encoding="utf-8")
    sections = re.split(r"^#+ ", readme, flags=re.MULTILINE)
    for name in defaults:
        # A heading may name several settings that go together: ### `SEARCH_URL`, `SEARCH_SAVE_AS`
        [section] = [s for s in sections if f"`{name}`" in s.split("\n", 1)[0]] or [""]
        assert section, f"{plugin}'s README has no section for {name}"
        assert "Default" in section, f"{plugin}'s README does not give {name}'s default"


def test_the_sample_settings_have_no_problems():
    from pelican.settings import read_settings

    assert problems(read_settings(str(ROOT / "pelicanconf.py")), KNOWN) == ([], [])
    assert problems(read_settings(str(ROOT / "publishconf.py")), KNOWN) == ([], [])


def test_a_build_warns_about_a_misspelt_setting_and_a_strict_build_stops_on_a_wrong_type(tmp_path):
    providers = FIXTURES / "providers" / "valid"
    result = run_pelican(providers, tmp_path / "output", COUNCIL_COLOR="#6f2c91")
    assert result.returncode == 0, result.stdout
    assert "settings: COUNCIL_COLOR is not a setting localoffer or Pelican knows; did you mean COUNCIL_COLOUR?" in result.stdout
    result = run_pelican(providers, tmp_path / "output2", extra_args=["--fatal", "errors"], SEARCH_SHARD_BYTES="24000")
    assert result.returncode == 1
    assert "settings: SEARCH_SHARD_BYTES must be a whole number, like its default 24000; got '24000' (str)" in result.stdout
