"""Copy the pinned front-end files from node_modules into theme/static/vendor.

Pelican then copies theme/static into the output's theme/ folder. GOV.UK
Frontend's fonts and images are not copied: the site does not use GDS
Transport or the GOV.UK crest.
"""

import logging
import shutil

log = logging.getLogger(__name__)

# (source under node_modules, name under theme/static/vendor)
VENDOR_FILES = (
    ("govuk-frontend/dist/govuk/govuk-frontend.min.js", "govuk-frontend.min.js"),
    ("lunr/lunr.min.js", "lunr.min.js"),
    ("lunr/LICENSE", "lunr-LICENSE.txt"),
)


def copy_vendor_files(node_modules, vendor_dir, files=VENDOR_FILES):
    """Copy each file whose content changed; return the names copied."""
    vendor_dir.mkdir(parents=True, exist_ok=True)
    copied = []
    for source_name, target_name in files:
        source = node_modules / source_name
        target = vendor_dir / target_name
        if not source.is_file():
            log.error("theme_assets: %s is missing; run `make setup`", source)
            continue
        if target.is_file() and target.read_bytes() == source.read_bytes():
            continue
        shutil.copyfile(source, target)
        copied.append(target_name)
    if copied:
        log.info("theme_assets: copied %s into %s", ", ".join(copied), vendor_dir)
    return copied
