"""`localoffer validate` without checking unchanged files again, and the rest on every core.

Checking a file (reading its YAML, the JSON schema, the rules, its pictures)
is the whole of `validate`'s time: about 1.5 ms a file, so 15 s for a
regional directory of 10,000 services. Most runs follow a change to a few
files, so each file's result is kept in CACHE_PATH/validate.json under:

- the digest of the file's bytes (what `ProviderChecker.file_digest` reads),
- the size and time of each picture the file names (the checks open them),
- and, for the whole file, the checker's fingerprint: the code of the
  checks (service_directory and written_yaml), the schema (with the
  council's categories and areas), the build date and the other limits,
  where paths are shown from, and the versions of the libraries that check.

Anything else throws the cache away. A kept result holds, of the file's data,
only its status and its pictures' names, none of its fields' lines and not its
path (the reports read none of them). A cache file that cannot be read is
ignored with a warning, and every file is checked again. The cache is data,
never code (`localoffer.cache_files`).

The files left to check are checked in worker processes when there are
many and more than one core; the results come back in the files' order, so
the report is the same, message for message, as one process's.
"""

import dataclasses
import json
import multiprocessing
import os
from pathlib import Path

from localoffer.cache_files import digest, folder_digest, load_json, package_versions, save_json
from localoffer.written_yaml.problems import Problem

from .validate import CheckedFile, picture_stamps

CACHE_FILE = "validate.json"
FORMAT = 2
KINDS = {"CheckedFile": CheckedFile, "Problem": Problem}
CHECK_CODE = (Path(__file__).resolve().parent, Path(__file__).resolve().parent.parent / "written_yaml")
PACKAGES = ("jsonschema", "ruamel.yaml", "PyYAML", "Pillow")
# Below this many files to check, starting workers costs more than it saves.
PARALLEL_FROM = 200


def checker_fingerprint(checker):
    """What every file's result depends on, besides the file and its pictures."""
    return digest(
        folder_digest(*CHECK_CODE),
        json.dumps(checker.schema, sort_keys=True, default=str),
        checker.build_date, checker.stale_before, checker.max_file_bytes, checker.max_picture_pixels,
        checker.display_root,
        json.dumps(package_versions(*PACKAGES)),
    )


class CheckCache:
    """{file: (digest of its bytes, CheckedFile)}, for one checker; the CheckedFile holds its pictures' stamps."""

    def __init__(self, cache_path, fingerprint):
        self.path = Path(cache_path) / CACHE_FILE
        self.fingerprint = fingerprint
        self.previous = {}
        self.current = {}
        self.warnings = []
        self._load()

    def _load(self):
        if not self.path.is_file():
            return
        stored = load_json(self.path, KINDS)
        if not _is_cache(stored):
            self.warnings.append(f"validate: ignored {self.path}, which could not be read as a cache; "
                                 "every file is checked again")
        elif stored["format"] == FORMAT and stored["fingerprint"] == self.fingerprint:
            self.previous = stored["files"]

    def get(self, path, file_sha):
        entry = self.previous.get(str(path))
        if entry and entry[0] == file_sha and entry[1].pictures == picture_stamps(path, entry[1].data):
            self.current[str(path)] = entry
            return entry[1]
        return None

    def put(self, path, file_sha, checked):
        # The path is the cache's key (and `check_files` names the file as asked): made
        # again from text for every file, it was a third of reading the cache back.
        kept = dataclasses.replace(checked, path=None, data=_what_reports_read(checked.data), lines={})
        self.current[str(path)] = (file_sha, kept)

    def save(self):
        """Keep the files of this run with those of earlier runs still on disk; say why not if it fails."""
        files = {path: entry for path, entry in self.previous.items() if os.path.isfile(path)}
        files.update(self.current)
        if files == self.previous:
            return
        try:
            save_json(self.path, {"format": FORMAT, "fingerprint": self.fingerprint, "files": files})
        except OSError as error:
            self.warnings.append(f"validate: could not save the cache {self.path}: {error.strerror}")


def check_files(checker, paths, cache=None, workers=None):
    """Every file's CheckedFile, in the order of `paths`: from `cache` when the
    file is unchanged, otherwise checked (in `workers` processes when many)."""
    paths = [Path(path) for path in paths]
    keys = [path.absolute() for path in paths]
    shas = [checker.file_digest(path) for path in paths]
    results = [cache.get(key, sha) if cache else None for key, sha in zip(keys, shas)]
    # A kept result names the file as this run was asked to (relative or absolute).
    results = [result and dataclasses.replace(result, path=path) for result, path in zip(results, paths)]
    todo = [index for index, result in enumerate(results) if result is None]
    checked = check_all(checker, [paths[index] for index in todo], workers)
    for index, result in zip(todo, checked):
        results[index] = result
        if cache:
            cache.put(keys[index], shas[index], result)
    if cache:
        cache.save()
    return results


def worker_count(files):
    """How many processes to check `files` files in: one unless there are many and more than one core."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return min(cores, 8) if files >= PARALLEL_FROM and cores > 1 else 1


_checker = None  # the checker in a worker process


def _start_worker(checker):
    global _checker
    _checker = checker


def _check_in_worker(path):
    return _checker.check_file(path)


def check_all(checker, paths, workers=None):
    """Each file's CheckedFile, in the order of `paths`; in `workers` processes (default: by the files and cores)."""
    workers = worker_count(len(paths)) if workers is None else workers
    if workers <= 1 or len(paths) < 2:
        return [checker.check_file(path) for path in paths]
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    with multiprocessing.get_context(method).Pool(workers, _start_worker, (checker,)) as pool:
        # Chunks of files in order; map gives the results back in the same order.
        return pool.map(_check_in_worker, paths, chunksize=max(1, len(paths) // (workers * 8)))


def _what_reports_read(data):
    """Of a file's data, only what the reports and the picture stamps read: its status
    and its pictures' names. The whole data made the cache ten times larger, and
    reading it back most of a cached run's time."""
    if not isinstance(data, dict):
        return data
    kept = {key: data[key] for key in ("status",) if key in data}
    images = data.get("images")
    if isinstance(images, list):
        kept["images"] = [{"file": image["file"]} for image in images
                          if isinstance(image, dict) and isinstance(image.get("file"), str)]
    return kept


def _is_cache(stored):
    return isinstance(stored, dict) and isinstance(stored.get("files"), dict) and "fingerprint" in stored and all(
        isinstance(entry, tuple) and len(entry) == 2 and isinstance(entry[0], str) and isinstance(entry[1], CheckedFile)
        and isinstance(entry[1].pictures, list) and all(isinstance(problem, Problem) for problem in entry[1].problems)
        for entry in stored["files"].values()
    ) and "format" in stored
