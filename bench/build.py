"""How long the site takes to build at county and regional scale.

Builds synthetic directories with the real `pelican` command and prints wall
and CPU times. Machines here are shared, so the figures that matter are ratios
against a baseline measured in the same run:

- 10,000 services against 1,000: near 10 means the build grows in a straight
  line with the directory;
- a rebuild of the 10,000 after one file changed, against the full build of
  the 10,000: the share of the work a one-service change redoes.

Run: .venv/bin/python bench/build.py [--sizes 1000 10000]
"""

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.synthetic import write_providers  # noqa: E402

PELICAN = Path(sys.executable).with_name("pelican")


def build(providers, output, cache):
    """One real build; returns (wall seconds, CPU seconds of the build process)."""
    command = [
        str(PELICAN), "content", "-s", "pelicanconf.py", "-q", "-e",
        f"PROVIDERS_PATH={json.dumps(str(providers))}", f"OUTPUT_PATH={json.dumps(str(output))}",
        f"CACHE_PATH={json.dumps(str(cache))}", 'SERVICES_BUILD_DATE="2026-11-22"',
    ]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode != 0:
        sys.exit(f"build failed:\n{result.stdout}\n{result.stderr}")
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs=2, default=[1000, 10000], metavar=("BASELINE", "LARGE"))
    args = parser.parse_args()
    small, large = args.sizes
    with tempfile.TemporaryDirectory(prefix="bench-build-") as folder:
        folder = Path(folder)
        results = {}
        for size in (small, large):
            providers = write_providers(folder / f"providers-{size}", size)
            results[size] = build(providers, folder / f"output-{size}", folder / f"cache-{size}")
            print(f"full build, {size:>6} services: {results[size][0]:6.1f} s wall, {results[size][1]:6.1f} s CPU", flush=True)

        providers = folder / f"providers-{large}"
        unchanged = build(providers, folder / f"output-{large}", folder / f"cache-{large}")
        print(f"rebuild, nothing changed:     {unchanged[0]:6.1f} s wall, {unchanged[1]:6.1f} s CPU", flush=True)
        changed = providers / "service-00042.yaml"
        changed.write_text(changed.read_text().replace("summary: ", "summary: Changed. ", 1))
        one = build(providers, folder / f"output-{large}", folder / f"cache-{large}")
        print(f"rebuild, one service changed: {one[0]:6.1f} s wall, {one[1]:6.1f} s CPU", flush=True)
        page = (folder / f"output-{large}" / "services" / "service-00042" / "index.html").read_text()
        assert "Changed." in page, "the changed service was not rebuilt"

    base_cpu = results[small][1]
    print()
    print(f"ratio, {large} against {small} services (CPU): {results[large][1] / base_cpu:5.1f}  (10 would be a straight line)")
    print(f"ratio, one-service rebuild against full build (CPU): {one[1] / results[large][1]:5.2f}")
    print(f"ratio, one-service rebuild against the {small}-service build (CPU): {one[1] / base_cpu:5.2f}")


if __name__ == "__main__":
    main()
