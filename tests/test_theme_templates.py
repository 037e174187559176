"""The theme's templates: every one parses, none marks provider text as safe,
and the page skeleton keeps its accessibility basics."""

import re
from pathlib import Path

import pytest
from jinja2 import Environment, FileSystemLoader, TemplateSyntaxError, meta

ROOT = Path(__file__).resolve().parent.parent
TEMPLATES = ROOT / "theme" / "templates"
ALL_TEMPLATES = sorted(TEMPLATES.rglob("*.html"))
COMPONENTS = sorted((TEMPLATES / "components").glob("*.html"))
PAGE_TEMPLATES = ["base.html", "service.html", "services.html", "term.html", "home.html", "404.html", "page.html"]


def template_id(path):
    return str(path.relative_to(TEMPLATES))


def make_env():
    # The same options as JINJA_ENVIRONMENT in pelicanconf.py.
    return Environment(
        loader=FileSystemLoader(str(TEMPLATES)),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def test_every_page_template_exists():
    missing = [name for name in PAGE_TEMPLATES if not (TEMPLATES / name).is_file()]
    assert missing == []


@pytest.mark.parametrize("path", ALL_TEMPLATES, ids=template_id)
def test_template_parses(path):
    env = make_env()
    source = path.read_text(encoding="utf-8")
    try:
        env.parse(source, name=template_id(path), filename=str(path))
    except TemplateSyntaxError as error:
        pytest.fail(f"{template_id(path)}:{error.lineno}: {error.message}")


@pytest.mark.parametrize("path", ALL_TEMPLATES, ids=template_id)
def test_template_references_exist(path):
    """Every template a file extends, includes or imports is in the theme."""
    env = make_env()
    ast = env.parse(path.read_text(encoding="utf-8"))
    missing = [
        name for name in meta.find_referenced_templates(ast)
        if name is not None and not (TEMPLATES / name).is_file()
    ]
    assert missing == [], f"{template_id(path)} refers to missing templates"


# `|safe` is allowed only on HTML the project made: attributes or variables
# whose name ends in _html, and Pelican's page.content (Markdown from the
# repository). Provider text is always escaped.
SAFE_USE = re.compile(r"([\w.\[\]\"']+)\s*\|\s*safe\b")
ALLOWED_SAFE = re.compile(r"^(?:[\w.]*_html|page\.content)$")


@pytest.mark.parametrize("path", ALL_TEMPLATES, ids=template_id)
def test_safe_only_on_project_html(path):
    source = path.read_text(encoding="utf-8")
    offenders = [
        f"line {source.count(chr(10), 0, match.start()) + 1}: {match.group(0)}"
        for match in SAFE_USE.finditer(source)
        if not ALLOWED_SAFE.match(match.group(1))
    ]
    assert offenders == [], f"|safe on text that may come from a provider in {template_id(path)}"


def test_safe_scan_catches_provider_fields():
    bad = "{{ service.summary|safe }} {{ service.name | safe }} {{ x.description_html|safe }}"
    assert [m.group(1) for m in SAFE_USE.finditer(bad) if not ALLOWED_SAFE.match(m.group(1))] == [
        "service.summary",
        "service.name",
    ]


@pytest.mark.parametrize("path", ALL_TEMPLATES, ids=template_id)
def test_no_markup_escape_hatches(path):
    """Other ways round autoescape are not used at all."""
    source = path.read_text(encoding="utf-8")
    assert "autoescape false" not in source.replace("  ", " ")
    assert "Markup(" not in source


def test_base_has_lang_and_skip_link():
    source = (TEMPLATES / "base.html").read_text(encoding="utf-8")
    assert '<html lang="en-GB" class="govuk-template">' in source
    assert re.search(r'<a href="#main-content" class="govuk-skip-link"[^>]*>Skip to main content</a>', source)
    assert re.search(r'<main [^>]*id="main-content"', source)
    assert '<link rel="canonical"' in source


def test_base_has_no_inline_script():
    """The site can run under a Content-Security-Policy without 'unsafe-inline'."""
    source = (TEMPLATES / "base.html").read_text(encoding="utf-8")
    for tag in re.findall(r"<script\b[^>]*>", source):
        assert "src=" in tag, tag
    assert "<style" not in source


@pytest.mark.parametrize("path", COMPONENTS, ids=template_id)
def test_component_defines_macro_named_after_file(path):
    source = path.read_text(encoding="utf-8")
    assert re.search(rf"{{% macro {path.stem}\(", source), f"components/{path.name} needs a macro {path.stem}()"


@pytest.mark.parametrize("path", COMPONENTS, ids=template_id)
def test_component_heading_level_is_a_parameter(path):
    """A component that draws a heading takes its level as a parameter."""
    source = path.read_text(encoding="utf-8")
    if re.search(r"<h[1-6][\s>]", source):
        pytest.fail(f"components/{path.name} hard-codes a heading level; use heading_level")


@pytest.mark.parametrize("path", ALL_TEMPLATES, ids=template_id)
def test_no_unused_imports(path):
    source = path.read_text(encoding="utf-8")
    for match in re.finditer(r"{%-?\s*from\s+\"[^\"]+\"\s+import\s+([\w\s,]+?)(?:\s+with context)?\s*-?%}", source):
        for name in (n.strip() for n in match.group(1).split(",")):
            uses = len(re.findall(rf"\b{name}\(", source))
            assert uses >= 1, f"{template_id(path)} imports {name} but never calls it"
