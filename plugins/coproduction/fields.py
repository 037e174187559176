"""Check one entry of a list file against its fields, collecting every problem.

Each kind of field has one sentence for each way it can be wrong, and every
sentence says what to write instead.
"""

import difflib
import re
from dataclasses import dataclass

from . import dates
from .personal_data import has_email, has_phone
from localoffer.written_yaml.problems import Problem, quoted

DATE_HINT = "a date such as 2026-09-30, or a month such as 2026-09"
ID_FORM = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")

# Nothing published may identify a person (SEND Regulations 2014, reg. 56); personal_data.py finds them.
PERSONAL_DATA = "because nothing published here may identify a person (SEND Regulations 2014, regulation 56)"


@dataclass(frozen=True)
class Field:
    name: str
    kind: str  # text, id, date, due, choice, list
    write: str  # what to write, for messages
    required: bool = True
    choices: tuple = ()


def check_entry(entry, path, fields, what, loaded, display_path):
    """Check one entry (a dict) at key path `path`.

    Returns (values, problems): values maps each field to its parsed value
    (text, WrittenDate, "ongoing", a list of text, or None when not written).
    `what` names an entry in messages ("a project").
    """
    line = loaded.line_of(path)
    if not isinstance(entry, dict):
        keys = ", ".join(f"`{field.name}:`" for field in fields if field.required)
        message = f"expected a section with keys indented below it ({keys}), not {_kind(entry)}"
        return {}, [Problem(display_path, line, path, message)]
    problems = []
    known = [field.name for field in fields]
    for key in entry:
        if key not in known:
            problems.append(Problem(display_path, loaded.line_of(path + (key,)), path + (key,),
                                    _unknown_key(key, known, what)))
    values = {}
    for field in fields:
        key_path = path + (field.name,)
        if field.name not in entry:
            values[field.name] = None
            if field.required:
                problems.append(Problem(display_path, line, key_path, f"is missing; add `{field.name}:` with {field.write}"))
            continue
        value, message = _check_value(entry[field.name], field)
        values[field.name] = value
        if message:
            problems.append(Problem(display_path, loaded.line_of(key_path), key_path, message))
    problems += personal_data_problems(entry, path, loaded, display_path)
    return values, problems


def _check_value(value, field):
    """(parsed value, None) or (None, message)."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None, (f"is empty; write {field.write}" if field.required else None)
    if field.kind == "list":
        if not isinstance(value, list):
            return None, f"expected a list, not {_kind(value)}; write {field.write}"
        if not value:
            return None, f"is an empty list; write {field.write}"
        if not all(isinstance(item, str) and item.strip() for item in value):
            return None, f"every item must be text on its own `- ` line; write {field.write}"
        return [" ".join(item.split()) for item in value], None
    if not isinstance(value, str):
        return None, f"expected text, not {_kind(value)}; write {field.write}"
    text = value.strip()
    if field.kind == "id" and not ID_FORM.fullmatch(text):
        return None, f"{quoted(text)} is not in the right form; write {field.write}"
    if field.kind in ("date", "due"):
        if field.kind == "due" and text == "ongoing":
            return "ongoing", None
        parsed = dates.parse(text)
        if parsed is None:
            return None, f"{quoted(text)} is not a date; write {field.write}"
        return parsed, None
    if field.kind == "choice" and text not in field.choices:
        matches = difflib.get_close_matches(text.lower(), field.choices, n=1, cutoff=0.6)
        guess = f"did you mean `{matches[0]}`? Or " if matches else ""
        return None, f"{quoted(text)} is not allowed here; {guess}write one of: {', '.join(field.choices)}"
    return text, None


def personal_data_problems(value, path, loaded, display_path):
    """An email address or phone number anywhere in an entry is refused."""
    if isinstance(value, dict):
        return [p for key, item in value.items()
                for p in personal_data_problems(item, path + (key,), loaded, display_path)]
    if isinstance(value, list):
        return [p for index, item in enumerate(value)
                for p in personal_data_problems(item, path + (index,), loaded, display_path)]
    if not isinstance(value, str):
        return []
    found = []
    if has_email(value):
        found.append(f"contains an email address; remove it, {PERSONAL_DATA}")
    if has_phone(value):
        found.append(f"contains a phone number; remove it, {PERSONAL_DATA}")
    return [Problem(display_path, loaded.line_of(path), path, message) for message in found]


def _unknown_key(key, known, what):
    matches = difflib.get_close_matches(str(key).lower(), known, n=1, cutoff=0.6)
    if matches:
        return f"{quoted(key)} is not a key of {what}; did you mean `{matches[0]}`?"
    return f"{quoted(key)} is not a key of {what}; the keys are: {', '.join(known)}"


def _kind(value):
    if isinstance(value, dict):
        return "a section"
    if isinstance(value, list):
        return "a list"
    return f"the text {quoted(value)}"
