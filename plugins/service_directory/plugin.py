"""Connect service_directory to Pelican's signals; the work is in the other modules."""

from pelican import signals

from .generator import ServiceGenerator
from .settings import apply_defaults


def set_defaults(pelican):
    apply_defaults(pelican.settings)


def get_generators(pelican):
    return ServiceGenerator


def register():
    signals.initialized.connect(set_defaults)
    signals.get_generators.connect(get_generators)
