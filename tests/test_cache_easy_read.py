"""easy_read's model cache (easy_read/cache.py): a made page is held and kept as text; a kept
service page comes back with its findings and address at once and its page only when asked for;
a row that is not a page is made again."""

import json
import sqlite3

from localoffer.cache_files.entries import stored_entries
from localoffer.easy_read.cache import BuildCache, KeptPage
from localoffer.easy_read.check import Finding
from localoffer.easy_read.page_model import EasyReadPage, Point, Section
from localoffer.easy_read.page_text import page_text

from .test_easy_read_page_text import every_field_page

URL, SAVE_AS, SOURCE = "services/club/easy-read/", "services/club/easy-read/index.html", "providers/club.yaml"


def page(text="We play games."):
    return EasyReadPage("Club", URL, SAVE_AS, "services/club/", SOURCE,
                        sections=[Section("What it is", [Point(text, "games")])],
                        findings=[Finding(SOURCE, 3, "words", "a long word", "service.summary", URL)])


def test_a_made_page_is_held_as_its_text_and_made_again_when_asked_for():
    kept = KeptPage(page(), "page-key")
    assert (kept.url, kept.save_as, kept.page_key, kept.findings) == (URL, SAVE_AS, "page-key", page().findings)
    assert kept.text == page_text(page())
    assert kept.page == page()


def build(cache_path, made, key="service:club"):
    """A build keeping one service through service_model(), as the generator does."""
    cache = BuildCache(cache_path)
    cache.use_models("fingerprint")
    kept = cache.service_model(key, lambda: made, SOURCE, URL, SAVE_AS)
    cache.save(pages_too=False)
    return cache, kept


def test_a_service_row_is_its_page_key_and_its_page_as_text_and_the_facts_row_plain_json(tmp_path):
    build(tmp_path, KeptPage(page(), "page-key"))
    stored = stored_entries(tmp_path / "easy_read.sqlite", text=True)
    assert stored == {
        "service:club": "page-key\n" + page_text(page()),
        "facts:services": '{"service:club":["page-key",[[3,"words","a long word","service.summary"]]]}',
    }


def test_a_rebuild_takes_a_services_findings_from_the_facts_row_and_reads_its_page_only_when_asked(tmp_path):
    build(tmp_path, KeptPage(page(), "page-key"))
    with sqlite3.connect(tmp_path / "easy_read.sqlite") as db:
        # Its own row is not read for the facts: a page that is not one shows only when the page is asked for.
        db.execute("UPDATE entries SET value = 'page-key\n[\"not a page\"]' WHERE key = 'service:club'")
    db.close()
    cache, kept = build(tmp_path, KeptPage(page("Made again."), "page-key"))
    assert cache.built == 0
    assert (kept.url, kept.save_as, kept.page_key, kept.findings) == (URL, SAVE_AS, "page-key", page().findings)
    assert kept.page == page("Made again.")
    assert cache.built == 1


def test_a_facts_row_that_is_not_one_counts_as_missing(tmp_path):
    build(tmp_path, KeptPage(page(), "page-key"))
    with sqlite3.connect(tmp_path / "easy_read.sqlite") as db:
        (value,) = db.execute("SELECT value FROM entries WHERE key = 'facts:services'").fetchone()
        facts = json.loads(value)
        facts["service:club"][1][0][0] = "three"  # a finding's line that is not a number
        db.execute("UPDATE entries SET value = ? WHERE key = 'facts:services'", (json.dumps(facts),))
    db.close()
    cache, kept = build(tmp_path, None)
    assert cache.built == 0  # read from the service's own row instead
    assert kept.findings == page().findings and kept.page == page()


def test_a_service_row_that_is_not_one_is_made_again(tmp_path):
    build(tmp_path, KeptPage(page(), "page-key"))
    with sqlite3.connect(tmp_path / "easy_read.sqlite") as db:
        db.execute("DELETE FROM entries WHERE key = 'facts:services'")
        db.execute("UPDATE entries SET value = 'page-key\n[\"not a page\"]' WHERE key = 'service:club'")
    db.close()
    cache, kept = build(tmp_path, KeptPage(page("Made again."), "page-key"))
    assert cache.built == 1 and kept.page == page("Made again.")


def test_a_service_row_giving_another_address_is_made_again(tmp_path):
    # A planted row could write this service's easy-read page over another page: it counts as missing.
    elsewhere = EasyReadPage("Club", "privacy/", "privacy/index.html", "services/club/", SOURCE,
                             sections=[Section("What it is", [Point("We play games.", "games")])])
    build(tmp_path, KeptPage(elsewhere, "page-key"))
    with sqlite3.connect(tmp_path / "easy_read.sqlite") as db:
        db.execute("DELETE FROM entries WHERE key = 'facts:services'")
    db.close()
    cache, kept = build(tmp_path, KeptPage(page("Made again."), "page-key"))
    assert cache.built == 1 and (kept.url, kept.save_as) == (URL, SAVE_AS) and kept.page == page("Made again.")


def test_a_twins_page_is_kept_as_its_text_and_made_again_when_it_is_not_one(tmp_path):
    def twin_build(made):
        cache = BuildCache(tmp_path)
        cache.use_models("fingerprint")
        kept = cache.model("twin:about", lambda: made)
        cache.save(pages_too=False)
        return cache, kept

    twin_build(every_field_page())
    assert stored_entries(tmp_path / "easy_read.sqlite", text=True)["twin:about"] == page_text(every_field_page())
    cache, kept = twin_build(None)
    assert cache.built == 0 and kept == every_field_page()
    with sqlite3.connect(tmp_path / "easy_read.sqlite") as db:
        db.execute("UPDATE entries SET value = '[\"not a page\"]' WHERE key = 'twin:about'")
    db.close()
    cache, kept = twin_build(page())
    assert cache.built == 1 and kept == page()


def test_the_facts_row_is_written_again_only_when_a_service_changed_or_left(tmp_path):
    build(tmp_path, KeptPage(page(), "page-key"))
    written = (tmp_path / "easy_read.sqlite").stat().st_mtime_ns
    build(tmp_path, None)
    assert (tmp_path / "easy_read.sqlite").stat().st_mtime_ns == written
    build(tmp_path, KeptPage(page("Changed."), "other-key"), key="service:other")
    stored = stored_entries(tmp_path / "easy_read.sqlite", text=True)
    assert sorted(stored) == ["facts:services", "service:other"]
    assert list(json.loads(stored["facts:services"])) == ["service:other"]


def test_a_page_made_in_this_build_goes_to_its_template_as_text_and_a_kept_one_read_from_its_row(tmp_path):
    from localoffer.easy_read.page_text import PageFromText

    _, made = build(tmp_path, KeptPage(page(), "page-key"))
    lazy = made.for_template()
    assert type(lazy) is PageFromText and lazy.text == page_text(page()) and lazy.sections == page().sections
    cache = BuildCache(tmp_path)
    cache.use_models("fingerprint")
    kept = cache.service_model("service:club", lambda: None, SOURCE, URL, SAVE_AS)
    assert kept.for_template() == page()  # read from its row, which the store still has open
