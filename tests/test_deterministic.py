"""The same files give the same site, byte for byte, whatever the machine's
locale, time zone, hash seed, folder, and the order and times files were made in."""

import os
import shutil
import subprocess

from tests.conftest import ROOT, run_pelican
from tests.test_incremental import differing, snapshot


def other_locale():
    """en_GB.UTF-8 where the machine has it (Debian needs the `locales` package), else plain C."""
    listed = subprocess.run(["locale", "-a"], capture_output=True, text=True).stdout.split()
    return "en_GB.UTF-8" if {"en_GB.utf8", "en_GB.UTF-8"} & set(listed) else "C"


def copy_in_order(source, target, newest_first, base_time):
    """Copy every file of `source`, in name order or its reverse, each with its own modification time."""
    files = sorted(path for path in source.rglob("*") if path.is_file())
    for number, path in enumerate(reversed(files) if newest_first else files):
        copy = target / path.relative_to(source)
        copy.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, copy)
        os.utime(copy, (base_time + number * 3600, base_time + number * 3600))


def build_site(folder, newest_first, base_time, env):
    providers, content = folder / "providers", folder / "content"
    copy_in_order(ROOT / "providers", providers, newest_first, base_time)
    copy_in_order(ROOT / "content", content, newest_first, base_time)
    result = run_pelican(providers, folder / "output", PATH=str(content), env=env)
    assert result.returncode == 0, result.stdout
    return snapshot(folder / "output")


def test_locale_time_zone_and_file_order_do_not_change_the_site(tmp_path):
    first = build_site(tmp_path / "first", newest_first=False, base_time=1_600_000_000,
                       env={"LC_ALL": "C.UTF-8", "TZ": "UTC", "PYTHONHASHSEED": "1"})
    second = build_site(tmp_path / "second", newest_first=True, base_time=1_760_000_000,
                        env={"LC_ALL": other_locale(), "TZ": "Pacific/Auckland", "PYTHONHASHSEED": "2"})
    assert len(first) > 100
    assert differing(first, second) == []
