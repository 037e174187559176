"""bench/measure.py and bench/build.py's results file: the parts a benchmark's figures rest on."""

import argparse
import sys
from types import SimpleNamespace

from bench.build import NATIONAL, NATIONAL_TABLE, REGIONAL_TABLE, ROOT, Rows, command_options, table_of, validations, write_results
from bench.make_providers import write_providers
from bench.measure import differences, output_parts, run, snapshot, tree_memory_mb


def test_the_output_is_weighed_by_part(tmp_path):
    files = {
        "services/a/index.html": 10, "services/a/easy-read/index.html": 4, "services/a/club.png": 3,
        "services/index.html": 5, "services/page-2/index.html": 3, "needs/asd/index.html": 6, "search/data/terms/au.json": 7,
        "search/data/store/0.json": 2, "search/data/manifest.json": 1, "manifest.json": 8,
        "theme/css/main.css": 9, "privacy/index.html": 1,
        "open-referral/services/0f1e/index.json": 12, "open-data/services.csv": 6,
    }
    for name, size in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes(b"x" * size)
    parts = output_parts(tmp_path)
    assert [part[:3] for part in parts] == [
        ("service pages", 1, 10), ("easy read", 1, 4), ("service pictures", 1, 3),
        ("search index (terms)", 1, 7), ("search result store", 1, 2), ("search filters and manifest", 1, 1),
        ("listings (A to Z, categories, needs, ages, areas)", 3, 14), ("manifest.json (editorial)", 1, 8),
        ("open data", 2, 18), ("theme (CSS, JavaScript, fonts)", 1, 9), ("content pages and the rest", 1, 1),
    ]
    # On disk each small file takes at least one whole block.
    block = (tmp_path / "privacy/index.html").stat().st_blocks * 512
    assert block > 1 and dict((name, disk) for name, _, _, disk in parts)["open data"] == 2 * block


def test_trees_are_compared_byte_for_byte(tmp_path):
    for tree in ("one", "two"):
        (tmp_path / tree / "same").mkdir(parents=True)
        (tmp_path / tree / "same" / "index.html").write_text("same")
    (tmp_path / "one" / "changed.html").write_text("a")
    (tmp_path / "two" / "changed.html").write_text("b")
    (tmp_path / "two" / "extra.html").write_text("only here")
    assert differences(snapshot(tmp_path / "one"), snapshot(tmp_path / "two")) == ["changed.html", "extra.html"]


def test_a_failed_or_stopped_command_says_why(tmp_path):
    failed = run([sys.executable, "-c", "print('first'); print('what went wrong'); raise SystemExit(3)"],
                 tmp_path, tmp_path / "failed.log")
    assert (failed.finished, failed.note) == (False, "exit 3: what went wrong")
    stopped = run([sys.executable, "-c", "import time; time.sleep(30)"], tmp_path, tmp_path / "slow.log", timeout=0.5)
    assert (stopped.finished, stopped.note) == (False, "stopped after 0.5 s (the time bound)")
    reached = run([sys.executable, "-c", "import time; print('search_index: 3 services', flush=True); time.sleep(30)"],
                  tmp_path, tmp_path / "reached.log", timeout=1)
    assert reached.note == "stopped after 1 s (the time bound); its last line: search_index: 3 services"
    finished = run([sys.executable, "-c", "print('fine')"], tmp_path, tmp_path / "fine.log")
    assert finished.finished and finished.cpu > 0 and finished.peak_mb > 1
    assert (tmp_path / "fine.log").read_text() == "fine\n"


def test_the_results_file_keeps_its_notes_around_the_table(tmp_path):
    results = tmp_path / "RESULTS.md"
    results.write_text("# Results\n\nNotes before.\n\n<!-- table: written by bench/build.py -->\nold table\n"
                       "<!-- end of table -->\n\nNotes after.\n")
    write_results(results, "new table")
    assert results.read_text() == ("# Results\n\nNotes before.\n\n<!-- table: written by bench/build.py -->\nnew table\n"
                                   "<!-- end of table -->\n\nNotes after.\n")


def test_the_national_table_has_a_place_of_its_own_and_leaves_the_other_table_alone(tmp_path):
    results = tmp_path / "RESULTS.md"
    results.write_text("# Results\n\n<!-- table: written by bench/build.py -->\nregional\n<!-- end of table -->\n\n"
                       "## 100,000 services\n")
    write_results(results, "national, first run", NATIONAL_TABLE)
    assert results.read_text() == (
        "# Results\n\n<!-- table: written by bench/build.py -->\nregional\n<!-- end of table -->\n\n"
        "## 100,000 services\n\n<!-- national table: written by bench/build.py -->\nnational, first run\n"
        "<!-- end of national table -->\n")
    write_results(results, "national, second run", NATIONAL_TABLE)
    write_results(results, "regional, second run", REGIONAL_TABLE)
    assert results.read_text() == (
        "# Results\n\n<!-- table: written by bench/build.py -->\nregional, second run\n<!-- end of table -->\n\n"
        "## 100,000 services\n\n<!-- national table: written by bench/build.py -->\nnational, second run\n"
        "<!-- end of national table -->\n")


def test_only_the_national_size_of_a_national_run_goes_to_the_national_table():
    national = argparse.Namespace(sizes=[1000], seed=1, national=True, timeout=1800.0, memory=None)
    regional = argparse.Namespace(sizes=[1000, NATIONAL], seed=1, national=False, timeout=1800.0, memory=None)
    assert [table_of(size, national) for size in (1000, NATIONAL)] == [REGIONAL_TABLE, NATIONAL_TABLE]
    assert table_of(NATIONAL, regional) == REGIONAL_TABLE


# A parent that starts a child holding about 200 MB, then waits for ever.
GREEDY_CHILD = """
import subprocess, sys, time
subprocess.Popen([sys.executable, "-c", "import time; held = b'x' * 200_000_000; time.sleep(60)"])
print("workers started", flush=True)
time.sleep(60)
"""


def test_a_command_whose_workers_hold_too_much_memory_is_stopped_with_them(tmp_path):
    stopped = run([sys.executable, "-c", GREEDY_CHILD], tmp_path, tmp_path / "greedy.log", timeout=30, memory_mb=100)
    assert not stopped.finished and stopped.cpu != stopped.cpu  # NaN: not measured
    assert stopped.note.startswith("stopped at ") and stopped.note.endswith(
        " MB (the memory bound, 100 MB); its last line: workers started")
    # The parent alone holds about 10 MB: only the child's memory, still being filled when it was
    # sampled (so no more exact figure than the bound), could have crossed the bound.
    assert stopped.peak_mb > 100


# A parent that fills 300 MB, then forks a worker that shares it (copy-on-write) and writes none of it.
SHARING_WORKER = """
import os, sys, time
held = bytearray(300_000_000)
for start in range(0, len(held), 4096):
    held[start] = 1
if os.fork() == 0:
    time.sleep(60)
    os._exit(0)
print("forked", flush=True)
time.sleep(60)
"""


def test_memory_a_forked_worker_shares_with_its_parent_counts_once(tmp_path):
    import subprocess
    process = subprocess.Popen([sys.executable, "-c", SHARING_WORKER], stdout=subprocess.PIPE, text=True)
    try:
        assert process.stdout.readline() == "forked\n"
        held = tree_memory_mb(process.pid)
        # Adding up resident sizes would give about 600 MB: the 300 MB counted in both processes.
        assert 280 < held < 400
    finally:
        process.kill()
        process.wait()


def test_the_table_repeats_the_options_of_its_run():
    national = argparse.Namespace(sizes=[], seed=1, national=True, timeout=1800.0, memory=6000.0)
    assert command_options(national) == " --seed 1 --national --timeout 1800 --memory 6000"
    sizes = argparse.Namespace(sizes=[1000], seed=2, national=False, timeout=600.0, memory=None)
    assert command_options(sizes) == " --sizes 1000 --seed 2 --timeout 600"


def test_validate_is_measured_from_no_cache_from_its_cache_and_after_one_change_in_the_sites_folder(tmp_path):
    write_providers(tmp_path / "providers", 12, 1)
    site = SimpleNamespace(folder=tmp_path, providers=tmp_path / "providers", size=12,
                           bounds={"timeout": 300, "memory_mb": None})
    project_cache = ROOT / "cache" / "validate.json"
    before = project_cache.stat().st_mtime_ns if project_cache.exists() else None
    rows = Rows(12)
    validations(site, rows, ("full build", None))
    assert [(what, result.finished) for what, result, *_ in rows] == [
        ("`localoffer validate`, every file, no cache", True),
        ("`localoffer validate`, nothing changed (its cache)", True),
        ("`localoffer validate`, one file changed", True)]
    assert (tmp_path / "validate-cache" / "validate.json").is_file()
    assert (project_cache.stat().st_mtime_ns if project_cache.exists() else None) == before
    # The warnings' count depends on today's date (reviews fall due), so the line is read up to it.
    assert (tmp_path / "validate-one.log").read_text().splitlines()[-1].startswith(
        "12 file(s) checked: 12 ready to publish, 0 with errors (0 error(s), ")
