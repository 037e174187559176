"""Check provider files against the template and collect every problem.

Nothing here raises for a provider's mistake: each file gives back its data
(when it is good enough to publish) and all of its problems, so that one run
reports every problem in every file.
"""

import datetime
from dataclasses import dataclass, field
from pathlib import Path

from jsonschema import Draft202012Validator

from .coerce import coerce
from localoffer.written_yaml.loader import load_file
from .messages import problems_from_error
from localoffer.written_yaml.problems import ERROR, content_problem
from .rules import check_rules
from .schema import inline_refs, site_schema


@dataclass
class CheckedFile:
    path: Path
    display_path: str
    data: dict = None  # the coerced data; None when the file could not be read
    problems: list = field(default_factory=list)

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

    def __init__(self, categories, areas, build_date=None, display_root=None, stale_before=None):
        self.schema = site_schema(categories, areas)
        self.validator = Draft202012Validator(inline_refs(self.schema))
        self.build_date = build_date or datetime.date.today()
        self.stale_before = stale_before
        self.display_root = Path(display_root).resolve() if display_root else None

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
        loaded, problems = load_file(path, shown, empty_hint="copy providers/_template.yaml and fill it in")
        checked = CheckedFile(path, shown, problems=list(problems))
        if path.suffix != ".yaml":
            message = f"provider files end in .yaml; rename this file to {path.stem}.yaml"
            checked.problems.append(content_problem(shown, 1, (), message))
        if loaded is None:
            return checked
        data = coerce(loaded.data, self.schema, self.schema)
        for error in sorted(self.validator.iter_errors(data), key=_error_order):
            checked.problems.extend(problems_from_error(error, loaded, shown, self.schema))
        checked.problems.extend(
            check_rules(data, loaded, shown, path.stem, path.parent, self.build_date, self.stale_before)
        )
        checked.problems.sort(key=lambda problem: (problem.line, problem.where, problem.message))
        checked.data = data if isinstance(data, dict) else None
        return checked

    def check_folder(self, folder):
        return [self.check_file(path) for path in provider_files(folder)]


def provider_files(folder):
    """Every provider file in `folder`, in a stable order. `_template.yaml` and other
    files starting with `_` or `.` are never published."""
    folder = Path(folder)
    return sorted(
        path
        for pattern in ("*.yaml", "*.yml")
        for path in folder.glob(pattern)
        if not path.name.startswith(("_", "."))
    )


def _error_order(error):
    return [str(part) for part in error.absolute_path], error.validator
