"""Check provider files against the template and collect every problem.

Nothing here raises for a provider's mistake: each file gives back its data
(when it is good enough to publish) and all of its problems, so that one run
reports every problem in every file.
"""

import datetime
import os
from dataclasses import dataclass, field
from pathlib import Path

from jsonschema import Draft202012Validator

from localoffer.cache_files import digest
from localoffer.written_yaml.bounded import MAX_FILE_BYTES, read_bounded
from localoffer.written_yaml.loader import load_file
from localoffer.written_yaml.problems import ERROR, content_problem

from .coerce import compile_coerce
from .images import MAX_PIXELS, picture_problem
from .loader import field_lines
from .messages import problems_from_error
from .rules import check_rules
from .schema import inline_refs, site_schema
from .schema_check import compile_valid


@dataclass
class CheckedFile:
    path: Path
    display_path: str
    data: dict = None  # the coerced data; None when the file could not be read
    problems: list = field(default_factory=list)
    lines: dict = field(default_factory=dict)  # the line of each field, "service.cost.free" -> 12 (loader.field_lines)
    # The size and time of each picture the file names, when it was checked: a cached
    # result holds only while they are the same (picture_stamps).
    pictures: list = field(default_factory=list)

    @property
    def ok(self):
        return self.data is not None and not any(p.severity == ERROR for p in self.problems)

    @property
    def status(self):
        if isinstance(self.data, dict) and self.data.get("status") in ("draft", "closed"):
            return self.data["status"]
        return "published"


class ProviderChecker:
    """Checks provider files for one council's vocabularies and build date."""

    def __init__(self, categories, areas, build_date=None, display_root=None, stale_before=None,
                 max_file_bytes=MAX_FILE_BYTES, max_picture_pixels=MAX_PIXELS):
        self.max_file_bytes = max_file_bytes
        self.max_picture_pixels = max_picture_pixels
        self.schema = site_schema(categories, areas)
        flat = inline_refs(self.schema)
        self.validator = Draft202012Validator(flat)
        self.valid = compile_valid(flat)  # None: every file goes through jsonschema
        self.coerce = compile_coerce(self.schema)
        self.build_date = build_date or datetime.date.today()
        self.stale_before = stale_before
        self.display_root = Path(display_root).resolve() if display_root else None
        # What each picture's check found, by its folder and stamp: a picture several files
        # show (an organisation's logo) is decoded once a run.
        self._picture_problems_found = {}

    def display_path(self, path):
        """The path as an editor sees it: `providers/<file>.yaml`, relative to the project."""
        path = Path(path)
        if self.display_root:
            try:
                return path.absolute().relative_to(self.display_root).as_posix()
            except ValueError:
                pass
        return f"{path.parent.name}/{path.name}"

    def check_file(self, path):
        path = Path(path)
        shown = self.display_path(path)
        loaded, problems = load_file(path, shown, empty_hint="copy providers/_template.yaml and fill it in",
                                     max_bytes=self.max_file_bytes)
        checked = CheckedFile(path, shown, problems=list(problems))
        if path.suffix != ".yaml":
            message = f"provider files end in .yaml; rename this file to {path.stem}.yaml"
            checked.problems.append(content_problem(shown, 1, (), message))
        if loaded is None:
            return checked
        data = self.coerce(loaded.data)
        # jsonschema only for a file the quick check says no to: it finds where, and what, is wrong.
        errors = [] if self.valid and self.valid(data) else sorted(self.validator.iter_errors(data), key=_error_order)
        for error in errors:
            checked.problems.extend(problems_from_error(error, loaded, shown, self.schema))
        rule_problems = check_rules(data, loaded, shown, path.stem, path.parent, self.build_date, self.stale_before)
        checked.problems.extend(rule_problems)
        checked.pictures = picture_stamps(path, data)
        checked.problems.extend(self._picture_problems(data, loaded, shown, path.parent, rule_problems))
        checked.problems.sort(key=lambda problem: (problem.line, problem.where, problem.message))
        checked.data = data if isinstance(data, dict) else None
        checked.lines = field_lines(loaded.lines)
        return checked

    def _picture_problems(self, data, loaded, shown, providers_dir, known):
        """Open each picture the rules found in providers/, as the build will."""
        reported = {problem.path for problem in known}
        problems = []
        images = data.get("images") if isinstance(data, dict) else None
        for index, image in enumerate(images if isinstance(images, list) else []):
            path = ("images", index, "file")
            if isinstance(image, dict) and isinstance(image.get("file"), str) and path not in reported:
                problem = self._picture_problem(Path(providers_dir), image["file"])
                if problem:
                    problems.append(content_problem(shown, loaded.line_of(path), path, problem))
        return problems

    def _picture_problem(self, providers_dir, name):
        stamp = _picture_stamp(providers_dir, name)
        key = (str(providers_dir), stamp)
        if key not in self._picture_problems_found:
            problem = picture_problem(providers_dir / name, name, self.max_picture_pixels)
            if stamp.endswith(":missing"):
                return problem
            self._picture_problems_found[key] = problem
        return self._picture_problems_found[key]

    def file_digest(self, path):
        """A digest of what `check_file` reads of `path` (never more than the limit)."""
        data, refusal = read_bounded(path, self.max_file_bytes)
        return digest(data if refusal is None else refusal)

    def check_folder(self, folder):
        return [self.check_file(path) for path in provider_files(folder)]


def picture_stamps(path, data):
    """Size and time of each picture a provider file names (or that it is missing)."""
    return stamps_of(path, picture_names(data))


def picture_names(data):
    """The name of each picture a provider file's data names, in order (what its stamps are of)."""
    images = data.get("images") if isinstance(data, dict) else None
    return [image["file"] for image in (images if isinstance(images, list) else [])
            if isinstance(image, dict) and isinstance(image.get("file"), str)]


def stamps_of(path, names):
    """The stamps of the pictures `names`, which the provider file at `path` names."""
    if not names:
        return []
    # A rebuild asks this of every file it keeps: no new Path when it has one.
    folder = path.parent if isinstance(path, Path) else Path(path).parent
    return [_picture_stamp(folder, name) for name in names]


def _picture_stamp(folder, name):
    try:
        stat = (folder / name).stat()
        return f"{name}:{stat.st_size}:{stat.st_mtime_ns}"
    except (OSError, ValueError):
        return f"{name}:missing"


def provider_files(folder):
    """Every provider file in `folder`, in a stable order. `_template.yaml` and other
    files starting with `_` or `.` are never published."""
    folder = Path(folder)
    # The names that Path.glob("*.yaml") and ("*.yml") give (folders and links too: the check says
    # what is wrong with them), from one os.scandir: glob made a Path of every name it tried.
    try:
        with os.scandir(folder) as entries:
            names = [entry.name for entry in entries]
    except OSError:  # no such folder, or not one: no files, as glob finds none
        return []
    # The order of the names is the order of the paths themselves, all in one folder.
    return [folder / name for name in sorted(names)
            if name.endswith((".yaml", ".yml")) and not name.startswith(("_", "."))]


def _error_order(error):
    return [str(part) for part in error.absolute_path], error.validator
