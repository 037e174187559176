"""removed_pages: a rebuild removes the pages of Markdown files that are gone.

register() only connects signals; the work is in pages.py. Receivers are
module-level functions because blinker holds them by weak reference.
"""

from pelican import signals

from .pages import note_content_pages, remove_pages_no_longer_built


def register():
    signals.all_generators_finalized.connect(note_content_pages)
    signals.finalized.connect(remove_pages_no_longer_built)
