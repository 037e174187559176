"""Run Pelican (the arguments after the first) and write the names of the templates it loaded, as JSON,
to the file named first: `python tests/record_templates.py loaded.json -s pelicanconf.py ...`.

Every template a page uses is loaded through Environment._load_template: the page's own, the one it
extends, and each include and import, so the record says which templates a real build rendered."""

import json
import sys

import jinja2
from pelican import main

loaded = set()
load_template = jinja2.Environment._load_template


def recording_load_template(self, name, globals):  # noqa: A002 - Jinja's own name
    if name not in loaded:
        loaded.add(name)
        # Written at once: pages are rendered in forked worker processes (safe_build), whose
        # own `loaded` is lost when they exit; every process appends to the same file.
        with open(sys.argv[1], "a", encoding="utf-8") as record:
            record.write(name + "\n")
    return load_template(self, name, globals)


jinja2.Environment._load_template = recording_load_template
open(sys.argv[1], "w").close()
try:
    main(sys.argv[2:])
finally:
    with open(sys.argv[1], encoding="utf-8") as record:
        loaded.update(record.read().split())
    with open(sys.argv[1], "w", encoding="utf-8") as record:
        json.dump(sorted(loaded), record)
