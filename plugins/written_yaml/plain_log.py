"""Keep the build log plain text, whatever a file says.

Problems quote what providers wrote, and Pelican logs through rich, whose
highlighting runs regular expressions over every message: over a megabyte of
text that takes minutes. A line of a log can also be read by GitHub Actions
as a workflow command (`::warning file=...::`). So every record reaching the
log's handlers is made plain: each line written out with `one_line` (control
characters escaped, `::` written `:\\:`) and cut to MAX_LINE characters, and
rich's highlighting is turned off.
"""

import logging

from .problems import one_line

MAX_LINE = 2000


class PlainText(logging.Filter):
    def filter(self, record):
        message = record.getMessage()
        plain = "\n".join(_line(line) for line in message.split("\n"))
        if plain != message:
            record.msg, record.args = plain, ()
        return True


def _line(text):
    if len(text) > MAX_LINE:
        text = f"{text[:MAX_LINE]}… ({len(text)} characters)"
    return one_line(text)


PLAIN_TEXT = PlainText()


def make_log_plain():
    """Put the filter on every handler of the root logger (Pelican's rich
    handler included), and switch rich's highlighting off."""
    for handler in logging.getLogger().handlers:
        if PLAIN_TEXT not in handler.filters:
            handler.addFilter(PLAIN_TEXT)
        if hasattr(handler, "highlighter"):
            from rich.highlighter import NullHighlighter

            handler.highlighter = NullHighlighter()
        if hasattr(handler, "markup"):
            handler.markup = False
