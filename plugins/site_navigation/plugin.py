"""site_navigation: the content pages every page's menu and footer link to, worked out once a build.

register() only connects signals; the work is in links.py. Receivers are
module-level functions because blinker holds them by weak reference.
"""

from pelican import signals

from .links import add_navigation_pages


def register():
    signals.all_generators_finalized.connect(add_navigation_pages)
