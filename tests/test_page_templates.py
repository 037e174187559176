"""safe_build.page_templates: pages import components without Jinja checking every global's name, and
render exactly as Jinja's own templates do."""

from jinja2 import DictLoader, Environment, StrictUndefined

from localoffer.safe_build.page_templates import PageTemplate

TEMPLATES = {
    "components/greeting.html": "{% macro greeting(name) %}{{ salutation }}, {{ name }}{% if motto is defined %} ({{ motto }}){% endif %}{% endmacro %}",
    "page.html": '{% from "components/greeting.html" import greeting %}<p>{{ greeting(who) }}</p>',
}


def environment(template_class=None):
    env = Environment(loader=DictLoader(TEMPLATES), undefined=StrictUndefined, autoescape=True)
    if template_class:
        env.template_class = template_class
    env.globals["salutation"] = "Hello"
    return env


def test_a_page_renders_as_with_jinjas_own_templates():
    for template_class in (None, PageTemplate):
        assert environment(template_class).get_template("page.html").render(who="<Sam>") == "<p>Hello, &lt;Sam&gt;</p>"


def test_a_page_checks_no_global_of_the_environment_when_it_imports():
    env = environment(PageTemplate)
    template = env.get_template("page.html")
    assert isinstance(template, PageTemplate)
    assert template.new_context({"who": "Sam"}).globals_keys == set()


def test_a_template_s_own_globals_still_reach_what_it_imports():
    # Jinja makes the imported module afresh when the page has globals of its own; so does PageTemplate.
    for template_class in (None, PageTemplate):
        template = environment(template_class).get_template("page.html", globals={"motto": "be kind"})
        assert template.render(who="Sam") == "<p>Hello, Sam (be kind)</p>"
