"""easy_read's model cache (easy_read/cache.py): a kept service page comes back with its findings
and address at once and its page only when asked for; a page that is not one is made again."""

import json
import sqlite3

from localoffer.easy_read.cache import BuildCache, KeptPage
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
