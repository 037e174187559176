"""The one-pass reader (written_yaml.one_pass) gives the careful path's result, or leaves the file to it.

Every YAML file in the repository (sample, golden, test and hostile providers),
generated providers, and texts written to reach each way the one-pass reader
gives up, are read both ways: the data, lines and problems must be the same.
"""

from pathlib import Path

import pytest

from bench.make_providers import write_providers
from localoffer.written_yaml import bounded
from localoffer.written_yaml.loader import load_carefully, load_text
from localoffer.written_yaml.one_pass import load_plain

ROOT = Path(__file__).parent.parent
REPOSITORY_FILES = sorted(
    path for folder in ("providers", "tests")
    for path in (ROOT / folder).rglob("*.y*ml") if path.suffix in (".yaml", ".yml")
)

TEXTS = {
    "plain": "id: a\nservice:\n  name: A\n  keywords: [x, 'y', \"z\"]\n  none:\n  tilde: ~\n  quoted: '~'\n",
    "nulls": "a: null\nb: Null\nc: NULL\nd: 'null'\ne: \"\"\nf: ''\ng: nUll\nh: [~, null, '', x]\n",
    "block text": "a: |\n  two\n  lines\nb: >\n  folded\n  text\n",
    "list root": "- a\n- b: c\n  d: [1, 2]\n",
    "scalar root": "just text\n",
    "null root": "~\n",
    "document marker only": "---\n",
    "document marker and end": "--- \nid: a\n...\n",
    "empty": "",
    "comments only": "# nothing here\n",
    "two documents": "id: a\n---\nid: b\n",
    "duplicate key": "id: a\nservice:\n  name: A\n  name: B\n",
    "duplicate key in a list": "items:\n  - a: 1\n    a: 2\n",
    "list as key": "? [a, b]\n: c\n",
    "section as key": "? {a: b}\n: c\n",
    "anchor and alias": "a: &x text\nb: *x\n",
    "anchor on a section": "a: &x\n  b: c\n",
    "alias alone": "a: *x\n",
    "tag": "a: !!str 12\n",
    "null tag": "a: !!null x\n",
    "local tag": "a: !thing x\n",
    "tag on a section": "a: !!map\n  b: c\n",
    "tab indentation": "id: a\nservice:\n\tname: A\n",
    "bad indentation": "id: a\n  name: b\n c: d\n",
    "colon in text": "summary: Ages: 5 to 11\n",
    "unclosed quote": "a: 'text\n",
    "byte order mark": "\ufeffid: a\n",
    "control character": "a: \x07\n",
    "deep": "a: " + "[" * (bounded.MAX_DEPTH + 1) + "]" * (bounded.MAX_DEPTH + 1) + "\n",
    "just deep enough": "a: " + "[" * (bounded.MAX_DEPTH - 1) + "]" * (bounded.MAX_DEPTH - 1) + "\n",
    "many keys": "".join(f"k{index}: v\n" for index in range(bounded.MAX_KEYS + 1)),
    "many items": "a:\n" + "".join("  - x\n" for _ in range(bounded.MAX_ITEMS + 1)),
    "numbers and words": "a: 010\nb: 1e3\nc: yes\nd: off\ne: 10:30\nf: 2026-01-31\n",
    "flow section": "a: {b: c, d: [e, {f: g}]}\n",
    "empty containers": "a: {}\nb: []\nc: [[]]\n",
}


def _both_ways(text):
    careful, careful_problems = load_carefully(text, "providers/x.yaml", "copy the template")
    loaded, problems = load_text(text, "providers/x.yaml", "copy the template")
    assert problems == careful_problems
    assert (loaded and (loaded.data, loaded.lines)) == (careful and (careful.data, careful.lines))
    return careful, careful_problems


@pytest.mark.parametrize("path", REPOSITORY_FILES, ids=lambda path: str(path.relative_to(ROOT)))
def test_every_file_in_the_repository_reads_the_same_both_ways(path):
    text = path.read_bytes().decode("utf-8", errors="replace")
    careful, problems = _both_ways(text)
    if careful is not None and not problems and not text.lstrip("\ufeff").startswith("---"):
        assert load_plain(text.lstrip("\ufeff")) is not None, "a well-formed file is read in one pass"


@pytest.mark.parametrize("name", sorted(TEXTS))
def test_each_way_of_giving_up_reads_the_same_both_ways(name):
    _both_ways(TEXTS[name])


def test_the_one_pass_reader_reads_the_well_formed_texts_and_leaves_the_rest():
    read = {name for name, text in TEXTS.items() if load_plain(text.lstrip("\ufeff")) is not None}
    assert read == {
        "plain", "nulls", "block text", "list root", "scalar root", "null root", "document marker only",
        "document marker and end", "byte order mark", "just deep enough", "numbers and words",
        "flow section", "empty containers",
    }


def test_generated_providers_read_the_same_both_ways(tmp_path):
    write_providers(tmp_path / "providers", 60, 3)
    for path in sorted((tmp_path / "providers").glob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        careful, problems = _both_ways(text)
        assert problems == [] and load_plain(text) == (careful.data, careful.lines)
