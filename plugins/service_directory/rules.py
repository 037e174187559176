"""Rules about a provider file that a JSON Schema cannot say.

Each rule runs only on data the schema has already accepted at that place, and
returns problems in the same shape as the schema's.
"""

import datetime
import re
from pathlib import Path

from localoffer.written_yaml.problems import ERROR, WARNING, content_problem, quoted

# Markdown from providers may not carry HTML: tags, comments or entities that hide tags.
RAW_HTML = re.compile(r"<\s*/?\s*[A-Za-z!][^>]*>")
LEVEL_ONE_HEADING = re.compile(r"^#(?!#)\s", re.MULTILINE)
MARKDOWN_FIELDS = [
    ("service", "description"),
    ("service", "how_to_access", "details"),
    ("service", "how_to_complain"),
] + [("service", "send_support", part) for part in (
    "how_we_support", "staff_training", "involving_families", "measuring_progress", "moving_on")]


# The A to Z of services is in pages, page 2 on at services/page-2/ (pagination.py), where a service's
# page is services/<id>/: a service with such an id would take a listing page's address.
LISTING_PAGE_ID = re.compile(r"page-(?:[2-9]|[1-9][0-9]+)")  # page 1 is the listing itself, page-01 no page

CONTACT_FIELDS = [("contact", key) for key in ("phone", "textphone", "email", "website")] + [("organisation", "website")]


def check_rules(data, loaded, display_path, file_stem, providers_dir, build_date, stale_before=None):
    problems = []

    def report(path, message, severity=ERROR):
        problems.append(content_problem(display_path, loaded.line_of(path), path, message, severity))

    if not isinstance(data, dict):
        return problems
    service = data.get("service") if isinstance(data.get("service"), dict) else {}

    file_id = data.get("id")
    if isinstance(file_id, str) and file_id != file_stem:
        report(("id",), f"{quoted(file_id)} does not match the file name {file_stem}.yaml; write id: {file_stem} or rename the file to {file_id[:80]}.yaml")
    if isinstance(file_id, str) and LISTING_PAGE_ID.fullmatch(file_id):
        report(("id",), f"{quoted(file_id)} is the address of a page of the A to Z (services/{file_id}/); write an id that names the "
                        "service, e.g. riverside-speech-dropin, and rename the file to match")

    ages = service.get("age_range")
    if isinstance(ages, dict) and _is_int(ages.get("min")) and _is_int(ages.get("max")) and ages["min"] > ages["max"]:
        report(("service", "age_range", "max"), f"{ages['max']} is less than min ({ages['min']}); write the oldest age, at least {ages['min']}")

    for key in ("needs", "areas"):
        values = service.get(key)
        if isinstance(values, list) and "all" in values and len(values) > 1:
            report(("service", key), f"lists `all` with other {key}; write [all] on its own, or list only the {key}")

    for index, times in enumerate(service.get("opening_times") or []):
        if isinstance(times, dict) and _is_time(times.get("opens")) and _is_time(times.get("closes")):
            if times["closes"] <= times["opens"]:
                path = ("service", "opening_times", index, "closes")
                report(path, f"`{times['closes']}` is not after the opening time `{times['opens']}`; write the closing time, 24-hour, e.g. 17:00")

    for path in MARKDOWN_FIELDS:
        text = _get(data, path)
        if not isinstance(text, str):
            continue
        if RAW_HTML.search(text):
            report(path, "has HTML in it, which is not allowed; use Markdown instead, e.g. **bold**, - list item, [link text](https://...)")
        if LEVEL_ONE_HEADING.search(text):
            report(path, "has a level-1 heading (# ...); start headings at level 2: ## Heading")

    reviewed = data.get("last_reviewed")
    if isinstance(reviewed, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", reviewed):
        try:
            day = datetime.date.fromisoformat(reviewed)
        except ValueError:
            report(("last_reviewed",), f"`{reviewed}` is not a real date; write a date such as 2026-09-01")
        else:
            if day > build_date:
                report(("last_reviewed",), f"`{reviewed}` is in the future; write the date you last checked this file, {build_date.isoformat()} or earlier")
            elif stale_before and day < stale_before:
                report(("last_reviewed",), f"`{reviewed}` is before {stale_before.isoformat()}, so families are told this may be out of date; "
                       "check every field with the service, then write the date you checked", WARNING)

    # A line break would end up inside a mailto: or https: address.
    for path in CONTACT_FIELDS:
        text = _get(data, path)
        if isinstance(text, str) and ("\n" in text or "\r" in text):
            report(path, "is written over more than one line; write it on one line, after the colon")

    for index, image in enumerate(data.get("images") or []):
        if isinstance(image, dict) and isinstance(image.get("file"), str):
            problem = _image_problem(providers_dir, image["file"])
            if problem:
                report(("images", index, "file"), problem)
    return problems


def _image_problem(providers_dir, relative):
    base = Path(providers_dir).resolve()
    target = (base / relative).resolve()
    if base not in target.parents:
        return f"{quoted(relative)} is outside providers/; put the picture in providers/images/ and write images/<name>"
    if not target.is_file():
        return f"{quoted(relative)} is not in providers/; add the picture there or correct the file name"
    return None


def _get(data, path):
    for key in path:
        if not isinstance(data, dict):
            return None
        data = data.get(key)
    return data


def _is_int(value):
    return isinstance(value, int) and not isinstance(value, bool)


def _is_time(value):
    return isinstance(value, str) and re.fullmatch(r"([01]\d|2[0-3]):[0-5]\d", value) is not None
