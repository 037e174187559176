"""feedback_link: the address builder and the FEEDBACK_URL checks, as exact strings."""

import logging
import types

import pytest
from jinja2 import Environment

from localoffer.feedback_link import links

EXAMPLE = (
    "mailto:localoffer@northmoor.example.org"
    "?subject=Feedback%20about%3A%20{title}&body=Page%3A%20{url}%0A%0A"
)


# --- page_address and build_feedback_url -----------------------------------


@pytest.mark.parametrize(
    ("siteurl", "page_path", "expected"),
    [
        ("", "", "/"),
        ("", "services/", "/services/"),
        ("", "services/riverside-speech-dropin/", "/services/riverside-speech-dropin/"),
        ("https://localoffer.example.org", "services/", "https://localoffer.example.org/services/"),
        ("https://localoffer.example.org/", "/services/", "https://localoffer.example.org/services/"),
        ("https://localoffer.example.org", "", "https://localoffer.example.org/"),
    ],
)
def test_page_address(siteurl, page_path, expected):
    assert links.page_address(siteurl, page_path) == expected


def test_build_mailto_local_build():
    assert links.build_feedback_url(
        EXAMPLE, "", "services/riverside-speech-dropin/", "Riverside speech drop-in"
    ) == (
        "mailto:localoffer@northmoor.example.org"
        "?subject=Feedback%20about%3A%20Riverside%20speech%20drop-in"
        "&body=Page%3A%20%2Fservices%2Friverside-speech-dropin%2F%0A%0A"
    )


def test_build_with_siteurl_encodes_everything():
    assert links.build_feedback_url(
        "https://forms.example.org/feedback?page={url}&title={title}",
        "https://localoffer.example.org",
        "needs/asd/",
        "Autism & social communication: 0/25?",
    ) == (
        "https://forms.example.org/feedback"
        "?page=https%3A%2F%2Flocaloffer.example.org%2Fneeds%2Fasd%2F"
        "&title=Autism%20%26%20social%20communication%3A%200%2F25%3F"
    )


def test_build_home_page():
    assert links.build_feedback_url("https://f.example.org/?u={url}&t={title}", "", "", "Home") == (
        "https://f.example.org/?u=%2F&t=Home"
    )


def test_title_with_markup_is_encoded_not_interpreted():
    assert links.build_feedback_url("http://f.example.org/{url}/{title}", "", "x/", '<b>"hi"</b>') == (
        "http://f.example.org/%2Fx%2F/%3Cb%3E%22hi%22%3C%2Fb%3E"
    )


@pytest.mark.parametrize("template", [None, "", "javascript:alert(1)//{url}{title}", 42])
def test_no_address_without_a_safe_setting(template):
    assert links.build_feedback_url(template, "", "services/", "A") is None


# --- problems (the initialized checks) ---------------------------------------


def test_example_setting_has_no_problems():
    assert links.problems(EXAMPLE) == []


def test_unknown_placeholder():
    assert links.problems("https://f.example.org/?p={page}&u={url}&t={title}") == [
        "feedback_link: FEEDBACK_URL has an unknown placeholder {page}; use {url} and {title}"
    ]


def test_missing_placeholders():
    assert links.problems("mailto:team@example.org?subject={title}") == [
        "feedback_link: FEEDBACK_URL has no {url} placeholder; use {url} and {title}"
    ]
    assert links.problems("mailto:team@example.org") == [
        "feedback_link: FEEDBACK_URL has no {url} placeholder; use {url} and {title}",
        "feedback_link: FEEDBACK_URL has no {title} placeholder; use {url} and {title}",
    ]


def test_bad_scheme():
    assert links.problems("ftp://example.org/{url}/{title}") == [
        "feedback_link: FEEDBACK_URL must start with mailto:, https:// or http://; "
        "it starts with 'ftp://exampl'"
    ]


def test_not_set():
    assert links.problems(None) == [
        "feedback_link: FEEDBACK_URL is not set, so pages have no feedback link"
    ]


def test_not_text():
    assert links.problems(["mailto:x"]) == ["feedback_link: FEEDBACK_URL must be text, not list"]


# --- the signal receivers ------------------------------------------------------


def test_check_settings_logs_errors(caplog):
    pelican = types.SimpleNamespace(settings={"FEEDBACK_URL": "mailto:a@example.org?s={titel}&b={url}"})
    with caplog.at_level(logging.WARNING):
        links.check_settings(pelican)
    assert [(r.levelname, r.getMessage()) for r in caplog.records] == [
        ("ERROR", "feedback_link: FEEDBACK_URL has an unknown placeholder {titel}; use {url} and {title}"),
        ("ERROR", "feedback_link: FEEDBACK_URL has no {title} placeholder; use {url} and {title}"),
    ]


def test_check_settings_missing_is_a_warning(caplog):
    with caplog.at_level(logging.WARNING):
        links.check_settings(types.SimpleNamespace(settings={}))
    assert [(r.levelname, r.getMessage()) for r in caplog.records] == [
        ("WARNING", "feedback_link: FEEDBACK_URL is not set, so pages have no feedback link"),
    ]


def test_global_in_a_template():
    generator = types.SimpleNamespace(
        settings={"FEEDBACK_URL": EXAMPLE, "SITEURL": "https://lo.example.org"},
        env=Environment(autoescape=True),
    )
    links.add_feedback_global(generator)
    html = generator.env.from_string('<a href="{{ feedback_url(page_path, page_title) }}">').render(
        page_path="services/", page_title="Find services A to Z"
    )
    assert html == (
        '<a href="mailto:localoffer@northmoor.example.org'
        "?subject=Feedback%20about%3A%20Find%20services%20A%20to%20Z"
        '&amp;body=Page%3A%20https%3A%2F%2Flo.example.org%2Fservices%2F%0A%0A">'
    )


def test_register_connects_module_level_receivers():
    from pelican import signals

    from localoffer.feedback_link import plugin

    plugin.register()
    assert links.check_settings in [r() for r in signals.initialized.receivers.values()]
    assert links.add_feedback_global in [r() for r in signals.generator_init.receivers.values()]
