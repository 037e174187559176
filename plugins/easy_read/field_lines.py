"""The line of each field in a provider file, for the findings.

The file is read with the same loader service_directory checks it with
(written_yaml), which records the line of every key and list item, and only
when a page has a finding to report: most pages have none.
"""

import re

from localoffer.written_yaml.loader import load_file

_PART = re.compile(r"([^.\[\]]+)|\[(\d+)\]")


def field_path(where):
    """`easy_read.points[2].text` -> ("easy_read", "points", 2, "text")."""
    return tuple(int(index) if index else key for key, index in _PART.findall(where))


class FieldLines:
    def __init__(self, source_path, display_path):
        self.source_path = source_path
        self.display_path = display_path
        self._loaded = False
        self._file = None

    def line(self, where):
        """The line of the field named `where` (or of its nearest parent), or
        None for a part of the page that is not a field ("page")."""
        path = field_path(where)
        if not path or where in ("page", "summary"):
            return None
        if not self._loaded:
            self._loaded = True
            self._file, _ = load_file(self.source_path, self.display_path)
        if self._file is None or (path[0],) not in self._file.lines:
            return None
        return self._file.line_of(path)
