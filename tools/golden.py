"""The golden site: build the fixed input in tests/golden/site/ and compare
every file with the committed expected tree, or refresh that tree after an
intended change.

    .venv/bin/python -m tools.golden            # build and compare; exit 1 on any difference
    .venv/bin/python -m tools.golden --refresh  # build twice and rewrite tests/golden/expected/

tests/test_golden_site.py runs the same comparison, one test per file.
tests/golden/README.md says when to refresh and how to review the diff.
"""

import argparse
import difflib
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from tools.golden_normalise import digest_line, is_digested, normalise

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "tests" / "golden"
SETTINGS = GOLDEN / "goldenconf.py"
EXPECTED = GOLDEN / "expected"
# The digest lines of the files kept as digests, next to the tree rather than in
# it, so that every path in expected/ is a path of the site.
DIGESTS = GOLDEN / "expected.sha256"
REFRESH_COMMAND = ".venv/bin/python -m tools.golden --refresh"
DIFF_LINES = 40


class BuildFailed(Exception):
    """Pelican did not finish the golden site; the message is its log."""


class NotDeterministic(Exception):
    """Two builds of the same input differ; the message is the differences."""


def build(output):
    """Build the golden site into `output` with real Pelican, in a fresh cache,
    and return the finished process. `--fatal errors`: a golden input that has
    stopped being valid must fail loudly, not quietly lose a page."""
    output = Path(output)
    cache = output.parent / f"{output.name}-cache"
    command = [
        sys.executable, "-m", "pelican", "-s", str(SETTINGS), "-o", str(output), "--fatal", "errors",
        "-e", f'CACHE_PATH="{cache}"',
    ]
    # The same environment on every machine: the locale and time zone cannot leak into dates.
    env = {
        "PATH": os.pathsep.join((str(Path(sys.executable).parent), "/usr/bin", "/bin")),
        "LC_ALL": "C.UTF-8", "TZ": "UTC", "COLUMNS": "250", "TERM": "dumb",
    }
    return subprocess.run(command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


def built_tree(output):
    """{path relative to the output folder: its golden text or digest line} for every file built."""
    tree = {}
    for file in sorted(Path(output).rglob("*")):
        if file.is_file():
            path = file.relative_to(output).as_posix()
            data = file.read_bytes()
            tree[path] = digest_line(path, data) if is_digested(path, data) else normalise(path, data)
    return tree


def build_tree(workdir):
    """Build into `workdir`/site and return (the output folder, its tree); BuildFailed if Pelican did not finish."""
    output = Path(workdir) / "site"
    result = build(output)
    if result.returncode != 0:
        raise BuildFailed(f"pelican exited with {result.returncode}:\n{result.stdout}")
    return output, built_tree(output)


def expected_tree(expected=EXPECTED, digests=DIGESTS):
    """The committed tree in the same shape as built_tree()."""
    tree = {}
    if expected.is_dir():
        for file in sorted(expected.rglob("*")):
            if file.is_file():
                tree[file.relative_to(expected).as_posix()] = file.read_text(encoding="utf-8")
    if digests.is_file():
        for line in digests.read_text(encoding="utf-8").splitlines():
            if line.strip():
                # A line that is not "<digest>  <path>" stays in, under its own text, and shows as a difference.
                tree[line.partition("  ")[2] or line] = line
    return tree


def write_tree(tree, expected=EXPECTED, digests=DIGESTS):
    """Replace the expected tree with `tree`: no file from an earlier refresh survives."""
    if expected.exists():
        shutil.rmtree(expected)
    lines = []
    for path, text in sorted(tree.items()):
        if is_digest_entry(path, text):
            lines.append(text)
            continue
        target = expected / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8", newline="\n")
    digests.write_text("".join(f"{line}\n" for line in lines), encoding="utf-8")


def is_digest_entry(path, text):
    """True when `text` is the digest line of `path`: 64 hex digits, two spaces, the path, and no
    newline (the golden text of every other file ends with one)."""
    head, _, tail = text.partition("  ")
    return tail == path and len(head) == 64 and all(c in "0123456789abcdef" for c in head)


def difference(path, expected, built, limit=DIFF_LINES):
    """What is wrong with one path, for a person: missing, extra, or the first
    `limit` lines of a unified diff from the expected text to the built one."""
    if built is None:
        return f"{path}: expected but not built"
    if expected is None:
        first = built.splitlines()[:5]
        return f"{path}: built but not expected; it starts:\n" + "\n".join(f"  {line}" for line in first)
    diff = list(difflib.unified_diff(
        expected.splitlines(), built.splitlines(), f"expected/{path}", f"built/{path}", lineterm="", n=2,
    ))
    shown = diff[:limit]
    if len(diff) > limit:
        shown.append(f"... {len(diff) - limit} more diff lines")
    return f"{path}: differs\n" + "\n".join(shown)


def changed_paths(expected, built):
    """{path: "added", "removed" or "changed"} for every path whose golden text is not the expected one."""
    return {
        path: "added" if path not in expected else "removed" if path not in built else "changed"
        for path in sorted(expected.keys() | built.keys())
        if expected.get(path) != built.get(path)
    }


def differences(expected, built, limit=DIFF_LINES):
    """One difference() for every path that is missing, extra or changed, in path order."""
    return [difference(path, expected.get(path), built.get(path), limit) for path in changed_paths(expected, built)]


def refresh_hint():
    return f"If the change is intended, run `{REFRESH_COMMAND}` (or `.venv/bin/invoke golden`) and review `git diff tests/golden/`."


def _shown(path):
    """A path as a person in the checkout would type it."""
    return path.relative_to(ROOT).as_posix() if path.is_relative_to(ROOT) else str(path)


def _summary(tree):
    files = [text for path, text in tree.items() if not is_digest_entry(path, text)]
    size = sum(len(text.encode("utf-8")) for text in files)
    return f"{len(files)} files ({size // 1024} KiB) in {_shown(EXPECTED)}/, {len(tree) - len(files)} digests in {_shown(DIGESTS)}"


def build_twice(workdir):
    """Build the site twice, in two folders with two caches, and return the tree
    when both agree. A refresh must never commit a tree the next build will not
    give again: a difference here is a determinism bug to fix at its cause."""
    first = build_tree(Path(workdir) / "first")[1]
    second = build_tree(Path(workdir) / "second")[1]
    if first != second:
        raise NotDeterministic("(expected: the first build; built: the second)\n" + "\n\n".join(differences(first, second)))
    return first


def refresh(expected):
    """Write a twice-built tree over the expected one and say what changed; 0, or 1 if nothing was written."""
    with tempfile.TemporaryDirectory(prefix="golden-") as workdir:
        try:
            built = build_twice(workdir)
        except BuildFailed as error:
            print(f"The golden site did not build; {_shown(EXPECTED)}/ is unchanged.\n{error}", file=sys.stderr)
            return 1
        except NotDeterministic as error:
            print(f"Two builds of the golden site differ, so {_shown(EXPECTED)}/ is unchanged: fix what varies "
                  f"(a date, a path, an order) where it is made, then refresh.\n{error}", file=sys.stderr)
            return 1
    changed = changed_paths(expected, built)
    write_tree(built)
    print(f"Refreshed the golden site: {_summary(built)}; {len(changed)} path(s) changed.")
    for path, how in changed.items():
        print(f"  {how:8} {path}")
    print("Review with `git diff --stat tests/golden/` and `git diff tests/golden/`, then commit with the change.")
    return 0


def check(expected):
    """Build once and compare: print each difference and return 1, or say it matches and return 0."""
    with tempfile.TemporaryDirectory(prefix="golden-") as workdir:
        try:
            built = build_tree(workdir)[1]
        except BuildFailed as error:
            print(f"The golden site did not build.\n{error}", file=sys.stderr)
            return 1
    found = differences(expected, built)
    for item in found:
        print(item, end="\n\n")
    if found:
        print(f"{len(found)} path(s) differ from the golden site. {refresh_hint()}")
        return 1
    print(f"The golden site matches: {_summary(built)}.")
    return 0


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m tools.golden", description=__doc__.split("\n\n")[0])
    parser.add_argument("--refresh", action="store_true",
                        help="build twice and, if both builds agree, rewrite the expected tree")
    options = parser.parse_args(argv)
    return refresh(expected_tree()) if options.refresh else check(expected_tree())


if __name__ == "__main__":
    sys.exit(main())
