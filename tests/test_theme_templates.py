"""The theme's templates: every one parses, none marks provider text as safe,
and the page skeleton keeps its accessibility basics."""

import datetime
import re
from html.parser import HTMLParser
from pathlib import Path
from types import SimpleNamespace as NS

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


# --- Rendering with objects shaped like the plugins/README.md contract -------

HOSTILE = '<script>alert("x")</script> & <b>bold</b>'


class Outline(HTMLParser):
    """Collects headings, ids, and a few attributes of a rendered page."""

    def __init__(self):
        super().__init__()
        self.headings, self.ids, self.links, self.scripts = [], [], [], []
        self._heading = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.append(attrs["id"])
        if tag == "a":
            self.links.append(attrs)
        if tag == "script":
            self.scripts.append(attrs)
        if re.fullmatch(r"h[1-6]", tag):
            self._heading = [int(tag[1]), ""]

    def handle_data(self, data):
        if self._heading:
            self._heading[1] += data

    def handle_endtag(self, tag):
        if self._heading and tag == f"h{self._heading[0]}":
            self.headings.append((self._heading[0], " ".join(self._heading[1].split())))
            self._heading = None


def outline(html):
    parser = Outline()
    parser.feed(html)
    return parser


def term(kind, key, label, url=True):
    return NS(id=key, label=label, url=f"{kind}s/{key}/" if url else None, services=[], kind=kind)


def feature(key, label, value):
    return NS(id=key, label=label, value=value, answer={"yes": "Yes", "no": "No"}.get(value, "Ask the service"))


def fake_service(name="Riverside speech drop-in", closed=False, status="published", **changes):
    values = dict(
        id="riverside", url="services/riverside/", status=status, name=name, summary=HOSTILE,
        organisation=NS(name="Northmoor NHS", website="https://nhs.example.org", charity_number=None),
        description_html="<p>Weekly <strong>drop-in</strong>.</p>",
        how_to_access_html="<p>Just come along.</p>", how_to_complain_html=None,
        send_support=[("How the school identifies needs", "<p>Every child is assessed.</p>")],
        categories=[term("categorie", "health", "Health and therapies")],
        needs=[term("need", "slcn", "Speech, language and communication")],
        areas=[term("area", "fenwick", "Fenwick", url=False)], all_needs=False, all_areas=False,
        age_min=0, age_max=5, age_text="0 to 5 years", free=True, cost_text="Free", cost_details=None,
        referral_labels=["A GP"], self_referral=True, referral_text="You can contact them yourself",
        opening_times=[NS(days_text="Monday to Friday", opens="09:00", closes="17:00", notes=None)],
        languages=["English"], keywords=[], who_can_use="Families in Northmoor.",
        diagnosis_needed=False, ehcp_needed=True, criteria=["Lives in Northmoor"],
        accessibility=[feature("step-free", "Step-free access", "yes"), feature("toilet", "Accessible toilet", "no"),
                       feature("loop", "Hearing loop", "unknown")],
        accessibility_details=None,
        locations=[NS(name="Riverside Centre", address=["1 Mill Lane", "Northmoor"], postcode="NM1 4AB")],
        place_text="Northmoor", not_stated=["hearing loop"],
        contact=NS(phone="01632 960123", phone_href="tel:+441632960123", textphone=None, textphone_href=None,
                   email="a@example.org", email_href="mailto:a@example.org", website="javascript:alert(1)"),
        images=[NS(url="images/riverside.jpg", alt="A therapist and a toddler", width=640, height=480)],
        last_reviewed=datetime.date(2026, 9, 1), last_reviewed_text="1 September 2026", closed=closed,
    )
    values.update(changes)
    return NS(**values)


def site_context(**extra):
    services = [fake_service(), fake_service("Autism family network", status="draft")]
    need = term("need", "asd", "Autism")
    need.services = services
    context = dict(
        SITENAME="Northmoor Local Offer", SITEURL="", COUNCIL_NAME="Northmoor Council",
        COUNCIL_LOGO="images/northmoor-logo.svg", SITE_DESCRIPTION="Services.", IS_PREVIEW=False,
        THEME_STATIC_DIR="theme", pages=[], services=services, categories=[term("categorie", "health", "Health")],
        needs=[need], areas=[], need_groups=[NS(label="Communication and interaction", needs=[need])],
        age_groups=[NS(id="0-4", label="0 to 4 years", min=0, max=4, url="ages/0-4/", services=services)],
        build_summary={"published": 1, "draft": 1, "closed": 0, "rejected": 0},
        page_path="", page_title="Northmoor Local Offer",
    )
    context.update(extra)
    return context


def render(name, **extra):
    env = make_env()
    env.globals["feedback_url"] = lambda url, title: f"mailto:x@example.org?u={url}&t={title}"
    return env.get_template(name).render(site_context(**extra))


def page_cases():
    service = fake_service()
    a_to_z = [("A", [fake_service("Autism family network")]), ("R", [service]), ("3", [fake_service("3D club")])]
    return {
        "home.html": dict(),
        "services.html": dict(page_path="services/", page_title="Services A to Z", letters=a_to_z),
        "service.html": dict(page_path=service.url, page_title=service.name, service=service),
        "term.html": dict(page_path="needs/asd/", page_title="Autism", term=term("need", "asd", "Autism"),
                          term_services=[service]),
        "404.html": dict(page_path="404.html", page_title="Page not found"),
        "page.html": dict(page=NS(title="What is the Local Offer?", url="what-is-the-local-offer/",
                                  content="<h2>Who it is for</h2><p>Everyone.</p>", summary="")),
    }


@pytest.mark.parametrize("name", sorted(page_cases()))
def test_page_outline(name):
    html = render(name, **page_cases()[name])
    page = outline(html)
    levels = [level for level, _ in page.headings]
    assert levels.count(1) == 1, page.headings
    assert levels[0] == 1 or levels.index(1) < levels.index(2)
    jumps = [(a, b) for a, b in zip(levels, levels[1:]) if b > a + 1]
    assert jumps == [], f"heading levels skip in {name}: {page.headings}"
    duplicates = sorted({i for i in page.ids if page.ids.count(i) > 1})
    assert duplicates == []
    assert 'id="main-content"' in html
    assert "<script>alert" not in html
    for script in page.scripts:
        assert script.get("src"), "inline script"


def test_title_and_canonical():
    html = render("services.html", **page_cases()["services.html"])
    assert "<title>Services A to Z - Northmoor Local Offer</title>" in html
    assert '<link rel="canonical" href="/services/">' in html
    assert "<title>Northmoor Local Offer</title>" in render("home.html")


def test_service_page_escapes_provider_text_and_keeps_project_html():
    html = render("service.html", **page_cases()["service.html"])
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;" in html
    assert "<p>Weekly <strong>drop-in</strong>.</p>" in html
    assert "<p>Every child is assessed.</p>" in html
    # A website that is not http(s) is shown as text, never as a link.
    assert 'href="javascript:' not in html


def test_service_page_accessibility_answers():
    html = render("service.html", **page_cases()["service.html"])
    rows = re.findall(
        r'<dt class="govuk-summary-list__key">([^<]+)</dt>\s*<dd class="govuk-summary-list__value">([^<]+)</dd>', html
    )
    assert ("Step-free access", "Yes") in rows
    assert ("Accessible toilet", "No") in rows
    # An unknown feature has no row of its own: it is in the one "Not yet stated" line.
    assert [key for key, _ in rows if key == "Hearing loop"] == []
    assert "Ask the service" not in html


def test_service_page_contact_links_have_context():
    html = render("service.html", **page_cases()["service.html"])
    assert (
        '<a class="govuk-link app-nowrap" href="tel:+441632960123"><span class="govuk-visually-hidden">'
        "Call Riverside speech drop-in on </span>01632 960123</a>"
    ) in html
    assert '<span class="govuk-visually-hidden">Email Riverside speech drop-in at </span>a@example.org' in html


def test_service_page_sections():
    html = render("service.html", **page_cases()["service.html"])
    headings = [text for _, text in outline(html).headings]
    for heading in ["Contact", "Not yet stated", "About this service", "Type of service", "Who it is for",
                    "How to get this service", "Opening times", "Where it is", "Accessibility", "How to complain",
                    "Who runs this service"]:
        assert heading in headings
    # Cost is a key fact at the top; a section of its own only holds the provider's details.
    assert "Cost" not in headings
    assert "Last reviewed 1 September 2026" in html
    assert '<img class="app-service-images__image" src="/images/riverside.jpg" alt="A therapist and a toddler" width="640" height="480"' in html
    assert "This service is temporarily closed" not in html


def test_closed_service_has_banner():
    service = fake_service(closed=True, status="closed")
    html = render("service.html", page_path=service.url, page_title=service.name, service=service)
    assert '<p class="govuk-notification-banner__heading">This service is temporarily closed</p>' in html


def test_a_to_z_letter_index_links_to_headings():
    html = render("services.html", **page_cases()["services.html"])
    page = outline(html)
    targets = [link["href"][1:] for link in page.links if link.get("href", "").startswith("#letter-")]
    assert targets == ["letter-a", "letter-r", "letter-other"]
    assert all(target in page.ids for target in targets)


def test_navigation_marks_the_current_page_and_section():
    html = render("services.html", **page_cases()["services.html"])
    assert re.search(r'href="/services/"\s+aria-current="page"', html)
    html = render("service.html", **page_cases()["service.html"])
    assert re.search(r'href="/services/"\s+aria-current="true"', html)
    assert "aria-current" not in render("home.html")


def test_header_has_no_crown_or_gov_uk():
    html = render("home.html")
    assert "govuk-header__logotype" not in html
    assert "GOV.UK" not in html
    assert "crown" not in html.lower()
    assert '<img class="app-header__logo" src="/theme/images/northmoor-logo.svg" alt="Northmoor Council"' in html


def test_feedback_block_on_every_page():
    for name, extra in page_cases().items():
        html = render(name, **extra)
        assert "Is this page useful?" in html, name
        assert "Tell us what you think of this page" in html, name


def test_feedback_block_left_out_without_plugin():
    env = make_env()
    html = env.get_template("404.html").render(site_context(page_path="404.html", page_title="Page not found"))
    assert "Is this page useful?" not in html


def test_preview_banner():
    assert "Preview: not published" in render("home.html", IS_PREVIEW=True)
    assert "Preview: not published" not in render("home.html")


def test_home_search_form():
    html = render("home.html")
    assert re.search(r'<form class="app-search" action="/search/" method="get"', html)
    assert re.search(r'<label class="govuk-label[^"]*" for="search-q">Search for a service</label>', html)
    assert 'name="q"' in html
    assert 'href="/services/"' in html


def test_listing_pages_are_in_the_find_services_section():
    html = render("term.html", **page_cases()["term.html"])
    assert re.search(r'href="/services/"\s+aria-current="true"', html)


def test_content_pages_split_between_menu_and_footer():
    pages = [NS(title="What is the Local Offer?", url="what-is-the-local-offer/"),
             NS(title="Privacy notice", url="privacy/"), NS(title="Accessibility statement", url="accessibility/")]
    html = render("home.html", pages=pages)
    menu = html[html.index('<ul class="govuk-service-navigation__list"'):html.index("</nav>")]
    footer = html[html.index("<footer"):]
    assert 'href="/what-is-the-local-offer/"' in menu
    assert 'href="/privacy/"' not in menu and 'href="/accessibility/"' not in menu
    assert footer.count('href="/privacy/"') == 1 and footer.count('href="/accessibility/"') == 1


OVERDUE = ", more than a year ago. Contact the service to check it is still right before you go."


@pytest.mark.parametrize("overdue", [True, False])
def test_the_review_notice_follows_the_plugin(overdue):
    service = fake_service(last_reviewed=datetime.date(2025, 1, 1), review_overdue=overdue)
    html = render("service.html", page_path=service.url, page_title=service.name, service=service)
    assert (OVERDUE in html) is overdue


def test_closed_banner_links_to_a_to_z():
    service = fake_service(closed=True, status="closed")
    html = render("service.html", page_path=service.url, page_title=service.name, service=service)
    assert '<a class="govuk-notification-banner__link" href="/services/">find another service in the A to Z</a>' in html


def test_404_has_no_canonical():
    assert 'rel="canonical"' not in render("404.html", **page_cases()["404.html"])


def test_term_page_caption_says_what_kind_of_list():
    html = render("term.html", **page_cases()["term.html"])
    assert '<span class="govuk-caption-l">Services by need</span>' in html
    age = NS(id="0-4", label="0 to 4 years", min=0, max=4, url="ages/0-4/", services=[])
    html = render("term.html", page_path="ages/0-4/", page_title="0 to 4 years", term=age, term_services=[])
    assert '<span class="govuk-caption-l">Services by age</span>' in html
    assert "There are no services listed here yet." in html
