"""Pictures that match their words: each generated sentence gets the picture
of its idea, a yes and a no get different pictures, a picture means one thing
on a page, and the check reports a page where a picture and its words
disagree or a picture stands for two ideas."""

import json
from pathlib import Path

from localoffer.easy_read.ideas import FEATURE_IDEAS, IDEAS, picture_problems
from localoffer.easy_read.page_model import Point
from localoffer.easy_read.pictures import PICTURES

from .conftest import ROOT, run_pelican

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "easy_read" / "pictures"
# Two council categories whose own words share a picture (EASY_READ_CATEGORY_WORDS).
SETTINGS = {
    "LOCAL_OFFER_CATEGORIES": {"sport": "Sport", "arts": "Arts", "health": "Health and therapies"},
    "EASY_READ_CATEGORY_WORDS": {"sport": ["It has sport and games.", "play"], "arts": ["It has art and crafts.", "play"]},
}


def test_each_idea_has_its_own_picture_from_the_set():
    pictures = [picture for picture, _ in IDEAS.values()]
    assert len(set(pictures)) == len(pictures)
    assert set(pictures) <= set(PICTURES)
    assert set(FEATURE_IDEAS.values()) <= set(IDEAS)


def test_a_yes_and_a_no_get_different_pictures():
    assert IDEAS["step_free_access"][0] == "wheelchair"
    assert IDEAS["steps"][0] == "steps"
    assert IDEAS["diagnosis_needed"][0] != IDEAS["not_needed"][0]
    assert IDEAS["free"][0] != IDEAS["charge"][0]
    assert IDEAS["self_referral"][0] != IDEAS["referral"][0]


def point(text, picture, idea=None, where=""):
    return Point(text=text, picture=picture, idea=idea, where=where)


def test_a_picture_that_says_the_opposite_of_its_words_is_found():
    wrong = [
        point("There are steps to get in.", "wheelchair", where="a"),
        point("You can get in without steps.", "steps", where="b"),
        point("You have to pay for it.", "free", where="c"),
        point("It is free.", "money", where="d"),
    ]
    found = picture_problems(wrong, lambda p: p.where)
    assert [(p.where, rule) for p, rule, _ in found] == [(w, "picture-meaning") for w in "abcd"]
    assert found[0][2] == ('the picture "wheelchair" shows step-free access, but the words say otherwise: '
                           '"There are steps to get in."; choose "steps" or change the words')
    right = [
        point("You can get in without steps.", "wheelchair"), point("There are steps to get in.", "steps"),
        point("It is free.", "free"), point("You have to pay for it.", "money"),
        point("There is a ramp by the steps.", "wheelchair"), point("It is free. You do not pay.", "free"),
    ]
    assert picture_problems(right, lambda p: p.where) == []


def test_a_picture_for_two_ideas_on_one_page_is_found_and_the_same_idea_twice_is_not():
    points = [
        point("It has sport and games.", "play", "category:sport", "service.categories[0]"),
        point("It has art and crafts.", "play", "category:arts", "service.categories[1]"),
        point("You need an Education, Health and Care plan to use it.", "plan", "ehcp", "eligibility.ehcp_needed"),
        point("This plan says what help a child must get.", "plan", "ehcp", "eligibility.ehcp_needed"),
        point("We play games.", "play"),  # a provider's own point: its picture is its idea
    ]
    found = picture_problems(points, lambda p: p.where)
    assert [(p.where, rule, message) for p, rule, message in found] == [(
        "service.categories[1]", "picture-reused",
        'the picture "play" already stands for something else on this page (service.categories[0]); '
        "each picture means one thing on a page: choose another",
    )]


def test_the_build_reports_each_picture_problem_with_its_file_line_and_field(tmp_path):
    result = run_pelican(FIXTURE, tmp_path / "output", EASY_READ_STRICT=True, **SETTINGS)
    assert result.returncode == 1
    lines = [" ".join(line.split()) for line in result.stdout.splitlines()]
    expected = [
        'pictures/shared-picture.yaml:10: service.categories[1]: the picture "play" already stands for something '
        "else on this page (service.categories[0]); each picture means one thing on a page: choose another",
        'pictures/wrong-pictures.yaml:27: easy_read.points[0].text: the picture "wheelchair" shows step-free access, '
        'but the words say otherwise: "There are steps at the front door."; choose "steps" or change the words',
        'pictures/wrong-pictures.yaml:29: easy_read.points[1].text: the picture "free" shows that it is free, but the '
        'words say otherwise: "You pay for a drink."; choose "money" or change the words',
    ]
    joined = "\n".join(lines)
    for line in expected:
        assert line in joined, line
    assert "easy_read: 3 easy-read problem(s) in 2 file(s):" in joined


def test_the_pictures_page_lists_every_picture_a_page_can_use(tmp_path):
    output = tmp_path / "output"
    assert run_pelican(ROOT / "providers", output).returncode == 0
    listed = (output / "easy-read" / "pictures" / "index.html").read_text(encoding="utf-8")
    used = set()
    for page in output.rglob("easy-read/index.html"):
        used |= set(__import__("re").findall(r'src="/easy-read/pictures/([\w-]+)\.svg"', page.read_text(encoding="utf-8")))
    assert used, "no easy-read pictures found"
    for name in used:
        assert f'src="/easy-read/pictures/{name}.svg" alt="{PICTURES[name][1]}"' in listed, name
        assert (output / "easy-read" / "pictures" / f"{name}.svg").is_file()
    assert json.dumps(sorted(used)) and "LICENSE.txt" in {path.name for path in (output / "easy-read" / "pictures").iterdir()}


def test_the_editorial_report_names_the_file_line_and_field_of_each_finding(tmp_path):
    output = tmp_path / "output"
    result = run_pelican(FIXTURE, output, EDITORIAL_REPORT=True, **SETTINGS)
    assert result.returncode == 0, result.stdout
    report = (output / "editorial" / "index.html").read_text(encoding="utf-8")
    assert ("<li><code>pictures/wrong-pictures.yaml:27</code> <code>easy_read.points[0].text</code> (picture-meaning): "
            "the picture &#34;wheelchair&#34; shows step-free access") in report
    summary = (output / "editorial" / "report.md").read_text(encoding="utf-8")
    # What comes from the file is escaped, so that it shows as written (see localoffer.editorial.summary).
    assert ("- `pictures/shared-picture.yaml:10`: service\\.categories\\[1\\]: the picture \"play\" already stands for "
            "something else on this page \\(service\\.categories\\[0\\]\\)") in summary


def test_a_findings_line_is_the_line_of_its_field_as_the_loader_read_it():
    from localoffer.service_directory.loader import field_lines
    from localoffer.service_directory.model import line_of
    from localoffer.written_yaml.loader import load_text

    loaded, _ = load_text(
        "id: x\nservice:\n  categories: [health, education]\n  opening_times:\n    - days: [monday]\n"
        "      notes: Term time\neasy_read:\n  points:\n    - text: One.\n      picture: talk\n    - text: Two.\n",
        "providers/x.yaml",
    )
    lines = field_lines(loaded.lines)
    assert line_of(lines, "service.opening_times[0].notes") == 6
    assert line_of(lines, "easy_read.points[1].text") == 11
    assert line_of(lines, "easy_read.points[1].picture") == 11  # not written: its point's line
    assert line_of(lines, "service.categories[1]") == 3
    assert line_of(lines, "accessibility.step_free_access") is None  # no such section in the file