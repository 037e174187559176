"""Real Pelican builds with the co-production fixtures: the tracker and "You
said, we did" pages as families get them, what editors are told, and that the
same files and build date always give the same pages."""

import re
from html import unescape
from pathlib import Path

import pytest

from tests.conftest import ROOT, run_pelican

FIXTURES = Path(__file__).parent / "fixtures"
PROVIDERS = FIXTURES / "providers" / "valid"
PROJECTS = FIXTURES / "coproduction" / "projects.yaml"
FEEDBACK = FIXTURES / "coproduction" / "you-said-we-did.yaml"
SETTINGS = {"COPRODUCTION_PROJECTS_FILE": str(PROJECTS), "YOU_SAID_WE_DID_FILE": str(FEEDBACK)}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    output = tmp_path_factory.mktemp("coproduction") / "output"
    result = run_pelican(PROVIDERS, output, **SETTINGS)
    return result, output


def main_text(html):
    """The words inside <main>, as a reader gets them."""
    main = html[html.index("<main"):html.index("</main>")]
    main = re.sub(r"</?(?:a|strong|span|time|q|b|em)\b[^>]*>", "", main)  # inline: no break in the words
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", main)).split())


def read(output, path):
    return (output / path / "index.html").read_text(encoding="utf-8")


def test_the_build_reports_the_bad_entries_with_file_and_line(site):
    result, _ = site
    assert result.returncode == 0, result.stdout
    assert ("tests/fixtures/coproduction/projects.yaml:48: projects[4].due: `2026-13` is not a date; write a date "
            "such as 2026-09-30, or a month such as 2026-09, or `ongoing`") in result.stdout
    assert ("tests/fixtures/coproduction/you-said-we-did.yaml:38: feedback[4].quote: contains a phone number; "
            "remove it, because nothing published here may identify a person (SEND Regulations 2014, "
            "regulation 56)") in result.stdout
    assert ("coproduction: tracker 4 projects (1 left out), you said, we did 4 comments (1 left out)"
            in result.stdout)


def test_tracker_table_says_each_status_in_words_and_colour(site):
    _, output = site
    html = read(output, "coproduction/tracker")
    rows = re.findall(r'<tr class="govuk-table__row">\s*<th scope="row" class="govuk-table__header">'
                      r'<a class="govuk-link" href="#([\w-]+)">.*?</tr>', html, re.S)
    assert rows == ["project-finished-guide", "project-late-policy", "project-due-this-month", "project-next-year"]
    table = html[html.index('id="projects-caption"'):html.index("</table>", html.index('id="projects-caption"'))]
    tags = re.findall(r'<strong class="govuk-tag govuk-tag--(\w+)">([^<]+)</strong>', table)
    assert tags == [("green", "Completed"), ("red", "Overdue"), ("yellow", "In progress"), ("grey", "Not started")]
    assert "A project with a bad date" not in html  # the entry with a problem is left out


def test_tracker_counts_by_status_and_by_rung(site):
    _, output = site
    text = main_text(read(output, "coproduction/tracker"))
    assert ("Projects by status Status Number Overdue 1 In progress 1 Not started 1 Completed 1 "
            "All projects 4") in text
    assert ("Projects by the step of the ladder they reached Step reached Number 1. Information 1 "
            "2. Consultation 1 3. Participation 1 4. Co-production 1 All projects 4") in text
    assert "Each project’s status is worked out on 22 November 2026" in text


def test_each_project_has_its_own_section(site):
    _, output = site
    html = read(output, "coproduction/tracker")
    assert re.findall(r'<h3 class="govuk-heading-m" id="(project-[\w-]+)">', html) == [
        "project-finished-guide", "project-late-policy", "project-due-this-month", "project-next-year"]
    late = html[html.rindex("<h3", 0, html.index('id="project-late-policy"')):html.index('id="project-due-this-month"')]
    text = main_text("<main>" + late + "</main>")
    assert text.startswith('A late policy <script>alert("x")</script> Started April 2026 Due 31 October 2026 '
                           "Status Overdue Step reached Consultation (step 2 of 4).")
    assert "Who is involved Transport team Why it started The law changed. Notes First paragraph. Second paragraph." in text
    # YAML text is escaped, never run.
    assert "<script>alert" not in html
    assert "A late policy &lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in html


def test_overdue_follows_the_build_date(tmp_path):
    result = run_pelican(PROVIDERS, tmp_path / "output", SERVICES_BUILD_DATE="2026-12-01", **SETTINGS)
    assert result.returncode == 0, result.stdout
    text = main_text(read(tmp_path / "output", "coproduction/tracker"))
    assert "Overdue 2 In progress 0 Not started 1 Completed 1" in text
    assert "worked out on 1 December 2026" in text


def test_you_said_we_did_by_year_with_a_summary(site):
    _, output = site
    html = read(output, "feedback/you-said-we-did")
    assert re.findall(r'<h2 class="govuk-heading-l" id="(year-\d+)">', html) == ["year-2026", "year-2025"]
    text = main_text(html)
    assert ("2026 Summary of 2026 In 2026 we published 3 comments: 1 from a parent carer, 1 from a young person "
            "and 1 from a professional. Where the actions stand: 1 in progress, 1 planned and 1 not possible. "
            "What people talked about in 2026 Theme Number Words 2 Transport 1 All comments 3") in text
    assert ("Transport (September 2026) Who said it A professional You said Please put the form online. "
            "We said The system is not ready. We did We post the form. Status Not possible") in text
    assert '<strong class="govuk-tag govuk-tag--orange">Not possible</strong>' in html
    assert text.index("Transport (September 2026)") < text.index("Words (June 2026)") < text.index("Words (10 February 2026)")
    assert "01632" not in html  # the refused entry is not published
    assert "It is written for my mum &lt;b&gt;not me&lt;/b&gt;." in html


def test_pages_carry_their_own_feedback_link_and_menu_section(site):
    _, output = site
    tracker = read(output, "coproduction/tracker")
    assert "body=Page%3A%20%2Fcoproduction%2Ftracker%2F" in tracker
    assert "subject=Feedback%20about%3A%20Co-production%20tracker" in tracker
    assert re.search(r'href="/coproduction/"\s+aria-current="true"', tracker)
    yswd = read(output, "feedback/you-said-we-did")
    assert "Feedback%20about%3A%20You%20said%2C%20we%20did" in yswd
    assert re.search(r'href="/feedback/"\s+aria-current="true"', yswd)
    assert "<title>You said, we did - Northmoor Local Offer</title>" in yswd


def test_section_menu_and_content_pages(site):
    _, output = site
    ladder = read(output, "coproduction/ladder")
    menu = ladder[ladder.index('class="app-section-nav"'):ladder.index("</nav>", ladder.index('class="app-section-nav"'))]
    assert re.findall(r'href="/([^"]*)"', menu) == [
        "coproduction/", "coproduction/ladder/", "coproduction/charter/",
        "coproduction/how-families-shaped-the-local-offer/", "coproduction/tracker/", "feedback/you-said-we-did/",
        "feedback/"]
    assert re.search(r'href="/coproduction/ladder/" aria-current="page"', menu)
    # The site menu lists the section once, not each of its pages.
    site_menu = ladder[ladder.index('class="govuk-service-navigation__list"'):ladder.index("</ul>", ladder.index('class="govuk-service-navigation__list"'))]
    assert re.findall(r">\s*(?:<strong[^>]*>)?([^<]+?)(?:</strong>)?</a>", site_menu) == [
        "Find services", "Search", "Co-production", "Have your say", "What is the Local Offer?"]
    # The ladder is a figure whose steps are an ordered list, lowest first.
    assert re.findall(r'<strong class="app-ladder__name">(\w[\w-]*)</strong>', ladder) == [
        "Information", "Consultation", "Participation", "Co-production"]
    assert '<figcaption class="app-ladder__caption">' in ladder
    feedback = read(output, "feedback")
    assert 'href="/feedback/you-said-we-did/"' in feedback


def test_same_files_same_pages(site, tmp_path):
    _, output = site
    result = run_pelican(PROVIDERS, tmp_path / "output", **SETTINGS)
    assert result.returncode == 0
    for path in ("coproduction/tracker", "feedback/you-said-we-did", "coproduction/ladder"):
        assert read(output, path) == read(tmp_path / "output", path), path


def test_missing_files_are_a_warning_and_the_pages_still_say_so(tmp_path):
    result = run_pelican(PROVIDERS, tmp_path / "output", COPRODUCTION_PROJECTS_FILE="none/projects.yaml",
                         YOU_SAID_WE_DID_FILE=str(tmp_path / "none.yaml"))
    assert result.returncode == 0
    assert "coproduction: content/none/projects.yaml is missing, so the co-production tracker lists no projects" in result.stdout
    assert 'coproduction: ' + str(tmp_path / "none.yaml") + ' is missing, so "You said, we did" lists no comments' in " ".join(result.stdout.split())
    assert "There are no projects to show yet." in read(tmp_path / "output", "coproduction/tracker")
    assert "Nothing has been published here yet." in read(tmp_path / "output", "feedback/you-said-we-did")


def test_a_strict_build_fails_on_a_bad_entry(tmp_path):
    result = run_pelican(PROVIDERS, tmp_path / "output", extra_args=["--fatal", "errors"], **SETTINGS)
    assert result.returncode != 0
    assert "projects.yaml:48: projects[4].due" in result.stdout
    assert "you-said-we-did.yaml:38: feedback[4].quote" in result.stdout


def test_the_sample_data_is_clean():
    """The council's own files have no problems (the sample site must publish every entry)."""
    import datetime

    from localoffer.coproduction.feedback import read_feedback
    from localoffer.coproduction.projects import read_projects

    today = datetime.date(2026, 11, 22)
    projects, _ = read_projects(ROOT / "content/coproduction/projects.yaml", "projects.yaml", today)
    feedback, _ = read_feedback(ROOT / "content/feedback/you-said-we-did.yaml", "you-said-we-did.yaml", today)
    assert projects.problems == [] and feedback.problems == []
    assert (len(projects.entries), len(feedback.entries)) == (11, 14)


def stamps(output):
    # A page written again is a new file (safe_build renames it into place): another inode.
    return {path: (output / path / "index.html").stat().st_ino for path in ("coproduction/tracker", "feedback/you-said-we-did")}


def test_a_page_is_written_again_only_when_what_it_is_made_of_changed(tmp_path):
    projects, feedback = tmp_path / "projects.yaml", tmp_path / "you-said-we-did.yaml"
    projects.write_bytes(PROJECTS.read_bytes())
    feedback.write_bytes(FEEDBACK.read_bytes())
    output, files = tmp_path / "output", {"COPRODUCTION_PROJECTS_FILE": str(projects), "YOU_SAID_WE_DID_FILE": str(feedback)}
    assert run_pelican(PROVIDERS, output, **files).returncode == 0
    first = stamps(output)
    assert run_pelican(PROVIDERS, output, **files).returncode == 0
    assert stamps(output) == first
    projects.write_text(PROJECTS.read_text(encoding="utf-8").replace("A late policy", "A later policy"), encoding="utf-8")
    assert run_pelican(PROVIDERS, output, **files).returncode == 0
    second = stamps(output)
    assert second["coproduction/tracker"] != first["coproduction/tracker"]
    assert second["feedback/you-said-we-did"] == first["feedback/you-said-we-did"]
    assert "A later policy" in read(output, "coproduction/tracker")
    assert run_pelican(PROVIDERS, output, SERVICES_BUILD_DATE="2026-12-01", **files).returncode == 0
    third = stamps(output)
    assert all(third[path] != second[path] for path in third)
    assert "worked out on 1 December 2026" in main_text(read(output, "coproduction/tracker"))
    (output / "feedback" / "you-said-we-did" / "index.html").unlink()
    assert run_pelican(PROVIDERS, output, SERVICES_BUILD_DATE="2026-12-01", **files).returncode == 0
    assert stamps(output)["coproduction/tracker"] == third["coproduction/tracker"]
    assert "You said, we did" in read(output, "feedback/you-said-we-did")


def test_the_pages_templates_read_no_part_of_local_offer_their_key_leaves_out():
    """coproduction/written.py keys the two pages on the content pages' titles and addresses and the
    section's menu: what local_offer.navigation and .coproduction hold; .preview is a setting."""
    from jinja2 import Environment, FileSystemLoader

    from localoffer import THEME_DIR
    from localoffer.cache_files.templates import template_closure

    env = Environment(loader=FileSystemLoader(str(THEME_DIR / "templates")))
    read_parts = set()
    for name in ("coproduction_tracker.html", "you_said_we_did.html"):
        for used in template_closure(env, name):
            read_parts |= set(re.findall(r"local_offer\.(\w+)", env.loader.get_source(env, used)[0]))
    assert read_parts <= {"navigation", "coproduction", "preview", "has"}
