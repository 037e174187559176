"""removed_pages: a rebuild removes the pages of Markdown files that are gone, and leaves those
whose key did not change as they are.

register() only connects signals; the work is in pages.py and kept_pages.py. Receivers are
module-level functions because blinker holds them by weak reference.
"""

from pelican import signals

from .kept_pages import keep_unchanged_pages, save_kept_pages
from .pages import note_content_pages, remove_pages_no_longer_built


def register():
    signals.all_generators_finalized.connect(note_content_pages)
    signals.all_generators_finalized.connect(keep_unchanged_pages)
    signals.finalized.connect(remove_pages_no_longer_built)
    signals.finalized.connect(save_kept_pages)
