"""The blank template and the field reference are made from the schema and kept in step with it."""

import datetime
from pathlib import Path

from localoffer.service_directory.fieldref import REFERENCE_NAME, TEMPLATE_NAME, blank_template, fields, reference_markdown
from localoffer.service_directory.validate import ProviderChecker, provider_files

PROVIDERS = Path(__file__).resolve().parent.parent / "providers"


def test_committed_blank_template_is_the_generated_one():
    assert (PROVIDERS / TEMPLATE_NAME).read_text(encoding="utf-8") == blank_template(), "run `invoke fieldref`"


def test_committed_field_reference_is_the_generated_one():
    assert (PROVIDERS / REFERENCE_NAME).read_text(encoding="utf-8") == reference_markdown(), "run `invoke fieldref`"


def test_every_field_has_a_description():
    missing = [path for path, node, _ in fields() if not node.get("description")]
    assert missing == []


def test_the_blank_template_uses_only_template_keys_and_is_never_published(tmp_path):
    checker = ProviderChecker({"health": "Health"}, {"fenwick": "Fenwick"}, datetime.date(2026, 11, 22))
    problems = [str(p) for p in checker.check_file(PROVIDERS / TEMPLATE_NAME).problems]
    assert problems, "a blank template is not a publishable file"
    assert not [p for p in problems if "is not a key of" in p]
    assert PROVIDERS / TEMPLATE_NAME not in provider_files(PROVIDERS)


def test_the_reference_lists_required_fields_with_a_star():
    reference = reference_markdown()
    assert "| `service.summary`* | text, at most 200 characters |" in reference
    assert "| `status` | one of `published`, `draft`, `closed` |" in reference
