"""The editorial report as Markdown, for a pull request's job summary.

Everything that comes from a provider file (problems quote what a provider
wrote; file names are the provider's too) is shown as plain text: on one line,
with the characters Markdown and HTML give a meaning to backslash-escaped, so
a provider cannot put a heading, link, picture or HTML into the summary.
"""

import re

from localoffer.written_yaml.problems import one_line

# ASCII punctuation that starts Markdown or HTML: emphasis, code, links and
# pictures, headings, tables, HTML and entities, and the `:`, `@` and `.` of
# automatic links (https://..., www.example.org, name@example.org).
_MARKUP = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>&~:@])")


def md_text(text):
    """Provider text as Markdown that renders as exactly that text."""
    return _MARKUP.sub(r"\\\1", one_line(text))


def md_name(text):
    """An id, a file or a field name in backticks (a code span shows its text as it is), or as
    escaped text when it holds a backtick."""
    text = one_line(text)
    return f"`{text}`" if "`" not in text else md_text(text)


def _date(value):
    return str(value) if re.fullmatch(r"\d{4}-\d{2}-\d{2}", str(value)) else md_text(value)


def _finding(finding, key):
    return finding.get(key) if isinstance(finding, dict) else getattr(finding, key, None)


def _place(finding):
    """`providers/x.yaml:12`: the file and, when known, the line."""
    line = _finding(finding, "line")
    return f"{_finding(finding, 'file')}:{line}" if line else _finding(finding, "file")


def summary_markdown(report):
    counts = report["summary"]
    lines = [
        "# Editorial report",
        "",
        f"{counts.get('published', 0)} published, {counts.get('draft', 0)} draft, "
        f"{counts.get('closed', 0)} closed, {counts.get('rejected', 0)} rejected.",
        "",
        "## What this change does to the published site",
        "",
    ]
    changes = report["changes"]
    if changes is None:
        lines.append(md_text(report["baseline_problem"] or "No baseline manifest was given, so changes cannot be shown."))
    elif not (changes["added"] or changes["removed"] or changes["changed"]):
        lines.append("No published service changes.")
    else:
        lines += [f"- Added: {md_name(service_id)}" for service_id in changes["added"]]
        lines += [f"- Removed: {md_name(service_id)}" for service_id in changes["removed"]]
        for service_id, fields in changes["changed"]:
            lines.append(f"- Changed: {md_name(service_id)}: " + ", ".join(md_name(name) for name, _, _ in fields))
    lines += ["", "## Problems", ""]
    if not report["with_problems"]:
        lines.append("None.")
    for review in report["with_problems"]:
        lines += [f"- Error: {md_text(problem)}" for problem in review.errors]
        lines += [f"- Warning: {md_text(problem)}" for problem in review.warnings]
    lines += ["", "## Review dates", ""]
    lines += [f"- Out of date: {md_name(r.file)} (last reviewed {_date(r.last_reviewed)})" for r in report["stale"]]
    lines += [f"- Due within a month: {md_name(r.file)} (last reviewed {_date(r.last_reviewed)})" for r in report["due"]]
    if not (report["stale"] or report["due"]):
        lines.append("None.")
    lines += ["", "## Gaps", ""]
    lines += [f"- {md_name(r.file)}: {md_text('; '.join(r.gaps))}" for r in report["with_gaps"]] or ["None."]
    lines += ["", "## Easy read", ""]
    lines += [
        f"- {md_name(_place(f))}: {md_text(_finding(f, 'where')) + ': ' if _finding(f, 'where') else ''}"
        f"{md_text(_finding(f, 'message'))}"
        for f in report["easy_read"]
    ] or ["None."]
    return "\n".join(lines) + "\n"
