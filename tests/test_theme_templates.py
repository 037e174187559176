"""The theme's templates: every one parses, none marks provider text as safe,
and the page skeleton keeps its accessibility basics."""

import datetime
import re
from html.parser import HTMLParser
from pathlib import Path
from types import SimpleNamespace as NS

import pytest
from jinja2 import Environment, FileSystemLoader, TemplateSyntaxError, meta, nodes

import localoffer
from localoffer.service_directory.pagination import by_letter, letter_pages, listing_pages
from localoffer.site_navigation.chrome import SiteChrome
from localoffer.contract import BuildSummary, LocalOffer, ReviewDates, Taxonomy

ROOT = Path(__file__).resolve().parent.parent
TEMPLATES = ROOT / "theme" / "templates"
ALL_TEMPLATES = sorted(TEMPLATES.rglob("*.html"))
COMPONENTS = sorted((TEMPLATES / "components").glob("*.html"))
PAGE_TEMPLATES = ["base.html", "service.html", "services.html", "term.html", "home.html", "404.html", "page.html"]


def template_id(path):
    return str(path.relative_to(TEMPLATES))


def make_env():
    # The options every site uses (pelicanconf.py: JINJA_ENVIRONMENT), strict undefined variables
    # included, so a fake object missing an attribute a template reads fails here as a build would.
    return Environment(loader=FileSystemLoader(str(TEMPLATES)), **localoffer.JINJA_ENVIRONMENT)


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
            # Called, or handed to site_chrome.html, which calls it once for each different set of arguments.
            uses = len(re.findall(rf"\b{name}\(|site_chrome\.html\({name}\b", source))
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
    folder = {"category": "categories"}.get(kind, f"{kind}s")
    return NS(id=key, label=label, url=f"{folder}/{key}/" if url else None, services=[], kind=kind)


def feature(key, label, value):
    return NS(id=key, label=label, value=value, answer={"yes": "Yes", "no": "No"}.get(value, "Ask the service"))


def fake_service(name="Riverside speech drop-in", closed=False, status="published", **changes):
    values = dict(
        id="riverside", url="services/riverside/", status=status, name=name, summary=HOSTILE,
        organisation=NS(name="Northmoor NHS", website="https://nhs.example.org", charity_number=None),
        description_html="<p>Weekly <strong>drop-in</strong>.</p>",
        how_to_access_html="<p>Just come along.</p>", how_to_complain_html=None,
        send_support=[("How the school identifies needs", "<p>Every child is assessed.</p>")],
        categories=[term("category", "health", "Health and therapies")],
        needs=[term("need", "slcn", "Speech, language and communication")],
        areas=[term("area", "fenwick", "Fenwick", url=False)], all_needs=False, all_areas=False,
        age_min=0, age_max=5, age_text="0 to 5 years", free=True, cost_text="Free", cost_details=None,
        referral_labels=["A GP"], self_referral=True, referral_text="You can contact them yourself", waiting_time=None,
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
        last_reviewed=datetime.date(2026, 9, 1), last_reviewed_text="1 September 2026", review_overdue=False,
        closed=closed,
    )
    values.update(changes)
    return NS(**values)


def fake_local_offer(preview=False, areas=()):
    """The contract as service_directory publishes it (localoffer.contract), with fake services."""
    services = [fake_service(), fake_service("Autism family network", status="draft")]
    need = term("need", "asd", "Autism")
    need.services = services
    local_offer = LocalOffer()
    day = datetime.date(2026, 11, 22)
    local_offer.publish(
        "service_directory", services=services, service_pages=services, preview=preview, provider_files=[],
        taxonomy=Taxonomy(
            categories=[term("category", "health", "Health")], needs=[need], areas=list(areas),
            need_groups=[NS(label="Communication and interaction", needs=[need])],
            age_groups=[NS(id="0-4", label="0 to 4 years", min=0, max=4, url="ages/0-4/", services=services)],
        ),
        dates=ReviewDates(build_date=day, stale_before=day, due_before=day),
        summary=BuildSummary(published=1, draft=1),
    )
    return local_offer


def site_context(preview=False, areas=(), **extra):
    context = dict(
        SITENAME="Northmoor Local Offer", SITEURL="", COUNCIL_NAME="Northmoor Council",
        COUNCIL_LOGO="images/northmoor-logo.svg", SITE_DESCRIPTION="Services.",
        THEME_STATIC_DIR="theme", pages=[], local_offer=fake_local_offer(preview, areas),
        page_path="", page_title="Northmoor Local Offer",
    )
    context.update(extra)
    return context


def render(name, **extra):
    env = make_env()
    env.globals["feedback_url"] = lambda url, title: f"mailto:x@example.org?u={url}&t={title}"
    env.globals["site_chrome"] = SiteChrome()
    return env.get_template(name).render(site_context(**extra))


def term_listing(url, services, size=100, number=1):
    """term.html's variables for page `number` of a listing of `services` (as the build gives them:
    service_directory/listings.py)."""
    page = listing_pages(services, size, url, url + "index.html")[number - 1]
    return dict(listing_page=page, term_services=page.services)


def a_to_z_listing(services, size=100, number=1):
    """services.html's variables for page `number` of an A to Z of `services`."""
    pages = listing_pages(services, size, "services/", "services/index.html")
    page = pages[number - 1]
    return dict(listing_page=page, letters=by_letter(page.services), letter_pages=letter_pages(pages)[number - 1])


def page_cases():
    service = fake_service()
    a_to_z = [fake_service("Autism family network"), service, fake_service("3D club")]
    return {
        "home.html": dict(),
        "services.html": dict(page_path="services/", page_title="Services A to Z", **a_to_z_listing(a_to_z)),
        "service.html": dict(page_path=service.url, page_title=service.name, service=service),
        "term.html": dict(page_path="needs/asd/", page_title="Autism", term=term("need", "asd", "Autism"),
                          **term_listing("needs/asd/", [service])),
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
    env.globals["site_chrome"] = SiteChrome()
    html = env.get_template("404.html").render(site_context(page_path="404.html", page_title="Page not found"))
    assert "Is this page useful?" not in html


def test_preview_banner():
    assert "Preview: not published" in render("home.html", preview=True)
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
    html = render("term.html", page_path="ages/0-4/", page_title="0 to 4 years", term=age, **term_listing("ages/0-4/", []))
    assert '<span class="govuk-caption-l">Services by age</span>' in html
    assert "There are no services listed here yet." in html


# --- Cards, listings and the top of the service page (issue 14) --------------

def card_facts(html):
    """The (key, value) pairs of every card's facts, tags stripped."""
    return [
        re.findall(r"<dt>([^<]*)</dt>\s*<dd>([^<]*)</dd>", block)
        for block in re.findall(r'<dl class="app-service-card__facts">(.*?)</dl>', html, re.S)
    ]


def key_facts(html):
    block = re.search(r'<dl class="app-key-facts">(.*?)</dl>', html, re.S).group(1)
    pairs = re.findall(r"<dt>(.*?)</dt>\s*<dd>(.*?)</dd>", block, re.S)
    return [(key, " ".join(re.sub(r"<[^>]+>", "", value).split())) for key, value in pairs]


def render_card(service):
    env = make_env()
    module = env.get_template("components/service_card.html").module
    return str(module.service_card(service, site_context()["SITEURL"], heading_level=2))


CARD_VARIANTS = {
    "in a town, free, contact yourself": (
        dict(place_text="Northmoor", age_text="0 to 5 years", cost_text="Free",
             referral_text="You can contact them yourself"),
        [("Where", "Northmoor"), ("Ages", "0 to 5 years"), ("Cost", "Free"),
         ("Referral", "You can contact them yourself"), ("Run by", "Northmoor NHS")],
    ),
    "online, a charge, referral": (
        dict(place_text="Online or by phone", age_text="16 to 25 years", free=False, cost_text="There is a charge",
             self_referral=False, referral_text="Needs a referral", locations=[]),
        [("Where", "Online or by phone"), ("Ages", "16 to 25 years"), ("Cost", "There is a charge"),
         ("Referral", "Needs a referral"), ("Run by", "Northmoor NHS")],
    ),
    "several places": (
        dict(place_text="Northmoor and 2 other places"),
        [("Where", "Northmoor and 2 other places"), ("Ages", "0 to 5 years"), ("Cost", "Free"),
         ("Referral", "You can contact them yourself"), ("Run by", "Northmoor NHS")],
    ),
    "a waiting time": (
        dict(waiting_time=NS(text="About 6 weeks", details="Urgent referrals are seen within a week.")),
        [("Where", "Northmoor"), ("Ages", "0 to 5 years"), ("Cost", "Free"),
         ("Referral", "You can contact them yourself"), ("Waiting time", "About 6 weeks"), ("Run by", "Northmoor NHS")],
    ),
}


@pytest.mark.parametrize("variant", CARD_VARIANTS, ids=list(CARD_VARIANTS))
def test_card_answers_where_ages_cost_and_referral(variant):
    changes, expected = CARD_VARIANTS[variant]
    html = render_card(fake_service(**changes))
    assert card_facts(html) == [expected]
    assert '<h2 class="govuk-heading-m app-service-card__heading">' in html
    assert '<a class="govuk-link" href="/services/riverside/">Riverside speech drop-in</a>' in html


def test_card_escapes_what_providers_wrote():
    html = render_card(fake_service(place_text=HOSTILE))
    assert card_facts(html)[0][0] == ("Where", "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;")


def test_card_tags_closed_and_draft_services():
    assert "Temporarily closed" in render_card(fake_service(closed=True, status="closed"))
    assert "Draft" in render_card(fake_service(status="draft"))
    assert "Temporarily closed" not in render_card(fake_service())


def test_listings_show_cards_with_facts():
    html = render("term.html", **page_cases()["term.html"])
    assert card_facts(html) == [CARD_VARIANTS["in a town, free, contact yourself"][1]]
    a_to_z = render("services.html", **page_cases()["services.html"])
    assert len(card_facts(a_to_z)) == 3


class ListedService(NS):
    """A fake service as a listing keys it: equal only to itself, as a Service is."""
    __eq__ = object.__eq__
    __hash__ = object.__hash__


def listed(**changes):
    return ListedService(**vars(fake_service(**changes)))


def joined_cards(tmp_path=None):
    """The build's service_cards_html (service_directory/listings.py), with a cache in tmp_path or none."""
    from localoffer.service_directory.listings import ServiceCards
    return ServiceCards(make_env(), "", tmp_path or "", "fingerprint", enabled=tmp_path is not None)


@pytest.mark.parametrize("name", ["term.html", "services.html"])
def test_a_listing_of_the_builds_joined_cards_is_the_one_the_template_loop_writes(name):
    # Two services or more, so that the text between the cards is written too.
    first, second, third = listed(name="Autism family network"), listed(name="Aquatic club"), listed()
    case = {"term.html": dict(page_path="needs/asd/", page_title="Autism", term=term("need", "asd", "Autism"),
                              **term_listing("needs/asd/", [first, second, third])),
            "services.html": dict(page_path="services/", page_title="Services A to Z",
                                  **a_to_z_listing([first, second, third]))}[name]
    looped = render(name, **case)
    assert render(name, service_cards_html=joined_cards().html, **case) == looped
    assert looped.count('<li class="app-service-card">') == 3


def test_a_listing_of_joined_cards_keeps_provider_text_escaped_also_when_the_cards_come_from_the_cache(tmp_path):
    service = listed(name='<script>alert("x")</script> club')
    case = dict(page_path="needs/asd/", page_title="Autism", term=term("need", "asd", "Autism"),
                **term_listing("needs/asd/", [service]))
    made = joined_cards(tmp_path)
    made.make([(service, 2, "riverside:sha:2")])
    made.save()
    kept = joined_cards(tmp_path)
    kept.make([(service, 2, "riverside:sha:2")])
    assert (made.rendered, kept.rendered) == (1, 0)  # the second card is the cache's
    for cards in (made, kept):
        html = render("term.html", service_cards_html=cards.html, **case)
        assert '<script>alert' not in html
        assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; club</a>" in html


def test_the_text_between_joined_cards_is_escaped():
    first, second = listed(name="First"), listed(name="Second")
    made, unmade = joined_cards(), joined_cards()
    made.make([(first, 2, None), (second, 2, None)])  # the cards made before the listing asks for them, as a build does
    for cards in (made, unmade):
        assert str(cards.html([first, second], heading_level=2, between="<hr>")).count("</li>&lt;hr&gt;<li") == 1


def test_service_page_starts_with_key_facts_then_contact():
    html = render("service.html", **page_cases()["service.html"])
    assert key_facts(html) == [
        ("Ages", "0 to 5 years"),
        ("Needs", "Speech, language and communication"),
        ("Diagnosis or EHCP", "Needs an education, health and care plan (EHCP)"),
        ("Cost", "Free"),
        ("Referral", "You can contact them yourself"),
        ("Where", "Northmoor"),
    ]
    # Right after the title and summary: the key facts, then Contact, then the rest.
    order = [html.index(marker) for marker in (
        "<h1", 'class="govuk-body-l"', 'class="app-key-facts"', 'id="contact"', 'id="about"', 'id="who-it-is-for"')]
    assert order == sorted(order)
    headings = [text for _, text in outline(html).headings]
    assert headings[:3] == ["Riverside speech drop-in", "Contact", "Not yet stated"]


KEY_FACT_VARIANTS = {
    "every need, no diagnosis, a charge with details, online": (
        dict(all_needs=True, diagnosis_needed=False, ehcp_needed=False, free=False, cost_text="There is a charge",
             cost_details="£3 a session.", locations=[], place_text="Online or by phone",
             self_referral=False, referral_text="Needs a referral"),
        [("Ages", "0 to 5 years"), ("Needs", "All special educational needs and disabilities"),
         ("Diagnosis or EHCP", "Not needed"), ("Cost", "There is a charge (details of the cost)"),
         ("Referral", "Needs a referral"), ("Where", "Online or by phone")],
    ),
    "five needs, a diagnosis and a plan": (
        dict(needs=[term("need", key, label) for key, label in [
            ("asd", "Autism"), ("adhd", "ADHD"), ("slcn", "Speech"), ("hi", "Hearing"), ("vi", "Vision")]],
             diagnosis_needed=True, ehcp_needed=True),
        [("Ages", "0 to 5 years"), ("Needs", "Autism, ADHD, Speech and 2 more needs it supports"),
         ("Diagnosis or EHCP", "Needs a diagnosis and an education, health and care plan (EHCP)"),
         ("Cost", "Free"), ("Referral", "You can contact them yourself"), ("Where", "Northmoor")],
    ),
    "a diagnosis only": (
        dict(diagnosis_needed=True, ehcp_needed=False),
        [("Ages", "0 to 5 years"), ("Needs", "Speech, language and communication"),
         ("Diagnosis or EHCP", "Needs a diagnosis"), ("Cost", "Free"),
         ("Referral", "You can contact them yourself"), ("Where", "Northmoor")],
    ),
    "a waiting time with no details": (
        dict(waiting_time=NS(text="Less than a week", details=None, sentence="Families are usually seen within a week.")),
        [("Ages", "0 to 5 years"), ("Needs", "Speech, language and communication"),
         ("Diagnosis or EHCP", "Needs an education, health and care plan (EHCP)"), ("Cost", "Free"),
         ("Referral", "You can contact them yourself"), ("Waiting time", "Less than a week"), ("Where", "Northmoor")],
    ),
}


@pytest.mark.parametrize("variant", KEY_FACT_VARIANTS, ids=list(KEY_FACT_VARIANTS))
def test_key_facts_variants(variant):
    changes, expected = KEY_FACT_VARIANTS[variant]
    service = fake_service(**changes)
    html = render("service.html", page_path=service.url, page_title=service.name, service=service)
    assert key_facts(html) == expected


def test_key_facts_link_to_the_details_further_down():
    service = fake_service(free=False, cost_text="There is a charge", cost_details="£3 a session.",
                           needs=[term("need", str(n), f"Need {n}") for n in range(5)])
    html = render("service.html", page_path=service.url, page_title=service.name, service=service)
    page = outline(html)
    for target in ("cost", "who-it-is-for", "where"):
        assert f'href="#{target}"' in html and target in page.ids, target
    assert '<h2 class="govuk-heading-l" id="cost">Cost</h2>' in html
    assert '<p class="govuk-body">£3 a session.</p>' in html


NOT_YET_STATED = ('<p class="govuk-body app-not-yet-stated">The service has not told us about: opening times, '
                  "step-free access, hearing loop, British Sign Language. Ask them when you get in touch.</p>")


def test_not_yet_stated_gathers_empty_fields_in_one_line():
    service = fake_service(
        opening_times=[], languages=[],
        accessibility=[feature("step_free_access", "Step-free access", "unknown"),
                       feature("hearing_loop", "Hearing loop", "unknown"),
                       feature("bsl_available", "British Sign Language", "unknown")],
        not_stated=["opening times", "step-free access", "hearing loop", "British Sign Language"],
    )
    html = render("service.html", page_path=service.url, page_title=service.name, service=service)
    assert NOT_YET_STATED in html
    assert html.count("app-not-yet-stated") == 2  # the heading and the one line
    headings = [text for _, text in outline(html).headings]
    # Nothing to show under these headings, so they are left out rather than saying "ask" row by row.
    assert "Opening times" not in headings
    assert "Accessibility" not in headings
    assert "Ask the service" not in html


def test_not_yet_stated_is_left_out_when_everything_is_stated():
    service = fake_service(not_stated=[])
    html = render("service.html", page_path=service.url, page_title=service.name, service=service)
    assert "Not yet stated" not in html
    assert "app-not-yet-stated" not in html


def test_not_yet_stated_escapes_labels():
    service = fake_service(not_stated=[HOSTILE])
    html = render("service.html", page_path=service.url, page_title=service.name, service=service)
    assert "about: &lt;script&gt;" in html


# The search page's parameter names (theme/templates/search.html, search.js PARAMS).
FILTER_FIELDS = ["age", "need", "area", "category", "free", "self"]


class Form(HTMLParser):
    """The listing filter form: its action, method, and each field's options and what is chosen."""

    def __init__(self):
        super().__init__()
        self.form, self.fields, self.labels = None, {}, {}
        self._select = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and "app-listing-filters__form" in attrs.get("class", ""):
            self.form = attrs
        if self.form is None:
            return
        if tag == "select":
            self._select = self.fields[attrs["name"]] = {"options": [], "selected": [], "attrs": attrs}
        if tag == "option" and self._select is not None:
            self._select["options"].append(attrs["value"])
            if "selected" in attrs:
                self._select["selected"].append(attrs["value"])
        if tag == "input":
            self.fields[attrs["name"]] = {"attrs": attrs}
        if tag == "label":
            self.labels[attrs["for"]] = True

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None


def filter_form(html):
    parser = Form()
    parser.feed(html)
    return parser


def listing(kind, key, label, count=2):
    listed = [fake_service(f"Service {n}") for n in range(count)]
    item = term(kind, key, label) if kind != "age" else NS(id=key, label=label, min=0, max=4, url=f"ages/{key}/")
    return render("term.html", page_path=item.url, page_title=label, term=item, **term_listing(item.url, listed),
                  areas=[term("area", "fenwick", "Fenwick"), term("area", "westmarsh", "Westmarsh")])


@pytest.mark.parametrize("kind,key,label", [
    ("need", "asd", "Autism"), ("category", "health", "Health"), ("area", "fenwick", "Fenwick"),
], ids=["need", "category", "area"])
def test_listing_filter_form_is_the_search_page_with_this_listing_chosen(kind, key, label):
    page = filter_form(listing(kind, key, label))
    assert page.form["action"] == "/search/"
    assert page.form["method"] == "get"
    assert page.form["aria-label"] == f"Filter {label}"
    assert sorted(page.fields) == sorted(FILTER_FIELDS)
    # Every field has a visible label tied to it.
    assert all(page.fields[name]["attrs"]["id"] in page.labels for name in FILTER_FIELDS)
    chosen = {field: page.fields[field]["selected"] for field in ("need", "area", "category", "age")}
    assert chosen == {field: [key] if field == kind else [] for field in chosen}
    assert page.fields["age"]["options"] == [""] + [str(age) for age in range(26)]
    assert page.fields["need"]["options"] == ["", "asd"]
    assert page.fields["area"]["options"] == ["", "fenwick", "westmarsh"]
    assert page.fields["category"]["options"] == ["", "health"]
    for box in ("free", "self"):
        attrs = page.fields[box]["attrs"]
        assert (attrs["type"], attrs["value"], "checked" in attrs) == ("checkbox", "yes", False)


def test_age_listing_asks_for_an_age_in_its_group():
    page = filter_form(listing("age", "0-4", "0 to 4 years"))
    age = page.fields["age"]
    assert age["options"] == ["", "0", "1", "2", "3", "4"]
    assert age["selected"] == []
    # The search page filters by one age: an empty age would widen the list to every age.
    assert "required" in age["attrs"]
    assert all(page.fields[name]["selected"] == [] for name in ("need", "area", "category"))


def test_listing_says_how_many_services_and_filters_only_a_list():
    assert '<p class="govuk-body-l">2 services, from A to Z.</p>' in listing("need", "asd", "Autism")
    one = listing("need", "asd", "Autism", count=1)
    assert '<p class="govuk-body-l">1 service.</p>' in one
    assert filter_form(one).form is None
    none = listing("need", "asd", "Autism", count=0)
    assert "There are no services listed here yet." in none
    assert filter_form(none).form is None


def test_area_listing_caption():
    assert '<span class="govuk-caption-l">Services by area</span>' in listing("area", "fenwick", "Fenwick")


def test_home_links_to_area_listings():
    areas = [term("area", "fenwick", "Fenwick")]
    areas[0].services = [fake_service()]
    html = render("home.html", areas=areas)
    assert '<h2 class="govuk-heading-l">Find services by area</h2>' in html
    assert '<li><a class="govuk-link" href="/areas/fenwick/">Fenwick</a> <span class="app-route-list__count">(1 service)</span></li>' in html


def test_service_page_links_its_areas():
    service = fake_service(areas=[term("area", "fenwick", "Fenwick")])
    html = render("service.html", page_path=service.url, page_title=service.name, service=service)
    assert '<a class="govuk-link" href="/areas/fenwick/">Fenwick</a>' in html


# Components take every value as an argument (GOV.UK Frontend's macros do): nothing from the page's context,
# not even SITEURL, so a component renders the same wherever it is called.
CONTEXT_COMPONENTS = {}


@pytest.mark.parametrize("path", COMPONENTS, ids=template_id)
def test_component_reads_only_its_arguments(path):
    ast = make_env().parse(path.read_text(encoding="utf-8"))
    assert meta.find_undeclared_variables(ast) == CONTEXT_COMPONENTS.get(path.name, set())


@pytest.mark.parametrize("path", ALL_TEMPLATES, ids=template_id)
def test_components_are_imported_without_the_page_context(path):
    imports = re.findall(r'{%-? from "components/([\w.]+)" import [\w, ]+ with context', path.read_text(encoding="utf-8"))
    assert set(imports) <= set(CONTEXT_COMPONENTS), template_id(path)


def test_service_filters_offer_the_taxonomy_they_are_given():
    env = make_env()
    need = term("need", "asd", "Autism")
    taxonomy = NS(need_groups=[NS(label="Communication and interaction", needs=[need])],
                  areas=[term("area", "fenwick", "Fenwick")], categories=[term("category", "health", "Health")])
    html = env.from_string('{% from "components/service_filters.html" import service_filters %}'
                           '{{ service_filters(taxonomy, "f", {"area": "fenwick"}) }}').render(taxonomy=taxonomy)
    page = Form()
    page.form = {}
    page.feed(html)
    assert page.fields["need"]["options"] == ["", "asd"]
    assert (page.fields["area"]["options"], page.fields["area"]["selected"]) == (["", "fenwick"], ["fenwick"])
    assert page.fields["category"]["options"] == ["", "health"]
    assert '<optgroup label="Communication and interaction">' in html


@pytest.mark.parametrize("call,expected", [
    ('route_list(terms, "https://example.org")', '<a class="govuk-link" href="https://example.org/needs/asd/">Autism</a>'),
    ('term_links(terms, "https://example.org")', '<a class="govuk-link" href="https://example.org/needs/asd/">Autism</a>'),
    ('search_form("https://example.org/search/")', '<form class="app-search" action="https://example.org/search/"'),
    ('coproduction_nav([{"title": "Tracker", "url": "coproduction/tracker/"}], "x/", "https://example.org")',
     'href="https://example.org/coproduction/tracker/">Tracker</a>'),
])
def test_links_in_components_use_the_site_url_they_are_given(call, expected):
    macro = call.split("(")[0]
    html = make_env().from_string(f'{{% from "components/{macro}.html" import {macro} %}}{{{{ {call} }}}}').render(
        terms=[term("need", "asd", "Autism")])
    assert expected in html


# Partials are the page skeleton's pieces (header, footer, banners): they read the page's own context and
# pass it to components as arguments. What they may read: settings (upper case), the page's address and
# title, Pelican's pages, the contract (local_offer, never a plugin's loose key), the service a service
# page is about, and the Jinja globals plugins give.
PARTIAL_READS = {"page_path", "page_title", "pages", "local_offer", "service", "feedback_url", "service_json_ld"}


@pytest.mark.parametrize("path", sorted((TEMPLATES / "partials").glob("*.html")), ids=template_id)
def test_partial_reads_only_the_page_context_and_the_contract(path):
    ast = make_env().parse(path.read_text(encoding="utf-8"))
    assigned = {node.target.name for node in ast.find_all(nodes.Assign) if isinstance(node.target, nodes.Name)}
    read = meta.find_undeclared_variables(ast) - assigned
    assert {name for name in read if not name.isupper()} <= PARTIAL_READS
