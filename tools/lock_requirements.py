"""Write requirements.lock: every pin of requirements.txt and requirements-dev.txt
with the SHA-256 of the file pip installs, for `pip install --require-hashes`.

CI installs from the lock, so a package replaced on the index after it was
pinned is refused instead of run. After changing a pin:

    .venv/bin/pip download --no-deps -r requirements-dev.txt -d /tmp/wheels
    .venv/bin/python tools/lock_requirements.py /tmp/wheels

The hashes are of the files pip picks for CI's machine (Linux x86_64,
CPython 3.11); run the download there, or on the same kind of machine.
"""

import hashlib
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PIN = re.compile(r"^([A-Za-z0-9_.\-]+)==([^\s;#]+)")


def pins(path):
    for line in path.read_text(encoding="utf-8").splitlines():
        match = PIN.match(line.strip())
        if match:
            yield match.group(1), match.group(2)


def _normal(name):
    return re.sub(r"[-_.]+", "_", name).lower()


def hashes_of(folder, name, version):
    found = [
        path for path in sorted(Path(folder).iterdir())
        if _normal(path.name).startswith(f"{_normal(name)}_{_normal(version)}")
        or _normal(path.name).startswith(f"{_normal(name)}_{_normal(version)}.tar")
    ]
    if not found:
        raise SystemExit(f"no file for {name}=={version} in {folder}; run pip download first")
    return [hashlib.sha256(path.read_bytes()).hexdigest() for path in found]


def main(folder):
    lines = ["# Made by tools/lock_requirements.py from requirements.txt and requirements-dev.txt; do not edit.",
             "# CI installs with: pip install --require-hashes -r requirements.lock"]
    seen = set()
    for file in ("requirements.txt", "requirements-dev.txt"):
        for name, version in pins(ROOT / file):
            if _normal(name) in seen:
                continue
            seen.add(_normal(name))
            hashes = " ".join(f"--hash=sha256:{digest}" for digest in hashes_of(folder, name, version))
            lines.append(f"{name}=={version} {hashes}")
    (ROOT / "requirements.lock").write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "/tmp/wheels")
