"""safe_build pauses Python's cyclic garbage collector while generators make their context (collector.py)."""

import gc
import json
import subprocess
import sys

import pytest

from localoffer.safe_build.collector import _without_collector
from tests.conftest import BUILD_DATE, FIXTURES, ROOT


@pytest.fixture(autouse=True)
def collector_as_it_was():
    enabled = gc.isenabled()
    yield
    gc.unfreeze()
    gc.enable() if enabled else gc.disable()


def test_generate_context_runs_without_the_collector_and_what_it_made_is_frozen():
    seen = []
    made = _without_collector(lambda: seen.append(gc.isenabled()) or "context")
    gc.enable()
    gc.unfreeze()
    assert made() == "context"
    assert seen == [False]
    assert gc.isenabled()
    assert gc.get_freeze_count() > 0


def test_a_failing_generate_context_switches_the_collector_back_on():
    def fails():
        raise ValueError("a provider file broke the build")

    gc.enable()
    with pytest.raises(ValueError, match="a provider file broke the build"):
        _without_collector(fails)()
    assert gc.isenabled()


def test_a_collector_switched_off_before_stays_off():
    gc.disable()
    _without_collector(lambda: None)()
    assert not gc.isenabled()


BUILD = """
import gc, json, sys
from pelican import main
main(sys.argv[1:])
print(json.dumps({"enabled": gc.isenabled(), "frozen": gc.get_freeze_count()}))
"""


@pytest.fixture(params=[1, 2], ids=["one worker", "two workers"])
def workers(request):
    return request.param


def test_after_a_build_the_collector_is_on_and_the_context_frozen(tmp_path, workers):
    # With workers, rendering freezes what they inherit and must not thaw what the build froze before.
    values = {"PROVIDERS_PATH": str(FIXTURES / "site" / "providers"), "OUTPUT_PATH": str(tmp_path / "output"),
              "CACHE_PATH": str(tmp_path / "cache"), "SERVICES_BUILD_DATE": BUILD_DATE,
              "LOCAL_OFFER_BUILD_WORKERS": workers}
    command = [sys.executable, "-c", BUILD, "content", "-s", "pelicanconf.py", "-e"]
    command += [f"{key}={json.dumps(value)}" for key, value in values.items()]
    result = subprocess.run(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                            env={"PATH": "/usr/bin:/bin", "COLUMNS": "500", "TERM": "dumb"})
    state = json.loads(result.stdout.strip().splitlines()[-1])
    assert state["enabled"] is True
    assert state["frozen"] > 0
