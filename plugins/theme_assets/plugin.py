"""theme_assets: build the theme's CSS and copy the front-end files it serves.

register() only connects signals; the work is in build.py, settings.py,
sass.py, vendor.py and council.py (and the compiled templates every generator shares
in localoffer.cache_files.templates).
"""

from pelican import signals

from .build import add_theme_globals, build_assets, keep_template_references, share_templates


def register():
    # initialized runs before any generator, so the files are in theme/static
    # before Pelican's static generator copies that folder into the output.
    signals.initialized.connect(build_assets)
    signals.generator_init.connect(add_theme_globals)
    signals.generator_init.connect(share_templates)
    signals.finalized.connect(keep_template_references)
