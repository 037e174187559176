"""`invoke validate`: check provider files without building the site.

It uses the same checker as the build, with the council's vocabularies from
the settings file, so a file that passes here publishes there. Three formats:
`human` for people, `github` for GitHub Actions annotations on the pull
request's files, `json` for other tools.
"""

import json
from pathlib import Path

from localoffer.written_yaml.problems import ERROR, PARSE
from localoffer.written_yaml.bounded import MAX_FILE_BYTES

from .check_cache import CheckCache, check_files, checker_fingerprint
from .images import MAX_PIXELS
from .settings import build_date, months_before
from .validate import ProviderChecker, provider_files

FORMATS = ("human", "github", "json")


def files_to_check(paths):
    """Expand folders into their provider files; keep named files as they are."""
    found = []
    for path in map(Path, paths):
        # A folder named like a provider file is checked as one, and reported as a folder.
        found.extend(provider_files(path) if path.is_dir() and path.suffix not in (".yaml", ".yml") else [path])
    return found


def checker_for(settings, display_root):
    today = build_date(settings)
    return ProviderChecker(
        settings["LOCAL_OFFER_CATEGORIES"], settings["LOCAL_OFFER_AREAS"], today,
        display_root=display_root,
        stale_before=months_before(today, settings.get("SERVICES_STALE_AFTER_MONTHS", 12)),
        max_file_bytes=settings.get("SERVICES_MAX_FILE_BYTES", MAX_FILE_BYTES),
        max_picture_pixels=settings.get("SERVICES_MAX_PICTURE_PIXELS", MAX_PIXELS),
    )


def validate_paths(paths, settings, display_root, cache_path=None, workers=None, warn=None):
    """Every file's CheckedFile, in order. With `cache_path`, unchanged files are
    not checked again (check_cache.py); `warn` is told of a cache that could not
    be read or saved. `workers` processes check the rest (default: by the files
    and cores)."""
    checker = checker_for(settings, display_root)
    cache = CheckCache(cache_path, checker_fingerprint(checker)) if cache_path else None
    results = check_files(checker, files_to_check(paths), cache, workers)
    for message in cache.warnings if cache else []:
        (warn or print)(message)
    return results


def _counts(results):
    errors = sum(1 for r in results for p in r.problems if p.severity == ERROR)
    warnings = sum(1 for r in results for p in r.problems if p.severity != ERROR)
    bad = sum(1 for result in results if not result.ok)
    return bad, errors, warnings


def summary_line(results):
    bad, errors, warnings = _counts(results)
    return (
        f"{len(results)} file(s) checked: {len(results) - bad} ready to publish, "
        f"{bad} with errors ({errors} error(s), {warnings} warning(s))"
    )


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
    lines.append(summary_line(results))
    return "\n".join(lines)


def github_report(results):
    """One workflow command per problem, so GitHub marks the file and line in the pull request."""
    lines = []
    for result in results:
        for problem in result.problems:
            level = "error" if problem.severity == ERROR else "warning"
            properties = f"file={_property(problem.file)},line={problem.line},title={_property(problem.where)}"
            lines.append(f"::{level} {properties}::{_data(problem.message)}")
    lines.append(summary_line(results))
    return "\n".join(lines)


def json_report(results):
    bad, errors, warnings = _counts(results)
    document = {
        "files": [
            {
                "file": result.display_path,
                "status": result.status if result.data is not None else None,
                "ready": result.ok,
                "problems": [
                    {"line": p.line, "where": p.where, "severity": p.severity, "kind": p.kind, "message": p.message}
                    for p in result.problems
                ],
            }
            for result in results
        ],
        "summary": {"files": len(results), "ready": len(results) - bad, "with_errors": bad,
                    "errors": errors, "warnings": warnings},
    }
    return json.dumps(document, indent=2, ensure_ascii=False)


REPORTS = {"human": human_report, "github": github_report, "json": json_report}


def exit_code(results, strict=False):
    """1 when a file would be left out; with `strict`, also when there is any warning."""
    bad, _, warnings = _counts(results)
    return 1 if bad or (strict and warnings) else 0


def _data(text):
    # GitHub's workflow-command escaping for the message part.
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text):
    return _data(text).replace(":", "%3A").replace(",", "%2C")
