"""search_index.terms: a rebuild re-makes only the term and word files of the changed
services' terms, gives the bytes a clean build gives, and makes every file when it
cannot know which changed."""

import json
import random
import re
import shutil
import sqlite3
from pathlib import Path
from types import SimpleNamespace

import pytest

from localoffer.search_index.cache import counts_text
from localoffer.search_index.folder import FILES_RECORD
from localoffer.search_index.settings import FIELD_BOOSTS
from localoffer.search_index.store import facets
from localoffer.search_index.terms import TERMS_FILE, WRITING_FILE, TermFiles, group_of, version_of
from localoffer.search_index.weights import Analyzer
from tests.conftest import ROOT, run_pelican

WORDS = ("autism speech therapy play group club sensory swimming running music dance art deaf blind "
         "wheelchair holiday respite parent carer support advice school college youth family").split()
SHARD_BYTES = 1000


class Service:
    def __init__(self, key, document):
        self.key, self.document = key, document


class Counts:
    """As cache.CountsCache, over a dict of kept counts (key -> counts)."""

    def __init__(self, kept):
        self.kept = kept
        self.computed = []

    def expect(self, services):
        pass

    def key(self, service):
        return service.key

    def counts(self, service, compute):
        if service.key not in self.kept:
            self.computed.append(service.key)
            self.kept[service.key] = compute()
        return self.kept[service.key]

    def counts_and_text(self, service, compute):
        counts = self.counts(service, compute)
        return counts, counts_text(counts)

    def save(self):
        pass

    def counts_kept(self, key):
        return self.kept.get(key)

    def keep(self, keys):
        list(keys)


def documents(count, seed=3):
    rng = random.Random(seed)
    return [{field: " ".join(rng.choice(WORDS) for _ in range(rng.randint(0, 12))) for field in FIELD_BOOSTS}
            for _ in range(count)]


class Site:
    """The term and word files of a list of documents, built as the generator builds them."""

    def __init__(self, folder, fingerprint="one", shard_bytes=SHARD_BYTES):
        self.folder, self.fingerprint, self.shard_bytes = folder, fingerprint, shard_bytes
        self.cache = folder / "cache"
        self.data = folder / "data"
        self.kept = {}
        self.analyzer = Analyzer()

    def build(self, docs, enabled=True):
        """(full, written paths, {path: text} of the whole folder) after a build of `docs`."""
        services = [Service(f"{n}:{json.dumps(doc)}", doc) for n, doc in enumerate(docs)]
        terms = TermFiles(self.cache, self.fingerprint, enabled)
        files, digests, keys, word_count = terms.make(
            services, Counts(self.kept), lambda number, service: self.analyzer.field_counts(service.document, FIELD_BOOSTS),
            FIELD_BOOSTS, self.analyzer.k1, self.analyzer.b, self.shard_bytes, self.data)
        self.remade = {path for path in files if path.startswith("terms/")}
        version = version_of(digests)
        terms.start_writing()
        written = set()
        for path, text in files.items():
            target = self.data / path
            if not target.is_file() or target.read_text() != text:
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_text(text)
                written.add(path)
        for path in list(self.data.rglob("*.*")):
            name = path.relative_to(self.data).as_posix()
            if name not in digests and name != "manifest.json":
                path.unlink()
        (self.data / "manifest.json").write_text(json.dumps({"version": version, "terms": keys, "words": word_count}))
        terms.save(version)
        return terms.full, written, self.tree()

    def tree(self):
        return {path.relative_to(self.data).as_posix(): path.read_text() for path in sorted(self.data.rglob("*.*"))}


def clean(tmp_path, docs, name="clean", **options):
    return Site(tmp_path / name, **options).build(docs, enabled=False)[2]


def test_a_rebuild_after_one_service_changed_remakes_only_its_terms_files_and_equals_a_clean_build(tmp_path):
    docs = documents(60)
    site = Site(tmp_path / "site")
    full, _, _ = site.build(docs)
    assert full
    old = docs[7]
    docs[7] = {**old, "summary": old["summary"] + " autism zebra", "name": "quokka"}
    full, written, tree = site.build(docs)
    assert not full
    assert tree == clean(tmp_path, docs)
    # Every term of the service, old and new: a field's new length re-weighs each of its terms.
    groups = {group_of(term) for doc in (old, docs[7]) for text in doc.values() for term in site.analyzer.terms(text)}
    term_files = {path for path in written if path.startswith("terms/")}
    assert term_files and all(group_of(Path(path).stem) in groups for path in term_files)
    assert len(term_files) < len([path for path in tree if path.startswith("terms/")]) / 2
    assert site.kept[f"7:{json.dumps(docs[7])}"]  # the changed service's new counts were made


def test_rebuilds_that_remove_and_add_words_and_empty_a_group_equal_clean_builds(tmp_path):
    docs = documents(60)
    site = Site(tmp_path / "site")
    site.build([*docs[:5], {**docs[5], "keywords": "xylophone"}, *docs[6:]])
    site.build(docs)  # "xylophone" and its group go
    docs[3] = {**docs[3], "name": "", "description": docs[3]["description"] + " swimming swimming"}
    full, _, tree = site.build(docs)
    assert not full
    assert tree == clean(tmp_path, docs)
    assert not any(path.startswith("terms/xy") for path in tree)


def test_a_rebuild_where_nothing_changed_writes_nothing(tmp_path):
    docs = documents(40)
    site = Site(tmp_path / "site")
    site.build(docs)
    full, written, _ = site.build(docs)
    assert not full and written == set()


def change_one(docs):
    return [{**docs[0], "summary": docs[0]["summary"] + " music"}, *docs[1:]]


@pytest.mark.parametrize("change", [
    "a service added", "a service removed", "more than a fifth changed", "an average moved", "a setting changed",
    "a row missing", "the manifest changed", "a file missing", "a build stopped while writing", "the cache off",
])
def test_a_rebuild_makes_every_file_when_it_cannot_patch_and_equals_a_clean_build(tmp_path, change):
    docs = documents(50)
    site = Site(tmp_path / "site")
    site.build(docs)
    new = change_one(docs)
    enabled = True
    if change == "a service added":
        new = [*new, documents(1, seed=9)[0]]
    elif change == "a service removed":
        new = new[:-1]
    elif change == "more than a fifth changed":
        new = [{**doc, "areas": doc["areas"] + " music"} for doc in docs[:11]] + docs[11:]
    elif change == "an average moved":
        new = [{**docs[0], "summary": " ".join(["music"] * 200)}, *docs[1:]]
    elif change == "a setting changed":
        site.fingerprint = "two"
    elif change == "a row missing":
        with sqlite3.connect(site.cache / TERMS_FILE) as db:
            assert db.execute("DELETE FROM entries WHERE key = 't/mu'").rowcount == 1  # the group of "music"
    elif change == "the manifest changed":
        (site.data / "manifest.json").write_text('{"version": "0"}')
    elif change == "a file missing":
        next((site.data / "terms").iterdir()).unlink()
    elif change == "a build stopped while writing":
        (site.cache / WRITING_FILE).touch()
    elif change == "the cache off":
        enabled = False
    full, _, tree = site.build(new, enabled)
    assert full
    assert tree == clean(tmp_path, new)
    if change != "more than a fifth changed":
        site.build(change_one(new))
        full, _, tree = site.build(new)
        assert not full  # and the build after patches again


def test_one_changed_service_of_six_is_patched_and_two_are_not(tmp_path):
    docs = documents(10)
    site = Site(tmp_path / "site")
    site.build(docs)
    one = [{**docs[0], "areas": docs[0]["areas"] + " music"}, *docs[1:]]
    assert not site.build(one)[0]
    two = [{**doc, "areas": doc["areas"] + " art"} for doc in one[:3]] + one[3:]
    assert site.build(two)[0]


def test_a_pelican_rebuild_after_a_summary_changed_equals_a_clean_build(tmp_path):
    providers = tmp_path / "providers"
    shutil.copytree(ROOT / "providers", providers)
    output = tmp_path / "output"
    # --debug both times: Pelican's settings say whether it is on, and the store pages are keyed by the settings.
    assert run_pelican(providers, output, extra_args=["--debug"]).returncode == 0
    data = output / "search" / "data"
    before = {path: path.read_bytes() for path in data.rglob("*.*")}
    provider = providers / "brambleside-school.yaml"
    text = provider.read_text(encoding="utf-8")
    assert "special school for children" in text
    # One word for another: the summary's length, and so its average, stays put.
    provider.write_text(text.replace("special school for children", "special school for quokkas", 1), encoding="utf-8")
    result = run_pelican(providers, output, extra_args=["--debug"])
    assert result.returncode == 0, result.stdout
    assert "term and word files re-made" in result.stdout
    # Only the store page holding the service's card is rendered again.
    assert re.search(r"; 1 of \d+ store pages made", result.stdout), result.stdout
    after = {path: path.read_bytes() for path in data.rglob("*.*")}
    changed = {path.relative_to(data).as_posix() for path in after if before.get(path) != after[path]}
    # The service's summary terms are re-weighed only where its counts changed: "children" went, "quokkas" came.
    assert {path for path in changed if path.startswith("terms/")} == {"terms/ch.json", "terms/qu.json"}
    assert len([path for path in changed if path.startswith("store/")]) == 1
    fresh = tmp_path / "fresh"
    assert run_pelican(providers, fresh, CACHE_PATH=str(tmp_path / "fresh-cache")).returncode == 0
    assert after == {data / path.relative_to(fresh / "search" / "data"): path.read_bytes()
                     for path in (fresh / "search" / "data").rglob("*.*")}


def test_a_rebuild_remakes_only_the_files_of_terms_whose_weights_changed(tmp_path):
    # One word of one field for another of the same length: that field's other terms keep their weights.
    docs = [{**doc, "keywords": "autism sensory club"} for doc in documents(40)]
    site = Site(tmp_path / "site")
    site.build(docs)
    docs[4] = {**docs[4], "keywords": "autism sensory zebra"}
    full, _, tree = site.build(docs)
    assert not full
    assert tree == clean(tmp_path, docs)
    assert {group_of(Path(path).stem) for path in site.remade} == {"cl", "ze"}


def test_setting_only_the_changed_services_filter_bits_gives_the_bitsets_of_a_whole_pass():
    rng = random.Random(5)
    needs, categories, areas = ([SimpleNamespace(id=f"{kind}{n}") for n in range(6)] for kind in "nca")

    def service():
        low = rng.randint(0, 25)
        return SimpleNamespace(needs=rng.sample(needs, 2), categories=rng.sample(categories, 1), areas=rng.sample(areas, 3),
                               age_min=low, age_max=rng.randint(low, 25), free=rng.random() < 0.5,
                               self_referral=rng.random() < 0.5)
    services = [service() for _ in range(30)]
    _, old = facets(services, categories, needs, areas)
    new = [*services[:3], service(), *services[4:17], service(), *services[18:]]
    _, whole = facets(new, categories, needs, areas)
    assert whole != old
    assert facets(new, categories, needs, areas, old, [3, 17])[1] == whole
    # Kept bitsets that are not one of each of this build's, of its length, are not patched.
    for kept in ({**old, "free": "!"}, {**old, "free": "AA=="}, {name: old[name] for name in old if name != "free"}):
        assert facets(new, categories, needs, areas, kept, [3, 17])[1] == whole


def data_snapshot(data):
    return {path.relative_to(data).as_posix(): path.read_bytes() for path in sorted(data.rglob("*")) if path.is_file()}


def same_size_edit(path):
    """Change one digit or letter of the file, keeping its size (and so only its times tell)."""
    text = path.read_text(encoding="utf-8")
    place = next(n for n, letter in enumerate(text) if letter.isalnum())
    path.write_text(text[:place] + ("1" if text[place] == "0" else "0") + text[place + 1:], encoding="utf-8")


@pytest.mark.parametrize("change", ["nothing", "a summary"])
def test_a_data_file_deleted_or_edited_since_the_last_build_is_made_again(tmp_path, change):
    providers = tmp_path / "providers"
    shutil.copytree(ROOT / "providers", providers)
    output = tmp_path / "output"
    assert run_pelican(providers, output).returncode == 0
    data = output / "search" / "data"
    (data / "store" / "1.json").unlink()
    same_size_edit(data / "store" / "0.json")
    same_size_edit(sorted((data / "terms").iterdir())[0])
    same_size_edit(data / "filters" / "free.txt")
    if change == "a summary":
        provider = providers / "brambleside-school.yaml"
        provider.write_text(provider.read_text(encoding="utf-8").replace(
            "special school for children", "special school for quokkas", 1), encoding="utf-8")
    assert run_pelican(providers, output).returncode == 0
    fresh = tmp_path / "fresh"
    assert run_pelican(providers, fresh / "output").returncode == 0
    assert data_snapshot(data) == data_snapshot(fresh / "output" / "search" / "data")


def test_a_files_record_that_is_not_what_a_build_writes_counts_as_missing(tmp_path):
    providers = tmp_path / "providers"
    shutil.copytree(ROOT / "providers", providers)
    output = tmp_path / "output"
    assert run_pelican(providers, output).returncode == 0
    record = tmp_path / "cache" / FILES_RECORD
    stored = json.loads(record.read_text(encoding="utf-8"))
    entry = stored["files"]["store/0.json"]
    stored["files"]["store/0.json"] = entry[:5]  # a page with no key
    stored["files"]["store/1.json"] = ["0" * 32, *entry[1:]]  # another page's stat: its bytes are read
    # An entry climbing out of the data folder (spelt in parts: it is hostile data, not a path this
    # repository uses, and test_self_contained looks for written-out climbs).
    stored["files"]["../" * 2 + "providers/brambleside-school.yaml"] = entry
    record.write_text(json.dumps(stored), encoding="utf-8")
    (output / "search" / "data" / "store" / "1.json").unlink()
    provider = providers / "brambleside-school.yaml"
    provider.write_text(provider.read_text(encoding="utf-8").replace(
        "special school for children", "special school for quokkas", 1), encoding="utf-8")
    result = run_pelican(providers, output, extra_args=["--debug"])
    assert result.returncode == 0, result.stdout
    fresh = tmp_path / "fresh"
    assert run_pelican(providers, fresh / "output").returncode == 0
    assert data_snapshot(output / "search" / "data") == data_snapshot(fresh / "output" / "search" / "data")
    record.write_text("not JSON", encoding="utf-8")
    assert run_pelican(providers, output).returncode == 0
    assert data_snapshot(output / "search" / "data") == data_snapshot(fresh / "output" / "search" / "data")
    assert json.loads(record.read_text(encoding="utf-8"))["files"]["store/0.json"]
