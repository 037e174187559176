"""The SEND glossary file and how search_index matches it to a service's words."""

from pathlib import Path

import pytest
import yaml

from localoffer.search_index.glossary import Glossary, check_entries, read_glossary
from localoffer.search_index.text import fold, fold_keep_case
from tests.conftest import ROOT

GLOSSARY = ROOT / "content" / "data" / "send-glossary.yaml"


@pytest.fixture(scope="module")
def glossary():
    entries, problems = read_glossary(GLOSSARY)
    assert problems == []
    return Glossary(entries)


def test_the_glossary_file_has_every_key_in_order_for_every_entry():
    data = yaml.safe_load(GLOSSARY.read_text(encoding="utf-8"))
    assert len(data) >= 40
    assert all(list(entry) == ["acronym", "full", "meaning", "synonyms"] for entry in data)
    acronyms = {entry["acronym"] for entry in data}
    for needed in ("ASD", "ADHD", "SALT", "EHCP", "SENCO", "SENDIASS", "CAMHS", "OT", "PT", "PfA", "PMLD", "SLD",
                   "MLD", "SpLD", "SEMH", "HI", "VI", "MSI", "PD", "LA", "EP", "CIN", "CP", "LD", "PRU", "AP", "FE",
                   "BSL", "PECS", "IPSEA"):
        assert needed in acronyms, needed
    fulls = {entry["full"] for entry in data}
    for needed in ("annual review", "mediation", "short breaks", "respite", "direct payments", "personal budget",
                   "Portage", "Makaton", "Changing Places toilet"):
        assert needed in fulls, needed


def test_every_entry_is_accepted(glossary):
    assert len(glossary.entries) == len(yaml.safe_load(GLOSSARY.read_text(encoding="utf-8")))


@pytest.mark.parametrize("item, message", [
    ("ASD", "entry 1: must be a mapping with acronym, full, meaning, synonyms; the entry is left out"),
    ({"acronym": "X", "full": "x", "meaning": "y"}, "entry 1: has no synonyms; the entry is left out"),
    ({"acronym": "X", "full": "x", "meaning": "y", "synonyms": [], "see": "z"},
     "entry 1: has unknown key(s) see; the entry is left out"),
    ({"acronym": 5, "full": "x", "meaning": "y", "synonyms": []},
     "entry 1: acronym must be text, or null when the term has none; the entry is left out"),
    ({"acronym": None, "full": "", "meaning": "y", "synonyms": []}, "entry 1: full must be text; the entry is left out"),
    ({"acronym": None, "full": "x", "meaning": "y", "synonyms": "a, b"},
     "entry 1: synonyms must be a list of words or phrases; the entry is left out"),
])
def test_a_bad_entry_is_left_out_with_a_message_that_says_why(item, message):
    entries, problems = check_entries([item], "glossary.yaml")
    assert entries == []
    assert problems == [f"glossary.yaml: {message}"]


def test_a_file_that_is_not_a_list_or_is_missing_is_reported(tmp_path):
    assert check_entries({"ASD": "autism"}, "g.yaml") == (
        [], ["g.yaml: must be a list of entries with acronym, full, meaning, synonyms; the glossary is not used"])
    missing = tmp_path / "none.yaml"
    assert read_glossary(missing) == (
        [], [f"the glossary {missing} is missing; searches will not know SEND words such as ASD or SALT"])
    broken = tmp_path / "broken.yaml"
    broken.write_text("- acronym: [ASD\n", encoding="utf-8")
    assert read_glossary(broken) == ([], [f"{broken}:2: not valid YAML; the glossary is not used"])


def test_asd_autism_and_autistic_give_a_service_the_same_words(glossary):
    for text in ("Support for ASD families", "An autism group", "For autistic teenagers"):
        words = glossary.words_for(text)
        assert {"asd", "autism", "autistic", "asc"} <= set(words), text


def test_speech_and_language_therapy_gives_salt_and_ehc_plans_give_ehcp(glossary):
    assert "salt" in glossary.words_for("Our speech and language therapy clinic")
    assert "ehcp" in glossary.words_for("Help with Education, Health and Care plans")
    assert "ehcp" in glossary.words_for("EHC needs assessments and plans")


def test_short_acronyms_count_only_in_capitals_and_long_ones_in_any_case(glossary):
    assert "occupational" in glossary.words_for("See an OT at the clinic")
    assert "occupational" not in glossary.words_for("We got a lot of ot")
    assert "hearing" not in glossary.words_for("Say hi to the team")
    assert "senco" in glossary.words_for("Ask your SENCo")
    assert "senco" in glossary.words_for("ask the senco")


def test_a_need_code_uses_its_entry(glossary):
    assert "visual" in glossary.words_for("A club", need_codes=["vi"])
    assert glossary.words_for("A club") == []


def test_one_acronym_with_two_meanings_gives_both(glossary):
    words = glossary.words_for("CP support")
    assert {"cerebral", "palsy", "child", "protection"} <= set(words)


def test_text_is_folded_as_search_js_folds_it():
    assert fold("Zoë's Café – ÆSOP Straße") == "zoes cafe aesop strasse"
    assert fold_keep_case("Zoë's SpLD") == "Zoes SpLD"
    assert fold("  speech/language—therapy ") == "speech language therapy"
