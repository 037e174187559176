"""Pages rendered in worker processes, one per core, with the same bytes as one process.

A build spends most of its time turning templates into HTML, one page after
another, on one core. The writer (atomic_writer.QueuedWriter) does not render
a page when a generator asks for it: it notes the page (a `PageJob`), and when
the generator's `generate_output` has finished, `render_pages` renders the
notes. With more than one worker it forks the build process (the "fork" start
method), so each worker starts with the templates, the services and the
context as they are, copy-on-write, and nothing is pickled. The jobs are cut
into runs of neighbouring jobs (`runs`: at least one a worker, at most
PAGES_PER_WORKER jobs each); worker `k` of `n` renders the `k`-th run and exits,
at most `workers` run at a time, and the next is forked as one ends, so each
page is rendered exactly once, and each worker writes its files itself
(atomically). The parent waits for all of them and stops the build with
`RenderingFailed` if one fails (no other worker is started then).

What a worker does is lost when it exits, so nothing that a later step reads
may happen only while a page is rendered: the caches are kept by the generators,
a service's pictures are written to the output by the worker that renders its
page (nothing after it reads them: service_directory/images.py), and a value a template
works out on first use (a `cached_property`) is simply worked out again by the
parent if it needs it. Pelican's `content_written` signal is sent by the
parent, in the order the pages were queued, once they are on disk.
"""

import gc
import itertools
import logging
import multiprocessing
import multiprocessing.connection
import os
import time
import traceback

from pelican import signals
from pelican.utils import get_relative_path, path_to_url

from .free_memory import give_back_free_memory

logger = logging.getLogger(__name__)

# A worker gets at least this many pages, or the build process renders them itself: forking
# costs more than it saves (the search page, the open data page, ...).
SMALLEST_SHARE = 4
# A worker renders at most this many pages and exits; the next run of pages gets a new worker
# (runs()). At 10,000 services with 2 workers, the workers then held about 100 MB more than the
# build process at the most, where workers that rendered every page held 320 MB more (and 3.2 GB
# at 100,000); a new worker costs a fork and a first page or two that work out what the last
# one had (500 pages a worker held little less, and made twice as many).
PAGES_PER_WORKER = 1000


class RenderingFailed(Exception):
    """A page could not be rendered in a worker process; the build stops."""


class PageJob:
    """One `write_file` call of a generator, kept until its generator has finished."""

    __slots__ = ("name", "path", "template", "context", "relative_urls", "kwargs")

    def __init__(self, name, path, template, context, relative_urls, kwargs):
        self.name, self.path, self.template = name, path, template
        self.context, self.relative_urls, self.kwargs = context, relative_urls, kwargs

    def local_context(self):
        # Pelican's Writer.write_file, _get_localcontext: the page's own copy of the context.
        local = self.context.copy()
        local["localsiteurl"] = local.get("localsiteurl", None)
        if self.relative_urls:
            relative_url = path_to_url(get_relative_path(self.name))
            local["SITEURL"] = relative_url
            local["localsiteurl"] = relative_url
        local["output_file"] = self.name
        local.update(self.kwargs)
        return local

    def render(self, open_file):
        """Render the page and write it through `open_file(path)`; returns its context."""
        local = self.local_context()
        if local["localsiteurl"]:
            set_local_site_url(self.context, local["localsiteurl"])
        output = self.template.render(local)
        os.makedirs(os.path.dirname(self.path), exist_ok=True)
        with open_file(self.path) as handle:
            handle.write(output)
        logger.info('Writing "%s"', self.path)
        return local


def set_local_site_url(shared, url):
    """Pelican's writer (_write_file) leaves Pelican's own `localsiteurl` key of the shared
    context as the last page set it, and Content objects make their relative links from it;
    so does this writer. It is Pelican's key, not one a plugin adds (tests/test_contract.py)."""
    shared["localsiteurl"] = url


def render_pages(jobs, workers, open_file):
    """Render and write every job: here when `workers` is 1 or there are few
    jobs, else in `workers` forked processes. Then send `content_written` for each."""
    workers = min(workers, len(jobs) // SMALLEST_SHARE)
    if workers <= 1:
        try:
            for job in jobs:
                local = job.render(open_file)
                signals.content_written.send(job.path, context=local)
        except BaseException:
            _remove_unfinished(jobs)
            raise
        return
    started = time.perf_counter()
    _render_in_workers(jobs, workers, open_file)
    logger.debug("safe_build: %d pages rendered by %d workers in %.2f s", len(jobs), workers, time.perf_counter() - started)
    if signals.content_written.receivers:
        for job in jobs:
            signals.content_written.send(job.path, context=job.local_context())


def _render_in_workers(jobs, workers, open_file):
    give_back_free_memory()  # the workers start from the build process's size: no larger than it need be
    # Objects the workers inherit are left out of their garbage collections: a
    # collection that walks them would touch, and so copy, every page of memory.
    # gc.unfreeze() thaws everything, so objects the build had already frozen (collector.py: what the
    # generators' contexts made) stay frozen with these until the next build starts.
    thaw_after = gc.get_freeze_count() == 0
    gc.freeze()
    try:
        _start_and_wait(jobs, workers, open_file)
    finally:
        if thaw_after:
            gc.unfreeze()


def _start_and_wait(jobs, workers, open_file):
    """Fork a worker for each run of `runs(jobs, workers)`, at most `workers` at a time, the
    next as soon as one has finished; after a failure no other run is started."""
    fork = multiprocessing.get_context("fork")
    pending = runs(jobs, workers)
    count = len(pending)
    started = {}  # the pipe a worker reports on -> (its number, its process)
    failures = []  # (number, (message, traceback))

    def start(number):
        receiving, sending = fork.Pipe(duplex=False)
        process = fork.Process(target=_render_share, args=(pending[number], number, count, open_file, sending),
                               name=f"localoffer-render-{number + 1}", daemon=True)
        process.start()
        sending.close()  # the parent's copy: the pipe reports end of file if the worker dies
        started[receiving] = (number, process)

    following = iter(range(count))
    for number in itertools.islice(following, workers):
        start(number)
    while started:
        # In the order of their numbers, so that what is reported does not depend on timing.
        for receiving in sorted(multiprocessing.connection.wait(list(started)), key=lambda pipe: started[pipe][0]):
            number, process = started.pop(receiving)
            try:
                report = receiving.recv()
            except EOFError:
                report = None
            process.join()
            receiving.close()
            if report is not None:
                failures.append((number, report))
            elif process.exitcode != 0:
                failures.append((number, (f"safe_build: rendering worker {number + 1} of {count} stopped "
                                          f"(exit code {process.exitcode}) before it had written all its pages", "")))
            if not failures:
                for following_number in itertools.islice(following, 1):
                    start(following_number)
    if failures:
        _remove_unfinished(jobs)
        message, details = min(failures)[1]
        logger.debug("safe_build: the worker's traceback:\n%s", details)
        raise RenderingFailed(message)


def _render_share(run, number, count, open_file, sending):
    """In worker `number` of `count`: render its run of jobs; send None when all are written, or what went wrong."""
    job, parent = None, os.getppid()
    try:
        for job in run:
            if os.getppid() != parent:  # the build was stopped: its pages are not wanted
                os._exit(1)
            job.render(open_file)
    except BaseException as error:  # noqa: BLE001 - whatever stops a worker must reach the parent
        sending.send((f'safe_build: rendering "{job.name}" failed in worker {number + 1} of {count}: '
                      f"{type(error).__name__}: {error}", traceback.format_exc()))
        sending.close()
        return
    sending.send(None)
    sending.close()


def runs(jobs, workers):
    """The runs of neighbouring jobs, one for each worker process, in order: at least `workers`
    of them, of at most PAGES_PER_WORKER jobs, as near the same length as can be.

    Neighbouring jobs, not every n-th job: a worker's memory grows with each service and template its
    pages touch (the copy-on-write pages it writes to, what a page works out on first use),
    and neighbouring pages share them (a provider's services, one generator's templates), so
    a run touches far fewer of them: rendering 10,000 service pages with 2 workers, the build
    process and its workers held 732 MB at the most instead of 931 MB (their Pss summed).
    And a run has an end: what a worker copied is given back when it exits, so the workers
    together hold what `workers` runs touch, however many pages there are."""
    count = max(workers, -(-len(jobs) // PAGES_PER_WORKER))
    return [jobs[len(jobs) * index // count:len(jobs) * (index + 1) // count] for index in range(count)]


def _remove_unfinished(jobs):
    """After a failure no page of the batch is left as the previous build wrote it: the
    generators' caches already count these pages as written, and a missing page is
    written again by the next build, while an old one would be kept."""
    for job in jobs:
        try:
            os.unlink(job.path)
        except FileNotFoundError:
            pass
