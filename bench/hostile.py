"""How long refusing a hostile provider file takes, against reading a good one.

    .venv/bin/python bench/hostile.py

Each case is read (and, for pictures, checked) `REPEAT` times in this run;
the figures are the median time and its ratio to reading the sample youth
club's provider file, and the growth of this process's peak memory. Before
issue 13 the bombs took minutes or gigabytes; the point is that each is now
about as cheap as a good file (and it is measured here, never asserted in a
test).
"""

import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from localoffer.coproduction.personal_data import has_email, has_phone  # noqa: E402
from localoffer.service_directory.images import picture_problem  # noqa: E402
from localoffer.written_yaml.loader import load_file  # noqa: E402
from tests.hostile.conftest import (  # noqa: E402
    FIXTURES, make_anchor_bomb, make_big_value, make_many_keys, png_claiming,
)

REPEAT = 5


def median_seconds(work):
    times = []
    for _ in range(REPEAT):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main():
    folder = Path(tempfile.mkdtemp(prefix="bench-hostile-"))
    make_anchor_bomb(folder / "anchor-bomb.yaml")
    make_big_value(folder / "big-value.yaml")
    make_many_keys(folder / "many-keys.yaml")
    (folder / "zero.yaml").symlink_to("/dev/zero")
    (folder / "huge.png").write_bytes(png_claiming(30000, 30000))
    long_text = "a" * 262_144
    cases = [
        ("good provider file (baseline)", lambda: load_file(ROOT / "providers" / "highcombe-youth-club.yaml", "x")),
        ("alias bomb (1.5 KB)", lambda: load_file(FIXTURES / "alias-bomb.yaml", "x")),
        ("wide anchor bomb (200 KB)", lambda: load_file(folder / "anchor-bomb.yaml", "x")),
        ("500 nested [", lambda: load_file(FIXTURES / "nested.yaml", "x")),
        ("link to /dev/zero", lambda: load_file(folder / "zero.yaml", "x")),
        ("1 MB value", lambda: load_file(folder / "big-value.yaml", "x")),
        ("200,000 keys (2 MB)", lambda: load_file(folder / "many-keys.yaml", "x")),
        ("30000 x 30000 PNG", lambda: picture_problem(folder / "huge.png", "huge.png")),
        ("personal data check, 256 KB word", lambda: (has_email(long_text), has_phone(long_text))),
    ]
    baseline = None
    print(f"{'case':36} {'median':>10} {'ratio':>8} {'peak memory growth':>20}")
    for name, work in cases:
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        seconds = median_seconds(work)
        grown = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before
        baseline = baseline or seconds
        print(f"{name:36} {seconds * 1000:8.2f} ms {seconds / baseline:7.1f}x {grown / 1024:17.1f} MB")


if __name__ == "__main__":
    main()
