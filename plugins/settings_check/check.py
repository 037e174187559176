"""Compare a site's settings with the known ones: a warning for an unknown name, an error for a wrong type.

A setting's type is its default's: a setting whose default is None may be
anything, and any setting may be None (the plugin that reads it says what None
means). Each plugin still checks the values of its own settings.
"""

import difflib
import os

# (types a value may have, words for the message), by the default's type; bool before int,
# since True is an int.
KINDS = (
    (bool, (bool, int), "True or False"),
    (int, (int,), "a whole number"),
    (float, (int, float), "a number"),
    (str, (str, os.PathLike), "text in quotes"),
    (dict, (dict,), "a dictionary, {...}"),
    ((list, tuple), (list, tuple), "a list, [...]"),
)


def expected_kind(default):
    """(accepted types, words) for a default, or None when any type will do."""
    for default_type, accepted, words in KINDS:
        if isinstance(default, default_type):
            return accepted, words
    return None


def wrong_type(name, value, default):
    kind = expected_kind(default)
    if value is None or kind is None:
        return None
    accepted, words = kind
    if isinstance(value, accepted) and not (isinstance(value, bool) and bool not in accepted):
        return None
    return f"settings: {name} must be {words}, like its default {default!r}; got {value!r} ({type(value).__name__})"


def unknown(name, known):
    close = difflib.get_close_matches(name, known, n=1, cutoff=0.75)
    if close:
        return f"settings: {name} is not a setting localoffer or Pelican knows; did you mean {close[0]}?"
    return f"settings: {name} is not a setting localoffer or Pelican knows, so nothing reads it"


def problems(settings, known):
    """(warnings, errors) for `settings`, in the order of their names."""
    warnings, errors = [], []
    for name in sorted(settings):
        if not name.isupper():
            continue
        if name not in known:
            warnings.append(unknown(name, known))
        elif (message := wrong_type(name, settings[name], known[name])) is not None:
            errors.append(message)
    return warnings, errors
