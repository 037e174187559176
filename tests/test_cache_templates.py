"""Which templates a page is made of (localoffer.cache_files.templates)."""

from jinja2 import DictLoader, Environment, FileSystemLoader

from localoffer import THEME_DIR
from localoffer.cache_files.templates import template_closure, templates_digest


def env_of(templates):
    return Environment(loader=DictLoader(templates))


TEMPLATES = {
    "base.html": '<html>{% include "partials/footer.html" %}{% block main %}{% endblock %}</html>',
    "partials/footer.html": "<footer>{% import 'macros.html' as m %}{{ m.link() }}</footer>",
    "macros.html": "{% macro link() %}<a>{% endmacro %}",
    "card.html": "{% macro card() %}card{% endmacro %}",
    "service.html": '{% extends "base.html" %}{% from "card.html" import card %}{% block main %}{{ card() }}{% endblock %}',
    "easy.html": '{% extends "base.html" %}{% block main %}easy{% endblock %}',
    "unused.html": "nobody uses me",
}


def test_the_closure_follows_extends_include_import_and_from():
    assert template_closure(env_of(TEMPLATES), "service.html") == [
        "base.html", "card.html", "macros.html", "partials/footer.html", "service.html",
    ]
    assert template_closure(env_of(TEMPLATES), "easy.html") == ["base.html", "easy.html", "macros.html", "partials/footer.html"]


def test_a_loop_of_includes_ends():
    env = env_of({"a.html": '{% include "b.html" %}', "b.html": '{% include "a.html" %}'})
    assert template_closure(env, "a.html") == ["a.html", "b.html"]


def test_a_name_made_at_render_time_counts_every_template():
    env = env_of({**TEMPLATES, "dynamic.html": "{% include name %}"})
    assert template_closure(env, "dynamic.html") == sorted([*TEMPLATES, "dynamic.html"])


def test_a_missing_template_counts_as_itself():
    env = env_of({"a.html": '{% include "gone.html" ignore missing %}'})
    assert template_closure(env, "a.html") == ["a.html", "gone.html"]


def test_the_digest_changes_only_with_a_template_the_page_uses():
    before = env_of(TEMPLATES)
    service, easy = templates_digest(before, "service.html"), templates_digest(before, "easy.html")
    card_changed = env_of({**TEMPLATES, "card.html": "{% macro card() %}new card{% endmacro %}"})
    assert templates_digest(card_changed, "service.html") != service
    assert templates_digest(card_changed, "easy.html") == easy
    footer_changed = env_of({**TEMPLATES, "macros.html": "{% macro link() %}<a href>{% endmacro %}"})
    assert templates_digest(footer_changed, "service.html") != service
    assert templates_digest(footer_changed, "easy.html") != easy
    assert templates_digest(env_of({**TEMPLATES, "unused.html": "changed"}), "service.html") == service


def test_the_themes_service_and_easy_read_pages_do_not_share_their_own_templates():
    env = Environment(loader=FileSystemLoader(str(THEME_DIR / "templates")))
    service = template_closure(env, "service.html")
    easy = template_closure(env, "easy_read_service.html")
    assert "base.html" in service and "base.html" in easy
    assert "easy_read_service.html" not in service and "service.html" not in easy
    assert "components/service_card.html" not in easy
