"""`import-oruk`: read another directory's Open Referral feed and write one
provider file per service, then report what happened to every entry.

Two runs on the same input write the same bytes: ids come from the service
names in the source's order (a repeated name gets -2, -3, ...), and nothing
in a file depends on the time or the machine, except the review date a
source leaves out (today, with a TO DO).
"""

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from . import ids
from .html_markdown import to_markdown
from .import_convert import convert
from .import_fields import Fields, unused_fields
from .import_sources import read_source
from .provider_yaml import provider_yaml


@dataclass
class ImportResult:
    source: str
    read: int = 0
    converted: list = field(default_factory=list)  # (where, path)
    drafts: list = field(default_factory=list)  # (where, path)
    skipped: list = field(default_factory=list)  # (where, reason)
    not_written: list = field(default_factory=list)  # paths that were already there
    written: list = field(default_factory=list)  # paths
    left: list = field(default_factory=list)  # (path, comment line)
    unmapped: Counter = field(default_factory=Counter)
    problems: list = field(default_factory=list)  # parts of the source that could not be read
    notes: list = field(default_factory=list)  # problems with the mapping file
    invalid: list = field(default_factory=list)  # lines from `validate` for files that do not pass


def import_services(source, out, mapping, categories, areas, today, force=False):
    result = ImportResult(source)
    result.notes = list(mapping.notes)
    entries, result.problems = read_source(source)
    result.read = len(entries)
    out = Path(out)
    seen, taken = {}, set()
    for entry in entries:
        if not isinstance(entry.value, dict):
            result.skipped.append((entry.where, "not a service (a JSON object)"))
            continue
        used = set()
        fields = Fields(entry.value, "", used)
        name, description = fields.text("name"), fields.text("description")
        if not name:
            result.skipped.append((entry.where, "no name"))
            continue
        if not description or not to_markdown(description):  # nothing but markup, or only a script
            result.skipped.append((entry.where, f'"{name}": no description'))
            continue
        organisation = entry.value.get("organization") if isinstance(entry.value.get("organization"), dict) else {}
        source_id = entry.value.get("id")
        key = ("id", str(source_id)) if source_id else ("name", name.casefold(), str(organisation.get("name", "")).casefold())
        if key in seen:
            result.skipped.append((entry.where, f'"{name}": duplicate of {seen[key]}'))
            continue
        seen[key] = entry.where
        conversion = convert(fields, mapping, categories, areas, today)
        result.unmapped.update(unused_fields(entry.value, used))
        file_id = _unique(ids.slug(name)[:80].strip("-") or "service", taken)
        conversion.data["id"] = file_id
        path = out / f"{file_id}.yaml"
        comments = {}
        for lines in (conversion.todo, conversion.check):
            for where, text in lines.items():
                comments.setdefault(where, []).extend(text)
        header = ["Imported from an Open Referral feed by `localoffer import-oruk`."]
        if source_id:
            header.append(f"The source's id for this service: {source_id}")
        if conversion.is_draft:
            header.append("A draft until every TO DO below is done: then remove the TO DO lines and status: draft.")
        text = provider_yaml(conversion.data, comments, header)
        (result.drafts if conversion.is_draft else result.converted).append((entry.where, path))
        result.left += [(path, line) for lines in comments.values() for line in lines]
        if path.exists() and not force:
            result.not_written.append(path)
            continue
        out.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        result.written.append(path)
    return result


def _unique(base, taken):
    candidate, number = base, 1
    while candidate in taken:
        number += 1
        suffix = f"-{number}"
        candidate = base[: 80 - len(suffix)].rstrip("-") + suffix
    taken.add(candidate)
    return candidate


def report_lines(result):
    """The report an editor reads, one fact a line."""
    lines = [f"import-oruk: {result.read} entries read from {result.source}"]
    lines += [f"Could not read: {problem}" for problem in result.problems]
    lines += [f"Mapping file: {note}" for note in result.notes]
    lines.append(f"Converted: {len(result.converted)}")
    lines.append(f"Converted as drafts: {len(result.drafts)}")
    lines.append(f"Skipped: {len(result.skipped)}")
    lines += [f"  {where}: {reason}" for where, reason in result.skipped]
    lines.append(f"Written: {len(result.written)}")
    if result.not_written:
        lines.append(f"Not written, already there (use --force to replace): {len(result.not_written)}")
        lines += [f"  {path}" for path in result.not_written]
    if result.left:
        lines.append("Left for the editor:")
        lines += [f"  {path}: {line}" for path, line in result.left]
    if result.unmapped:
        lines.append("Source fields not mapped (services that had them):")
        lines += [f"  {name}: {count}" for name, count in sorted(result.unmapped.items())]
    if result.invalid:
        lines.append("Written files that do not pass validate (please report this as a bug):")
        lines += [f"  {line}" for line in result.invalid]
    return lines
