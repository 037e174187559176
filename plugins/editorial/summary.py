"""The editorial report as Markdown, for a pull request's job summary."""


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
        lines.append(report["baseline_problem"] or "No baseline manifest was given, so changes cannot be shown.")
    elif not (changes["added"] or changes["removed"] or changes["changed"]):
        lines.append("No published service changes.")
    else:
        lines += [f"- Added: `{service_id}`" for service_id in changes["added"]]
        lines += [f"- Removed: `{service_id}`" for service_id in changes["removed"]]
        for service_id, fields in changes["changed"]:
            lines.append(f"- Changed: `{service_id}`: " + ", ".join(f"`{name}`" for name, _, _ in fields))
    lines += ["", "## Problems", ""]
    if not report["with_problems"]:
        lines.append("None.")
    for review in report["with_problems"]:
        for problem in review.errors + review.warnings:
            lines.append(f"- {'Error' if problem in review.errors else 'Warning'}: {problem}")
    lines += ["", "## Review dates", ""]
    lines += [f"- Out of date: `{r.file}` (last reviewed {r.last_reviewed})" for r in report["stale"]]
    lines += [f"- Due within a month: `{r.file}` (last reviewed {r.last_reviewed})" for r in report["due"]]
    if not (report["stale"] or report["due"]):
        lines.append("None.")
    lines += ["", "## Gaps", ""]
    lines += [f"- `{r.file}`: {'; '.join(r.gaps)}" for r in report["with_gaps"]] or ["None."]
    lines += ["", "## Easy read", ""]
    lines += [
        f"- `{_place(f)}`: {_finding(f, 'where') + ': ' if _finding(f, 'where') else ''}{_finding(f, 'message')}"
        for f in report["easy_read"]
    ] or ["None."]
    return "\n".join(lines) + "\n"
