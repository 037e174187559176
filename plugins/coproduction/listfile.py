"""Read a file that holds one list of entries under a top-level key.

An entry with a problem is left out and reported; the other entries are still
published, as service_directory does with provider files.
"""

from dataclasses import dataclass, field

from .fields import check_entry
from localoffer.written_yaml.loader import load_file
from localoffer.written_yaml.problems import Problem, quoted


@dataclass
class ListFile:
    display_path: str
    found: bool = True
    entries: list = field(default_factory=list)  # (key path, values, line) of each good entry
    problems: list = field(default_factory=list)
    rejected: int = 0


def read_list_file(path, display_path, top_key, fields, what, extra_checks=()):
    """Read `path`; each `extra_checks(path, values, loaded, display_path)` returns more problems for an entry."""
    result = ListFile(display_path)
    if not path.is_file():
        result.found = False
        return result
    loaded, problems = load_file(path, display_path)
    result.problems += problems
    if loaded is None:
        return result
    data = loaded.data
    if not isinstance(data, dict) or top_key not in data:
        result.problems.append(Problem(display_path, 1, (),
                                       f"the file must start with `{top_key}:` and list each entry below it"))
        return result
    for key in data:
        if key != top_key:
            result.problems.append(Problem(display_path, loaded.line_of((key,)), (key,),
                                           f"{quoted(key)} is not a key of the file; the only key is `{top_key}`"))
    entries = data[top_key]
    if entries is None:
        return result  # `projects:` with nothing under it: an empty list
    if not isinstance(entries, list):
        result.problems.append(Problem(display_path, loaded.line_of((top_key,)), (top_key,),
                                       f"expected a list, with each entry starting `- ` on its own line"))
        return result
    broken = {problem.path[:2] for problem in problems if len(problem.path) >= 2}  # e.g. duplicate keys
    for index, entry in enumerate(entries):
        entry_path = (top_key, index)
        values, entry_problems = check_entry(entry, entry_path, fields, what, loaded, display_path)
        if not entry_problems:
            for check in extra_checks:
                entry_problems += check(entry_path, values, loaded, display_path)
        result.problems += entry_problems
        if entry_problems or entry_path in broken:
            result.rejected += 1
        else:
            result.entries.append((entry_path, values, loaded.line_of(entry_path)))
    result.problems.sort(key=lambda problem: problem.line)
    return result
