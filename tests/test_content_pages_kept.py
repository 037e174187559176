"""removed_pages.kept_pages: Pelican's content pages are written again only when what they are made of changed."""

from jinja2 import Environment, FileSystemLoader

from localoffer import THEME_DIR
from localoffer.removed_pages.kept_pages import _reads_only_shown
from tests.conftest import run_pelican
from tests.test_incremental import copy_project_site, differing, edit, snapshot, written_times

# The content pages of the sample site drawn by page.html or coproduction_page.html (keyed), and the
# easy-read twins, whose template reads their easy-read model (written every build).
KEYED = {"accessibility/index.html", "privacy/index.html", "what-is-the-local-offer/index.html",
         "coproduction/index.html", "coproduction/charter/index.html", "coproduction/ladder/index.html",
         "feedback/index.html", "coproduction/how-families-shaped-the-local-offer/index.html"}
TWINS = {"easy-read/index.html", "what-is-the-local-offer/easy-read/index.html",
         "coproduction/easy-read/index.html", "feedback/easy-read/index.html"}


def builds(tmp_path, *changes):
    """Build, then for each change make it and build again: the content pages each rebuild wrote (by
    their times), and the output and the clean build's output of the site as the last change left it."""
    providers, content, theme = copy_project_site(tmp_path)
    site = {"PATH": str(content), "THEME": str(theme)}
    output = tmp_path / "output"
    assert run_pelican(providers, output, **site).returncode == 0
    written = []
    for change in changes:
        before = written_times(output)
        change(content / "pages", output)
        assert run_pelican(providers, output, **site).returncode == 0
        after = written_times(output)
        written.append({path for path in after if before.get(path) != after[path]} & (KEYED | TWINS))
    clean = tmp_path / "clean"
    assert run_pelican(providers, clean, **site).returncode == 0
    return written, output, clean


def nothing(pages, output):
    pass


def test_a_rebuild_writes_only_the_content_pages_that_changed_and_gives_the_clean_builds_tree(tmp_path):
    def change_text(pages, output):
        edit(pages / "privacy.md", "\n\n", "\n\nA sentence added to the privacy notice.\n\n")

    def change_title(pages, output):
        edit(pages / "privacy.md", "Title: Privacy notice", "Title: Your privacy")

    def delete_by_hand(pages, output):
        (output / "accessibility" / "index.html").unlink()

    def remove_a_twin(pages, output):
        (pages / "what-is-the-local-offer.easy-read.md").unlink()

    written, output, clean = builds(tmp_path, nothing, change_text, change_title, delete_by_hand, remove_a_twin)
    assert written == [
        TWINS,
        TWINS | {"privacy/index.html"},
        TWINS | KEYED,  # every page's menu or footer shows the title
        TWINS | {"accessibility/index.html"},
        # The page loses its "Easy read version" link; its twin's page is gone.
        TWINS - {"what-is-the-local-offer/easy-read/index.html"} | {"what-is-the-local-offer/index.html"},
    ]
    assert differing(snapshot(output), snapshot(clean)) == []


def test_the_templates_of_keyed_pages_read_only_what_the_key_holds_and_a_twins_page_reads_more():
    env = Environment(loader=FileSystemLoader(str(THEME_DIR / "templates")))
    assert _reads_only_shown(env, "page.html")
    assert _reads_only_shown(env, "coproduction_page.html")
    assert not _reads_only_shown(env, "easy_read_page.html")
    assert not _reads_only_shown(env, "home.html")  # the taxonomy's terms and their counts of services
