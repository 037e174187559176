"""Rebuilding after a change gives exactly the site a clean build gives."""

import hashlib
import shutil
from pathlib import Path

import pytest

from tests.conftest import ROOT, run_pelican

SITE = Path(__file__).parent / "fixtures" / "site" / "providers"


def snapshot(output):
    return {
        path.relative_to(output).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(Path(output).rglob("*")) if path.is_file()
    }


def copy_site(tmp_path):
    providers = tmp_path / "providers"
    shutil.copytree(SITE, providers)
    return providers


def test_a_changed_service_after_a_cached_build_matches_a_clean_build(tmp_path):
    providers = copy_site(tmp_path)
    output = tmp_path / "incremental"
    assert run_pelican(providers, output).returncode == 0
    assert (tmp_path / "cache" / "service_directory.sqlite").is_file()

    changed = providers / "unsafe-text.yaml"
    changed.write_text(changed.read_text().replace("& an ampersand", "and a new sentence"))
    assert run_pelican(providers, output).returncode == 0

    clean = tmp_path / "clean" / "output"
    assert run_pelican(providers, clean, SERVICES_CACHE=False).returncode == 0
    assert snapshot(output) == snapshot(clean)
    assert "and a new sentence" in (output / "services" / "unsafe-text" / "index.html").read_text()


def test_a_removed_service_leaves_the_site(tmp_path):
    providers = copy_site(tmp_path)
    output = tmp_path / "output"
    assert run_pelican(providers, output).returncode == 0
    assert (output / "services" / "complete-service" / "club.png").is_file()

    (providers / "complete-service.yaml").unlink()
    result = run_pelican(providers, output)
    assert result.returncode == 0
    assert not (output / "services" / "complete-service").exists()
    assert "service_directory: 1 published, 1 draft, 1 closed, 1 rejected" in result.stdout


def test_a_service_that_becomes_a_draft_leaves_the_site(tmp_path):
    providers = copy_site(tmp_path)
    output = tmp_path / "output"
    assert run_pelican(providers, output).returncode == 0
    path = providers / "unsafe-text.yaml"
    path.write_text("status: draft\n" + path.read_text())
    assert run_pelican(providers, output).returncode == 0
    assert not (output / "services" / "unsafe-text").exists()


def test_a_changed_setting_rewrites_every_page(tmp_path):
    providers = copy_site(tmp_path)
    output = tmp_path / "output"
    assert run_pelican(providers, output).returncode == 0
    assert run_pelican(providers, output, SITENAME="Renamed Local Offer").returncode == 0
    assert "Renamed Local Offer" in (output / "services" / "complete-service" / "index.html").read_text()


def differing(one, two):
    return sorted(path for path in set(one) | set(two) if one.get(path) != two.get(path))


def edit(path, old, new):
    text = path.read_text()
    assert old in text, f"{old!r} is not in {path.name}"
    path.write_text(text.replace(old, new, 1))


def change_both(providers, pages, templates):
    edit(providers / "unsafe-text.yaml", "& an ampersand", "and a new sentence")
    edit(pages / "privacy.md", "\n\n", "\n\nA sentence added to the privacy notice.\n\n")


def add_both(providers, pages, templates):
    text = (providers / "complete-service.yaml").read_text()
    (providers / "added-service.yaml").write_text(
        text.replace("id: complete-service", "id: added-service").replace("Family Link Saturday Club", "Added Sunday Club"))
    # A new top-level page joins the navigation on every page.
    (pages / "local-news.md").write_text("Title: Local news\nSlug: local-news\n\nWhat is new in Northmoor.\n")


def remove_both(providers, pages, templates):
    (providers / "complete-service.yaml").unlink()
    (pages / "how-families-shaped-the-local-offer.md").unlink()
    (pages / "feedback.easy-read.md").unlink()  # an easy-read twin


def rename_both(providers, pages, templates):
    (providers / "unsafe-text.yaml").rename(providers / "renamed-text.yaml")
    edit(providers / "renamed-text.yaml", "id: unsafe-text", "id: renamed-text")
    (pages / "privacy.md").rename(pages / "privacy-notice.md")
    edit(pages / "privacy-notice.md", "Slug: privacy\n", "Slug: privacy-notice\n")


def change_a_picture(providers, pages, templates):
    # The provider file stays as it is: only the picture it names is replaced, by one of another size.
    from PIL import Image
    Image.new("RGB", (64, 48), (20, 90, 160)).save(providers / "images" / "club.png")


def change_service_template(providers, pages, templates):
    edit(templates / "service.html", "{% block content %}", "{% block content %}<!-- service.html changed -->")


def change_easy_read_template(providers, pages, templates):
    edit(templates / "easy_read_service.html", "{% block before_content %}",
         "{% block before_content %}<!-- easy_read_service.html changed -->")


def change_a_shared_partial(providers, pages, templates):
    edit(templates / "partials" / "footer.html", "<footer", "<!-- footer changed --><footer")


def copy_project_site(tmp_path):
    """Providers, content and theme copied, so a test may change any of them."""
    providers = copy_site(tmp_path)
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    theme = tmp_path / "theme"
    shutil.copytree(ROOT / "theme", theme, ignore=shutil.ignore_patterns("__pycache__"))
    return providers, content, theme


@pytest.mark.parametrize("change", [
    change_both, add_both, remove_both, rename_both, change_a_picture,
    change_service_template, change_easy_read_template, change_a_shared_partial,
], ids=lambda f: f.__name__)
def test_a_rebuild_after_each_kind_of_change_gives_the_clean_builds_tree(tmp_path, change):
    """Providers and content pages changed, added, removed and renamed, and templates
    changed: the tree a cached rebuild leaves is the one a clean build writes, byte for byte."""
    rebuilt_and_clean(tmp_path, change)


def rebuilt_and_clean(tmp_path, change, **settings):
    """Build, `change`, rebuild, and build the changed site clean: (the rebuilt output, the clean one),
    once the rebuild's files are the clean build's, byte for byte."""
    providers, content, theme = copy_project_site(tmp_path)
    site = {"PATH": str(content), "THEME": str(theme), **settings}
    output = tmp_path / "incremental" / "output"
    assert run_pelican(providers, output, **site).returncode == 0

    change(providers, content / "pages", theme / "templates")
    rebuilt = run_pelican(providers, output, **site)
    assert rebuilt.returncode == 0, rebuilt.stdout
    clean = tmp_path / "clean" / "output"
    assert run_pelican(providers, clean, **site).returncode == 0
    assert differing(snapshot(output), snapshot(clean)) == []
    return output, clean


def written_times(output):
    return {path.relative_to(output).as_posix(): path.stat().st_mtime_ns for path in Path(output).rglob("*.html")}


def rewritten_after(tmp_path, change, **settings):
    """Build, change, rebuild: the pages the rebuild wrote again (by their times)."""
    providers, content, theme = copy_project_site(tmp_path)
    site = {"PATH": str(content), "THEME": str(theme), **settings}
    output = tmp_path / "output"
    assert run_pelican(providers, output, **site).returncode == 0
    before = written_times(output)
    change(providers, content / "pages", theme / "templates")
    assert run_pelican(providers, output, **site).returncode == 0
    after = written_times(output)
    return {path for path in after if before.get(path) != after[path]}


SERVICE_PAGES = {"services/complete-service/index.html", "services/unsafe-text/index.html",
                 "services/closed-service/index.html"}
EASY_READ_SERVICE_PAGES = {page.replace("/index.html", "/easy-read/index.html") for page in SERVICE_PAGES}


def test_changing_the_easy_read_template_leaves_service_pages_alone(tmp_path):
    rewritten = rewritten_after(tmp_path, change_easy_read_template)
    assert EASY_READ_SERVICE_PAGES <= rewritten
    assert not SERVICE_PAGES & rewritten


def test_changing_the_service_template_leaves_easy_read_pages_alone(tmp_path):
    rewritten = rewritten_after(tmp_path, change_service_template)
    assert SERVICE_PAGES <= rewritten
    assert not EASY_READ_SERVICE_PAGES & rewritten


def test_changing_a_content_pages_text_leaves_every_service_page_alone(tmp_path):
    def change_text(providers, pages, templates):
        edit(pages / "privacy.md", "\n\n", "\n\nA sentence added to the privacy notice.\n\n")

    rewritten = rewritten_after(tmp_path, change_text)
    assert "privacy/index.html" in rewritten
    assert not (SERVICE_PAGES | EASY_READ_SERVICE_PAGES) & rewritten


def test_editing_a_content_pages_text_leaves_service_pages_as_they_were(tmp_path):
    """Service pages show content pages only as menu and footer links, so a change
    to a page's text does not rewrite them (its title or address would)."""
    providers = copy_site(tmp_path)
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    output = tmp_path / "output"
    assert run_pelican(providers, output, PATH=str(content)).returncode == 0
    service_page = output / "services" / "complete-service" / "index.html"
    written = service_page.stat().st_mtime_ns

    edit(content / "pages" / "privacy.md", "\n\n", "\n\nA sentence added to the privacy notice.\n\n")
    assert run_pelican(providers, output, PATH=str(content)).returncode == 0
    assert "A sentence added to the privacy notice." in (output / "privacy" / "index.html").read_text()
    assert service_page.stat().st_mtime_ns == written

    edit(content / "pages" / "privacy.md", "Title: Privacy notice", "Title: Your privacy")
    assert run_pelican(providers, output, PATH=str(content)).returncode == 0
    assert service_page.stat().st_mtime_ns != written
    assert ">Your privacy</a>" in service_page.read_text()


def test_a_changed_provider_rewrites_its_own_pages_and_the_listings_it_is_in(tmp_path):
    def change_service(providers, pages, templates):
        edit(providers / "unsafe-text.yaml", "& an ampersand", "and a new sentence")

    rewritten = rewritten_after(tmp_path, change_service)
    assert {"services/unsafe-text/index.html", "services/unsafe-text/easy-read/index.html",
            "services/index.html", "categories/health/index.html"} <= rewritten
    assert not {"services/complete-service/index.html", "services/complete-service/easy-read/index.html",
                "categories/education/index.html", "categories/social-care/index.html"} & rewritten


# --- Listings in pages (SERVICES_LISTING_PAGE_SIZE): the fixture's two listed services, a page each ----

ONE_A_PAGE = {"SERVICES_LISTING_PAGE_SIZE": 1}


@pytest.mark.parametrize("change", [change_both, add_both, remove_both, rename_both], ids=lambda f: f.__name__)
def test_a_rebuild_of_listings_in_pages_after_each_kind_of_change_gives_the_clean_builds_tree(tmp_path, change):
    """A provider changed, added (every listing it is on gains a page), removed (they lose one) and
    renamed, with each listing in pages: the rebuild's tree is the clean build's, byte for byte."""
    output, clean = rebuilt_and_clean(tmp_path, change, **ONE_A_PAGE)
    # A page a listing no longer has goes with its folder, as a clean build never made it.
    folders = lambda tree: sorted(path.relative_to(tree).as_posix() for path in tree.rglob("page-*"))
    assert folders(output) == folders(clean)
    # Every change but the removal leaves two services listed, and the A to Z in two pages.
    assert ("services/page-2" in folders(clean)) is (change is not remove_both)


def test_a_listing_that_shrinks_loses_its_last_page(tmp_path):
    providers = copy_site(tmp_path)
    output = tmp_path / "output"
    assert run_pelican(providers, output, **ONE_A_PAGE).returncode == 0
    assert (output / "needs" / "asd" / "page-2" / "index.html").is_file()
    (providers / "complete-service.yaml").unlink()
    assert run_pelican(providers, output, **ONE_A_PAGE).returncode == 0
    assert not (output / "needs" / "asd" / "page-2").exists()
    assert not (output / "services" / "page-2").exists()
    assert "govuk-pagination" not in (output / "needs" / "asd" / "index.html").read_text()


def test_in_pages_a_changed_provider_rewrites_only_the_listing_pages_that_hold_its_card(tmp_path):
    def change_service(providers, pages, templates):
        edit(providers / "unsafe-text.yaml", "& an ampersand", "and a new sentence")

    rewritten = rewritten_after(tmp_path, change_service, **ONE_A_PAGE)
    output = tmp_path / "output"
    listing_pages = {path for path in written_times(output) if 'class="app-service-list"' in (output / path).read_text()}
    holding = {path for path in listing_pages if 'href="/services/unsafe-text/"' in (output / path).read_text()}
    assert listing_pages & rewritten == holding
    # Its name comes first: it is on the first page of the A to Z and of a need, an area and an age group,
    # and the other service is on their second pages, which stay as they were.
    assert {"services/index.html", "needs/asd/index.html", "areas/fenwick/index.html", "ages/5-10/index.html"} <= holding
    assert {"services/page-2/index.html", "needs/asd/page-2/index.html", "areas/fenwick/page-2/index.html",
            "ages/5-10/page-2/index.html"} <= listing_pages - holding


def test_a_cache_of_another_layout_is_replaced_and_the_rebuild_matches_a_clean_build(tmp_path):
    """Caches of the whole-file layout before (JSON), and SQLite files of another layout number,
    are ignored: the rebuild after a change is a clean build's tree, and leaves caches of this layout."""
    import sqlite3

    from localoffer.cache_files.entries import LAYOUT

    providers = copy_site(tmp_path)
    output = tmp_path / "incremental"
    assert run_pelican(providers, output).returncode == 0
    cache = tmp_path / "cache"
    stores = sorted(cache.glob("*.sqlite"))
    assert [path.name for path in stores] == ["easy_read.sqlite", "editorial.sqlite", "open_data.sqlite",
                                              "search_index-terms.sqlite", "search_index.sqlite",
                                              "service_directory-cards.sqlite", "service_directory.sqlite"]
    for path in stores:
        with sqlite3.connect(path) as db:
            db.execute(f"PRAGMA user_version = {LAYOUT + 1}")
        db.close()
    old_layout = [cache / f"{name}.json" for name in ("easy_read", "open_data", "search_index", "service_directory")]
    for path in old_layout:
        path.write_text('["j", {"format": 3}]')

    edit(providers / "unsafe-text.yaml", "& an ampersand", "and a new sentence")
    assert run_pelican(providers, output).returncode == 0
    clean = tmp_path / "clean" / "output"
    assert run_pelican(providers, clean).returncode == 0
    assert differing(snapshot(output), snapshot(clean)) == []
    for path in stores:
        with sqlite3.connect(path) as db:
            assert db.execute("PRAGMA user_version").fetchone() == (LAYOUT,)
        db.close()
    assert not any(path.exists() for path in old_layout)


def test_findings_made_again_from_cached_checked_files_name_the_same_lines(tmp_path):
    """A cached checked file keeps its field lines as text, decoded only when a message needs a line
    (build_cache.LazyLines): easy-read pages made again from cached checks name the lines a first build named."""
    import json
    import sqlite3

    from tests.test_easy_read_build import EXPECTED_FINDINGS, build_fixture

    output = tmp_path / "output"
    assert build_fixture(output).returncode == 0
    with sqlite3.connect(tmp_path / "cache" / "service_directory.sqlite") as db:
        rows = [value.split("\n") for (value,) in db.execute("SELECT value FROM entries")]
    db.close()
    # The lines follow the row's head and the checked file's data, as JSON text of their own
    # (build_cache._row_text); the head holds none.
    assert rows and all(len(row) == 3 and len(json.loads(row[0])) == 8 and isinstance(json.loads(row[2]), dict)
                        for row in rows)

    again = build_fixture(output, EASY_READ_CACHE=False)  # the checks come from the cache, the pages do not
    assert again.returncode == 0
    for line in EXPECTED_FINDINGS:
        assert line in again.stdout, line


def test_cached_lines_that_are_not_a_map_of_lines_read_as_none():
    from localoffer.service_directory.build_cache import LazyLines

    assert dict(LazyLines('{"service.name": 3}')) == {"service.name": 3}
    assert dict(LazyLines('{"service.name": "3"}')) == {}
    assert dict(LazyLines("[1, 2")) == {}
    assert LazyLines('{"a": 1}').get("b") is None


def template_edit_rewrites(tmp_path, template, old, new):
    """Build, rebuild with nothing changed, edit `template`, rebuild: the pages the last rebuild
    wrote that the unchanged one did not (Pelican's own pages, the home page and a few others are
    written by every build), and the files in CACHE_PATH it changed but the checks cache, whose
    checks it asserts unchanged."""
    providers, content, theme = copy_project_site(tmp_path)
    site = {"PATH": str(content), "THEME": str(theme)}
    output, cache = tmp_path / "output", tmp_path / "cache"
    assert run_pelican(providers, output, **site).returncode == 0
    before = written_times(output)
    assert run_pelican(providers, output, **site).returncode == 0
    unchanged = written_times(output)
    every_build = {path for path in unchanged if before.get(path) != unchanged[path]}
    caches = snapshot(cache)
    checks = checks_without_stats(cache)

    edit(theme / "templates" / template, old, new)
    assert run_pelican(providers, output, **site).returncode == 0
    after = written_times(output)
    rewritten = {path for path in after if unchanged.get(path) != after[path]} - every_build
    # The checks cache may gain the files' stats, which a build a moment after the files were
    # copied cannot trust yet (build_cache.trusted_stat); every check in it is as it was.
    assert checks_without_stats(cache) == checks
    return rewritten, [name for name in differing(caches, snapshot(cache)) if name != "service_directory.sqlite"]


# The sitemap keeps each output folder's listing by its modification time, which writing a page
# changes: whether the rebuild keeps new listings depends on how long before the sitemap the pages
# were written (a folder changed in the last two seconds is not kept), so it may or may not change.
SITEMAP_CACHE = "open_data-sitemap.json"
LISTINGS = {"categories/health/index.html", "needs/asd/index.html", "areas/fenwick/index.html", "ages/0-4/index.html"}


def test_a_service_template_edit_writes_only_service_pages_and_keeps_every_other_cache(tmp_path):
    """No provider file is checked again for a template edit: the checked files' store (and every cache
    but the record of the pages written, and what the edited template names) is byte for byte as it was,
    and no listing is written."""
    rewritten, caches = template_edit_rewrites(tmp_path, "service.html", "{% block content %}",
                                               "{% block content %}<!-- service.html changed -->")
    assert rewritten == SERVICE_PAGES
    assert [name for name in caches if name != SITEMAP_CACHE] == ["service_directory-pages.json", "templates.json"]


def test_a_listing_template_edit_writes_only_the_listings_made_of_it(tmp_path):
    rewritten, caches = template_edit_rewrites(tmp_path, "term.html", "{% block content %}",
                                               "{% block content %}<!-- term.html changed -->")
    assert LISTINGS <= rewritten
    assert all(path.split("/")[0] in ("categories", "needs", "areas", "ages") for path in rewritten)
    assert [name for name in caches if name != SITEMAP_CACHE] == ["service_directory-pages.json", "templates.json"]


def test_a_listing_written_again_takes_the_cards_of_unchanged_services_from_the_cache(tmp_path):
    """After one provider changed, the A to Z is written again, but only the changed service's
    card is rendered: a card the cache holds (here marked) is the one the listing shows."""
    import sqlite3

    providers = copy_site(tmp_path)
    output = tmp_path / "output"
    assert run_pelican(providers, output).returncode == 0
    cards = tmp_path / "cache" / "service_directory-cards.sqlite"
    with sqlite3.connect(cards) as db:
        [(key, value)] = [row for row in db.execute("SELECT key, value FROM entries")
                          if row[0].startswith("complete-service:") and row[0].endswith(":3")]
        db.execute("UPDATE entries SET value = ? WHERE key = ?", (value.replace("</h3>", "</h3><!-- kept card -->"), key))
    db.close()

    edit(providers / "unsafe-text.yaml", "& an ampersand", "and a new sentence")
    assert run_pelican(providers, output).returncode == 0
    a_to_z = (output / "services" / "index.html").read_text()
    assert "and a new sentence" in a_to_z
    assert a_to_z.count("<!-- kept card -->") == 1


def _age_folders(output, seconds=60):
    """Set every folder's modification time back, as a build a minute ago would leave it: the
    sitemap keeps only the listings of folders not changed in the last two seconds."""
    import os

    for path in [output, *Path(output).rglob("*")]:
        if path.is_dir():
            stat = path.stat()
            os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns - seconds * 1_000_000_000))


@pytest.mark.parametrize("change", [add_both, remove_both], ids=lambda f: f.__name__)
def test_a_sitemap_made_from_kept_folder_listings_matches_a_clean_build(tmp_path, change):
    providers, content, theme = copy_project_site(tmp_path)
    site = {"PATH": str(content), "THEME": str(theme)}
    output = tmp_path / "incremental" / "output"
    assert run_pelican(providers, output, **site).returncode == 0
    _age_folders(output)
    assert run_pelican(providers, output, **site).returncode == 0  # keeps the settled folders' listings
    assert (tmp_path / "incremental" / "cache" / "open_data-sitemap.json").is_file()

    change(providers, content / "pages", theme / "templates")
    assert run_pelican(providers, output, **site).returncode == 0
    clean = tmp_path / "clean" / "output"
    assert run_pelican(providers, clean, **site).returncode == 0
    assert differing(snapshot(output), snapshot(clean)) == []


def test_a_sitemap_deleted_by_hand_is_written_again_when_nothing_else_changed(tmp_path):
    # The output's folders still hold the same names, so the kept record counts as unchanged: the
    # sitemap's own stamp (there is no file to stat) is what sends it to be written.
    providers = copy_site(tmp_path)
    output = tmp_path / "output"
    assert run_pelican(providers, output).returncode == 0
    _age_folders(output)
    assert run_pelican(providers, output).returncode == 0
    written = (output / "sitemap.xml").read_bytes()
    (output / "sitemap.xml").unlink()
    rebuilt = run_pelican(providers, output)
    assert rebuilt.returncode == 0, rebuilt.stderr
    assert (output / "sitemap.xml").read_bytes() == written


def test_a_rebuild_with_another_number_of_workers_keeps_every_cache(tmp_path):
    """The number of rendering workers changes how a build runs, not what it makes: no cache is thrown away."""
    providers = copy_site(tmp_path)
    output, cache = tmp_path / "output", tmp_path / "cache"
    assert run_pelican(providers, output, LOCAL_OFFER_BUILD_WORKERS=2).returncode == 0
    caches = snapshot(cache)
    pages = snapshot(output)
    checks = checks_without_stats(cache)
    assert run_pelican(providers, output, LOCAL_OFFER_BUILD_WORKERS=1).returncode == 0
    # The checks cache keeps each file's stat when it can be trusted, which a build a moment after
    # the files were written cannot (build_cache.trusted_stat): the next build may add it.
    changed = [name for name in differing(caches, snapshot(cache)) if name.endswith(".sqlite")]
    assert changed in ([], ["service_directory.sqlite"])
    assert checks_without_stats(cache) == checks
    assert differing(pages, snapshot(output)) == []


def checks_without_stats(cache):
    """{file: its row} of the checks cache, each row without the file's stat."""
    import dataclasses

    from localoffer.cache_files.entries import stored_entries
    from localoffer.service_directory.build_cache import read_head

    rows = {}
    for key, value in stored_entries(cache / "service_directory.sqlite", text=True).items():
        head, rest = value.split("\n", 1)
        rows[key] = (dataclasses.replace(read_head(head), stat=None), rest)
    assert rows
    return rows
