"""The pinned front-end files the theme serves, copied from node_modules into theme/static/vendor.

Pelican copies theme/static into the output's theme/ folder. GOV.UK
Frontend's fonts and images are not copied: the site does not use GDS
Transport or the GOV.UK crest.
"""

import shutil

# (source under node_modules, name under theme/static/vendor)
VENDOR_FILES = (
    ("govuk-frontend/dist/govuk/govuk-frontend.min.js", "govuk-frontend.min.js"),
    ("lunr/lunr.min.js", "lunr.min.js"),
    ("lunr/LICENSE", "lunr-LICENSE.txt"),
)


def stale_vendor_files(node_modules, vendor_dir, files=VENDOR_FILES):
    """The (source, target) pairs whose target is missing or differs from the source."""
    pairs = [(node_modules / source, vendor_dir / target) for source, target in files]
    for source, _ in pairs:
        if not source.is_file():
            raise FileNotFoundError(f"{source} is missing; run `make setup` (it runs `npm ci`)")
    return [(source, target) for source, target in pairs
            if not target.is_file() or target.read_bytes() != source.read_bytes()]


def copy_vendor_files(node_modules, vendor_dir, files=VENDOR_FILES):
    """Copy each file whose content changed; return the names copied."""
    vendor_dir.mkdir(parents=True, exist_ok=True)
    copied = []
    for source, target in stale_vendor_files(node_modules, vendor_dir, files):
        shutil.copyfile(source, target)
        copied.append(target.name)
    return copied
