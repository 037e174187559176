"""Read what another directory publishes: a file, a folder of files or an
http(s) address, holding a page of services (`contents` in Open Referral 3.0,
`content` before), a bare list of services or one service.

An address is fetched with a time limit and a size limit; a page that says
there are more pages is followed, and a listed service that lacks its nested
parts (places, contacts, times) is fetched in full from `<list>/<id>`, as an
Open Referral client does.
"""

import json
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode, urlsplit, urlunsplit, parse_qsl

TIMEOUT_SECONDS = 30
MAX_BYTES = 50 * 1024 * 1024
MAX_PAGES = 500
NESTED = ("service_at_locations", "contacts", "schedules", "regular_schedules", "attributes", "service_taxonomys",
          "cost_options", "eligibilitys", "languages", "service_areas")


@dataclass
class Entry:
    """One item of the source, as read: `where` says where it came from, for the report."""
    where: str
    value: object


class SourceError(Exception):
    pass


def read_source(source, timeout=TIMEOUT_SECONDS, max_bytes=MAX_BYTES):
    """(entries, problems): every item found, and a line for each part that could not be read."""
    if source.startswith(("http://", "https://")):
        return _read_address(source, timeout, max_bytes)
    path = Path(source)
    if path.is_dir():
        return _read_folder(path)
    if path.is_file():
        return _read_file(path)
    return [], [f"{source}: no such file or folder, and not an http(s) address"]


def _read_folder(folder):
    """Every .json file in the folder. A listed service without its nested parts is read
    in full from `<folder>/<id>/index.json` when that is there, as in a static feed's
    `services/` folder (this site's own, for one)."""
    entries, problems = [], []
    for file in sorted(folder.glob("*.json")):
        found, trouble = _read_file(file)
        entries += found
        problems += trouble
    for entry in entries:
        value = entry.value
        if isinstance(value, dict) and isinstance(value.get("id"), str) and not any(k in value for k in NESTED):
            full = folder / value["id"] / "index.json"
            if full.is_file() and full.parent.parent == folder:
                found, trouble = _read_file(full)
                entry.value = found[0].value if len(found) == 1 else value
                problems += trouble
    if not entries and not problems:
        problems.append(f"{folder}: no .json files in this folder")
    return entries, problems


def _read_file(path):
    try:
        document = json.loads(path.read_text(encoding="utf-8-sig"))
    except OSError as error:
        return [], [f"{path}: could not be read: {error.strerror}"]
    except ValueError as error:
        return [], [f"{path}: not JSON ({error})"]
    return _items(document, str(path))


def _items(document, where):
    """The services in one document, or a problem if it holds none."""
    if isinstance(document, dict):
        for key in ("contents", "content"):
            if isinstance(document.get(key), list):
                return [Entry(f"{where} entry {i}", item) for i, item in enumerate(document[key], 1)], []
        if "name" in document or "id" in document:
            return [Entry(where, document)], []
    if isinstance(document, list):
        return [Entry(f"{where} entry {i}", item) for i, item in enumerate(document, 1)], []
    return [], [f"{where}: not a service, a list of services or a page of services"]


def _fetch(address, timeout, max_bytes):
    request = urllib.request.Request(address, headers={"Accept": "application/json", "User-Agent": "localoffer-import-oruk"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            data = response.read(max_bytes + 1)
    except urllib.error.HTTPError as error:
        raise SourceError(f"{address}: the server answered {error.code} {error.reason}") from None
    except (urllib.error.URLError, OSError) as error:
        reason = getattr(error, "reason", error)
        raise SourceError(f"{address}: could not be fetched: {reason}") from None
    if len(data) > max_bytes:
        raise SourceError(f"{address}: larger than {max_bytes} bytes, so it was not read")
    try:
        return json.loads(data.decode("utf-8-sig"))
    except ValueError as error:
        raise SourceError(f"{address}: not JSON ({error})") from None


def _read_address(address, timeout, max_bytes):
    try:
        document = _fetch(address, timeout, max_bytes)
        if isinstance(document, dict) and "openapi_url" in document and "version" in document:
            # The API root of a feed: its services are at services/.
            address = address.rstrip("/") + "/services/"
            document = _fetch(address, timeout, max_bytes)
        entries, problems = _items(document, address)
        pages = document.get("total_pages") if isinstance(document, dict) else None
        if isinstance(pages, int) and pages > 1:
            for number in range(2, min(pages, MAX_PAGES) + 1):
                more, trouble = _items(_fetch(_with_page(address, number), timeout, max_bytes), _with_page(address, number))
                entries += more
                problems += trouble
    except SourceError as error:
        return [], [str(error)]
    for entry in entries:
        if isinstance(entry.value, dict) and isinstance(entry.value.get("id"), str) and not any(k in entry.value for k in NESTED):
            try:
                entry.value = _fetch(_detail_address(address, entry.value["id"]), timeout, max_bytes)
            except SourceError as error:
                problems.append(f"{error}; the list's summary of the service is used")
    return entries, problems


def _with_page(address, number):
    parts = urlsplit(address)
    query = [(k, v) for k, v in parse_qsl(parts.query) if k != "page"] + [("page", str(number))]
    return urlunsplit(parts._replace(query=urlencode(query)))


def _detail_address(list_address, service_id):
    """`/services` -> `/services/<id>`; a static feed's `/services/` -> `/services/<id>/`."""
    parts = urlsplit(list_address)
    slash = "/" if parts.path.endswith("/") else ""
    return urlunsplit(parts._replace(path=parts.path.rstrip("/") + "/" + service_id + slash, query=""))
