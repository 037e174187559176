"""A problem found in a file someone wrote, and how editors read it.

Every problem is one line: `<file>:<line>: <where>: <what is wrong and what to
write>`, so an editor (or GitHub) can jump straight to it.

What a file says is untrusted: it is shown through `quoted` (at most
QUOTE_LIMIT characters, control characters written out) and every problem's
line goes through `one_line`, so no value can add a line to a log, start a
GitHub Actions workflow command (`::warning file=...`) or fill the log with a
megabyte.
"""

import re
import unicodedata
from dataclasses import dataclass

ERROR = "error"
WARNING = "warning"

# Problems that stop the file being read at all are reported apart from
# problems with what the file says.
PARSE = "parse"
CONTENT = "content"

QUOTE_LIMIT = 80
_WORKFLOW_COMMAND = re.compile(r":(?=:)")
_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def one_line(text):
    """`text` as one line of plain text: line breaks, control and invisible
    format characters written as escapes, and `::` written `:\\:`."""
    text = str(text)
    if text.isprintable() and "::" not in text:
        return text  # the usual case, without building a new string
    shown = "".join(
        _ESCAPES.get(character) or (
            f"\\u{ord(character):04x}" if unicodedata.category(character) in ("Cc", "Cf", "Cs", "Co", "Zl", "Zp", "Cn")
            else character
        )
        for character in text
    )
    return _WORKFLOW_COMMAND.sub(":\\\\", shown)


def quoted(value, limit=QUOTE_LIMIT):
    """A value from a file, as a message shows it: in backticks, on one line,
    cut to `limit` characters (then `…` and how long it was)."""
    text = value if isinstance(value, str) else str(value)
    if len(text) > limit:
        return f"`{one_line(text[:limit])}…` ({len(text)} characters)"
    return f"`{one_line(text)}`"


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
        return one_line(f"{self.file}:{self.line}: {self.where}: {self.message}")


def key_path_text(path):
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            part = str(part)
            part = part if len(part) <= QUOTE_LIMIT else part[:QUOTE_LIMIT] + "…"
            text += f".{part}" if text else part
    return one_line(text) or "(file)"


def content_problem(file, line, path, message, severity=ERROR):
    return Problem(file, line, tuple(path), message, severity, CONTENT)
