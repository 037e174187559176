"""The key of each page an earlier build wrote, so a build leaves a page made of the same things as it is.

A plugin that writes a few pages from inputs it can name (a page key: the code, the
settings, the templates the page uses and what it shows) asks `is_current(save_as, key)`
for each, writes only those that are not, and calls `save()` once they are written.
The record is one JSON file in CACHE_PATH, {save_as: key}, removed when it is read: a
build that stops before `save()` leaves no record, so the next one writes every page
again rather than trust a key beside a page that build may have left half changed. A
page deleted by hand is written again (its file is looked for). The record holds the
pages asked about in this build only, so a page no longer written drops out.
"""

import logging
import os
import shutil
from pathlib import Path

from . import load_json, save_json

logger = logging.getLogger(__name__)


class WrittenPages:
    """`path`: the record's file; `output_path`: the folder the pages' save_as are relative to;
    `enabled`: False keeps nothing (every page is written, no record is read or saved);
    `label`: the plugin, for the warning when the record cannot be saved."""

    def __init__(self, path, output_path, label, enabled=True):
        self.path, self.output_path, self.label, self.enabled = Path(path), output_path, label, enabled
        kept = load_json(self.path, consume=True) if enabled else None
        self.kept = kept if isinstance(kept, dict) else {}
        self.keys = {}

    def is_current(self, save_as, key):
        """Whether the page at `save_as` was written from `key` and is still there; its key is kept either
        way. A key of None (a page that cannot be keyed) is never current."""
        self.keys[save_as] = key
        return (self.enabled and key is not None and self.kept.get(save_as) == key
                # os.path, not pathlib: it is asked once a page, and a Path a call cost more than the check.
                and os.path.isfile(os.path.join(self.output_path, save_as)))

    def save(self):
        if not self.enabled:
            return
        try:
            save_json(self.path, self.keys)
        except OSError as error:
            logger.warning("%s: could not save the build cache in %s: %s", self.label, self.path.parent, error)


def remove_page(output_path, save_as, label, why, whole_folder=False):
    """Remove the page at `save_as` that an earlier build wrote and this one does not, and the folders
    it leaves empty (a clean build would not make them), logging "<label>: removed <save_as>, <why>".
    `save_as` comes from a record in CACHE_PATH, which a pull request can plant: only a file inside
    the output folder is removed, never one a `..` or an absolute path names. `whole_folder`: a page
    that is its folder's index.html takes the folder with it (a service's page and its pictures).
    Returns whether a page was removed."""
    output = Path(output_path).resolve()
    page = (output / save_as).resolve()
    if output not in page.parents or not page.is_file():
        return False
    if whole_folder and page.name == "index.html" and page.parent != output:
        shutil.rmtree(page.parent)
        folder = page.parent.parent
    else:
        page.unlink()
        folder = page.parent
    while folder != output and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent
    logger.info("%s: removed %s, %s", label, save_as, why)
    return True
