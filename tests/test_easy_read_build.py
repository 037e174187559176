"""Real Pelican builds with the easy_read plugin: the pages it makes, the
provider's own easy read winning, twins paired and linked both ways, what the
check reports (in the log, in the context, and as a failed strict build), and
rebuilds that skip unchanged pages."""

import re
import shutil
from pathlib import Path

import pytest

from tests.conftest import ROOT, run_pelican

FIXTURE = Path(__file__).parent / "fixtures" / "easy_read"
PROVIDERS = FIXTURE / "providers"
CONTENT = FIXTURE / "content"

# Every finding the fixture site has: the provider file that breaks each rule
# once, the twin with hard words, and the twin with no page to pair with.
EXPECTED_FINDINGS = [
    'content/pages/hard.easy-read.md: page: reading ease is -88.4, below 70; use shorter words and sentences',
    'content/pages/hard.easy-read.md:7: point: italics and underlining make words harder to read; use bold (**like this**) for emphasis',
    'content/pages/hard.easy-read.md:7: point: point has no picture; choose one from the list at /easy-read/pictures/',
    'content/pages/hard.easy-read.md:8: point: picture "rocket" is not in the picture set; choose one from the list at /easy-read/pictures/',
    'content/pages/orphan.easy-read.md: there is no page "orphan" to pair this easy-read page with, so it is not published',
    'providers/bad-easy-read.yaml:28: easy_read.points[0].text: "SLT" is not in the SEND glossary; write it out in full, or ask for it to be added to the glossary',
    'providers/bad-easy-read.yaml:30: easy_read.points[1].text: "CP" has more than one meaning in the SEND glossary (cerebral palsy; child protection); write the one you mean in full',
    'providers/bad-easy-read.yaml:32: easy_read.points[2].text: italics and underlining make words harder to read; use bold (**like this**) for emphasis',
    'providers/bad-easy-read.yaml:32: easy_read.points[2].text: "are given" looks like passive voice; say who does what ("we check it", not "it is checked")',
    'providers/bad-easy-read.yaml:34: easy_read.points[3].text: sentence joins two ideas with ";"; write one idea in each sentence: "We meet on Mondays; bring a snack."',
    'providers/bad-easy-read.yaml:36: easy_read.points[4].text: "purchase" is not an everyday word; write "buy"',
    'providers/bad-easy-read.yaml:38: easy_read.points[5].text: sentence has 17 words; easy read has at most 15: "Families who come to the club on Saturday mornings can also stay for lunch with everyone afterwards."',
    'providers/bad-easy-read.yaml:40: easy_read.points[6].picture: point has no picture; choose one from the list at /easy-read/pictures/',
    'providers/bad-easy-read.yaml:42: easy_read.points[7].picture: picture "rocket" is not in the picture set; choose one from the list at /easy-read/pictures/',
]


def build_fixture(output, **overrides):
    return run_pelican(PROVIDERS, output, PATH=str(CONTENT), **overrides)


@pytest.fixture(scope="module")
def fixture_site(tmp_path_factory):
    output = tmp_path_factory.mktemp("easy-read-site") / "output"
    result = build_fixture(output)
    assert result.returncode == 0, result.stdout
    return result, output


def read(output, address):
    return (output / address / "index.html").read_text(encoding="utf-8")


def main_of(page):
    return page[page.index('<main'):page.index('</main>')]


def points_of(page):
    """[(picture name, words)] of every point on an easy-read page, in order."""
    found = re.findall(
        r'<img class="app-easy-read__picture" src="/easy-read/pictures/([\w-]+)\.svg" alt="" width="80" height="80">'
        r'\s*<div class="app-easy-read__words">\s*<p class="app-easy-read__text">(.*?)</p>',
        page, re.S,
    )
    return [(picture, re.sub(r"<[^>]+>", "", text).replace("&#39;", "'").strip()) for picture, text in found]


def section_points(page, heading):
    part = page.split(f'<h2 class="govuk-heading-l app-easy-read__heading">{heading}</h2>', 1)[1]
    return points_of(part.split("<h2", 1)[0])


# --- what the check reports ----------------------------------------------------

def test_the_check_reports_each_rule_with_its_file_line_and_message(fixture_site):
    result, _ = fixture_site
    for line in EXPECTED_FINDINGS:
        assert line in result.stdout, line
    assert "easy_read: 14 easy-read problem(s) in 3 file(s):" in result.stdout
    assert "easy_read: 4 service pages and 4 content pages in easy read, 14 problem(s)" in result.stdout


def test_generated_easy_read_and_good_twins_have_no_findings(fixture_site):
    result, _ = fixture_site
    flagged = {line.split(":")[0] for line in EXPECTED_FINDINGS}
    assert flagged == {"content/pages/hard.easy-read.md", "content/pages/orphan.easy-read.md", "providers/bad-easy-read.yaml"}
    for clean in ("generated-service.yaml", "override-service.yaml", "closed-service.yaml", "about.easy-read.md",
                  "simple-guide.md", "index.easy-read.md"):
        assert f"{clean}:" not in result.stdout.replace("providers/closed-service.yaml:25: last_reviewed", "")


def test_a_strict_build_stops_on_any_finding(tmp_path):
    result = build_fixture(tmp_path / "output", EASY_READ_STRICT=True)
    assert result.returncode == 1
    assert "easy_read: 14 easy-read problem(s), and EASY_READ_STRICT is on, so the build stops" in result.stdout
    assert "ERROR" in result.stdout and EXPECTED_FINDINGS[5] in result.stdout
    assert not (tmp_path / "output" / "services" / "bad-easy-read" / "easy-read").exists()


def test_the_findings_are_in_the_context_for_the_editorial_report(tmp_path):
    """In-process, to read the context the editorial report reads."""
    from pelican import Pelican, signals
    from pelican.settings import read_settings

    seen = {}

    def keep_context(generators):
        seen["findings"] = generators[0].context["local_offer"].easy_read.findings
        seen["links"] = generators[0].context["local_offer"].easy_read.links

    signals.all_generators_finalized.connect(keep_context, weak=False)
    try:
        settings = read_settings(str(ROOT / "pelicanconf.py"), override={
            "PATH": str(CONTENT), "PROVIDERS_PATH": str(PROVIDERS), "OUTPUT_PATH": str(tmp_path / "output"),
            "CACHE_PATH": str(tmp_path / "cache"), "SERVICES_BUILD_DATE": "2026-11-22",
        })
        Pelican(settings).run()
    finally:
        signals.all_generators_finalized.disconnect(keep_context)

    findings = seen["findings"]
    assert [str(finding) for finding in findings] == EXPECTED_FINDINGS
    first = findings[5]
    assert (first.file, first.line, first.rule, first.where, first.url) == (
        "providers/bad-easy-read.yaml", 28, "acronym", "easy_read.points[0].text", "services/bad-easy-read/easy-read/",
    )
    assert first.message.startswith('"SLT" is not in the SEND glossary')
    assert sorted({finding.rule for finding in findings}) == [
        "acronym", "emphasis", "hard-word", "one-idea", "pairing", "passive-voice", "picture-missing",
        "picture-unknown", "readability", "sentence-length",
    ]
    assert seen["links"] == {
        "": "easy-read/",
        "about/": "about/easy-read/",
        "family-guide/": "family-guide/easy-read/",
        "hard/": "hard/easy-read/",
        "services/bad-easy-read/": "services/bad-easy-read/easy-read/",
        "services/closed-service/": "services/closed-service/easy-read/",
        "services/generated-service/": "services/generated-service/easy-read/",
        "services/override-service/": "services/override-service/easy-read/",
    }


# --- service pages -------------------------------------------------------------

def test_every_service_with_a_page_has_an_easy_read_page_made_from_its_fields(fixture_site):
    _, output = fixture_site
    page = read(output, "services/generated-service/easy-read")
    assert "<title>Fenwick Play and Health Club (easy read) - Northmoor Local Offer</title>" in page
    # The provider's summary already meets the rules, so it is used, with SEND written out.
    assert ('<p class="app-easy-read__summary">A club where children with special educational needs and '
            'disabilities play and see a nurse.</p>') in page
    assert section_points(page, "Who it is for") == [
        ("birthday", "It is for children aged 0 to 5 years."),
        ("people", "It can help with autism and hearing."),
        ("map", "You need to live in Fenwick."),
        ("family", "Children who live in Fenwick."),
        ("doctor", "You need a diagnosis to use it. A diagnosis is when a doctor names a need."),
        ("check", "You do not need an Education, Health and Care plan."),
    ]
    assert section_points(page, "What happens") == [
        ("stethoscope", "It helps children and young people stay healthy."),
        ("play", "It has fun things to do."),
    ]
    assert section_points(page, "How much it costs") == [
        ("money", "You have to pay for it."), ("money", "It costs 3 pounds a session."),
    ]
    assert section_points(page, "How to get help") == [
        ("ask", "You can contact them yourself."),
        ("worker", "Your doctor can ask them for you."),
        ("phone", "Phone them on 01632 960 111."),
        ("email", "Email them at club@familylink.example.org."),
    ]
    assert '<a class="govuk-link" href="tel:+441632960111">01632 960 111</a>.' in page
    # The note is said with its days, in the same point.
    assert section_points(page, "Where and when") == [
        ("place", "You can go here:"),
        ("clock", "It is open Monday to Wednesday, 9:30am to midday. Term time only."),
    ]
    assert "Fenwick Youth Centre<br>3 Station Road<br>Fenwick<br>NM3 2AB" in page
    # Every answer: yes in its own sentence, no and not answered in a list
    # each; the access details (25 words, not easy read) become a question.
    assert section_points(page, "Getting in") == [
        ("wheelchair", "You can get in without steps."),
        ("quiet", "There is a quiet room."),
        ("not-here", "They do not have:"),
        ("question", "Ask them if they have:"),
        ("building", "Ask them about getting in and getting around."),
        ("chat", "They can also speak Polish."),
    ]
    getting_in = page.split(">Getting in</h2>")[1]
    assert getting_in.index("a hearing loop") < getting_in.index("Ask them if they have:")
    assert "a toilet for disabled people<br>" in getting_in
    assert "parking at the back" not in page
    for service in ("generated-service", "override-service", "bad-easy-read", "closed-service"):
        assert (output / "services" / service / "easy-read" / "index.html").is_file()


def test_the_providers_own_easy_read_wins(fixture_site):
    _, output = fixture_site
    page = read(output, "services/override-service/easy-read")
    assert '<p class="app-easy-read__summary">A quiet swim for you and your family.</p>' in page
    # Its points replace the generated "What happens"; "It is free." is said once, under the cost.
    assert section_points(page, "What happens") == [
        ("play", "The pool is quiet and the water is warm."),
        ("people", "Children with special educational needs and disabilities are welcome."),
    ]
    assert section_points(page, "How much it costs") == [("free", "It is free.")]
    assert "It has fun things to do." not in page
    assert "Quiet swimming sessions for disabled children" not in main_of(page)
    # The other sections still come from the fields.
    assert section_points(page, "How to get help") == [
        ("ask", "You can contact them yourself."), ("website", "Look at their website."),
    ]


def test_a_closed_service_and_an_old_one_say_so_first(fixture_site):
    _, output = fixture_site
    page = read(output, "services/closed-service/easy-read")
    notice = page.split('aria-label="Important">')[1].split('<h2 class="govuk-heading-l app-easy-read__heading">')[0]
    assert points_of(notice) == [
        ("stop", "This service has stopped for now."),
        ("calendar", "The service last checked this page over a year ago."),
        ("question", "Ask them if it is still right before you go."),
    ]
    assert section_points(page, "How to get help")[0] == ("worker", "You need someone to ask them for you.")


def test_every_picture_is_decorative_beside_its_words_and_is_published(fixture_site):
    _, output = fixture_site
    for address in ("services/generated-service/easy-read", "about/easy-read", "easy-read"):
        page = main_of(read(output, address))
        pictures = re.findall(r'<img class="app-easy-read__picture" src="/([^"]+)" alt="([^"]*)"', page)
        assert pictures and all(alt == "" for _, alt in pictures)
        assert all((output / src).is_file() for src, _ in pictures)


def test_the_pictures_page_shows_the_licence_and_attribution(fixture_site):
    _, output = fixture_site
    page = read(output, "easy-read/pictures")
    assert "All emojis designed by OpenMoji – the open-source emoji and icon project. License:" in page
    assert '<a class="govuk-link" href="https://creativecommons.org/licenses/by-sa/4.0/">CC BY-SA 4.0</a>' in page
    assert "(version 17.0.0)" in page
    # Here each picture stands alone, so it has a text alternative.
    assert '<img src="/easy-read/pictures/talk.svg" alt="A person talking" width="48" height="48">' in page
    assert "Attribution-ShareAlike 4.0 International" in (output / "easy-read" / "pictures" / "LICENSE.txt").read_text()
    easy = read(output, "services/generated-service/easy-read")
    assert 'The pictures are from <a class="govuk-link" href="/easy-read/pictures/">OpenMoji</a>.' in easy


# --- twins of content pages ------------------------------------------------------

@pytest.mark.parametrize("standard, twin", [
    ("about", "about/easy-read"),                          # about.md and about.easy-read.md
    ("family-guide", "family-guide/easy-read"),            # simple-guide.md with Easy_read_of: family-guide
    ("", "easy-read"),                                     # index.easy-read.md: the home page
    ("services/generated-service", "services/generated-service/easy-read"),
])
def test_pages_and_their_easy_read_versions_link_both_ways(fixture_site, standard, twin):
    _, output = fixture_site
    standard_page = read(output, standard) if standard else (output / "index.html").read_text()
    assert f'<a class="govuk-link app-easy-read-link__link" href="/{twin}/">Easy read version</a>' in standard_page
    back = "/" + (standard + "/" if standard else "")
    assert f'<a class="govuk-link app-easy-read-link__link" href="{back}">Standard version</a>' in read(output, twin)


def test_a_twin_is_written_from_its_markdown(fixture_site):
    _, output = fixture_site
    page = read(output, "about/easy-read")
    assert '<p class="app-easy-read__summary">We help <strong>families</strong> find help.</p>' in page
    assert points_of(page) == [
        ("people", "We are a team at the council."),
        ("help", "We help children with special educational needs and disabilities."),
        ("family", "We help their families too."),
        ("email", "Email us at team@example.org."),
        ("list", "Look at all the services."),
        ("phone", "Phone us to talk."),
        ("home", "Come and see us."),
    ]
    assert 'Look at <a class="govuk-link" href="/services/">all the services</a>.' in page
    assert '<h2 class="govuk-heading-l app-easy-read__heading">Who we are</h2>' in page


def test_twins_stay_out_of_the_menus_and_keep_their_own_slugs(fixture_site):
    result, output = fixture_site
    assert "with slug" not in result.stdout
    about = read(output, "about")
    assert about.count("easy-read/") == 2  # the link to it, and its picture
    assert "/about/easy-read/" not in (output / "index.html").read_text()
    home = (output / "index.html").read_text()
    assert home.count('href="/easy-read/"') == 1


def test_a_twin_with_no_page_to_pair_with_is_not_published(fixture_site):
    _, output = fixture_site
    assert [path for path in output.rglob("*") if "orphan" in path.as_posix() or "nobody" in path.as_posix()] == []


# --- the sample site -------------------------------------------------------------

def test_the_sample_site_has_an_easy_read_page_for_every_service_and_no_findings(tmp_path):
    result = run_pelican(ROOT / "providers", tmp_path / "output")
    assert result.returncode == 0, result.stdout
    assert "easy_read: 51 service pages and 4 content pages in easy read, 0 problem(s)" in result.stdout
    pages = sorted((tmp_path / "output" / "services").glob("*/easy-read/index.html"))
    assert len(pages) == 51
    for twin in ("easy-read", "what-is-the-local-offer/easy-read", "coproduction/easy-read", "feedback/easy-read"):
        assert (tmp_path / "output" / twin / "index.html").is_file(), twin


def test_generated_easy_read_for_every_sample_service_passes_the_check(tmp_path):
    """The sample providers with their hand-written easy read taken out, so
    every word of every page is generated."""
    providers = tmp_path / "providers"
    shutil.copytree(ROOT / "providers", providers)
    stripped = 0
    for path in providers.glob("[!_]*.yaml"):
        lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
        if any(line.startswith("easy_read:") for line in lines):
            start = next(i for i, line in enumerate(lines) if line.startswith("easy_read:"))
            end = next((i for i in range(start + 1, len(lines)) if lines[i][:1].isalpha()), len(lines))
            path.write_text("".join(lines[:start] + lines[end:]), encoding="utf-8")
            stripped += 1
    assert stripped >= 9
    result = run_pelican(providers, tmp_path / "output")
    assert result.returncode == 0, result.stdout
    assert "easy_read: 51 service pages and 4 content pages in easy read, 0 problem(s)" in result.stdout
    page = (tmp_path / "output" / "services" / "riverside-speech-dropin" / "easy-read" / "index.html").read_text()
    assert section_points(page, "What happens") == [
        ("stethoscope", "It helps children and young people stay healthy."),
        ("baby", "It is for babies and young children."),
    ]


# --- rebuilds ----------------------------------------------------------------------

def test_a_rebuild_skips_unchanged_pages_rewrites_changed_ones_and_removes_turned_off_ones(tmp_path):
    providers = tmp_path / "providers"
    shutil.copytree(PROVIDERS, providers)
    output = tmp_path / "output"
    assert build_fixture(output, PROVIDERS_PATH=str(providers)).returncode == 0
    generated = output / "services" / "generated-service" / "easy-read" / "index.html"
    override = output / "services" / "override-service" / "easy-read" / "index.html"
    before = {path: (path.stat().st_mtime_ns, path.read_bytes()) for path in (generated, override)}

    changed = providers / "override-service.yaml"
    changed.write_text(changed.read_text().replace("The pool is quiet", "The pool is calm"))
    assert build_fixture(output, PROVIDERS_PATH=str(providers)).returncode == 0
    assert (generated.stat().st_mtime_ns, generated.read_bytes()) == before[generated]
    assert "The pool is calm and the water is warm." in override.read_text()

    result = build_fixture(output, PROVIDERS_PATH=str(providers), EASY_READ_SERVICES=False)
    assert result.returncode == 0, result.stdout
    assert not (output / "services" / "generated-service" / "easy-read").exists()
    service_page = (output / "services" / "generated-service" / "index.html").read_text()
    assert "Easy read version" not in service_page
    assert (output / "about" / "easy-read" / "index.html").is_file()  # twins do not depend on the setting


def test_the_output_is_the_same_with_or_without_the_cache(tmp_path, fixture_site):
    _, cached_output = fixture_site
    result = build_fixture(tmp_path / "output", EASY_READ_CACHE=False)
    assert result.returncode == 0
    for page in sorted(cached_output.rglob("easy-read/index.html")):
        relative = page.relative_to(cached_output)
        assert (tmp_path / "output" / relative).read_bytes() == page.read_bytes(), relative


# --- the page models kept between builds (cache.py) ---------------------------------

def snapshot(output):
    return {
        path.relative_to(output).as_posix(): path.read_bytes()
        for path in sorted(Path(output).rglob("*")) if path.is_file()
    }


def copy_fixture(tmp_path):
    providers, content = tmp_path / "providers", tmp_path / "content"
    shutil.copytree(PROVIDERS, providers)
    shutil.copytree(CONTENT, content)
    return providers, content


def test_a_cached_rebuild_after_changes_matches_a_clean_build(tmp_path):
    providers, content = copy_fixture(tmp_path)
    output = tmp_path / "site" / "output"
    assert run_pelican(providers, output, PATH=str(content)).returncode == 0
    assert (tmp_path / "site" / "cache" / "easy_read.sqlite").is_file()

    # A standard summary too hard for easy read: the easy-read page keeps its
    # generated summary, but its description (the service's summary) changes.
    generated = providers / "generated-service.yaml"
    hard = ("A comprehensive multidisciplinary club where children with special educational needs play games "
            "together and see a friendly nurse every week.")
    before = generated.read_text()
    generated.write_text(before.replace("summary: A club where children with SEND play and see a nurse.", f"summary: {hard}", 1))
    assert generated.read_text() != before
    bad = providers / "bad-easy-read.yaml"
    bad.write_text(bad.read_text().replace("We work with the SLT team every week.", "We work with the OT team every week."))
    result = run_pelican(providers, output, PATH=str(content))
    assert result.returncode == 0, result.stdout
    assert '"OT" is not in the SEND glossary' in result.stdout
    assert '"SLT"' not in result.stdout
    assert "easy_read: 4 service pages and 4 content pages in easy read, 14 problem(s)" in result.stdout

    clean = tmp_path / "clean" / "output"
    clean_result = run_pelican(providers, clean, PATH=str(content), EASY_READ_CACHE=False)
    assert clean_result.returncode == 0
    assert snapshot(output) == snapshot(clean)
    assert easy_read_log(result.stdout) == easy_read_log(clean_result.stdout)
    page = (output / "services" / "generated-service" / "easy-read" / "index.html").read_text()
    assert hard in page  # in the page's description
    assert hard not in main_of(page)  # too hard for easy read: the generated summary stays


def test_the_pictures_page_is_written_again_only_when_it_would_change(tmp_path):
    """A rebuild renders the pictures page only when its template (or what that reaches) changed, or
    the file is gone; what it then writes is a clean build's page."""
    providers, content = copy_fixture(tmp_path)
    theme = tmp_path / "theme"
    shutil.copytree(ROOT / "theme", theme, ignore=shutil.ignore_patterns("__pycache__"))
    site = {"PATH": str(content), "THEME": str(theme)}
    output = tmp_path / "site" / "output"
    assert run_pelican(providers, output, **site).returncode == 0
    pictures = output / "easy-read" / "pictures" / "index.html"
    written = pictures.stat().st_mtime_ns
    assert run_pelican(providers, output, **site).returncode == 0
    assert pictures.stat().st_mtime_ns == written  # nothing changed: not rendered again

    template = theme / "templates" / "easy_read_pictures.html"
    template.write_text(template.read_text().replace("<h2 class=\"govuk-heading-l\">The pictures</h2>",
                                                     "<h2 class=\"govuk-heading-l\">Our pictures</h2>"))
    assert run_pelican(providers, output, **site).returncode == 0
    assert "Our pictures</h2>" in pictures.read_text()
    pictures.unlink()
    assert run_pelican(providers, output, **site).returncode == 0
    clean = tmp_path / "clean" / "output"
    assert run_pelican(providers, clean, **site).returncode == 0
    assert pictures.read_bytes() == (clean / "easy-read" / "pictures" / "index.html").read_bytes()


def easy_read_log(stdout):
    """The findings and the count the build logged, without the time."""
    start = stdout.index("easy_read: ")
    end = stdout.index("problem(s)", stdout.index("easy_read:", start + 1)) if stdout.count("easy_read:") > 1 else len(stdout)
    return [re.sub(r"^\[[\d:]+\]\s*", "", line).strip() for line in stdout[start:end].splitlines()]


def test_a_rebuild_with_nothing_changed_builds_nothing_and_keeps_the_findings(tmp_path):
    providers, content = copy_fixture(tmp_path)
    output = tmp_path / "site" / "output"
    first = run_pelican(providers, output, PATH=str(content))
    assert first.returncode == 0
    kept = tmp_path / "site" / "cache" / "easy_read.sqlite"
    written = kept.stat().st_mtime_ns
    again = run_pelican(providers, output, PATH=str(content))
    assert again.returncode == 0
    assert kept.stat().st_mtime_ns == written  # nothing was built, so nothing new to keep
    for line in EXPECTED_FINDINGS:
        assert line in again.stdout, line
    assert "easy_read: 4 service pages and 4 content pages in easy read, 14 problem(s)" in again.stdout


def test_a_removed_service_takes_its_page_and_findings_with_it(tmp_path):
    from localoffer.cache_files import load_json
    from localoffer.cache_files.entries import stored_entries

    providers, content = copy_fixture(tmp_path)
    output = tmp_path / "site" / "output"
    assert run_pelican(providers, output, PATH=str(content)).returncode == 0
    (providers / "bad-easy-read.yaml").unlink()
    result = run_pelican(providers, output, PATH=str(content))
    assert result.returncode == 0
    assert "bad-easy-read" not in result.stdout
    assert "easy_read: 3 service pages and 4 content pages in easy read, 5 problem(s)" in result.stdout
    assert not (output / "services" / "bad-easy-read").exists()
    stored = stored_entries(tmp_path / "site" / "cache" / "easy_read.sqlite", text=True)
    pages = load_json(tmp_path / "site" / "cache" / "easy_read-pages.json")
    assert len([key for key in stored if key.startswith("service:")]) == 3
    assert pages["pages"] and not any("bad-easy-read" in save_as for save_as in pages["pages"])


def test_changing_the_glossary_or_an_easy_read_setting_builds_every_page_again(tmp_path):
    providers, content = copy_fixture(tmp_path)
    output = tmp_path / "site" / "output"
    assert run_pelican(providers, output, PATH=str(content)).returncode == 0

    glossary = content / "data" / "send-glossary.yaml"
    glossary.write_text(glossary.read_text() + "- acronym: SLT\n  full: speech and language therapy\n")
    result = run_pelican(providers, output, PATH=str(content))
    assert result.returncode == 0
    assert '"SLT"' not in result.stdout
    assert "13 problem(s)" in result.stdout
    page = (output / "services" / "bad-easy-read" / "easy-read" / "index.html").read_text()
    assert "We work with the speech and language therapy team every week." in page

    result = run_pelican(providers, output, PATH=str(content), EASY_READ_MAX_WORDS=20)
    assert result.returncode == 0
    assert "sentence has 17 words" not in result.stdout
    assert "12 problem(s)" in result.stdout
    result = run_pelican(providers, output, PATH=str(content))
    assert "sentence has 17 words; easy read has at most 15" in result.stdout
    assert "13 problem(s)" in result.stdout


def test_the_log_names_up_to_twenty_findings_then_the_first_twenty_and_the_count(caplog):
    # Rich lays out every line of a log record: thousands of findings took seconds at 10,000 services.
    from types import SimpleNamespace

    from localoffer.easy_read.check import Finding
    from localoffer.easy_read.generator import EasyReadGenerator

    findings = [Finding(f"providers/s{n}.yaml", 4, "sentence-length", "a long sentence", "easy_read.points[0].text")
                for n in range(21)]
    lines = [f"providers/s{n}.yaml:4: easy_read.points[0].text: a long sentence" for n in range(21)]
    generator = SimpleNamespace(findings=findings, settings={"EASY_READ_STRICT": False}, services=[], twins=[])
    with caplog.at_level("WARNING", logger="localoffer.easy_read.generator"):
        EasyReadGenerator._report(generator)
    assert [record.getMessage() for record in caplog.records] == [
        "easy_read: 21 easy-read problem(s) in 21 file(s), the first 20 here (the editorial report lists every one):\n"
        + "\n".join(lines[:20])]
    caplog.clear()
    generator.findings = findings[:20]
    with caplog.at_level("WARNING", logger="localoffer.easy_read.generator"):
        EasyReadGenerator._report(generator)
    assert [record.getMessage() for record in caplog.records] == [
        "easy_read: 20 easy-read problem(s) in 20 file(s):\n" + "\n".join(lines[:20])]


def test_display_paths_worked_out_once_a_folder_are_each_files_own(tmp_path, monkeypatch):
    """The generator works a provider file's display path out once for its folder; it must be
    what os.path.relpath gives the file itself, for any path Pelican may hold."""
    from localoffer.easy_read.generator import _display_path, _DisplayPaths
    monkeypatch.chdir(tmp_path)
    paths = [f"{tmp_path}/site/providers/a.yaml", f"{tmp_path}/site/providers/sub/b c.yaml", "site/providers/a.yaml",
             "providers/a.yaml", f"{tmp_path}/site/providers/../z.yaml", f"{tmp_path}/site/providers/./q.yaml",
             f"{tmp_path}//site//providers/k.yaml", f"{tmp_path}/site/providers/", f"{tmp_path}/site/providers/..",
             "/a.yaml", "a.yaml", f"{tmp_path}/site/providers/.hidden", f"{tmp_path}/site/providers/..a"]
    for root in (tmp_path / "site", f"{tmp_path}/site/", "site", ".", "/", "../elsewhere"):
        display_path = _DisplayPaths(root)
        for path in paths * 2:  # the second time from the folder's kept answer
            assert display_path(path) == _display_path(path, root), (root, path)
