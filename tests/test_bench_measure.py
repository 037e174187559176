"""bench/measure.py and bench/build.py's results file: the parts a benchmark's figures rest on."""

import sys

from bench.build import write_results
from bench.measure import differences, output_parts, run, snapshot


def test_the_output_is_weighed_by_part(tmp_path):
    files = {
        "services/a/index.html": 10, "services/a/easy-read/index.html": 4, "services/a/club.png": 3,
        "services/index.html": 5, "needs/asd/index.html": 6, "search/data/terms/au.json": 7,
        "search/data/store/0.json": 2, "search/data/manifest.json": 1, "manifest.json": 8,
        "theme/css/main.css": 9, "privacy/index.html": 1,
        "open-referral/services/0f1e/index.json": 12, "open-data/services.csv": 6,
    }
    for name, size in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes(b"x" * size)
    assert output_parts(tmp_path) == [
        ("service pages", 1, 10), ("easy read", 1, 4), ("service pictures", 1, 3),
        ("search index (terms)", 1, 7), ("search result store", 1, 2), ("search filters and manifest", 1, 1),
        ("listings (A to Z, categories, needs, ages, areas)", 2, 11), ("manifest.json (editorial)", 1, 8),
        ("open data", 2, 18), ("theme (CSS, JavaScript, fonts)", 1, 9), ("content pages and the rest", 1, 1),
    ]


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
