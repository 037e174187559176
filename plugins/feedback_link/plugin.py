"""feedback_link: a Jinja global feedback_url(url, title) built from FEEDBACK_URL.

register() only connects signals; the work is in links.py. Receivers are
module-level functions because blinker holds them by weak reference.
"""

from pelican import signals

from .links import add_feedback_global, check_settings


def register():
    signals.initialized.connect(check_settings)
    signals.generator_init.connect(add_feedback_global)
