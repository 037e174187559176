"""The typed model of a service (service_directory/model.py) and the schema say the same, and the
loader makes the model of a checked provider file with the line of each field."""

import dataclasses
import datetime
import re
import typing
from pathlib import Path

import pytest

from localoffer.service_directory import model
from localoffer.service_directory.fieldref import blank_template, fields, reference_markdown
from localoffer.service_directory.loader import PackedLines, field_lines, record_from_checked
from localoffer.service_directory.schema import base_schema, resolve
from localoffer.service_directory.validate import ProviderChecker

ROOT = Path(__file__).resolve().parent.parent
PROVIDERS = ROOT / "providers"
SCALARS = {"string": str, "integer": int, "boolean": bool, "number": float}


def file_fields(cls):
    """{name: (type, required?)} of the fields a provider writes."""
    hints = typing.get_type_hints(cls)
    return {
        item.name: (hints[item.name], item.default is dataclasses.MISSING and item.default_factory is dataclasses.MISSING)
        for item in dataclasses.fields(cls) if item.metadata.get("in_file", True)
    }


def without_none(kind):
    args = [arg for arg in typing.get_args(kind) if arg is not type(None)]
    return args[0] if type(None) in typing.get_args(kind) and len(args) == 1 else kind


def differences(cls, node, path=""):
    """Every way the class `cls` and the schema `node` disagree, as text."""
    schema = base_schema()
    node = resolve(schema, node)
    found = []
    properties = node.get("properties", {})
    ours = file_fields(cls)
    for key in properties.keys() - ours.keys():
        found.append(f"{path}{key}: in the schema, not in {cls.__name__}")
    for key in ours.keys() - properties.keys():
        found.append(f"{path}{key}: in {cls.__name__}, not in the schema")
    for key in properties.keys() & ours.keys():
        kind, required = ours[key]
        if required != (key in node.get("required", [])):
            found.append(f"{path}{key}: required in {'the model' if required else 'the schema'} only")
        found += type_differences(kind, resolve(schema, properties[key]), f"{path}{key}")
    return found


def type_differences(kind, node, where):
    kind = without_none(kind)
    schema_type = node.get("type")
    if schema_type == "object":
        if not dataclasses.is_dataclass(kind):
            return [f"{where}: a section in the schema, {kind} in the model"]
        return differences(kind, node, f"{where}.")
    if schema_type == "array":
        if typing.get_origin(kind) is not tuple or typing.get_args(kind)[1:] != (Ellipsis,):
            return [f"{where}: a list in the schema, {kind} in the model"]
        return type_differences(typing.get_args(kind)[0], resolve(base_schema(), node["items"]), f"{where}[]")
    wanted = datetime.date if node.get("format") == "date" else SCALARS[schema_type]
    return [] if kind is wanted else [f"{where}: {wanted.__name__} in the schema, {kind} in the model"]


def test_the_model_and_the_schema_have_the_same_fields_types_and_required_fields():
    assert differences(model.ServiceRecord, base_schema()) == []


def test_the_comparison_finds_a_field_the_model_lacks_and_a_wrong_type():
    @dataclasses.dataclass(frozen=True)
    class Cost:
        free: str
        price: int = 0

    node = {"type": "object", "required": ["free"], "properties": {
        "free": {"type": "boolean"}, "details": {"type": "string"}}}
    assert sorted(differences(Cost, node)) == [
        "details: in the schema, not in Cost", "free: bool in the schema, <class 'str'> in the model",
        "price: in Cost, not in the schema",
    ]


def model_paths(cls, prefix=""):
    paths = []
    for name, (kind, _) in file_fields(cls).items():
        path = f"{prefix}{name}"
        paths.append(path)
        kind = without_none(kind)
        if typing.get_origin(kind) is tuple:
            item = typing.get_args(kind)[0]
            if dataclasses.is_dataclass(item):
                paths += model_paths(item, f"{path}[].")
        elif dataclasses.is_dataclass(kind):
            paths += model_paths(kind, f"{path}.")
    return paths


def test_the_field_reference_and_the_blank_template_name_every_field_of_the_model():
    reference, template = reference_markdown(), blank_template()
    paths = model_paths(model.ServiceRecord)
    assert "service.waiting_time.weeks" in paths
    assert [path for path in paths if f"| `{path}`" not in reference] == []
    keys = set(re.findall(r"(?m)^ *(?:- )?([a-z_]+):", template))
    assert [path for path in paths if path.rsplit(".", 1)[-1] not in keys] == []
    # fieldref walks the schema: the same fields, in the same order, as the model.
    assert sorted(path for path, _, _ in fields()) == sorted(paths + [f"{p}[]" for p in paths
                                                                    if p in ("service.opening_times", "locations", "images", "easy_read.points")])


@pytest.fixture(scope="module")
def checker():
    return ProviderChecker({"health": "Health", "education": "Education"}, {"fenwick": "Fenwick", "northmoor": "Northmoor"},
                           datetime.date(2026, 11, 22))


WRITTEN = """template_version: 1
id: riverside
organisation:
  name: Riverside Trust
service:
  name: Riverside Speech Drop-in
  summary: Speech help.
  description: We help with talking.
  categories: [health]
  age_range: {min: 0, max: 5}
  areas: [all]
  cost:
    free: yes
  how_to_access:
    referral: [self]
    details: Just come along.
  waiting_time:
    weeks: 6
    details: Urgent referrals are seen within a week.
eligibility:
  who_can_use: Families in Northmoor.
  diagnosis_needed: no
  ehcp_needed: no
locations:
  - name: Riverside Centre
    address: [1 River Road, Fenwick]
    postcode: nm14ab
    latitude: 53
contact:
  phone: (01632) 960-123
last_reviewed: 2026-09-01
"""


def test_the_loader_makes_the_typed_record_of_a_checked_file(tmp_path, checker):
    path = tmp_path / "riverside.yaml"
    path.write_text(WRITTEN, encoding="utf-8")
    checked = checker.check_file(path)
    assert checked.ok, checked.problems
    record = record_from_checked(checked.data, checked.lines)
    assert record.service.waiting_time == model.WaitingTime(6, "Urgent referrals are seen within a week.")
    assert record.service.cost == model.Cost(True)
    assert record.service.areas == ("all",) and record.service.needs == ()
    assert record.locations == (model.Location("Riverside Centre", ("1 River Road", "Fenwick"), "NM1 4AB", 53.0),)
    assert isinstance(record.locations[0].latitude, float)
    assert record.contact.phone == "01632 960 123" and record.contact.phone_href == "tel:+441632960123"
    assert record.last_reviewed == datetime.date(2026, 9, 1)
    assert record.status == "published" and record.accessibility.step_free_access == "unknown"
    assert record.easy_read is None and record.service.send_support is None
    assert record.line_of("service.waiting_time.weeks") == 18
    assert record.line_of("service.waiting_time.details") == 19
    assert record.line_of("locations[0].postcode") == 27
    assert record.line_of("accessibility.step_free_access") is None
    with pytest.raises(dataclasses.FrozenInstanceError):
        record.service.name = "Another name"


def test_the_record_is_the_same_from_the_build_cache(tmp_path, checker):
    from localoffer.cache_files.data import from_data, to_data
    from localoffer.service_directory.build_cache import KINDS

    path = tmp_path / "riverside.yaml"
    path.write_text(WRITTEN, encoding="utf-8")
    checked = checker.check_file(path)
    again = from_data(to_data(checked), KINDS)
    assert record_from_checked(again.data, again.lines) == record_from_checked(checked.data, checked.lines)
    assert again.lines == checked.lines


def test_field_lines_are_text_keys_for_every_key_and_list_item():
    assert field_lines({(): 1, ("service",): 2, ("service", "categories", 1): 4, ("easy_read", "points", 0, "text"): 9}) == {
        "service": 2, "service.categories[1]": 4, "easy_read.points[0].text": 9,
    }


def test_packed_lines_give_what_the_dict_gives(tmp_path, checker):
    path = tmp_path / "riverside.yaml"
    path.write_text(WRITTEN, encoding="utf-8")
    lines = checker.check_file(path).lines
    packed = PackedLines(lines)
    assert dict(packed) == lines and list(packed) == list(lines) and len(packed) == len(lines)
    assert packed["locations[0].postcode"] == 27 and "accessibility" not in packed
    assert model.line_of(packed, "locations[0].postcode") == 27 and model.line_of(packed, "accessibility.details") is None
    with pytest.raises(KeyError, match="accessibility"):
        packed["accessibility"]


def test_a_chosen_word_is_one_string_in_every_file(tmp_path, checker):
    # Each record holds about 17 (accessibility answers, needs, days): a copy each was 0.9 KB a service.
    first, second = tmp_path / "first.yaml", tmp_path / "second.yaml"
    first.write_text(WRITTEN, encoding="utf-8")
    second.write_text(WRITTEN.replace("riverside", "second"), encoding="utf-8")
    one, two = (checker.check_file(path).data for path in (first, second))
    (mine,), (theirs,) = (data["service"]["how_to_access"]["referral"] for data in (one, two))
    assert mine == "self" and mine is theirs


def test_services_with_the_same_accessibility_answers_share_them():
    # Each service keeps its answers for the whole build: they must not cost 9 objects a service.
    first = model.Accessibility(step_free_access="yes", details="Ramp at the side door").answers()
    second = model.Accessibility(step_free_access="yes").answers()
    assert [answer.value for answer in first][:2] == ["yes", "unknown"]
    assert all(mine is theirs for mine, theirs in zip(first, second, strict=True))


def test_every_sample_provider_file_makes_a_record():
    from pelican.settings import read_settings

    from localoffer.service_directory.validate import provider_files

    settings = read_settings(str(ROOT / "pelicanconf.py"))
    checker = ProviderChecker(settings["LOCAL_OFFER_CATEGORIES"], settings["LOCAL_OFFER_AREAS"], datetime.date(2026, 11, 22))
    records = []
    for path in provider_files(PROVIDERS):
        checked = checker.check_file(path)
        if checked.data is not None and checked.ok:
            records.append(record_from_checked(checked.data, checked.lines))
    assert len(records) > 30



def test_written_data_leaves_out_what_is_left_at_its_default(tmp_path, checker):
    from localoffer.service_directory.loader import written_data

    path = tmp_path / "riverside.yaml"
    path.write_text(WRITTEN.replace("id: riverside\n", "id: riverside\nstatus: published\naccessibility:\n  hearing_loop: unknown\n"
                                    "  quiet_space: yes\n"), encoding="utf-8")
    checked = checker.check_file(path)
    assert checked.ok, checked.problems
    data = written_data(record_from_checked(checked.data, checked.lines))
    assert "status" not in data
    assert data["accessibility"] == {"quiet_space": "yes"}
    assert data["last_reviewed"] == "2026-09-01"
    assert data["locations"] == [{"name": "Riverside Centre", "address": ["1 River Road", "Fenwick"], "postcode": "NM1 4AB",
                                  "latitude": 53.0}]
    assert data["service"]["waiting_time"] == {"weeks": 6, "details": "Urgent referrals are seen within a week."}
    assert data["service"]["cost"] == {"free": True}
    assert "needs" not in data["service"] and "easy_read" not in data
