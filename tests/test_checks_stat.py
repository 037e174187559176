"""A provider file whose os.stat is the one its checks-cache row kept is not read again for its digest
(service_directory.generator._check); a stat is kept only for a file that changed STAT_TRUSTED_AFTER
seconds before its build began, and any change the stat shows (an edit of the same size with its
modification time set back included) checks the file again."""

import datetime
import os
import shutil
from pathlib import Path

import pytest
from pelican.settings import read_settings

from localoffer.cache_files.entries import stored_entries
from localoffer.service_directory.build_cache import (CACHE_FILE, STAT_TRUSTED_AFTER, BuildCache,
                                                      file_stat, read_head)
from localoffer.service_directory.generator import ServiceGenerator, keeps_file_data
from localoffer.service_directory.service import term_ids
from localoffer.service_directory.settings import DEFAULTS
from localoffer.service_directory.terms import make_terms
from localoffer.service_directory.validate import ProviderChecker

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "providers" / "childrens-eye-clinic.yaml"  # a file without pictures
SECOND = 10**9


class Builds:
    """The checks part of successive builds over one cache, counting the files read for a digest."""

    def __init__(self, tmp_path, monkeypatch):
        settings = {**DEFAULTS, **read_settings(str(ROOT / "pelicanconf.py"))}
        self.checker = ProviderChecker(settings["LOCAL_OFFER_CATEGORIES"], settings["LOCAL_OFFER_AREAS"],
                                       datetime.date(2026, 11, 22))
        self.terms = make_terms(settings)
        self.cache_path = tmp_path / "cache"
        self.read = []
        digest = ProviderChecker.file_digest
        monkeypatch.setattr(ProviderChecker, "file_digest", lambda checker, path: self.read.append(path) or digest(checker, path))
        # The files checked (not kept): a file checked in a build is held as a KeptCheckedFile too.
        self.checked = []
        check_file = ProviderChecker.check_file
        monkeypatch.setattr(ProviderChecker, "check_file", lambda checker, path: self.checked.append(path) or check_file(checker, path))

    def check(self, path, started_ns):
        """The CheckedFile one build gives `path`, its build begun at `started_ns`; the cache saved after it."""
        generator = ServiceGenerator.__new__(ServiceGenerator)
        generator.cache = BuildCache(self.cache_path, "print")
        generator.file_shas, generator._made, generator._keep_data = {}, {}, False
        generator.terms, generator._term_ids = self.terms, term_ids(self.terms)
        generator._started_ns = started_ns
        generator.cache.expect([path])
        self.read.clear()
        self.checked.clear()
        checked = generator._check(self.checker, path)
        generator.cache.save({str(path)})
        return checked

    def kept_stat(self, path):
        (row,) = stored_entries(self.cache_path / CACHE_FILE, text=True).values()
        return read_head(row.split("\n")[0]).stat


@pytest.fixture
def builds(tmp_path, monkeypatch):
    return Builds(tmp_path, monkeypatch)


@pytest.fixture
def provider(tmp_path):
    path = tmp_path / "providers" / SAMPLE.name
    path.parent.mkdir()
    shutil.copyfile(SAMPLE, path)
    return path


def later(path, seconds=STAT_TRUSTED_AFTER + 1):
    """A build's start this long after the file last changed."""
    return file_stat(path)[3] + seconds * SECOND


def test_a_file_whose_stat_is_kept_is_not_read_again(builds, provider):
    first = builds.check(provider, later(provider))
    assert first.ok and builds.read == [provider]
    assert builds.kept_stat(provider) == file_stat(provider)
    again = builds.check(provider, later(provider, 60))
    assert builds.read == [] and builds.checked == [] and again.ok
    assert again.facts["id"] == "childrens-eye-clinic" and not again.decoded


def test_an_edit_of_the_same_size_with_its_time_set_back_is_seen(builds, provider):
    builds.check(provider, later(provider))
    before = os.stat(provider)
    text = provider.read_text(encoding="utf-8")
    provider.write_text(text.replace("summary: ", "summary: X", 1)[:len(text)], encoding="utf-8")
    os.utime(provider, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert os.stat(provider).st_size == before.st_size and os.stat(provider).st_mtime_ns == before.st_mtime_ns
    again = builds.check(provider, later(provider))
    assert builds.read == [provider] and builds.checked == [provider]


def test_a_file_changed_just_before_its_build_is_read_again_by_the_next(builds, provider):
    builds.check(provider, later(provider, STAT_TRUSTED_AFTER))  # not long enough before: not trusted
    assert builds.kept_stat(provider) is None
    again = builds.check(provider, later(provider))
    assert builds.read == [provider] and builds.checked == []  # the same bytes: the kept check
    assert builds.kept_stat(provider) == file_stat(provider)  # and now its stat is kept
    builds.check(provider, later(provider))
    assert builds.read == []


def test_a_file_replaced_by_a_link_is_read_again(builds, provider, tmp_path):
    builds.check(provider, later(provider))
    target = tmp_path / "elsewhere.yaml"
    shutil.move(provider, target)
    provider.symlink_to(target)
    again = builds.check(provider, later(target))
    assert builds.read == [provider] and not again.ok  # a link is never read as a provider file


@pytest.mark.parametrize("settings, kept", [
    ({"EDITORIAL_REPORT": True, "SERVICES_INCLUDE_DRAFTS": True}, True),  # a preview
    ({"EDITORIAL_REPORT": True, "SERVICES_INCLUDE_DRAFTS": False}, True),  # a published site with the report
    ({"EDITORIAL_REPORT": False, "SERVICES_INCLUDE_DRAFTS": True}, False),  # drafts shown, no report to read it
    ({"SERVICES_INCLUDE_DRAFTS": False}, False),  # editorial not installed
])
def test_a_checked_files_data_is_held_only_for_the_editorial_report(settings, kept):
    assert keeps_file_data(settings) is kept
