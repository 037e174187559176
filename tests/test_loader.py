"""The loader keeps what providers wrote, and where they wrote it."""

from pathlib import Path

from localoffer.written_yaml.loader import load_file, load_text

FIXTURES = Path(__file__).parent / "fixtures" / "providers"


def test_scalars_keep_their_written_text():
    loaded, problems = load_file(FIXTURES / "valid" / "written-text.yaml", "providers/written-text.yaml")
    assert problems == []
    data = loaded.data
    assert data["organisation"]["name"] == "NO"  # not False
    assert data["service"]["name"] == "0123"  # not 83 (octal) or 123
    assert data["service"]["summary"] == "10:30"  # not 630 (base 60)
    assert data["service"]["description"] == "Yes"
    assert data["service"]["opening_times"][0]["opens"] == "09:00"
    assert data["service"]["keywords"] == ["1e3", "0x1F", "off", "~text"]
    assert data["contact"]["phone"] == "01632960789"
    assert data["last_reviewed"] == "2026-01-31"  # not a date object
    assert data["template_version"] == "1"


def test_every_key_and_item_knows_its_line():
    loaded, _ = load_file(FIXTURES / "valid" / "complete-service.yaml", "providers/complete-service.yaml")
    assert loaded.line_of(("id",)) == 4
    assert loaded.line_of(("service", "age_range", "min")) == 20
    assert loaded.line_of(("service", "categories", 0)) == 18
    assert loaded.line_of(("locations", 0, "postcode")) == 50
    # A key that is not written points at its nearest written parent.
    assert loaded.line_of(("service", "cost", "not_written")) == 22


def test_a_duplicate_key_is_an_error_not_last_one_wins():
    text = "id: first\nservice:\n  name: A\n  name: B\n"
    loaded, problems = load_text(text, "providers/x.yaml")
    assert [str(p) for p in problems] == [
        "providers/x.yaml:4: service.name: `name` is written twice (first on line 3); keep one and delete the other"
    ]
    assert loaded.data["service"]["name"] == "A"


def test_empty_plain_value_means_nothing_written_but_quoted_empty_text_is_text():
    loaded, problems = load_text('a:\nb: ""\nc: ~\nd: "~"\n', "providers/x.yaml")
    assert problems == []
    assert loaded.data == {"a": None, "b": "", "c": None, "d": "~"}


def test_a_byte_order_mark_is_tolerated(tmp_path):
    path = tmp_path / "bom.yaml"
    path.write_bytes("\ufeffid: bom\n".encode("utf-8"))
    loaded, problems = load_file(path, "providers/bom.yaml")
    assert problems == []
    assert loaded.data == {"id": "bom"}


def test_parse_error_names_file_line_and_fix():
    text = "id: x\nservice:\n  summary: Ages: 5 to 11\n"
    loaded, problems = load_text(text, "providers/x.yaml")
    assert loaded is None
    assert [str(p) for p in problems] == [
        "providers/x.yaml:3: (file): the file is not valid YAML (mapping values are not allowed in this context); "
        'put text that contains ": " in quotes, e.g. summary: "Ages: 5 to 11"'
    ]


def test_tabs_are_explained():
    loaded, problems = load_text("id: x\nservice:\n\tname: A\n", "providers/x.yaml")
    assert loaded is None
    assert [str(p) for p in problems] == [
        "providers/x.yaml:3: (file): the file is not valid YAML (found character that cannot start any token); "
        "indent with spaces, not tabs"
    ]


def test_one_document_per_file():
    _, problems = load_text("id: a\n---\nid: b\n", "providers/x.yaml")
    assert [str(p) for p in problems] == [
        "providers/x.yaml:3: (file): a provider file holds one YAML document, and a second one starts here; "
        "remove the `---` line and what follows"
    ]


def test_empty_file():
    _, problems = load_text("# nothing yet\n", "providers/x.yaml", "copy providers/_template.yaml and fill it in")
    assert [str(p) for p in problems] == [
        "providers/x.yaml:1: (file): the file is empty; copy providers/_template.yaml and fill it in"
    ]


def test_a_file_that_is_not_utf8(tmp_path):
    path = tmp_path / "latin.yaml"
    path.write_bytes("name: Zo\xeb\n".encode("latin-1"))
    loaded, problems = load_file(path, "providers/latin.yaml")
    assert loaded is None
    assert [str(p) for p in problems] == [
        "providers/latin.yaml:1: (file): the file is not UTF-8 text (byte 8); save it as UTF-8"
    ]
