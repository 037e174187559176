"""Connect coproduction to Pelican's signals; the work is in the other modules.

Receivers are module-level functions because blinker holds them weakly.
"""

from pelican import signals

from .generator import CoproductionGenerator
from .settings import apply_defaults


def set_defaults(pelican):
    apply_defaults(pelican.settings)


def get_generators(pelican):
    return CoproductionGenerator


def register():
    signals.initialized.connect(set_defaults)
    signals.get_generators.connect(get_generators)
