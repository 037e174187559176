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


# Compiled templates shared by every environment of the process (CompiledTemplates).

import pytest
from jinja2 import StrictUndefined, UndefinedError
from jinja2.exceptions import TemplateAssertionError

from localoffer.cache_files.templates import COMPILED, CompiledTemplates, share_compiled_templates


def counting_compiles(monkeypatch):
    compiled = []
    original = Environment.compile

    def compile(self, source, name=None, filename=None, raw=False, defer_init=False):
        compiled.append(name)
        return original(self, source, name, filename, raw, defer_init)

    monkeypatch.setattr(Environment, "compile", compile)
    return compiled


def shared_env(templates, cache, **options):
    return Environment(loader=DictLoader(templates), bytecode_cache=cache, **options)


def test_a_template_is_compiled_once_for_every_environment_alike(monkeypatch):
    compiled, cache = counting_compiles(monkeypatch), CompiledTemplates()
    first, second = shared_env(TEMPLATES, cache), shared_env(TEMPLATES, cache)
    assert first.get_template("service.html").render() == "<html><footer><a></footer>card</html>"
    assert second.get_template("service.html").render() == "<html><footer><a></footer>card</html>"
    assert sorted(compiled) == ["base.html", "card.html", "macros.html", "partials/footer.html", "service.html"]


def test_an_edited_template_is_compiled_again(monkeypatch):
    compiled, cache = counting_compiles(monkeypatch), CompiledTemplates()
    assert shared_env({"a.html": "old"}, cache).get_template("a.html").render() == "old"
    assert shared_env({"a.html": "new"}, cache).get_template("a.html").render() == "new"
    assert compiled == ["a.html", "a.html"]


def test_environments_that_compile_differently_share_nothing(monkeypatch):
    compiled, cache = counting_compiles(monkeypatch), CompiledTemplates()
    templates = {"a.html": "{{ text }}\n{% if true %}\n  x\n{% endif %}\n"}
    assert shared_env(templates, cache).get_template("a.html").render(text="<b>") == "<b>\n\n  x\n"
    assert shared_env(templates, cache, autoescape=True).get_template("a.html").render(text="<b>") == "&lt;b&gt;\n\n  x\n"
    assert shared_env(templates, cache, trim_blocks=True, lstrip_blocks=True).get_template("a.html").render(text="") == "\n  x\n"
    assert len(compiled) == 3


def test_a_filter_one_environment_lacks_still_stops_its_compile(monkeypatch):
    cache = CompiledTemplates()
    templates = {"a.html": "{{ 'x' | shout }}"}
    with_filter = shared_env(templates, cache)
    with_filter.filters["shout"] = str.upper
    assert with_filter.get_template("a.html").render() == "X"
    with pytest.raises(TemplateAssertionError, match="^No filter named 'shout'.$"):
        shared_env(templates, cache).get_template("a.html")


def test_another_function_under_a_filters_name_compiles_its_own_code():
    # Jinja's optimizer runs a filter on a constant while compiling and keeps the result in the code.
    cache = CompiledTemplates()
    templates = {"a.html": "{{ 'x' | shout }}"}
    upper, exclaim = shared_env(templates, cache), shared_env(templates, cache)
    upper.filters["shout"] = str.upper
    exclaim.filters["shout"] = lambda text: text + "!"
    assert upper.get_template("a.html").render() == "X"
    assert exclaim.get_template("a.html").render() == "x!"


def test_pelicans_strftime_filter_of_each_generator_shares_the_code(monkeypatch):
    from pelican.utils import DateFormatter

    compiled, cache = counting_compiles(monkeypatch), CompiledTemplates()
    first, second = shared_env(TEMPLATES, cache), shared_env(TEMPLATES, cache)
    first.filters["strftime"], second.filters["strftime"] = DateFormatter(), DateFormatter()
    assert first.get_template("card.html").render() == second.get_template("card.html").render()
    assert compiled == ["card.html"]


def test_pelicans_plugin_enabled_test_of_each_generator_shares_the_code_while_its_plugins_are_the_same(monkeypatch):
    from functools import partial

    from pelican.plugins._utils import plugin_enabled

    compiled, cache = counting_compiles(monkeypatch), CompiledTemplates()
    envs = [shared_env(TEMPLATES, cache) for _ in range(3)]
    for env, plugins in zip(envs, (["a"], ["a"], ["b"])):
        env.tests["plugin_enabled"] = partial(plugin_enabled, plugin_list=plugins)
        env.get_template("card.html").render()
    assert compiled == ["card.html", "card.html"]


def test_an_environments_undefined_still_counts_with_code_another_compiled():
    cache = CompiledTemplates()
    templates = {"a.html": "[{{ missing }}]"}
    assert shared_env(templates, cache).get_template("a.html").render() == "[]"
    with pytest.raises(UndefinedError, match="^'missing' is undefined$"):
        shared_env(templates, cache, undefined=StrictUndefined).get_template("a.html").render()


def test_a_site_bytecode_cache_of_its_own_is_kept():
    own = CompiledTemplates()
    env = shared_env(TEMPLATES, own)
    share_compiled_templates(env)
    assert env.bytecode_cache is own
    env = Environment(loader=DictLoader(TEMPLATES))
    share_compiled_templates(env)
    assert env.bytecode_cache is COMPILED


def test_a_template_naming_no_other_is_not_parsed_for_its_closure(monkeypatch):
    from localoffer.cache_files import templates

    monkeypatch.setattr(templates, "REFERENCES", templates.KnownReferences())  # nothing kept by another test
    parsed = []
    original = Environment.parse
    monkeypatch.setattr(Environment, "parse", lambda self, source, *args: parsed.append(source) or original(self, source, *args))
    env = env_of({"page.html": '{% from "leaf.html" import leaf %}{{ leaf() }}', "leaf.html": "{% macro leaf() %}leaf, for the closure test{% endmacro %}"})
    assert template_closure(env, "page.html") == ["leaf.html", "page.html"]
    assert parsed == ['{% from "leaf.html" import leaf %}{{ leaf() }}']


def test_what_a_template_names_is_kept_for_the_next_build(tmp_path, monkeypatch):
    from localoffer.cache_files.templates import KnownReferences

    parsed = []
    original = Environment.parse
    monkeypatch.setattr(Environment, "parse", lambda self, source, *args: parsed.append(source) or original(self, source, *args))
    env, source = env_of(TEMPLATES), TEMPLATES["service.html"]
    first = KnownReferences()
    first.use(tmp_path)
    assert first.get(env, source) == ("base.html", "card.html")
    first.save()
    again = KnownReferences()
    again.use(tmp_path)
    assert again.get(env, source) == ("base.html", "card.html")
    assert again.get(env_of({}), "{% include name %}") == (None,)
    assert parsed == [source, "{% include name %}"]  # the kept source was not parsed again
    other_delimiters = Environment(loader=DictLoader(TEMPLATES), block_start_string="<%", block_end_string="%>")
    assert again.get(other_delimiters, source) == ()  # no tag with these delimiters: parsed, not taken from the other
    (tmp_path / "templates.json").write_text('["j", {"x": [1]}]')
    damaged = KnownReferences()
    damaged.use(tmp_path)
    assert damaged.kept == {}
