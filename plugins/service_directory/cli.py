"""`invoke validate`: check provider files without building the site.

It uses the same checker as the build, with the council's vocabularies from
the settings file, so a file that passes here publishes there.
"""

from pathlib import Path

from .problems import ERROR, PARSE
from .settings import build_date
from .validate import ProviderChecker, provider_files


def files_to_check(paths):
    """Expand folders into their provider files; keep named files as they are."""
    found = []
    for path in map(Path, paths):
        found.extend(provider_files(path) if path.is_dir() else [path])
    return found


def validate_paths(paths, settings, display_root):
    checker = ProviderChecker(
        settings["LOCAL_OFFER_CATEGORIES"], settings["LOCAL_OFFER_AREAS"],
        build_date(settings), display_root=display_root,
    )
    return [checker.check_file(path) for path in files_to_check(paths)]


def human_report(results):
    """The report an editor reads: unreadable files first, then every other problem, then a count."""
    lines = []
    parse = [p for r in results for p in r.problems if p.kind == PARSE and p.severity == ERROR]
    other = [p for r in results for p in r.problems if p not in parse]
    if parse:
        lines.append("Files that could not be read:")
        lines.extend(f"  {problem}" for problem in parse)
    if other:
        lines.append("Problems:")
        lines.extend(f"  {problem}" + (" (warning)" if problem.severity != ERROR else "") for problem in other)
    bad = sum(1 for result in results if not result.ok)
    errors = sum(1 for r in results for p in r.problems if p.severity == ERROR)
    warnings = sum(1 for r in results for p in r.problems if p.severity != ERROR)
    lines.append(
        f"{len(results)} file(s) checked: {len(results) - bad} ready to publish, "
        f"{bad} with errors ({errors} error(s), {warnings} warning(s))"
    )
    return "\n".join(lines)


def exit_code(results):
    return 1 if any(not result.ok for result in results) else 0
