"""Run one command and read the operating system's own accounting of it; weigh
and compare output trees. Public tools only: os.wait4 gives the CPU time and
peak memory (ru_maxrss) of that one process and the processes it waited for,
as /usr/bin/time -v reports them.
"""

import hashlib
import os
import platform
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path


@dataclass
class Run:
    wall: float  # seconds
    cpu: float  # user + system seconds
    peak_mb: float  # the largest resident set of the process or a child it waited for
    finished: bool = True
    note: str = ""


def run(command, cwd, log, timeout=None, env=None):
    """Run `command` with its output in `log`; stop it after `timeout` seconds."""
    with open(log, "wb") as out:
        started = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, stdout=out, stderr=subprocess.STDOUT, env=env)
        while True:
            pid, status, usage = os.wait4(process.pid, os.WNOHANG)
            if pid:
                break
            if timeout and time.perf_counter() - started > timeout:
                peak = _peak_so_far(process.pid)
                process.kill()
                os.wait4(process.pid, 0)
                wall = time.perf_counter() - started
                return Run(wall, float("nan"), peak, False, f"stopped after {timeout:g} s (the time bound)")
            time.sleep(0.05)
    wall = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    result = Run(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024)
    if process.returncode != 0:
        result.finished = False
        result.note = f"exit {process.returncode}: " + _last_line(log)
    return result


def _peak_so_far(pid):
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return float("nan")


def _last_line(log):
    lines = [line for line in Path(log).read_text(errors="replace").splitlines() if line.strip()]
    return lines[-1][:200] if lines else "(no output)"


def snapshot(folder):
    """{relative path: sha256} of every file under `folder`."""
    folder = Path(folder)
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*")) if path.is_file()
    }


def differences(one, two):
    """The paths whose bytes differ, or that only one tree has."""
    return sorted(path for path in set(one) | set(two) if one.get(path) != two.get(path))


# (part, test on the path relative to the output folder), first match wins.
PARTS = (
    ("service pages", lambda p: p.startswith("services/") and p.count("/") == 2 and p.endswith("/index.html")),
    ("easy read", lambda p: "easy-read/" in p),
    ("service pictures", lambda p: p.startswith("services/") and p.endswith((".png", ".jpg", ".jpeg", ".webp"))),
    ("search index (terms)", lambda p: p.startswith("search/data/terms/")),
    ("search result store", lambda p: p.startswith("search/data/store/")),
    ("search filters and manifest", lambda p: p.startswith("search/")),
    ("listings (A to Z, categories, needs, ages, areas)",
     lambda p: p.startswith(("services/index.html", "categories/", "needs/", "ages/", "areas/"))),
    ("manifest.json (editorial)", lambda p: p == "manifest.json"),
    # The Open Referral UK feed is one document per service (open_data's OPEN_REFERRAL_PATH default).
    ("open data", lambda p: p.startswith(("open-data/", "open-referral/", "data/", "sitemap"))),
    ("theme (CSS, JavaScript, fonts)", lambda p: p.startswith("theme/")),
    ("content pages and the rest", lambda p: True),
)


def output_parts(folder):
    """[(part, files, bytes)] of the output tree, in PARTS order, parts with no files left out."""
    folder = Path(folder)
    totals = {name: [0, 0] for name, _ in PARTS}
    for path in folder.rglob("*"):
        if path.is_file():
            relative = path.relative_to(folder).as_posix()
            name = next(name for name, test in PARTS if test(relative))
            totals[name][0] += 1
            totals[name][1] += path.stat().st_size
    return [(name, files, size) for name, (files, size) in totals.items() if files]


def machine():
    """What the figures were measured on."""
    model = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                  if line.startswith("model name")), platform.processor() or "unknown")
    memory = next((int(line.split()[1]) for line in Path("/proc/meminfo").read_text().splitlines()
                   if line.startswith("MemTotal:")), 0)
    return f"{os.cpu_count()} cores ({model}), {memory / 1024 / 1024:.1f} GiB memory, Python {platform.python_version()}"
