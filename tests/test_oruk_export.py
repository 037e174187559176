"""The Open Referral UK 3.0 feed every build publishes: each document checked
against the profile's own schemas (copied into plugins/open_data/oruk/), a
fixture service compared field by field with a committed document, drafts
never in it, closed services in it with their status, and the same bytes from
two builds."""

import json
import shutil
import uuid
from pathlib import Path

import pytest

from localoffer.cache_files.entries import stored_entries
from localoffer.open_data.cache import written_feed
from localoffer.open_data.feed import document_bytes, document_text, page, page_bytes
from localoffer.open_data.profile import kind_of, problems
from tests.conftest import run_pelican

FIXTURES = Path(__file__).parent / "fixtures" / "oruk"
BASE = "https://localoffer.northmoor.example.org"


def build_fixture_site(output):
    result = run_pelican(FIXTURES / "providers", output, OPEN_DATA_BASE_URL=BASE)
    assert result.returncode == 0, result.stdout
    return output


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return build_fixture_site(tmp_path_factory.mktemp("oruk") / "output")


def feed_documents(output):
    return {path.relative_to(output).as_posix(): json.loads(path.read_text(encoding="utf-8"))
            for path in sorted((output / "open-referral").rglob("index.json"))}


def services(output):
    return {doc["name"]: doc for path, doc in feed_documents(output).items()
            if kind_of(path) == "service"}


def test_every_exported_document_validates_against_the_profile(site):
    documents = feed_documents(site)
    kinds = sorted({kind_of(path) for path in documents})
    assert kinds == ["api_root", "service", "service_list", "taxonomy", "taxonomy_list", "taxonomy_term", "taxonomy_term_list"]
    for path, document in documents.items():
        assert problems(kind_of(path), document) == [], path


def test_the_api_root_names_the_version_profile_and_openapi(site):
    root = json.loads((site / "open-referral" / "index.json").read_text())
    assert root == {
        "version": "HSDS-UK-3.0",
        "profile": "https://github.com/OpenReferralUK/uk-profile/blob/main/docs/index.md",
        "openapi_url": f"{BASE}/open-referral/openapi.json",
    }
    served = json.loads((site / "open-referral" / "openapi.json").read_text())
    assert served["info"]["title"] == "Open Referral UK Profile"


def test_the_list_is_one_page_of_every_published_and_closed_service(site):
    page = json.loads((site / "open-referral" / "services" / "index.json").read_text())
    assert {key: page[key] for key in page if key != "contents"} == {
        "total_items": 3, "total_pages": 1, "page_number": 1, "size": 3,
        "first_page": True, "last_page": True, "empty": False,
    }
    assert [(s["name"], s["status"]) for s in page["contents"]] == [
        ("Saturday Play Club", "active"),
        ("Tricky </script><!-- Club", "active"),
        ("Westmarsh Holiday Club", "temporarily closed"),
    ]
    # A list holds each service's one-to-one fields only; the full service is at its own address.
    assert not any(isinstance(value, list) for item in page["contents"] for value in item.values())


def test_drafts_never_appear_and_closed_services_say_so(site):
    text = "".join(path.read_text() for path in (site / "open-referral").rglob("*.json"))
    assert "Eastbridge Draft Sports Club" not in text
    assert "draft-club" not in text
    closed = services(site)["Westmarsh Holiday Club"]
    assert closed["status"] == "temporarily closed"
    assert closed["alert"] == "This service is temporarily closed."
    csv_text = (site / "open-data" / "services.csv").read_text(encoding="utf-8-sig")
    assert "Eastbridge Draft Sports Club" not in csv_text
    assert ",closed-club,Westmarsh Holiday Club,closed," in csv_text


def test_the_fixture_service_is_exported_field_by_field_as_expected(site):
    expected = json.loads((FIXTURES / "expected-saturday-club.json").read_text())
    actual = services(site)["Saturday Play Club"]
    assert sorted(actual) == sorted(expected)
    for field in expected:
        assert actual[field] == expected[field], field


def test_each_service_is_at_its_uuid_v5_address(site):
    service_id = str(uuid.uuid5(uuid.NAMESPACE_URL, f"{BASE}/services/saturday-club/"))
    document = json.loads((site / "open-referral" / "services" / service_id / "index.json").read_text())
    assert document["id"] == service_id
    assert document["name"] == "Saturday Play Club"


def test_taxonomies_and_terms_are_listed_and_each_has_its_own_address(site):
    taxonomies = json.loads((site / "open-referral" / "taxonomies" / "index.json").read_text())
    assert [t["name"] for t in taxonomies["contents"]] == [
        "Northmoor Local Offer categories", "Special educational needs", "Northmoor Local Offer areas",
        "Referral routes", "Accessibility features", "Eligibility rules", "Local Offer fields",
    ]
    terms = json.loads((site / "open-referral" / "taxonomy_terms" / "index.json").read_text())
    autism = next(term for term in terms["contents"] if term["term"] == "asd")
    assert autism["name"] == "Autism"
    assert autism["term_uri"] == f"{BASE}/needs/asd/"
    own = json.loads((site / "open-referral" / "taxonomy_terms" / autism["id"] / "index.json").read_text())
    assert own == autism
    # Every term an attribute links to is published.
    published = {term["id"] for term in terms["contents"]}
    for service in services(site).values():
        assert {a["taxonomy_term_id"] for a in service["attributes"]} <= published


def test_two_builds_write_the_same_bytes(site, tmp_path):
    again = build_fixture_site(tmp_path / "output")
    for folder in ("open-referral", "open-data"):
        first = {p.relative_to(site): p.read_bytes() for p in sorted((site / folder).rglob("*")) if p.is_file()}
        second = {p.relative_to(again): p.read_bytes() for p in sorted((again / folder).rglob("*")) if p.is_file()}
        assert first == second
    assert (site / "sitemap.xml").read_bytes() == (again / "sitemap.xml").read_bytes()


def test_a_removed_service_leaves_the_feed(tmp_path):
    providers = tmp_path / "providers"
    providers.mkdir()
    for name in ("saturday-club.yaml", "closed-club.yaml"):
        (providers / name).write_bytes((FIXTURES / "providers" / name).read_bytes())
    output = tmp_path / "output"
    assert run_pelican(providers, output, OPEN_DATA_BASE_URL=BASE).returncode == 0
    assert len(list((output / "open-referral" / "services").glob("*/index.json"))) == 2
    (providers / "closed-club.yaml").unlink()
    assert run_pelican(providers, output, OPEN_DATA_BASE_URL=BASE).returncode == 0
    assert [p.parent.name for p in (output / "open-referral" / "services").glob("*/index.json")] == [
        str(uuid.uuid5(uuid.NAMESPACE_URL, f"{BASE}/services/saturday-club/"))]


# check-jsonschema style: the validators accept the profile's own examples and refuse broken documents.

def test_the_profile_examples_validate():
    assert problems("service", json.loads((FIXTURES / "service_full.json").read_text())) == []
    assert problems("service_list", json.loads((FIXTURES / "service_list.json").read_text())) == []
    assert problems("taxonomy_term", json.loads((FIXTURES / "taxonomy_term.json").read_text())) == []


@pytest.mark.parametrize("change, expected", [
    (lambda s: s.pop("status"), ["(document): 'status' is a required property"]),
    (lambda s: s.update(id="saturday-club"), ["id: 'saturday-club' is not a 'uuid'"]),
    (lambda s: s.update(status="open"), ["status: 'open' is not one of ['active', 'inactive', 'defunct', 'temporarily closed']"]),
    (lambda s: s.update(minimum_age="4"), ["minimum_age: '4' is not of type 'number'"]),
    (lambda s: s["service_at_locations"][0]["location"]["addresses"][0].pop("postal_code"),
     ["service_at_locations/0/location/addresses/0: 'postal_code' is a required property"]),
    (lambda s: s["contacts"][0]["phones"][0].pop("number"), ["contacts/phones: (document): 'number' is a required property"]),
    (lambda s: s["organization"].update(email="not an email"), ["organization/email: 'not an email' is not a 'email'"]),
])
def test_broken_service_documents_are_refused(change, expected):
    document = json.loads((FIXTURES / "expected-saturday-club.json").read_text())
    assert problems("service", document) == []
    change(document)
    assert problems("service", document) == expected


def test_a_broken_page_is_refused():
    page = {"total_items": 1, "total_pages": 1, "page_number": 1, "size": 1, "first_page": True,
            "last_page": True, "empty": "no", "contents": [{"name": "No id or status"}]}
    assert problems("service_list", page) == [
        "contents/0: 'id' is a required property",
        "contents/0: 'status' is a required property",
        "empty: 'no' is not of type 'boolean'",
    ]


def test_a_cached_rebuild_after_a_change_equals_a_clean_build(tmp_path):
    providers = tmp_path / "providers"
    shutil.copytree(FIXTURES / "providers", providers)
    output = tmp_path / "output"
    assert run_pelican(providers, output, OPEN_DATA_BASE_URL=BASE).returncode == 0
    assert (tmp_path / "cache" / "open_data.sqlite").is_file()
    club = providers / "saturday-club.yaml"
    club.write_text(club.read_text().replace("name: Saturday Play Club", "name: Saturday Fun Club"))
    assert run_pelican(providers, output, OPEN_DATA_BASE_URL=BASE).returncode == 0  # with the cache
    clean = tmp_path / "clean"
    assert run_pelican(providers, clean, OPEN_DATA_BASE_URL=BASE, OPEN_DATA_CACHE=False).returncode == 0
    for folder in ("open-referral", "open-data"):
        cached = {p.relative_to(output): p.read_bytes() for p in sorted((output / folder).rglob("*")) if p.is_file()}
        fresh = {p.relative_to(clean): p.read_bytes() for p in sorted((clean / folder).rglob("*")) if p.is_file()}
        assert cached == fresh
    assert "Saturday Fun Club" in (output / "open-referral" / "services" / "index.json").read_text()


def feed_and_csv(output):
    return {p.relative_to(output): p.read_bytes() for folder in ("open-referral", "open-data")
            for p in sorted((output / folder).rglob("*")) if p.is_file()}


def rename_club_and_rebuild(tmp_path, before_rebuild):
    """Build, call `before_rebuild(output)`, rename a service and build again; then a clean build."""
    providers = tmp_path / "providers"
    shutil.copytree(FIXTURES / "providers", providers)
    output = tmp_path / "output"
    assert run_pelican(providers, output, OPEN_DATA_BASE_URL=BASE).returncode == 0
    before_rebuild(output)
    club = providers / "saturday-club.yaml"
    club.write_text(club.read_text().replace("name: Saturday Play Club", "name: Another Play Club"))
    assert run_pelican(providers, output, OPEN_DATA_BASE_URL=BASE).returncode == 0
    clean = tmp_path / "clean"
    assert run_pelican(providers, clean, OPEN_DATA_BASE_URL=BASE, OPEN_DATA_CACHE=False).returncode == 0
    return output, clean


def test_a_rebuild_takes_the_unchanged_services_from_the_page_and_csv_file_on_disk(tmp_path):
    """The record of the feed written keeps each service's piece of the page of services and of the
    CSV file by its length, and the files' digests: with the cache gone, the renamed service (which
    moves in the feed's order) is the only one mapped, so the only one the new cache keeps."""
    output, clean = rename_club_and_rebuild(tmp_path, lambda output: (tmp_path / "cache" / "open_data.sqlite").unlink())
    assert feed_and_csv(output) == feed_and_csv(clean)
    assert [entry[1] for entry in stored_entries(tmp_path / "cache" / "open_data.sqlite").values()] == ["another play club"]


@pytest.mark.parametrize("changed", ["open-referral/services/index.json", "open-data/services.csv"])
def test_a_page_or_csv_file_changed_since_it_was_written_gives_no_piece(tmp_path, changed):
    """Its digest is not the one recorded: the services come from the cache, as written. (The change
    keeps every length, so only the digest tells.)"""
    def mark(output):
        path = output / changed
        path.write_bytes(path.read_bytes().replace(b"Westmarsh Holiday Club", b"Westmarsh Holiday CLUB"))
    output, clean = rename_club_and_rebuild(tmp_path, mark)
    assert b"CLUB" not in (output / changed).read_bytes()
    assert feed_and_csv(output) == feed_and_csv(clean)


def test_a_rebuild_writes_only_the_changed_services_document_and_one_gone_from_disk(tmp_path):
    providers = tmp_path / "providers"
    shutil.copytree(FIXTURES / "providers", providers)
    output = tmp_path / "output"
    assert run_pelican(providers, output, OPEN_DATA_BASE_URL=BASE).returncode == 0
    documents = {p.parent.name: p for p in (output / "open-referral" / "services").glob("*/index.json")}
    stamps = {uuid_: (p.stat().st_ino, p.stat().st_mtime_ns) for uuid_, p in documents.items()}
    club_uuid = str(uuid.uuid5(uuid.NAMESPACE_URL, f"{BASE}/services/saturday-club/"))
    gone_uuid = next(uuid_ for uuid_ in sorted(documents) if uuid_ != club_uuid)
    documents[gone_uuid].unlink()
    club = providers / "saturday-club.yaml"
    club.write_text(club.read_text().replace("name: Saturday Play Club", "name: Saturday Fun Club"))
    assert run_pelican(providers, output, OPEN_DATA_BASE_URL=BASE).returncode == 0
    rewritten = sorted(uuid_ for uuid_, p in documents.items() if (p.stat().st_ino, p.stat().st_mtime_ns) != stamps[uuid_])
    assert len(documents) > 2
    assert rewritten == sorted([club_uuid, gone_uuid])
    assert "Saturday Fun Club" in documents[club_uuid].read_text()


LAYOUT = {"digest": "d", "lengths": [3]}
KEPT = {"fingerprint": "f", "shas": ["sha-1"], "uuids": ["id-1"], "names": ["club"], "page": LAYOUT, "csv": LAYOUT}


@pytest.mark.parametrize("record, expected", [
    ({"key": "k", "kept": KEPT}, {"id-1": "sha-1"}),
    ({"key": "k", "kept": {**KEPT, "fingerprint": "another"}}, None),
    ({"key": "k", "kept": {**KEPT, "uuids": ["id-1", "id-2"]}}, None),
    ({"key": "k", "kept": {**KEPT, "shas": [2]}}, None),
    ({"key": "k", "kept": {**KEPT, "csv": ["d", [3]]}}, None),
    ({"key": "k", "kept": {key: value for key, value in KEPT.items() if key != "names"}}, None),
    ({"key": "k", "kept": True}, None),
    (None, None),
])
def test_only_a_record_of_this_fingerprint_and_shape_says_what_the_feed_on_disk_holds(record, expected):
    feed = written_feed(record, "f")
    assert (feed and feed.documents()) == expected


@pytest.mark.parametrize("contents", [[], [{"id": "b", "name": "Zoë's \"club\"", "age": 3}, {"id": "a", "url": None}]])
def test_a_page_joined_from_its_contents_texts_is_the_page_encoded_whole(contents):
    assert page_bytes([document_text(item) for item in contents]) == document_bytes(page(contents))
