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

A record is made from its provider file alone (with the plugins' code and the
settings, which are the fingerprint of both), so the same digest means the
same line. A service without a `source_sha` is never kept. The file written is
the one `manifest.manifest_json(build_manifest(...))` gives, byte for byte.
"""

from pathlib import Path

from localoffer.cache_files import WrittenRecord, digest, package_digest, settings_digest, write_if_changed
from localoffer.cache_files.entries import EntryStore
from localoffer.service_directory.loader import written_data

from .manifest import manifest_line, manifest_text

LINES_FILE = "editorial.sqlite"
WRITTEN_FILE = "editorial-written.json"


def write_manifest(path, services, settings):
    """Make `path` hold the manifest of `services` (those the build publishes, never drafts)."""
    cache_path = Path(settings["CACHE_PATH"])
    fingerprint = digest(package_digest(), settings_digest(settings))
    services = sorted(services, key=lambda service: service.slug)
    keys = [_line_key(service) for service in services]
    written = WrittenRecord(cache_path / WRITTEN_FILE, None if None in keys else digest(fingerprint, *keys), "editorial")
    if written.kept_if_current(path) is not None:
        return
    lines = EntryStore(cache_path / LINES_FILE, fingerprint, check=lambda line: isinstance(line, str), label="editorial")
    lines.expect(keys)  # read a few hundred a query, not one a query
    text = manifest_text([_line(lines, key, service) for key, service in zip(keys, services)])
    lines.save()
    write_if_changed(path, text.encode("utf-8"))
    written.save(True)


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
