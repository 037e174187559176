"""A problem found in a file someone wrote, and how editors read it.

Every problem is one line: `<file>:<line>: <where>: <what is wrong and what to
write>`, so an editor (or GitHub) can jump straight to it.
"""

from dataclasses import dataclass

ERROR = "error"
WARNING = "warning"

# Problems that stop the file being read at all are reported apart from
# problems with what the file says.
PARSE = "parse"
CONTENT = "content"


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    line: int
    path: tuple
    message: str
    severity: str = ERROR
    kind: str = CONTENT

    @property
    def where(self):
        """The key path as a provider writes it: `service.age_range.min`, `locations[0].postcode`."""
        return key_path_text(self.path)

    def __str__(self):
        return f"{self.file}:{self.line}: {self.where}: {self.message}"


def key_path_text(path):
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else str(part)
    return text or "(file)"


def content_problem(file, line, path, message, severity=ERROR):
    return Problem(file, line, tuple(path), message, severity, CONTENT)
