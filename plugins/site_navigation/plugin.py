"""site_navigation: the content pages every page's menu and footer link to, worked out once a build,
and the header, menu and footer rendered once for every page that shows the same ones.

register() only connects signals; the work is in links.py and chrome.py. Receivers are
module-level functions because blinker holds them by weak reference.
"""

from pelican import signals

from .chrome import add_template_globals
from .links import add_navigation_pages


def register():
    signals.generator_init.connect(add_template_globals)
    signals.all_generators_finalized.connect(add_navigation_pages)
