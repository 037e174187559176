"""safe_build's rendering in worker processes (localoffer.safe_build.rendering), with real
Jinja templates and real forked processes: each page is rendered once, by a worker, and
a worker that fails stops the build with a message that names the page."""

import logging
import os

import pytest
from jinja2 import DictLoader, Environment, StrictUndefined

from localoffer.safe_build.atomic_writer import AtomicTextFile, QueuedWriter
from localoffer.safe_build import rendering
from localoffer.safe_build.rendering import PageJob, RenderingFailed, render_pages, runs
from localoffer.safe_build.settings import build_workers


def open_file(path):
    return AtomicTextFile(path, "utf-8")


def jobs_for(tmp_path, template, count):
    context = {"localsiteurl": "", "SITEURL": "", "process": os.getpid}
    return [PageJob(f"page-{number}.html", str(tmp_path / "out" / f"page-{number}.html"), template, context,
                    False, {"number": number}) for number in range(count)]


def environment(source):
    env = Environment(loader=DictLoader({"page.html": source}), undefined=StrictUndefined, autoescape=True)
    env.globals["stop_now"] = lambda code: os._exit(code)
    return env.get_template("page.html")


def test_each_page_is_rendered_once_by_a_worker_process(tmp_path):
    template = environment("{{ number }} {{ output_file }} {{ process() }}")
    render_pages(jobs_for(tmp_path, template, 12), 3, open_file)
    pages = {path.name: path.read_text().split() for path in (tmp_path / "out").iterdir()}
    assert sorted(pages) == sorted(f"page-{number}.html" for number in range(12))
    assert all(words[:2] == [name.split("-")[1].split(".")[0], name] for name, words in pages.items())
    processes = {int(words[2]) for words in pages.values()}
    assert len(processes) == 3 and os.getpid() not in processes
    # Each worker renders a run of neighbouring pages: 0-3, 4-7, 8-11.
    assert [len({pages[f"page-{number}.html"][2] for number in run}) for run in (range(0, 4), range(4, 8), range(8, 12))] == [1, 1, 1]


def test_the_workers_runs_are_of_neighbouring_jobs_and_cover_every_job_once(monkeypatch):
    jobs = list(range(10))
    assert runs(jobs, 3) == [[0, 1, 2], [3, 4, 5], [6, 7, 8, 9]]
    assert runs(jobs, 4) == [[0, 1], [2, 3, 4], [5, 6], [7, 8, 9]]
    # No run is longer than PAGES_PER_WORKER: more runs than workers, as near the same length as can be.
    monkeypatch.setattr(rendering, "PAGES_PER_WORKER", 3)
    assert runs(jobs, 2) == [[0, 1], [2, 3, 4], [5, 6], [7, 8, 9]]
    assert runs(jobs[:6], 2) == [[0, 1, 2], [3, 4, 5]]


def test_a_worker_renders_one_run_and_the_next_run_gets_a_new_worker(tmp_path, monkeypatch):
    # A worker's memory grows with what its pages touch; a new worker starts again from the build process.
    monkeypatch.setattr(rendering, "PAGES_PER_WORKER", 3)
    template = environment("{{ number }} {{ output_file }} {{ process() }}")
    render_pages(jobs_for(tmp_path, template, 12), 2, open_file)
    pages = {path.name: path.read_text().split() for path in (tmp_path / "out").iterdir()}
    assert sorted(pages) == sorted(f"page-{number}.html" for number in range(12))
    process = [int(pages[f"page-{number}.html"][2]) for number in range(12)]
    assert [len(set(process[start:start + 3])) for start in range(0, 12, 3)] == [1, 1, 1, 1]
    assert len(set(process)) == 4 and os.getpid() not in process


def test_a_failure_names_the_worker_among_every_run_and_removes_the_batch(tmp_path, monkeypatch):
    monkeypatch.setattr(rendering, "PAGES_PER_WORKER", 2)
    template = environment("{% if number == 5 %}{{ no_such_value }}{% endif %}{{ number }}")
    with pytest.raises(RenderingFailed) as raised:
        render_pages(jobs_for(tmp_path, template, 12), 2, open_file)
    assert str(raised.value) == (
        'safe_build: rendering "page-5.html" failed in worker 3 of 6: UndefinedError: \'no_such_value\' is undefined')
    assert list((tmp_path / "out").iterdir()) == []


def test_one_worker_renders_in_the_build_process(tmp_path):
    template = environment("{{ process() }}")
    render_pages(jobs_for(tmp_path, template, 12), 1, open_file)
    assert {path.read_text() for path in (tmp_path / "out").iterdir()} == {str(os.getpid())}


def test_a_failing_page_stops_the_build_naming_the_page_and_removes_the_batch(tmp_path):
    template = environment("{% if number == 5 %}{{ no_such_value }}{% endif %}{{ number }}")
    jobs = jobs_for(tmp_path, template, 8)
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "page-0.html").write_text("the previous build's page")
    with pytest.raises(RenderingFailed) as raised:
        render_pages(jobs, 2, open_file)
    assert str(raised.value) == (
        'safe_build: rendering "page-5.html" failed in worker 2 of 2: UndefinedError: \'no_such_value\' is undefined')
    # The generators' caches count these pages as written: none is left as an older build wrote it.
    assert list((tmp_path / "out").iterdir()) == []


def test_a_worker_that_dies_stops_the_build(tmp_path):
    template = environment("{% if number == 2 %}{{ stop_now(3) }}{% endif %}{{ number }}")
    with pytest.raises(RenderingFailed) as raised:
        render_pages(jobs_for(tmp_path, template, 8), 2, open_file)
    assert str(raised.value) == (
        "safe_build: rendering worker 1 of 2 stopped (exit code 3) before it had written all its pages")


def test_the_writer_queues_pages_and_keeps_pelicans_rule_against_writing_a_file_twice(tmp_path):
    template = environment("{{ number }}")
    writer = QueuedWriter(str(tmp_path), {"LOCAL_OFFER_BUILD_WORKERS": 2})
    context = {"localsiteurl": "", "SITEURL": ""}
    for number in range(10):
        writer.write_file(f"p/{number}.html", template, context, number=number)
    assert not (tmp_path / "p").exists()
    with pytest.raises(Exception, match='as Pelican has already written to it previously'):
        writer.write_file("p/3.html", template, context, number=3)
    writer.render_queue()
    assert [(tmp_path / "p" / f"{number}.html").read_text() for number in range(10)] == [str(n) for n in range(10)]
    assert writer.queue == []


def test_the_number_of_workers(caplog):
    cores = len(os.sched_getaffinity(0))
    assert build_workers({}) == cores
    assert build_workers({"LOCAL_OFFER_BUILD_WORKERS": None}) == cores
    assert build_workers({"LOCAL_OFFER_BUILD_WORKERS": 3}) == 3
    with caplog.at_level(logging.ERROR):
        assert build_workers({"LOCAL_OFFER_BUILD_WORKERS": "two"}) == cores
    assert caplog.messages == [
        "safe_build: LOCAL_OFFER_BUILD_WORKERS must be a whole number of processes, 1 or more, or None for one "
        f"per core; got 'two'; {cores} (one per core) is used"]
