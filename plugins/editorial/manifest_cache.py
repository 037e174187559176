"""manifest.json, made again only where a service changed.

Making the manifest reads every published service's record field by field
(`written_data`, then `flatten`): most of a second at 2,000 services, and a
30 MB file to write at 10,000, on every build. Two things in CACHE_PATH spare that:

- `editorial-written.json` (cache_files.WrittenRecord) keeps the key of the
  manifest on disk: the plugins' code, the settings, and every published
  service's id and provider file digest (`source_sha`), in order. When the
  key is the same and the file is there, it is left as it is.
- `editorial.sqlite` (cache_files.entries) keeps each service's line, keyed by
  its id and `source_sha`, so a rebuild after one provider file changed makes
  that service's line and reads the others.

The record also names the key of each line of the manifest on disk, in order,
with its length in bytes and the file's digest (cache_files/joined.py), so a
rebuild takes the lines of unchanged services from the file itself, as slices
of its bytes, and reads the cache only for the others (a manifest removed, of
another build, or changed since it was written). At 10,000 services that
file is 30 MB: splitting and checking it line by line, then joining and
encoding it again, took 0.9 s.

A record is made from its provider file alone (with the plugins' code and the
settings, which are the fingerprint of both), so the same digest means the
same line. A service without a `source_sha` is never kept. The file written is
the one `manifest.manifest_json(build_manifest(...))` gives, byte for byte.
"""

from pathlib import Path

from localoffer.cache_files import WrittenRecord, digest, load_json, package_digest, settings_digest
from localoffer.cache_files.entries import EntryStore
from localoffer.cache_files.joined import pieces_on_disk, write_joined
from localoffer.service_directory.loader import written_data

from . import manifest
from .manifest import manifest_line

# manifest.manifest_text's parts, as bytes.
HEAD, SEPARATOR, TAIL = (part.encode("utf-8") for part in (manifest.HEAD, manifest.SEPARATOR, manifest.TAIL))

LINES_FILE = "editorial.sqlite"
WRITTEN_FILE = "editorial-written.json"


def write_manifest(path, services, settings):
    """Make `path` hold the manifest of `services` (those the build publishes, never drafts)."""
    cache_path = Path(settings["CACHE_PATH"])
    fingerprint = digest(package_digest(), settings_digest(settings))
    services = sorted(services, key=lambda service: service.slug)
    keys = [_line_key(service) for service in services]
    record_path = cache_path / WRITTEN_FILE
    # digest() puts a zero byte after each part: the keys joined by one are the same key, hashed at once.
    written = WrittenRecord(record_path, None if None in keys else digest(fingerprint, "\0".join(keys)), "editorial")
    record = load_json(record_path)
    if written.key and isinstance(record, dict) and record.get("key") == written.key and path.is_file():
        return
    old_digest, on_disk = _lines_on_disk(path, record, fingerprint)
    # As WrittenRecord.kept_if_current: a build stopped while writing leaves no record claiming the file.
    record_path.unlink(missing_ok=True)
    lines = EntryStore(cache_path / LINES_FILE, fingerprint, check=lambda line: isinstance(line, str), label="editorial")
    # The cache's rows of the lines taken from the file stay for a build that needs them.
    lines.keep(key for key in keys if key in on_disk)
    lines.expect([key for key in keys if key not in on_disk])  # read a few hundred a query, not one a query
    # Each line is made as it is written: the lines as bytes and the file joined from them were
    # held at once at a full build's highest memory (about 6 KB a service).
    pieces = (on_disk.get(key) or _line(lines, key, service).encode("utf-8") for key, service in zip(keys, services))
    kept = write_joined(path, HEAD, pieces, SEPARATOR, TAIL, old_digest)
    # The store holds every line it made (as text) until it is saved: it goes as soon as it is.
    lines.save()
    lines = on_disk = None
    written.save({"fingerprint": fingerprint, "lines": keys, **kept})


def _lines_on_disk(path, record, fingerprint):
    """(the file's digest, {line key: line as a memoryview of its bytes}) of the manifest an earlier
    build wrote at `path`, from its record (WRITTEN_FILE, as saved: {"key", "kept"}) when made under
    `fingerprint` and the file is the one it describes (joined.pieces_on_disk); else (None, {})."""
    kept = record.get("kept") if isinstance(record, dict) else None
    if not isinstance(kept, dict) or kept.get("fingerprint") != fingerprint or not isinstance(kept.get("lines"), list):
        return None, {}
    keys = kept["lines"]
    _, found = pieces_on_disk(path, kept, HEAD, SEPARATOR)  # the views hold the file's bytes
    if found is None or len(found) != len(keys) or not all(isinstance(key, str) for key in keys):
        return None, {}
    return kept["digest"], dict(zip(keys, found))


def forget_written(settings):
    """A preview writes the whole manifest itself (its services may differ): the record of
    the manifest an earlier build wrote no longer says what is on disk."""
    (Path(settings["CACHE_PATH"]) / WRITTEN_FILE).unlink(missing_ok=True)


def _line_key(service):
    sha = getattr(service, "source_sha", None)
    return f"{service.slug}:{sha}" if sha else None


def _line(lines, key, service):
    line = lines.get(key) if key else None
    if line is None:
        line = manifest_line(service.slug, written_data(service.record))
        if key:
            lines.put(key, line)
    return line
