"""settings_check: warn about settings nobody reads, and stop settings of the wrong type.

register() only connects the signal; the work is in known.py and check.py.
It is the first of localoffer.PLUGINS, so it sees the settings as the site
wrote them, before any plugin fills in its defaults.
"""

import logging

from pelican import signals

from .check import problems
from .known import known_settings

log = logging.getLogger(__name__)


def check_site_settings(pelican):
    warnings, errors = problems(pelican.settings, known_settings(pelican.settings.get("PLUGINS") or []))
    for message in warnings:
        log.warning(message)
    for message in errors:
        log.error(message)


def register():
    signals.initialized.connect(check_site_settings)
