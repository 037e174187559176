"""A service's source path relative to the content folder (Service.get_relative_source_path)
is worked out once per folder; it must be Pelican's own answer for every path."""

import os

import pytest
from pelican.contents import Content
from pelican.settings import DEFAULT_CONFIG

from localoffer.service_directory.service import Service

PATHS = [
    "/site/providers/a.yaml", "/site/providers/sub/b.yaml", "/site/content/c.md", "/site/content/pages/d.md",
    "/elsewhere/e.yaml", "/site/providers/../content/f.yaml", "/site/providers/./g.yaml", "/site//providers//h.yaml",
    "/site/content", "/site/content/..", "/site/content/.", "/site", "/site/", "/", "/site/providers/",
    "providers/i.yaml", "../j.yaml", "k.yaml", "./l.yaml", "content", "site", "/site/contents.yaml",
    "/site/content/providers/m.yaml", "/site/con/tent.yaml",
]


def services(content_path, source_path):
    settings = dict(DEFAULT_CONFIG, PATH=content_path)
    metadata = {"title": "A service", "slug": "a-service"}
    return (Service("", metadata=metadata, settings=settings, source_path=source_path),
            Content("", metadata=metadata, settings=settings, source_path=source_path))


@pytest.mark.parametrize("content_path", ["/site/content", "/site/content/", "/", "/site", "content", "/site/providers"])
@pytest.mark.parametrize("source_path", PATHS)
def test_a_service_relative_source_path_is_pelicans(content_path, source_path, tmp_path, monkeypatch):
    (tmp_path / "site" / "content").mkdir(parents=True)
    monkeypatch.chdir(tmp_path / "site")
    service, content = services(content_path, source_path)
    assert service.relative_source_path == content.relative_source_path
    for other in PATHS:
        assert service.get_relative_source_path(other) == content.get_relative_source_path(other)


def test_a_relative_content_path_follows_the_working_folder(tmp_path, monkeypatch):
    for folder in ("one", "two/deeper"):
        (tmp_path / folder).mkdir(parents=True)
        monkeypatch.chdir(tmp_path / folder)
        service, content = services("content", os.path.join(str(tmp_path), "providers", "a.yaml"))
        assert service.relative_source_path == content.relative_source_path


@pytest.mark.parametrize("content_path", ["/site/content", "/", "content", "/site/providers"])
def test_a_service_made_from_its_facts_has_pelicans_relative_source_path(content_path, tmp_path, monkeypatch):
    import datetime

    from localoffer.service_directory.service import ServiceMaker

    (tmp_path / "site" / "content").mkdir(parents=True)
    monkeypatch.chdir(tmp_path / "site")
    settings = dict(DEFAULT_CONFIG, PATH=content_path)
    facts = {"id": "a-service", "name": "A service", "summary": "S", "status": "published", "categories": [],
             "needs": [], "areas": [], "age_min": 0, "age_max": 5, "last_reviewed": "2026-01-01"}
    maker = ServiceMaker({}, None, settings, {}, datetime.date(2025, 1, 1))
    for path in PATHS * 2:  # the second time, from the folder's answer kept
        content = Content("", metadata={"title": "A service", "slug": "a-service"}, settings=settings, source_path=path)
        assert maker.make(facts, path, None).relative_source_path == content.relative_source_path, path
