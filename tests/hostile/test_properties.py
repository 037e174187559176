"""Property tests: whatever a file holds, reading and checking it gives a
provider or problems with a file and a line, never a traceback, within the
limits. Example counts are kept modest so the suite stays fast."""

import datetime
import io

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.configuration import set_hypothesis_home_dir
from PIL import Image

from localoffer.service_directory.images import picture_problem
from localoffer.service_directory.validate import ProviderChecker
from localoffer.written_yaml.loader import load_text
from localoffer.written_yaml.problems import QUOTE_LIMIT, Problem
from tests.hostile.conftest import provider_text

# Hypothesis keeps its examples outside the repository (nothing in it may name a path outside it).
set_hypothesis_home_dir(Path(tempfile.gettempdir()) / "localoffer-hypothesis")
SHOWN = "providers/x.yaml"
FAST = settings(max_examples=60, deadline=None, database=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
CHECKER = ProviderChecker({"activities-and-short-breaks": "A"}, {"highcombe": "H"}, datetime.date(2026, 11, 22))

# Text that looks like YAML: its punctuation, indentation and words, in any order.
YAML_PIECES = st.sampled_from(["\n", "  ", "- ", ": ", "[", "]", "{", "}", ",", "&a ", "*a", "!!str ", "? ", "|\n",
                               ">\n", "'", '"', "#", "---\n", "...\n", "id", "service", "name", "yes", "01632", "\t"])
YAMLISH = st.lists(st.one_of(YAML_PIECES, st.text(max_size=12)), max_size=80).map("".join)
# A value anywhere in a good file: any text, quoted so that it stays one value.
ANY_VALUE = st.text(max_size=300).map(lambda text: '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"')
FIELDS = st.sampled_from(["    free: no", "  name: Friday Inclusive Youth Club", '  phone: "01632 960 456"',
                          "  postcode: NM7 2QT", "last_reviewed: 2026-06-15", "    details: £2 a session."])


def assert_well_formed(problems, text_length):
    for problem in problems:
        assert isinstance(problem, Problem)
        assert problem.file == SHOWN or problem.file.endswith(".yaml")
        assert isinstance(problem.line, int) and 1 <= problem.line <= text_length + 2
        shown = str(problem)
        assert "\n" not in shown and "\r" not in shown
        assert not shown.lstrip().startswith("::")
        assert len(shown) < 1000


@FAST
@given(YAMLISH)
def test_the_loader_gives_data_or_problems_never_a_traceback(text):
    loaded, problems = load_text(text, SHOWN)
    assert loaded is not None or problems
    assert_well_formed(problems, text.count("\n") + 1)


@FAST
@given(st.binary(max_size=400))
def test_any_bytes_give_data_or_problems(tmp_path_factory, data):
    path = tmp_path_factory.mktemp("bytes") / "x.yaml"
    path.write_bytes(data)
    checked = CHECKER.check_file(path)
    assert checked.ok or checked.problems
    for problem in checked.problems:
        assert str(problem).startswith("bytes")  # the folder/file as shown, then the line


@FAST
@given(FIELDS, ANY_VALUE)
def test_any_value_in_a_good_file_gives_a_provider_or_problems_that_quote_little(tmp_path_factory, field, value):
    path = tmp_path_factory.mktemp("value") / "x.yaml"
    name, _ = field.split(":", 1)
    path.write_text(provider_text("x", (field, f"{name}: {value}")), encoding="utf-8")
    checked = CHECKER.check_file(path)
    assert checked.ok or [p for p in checked.problems if p.severity == "error"]
    for problem in checked.problems:
        message = problem.message
        assert "\n" not in str(problem)
        # A value is quoted at most once, cut to QUOTE_LIMIT characters (escapes can make it longer).
        assert len(message) < 4 * QUOTE_LIMIT + 300


def _png(width, height):
    buffer = io.BytesIO()
    Image.new("RGB", (width, height)).save(buffer, "PNG")
    return buffer.getvalue()


@FAST
@given(st.integers(1, 40), st.integers(1, 40), st.binary(max_size=64), st.integers(0, 400))
def test_any_damage_to_a_picture_gives_a_problem_naming_it_or_a_picture(tmp_path_factory, width, height, junk, cut):
    path = tmp_path_factory.mktemp("picture") / "p.png"
    good = _png(width, height)
    path.write_bytes(good[:cut] + junk + good[cut + len(junk):])
    problem = picture_problem(path, "images/p.png", max_pixels=1000)
    assert problem is None or problem.startswith("`images/p.png` ")
    if problem is None:
        assert width * height <= 1000
