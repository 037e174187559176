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

from pelican.writers import FileOverwriteFailedError, Writer, logger


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
        # Pelican's own rules (pelican/writers.py), with an atomic file at the end.
        if filename in self._overridden_files:
            if override:
                raise FileOverwriteFailedError(f'Failed to overwrite "{filename}" a second time (was previously overwritten)')
            logger.info('Skipping "%s", not overwriting', filename)
            return open(os.devnull, "w", encoding=encoding)  # noqa: SIM115 - Pelican's way of skipping a write
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
        return AtomicTextFile(filename, encoding)
