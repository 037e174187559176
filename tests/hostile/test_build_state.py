"""What is left on disk cannot change the site: a cache file from elsewhere is
data that is checked (never code), two builds into one output give one
consistent site, and a build killed half-way is repaired by the next."""

import json
import pickle
import sqlite3
import time

from tests.hostile.conftest import bounded_build, good_providers, snapshot, start_build


class RunsCode:
    """Unpickling this would run `touch <marker>`."""

    def __init__(self, marker):
        self.marker = marker

    def __reduce__(self):
        import os

        return (os.system, (f"touch {self.marker}",))


def clean_and_built(tmp_path):
    """(the providers, a clean build's output, the output of a build with a cache in tmp_path/site/cache):
    the second is the one a test then tampers with and builds again."""
    providers = good_providers(tmp_path / "providers")
    clean = tmp_path / "clean" / "output"
    assert bounded_build(providers, clean).returncode == 0
    output = tmp_path / "site" / "output"
    assert bounded_build(providers, output).returncode == 0
    return providers, clean, output


def test_a_cache_committed_in_a_pull_request_is_never_run_and_changes_nothing(tmp_path):
    providers = good_providers(tmp_path / "providers")
    clean = tmp_path / "clean" / "output"
    assert bounded_build(providers, clean).returncode == 0

    cache = tmp_path / "site" / "cache"
    cache.mkdir(parents=True)
    marker = tmp_path / "code-ran"
    for name in ("service_directory", "search_index", "easy_read"):
        (cache / f"{name}.pickle").write_bytes(pickle.dumps(RunsCode(marker)))
    # JSON of the right outline with things this code never writes: a class it does not keep,
    # a format from the future, and a page claimed as written.
    (cache / "service_directory.json").write_text(json.dumps(
        {"format": 2, "fingerprint": "x", "checked": ["o", "Popen", {"args": ["s", "touch " + str(marker)]}]}))
    (cache / "easy_read.json").write_text(json.dumps(["d", [[["s", "format"], ["i", 3]], [["s", "models"], ["o", "os.system", {}]]]]))
    (cache / "search_index.json").write_text("[" * 100_000)
    (cache / "service_directory-pages.json").write_text(json.dumps(
        ["d", [[["s", "format"], ["i", 99]], [["s", "pages"], ["d", [[["s", "services/highcombe-youth-club/index.html"], ["s", "x"]]]]]]]))
    # The caches kept a row an entry (cache_files.entries): a trigger SQLite would run on a
    # save, a row of a class this code does not keep, and files that are not databases.
    with sqlite3.connect(cache / "service_directory.sqlite") as db:
        db.execute("CREATE TABLE entries (key TEXT PRIMARY KEY, fingerprint TEXT NOT NULL, value TEXT NOT NULL) WITHOUT ROWID")
        db.execute("CREATE TABLE ran (x)")
        db.execute("CREATE TRIGGER t AFTER DELETE ON entries BEGIN INSERT INTO ran VALUES (1); END")
        db.execute("INSERT INTO entries VALUES ('x', 'x', ?)", (json.dumps(["o", "Popen", {"args": "touch"}]),))
        db.execute("PRAGMA user_version = 1")
    db.close()
    (cache / "easy_read.sqlite").write_bytes(pickle.dumps(RunsCode(marker)))
    (cache / "search_index.sqlite").write_bytes(b"SQLite format 3\0" + b"\xff" * 4096)
    output = tmp_path / "site" / "output"
    result = bounded_build(providers, output)
    assert result.returncode == 0, result.stdout
    assert not marker.exists()
    assert snapshot(output) == snapshot(clean)
    # The build wrote its own caches, as data, in place of the files it ignored.
    for name in ("service_directory", "search_index", "easy_read"):
        with sqlite3.connect(cache / f"{name}.sqlite") as db:
            assert db.execute("SELECT name FROM sqlite_master").fetchall() == [("entries",)]
        db.close()
        assert not (cache / f"{name}.json").exists()  # the whole-file layout of before: removed


def test_a_kept_check_whose_data_is_not_a_services_is_checked_again(tmp_path):
    # The row's head (its digest, stat and the service's facts) is right and its data is a map of
    # nothing: the service's page, written again, needs the record, which the file's check makes again.
    providers, clean, output = clean_and_built(tmp_path)
    with sqlite3.connect(tmp_path / "site" / "cache" / "service_directory.sqlite") as db:
        rows = db.execute("SELECT key, value FROM entries").fetchall()
        for key, value in rows:
            head, _, lines = value.split("\n")
            db.execute("UPDATE entries SET value = ? WHERE key = ?", (head + '\n["d",[]]\n' + lines, key))
    db.close()
    for page in (output / "services").glob("*/index.html"):
        page.unlink()
    result = bounded_build(providers, output)
    assert result.returncode == 0, result.stdout
    assert snapshot(output) == snapshot(clean)


def test_two_publish_builds_into_one_output_give_the_site_of_one(tmp_path):
    providers = good_providers(tmp_path / "providers")
    output = tmp_path / "site" / "output"
    first = start_build(providers, output, "publishconf.py", CACHE_PATH=str(tmp_path / "cache-1"))
    second = start_build(providers, output, "publishconf.py", CACHE_PATH=str(tmp_path / "cache-2"))
    logs = [build.communicate(timeout=300)[0] for build in (first, second)]
    assert [first.returncode, second.returncode] == [0, 0], logs
    assert not any("FileExistsError" in log or "Traceback" in log for log in logs)
    # One waited for the other (Pelican's copying of the theme races otherwise, and
    # DELETE_OUTPUT_DIRECTORY deletes what the other build is writing).
    waited = [log for log in logs if f"safe_build: another build is writing into {output}; waiting for it to finish" in log]
    assert len(waited) == 1
    clean = tmp_path / "clean" / "output"
    assert bounded_build(providers, clean, "publishconf.py", CACHE_PATH=str(tmp_path / "cache-3")).returncode == 0
    assert snapshot(output) == snapshot(clean)
    assert "Content-Security-Policy" in (output / "_headers").read_text()


def test_a_build_killed_after_writing_a_page_is_repaired_by_the_next(tmp_path):
    providers = good_providers(tmp_path / "providers")
    club = providers / "highcombe-youth-club.yaml"
    version_a = club.read_text()
    version_b = version_a.replace("Games, music, cooking and trips", "KILLED-BUILD-TEXT games")
    output = tmp_path / "site" / "output"
    assert bounded_build(providers, output).returncode == 0

    # Version B, killed with SIGKILL as soon as its service page is on disk.
    club.write_text(version_b)
    page = output / "services" / "highcombe-youth-club" / "index.html"
    build = start_build(providers, output)
    deadline = time.monotonic() + 300
    while b"KILLED-BUILD-TEXT" not in (page.read_bytes() if page.is_file() else b""):
        assert build.poll() is None, "the build ended before it could be killed"
        assert time.monotonic() < deadline
        time.sleep(0.002)
    build.kill()
    log = build.communicate()[0]
    assert build.returncode == -9 and "Done:" not in log

    # Back to version A: the next build must write the page again, as a clean build does.
    club.write_text(version_a)
    assert bounded_build(providers, output).returncode == 0
    clean = tmp_path / "clean" / "output"
    assert bounded_build(providers, clean).returncode == 0
    assert b"KILLED-BUILD-TEXT" not in page.read_bytes()
    assert snapshot(output) == snapshot(clean)


def test_the_meta_tag_carries_every_directive_a_meta_tag_can():
    from localoffer.safe_build.policy import CONTENT_SECURITY_POLICY, meta_policy

    assert meta_policy(CONTENT_SECURITY_POLICY) == (
        "default-src 'self'; script-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'")
    assert meta_policy("default-src 'self'; sandbox; report-uri /csp; frame-ancestors 'none'") == "default-src 'self'"


def test_a_planted_record_of_pages_written_removes_nothing_outside_the_output(tmp_path):
    # The records of pages written name pages to remove when a build no longer writes them: a record
    # committed in a pull request that names files outside the output folder removes none of them.
    from localoffer.cache_files import save_json
    from localoffer.easy_read.cache import FORMAT as EASY_READ_FORMAT

    providers, clean, output = clean_and_built(tmp_path)
    victims = {name: tmp_path / name / "index.html" for name in ("service", "listing", "easy", "absolute")}
    for victim in victims.values():
        victim.parent.mkdir()
        victim.write_text("not the site's", encoding="utf-8")
        (victim.parent / "beside.txt").write_text("not the site's either", encoding="utf-8")
    cache = tmp_path / "site" / "cache"
    save_json(cache / "service_directory-pages.json", {"format": 99, "fingerprint": "x", "pages": {
        "../../service/index.html": "k", "listing:../../listing/index.html": "k", str(victims["absolute"]): "k"}})
    save_json(cache / "easy_read-pages.json",
              {"format": EASY_READ_FORMAT, "fingerprint": "x", "pages": {"../../easy/index.html": "k"}})
    assert bounded_build(providers, output).returncode == 0
    assert all(victim.read_text(encoding="utf-8") == "not the site's" for victim in victims.values())
    assert all((victim.parent / "beside.txt").is_file() for victim in victims.values())
    assert snapshot(output) == snapshot(clean)
