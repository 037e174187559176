"""Run one command and read the operating system's own accounting of it; weigh
and compare output trees. Public tools only: os.wait4 gives the CPU time and
peak memory (ru_maxrss) of that one process and the processes it waited for,
as /usr/bin/time -v reports them.
"""

import hashlib
import os
import platform
import re
import signal
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path


NO_OUTPUT = "(no output)"


@dataclass
class Run:
    wall: float  # seconds
    cpu: float  # user + system seconds
    # The largest resident set of the process or a child it waited for (ru_maxrss), or, if larger, of
    # the process and its workers together (sampled twice a second).
    peak_mb: float
    finished: bool = True
    note: str = ""


def run(command, cwd, log, timeout=None, env=None, memory_mb=None):
    """Run `command` with its output in `log`; stop it after `timeout` seconds, or as soon as it and
    its child processes hold more than `memory_mb` MB, and say where its log had got to."""
    with open(log, "wb") as out:
        started = time.perf_counter()
        # In a session of its own, so that stopping it stops its rendering workers too.
        process = subprocess.Popen(command, cwd=cwd, stdout=out, stderr=subprocess.STDOUT, env=env,
                                   start_new_session=True)
        polls, tree_peak = 0, 0
        while True:
            pid, status, usage = os.wait4(process.pid, os.WNOHANG)
            if pid:
                break
            polls += 1
            over_time = timeout and time.perf_counter() - started > timeout
            # Reading /proc for the whole tree costs more than a wait: twice a second is enough.
            held = tree_memory_mb(process.pid) if polls % 10 == 0 or over_time else 0
            tree_peak = max(tree_peak, held)
            if over_time or (memory_mb and held > memory_mb):
                peak = max(tree_peak, _peak_so_far(process.pid))
                os.killpg(process.pid, signal.SIGKILL)
                os.wait4(process.pid, 0)
                wall = time.perf_counter() - started
                bound = f"after {timeout:g} s (the time bound)" if over_time else \
                    f"at {held:.0f} MB (the memory bound, {memory_mb:g} MB)"
                return Run(wall, float("nan"), peak, False, f"stopped {bound}{_reached(log)}")
            time.sleep(0.05)
    wall = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    result = Run(wall, usage.ru_utime + usage.ru_stime, max(usage.ru_maxrss / 1024, tree_peak))
    if process.returncode != 0:
        result.finished = False
        result.note = f"exit {process.returncode}: " + _last_line(log)
    return result


def tree_memory_mb(pid):
    """The memory a process and all its descendants (rendering workers) hold together, in MB.

    Each process counts its proportional set size (Pss in /proc/PID/smaps_rollup): a page a
    forked worker still shares with its parent counts once, split between them. Adding up
    resident sizes (VmRSS) would count the parent's copy-on-write memory once per worker (at
    100,000 services, 10.8 GB for three processes that held 4.4 GB)."""
    total, waiting = 0, [pid]
    while waiting:
        current = waiting.pop()
        try:
            children = Path(f"/proc/{current}/task/{current}/children").read_text().split()
            total += _kilobytes(Path(f"/proc/{current}/smaps_rollup").read_text(), "Pss:")
        except OSError:
            continue  # it has just ended
        waiting += map(int, children)
    return total / 1024


def _kilobytes(status, field):
    """The figure, in kB, of the line that starts with `field` in a /proc status-like text (0 if none)."""
    return next((int(line.split()[1]) for line in status.splitlines() if line.startswith(field)), 0)


def _reached(log):
    """Where a stopped command had got to: the last line of its log, if it wrote one."""
    line = _last_line(log)
    return "" if line == NO_OUTPUT else f"; its last line: {line.strip()[:160]}"


def _peak_so_far(pid):
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0


def _last_line(log):
    lines = [line for line in Path(log).read_text(errors="replace").splitlines() if line.strip()]
    return lines[-1][:200] if lines else NO_OUTPUT


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
# The A to Z's later pages (services/page-2/) sit beside the services' own (services/<id>/): an id of
# that form is refused (service_directory/rules.py), so the address tells them apart.
A_TO_Z_PAGE = re.compile(r"services/page-[0-9]+/index\.html")

PARTS = (
    ("service pages", lambda p: p.startswith("services/") and p.count("/") == 2 and p.endswith("/index.html")
     and not A_TO_Z_PAGE.fullmatch(p)),
    ("easy read", lambda p: "easy-read/" in p),
    ("service pictures", lambda p: p.startswith("services/") and p.endswith((".png", ".jpg", ".jpeg", ".webp"))),
    ("search index (terms)", lambda p: p.startswith("search/data/terms/")),
    ("search result store", lambda p: p.startswith("search/data/store/")),
    ("search filters and manifest", lambda p: p.startswith("search/")),
    ("listings (A to Z, categories, needs, ages, areas)",
     lambda p: p.startswith(("services/index.html", "categories/", "needs/", "ages/", "areas/")) or A_TO_Z_PAGE.fullmatch(p)),
    ("manifest.json (editorial)", lambda p: p == "manifest.json"),
    # The Open Referral UK feed is one document per service (open_data's OPEN_REFERRAL_PATH default).
    ("open data", lambda p: p.startswith(("open-data/", "open-referral/", "data/", "sitemap"))),
    ("theme (CSS, JavaScript, fonts)", lambda p: p.startswith("theme/")),
    ("content pages and the rest", lambda p: True),
)


def output_parts(folder):
    """[(part, files, bytes, bytes on disk)] of the output tree, in PARTS order, parts with no files left
    out. Bytes are what a host serves; on disk each file takes whole blocks (4 KB on most file systems),
    so a part of many small files, such as the feed's one folder per service, takes more there."""
    folder = Path(folder)
    totals = {name: [0, 0, 0] for name, _ in PARTS}
    for path in folder.rglob("*"):
        if path.is_file():
            relative = path.relative_to(folder).as_posix()
            name = next(name for name, test in PARTS if test(relative))
            stat = path.stat()
            totals[name][0] += 1
            totals[name][1] += stat.st_size
            totals[name][2] += stat.st_blocks * 512
    return [(name, files, size, disk) for name, (files, size, disk) in totals.items() if files]


def machine():
    """What the figures were measured on."""
    model = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                  if line.startswith("model name")), platform.processor() or "unknown")
    memory = next((int(line.split()[1]) for line in Path("/proc/meminfo").read_text().splitlines()
                   if line.startswith("MemTotal:")), 0)
    return f"{os.cpu_count()} cores ({model}), {memory / 1024 / 1024:.1f} GiB memory, Python {platform.python_version()}"
