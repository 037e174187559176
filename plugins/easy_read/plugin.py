"""easy_read: an easy-read page for every service and Markdown twins of key
pages, with pictures, checked against the easy-read rules.

register() only connects signals; the work is in the other modules.
Receivers are module-level functions because blinker holds them weakly.
"""

from pelican import signals

from .content_pages import give_twin_its_own_slug
from .generator import EasyReadGenerator
from .settings import apply_defaults


def set_defaults(pelican):
    apply_defaults(pelican.settings)


def get_generators(pelican):
    return EasyReadGenerator


def register():
    signals.initialized.connect(set_defaults)
    signals.get_generators.connect(get_generators)
    signals.content_object_init.connect(give_twin_its_own_slug)
