"""A problem found in a co-production or feedback file.

Every problem is one line, `<file>:<line>: <key path>: <what is wrong and what
to write>`, so an editor (or GitHub) can jump straight to it.
"""

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    line: int
    path: tuple
    message: str

    def __str__(self):
        return f"{self.file}:{self.line}: {key_path_text(self.path)}: {self.message}"


def key_path_text(path):
    """The key path as an editor writes it: `projects[2].due`; `(file)` for the whole file."""
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else str(part)
    return text or "(file)"
