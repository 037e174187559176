"""Every validation rule, with a file that passes it and a file that breaks it.

Each case changes one piece of tests/fixtures/providers/valid/complete-service.yaml.
The good version must have no problem at all; the bad version must give
exactly the expected lines, which are what editors and providers read.
"""

import datetime
import shutil
from pathlib import Path

import pytest

from localoffer.service_directory.validate import ProviderChecker

VALID = Path(__file__).parent / "fixtures" / "providers" / "valid"
BASE = (VALID / "complete-service.yaml").read_text(encoding="utf-8")
CATEGORIES = {"health": "Health", "activities-and-short-breaks": "Activities", "early-years": "Early years"}
AREAS = {"fenwick": "Fenwick", "eastbridge": "Eastbridge"}
F = "providers/complete-service.yaml"

# (rule, text in the base file, a good replacement, a bad replacement, the exact problems)
CASES = [
    ("template_version is 1", "template_version: 1", "template_version: '1'", "template_version: 2",
     [f"{F}:3: template_version: `2` is not allowed here; write 1"]),
    ("id form", "id: complete-service", "id: complete-service",
     "id: Complete_Service",
     [f"{F}:4: id: `Complete_Service` does not match the file name complete-service.yaml; write id: complete-service or rename the file to Complete_Service.yaml",
      f"{F}:4: id: `Complete_Service` is not in the right form; write lower-case letters, digits and hyphens, e.g. riverside-speech-dropin"]),
    ("id not a page of the A to Z", "id: complete-service", "id: complete-service", "id: page-2",
     [f"{F}:4: id: `page-2` does not match the file name complete-service.yaml; write id: complete-service or rename the file to page-2.yaml",
      f"{F}:4: id: `page-2` is the address of a page of the A to Z (services/page-2/); write an id that names the service, e.g. riverside-speech-dropin, and rename the file to match"]),
    ("status vocabulary", "status: published", "status: closed", "status: hidden",
     [f"{F}:5: status: `hidden` is not allowed here; write one of: published, draft, closed"]),
    ("unknown key, close to a known one", "  charity_number:", "  charity_number:", "  charity_numbr:",
     [f"{F}:9: organisation.charity_numbr: `charity_numbr` is not a key of `organisation`; did you mean `charity_number`?"]),
    ("unknown key, like none", "  charity_number:", "  charity_number:", "  trustees:",
     [f"{F}:9: organisation.trustees: `trustees` is not a key of `organisation`; the keys here are: charity_number, name, website"]),
    ("required key", "  name: Family Link Saturday Club\n", "  name: Family Link Saturday Club\n", "",
     [f"{F}:10: service.name: is missing; add `name:` with the service's name"]),
    ("empty text", "  who_can_use: Children aged 5 to 11 who live in Fenwick.", "  who_can_use: Anyone.", "  who_can_use:",
     [f"{F}:39: eligibility.who_can_use: is empty; write who the service is for, in plain words"]),
    ("text length", "A Saturday club where", "A Saturday club where", "A " + "very " * 40 + "long Saturday club where",
     [f"{F}:12: service.summary: is 291 characters long; shorten it to at most 200 characters"]),
    ("category vocabulary", "categories: [activities-and-short-breaks]", "categories: [health, early-years]",
     "categories: [helth]",
     [f"{F}:18: service.categories[0]: `helth` is not allowed here; did you mean `health`? Or write one of: health, activities-and-short-breaks, early-years"]),
    ("a list, not text", "categories: [activities-and-short-breaks]", "categories:\n    - health",
     "categories: health",
     [f"{F}:18: service.categories: expected a list, not the text `health`; write a list such as [first, second] or one `- item` per line"]),
    ("at least one", "referral: [self, professional]", "referral: [gp]", "referral: []",
     [f"{F}:26: service.how_to_access.referral: is an empty list; list at least one item"]),
    ("no repeats", "needs: [asd, semh]", "needs: [asd]", "needs: [asd, asd]",
     [f"{F}:19: service.needs: lists the same item twice; keep one of each"]),
    ("need codes, in any case", "needs: [asd, semh]", "needs: [ASD, Semh]", "needs: [autism]",
     [f"{F}:19: service.needs[0]: `autism` is not allowed here; write one of: all, asd, slcn, spld, mld, sld, pmld, semh, hi, vi, msi, pd, oth"]),
    ("all stands alone", "needs: [asd, semh]", "needs: [all]", "needs: [all, asd]",
     [f"{F}:19: service.needs: lists `all` with other needs; write [all] on its own, or list only the needs"]),
    ("areas", "areas: [fenwick]", "areas: [all]", "areas: [fenwick, all]",
     [f"{F}:21: service.areas: lists `all` with other areas; write [all] on its own, or list only the areas"]),
    ("whole years", "age_range: {min: 5, max: 11}", "age_range: {min: 0, max: 25}", "age_range: {min: five, max: 11}",
     [f"{F}:20: service.age_range.min: `five` is not a whole number; write a whole number of years from 0 to 25"]),
    ("ages up to 25", "age_range: {min: 5, max: 11}", "age_range: {min: 25, max: 25}", "age_range: {min: 5, max: 30}",
     [f"{F}:20: service.age_range.max: `30` is more than 25; write a whole number of years from 0 to 25"]),
    ("min at most max", "age_range: {min: 5, max: 11}", "age_range: {min: 11, max: 11}", "age_range: {min: 12, max: 11}",
     [f"{F}:20: service.age_range.max: 11 is less than min (12); write the oldest age, at least 12"]),
    ("yes or no", "    free: no", "    free: TRUE", "    free: sometimes",
     [f"{F}:23: service.cost.free: `sometimes` is not yes or no; write yes or no"]),
    ("a section, not text", "  cost:\n    free: no\n    details: £3 a session.", "  cost: {free: yes}", "  cost: free",
     [f"{F}:22: service.cost: expected a section with keys indented below it, not the text `free`"]),
    ("days of the week", "days: [saturday]", "days: [Saturday, sunday]", "days: [saturdy]",
     [f"{F}:29: service.opening_times[0].days[0]: `saturdy` is not allowed here; did you mean `saturday`? Or write one of: monday, tuesday, wednesday, thursday, friday, saturday, sunday"]),
    ("24-hour times", "opens: 10:00", "opens: '00:00'", "opens: 10am",
     [f"{F}:30: service.opening_times[0].opens: `10am` is not in the right form; write a 24-hour time with two figures for the hour, such as 09:30"]),
    ("closing after opening", "closes: 13:00", "closes: 23:59", "closes: 09:00",
     [f"{F}:31: service.opening_times[0].closes: `09:00` is not after the opening time `10:00`; write the closing time, 24-hour, e.g. 17:00"]),
    ("no raw HTML in Markdown", "Play, crafts and a quiet room", "Play, crafts and a **quiet** room",
     "Play, <b>crafts</b> and a quiet room",
     [f"{F}:13: service.description: has HTML in it, which is not allowed; use Markdown instead, e.g. **bold**, - list item, [link text](https://...)"]),
    ("headings from level 2", "## What to bring", "### What to bring", "# What to bring",
     [f"{F}:13: service.description: has a level-1 heading (# ...); start headings at level 2: ## Heading"]),
    ("accessibility answers", "step_free_access: yes", "step_free_access: unknown", "step_free_access: partly",
     [f"{F}:44: accessibility.step_free_access: `partly` is not allowed here; write one of: yes, no, unknown"]),
    ("accessibility features", "step_free_access: yes", "hearing_loop: yes", "ramp: yes",
     [f"{F}:44: accessibility.ramp: `ramp` is not a key of `accessibility`; the keys here are: accessible_parking, accessible_toilet, bsl_available, changing_places_toilet, details, easy_read_information, hearing_loop, quiet_space, sensory_friendly, step_free_access"]),
    ("postcodes", "postcode: NM3 2AB", "postcode: nm32ab", "postcode: NM3",
     [f"{F}:50: locations[0].postcode: `NM3` is not in the right form; write a UK postcode such as NM1 4AB"]),
    ("coordinates are numbers", "latitude: 53.48", "latitude: 53", "latitude: north",
     [f"{F}:51: locations[0].latitude: `north` is not a number; write a number of degrees, e.g. 53.4808"]),
    ("coordinates in the UK", "longitude: -2.24", "longitude: 1.5", "longitude: 20",
     [f"{F}:52: locations[0].longitude: `20.0` is more than 2.5; write a number of degrees, e.g. -2.2426"]),
    ("UK phone numbers", 'phone: "01632 960 111"', "phone: +44 1632 960111", "phone: call us",
     [f"{F}:54: contact.phone: `call us` is not in the right form; write a UK number such as 01632 960 123"]),
    ("email addresses", "email: club@familylink.example.org", "email: a.b@example.org", "email: club at example.org",
     [f"{F}:55: contact.email: `club at example.org` is not in the right form; write only an email address, such as hello@example.org, with nothing after it (no ?, &, % or spaces)"]),
    ("web addresses", "website: https://familylink.example.org/club", "website: http://familylink.example.org",
     "website: javascript:alert(1)",
     [f"{F}:56: contact.website: `javascript:alert(1)` is not in the right form; write a full address starting with https://"]),
    ("a way to get in touch",
     '  phone: "01632 960 111"\n  email: club@familylink.example.org\n  website: https://familylink.example.org/club',
     "  website: https://familylink.example.org/club", "  textphone: 01632 960 112",
     [f"{F}:53: contact: needs at least one of phone, email or website"]),
    ("pictures exist", "file: images/club.png", "file: images/club.png", "file: images/missing.png",
     [f"{F}:58: images[0].file: `images/missing.png` is not in providers/; add the picture there or correct the file name"]),
    ("pictures stay in providers/", "file: images/club.png", "file: images/club.png", "file: ../secret.png",
     [f"{F}:58: images[0].file: `../secret.png` is outside providers/; put the picture in providers/images/ and write images/<name>"]),
    ("pictures need alt text", "alt: Children painting at a long table.", "alt: Children painting.", "alt: ''",
     [f"{F}:59: images[0].alt: is empty; write what the picture shows, for people who cannot see it"]),
    ("easy-read pictures", "picture: play", "picture: play-time", "picture: Play Time",
     [f"{F}:64: easy_read.points[0].picture: `Play Time` is not in the right form; write a pictogram name such as talk"]),
    ("a real date", "last_reviewed: 2026-10-01", "last_reviewed: 2026-11-22", "last_reviewed: 2026-02-30",
     [f"{F}:65: last_reviewed: `2026-02-30` is not a real date; write a date such as 2026-09-01"]),
    ("dates as YYYY-MM-DD", "last_reviewed: 2026-10-01", "last_reviewed: 2024-01-01", "last_reviewed: 1/10/2026",
     [f"{F}:65: last_reviewed: `1/10/2026` is not in the right form; write a date such as 2026-09-01"]),
    ("not in the future", "last_reviewed: 2026-10-01", "last_reviewed: 2026-11-22", "last_reviewed: 2026-11-23",
     [f"{F}:65: last_reviewed: `2026-11-23` is in the future; write the date you last checked this file, 2026-11-22 or earlier"]),
]


def checker():
    return ProviderChecker(CATEGORIES, AREAS, datetime.date(2026, 11, 22), display_root=None)


def write_case(folder, text, name="complete-service.yaml"):
    target = Path(folder) / "providers"
    target.mkdir(parents=True, exist_ok=True)
    shutil.copytree(VALID / "images", target / "images", dirs_exist_ok=True)
    path = target / name
    path.write_text(text, encoding="utf-8")
    return path


def problems_of(path):
    return [str(problem) for problem in checker().check_file(path).problems]


@pytest.mark.parametrize("rule, old, good, bad, expected", CASES, ids=[case[0] for case in CASES])
def test_rule(tmp_path, rule, old, good, bad, expected):
    assert BASE.count(old) == 1, f"the case must change exactly one place in the base file: {old!r}"
    assert problems_of(write_case(tmp_path / "good", BASE.replace(old, good))) == []
    assert problems_of(write_case(tmp_path / "bad", BASE.replace(old, bad))) == expected


def test_every_problem_in_a_file_is_reported_at_once(tmp_path):
    text = BASE.replace("status: published", "status: hidden").replace("postcode: NM3 2AB", "postcode: NM3")
    text = text.replace("  name: Family Link Saturday Club\n", "")
    assert problems_of(write_case(tmp_path, text)) == [
        f"{F}:5: status: `hidden` is not allowed here; write one of: published, draft, closed",
        f"{F}:10: service.name: is missing; add `name:` with the service's name",
        f"{F}:49: locations[0].postcode: `NM3` is not in the right form; write a UK postcode such as NM1 4AB",
    ]


def test_a_file_must_end_in_yaml(tmp_path):
    path = write_case(tmp_path, BASE.replace("id: complete-service", "id: club"), name="club.yml")
    assert problems_of(path) == ["providers/club.yml:1: (file): provider files end in .yaml; rename this file to club.yaml"]


def test_a_file_that_is_a_list_not_a_service(tmp_path):
    path = write_case(tmp_path, "- id: x\n")
    assert problems_of(path) == [
        f"{F}:1: (file): expected a section with keys indented below it, not a list"
    ]


def test_the_display_path_is_relative_to_the_project(tmp_path):
    path = write_case(tmp_path, BASE.replace("status: published", "status: hidden"))
    rooted = ProviderChecker(CATEGORIES, AREAS, datetime.date(2026, 11, 22), display_root=tmp_path.parent)
    assert [str(p) for p in rooted.check_file(path).problems] == [
        f"{tmp_path.name}/providers/complete-service.yaml:5: status: `hidden` is not allowed here; write one of: published, draft, closed"
    ]


@pytest.mark.parametrize("name", sorted(p.name for p in VALID.glob("*.yaml")))
def test_valid_fixtures_have_no_problems(name):
    result = checker().check_file(VALID / name)
    assert [str(p) for p in result.problems] == []
    assert result.ok


def test_a_picture_several_files_show_is_opened_once_a_run_and_again_when_it_changes(tmp_path, monkeypatch):
    from localoffer.service_directory import validate as validate_module

    opened = []
    real = validate_module.picture_problem
    monkeypatch.setattr(validate_module, "picture_problem", lambda *arguments: opened.append(arguments[1]) or real(*arguments))
    folder = tmp_path / "providers"
    shutil.copytree(Path(__file__).parent / "fixtures" / "validate" / "providers", folder)
    one = checker()
    assert [checked.problems for checked in map(one.check_file, [folder / "ready-service.yaml"] * 2)][0] == []
    assert opened == ["images/club.png"]
    (folder / "images" / "club.png").write_bytes(b"not a picture any more")
    cut = "`images/club.png` is not a JPEG, PNG or WebP picture; save it as one of those"
    for name in ("ready-service.yaml", "stale-service.yaml"):
        assert cut in [problem.message for problem in one.check_file(folder / name).problems]
    assert opened == ["images/club.png"] * 2


def test_the_provider_files_are_those_glob_finds_in_name_order(tmp_path):
    from localoffer.service_directory.validate import provider_files

    for name in ("b.yaml", "a.yml", "_template.yaml", ".hidden.yaml", "C.YAML", "notes.txt", "a.yaml", "z.yaml~"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    (tmp_path / "folder.yaml").mkdir()
    (tmp_path / "link.yaml").symlink_to(tmp_path / "b.yaml")
    globbed = sorted((path for pattern in ("*.yaml", "*.yml") for path in tmp_path.glob(pattern)
                      if not path.name.startswith(("_", "."))), key=str)
    assert provider_files(tmp_path) == globbed
    assert [path.name for path in provider_files(tmp_path)] == ["a.yaml", "a.yml", "b.yaml", "folder.yaml", "link.yaml"]
    assert provider_files(tmp_path / "missing") == [] and provider_files(tmp_path / "b.yaml") == []
