"""How long the site takes to build, rebuild and check at county, regional and national scale.

For each size, in one run and on one machine (machines here are shared, so
the figures to compare are the ratios to baselines measured in the same run):

- a realistic synthetic directory (bench/make_providers.py, fixed seed);
- two full builds with the real `pelican` command, each from nothing: one
  with a rendering worker per core (LOCAL_OFFER_BUILD_WORKERS's default) and
  one with a single worker, and a check that they give byte-identical trees;
- the baseline: bare Pelican (no plugins, its simple theme) building one
  Markdown page per service of the same text (bench/bare_pelican.py);
- rebuilds of the first build: nothing changed, one provider file changed,
  one content page changed, one template (service.html) changed;
- `localoffer validate` of every file: from no cache, from its cache with nothing changed, and after
  one file changed;
- the wall time, CPU time and peak memory of each, and the output's size by part.

At national scale (--national, 100,000 services) every measurement above
would take hours of CPU, so that size gets only what the issue's target is
about: one full build with the default workers, the three `validate` runs, and bare
Pelican's baseline, each stopped at --timeout seconds or --memory MB (the
table then says where its log had got to), with the output's parts.

Content and theme are copied for the run, so the rebuilds change copies, never
the project's files. It prints one table and writes it to bench/RESULTS.md.

Run: .venv/bin/python bench/build.py [--sizes 1000 10000] [--national] [--seed 1]
     [--timeout 1800] [--memory 6000]
(--national alone runs only the national size: about 35 minutes on 2 free cores. Its table has its own
place in RESULTS.md, so it leaves the table of the other sizes as it was.)
"""

import argparse
import datetime
import json
import os
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.bare_pelican import write_bare_site  # noqa: E402
from bench.make_providers import write_providers  # noqa: E402
from bench.measure import differences, machine, output_parts, run, snapshot  # noqa: E402
from bench.vocabulary import REAL_DIRECTORY  # noqa: E402

BIN = Path(sys.executable).parent
BUILD_DATE = "2026-11-22"
NATIONAL = 100_000
# The builds' default (LOCAL_OFFER_BUILD_WORKERS None): a rendering worker per core this run may use.
WORKERS = len(os.sched_getaffinity(0))
CHANGED = "<!-- changed by bench/build.py -->"
# RESULTS.md's tables, by their markers: the national size has one of its own, so that a run of it alone
# (35 minutes) leaves the last 1,000 and 10,000-service table in place, and the other way round.
REGIONAL_TABLE = ("<!-- table: written by bench/build.py -->", "<!-- end of table -->")
NATIONAL_TABLE = ("<!-- national table: written by bench/build.py -->", "<!-- end of national table -->")


class Site:
    """One synthetic site at one size: its providers, copies of content and theme, and its builds."""

    def __init__(self, folder, size, seed, bounds):
        self.folder, self.size, self.bounds = folder, size, bounds
        self.providers = folder / "providers"
        self.words = write_providers(self.providers, size, seed)
        self.content = folder / "content"
        shutil.copytree(ROOT / "content", self.content)
        self.theme = folder / "theme"
        shutil.copytree(ROOT / "theme", self.theme)

    def build(self, name, output="output", cache="cache", workers=None):
        values = {
            "PROVIDERS_PATH": str(self.providers), "OUTPUT_PATH": str(self.folder / output),
            "CACHE_PATH": str(self.folder / cache), "SERVICES_BUILD_DATE": BUILD_DATE,
            "THEME": str(self.theme), "LOCAL_OFFER_BUILD_WORKERS": workers,
        }
        command = [str(BIN / "pelican"), str(self.content), "-s", "pelicanconf.py", "-e"]
        command += [f"{key}={json.dumps(value)}" for key, value in values.items()]
        return run(command, ROOT, self.folder / f"{name}.log", **self.bounds)

    def page(self, path):
        return (self.folder / "output" / path).read_text(encoding="utf-8")


def progress(size, what, result):
    """Each figure as soon as it is measured, so a long run that is stopped still says something."""
    state = "" if result.finished else f" ({result.note})"
    print(f"{size:>7,} services: {what}: {result.wall:.1f} s wall, {result.cpu:.1f} s CPU, "
          f"{result.peak_mb:.0f} MB{state}", file=sys.stderr, flush=True)


class Rows(list):
    """The table's rows for one size; each appended row is shown at once."""

    def __init__(self, size):
        super().__init__()
        self.size = size

    def append(self, row):
        progress(self.size, row[0], row[1])
        super().append(row)


def bare_pelican(site):
    """Bare Pelican building one Markdown page per service of the same text."""
    folder = site.folder
    settings = write_bare_site(site.providers, folder / "bare")
    bare = run([str(BIN / "pelican"), str(folder / "bare" / "content"), "-s", str(settings),
                "-o", str(folder / "bare" / "output")], ROOT, folder / "bare.log", **site.bounds)
    progress(site.size, "bare Pelican", bare)
    return bare


def validate(site, name):
    """`localoffer validate` of every provider file, with the project's settings but the site's own
    CACHE_PATH (validate.json), so a run starts from no cache and never touches the project's cache/."""
    settings = site.folder / "validate_settings.py"
    if not settings.exists():
        settings.write_text(
            "import runpy\n"
            f"globals().update((key, value) for key, value in runpy.run_path({str(ROOT / 'pelicanconf.py')!r}).items()"
            " if key.isupper())\n"
            f"PATH = {str(ROOT / 'content')!r}\n"  # relative paths in settings are read from the settings' folder
            f"CACHE_PATH = {str(site.folder / 'validate-cache')!r}\n", encoding="utf-8")
    return run([str(BIN / "localoffer"), "validate", "--settings", str(settings), str(site.providers)], ROOT,
               site.folder / f"{name}.log", **site.bounds)


def validations(site, rows, baseline):
    """`validate` three ways: from no cache (every file checked), from its cache with nothing changed,
    and from its cache after one file changed (the pull request case)."""
    rows.append(("`localoffer validate`, every file, no cache", validate(site, "validate-cold"), *baseline))
    rows.append(("`localoffer validate`, nothing changed (its cache)", validate(site, "validate-warm"), *baseline))
    provider = sorted(site.providers.glob("*.yaml"))[site.size // 3]
    provider.write_text(provider.read_text().replace('summary: "', 'summary: "Checked again. ', 1))
    rows.append(("`localoffer validate`, one file changed", validate(site, "validate-one"), *baseline))


def measure_national(size, folder, seed, bounds):
    """measure()'s results for the national size, from one full build, `validate` and bare Pelican only;
    each runs even when the one before was stopped, so the table says how far each got."""
    site = Site(folder, size, seed, bounds)
    first = site.build("full-1")
    progress(size, f"full build, {WORKERS} workers", first)
    checks = Rows(size)
    validations(site, checks, ("full build", first))
    bare = bare_pelican(site)
    rows = [(f"full build, {WORKERS} workers", first, "bare Pelican", bare), *checks,
            ("bare Pelican, same pages", bare, None, None)]
    parts = output_parts(folder / "output") if first.finished else []
    return rows, parts, "not checked (one build at this size)", site.words, output_parts(folder / "bare" / "output")


def measure(size, folder, seed, bounds):
    """For one size: the rows [(what, Run, baseline name or None, baseline Run)], the output's parts,
    whether two builds were identical, the corpus's words and bare Pelican's output parts."""
    site = Site(folder, size, seed, bounds)
    rows = Rows(size)
    first = site.build("full-1")
    progress(size, f"full build, {WORKERS} workers", first)
    if not first.finished:
        return [(f"full build, {WORKERS} workers", first, None, None)], [], "not checked", site.words, []
    second = site.build("full-2", output="output-2", cache="cache-2", workers=1)
    progress(size, "full build, 1 worker", second)
    changed = differences(snapshot(folder / "output"), snapshot(folder / "output-2"))
    identical = "yes" if not changed else f"NO: {len(changed)} files differ, e.g. {', '.join(changed[:3])}"

    bare = bare_pelican(site)
    rows += [(f"full build, {WORKERS} workers", first, "bare Pelican", bare),
             ("full build, 1 worker", second, "bare Pelican", bare),
             (f"full build, {WORKERS} workers", first, "full build, 1 worker", second),
             ("bare Pelican, same pages", bare, None, None)]

    rows.append(("rebuild, nothing changed", site.build("unchanged"), "full build", first))
    provider = sorted(site.providers.glob("*.yaml"))[size // 2]
    provider.write_text(provider.read_text().replace('summary: "', 'summary: "Changed. ', 1))
    rows.append(("rebuild, one provider file changed", site.build("one-provider"), "full build", first))
    assert "Changed. " in site.page(f"services/{provider.stem}/index.html"), "the changed service was not rebuilt"
    page = site.content / "pages" / "privacy.md"
    page.write_text(page.read_text() + "\nChanged by the benchmark.\n")
    rows.append(("rebuild, one content page changed", site.build("one-page"), "full build", first))
    assert "Changed by the benchmark." in site.page("privacy/index.html"), "the changed page was not rebuilt"
    template = site.theme / "templates" / "service.html"
    template.write_text(template.read_text().replace("{% block content %}", "{% block content %}" + CHANGED, 1))
    rows.append(("rebuild, service.html changed", site.build("one-template"), "full build", first))
    assert CHANGED in site.page(f"services/{provider.stem}/index.html"), "the changed template was not used"

    validations(site, rows, ("full build", first))
    return rows, output_parts(folder / "output"), identical, site.words, output_parts(folder / "bare" / "output")


def command_options(args):
    """The options this run was given, as a command line would repeat them."""
    options = f" --sizes {' '.join(map(str, args.sizes))}" if args.sizes else ""
    options += f" --seed {args.seed}" + (" --national" if args.national else "") + f" --timeout {args.timeout:g}"
    return options + (f" --memory {args.memory:g}" if args.memory else "")


def seconds(value):
    return "–" if value != value else f"{value:.1f}"  # NaN: not measured


def ratio(run_, baseline):
    if baseline is None or not run_.finished or not baseline.finished:
        return "–"
    return f"{run_.cpu / baseline.cpu:.2f} CPU, {run_.wall / baseline.wall:.2f} wall"


def report(results, args):
    lines = [
        f"Measured {datetime.date.today().isoformat()} on {machine()}.",
        f"Command: `.venv/bin/python bench/build.py{command_options(args)}`",
        "",
        "| what | services | wall s | CPU s | peak MB | ratio to | ratio |",
        "|---|---:|---:|---:|---:|---|---|",
    ]
    for size, (rows, *_rest) in results.items():
        for what, result, baseline_name, baseline in rows:
            what += "" if result.finished else f" ({result.note})"
            lines.append(f"| {what} | {size:,} | {seconds(result.wall)} | {seconds(result.cpu)} | {result.peak_mb:.0f} "
                         f"| {baseline_name or ''} | {ratio(result, baseline) if baseline_name else ''} |")
    sizes = sorted(results)
    if len(sizes) > 1 and all(results[s][0][0][1].finished for s in sizes[:2]):
        small, large = (results[s][0][0][1] for s in sizes[:2])
        lines += ["", f"Full build, {sizes[1]:,} against {sizes[0]:,} services: {large.cpu / small.cpu:.1f} CPU "
                  f"({sizes[1] / sizes[0]:.0f} would be a straight line)."]
    for size, (rows, parts, identical, words, bare_parts) in results.items():
        services, distinct = REAL_DIRECTORY
        lines += ["", f"### {size:,} services", "",
                  f"Full builds with {WORKERS} workers and with 1 worker byte-identical: {identical}. Corpus: {sum(words.values()):,} words, "
                  f"{len(words):,} distinct (a real directory: about {distinct:,} over {services:,} services).", ""]
        if parts:
            total = sum(part[2] for part in parts)
            lines += ["| output part | files | MB | share | MB on disk |", "|---|---:|---:|---:|---:|"]
            lines += [f"| {name} | {files:,} | {size_ / 1e6:.1f} | {size_ / total:.0%} | {disk / 1e6:.1f} |"
                      for name, files, size_, disk in parts]
            lines.append(f"| **total** | {sum(part[1] for part in parts):,} | {total / 1e6:.1f} | 100% "
                         f"| {sum(part[3] for part in parts) / 1e6:.1f} |")
            if bare_parts:
                lines.append(f"| bare Pelican's whole output, for comparison | {sum(part[1] for part in bare_parts):,} "
                             f"| {sum(part[2] for part in bare_parts) / 1e6:.1f} | | "
                             f"{sum(part[3] for part in bare_parts) / 1e6:.1f} |")
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", help="services per site (default 1000 10000, "
                        "none with --national)")
    parser.add_argument("--national", action="store_true", help=f"add a {NATIONAL:,}-service site: one full "
                        "build, validate and bare Pelican only")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--timeout", type=float, default=1800, help="seconds before one command is stopped")
    parser.add_argument("--memory", type=float, help="MB a command and its workers may hold before it is stopped "
                        "(default: no bound)")
    parser.add_argument("--results", type=Path, default=ROOT / "bench" / "RESULTS.md", help="where to write the table")
    parser.add_argument("--keep", type=Path, help="build in this folder and keep it (default: a temporary one)")
    args = parser.parse_args()
    if args.sizes is None:
        args.sizes = [] if args.national else [1000, 10000]
    sizes = sorted(set(args.sizes) | ({NATIONAL} if args.national else set()))
    bounds = {"timeout": args.timeout, "memory_mb": args.memory}
    results = {}
    with tempfile.TemporaryDirectory(prefix="bench-build-") as temporary:
        base = args.keep or Path(temporary)
        for size in sizes:
            folder = base / f"site-{size}"
            shutil.rmtree(folder, ignore_errors=True)
            folder.mkdir(parents=True)
            how = measure_national if args.national and size == NATIONAL else measure
            results[size] = how(size, folder, args.seed, bounds)
            # Written after each size, so a run stopped during a larger size keeps the smaller ones.
            markers = table_of(size, args)
            write_results(args.results, report({s: r for s, r in results.items() if table_of(s, args) == markers}, args),
                          markers)
    print(report(results, args))


def table_of(size, args):
    """The markers of the table in RESULTS.md that `size`'s rows are written to."""
    return NATIONAL_TABLE if args.national and size == NATIONAL else REGIONAL_TABLE


def write_results(path, table, markers=REGIONAL_TABLE):
    """Replace the table between `markers` in RESULTS.md, keeping the notes and other tables around it;
    a table whose markers the file does not have yet is added at its end."""
    start, end = markers
    text = path.read_text(encoding="utf-8") if path.exists() else "# Build benchmark results\n"
    if start not in text:
        text = f"{text.rstrip()}\n\n{start}\n{end}\n"
    before, _, rest = text.partition(start)
    _, _, after = rest.partition(end)
    path.write_text(f"{before}{start}\n{table}\n{end}{after}", encoding="utf-8")


if __name__ == "__main__":
    main()
