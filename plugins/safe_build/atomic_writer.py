"""Pelican's writer, writing every page whole or not at all.

Pelican opens each output file for writing (`Writer._open_w`), which empties
it at once: a build that is killed, or a second build, or a visitor while a
build runs, can meet half a page. This writer keeps Pelican's bookkeeping
(a file is written once unless `override` says otherwise) and writes each
file as `write_atomic` does: into a new file in the same folder, renamed over
the old one when it is complete.

Pelican uses one writer: a site that needs another plugin's writer loses
this one (Pelican logs "2 writers found, using only first one"). No plugin of
this project has one.
"""

import os
import tempfile

from pelican.utils import get_relative_path, path_to_url, sanitised_join
from pelican.writers import FileOverwriteFailedError, Writer, logger

from .rendering import PageJob, render_pages, set_local_site_url
from .settings import build_workers


class AtomicTextFile:
    """A text file that appears at `path` only when it is closed without an error."""

    def __init__(self, path, encoding):
        descriptor, self.temporary = tempfile.mkstemp(dir=os.path.dirname(path), prefix=f".{os.path.basename(path)}.", suffix=".tmp")
        self.path = path
        self.handle = os.fdopen(descriptor, "w", encoding=encoding)

    def write(self, text):
        return self.handle.write(text)

    def __enter__(self):
        return self

    def __exit__(self, kind, error, trace):
        self.handle.close()
        if kind is None:
            os.chmod(self.temporary, 0o644)
            os.replace(self.temporary, self.path)
        else:
            os.unlink(self.temporary)
        return False


class AtomicWriter(Writer):
    def _open_w(self, filename, encoding, override=False):
        if not self._claim(filename, override):
            return open(os.devnull, "w", encoding=encoding)  # noqa: SIM115 - Pelican's way of skipping a write
        return AtomicTextFile(filename, encoding)

    def keep_file(self, name, override_output=False):
        """A page a generator leaves as it is on disk (it knows the file is current): claimed as if
        written, so a second page at the same address is the error it would be; nothing is written."""
        self._claim(sanitised_join(self.output_path, name), override_output)

    def _claim(self, filename, override):
        """Pelican's own rules (pelican/writers.py, _open_w): False if the file is to be
        skipped, an error if it would be written twice without `override`."""
        if filename in self._overridden_files:
            if override:
                raise FileOverwriteFailedError(f'Failed to overwrite "{filename}" a second time (was previously overwritten)')
            logger.info('Skipping "%s", not overwriting', filename)
            return False
        if filename in self._written_files:
            if override:
                logger.info('Overwriting "%s"', filename)
            else:
                raise FileOverwriteFailedError(
                    f'Failed to overwrite "{filename}" as Pelican has already written to it previously '
                    "(set `override=True` if intended)")
        if override:
            self._overridden_files.add(filename)
        self._written_files.add(filename)
        return True


class QueuedWriter(AtomicWriter):
    """AtomicWriter that keeps each page a generator asks for, and renders them all
    (in worker processes when `workers` > 1, see rendering.py) when the generator's
    `generate_output` has finished: `render_queue` (plugin.py calls it).

    Pelican's paginated listings (a blog's index pages; this site has none) and
    every page when `workers` is 1 are rendered at once, as Pelican does.
    """

    def __init__(self, output_path, settings=None):
        super().__init__(output_path, settings)
        self.workers = build_workers(self.settings)
        self.queue = []

    def write_file(self, name, template, context, relative_urls=False, paginated=None, template_name=None,
                   override_output=False, url=None, **kwargs):
        if paginated is None:
            paginated = {key: value for key, value in kwargs.items() if key in {"articles", "dates"}}
        paginates = paginated and template_name in self.settings.get("PAGINATED_TEMPLATES", {})
        if self.workers <= 1 or not name or paginates:
            return super().write_file(name, template, context, relative_urls, paginated, template_name,
                                      override_output, url, **kwargs)
        path = sanitised_join(self.output_path, name)
        if self._claim(path, override_output):  # the same errors, in the same order, as writing at once
            job = PageJob(name, path, template, context, relative_urls, kwargs)
            self.queue.append(job)
            if relative_urls:  # as Pelican's writer does when it writes the page at once
                set_local_site_url(context, path_to_url(get_relative_path(name)))

    def render_queue(self):
        jobs, self.queue = self.queue, []
        if jobs:
            render_pages(jobs, self.workers, lambda path: AtomicTextFile(path, "utf-8"))
