"""easy_read's model cache (easy_read/cache.py): a kept service page comes back with its findings
and address at once and its page only when asked for; a page that is not one is made again."""

import json
import sqlite3

from localoffer.easy_read.cache import KINDS, BuildCache, KeptPage
from localoffer.easy_read.check import Finding
from localoffer.easy_read.page_model import EasyReadPage, Point, Section


def page(text="We play games."):
    return EasyReadPage("Club", "services/club/easy-read/", "services/club/easy-read/index.html", "services/club/",
                        "providers/club.yaml", sections=[Section("What it is", [Point(text, "games")])],
                        findings=[Finding("providers/club.yaml", 3, "words", "a long word")])


def first_build(cache_path, made):
    cache = BuildCache(cache_path)
    cache.use_models("fingerprint")
    kept = cache.model("service:club", lambda: made)
    cache.save(pages_too=False)
    return kept


def test_a_kept_page_is_read_back_when_it_is_asked_for(tmp_path):
    first_build(tmp_path, KeptPage(page(), "page-key"))
    cache = BuildCache(tmp_path)
    cache.use_models("fingerprint")
    kept = cache.model("service:club", lambda: None)
    assert cache.built == 0
    assert (kept.url, kept.save_as, kept.page_key, kept.findings) == (
        "services/club/easy-read/", "services/club/easy-read/index.html", "page-key", page().findings)
    assert kept._page is None  # not decoded until the page is written
    assert kept.page == page()


def test_a_kept_page_that_is_not_one_is_made_again_when_asked_for(tmp_path):
    first_build(tmp_path, KeptPage(page(), "page-key"))
    with sqlite3.connect(tmp_path / "easy_read.sqlite") as db:
        (value,) = db.execute("SELECT value FROM entries").fetchone()
        stored = json.loads(value)
        stored[2]["page"] = json.dumps(["o", "os.system", {}])
        db.execute("UPDATE entries SET value = ?", (json.dumps(stored),))
    db.close()
    cache = BuildCache(tmp_path)
    cache.use_models("fingerprint")
    kept = cache.model("service:club", lambda: KeptPage(page("Made again."), "page-key"))
    assert kept.page == page("Made again.")


def facts_build(cache_path, made, key="service:club"):
    """A build keeping one service through service_model(), as the generator does."""
    cache = BuildCache(cache_path)
    cache.use_models("fingerprint")
    kept = cache.service_model(key, lambda: made)
    cache.save(pages_too=False)
    return kept


def test_a_rebuild_takes_a_services_findings_from_the_facts_row_and_reads_its_page_only_when_asked(tmp_path):
    facts_build(tmp_path, KeptPage(page(), "page-key"))
    with sqlite3.connect(tmp_path / "easy_read.sqlite") as db:
        # Its own row is not read for the facts: a page that is not one shows only when the page is asked for.
        db.execute("UPDATE entries SET value = ? WHERE key = 'service:club'", (json.dumps(["j", "not a page"]),))
    db.close()
    cache = BuildCache(tmp_path)
    cache.use_models("fingerprint")
    kept = cache.service_model("service:club", lambda: KeptPage(page("Made again."), "page-key"))
    assert cache.built == 0
    assert (kept.url, kept.save_as, kept.page_key, kept.findings) == (
        "services/club/easy-read/", "services/club/easy-read/index.html", "page-key", page().findings)
    assert kept.page == page("Made again.")
    assert cache.built == 1


def test_a_facts_row_that_is_not_one_counts_as_missing(tmp_path):
    facts_build(tmp_path, KeptPage(page(), "page-key"))
    with sqlite3.connect(tmp_path / "easy_read.sqlite") as db:
        (value,) = db.execute("SELECT value FROM entries WHERE key = 'facts:services'").fetchone()
        facts = json.loads(json.loads(value)[1])
        facts["service:club"][3][0][1] = "three"  # a finding's line that is not a number
        db.execute("UPDATE entries SET value = ? WHERE key = 'facts:services'", (json.dumps(["s", json.dumps(facts)]),))
    db.close()
    cache = BuildCache(tmp_path)
    cache.use_models("fingerprint")
    kept = cache.service_model("service:club", lambda: None)
    assert cache.built == 0  # read from the service's own row instead
    assert kept.findings == page().findings and kept.page == page()


def test_the_facts_row_is_written_again_only_when_a_service_changed_or_left(tmp_path):
    from localoffer.cache_files.entries import stored_entries

    facts_build(tmp_path, KeptPage(page(), "page-key"))
    written = (tmp_path / "easy_read.sqlite").stat().st_mtime_ns
    facts_build(tmp_path, None)
    assert (tmp_path / "easy_read.sqlite").stat().st_mtime_ns == written
    facts_build(tmp_path, KeptPage(page("Changed."), "other-key"), key="service:other")
    stored = stored_entries(tmp_path / "easy_read.sqlite", KINDS, text=False)
    assert sorted(stored) == ["facts:services", "service:other"]
    assert list(json.loads(stored["facts:services"])) == ["service:other"]
